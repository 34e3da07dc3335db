/**
 * Reflow, text size, dark, forced colors and reduced motion (issue 19, accessibility) for the form elements:
 * <ae-register>, <ae-captcha>, <ae-activate>, <ae-login>, <ae-forgot-password>, <ae-reset-password>,
 * <ae-social-login>, <ae-preferences>, <ae-address-form>. Each at 320 px wide in each mode (test/reflow-checks.ts):
 * nothing scrolls sideways, no text cut off, every control at least 24 × 24 px (at 100 % and at 200 % text);
 * in dark, every control has a visible edge, no text in the color behind it, axe-core clean; in forced colors,
 * every control keeps a border; under prefers-reduced-motion, no transition or animation over 0.01 s.
 * With AE_SCREENSHOTS=/some/dir in the environment, a screenshot of each (evidence for a person, not a check).
 */
import { waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../src/define/ae-register.js';
import '../src/define/ae-captcha.js';
import '../src/define/ae-activate.js';
import '../src/define/ae-login.js';
import '../src/define/ae-forgot-password.js';
import '../src/define/ae-reset-password.js';
import '../src/define/ae-social-login.js';
import '../src/define/ae-preferences.js';
import '../src/define/ae-address-form.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { setLocale } from '../src/locales/localization.js';
import { captchaOf, captchaReady } from './helpers/dom.js';
import { describeReflowCases, leaveMode, place, removePlaced } from './reflow-checks.js';

setSessionChannelName(`ae-test:reflow-forms:${Math.random().toString(36).slice(2)}`);

const ANSWER = 'Ab3dE';
const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const adapter = (options = {}) => new MemoryAdapter({ latency: 0, captchaAnswer: ANSWER, users: [IVAN], ...options });
async function signedIn(): Promise<MemoryAdapter> {
  const a = adapter();
  await a.signIn({ email: IVAN.email, password: IVAN.password, remember: false });
  return a;
}

/** Each element in a state that shows most of its parts; the element returned is the one measured. */
const CASES: Record<string, () => Promise<Element>> = {
  async register() {
    const el = await place(html`<ae-register .adapter=${adapter()}></ae-register>`, 'ae-register');
    await captchaReady(captchaOf(el));
    return el;
  },
  async 'register, after a submit with errors'() {
    const el = await place(html`<ae-register .adapter=${adapter()}></ae-register>`, 'ae-register');
    await captchaReady(captchaOf(el));
    el.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.querySelector('.ae-summary'), 'the error summary', { timeout: 5000 });
    return el;
  },
  async captcha() {
    const el = await place(html`<ae-captcha required .adapter=${adapter()}></ae-captcha>`, 'ae-captcha');
    await captchaReady(el as never);
    return el;
  },
  async 'activate, asking for a new letter'() {
    return place(html`<ae-activate .adapter=${adapter()} email="maria@example.com" cooldown="0"></ae-activate>`, 'ae-activate');
  },
  async login() {
    return place(html`<ae-login .adapter=${adapter()}></ae-login>`, 'ae-login');
  },
  async 'login, after a submit with errors'() {
    const el = await place(html`<ae-login .adapter=${adapter()}></ae-login>`, 'ae-login');
    el.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.querySelector('.ae-summary, .ae-error:not(:empty)'), 'the errors', { timeout: 5000 });
    return el;
  },
  async 'forgot-password'() {
    return place(html`<ae-forgot-password .adapter=${adapter()}></ae-forgot-password>`, 'ae-forgot-password');
  },
  async 'reset-password'() {
    const a = adapter();
    await a.requestPasswordReset(IVAN.email);
    const token = a.outbox.at(-1)!.token;
    const el = await place(html`<ae-reset-password .adapter=${a} .token=${token}></ae-reset-password>`, 'ae-reset-password');
    await waitUntil(() => el.querySelector('input[type=password]'), 'the new-password form', { timeout: 5000 });
    return el;
  },
  async 'social-login'() {
    return place(html`<ae-social-login .adapter=${adapter()} providers="vk google facebook"></ae-social-login>`, 'ae-social-login');
  },
  async preferences() {
    const el = await place(html`<ae-preferences .adapter=${await signedIn()}></ae-preferences>`, 'ae-preferences');
    await waitUntil(() => el.querySelector('select[name=currency]'), 'the choice', { timeout: 5000 });
    return el;
  },
  async 'address-form, a new address'() {
    const el = await place(html`<ae-address-form .adapter=${await signedIn()}></ae-address-form>`, 'ae-address-form');
    await waitUntil(() => el.querySelector('button.ae-add'), 'the addresses', { timeout: 8000 });
    el.querySelector<HTMLButtonElement>('button.ae-add')!.click();
    await waitUntil(() => el.querySelector('form.ae-form'), 'the form', { timeout: 5000 });
    return el;
  },
};

describe('the form elements at 320 px, 200 % text, dark, forced colors and reduced motion', () => {
  beforeEach(async () => {
    resetSessionStoreForTests();
    resetPreferencesStoreForTests('en');
    await setLocale('en');
  });
  afterEach(async () => {
    removePlaced();
    await leaveMode();
  });

  describeReflowCases(CASES, 'forms');
});
