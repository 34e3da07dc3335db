import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder, type LeakRecorder } from './helpers/secrets.js';
import { adapterError } from './helpers/adapter.js';
import { findButton, realClick } from './helpers/dom.js';
import type { AeForgotPassword } from '../src/components/forgot-password/forgot-password.js';
import type { AeResetPassword } from '../src/components/reset-password/reset-password.js';
import type { MemoryAdapter as MemoryAdapterType, MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { CallOptions, PasswordResetCapability, ResetPasswordInput } from '../src/adapter/types.js';

// The whole password recovery, as a person goes through it: "Forgot password?" → the letter (read from the
// adapter's outbox, as from a mailbox) → its link opens the reset page → a new password → not signed in →
// the old password no longer works, the new one does. Then what must not be found anywhere in the page.
// The recorder (console, dispatched events, history calls, requested URLs) is installed before the elements
// are imported, so it sees everything they do from their first line.
const recorder: LeakRecorder = installLeakRecorder();
const { MemoryAdapter } = await import('../src/adapter/memory-adapter.js');
const { authFixtures, PASSWORD: HTTP_PASSWORD, NEW_PASSWORD: HTTP_NEW_PASSWORD } = await import('./server/auth-fixtures.js');
await import('../src/define/ae-forgot-password.js');
await import('../src/define/ae-reset-password.js');

const EMAIL = 'maria.ivanova@example.com';
/** Distinctive, with characters that URL, JSON and HTML encode differently. */
const OLD_PASSWORD = 'Old9!pw"x-4410';
const NEW_PASSWORD = 'New7!pw"q-8823';
const CAPTCHA = 'Ab3dE';
const MINUTE = 60_000;
/** While a failure is shown the form keeps what was typed, for the retry: those two values are expected. */
const KEPT = { keptFields: ['password', 'passwordRepeat'] };

/** A MemoryAdapter (its clock moved by the test) with an active profile; `resets` counts resetPassword calls. */
async function activeProfile(options: MemoryAdapterOptions = {}) {
  let time = Date.now();
  const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA, resendCooldownMs: 0, now: () => time, ...options });
  const captcha = await adapter.getCaptcha();
  await adapter.register({
    email: EMAIL,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: OLD_PASSWORD,
    captcha: { id: captcha.id, answer: CAPTCHA },
  });
  const activation = adapter.outbox.find((l) => l.kind === 'activation')!;
  await adapter.activate(activation.token);
  const resets: boolean[] = [];
  const reset = adapter.resetPassword.bind(adapter);
  adapter.resetPassword = (input: ResetPasswordInput, o?: CallOptions) => {
    resets.push(input.signOutOthers);
    return reset(input, o);
  };
  return {
    adapter,
    activation,
    resets,
    advance(ms: number) {
      time += ms;
    },
  };
}

