import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-reset-password.js';
import type { AeResetPassword } from '../src/components/reset-password/reset-password.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { CallOptions, PasswordResetCapability, ResetPasswordInput } from '../src/adapter/types.js';
import { setLocale } from '../src/locales/localization.js';
import { assertFocused, findButton, realClick, shownText, tab } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

// Test files run side by side as tabs of one origin: this one's sign-ins stay on its own channel.
setSessionChannelName(`ae-test:reset-password:${Math.random()}`);

const EMAIL = 'ivan.petrov@example.com';
const MASKED = 'i***@example.com';
const OLD_PASSWORD = 'Secret123';
const NEW_PASSWORD = 'Vl7-kestrel-umbra';
const CAPTCHA = 'Ab3dE';
const MINUTE = 60_000;
const EVENTS = [
  'ae-reset-password-success',
  'ae-reset-password-error',
  'ae-reset-password-request-link',
  'ae-reset-password-sign-in',
];

/**
 * A MemoryAdapter (with a clock the test moves) holding one active profile and a reset letter for it.
 * `checks` and `resets` count the calls that reached the adapter (never their passwords).
 */
async function setup(options: MemoryAdapterOptions = {}) {
  let time = Date.now();
  const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA, resendCooldownMs: 0, now: () => time, ...options });
  const captcha = await adapter.getCaptcha();
  await adapter.register({
    email: EMAIL,
    firstName: 'Ivan',
    lastName: 'Petrov',
    password: OLD_PASSWORD,
    captcha: { id: captcha.id, answer: CAPTCHA },
  });
  const activationToken = adapter.outbox[0]!.token;
  await adapter.activate(activationToken);
  await adapter.requestPasswordReset(EMAIL);
  const token = adapter.outbox.filter((l) => l.kind === 'reset').at(-1)!.token;
  const checks: string[] = [];
  const resets: { signOutOthers: boolean }[] = [];
  const check = adapter.checkResetToken.bind(adapter);
  adapter.checkResetToken = (t: string, o?: CallOptions) => {
    checks.push(t);
    return check(t, o);
  };
  const reset = adapter.resetPassword.bind(adapter);
  adapter.resetPassword = (input: ResetPasswordInput, o?: CallOptions) => {
    resets.push({ signOutOthers: input.signOutOthers });
    return reset(input, o);
  };
  return {
    adapter,
    token,
    activationToken,
    checks,
    resets,
    advance(ms: number) {
      time += ms;
    },
  };
}

let events: CustomEvent[] = [];
const record = (e: Event) => events.push(e as CustomEvent);
const eventsOf = (type: string) => events.filter((e) => e.type === type);

