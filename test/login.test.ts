/**
 * <ae-login> in headless Chromium with real typing and clicks, on the embedded MemoryAdapter (a real server in
 * the page): the markup a password manager needs, sign-in and every refusal, the captcha only after failures,
 * the activation letter again, faults with a working retry and nothing typed lost, the other forms in its
 * place, the session store, axe in every state and language, and no password anywhere afterwards.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import type { AeLogin } from '../src/components/login/login.js';
import type { AeLoginErrorEvent } from '../src/events/login-events.js';
import { getSessionSnapshot, setSession } from '../src/session/session-store.js';
import { assertFocused, captchaOf, captchaReady, findButton, input, realClick, shownText, typeCaptcha, typeInto } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

// Test files run side by side as tabs of one origin: this one's sign-ins stay on its own channel.
setSessionChannelName(`ae-test:login:${Math.random()}`);

const ANSWER = 'Ab3dE';
const PASSWORD = 'Sekret-2026';
const EMAIL = 'maria@example.com';
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

/** A MemoryAdapter with one active profile (and, if asked, one that was never activated). */
async function server(options: MemoryAdapterOptions = {}, pending?: string): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ captchaAnswer: ANSWER, latency: 0, ...options });
  const make = async (email: string) => {
    const c = await adapter.getCaptcha();
    return adapter.register({ email, firstName: 'Maria', lastName: 'Ivanova', password: PASSWORD, captcha: { id: c.id, answer: ANSWER } });
  };
  await make(EMAIL);
  await adapter.activate(adapter.outbox.at(-1)!.token);
  if (pending) await make(pending);
  return adapter;
}

async function mount(adapter: AuthAdapter, attrs = ''): Promise<AeLogin> {
  const el = await fixture<AeLogin>(html`<ae-login .adapter=${adapter} resend-cooldown=${attrs === 'short' ? 3 : 60}></ae-login>`);
  await el.updateComplete;
  return el;
}

const submitButton = (el: Element): HTMLButtonElement => el.querySelector<HTMLButtonElement>('button[type=submit]')!;
const banner = (el: Element): HTMLElement | null => el.querySelector<HTMLElement>('.ae-banner');

async function signIn(el: AeLogin, email: string, password: string): Promise<void> {
  input(el, 'email').value = '';
  input(el, 'password').value = '';
  await typeInto(el, 'email', email);
  await typeInto(el, 'password', password);
  await realClick(submitButton(el));
}