const squash = (s: string | null | undefined) => (s ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
const state = (el: Element) => el.querySelector<HTMLElement>('[data-state]')?.dataset.state;
const input = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

async function typeIn(el: Element, name: string, text: string): Promise<void> {
  input(el, name).focus();
  await sendKeys({ type: text });
}

/** "Forgot password?": types the address, "Send link", waits for the answer. */
async function askForLetter(forgot: AeForgotPassword, email = EMAIL): Promise<void> {
  await forgot.updateComplete;
  await typeIn(forgot, 'email', email);
  await realClick(forgot.querySelector('button[type="submit"]')!);
  await waitUntil(() => forgot.querySelector('[data-state="sent"]'), 'the answer', { timeout: 3000 });
}

/** Opens the letter's link on this page: its fragment becomes the page's, as when the person clicks it. */
function openLink(link: string): void {
  location.hash = new URL(link).hash;
}

async function resetPage(adapter: Partial<PasswordResetCapability>): Promise<AeResetPassword> {
  const el = await fixture<AeResetPassword>(html`<ae-reset-password token-from-url .adapter=${adapter}></ae-reset-password>`);
  await waitUntil(() => state(el) !== undefined || el.form, 'the link checked', { timeout: 3000 });
  await el.updateComplete;
  return el;
}

async function setNewPassword(el: AeResetPassword, password: string, options: { signOutOthers?: boolean } = {}): Promise<void> {
  await typeIn(el, 'password', password);
  await typeIn(el, 'passwordRepeat', password);
  if (options.signOutOthers === false) await realClick(el.querySelector('input[type="checkbox"]')!);
  await realClick(el.querySelector('button[type="submit"]')!);
  await waitUntil(() => state(el) === 'done' || el.querySelector('.ae-error, .ae-banner'), 'the answer', { timeout: 3000 });
  await el.updateComplete;
}

async function expectFoundNowhere(secret: string, what: string): Promise<void> {
  expect(await recorder.find(secret), `${what} found`).to.deep.equal([]);
}

describe('password recovery, the whole loop', () => {
  beforeEach(() => recorder.clear());
  afterEach(() => {
    fixtureCleanup();
    history.replaceState(null, '', location.pathname);
  });

  describe('on the MemoryAdapter', () => {
    it('forgot → the letter → the link → a new password; not signed in; the old password refused, the new one works; the other device signed out', async () => {
      const { adapter, resets } = await activeProfile();
      const phone: MemoryAdapterType = adapter.newDevice();
      await phone.signIn({ email: EMAIL, password: OLD_PASSWORD, remember: false });
      expect((await phone.getSession())?.email, 'the other device is signed in').to.equal(EMAIL);

      const forgot = await fixture<AeForgotPassword>(html`<ae-forgot-password .adapter=${adapter}></ae-forgot-password>`);
      await askForLetter(forgot);
      const letter = adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!;
      expect(letter.to).to.equal(EMAIL);
      expect(new URL(letter.link).hash).to.equal(`#token=${encodeURIComponent(letter.token)}`);

      openLink(letter.link);
      const reset = await resetPage(adapter);
      expect(location.href, 'the token left the address').to.not.contain(letter.token);
      expect(squash(reset.querySelector('.ae-greeting')?.textContent)).to.equal('Choose a new password for m***@example.com.');
      // The first save meets no connection: the form keeps the typed passwords for the retry, and only there.
      adapter.failNext('network', { method: 'resetPassword' });
      await setNewPassword(reset, NEW_PASSWORD);
      expect(squash(reset.querySelector('.ae-banner p')?.textContent)).to.equal('No connection. Check the internet and try again.');
      expect([input(reset, 'password').value, input(reset, 'passwordRepeat').value]).to.deep.equal([NEW_PASSWORD, NEW_PASSWORD]);
      expect(await recorder.find(NEW_PASSWORD, KEPT), 'the new password found while the form is kept').to.deep.equal([]);
      await realClick(findButton(reset.querySelector('.ae-banner')!, 'Try again'));
      await waitUntil(() => state(reset) === 'done', 'done on retry', { timeout: 3000 });
      expect(resets).to.deep.equal([true, true]);

      expect(await adapter.getSession(), 'the reset does not sign in').to.equal(null);
      expect(await phone.getSession(), 'the other device was signed out').to.equal(null);
      await adapterError(adapter.signIn({ email: EMAIL, password: OLD_PASSWORD, remember: false }), 'invalid_credentials');
      const session = await adapter.signIn({ email: EMAIL, password: NEW_PASSWORD, remember: false });
      expect(session.email).to.equal(EMAIL);
      await adapter.signOut();

      // The same link again (another tab, the back button): used.
      fixtureCleanup();
      openLink(letter.link);
      const again = await resetPage(adapter);
      expect(state(again)).to.equal('used');
      expect(squash(again.querySelector('[data-state] h3')?.textContent)).to.equal('This link was already used');

      await expectFoundNowhere(NEW_PASSWORD, 'the new password');
      await expectFoundNowhere(OLD_PASSWORD, 'the old password');
      // The token is in the adapter's own `letter` event (the outbox stands in for a mail server) and nowhere else.
      const token = (await recorder.find(letter.token)).filter((where) => !where.startsWith('event letter dispatched'));
      expect(token, 'the token found').to.deep.equal([]);
    });

    it('with "Sign out of all other devices" unchecked the other device stays signed in', async () => {
      const { adapter, resets } = await activeProfile();
      const phone = adapter.newDevice();
      await phone.signIn({ email: EMAIL, password: OLD_PASSWORD, remember: false });
      await adapter.requestPasswordReset(EMAIL);
      openLink(adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!.link);
      const reset = await resetPage(adapter);
      await setNewPassword(reset, NEW_PASSWORD, { signOutOthers: false });
      expect(state(reset)).to.equal('done');
      expect(resets).to.deep.equal([false]);
      expect((await phone.getSession())?.email).to.equal(EMAIL);
      expect(await adapter.getSession()).to.equal(null);
      await expectFoundNowhere(NEW_PASSWORD, 'the new password');
    });

    it('a common password is refused on the client, with its message; a good one then goes through', async () => {
      const { adapter, resets } = await activeProfile();
      await adapter.requestPasswordReset(EMAIL);
      openLink(adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!.link);
      const reset = await resetPage(adapter);
      await setNewPassword(reset, 'Qwerty123');
      expect(squash(reset.querySelector('[data-field="password"] .ae-error')?.textContent)).to.equal(
        'This password is one of the most common ones: choose another',
      );
      expect(resets.length, 'no call for a common password').to.equal(0);
      input(reset, 'password').select();
      input(reset, 'password').focus();
      await sendKeys({ press: 'Backspace' });
      await typeIn(reset, 'password', NEW_PASSWORD);
      input(reset, 'passwordRepeat').select();
      await sendKeys({ press: 'Backspace' });
      await typeIn(reset, 'passwordRepeat', NEW_PASSWORD);
      await realClick(reset.querySelector('button[type="submit"]')!);
      await waitUntil(() => state(reset) === 'done', 'done', { timeout: 3000 });
      expect(resets.length).to.equal(1);
      await expectFoundNowhere(NEW_PASSWORD, 'the new password');
      await expectFoundNowhere('Qwerty123', 'the refused password');
    });

    it('an expired link: "The link has expired" → "Request a new link" → a new letter whose link works', async () => {
      const { adapter, advance } = await activeProfile();
      const forgot = await fixture<AeForgotPassword>(html`<ae-forgot-password .adapter=${adapter}></ae-forgot-password>`);
      await askForLetter(forgot);
      const old = adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!;
      fixtureCleanup();
      advance(30 * MINUTE + 1000);
      openLink(old.link);
      const reset = await resetPage(adapter);
      expect(state(reset)).to.equal('expired');
      expect(squash(reset.querySelector('[data-state] h3')?.textContent)).to.equal('The link has expired');

      await realClick(findButton(reset, 'Request a new link'));
      await waitUntil(() => reset.querySelector('ae-forgot-password'), 'the forgot form in its place', { timeout: 3000 });
      await askForLetter(reset.querySelector('ae-forgot-password')!);
      const fresh = adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!;
      expect(fresh.token).to.not.equal(old.token);

      fixtureCleanup();
      openLink(fresh.link);
      const page = await resetPage(adapter);
      await setNewPassword(page, NEW_PASSWORD);
      expect(state(page)).to.equal('done');
      await adapter.signIn({ email: EMAIL, password: NEW_PASSWORD, remember: false });
      await adapter.signOut();
    });

    it('the activation letter\'s link is not a reset link: "This link is not valid"', async () => {
      const { adapter, activation } = await activeProfile();
      openLink(activation.link);
      const reset = await resetPage(adapter);
      expect(state(reset)).to.equal('invalid');
      expect(location.href).to.not.contain(activation.token);
    });

    it('enumeration-safe: an unknown address gets the same answer and event, and no letter', async () => {
      const { adapter } = await activeProfile();
      const seen: string[] = [];
      const note = (e: Event) => seen.push(`${e.type}:${Object.keys((e as CustomEvent).detail).join(',')}`);
      document.addEventListener('ae-reset-requested', note);
      try {
        const a = await fixture<AeForgotPassword>(html`<ae-forgot-password .adapter=${adapter}></ae-forgot-password>`);
        await askForLetter(a, EMAIL);
        const b = await fixture<AeForgotPassword>(html`<ae-forgot-password .adapter=${adapter}></ae-forgot-password>`);
        await askForLetter(b, 'mxxxx.xxxxxxx@example.com');
        const text = (el: Element) => squash(el.querySelector('[data-state="sent"]')?.textContent);
        expect(text(b)).to.equal(text(a));
        expect(seen).to.deep.equal(['ae-reset-requested:email', 'ae-reset-requested:email']);
      } finally {
        document.removeEventListener('ae-reset-requested', note);
      }
      expect(adapter.outbox.filter((l) => l.kind === 'reset').map((l) => l.to)).to.deep.equal([EMAIL]);
    });
  });

  describe('over HTTP (HttpAdapter and the contract server)', () => {
    const NAMESPACE = `password-reset-flow-${Math.random().toString(36).slice(2)}`;
    const HTTP_EMAIL = 'Maria.Flow@Example.test';
    let f: Awaited<ReturnType<typeof authFixtures>>;
    before(async () => {
      f = await authFixtures(NAMESPACE);
    });
    beforeEach(() => f.server.reset({ resendCooldownMs: 0 }));
    afterEach(async () => {
      await f.signOutHere();
      await f.server.expectNoViolations();
    });

    it('the same loop: the letter from the server\'s outbox, a reset that does not sign in, the other browser signed out', async () => {
      await f.activeProfile(HTTP_EMAIL, HTTP_PASSWORD);
      const phone = f.otherBrowser('phone');
      await phone.signIn({ email: HTTP_EMAIL, password: HTTP_PASSWORD, remember: false });
      expect(await phone.getSession()).to.not.equal(null);

      const forgot = await fixture<AeForgotPassword>(html`<ae-forgot-password .adapter=${f.adapter()}></ae-forgot-password>`);
      await askForLetter(forgot, HTTP_EMAIL);
      const letter = (await f.server.letters('reset')).at(-1)!;
      expect(letter.to).to.equal(HTTP_EMAIL);

      openLink(letter.link);
      const reset = await resetPage(f.adapter());
      expect(squash(reset.querySelector('.ae-greeting')?.textContent)).to.equal('Choose a new password for M***@Example.test.');
      await setNewPassword(reset, HTTP_NEW_PASSWORD);
      expect(state(reset)).to.equal('done');

      expect(await f.adapter().getSession(), 'not signed in').to.equal(null);
      expect(await phone.getSession(), 'the other browser was signed out').to.equal(null);
      await adapterError(f.adapter().signIn({ email: HTTP_EMAIL, password: HTTP_PASSWORD, remember: false }), 'invalid_credentials');
      await f.adapter().signIn({ email: HTTP_EMAIL, password: HTTP_NEW_PASSWORD, remember: false });

      fixtureCleanup();
      openLink(letter.link);
      const again = await resetPage(f.adapter());
      expect(state(again)).to.equal('used');
      await expectFoundNowhere(HTTP_NEW_PASSWORD, 'the new password');
    });
  });
});