/** Collapses the markup's white space (not the NBSP between a number and its unit). */
const squash = (s: string | null | undefined) => (s ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
const state = (el: Element) => el.querySelector<HTMLElement>('[data-state]')?.dataset.state;
const paragraphs = (el: Element) => [...el.querySelectorAll('[data-state] p')].map((p) => squash(p.textContent)).filter(Boolean);
const heading = (el: Element) => squash(el.querySelector('[data-state] h3')?.textContent);
const pw = (el: Element, name = 'password') => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const submitButton = (el: Element) => el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
/** The error shown for a field: the node its aria-describedby names with `-error`. */
function errorOf(el: Element, name: string): string {
  const id = (pw(el, name).getAttribute('aria-describedby') ?? '').split(' ').find((x) => x.endsWith('-error'));
  return id ? squash(el.querySelector(`#${CSS.escape(id)}`)?.textContent) : '';
}

async function mount(adapter: Partial<PasswordResetCapability>, token?: string): Promise<AeResetPassword> {
  const el = await fixture<AeResetPassword>(html`<ae-reset-password .adapter=${adapter} .token=${token}></ae-reset-password>`);
  await el.updateComplete;
  return el;
}

async function formShown(el: AeResetPassword): Promise<void> {
  await waitUntil(() => el.form, 'the new password form', { timeout: 3000 });
  await el.updateComplete;
}

async function typeIn(el: Element, name: string, text: string): Promise<void> {
  pw(el, name).focus();
  await sendKeys({ type: text });
}

async function fill(el: AeResetPassword, password: string, repeat = password): Promise<void> {
  await typeIn(el, 'password', password);
  await typeIn(el, 'passwordRepeat', repeat);
}

async function submitAndWait(el: AeResetPassword, until: () => unknown): Promise<void> {
  await realClick(submitButton(el));
  await waitUntil(until, 'the answer', { timeout: 3000 });
  await el.updateComplete;
}

describe('<ae-reset-password>', () => {
  beforeEach(() => {
    events = [];
    for (const type of EVENTS) document.addEventListener(type, record);
  });
  afterEach(async () => {
    for (const type of EVENTS) document.removeEventListener(type, record);
    fixtureCleanup();
    await setLocale('en');
  });

  describe('when the link is valid', () => {
    // First in the file: the list is one chunk per page, requested once.
    it('the common-password list is requested when the form appears, not while the link is checked', async () => {
      const listRequested = () =>
        performance.getEntriesByType('resource').some((e) => e.name.includes('common-passwords-list'));
      expect(listRequested(), 'not requested before').to.equal(false);
      const { adapter, token } = await setup({ latency: 300 });
      const el = await mount(adapter, token);
      await new Promise((r) => setTimeout(r, 150));
      expect(state(el) ?? el.querySelector('.ae-checking') !== null, 'still checking').to.equal(true);
      expect(listRequested(), 'not during the check').to.equal(false);
      await formShown(el);
      await waitUntil(listRequested, 'the list requested once the form is shown', { timeout: 3000 });
    });

    it('checks it first ("Checking the link…"), then greets with the masked address and shows the form', async () => {
      const { adapter, token, checks } = await setup({ latency: 150 });
      const el = await mount(adapter, token);
      expect(squash(el.querySelector('.ae-checking')?.textContent)).to.equal('Checking the link…');
      expect(el.querySelector('.ae-checking')!.getAttribute('role')).to.equal('status');
      expect(el.matches(':state(pending)')).to.equal(true);
      expect(el.form === null, 'no form before the check').to.equal(true);
      await formShown(el);
      expect(squash(el.querySelector('.ae-greeting')?.textContent)).to.equal(`Choose a new password for ${MASKED}.`);
      expect(checks).to.deep.equal([token]);
      assertFocused(el.querySelector('.ae-greeting'), 'focus on the greeting');
      expect(squash(el.shadowRoot!.querySelector('[part="heading"]')?.textContent)).to.equal('Reset password');
    });

    it('two light-DOM password fields (new-password), the registration\'s hint, show/hide for both, "Sign out of all other devices" checked', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      for (const name of ['password', 'passwordRepeat']) {
        expect(pw(el, name).type, name).to.equal('password');
        expect(pw(el, name).getAttribute('autocomplete'), name).to.equal('new-password');
        expect(pw(el, name).closest('form') === el.form, `${name} in the light-DOM form`).to.equal(true);
      }
      expect(squash(el.querySelector(`label[for="${pw(el).id}"]`)?.textContent)).to.equal('New password');
      expect(squash(el.querySelector(`label[for="${pw(el, 'passwordRepeat').id}"]`)?.textContent)).to.equal('Repeat password');
      expect(squash(el.querySelector('.ae-hint')?.textContent)).to.equal(
        'At least 8\u00a0characters, with at least one letter and one digit.',
      );
      const box = el.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
      expect(box.checked, 'checked by default').to.equal(true);
      expect(squash(box.closest('label')?.textContent)).to.equal('Sign out of all other devices');
      expect(shownText(submitButton(el)).trim()).to.equal('Save password');

      await fill(el, NEW_PASSWORD);
      const toggle = findButton(el, 'Show password');
      await realClick(toggle);
      await el.updateComplete;
      expect([pw(el).type, pw(el, 'passwordRepeat').type]).to.deep.equal(['text', 'text']);
      expect(toggle.getAttribute('aria-label')).to.equal('Hide password');
      expect(toggle.getAttribute('aria-controls')).to.equal(`${pw(el).id} ${pw(el, 'passwordRepeat').id}`);
      expect(pw(el).value, 'the typed password stays').to.equal(NEW_PASSWORD);
    });

    it('shows while typing the repeat whether the passwords match', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      const status = () => squash(el.querySelector(`[data-field="passwordRepeat"] .ae-status`)?.textContent);
      await typeIn(el, 'password', NEW_PASSWORD);
      await typeIn(el, 'passwordRepeat', NEW_PASSWORD.slice(0, 4));
      await el.updateComplete;
      expect(status(), 'nothing while the repeat may still become the password').to.equal('');
      await sendKeys({ type: 'X' });
      await el.updateComplete;
      expect(status()).to.equal('Passwords do not match');
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: NEW_PASSWORD.slice(4) });
      await el.updateComplete;
      expect(status()).to.equal('Passwords match');
    });

    it('warns while Caps Lock is on', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      const field = pw(el, 'passwordRepeat');
      field.focus();
      // The Caps Lock state of a real keyboard cannot be set from a test; the browser reports it on key events.
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: true, bubbles: true }));
      await el.updateComplete;
      expect(squash(el.querySelector('[data-field="passwordRepeat"] .ae-warning')?.textContent)).to.equal('Caps Lock is on');
      expect(field.getAttribute('aria-describedby')).to.contain('-warning');
      field.dispatchEvent(new KeyboardEvent('keyup', { key: 'CapsLock', modifierCapsLock: false, bubbles: true }));
      await el.updateComplete;
      expect(el.textContent).not.to.contain('Caps Lock is on');
    });
  });

  describe('when the new password breaks a rule', () => {
    it('the registration\'s rules, on submit: the message under the field, focus on the first problem, no call', async () => {
      const { adapter, token, resets } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await realClick(submitButton(el));
      await el.updateComplete;
      expect(errorOf(el, 'password')).to.equal('Enter a password');
      expect(errorOf(el, 'passwordRepeat')).to.equal('Type the password again');
      assertFocused(pw(el), 'focus on the first problem');
      await fill(el, 'short1', 'short2');
      await realClick(submitButton(el));
      await el.updateComplete;
      expect(errorOf(el, 'password')).to.equal('The password needs at least 8\u00a0characters');
      expect(errorOf(el, 'passwordRepeat')).to.equal('The passwords do not match');
      expect(pw(el).getAttribute('aria-invalid')).to.equal('true');
      expect(resets.length).to.equal(0);
    });

    it('a message appears when the field is left after a change', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await typeIn(el, 'password', 'onlyletters');
      expect(errorOf(el, 'password'), 'not while typing').to.equal('');
      await tab();
      await el.updateComplete;
      expect(errorOf(el, 'password')).to.equal('Add at least one digit to the password');
    });

    it('a common password is refused on the client, with its message, before any call', async () => {
      const { adapter, token, resets } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, 'Password1');
      await realClick(submitButton(el));
      await waitUntil(() => errorOf(el, 'password'), 'the message', { timeout: 3000 });
      expect(errorOf(el, 'password')).to.equal('This password is one of the most common ones: choose another');
      assertFocused(pw(el));
      expect(resets.length, 'the adapter was not asked').to.equal(0);
      expect(pw(el).value, 'kept for correcting').to.equal('Password1');
    });

    it('a common password filled in by a password manager (input events, no change) is refused on submit before any call', async () => {
      const { adapter, token, resets } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      // What autofill does: the value and an input event, no keystrokes and no change event.
      for (const name of ['password', 'passwordRepeat']) {
        pw(el, name).value = 'Password1';
        pw(el, name).dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      await el.updateComplete;
      await realClick(submitButton(el));
      await waitUntil(() => errorOf(el, 'password'), 'the message', { timeout: 3000 });
      expect(errorOf(el, 'password')).to.equal('This password is one of the most common ones: choose another');
      expect(resets.length, 'the adapter was not asked').to.equal(0);
    });

    it('the server\'s refusal (validation, fieldErrors.password) lands on the field', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('validation', { method: 'resetPassword', fieldErrors: { password: 'password.common' } });
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      await submitAndWait(el, () => errorOf(el, 'password'));
      expect(errorOf(el, 'password')).to.equal('This password is one of the most common ones: choose another');
      assertFocused(pw(el));
      expect(eventsOf('ae-reset-password-error').map((e) => e.detail)).to.deep.equal([{ code: 'validation' }]);
      expect(el.form, 'still the form').to.not.equal(null);
      // Changing the field clears the server's message.
      await sendKeys({ type: 'x' });
      await el.updateComplete;
      expect(errorOf(el, 'password')).to.equal('');
    });
  });

  describe('when the password is changed', () => {
    it('says so, signs nobody in, empties the fields, and offers "Sign in"', async () => {
      const { adapter, token, resets } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      const typedInputs = [pw(el), pw(el, 'passwordRepeat')];
      await submitAndWait(el, () => state(el) === 'done');
      expect(heading(el)).to.equal('Your password is changed');
      expect(paragraphs(el)).to.deep.equal(['You were signed out on all other devices.', 'Sign in with your new password.']);
      assertFocused(el.querySelector('[data-state="done"] h3'), 'focus on the heading');
      expect(el.matches(':state(done)')).to.equal(true);
      expect(resets).to.deep.equal([{ signOutOthers: true }]);
      expect(await adapter.getSession(), 'not signed in').to.equal(null);
      expect(typedInputs.map((i) => i.value), 'the fields were emptied').to.deep.equal(['', '']);
      expect(el.querySelector('input[name^="password"]') === null).to.equal(true);
      const success = eventsOf('ae-reset-password-success');
      expect(success.length).to.equal(1);
      expect(success[0]!.detail).to.deep.equal({ signedOutOthers: true });
      expect(JSON.stringify(success[0]!.detail)).to.not.contain(token);
      expect(findButton(el, 'Sign in')).to.not.equal(null);
    });

    it('with "Sign out of all other devices" unchecked: sends false and does not say so', async () => {
      const { adapter, token, resets } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      await realClick(el.querySelector('input[type="checkbox"]')!);
      await submitAndWait(el, () => state(el) === 'done');
      expect(resets).to.deep.equal([{ signOutOthers: false }]);
      expect(paragraphs(el)).to.deep.equal(['Sign in with your new password.']);
      expect(eventsOf('ae-reset-password-success')[0]!.detail).to.deep.equal({ signedOutOthers: false });
    });

    it('"Sign in" fires a cancelable event; without <ae-login> on the page only the event', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      await submitAndWait(el, () => state(el) === 'done');
      expect(customElements.get('ae-login')).to.equal(undefined);
      await realClick(findButton(el, 'Sign in'));
      const signIn = eventsOf('ae-reset-password-sign-in');
      expect(signIn.length).to.equal(1);
      expect(signIn[0]!.cancelable && signIn[0]!.bubbles && signIn[0]!.composed).to.equal(true);
      expect(state(el)).to.equal('done');
    });
  });

  describe('when the link cannot be used', () => {
    it('unknown: "This link is not valid" and "Request a new link"', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter, 'not-a-token-of-ours');
      await waitUntil(() => state(el) === 'invalid', 'invalid');
      expect(heading(el)).to.equal('This link is not valid');
      expect(findButton(el, 'Request a new link')).to.not.equal(null);
      expect(eventsOf('ae-reset-password-error').map((e) => e.detail)).to.deep.equal([{ code: 'token_invalid' }]);
      expect(el.matches(':state(link-error)')).to.equal(true);
      assertFocused(el.querySelector('[data-state] h3'));
    });

    it('an activation token is not a reset token: invalid', async () => {
      const { adapter, activationToken } = await setup();
      const el = await mount(adapter, activationToken);
      await waitUntil(() => state(el) === 'invalid', 'invalid');
      expect(heading(el)).to.equal('This link is not valid');
    });

    it('expired (30 minutes): "The link has expired"', async () => {
      const { adapter, token, advance } = await setup();
      advance(30 * MINUTE + 1000);
      const el = await mount(adapter, token);
      await waitUntil(() => state(el) === 'expired', 'expired');
      expect(heading(el)).to.equal('The link has expired');
      expect(findButton(el, 'Request a new link')).to.not.equal(null);
      expect(eventsOf('ae-reset-password-error')[0]!.detail.code).to.equal('token_expired');
    });

    it('used: "This link was already used", with "Request a new link" and "Sign in"', async () => {
      const { adapter, token } = await setup();
      await adapter.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false });
      const el = await mount(adapter, token);
      await waitUntil(() => state(el) === 'used', 'used');
      expect(heading(el)).to.equal('This link was already used');
      expect(findButton(el, 'Request a new link')).to.not.equal(null);
      expect(findButton(el, 'Sign in')).to.not.equal(null);
      expect(eventsOf('ae-reset-password-error')[0]!.detail.code).to.equal('token_used');
    });

    it('no token at all: asks to open the link from the letter, and calls nobody', async () => {
      const { adapter, checks } = await setup();
      const el = await mount(adapter);
      expect(state(el)).to.equal('idle');
      expect(heading(el)).to.equal('Open the link from the letter');
      expect(findButton(el, 'Request a new link')).to.not.equal(null);
      expect(checks.length).to.equal(0);
    });

    it('expired while the form was open: the submit shows the expired state and empties the fields', async () => {
      const { adapter, token, advance } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      const inputs = [pw(el), pw(el, 'passwordRepeat')];
      advance(31 * MINUTE);
      await submitAndWait(el, () => state(el) === 'expired');
      expect(heading(el)).to.equal('The link has expired');
      expect(inputs.map((i) => i.value)).to.deep.equal(['', '']);
      assertFocused(el.querySelector('[data-state] h3'), 'focus on the new state');
    });

    it('used in another tab while the form was open: the submit shows the used state', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await adapter.resetPassword({ token, password: 'Another-tab-42', signOutOthers: false });
      await fill(el, NEW_PASSWORD);
      await submitAndWait(el, () => state(el) === 'used');
      expect(heading(el)).to.equal('This link was already used');
    });

    it('"Request a new link" fires a cancelable event; canceled, the state stays', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter, 'unknown');
      await waitUntil(() => state(el) === 'invalid', 'invalid');
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-reset-password-request-link', cancel);
      try {
        await realClick(findButton(el, 'Request a new link'));
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        document.removeEventListener('ae-reset-password-request-link', cancel);
      }
      const e = eventsOf('ae-reset-password-request-link');
      expect(e.length).to.equal(1);
      expect(e[0]!.cancelable && e[0]!.bubbles && e[0]!.composed).to.equal(true);
      expect(state(el)).to.equal('invalid');
      expect(el.querySelector('ae-forgot-password') === null).to.equal(true);
    });

    it('"Request a new link" by default puts <ae-forgot-password> (loaded then) in its place, on the same adapter', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter, 'unknown');
      await waitUntil(() => state(el) === 'invalid', 'invalid');
      await realClick(findButton(el, 'Request a new link'));
      await waitUntil(() => el.querySelector('ae-forgot-password'), '<ae-forgot-password>', { timeout: 3000 });
      const forgot = el.querySelector('ae-forgot-password')!;
      expect(customElements.get('ae-forgot-password') !== undefined, 'defined by the lazy import').to.equal(true);
      expect(forgot.adapter === adapter, 'same adapter').to.equal(true);
      expect(el.shadowRoot!.querySelector('[part="base"]') === null, 'no frame of its own').to.equal(true);
      await forgot.updateComplete;
      assertFocused(forgot, 'focus moves to it');
    });
  });

  describe('when the server cannot be reached', () => {
    it('checking the link: "Could not check the link" and "Try again" checks it again', async () => {
      const { adapter, token, checks } = await setup();
      adapter.failNext('network', { method: 'checkResetToken' });
      const el = await mount(adapter, token);
      await waitUntil(() => state(el) === 'unchecked', 'unchecked');
      const banner = el.querySelector<HTMLElement>('[data-state="unchecked"]')!;
      expect(squash(banner.querySelector('h3')?.textContent)).to.equal('Could not check the link');
      expect(squash(banner.querySelector('p')?.textContent)).to.equal('No connection. Check the internet and try again.');
      expect(banner.getAttribute('role')).to.equal('alert');
      assertFocused(banner);
      await realClick(findButton(banner, 'Try again'));
      await formShown(el);
      expect(checks).to.deep.equal([token, token]);
    });

    it('checking the link, server: says so without claiming anything typed was kept', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('server', { method: 'checkResetToken' });
      const el = await mount(adapter, token);
      await waitUntil(() => state(el) === 'unchecked', 'unchecked');
      expect(squash(el.querySelector('[data-state="unchecked"] p')?.textContent)).to.equal(
        'Something went wrong on our side. Try again in a moment.',
      );
      expect(eventsOf('ae-reset-password-error').map((e) => e.detail)).to.deep.equal([{ code: 'server' }]);
    });

    for (const [code, text] of [
      ['network', 'No connection. Check the internet and try again.'],
      ['timeout', 'The server is not responding. Try again in a moment.'],
      ['server', 'Something went wrong on our side. Try again: what you typed is kept.'],
    ] as const) {
      it(`saving, ${code}: the message at the top, the passwords kept, "Try again" saves`, async () => {
        const { adapter, token, resets } = await setup();
        adapter.failNext(code, { method: 'resetPassword' });
        const el = await mount(adapter, token);
        await formShown(el);
        await fill(el, NEW_PASSWORD);
        await submitAndWait(el, () => el.querySelector('.ae-banner'));
        const banner = el.querySelector<HTMLElement>('.ae-banner')!;
        expect(squash(banner.querySelector('p')?.textContent)).to.equal(text);
        assertFocused(banner);
        expect([pw(el).value, pw(el, 'passwordRepeat').value], 'kept for the retry').to.deep.equal([NEW_PASSWORD, NEW_PASSWORD]);
        expect(eventsOf('ae-reset-password-error').map((e) => e.detail.code)).to.deep.equal([code]);
        await realClick(findButton(banner, 'Try again'));
        await waitUntil(() => state(el) === 'done', 'done on retry', { timeout: 3000 });
        expect(resets.length).to.equal(2);
      });
    }

    it('saving, rate_limited: the countdown, "Try again" unavailable until it ends', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('rate_limited', { method: 'resetPassword', retryAfter: 1 });
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      await submitAndWait(el, () => el.querySelector('.ae-banner'));
      const banner = () => el.querySelector<HTMLElement>('.ae-banner')!;
      expect(squash(banner().querySelector('p')?.textContent)).to.equal('Too many attempts, wait 1\u00a0second and try again');
      expect(findButton(banner(), 'Try again').getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => findButton(banner(), 'Try again').getAttribute('aria-disabled') === 'false', 'wait over', {
        timeout: 3000,
      });
      await realClick(findButton(banner(), 'Try again'));
      await waitUntil(() => state(el) === 'done', 'done');
    });

    it('an adapter without password reset: says the form cannot work here', async () => {
      const el = await mount({}, 'some-token');
      await waitUntil(() => state(el) === 'unchecked', 'unchecked');
      expect(squash(el.querySelector('[data-state="unchecked"] p')?.textContent)).to.equal(
        'This form cannot work on this page yet. Please contact the site’s support.',
      );
      expect(el.querySelector('[data-state="unchecked"] button') === null).to.equal(true);
    });
  });

  describe('the token', () => {
    afterEach(() => history.replaceState(null, '', location.pathname));

    it('token-from-url: takes #token= and removes it from the address, keeping the rest', async () => {
      const { adapter, token, checks } = await setup();
      history.replaceState(null, '', `${location.pathname}?page=1#token=${encodeURIComponent(token)}&from=letter`);
      const el = await fixture<AeResetPassword>(html`<ae-reset-password token-from-url .adapter=${adapter}></ae-reset-password>`);
      await formShown(el);
      expect(checks).to.deep.equal([token]);
      expect(location.href).to.not.contain(token);
      expect(location.search).to.equal('?page=1');
      expect(location.hash).to.equal('#from=letter');
    });

    it('token-from-url: takes ?token= too', async () => {
      const { adapter, token } = await setup();
      history.replaceState(null, '', `${location.pathname}?token=${encodeURIComponent(token)}`);
      const el = await fixture<AeResetPassword>(html`<ae-reset-password token-from-url .adapter=${adapter}></ae-reset-password>`);
      await formShown(el);
      expect(location.href).to.not.contain(token);
    });

    it('without the attribute the address is left alone', async () => {
      const { adapter, token, checks } = await setup();
      history.replaceState(null, '', `${location.pathname}#token=${token}`);
      const el = await mount(adapter);
      expect(state(el)).to.equal('idle');
      expect(location.hash).to.equal(`#token=${token}`);
      expect(checks.length).to.equal(0);
    });

    it('checks each token once; a new token is checked again and resets the form', async () => {
      const { adapter, token, checks } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await typeIn(el, 'password', NEW_PASSWORD);
      el.token = token;
      el.requestUpdate();
      await el.updateComplete;
      expect(checks).to.deep.equal([token]);
      el.token = 'another';
      await waitUntil(() => state(el) === 'invalid', 'the new token checked');
      expect(checks).to.deep.equal([token, 'another']);
      expect(events.map((e) => e.type), 'setting a property fires only the outcome of the check').to.deep.equal(['ae-reset-password-error']);
    });

    it('removed from the page: the passwords are emptied, and the form is back (re-checked) when put back', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      const inputs = [pw(el), pw(el, 'passwordRepeat')];
      const parent = el.parentElement!;
      el.remove();
      expect(inputs.map((i) => i.value)).to.deep.equal(['', '']);
      parent.append(el);
      await el.updateComplete;
      expect(el.form).to.not.equal(null);
      expect(pw(el).value).to.equal('');
    });

    it('removed during the check: the check is aborted and made again when put back', async () => {
      const { adapter, token, checks } = await setup({ latency: 150 });
      const el = await mount(adapter, token);
      const parent = el.parentElement!;
      el.remove();
      await new Promise((r) => setTimeout(r, 250));
      expect(el.form === null, 'the aborted check shows no form').to.equal(true);
      parent.append(el);
      await formShown(el);
      expect(checks).to.deep.equal([token, token]);
    });
  });

  describe('with <ae-login> defined', () => {
    before(() => {
      // A stand-in: the real <ae-login> is another element's test; here only the hand-over is checked.
      if (!customElements.get('ae-login')) customElements.define('ae-login', class extends HTMLElement {});
    });

    it('"Sign in" by default puts an <ae-login> in its place, on the same adapter; canceled, it stays', async () => {
      const { adapter, token } = await setup();
      const el = await mount(adapter, token);
      await formShown(el);
      await fill(el, NEW_PASSWORD);
      await submitAndWait(el, () => state(el) === 'done');
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-reset-password-sign-in', cancel, { once: true });
      await realClick(findButton(el, 'Sign in'));
      await el.updateComplete;
      expect(el.querySelector('ae-login') === null, 'canceled').to.equal(true);
      await realClick(findButton(el, 'Sign in'));
      await el.updateComplete;
      const login = el.querySelector('ae-login') as (HTMLElement & { adapter?: unknown }) | null;
      expect(login).to.not.equal(null);
      expect(login!.adapter === adapter, 'same adapter').to.equal(true);
      assertFocused(login, 'focus moves to it');
    });
  });

  describe('accessibility (axe-core), in en, ru and bg', () => {
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`${locale}: checking, form, field errors and match state, server banner, done`, async () => {
        await setLocale(locale);
        const { adapter, token } = await setup({ latency: 100 });
        const el = await mount(adapter, token);
        await expectAccessible(el, `${locale} checking`);
        await formShown(el);
        await expectAccessible(el, `${locale} form`);
        await realClick(submitButton(el));
        await el.updateComplete;
        await expectAccessible(el, `${locale} errors`);
        await typeIn(el, 'password', NEW_PASSWORD);
        await typeIn(el, 'passwordRepeat', NEW_PASSWORD);
        pw(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: true, bubbles: true }));
        await el.updateComplete;
        await expectAccessible(el, `${locale} match state and Caps Lock`);
        adapter.failNext('server', { method: 'resetPassword' });
        await submitAndWait(el, () => el.querySelector('.ae-banner'));
        await expectAccessible(el, `${locale} server banner`);
        await realClick(findButton(el.querySelector('.ae-banner')!, /./));
        await waitUntil(() => state(el) === 'done', 'done', { timeout: 3000 });
        await expectAccessible(el, `${locale} done`);
      });

      it(`${locale}: idle, invalid, expired, used, could not check`, async () => {
        await setLocale(locale);
        const { adapter, token, advance } = await setup();
        const idle = await mount(adapter);
        await expectAccessible(idle, `${locale} idle`);
        const invalid = await mount(adapter, 'unknown');
        await waitUntil(() => state(invalid) === 'invalid', 'invalid');
        await expectAccessible(invalid, `${locale} invalid`);
        adapter.failNext('timeout', { method: 'checkResetToken' });
        const unchecked = await mount(adapter, token);
        await waitUntil(() => state(unchecked) === 'unchecked', 'unchecked');
        await expectAccessible(unchecked, `${locale} unchecked`);
        advance(31 * MINUTE);
        const expired = await mount(adapter, token);
        await waitUntil(() => state(expired) === 'expired', 'expired');
        await expectAccessible(expired, `${locale} expired`);
        const fresh = await setup();
        await fresh.adapter.resetPassword({ token: fresh.token, password: NEW_PASSWORD, signOutOthers: false });
        const used = await mount(fresh.adapter, fresh.token);
        await waitUntil(() => state(used) === 'used', 'used');
        await expectAccessible(used, `${locale} used`);
      });
    }
  });
});