function countSignIns(adapter: MemoryAdapter): { count: number } {
  const counter = { count: 0 };
  const original = adapter.signIn.bind(adapter);
  adapter.signIn = (...args) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

describe('<ae-login>', () => {
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await setLocale('en');
  });

  describe('markup for password managers', () => {
    it('a real <form> with username and current-password inputs in the light DOM, show/hide, "Stay signed in"', async () => {
      const el = await mount(await server());
      const form = el.querySelector('form')!;
      expect(form.parentElement!.closest('ae-login') === el).to.equal(true);
      expect(input(el, 'email').autocomplete).to.equal('username');
      expect(input(el, 'email').type).to.equal('email');
      expect(input(el, 'password').autocomplete).to.equal('current-password');
      expect(input(el, 'password').type).to.equal('password');
      expect(input(el, 'remember').type).to.equal('checkbox');
      expect(input(el, 'remember').checked, 'the default session ends with the browser').to.equal(false);
      expect(shownText(submitButton(el)).trim()).to.equal('Sign in');
      expect(el.querySelector('ae-captcha') === null, 'no captcha before the server asks').to.equal(true);
      await realClick(findButton(el, 'Show password'));
      expect(input(el, 'password').type).to.equal('text');
      await realClick(findButton(el, 'Hide password'));
      expect(input(el, 'password').type).to.equal('password');
    });

    it('an empty submit shows both messages and focuses the e-mail field, without a call', async () => {
      const adapter = await server();
      const calls = countSignIns(adapter);
      const el = await mount(adapter);
      await realClick(submitButton(el));
      await waitUntil(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 'the e-mail marked');
      expect(el.textContent).to.contain('Enter your e-mail address');
      expect(el.textContent).to.contain('Enter a password');
      assertFocused(input(el, 'email'));
      expect(calls.count).to.equal(0);
    });
  });

  describe('when the credentials are right', () => {
    it('signs in: the event without the password, the store knows, the password field is emptied', async () => {
      const adapter = await server();
      const el = await mount(adapter);
      const success = oneEvent(el, 'ae-login-success');
      await signIn(el, EMAIL, PASSWORD);
      const { detail } = await success;
      expect(Object.keys(detail).sort()).to.deep.equal(['email', 'userId']);
      expect(detail.email).to.equal(EMAIL);
      expect(JSON.stringify(detail)).to.not.contain(PASSWORD);
      const snapshot = getSessionSnapshot();
      expect(snapshot.status).to.equal('signed-in');
      expect(snapshot.status === 'signed-in' && snapshot.session.userId).to.equal(detail.userId);
      expect((await adapter.getSession())?.userId).to.equal(detail.userId);
      await waitUntil(() => el.querySelector('.ae-success'), 'the greeting');
      expect(el.querySelector('.ae-success')!.textContent).to.contain('Hello, Maria!');
      assertFocused(el.querySelector('.ae-success'));
      expect(el.querySelector<HTMLInputElement>('input[name=password]')?.value ?? '').to.equal('');
    });

    it('"Stay signed in" goes to the adapter: the session outlives the browser only then', async () => {
      for (const remember of [false, true]) {
        localStorage.clear();
        sessionStorage.clear();
        const adapter = await server({ persistSession: true });
        const el = await mount(adapter);
        if (remember) await realClick(input(el, 'remember'));
        const success = oneEvent(el, 'ae-login-success');
        await signIn(el, EMAIL, PASSWORD);
        await success;
        const key = 'ae-auth-elements.demo-session';
        expect(localStorage.getItem(key) !== null, `localStorage with remember=${remember}`).to.equal(remember);
        expect(sessionStorage.getItem(key) !== null, `sessionStorage with remember=${remember}`).to.equal(!remember);
        fixtureCleanup();
      }
      localStorage.clear();
      sessionStorage.clear();
    });

    it('ten fast clicks and an Enter make exactly one sign-in call', async () => {
      const adapter = await server({ latency: 1500 });
      const calls = countSignIns(adapter);
      const el = await mount(adapter);
      await typeInto(el, 'email', EMAIL);
      await typeInto(el, 'password', PASSWORD);
      const success = oneEvent(el, 'ae-login-success');
      for (let i = 0; i < 10; i++) await realClick(submitButton(el));
      input(el, 'password').focus();
      await sendKeys({ press: 'Enter' });
      expect(shownText(submitButton(el)).trim()).to.equal('Signing in…');
      expect(el.matches(':state(pending)')).to.equal(true);
      await success;
      expect(calls.count).to.equal(1);
    });
  });

  describe('when the credentials are wrong', () => {
    it('a wrong password and an unknown address get the same message and code; nothing typed is lost', async () => {
      const adapter = await server();
      const el = await mount(adapter);
      const seen: string[] = [];
      for (const [email, password] of [
        [EMAIL, 'Wrong-pass-1'],
        ['nobody@example.com', PASSWORD],
      ] as const) {
        const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
        await signIn(el, email, password);
        seen.push((await error).detail.code);
        await waitUntil(() => banner(el), 'the banner');
        expect(banner(el)!.textContent!.trim()).to.equal('Invalid e-mail or password');
        assertFocused(banner(el));
        expect(input(el, 'email').value).to.equal(email);
        expect(input(el, 'password').value, 'the password stays until a success').to.equal(password);
        expect(banner(el)!.querySelector('button') === null, 'no "Try again" for a judged form').to.equal(true);
      }
      expect(seen).to.deep.equal(['invalid_credentials', 'invalid_credentials']);
    });

    it('the captcha appears only when the server asks for it, and a solved one lets the right password in', async () => {
      const adapter = await server({ captchaAfterFailures: 2 });
      const el = await mount(adapter);
      for (let i = 0; i < 2; i++) {
        await signIn(el, EMAIL, `Wrong-pass-${i}`);
        await waitUntil(() => banner(el)?.textContent?.includes('Invalid'), `refusal ${i + 1}`);
        expect(el.querySelector('ae-captcha') === null, `no captcha after ${i + 1} failure(s)`).to.equal(true);
      }
      const required = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
      await signIn(el, EMAIL, PASSWORD);
      expect((await required).detail.code).to.equal('captcha_required');
      await waitUntil(() => el.querySelector('ae-captcha'), 'the captcha shown');
      const captcha = captchaOf(el);
      await captchaReady(captcha);
      expect(banner(el)!.textContent).to.contain('type the code from the picture');
      expect(el.matches(':state(captcha)')).to.equal(true);
      // A wrong code: its own message on the captcha, a new picture.
      const first = captcha.captchaId;
      await typeCaptcha(captcha, 'zzzzz');
      await realClick(submitButton(el));
      await waitUntil(() => captcha.captchaId !== first, 'a new picture after a wrong code');
      await waitUntil(() => captcha.shadowRoot!.querySelector('[part=error]'), 'the captcha message');
      expect(input(el, 'password').value).to.equal(PASSWORD);
      await captchaReady(captcha);
      await typeCaptcha(captcha, ANSWER);
      const success = oneEvent(el, 'ae-login-success');
      await realClick(submitButton(el));
      await success;
    });

    it('a locked address shows the countdown, and "Try again" waits for it', async () => {
      const adapter = await server({ captchaAfterFailures: 50, lockAfterFailures: 2, lockoutMs: 4000 });
      const el = await mount(adapter);
      await signIn(el, EMAIL, 'Wrong-pass-1');
      await waitUntil(() => banner(el)?.textContent?.includes('Invalid'), 'refusal 1');
      await signIn(el, EMAIL, 'Wrong-pass-2');
      await waitUntil(() => banner(el)?.textContent?.includes('Invalid'), 'refusal 2');
      const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
      await signIn(el, EMAIL, PASSWORD);
      expect((await error).detail.code).to.equal('rate_limited');
      await waitUntil(() => /wait \d\sseconds?/.test(banner(el)?.textContent ?? ''), 'the countdown');
      const retry = findButton(banner(el)!, 'Try again');
      expect(retry.getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'the wait is over', { timeout: 6000 });
      const success = oneEvent(el, 'ae-login-success');
      await realClick(retry);
      await success;
    });
  });

  describe('when the profile was never activated', () => {
    it('says so only after the right password, and sends the letter again with a cooldown', async () => {
      const pending = 'ivan@example.com';
      const adapter = await server({ resendCooldownMs: 0 }, pending);
      const el = await mount(adapter, 'short');
      // A wrong password of that profile is just a wrong password.
      await signIn(el, pending, 'Wrong-pass-1');
      await waitUntil(() => banner(el)?.textContent?.includes('Invalid'), 'refusal');
      expect(el.querySelector('.ae-not-activated') === null).to.equal(true);
      const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
      await signIn(el, pending, PASSWORD);
      expect((await error).detail.code).to.equal('not_activated');
      await waitUntil(() => el.querySelector('.ae-not-activated'), 'the notice');
      const notice = el.querySelector<HTMLElement>('.ae-not-activated')!;
      expect(notice.textContent).to.contain('i***@example.com');
      assertFocused(notice);
      const letters = adapter.outbox.filter((l) => l.to === pending).length;
      await realClick(findButton(notice, 'Send the letter again'));
      await waitUntil(() => adapter.outbox.filter((l) => l.to === pending).length === letters + 1, 'a new letter');
      await waitUntil(() => /Send the letter again in \d\sseconds?/.test(el.querySelector('.ae-not-activated')?.textContent ?? ''), 'the cooldown');
      expect(el.querySelector('.ae-not-activated')!.textContent).to.contain('We sent a new letter');
      await waitUntil(
        () => el.querySelector('.ae-not-activated button')?.getAttribute('aria-disabled') === 'false',
        'the cooldown ends',
        { timeout: 6000 },
      );
      expect(shownText(el.querySelector('.ae-not-activated button')!).trim()).to.equal('Send the letter again');
    });
  });

  describe('when the connection or the server fails', () => {
    for (const [code, text] of [
      ['network', 'No connection'],
      ['timeout', 'The server is not responding'],
      ['server', 'Something went wrong on our side'],
    ] as const) {
      it(`${code}: the message at the top with "Try again", which signs in with what was typed`, async () => {
        const adapter = await server();
        adapter.failNext(code, { method: 'signIn' });
        const el = await mount(adapter);
        await signIn(el, EMAIL, PASSWORD);
        await waitUntil(() => banner(el), 'the banner');
        expect(banner(el)!.textContent).to.contain(text);
        expect(input(el, 'email').value).to.equal(EMAIL);
        expect(input(el, 'password').value).to.equal(PASSWORD);
        const success = oneEvent(el, 'ae-login-success');
        await realClick(findButton(banner(el)!, 'Try again'));
        await success;
      });
    }

    it('an adapter without sign-in: a clear message, not a crash', async () => {
      const el = await mount({ getCaptcha: () => Promise.reject(new Error('x')) } as unknown as AuthAdapter);
      await typeInto(el, 'email', EMAIL);
      await typeInto(el, 'password', PASSWORD);
      await realClick(submitButton(el));
      await waitUntil(() => banner(el), 'the banner');
      expect(banner(el)!.textContent).to.contain('This form cannot work on this page yet');
    });

    it('removed during the call: aborted, no event, no error, the password emptied', async () => {
      const adapter = await server({ latency: 800 });
      const el = await mount(adapter);
      await typeInto(el, 'email', EMAIL);
      await typeInto(el, 'password', PASSWORD);
      const events: string[] = [];
      el.addEventListener('ae-login-success', () => events.push('success'));
      el.addEventListener('ae-login-error', () => events.push('error'));
      await realClick(submitButton(el));
      const pw = input(el, 'password');
      el.remove();
      await new Promise((r) => setTimeout(r, 1200));
      expect(events).to.deep.equal([]);
      expect(pw.value).to.equal('');
      expect(getSessionSnapshot().status).to.not.equal('signed-in');
    });
  });

  describe('the other forms in its place', () => {
    it('"Create profile": a cancelable event, else <ae-register> here, and back to sign-in', async () => {
      const el = await mount(await server());
      await typeInto(el, 'email', 'new@example.com');
      const once = (e: Event) => e.preventDefault();
      el.addEventListener('ae-login-register', once, { once: true });
      await realClick(findButton(el, 'Create profile'));
      await el.updateComplete;
      expect(el.querySelector('ae-register') === null, 'a host took it over').to.equal(true);
      const event = oneEvent(el, 'ae-login-register');
      await realClick(findButton(el, 'Create profile'));
      expect((await event).detail.email).to.equal('new@example.com');
      await waitUntil(() => el.querySelector('ae-register'), 'the registration');
      const register = el.querySelector('ae-register')!;
      await waitUntil(() => register.querySelector('input[name=email]'), 'its form');
      expect(el.querySelector<HTMLElement>('.ae-login-main')!.hidden).to.equal(true);
      expect(el.matches(':state(swapped)')).to.equal(true);
      await realClick(register.querySelector('a.ae-back')!);
      await el.updateComplete;
      expect(el.querySelector('ae-register') === null).to.equal(true);
      assertFocused(input(el, 'email'));
      expect(input(el, 'email').value).to.equal('new@example.com');
    });

    it('"Forgot password?": a cancelable event with the typed address', async () => {
      const el = await mount(await server());
      await typeInto(el, 'email', EMAIL);
      el.addEventListener('ae-login-forgot', (e) => e.preventDefault(), { once: true });
      const event = oneEvent(el, 'ae-login-forgot');
      await realClick(findButton(el, 'Forgot password?'));
      expect((await event).detail.email).to.equal(EMAIL);
      expect(el.querySelector('ae-forgot-password') === null).to.equal(true);
    });
  });

  describe('in every language', () => {
    for (const locale of LOCALES) {
      it(`${locale}: axe finds nothing in the empty form, after a refusal, with the captcha, not activated, signed in`, async () => {
        await setLocale(locale);
        const adapter = await server({ captchaAfterFailures: 1, resendCooldownMs: 0 }, 'ivan@example.com');
        const el = await mount(adapter);
        await expectAccessible(el, `${locale} empty`);
        await realClick(submitButton(el));
        await waitUntil(() => input(el, 'email').getAttribute('aria-invalid') === 'true', 'messages');
        await expectAccessible(el, `${locale} invalid`);
        await signIn(el, EMAIL, 'Wrong-pass-1');
        await waitUntil(() => banner(el), 'refusal');
        await expectAccessible(el, `${locale} refused`);
        await signIn(el, EMAIL, 'Wrong-pass-2');
        await waitUntil(() => el.querySelector('ae-captcha'), 'captcha');
        await captchaReady(captchaOf(el));
        await expectAccessible(el, `${locale} captcha`);
        fixtureCleanup();
        const el2 = await mount(adapter);
        await signIn(el2, 'ivan@example.com', PASSWORD);
        await waitUntil(() => el2.querySelector('.ae-not-activated'), 'not activated');
        await expectAccessible(el2, `${locale} not activated`);
        await signIn(el2, EMAIL, PASSWORD);
        await waitUntil(() => el2.querySelector('.ae-success') || el2.querySelector('ae-captcha'), 'signed in or captcha');
        if (el2.querySelector('ae-captcha')) {
          await captchaReady(captchaOf(el2));
          await typeCaptcha(captchaOf(el2), ANSWER);
          await realClick(submitButton(el2));
          await waitUntil(() => el2.querySelector('.ae-success'), 'signed in');
        }
        await expectAccessible(el2, `${locale} signed in`);
        expect(el2.querySelector('.ae-success')!.textContent!.trim().length).to.be.above(3);
      });
    }
  });
});
