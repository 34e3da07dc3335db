import { assertFocused } from './helpers/dom.js';
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-activate.js';
import type { AeActivate } from '../src/components/activate/activate.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { ActivateResult, CallOptions } from '../src/adapter/types.js';
import { setLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';

const EMAIL = 'ivan.petrov@example.com';
const CAPTCHA = 'Ab3dE';
const HOUR = 60 * 60 * 1000;
const EVENTS = ['ae-activate-success', 'ae-activate-error', 'ae-activation-resent', 'ae-activate-change-email'];

/** A MemoryAdapter with one pending profile (registered through the real captcha path) and its token. */
async function setup(options: MemoryAdapterOptions = {}) {
  let time = Date.now();
  const adapter = new MemoryAdapter({
    captchaAnswer: CAPTCHA,
    resendCooldownMs: 60_000,
    now: () => time,
    ...options,
  });
  const captcha = await adapter.getCaptcha();
  const user = await adapter.register({
    email: EMAIL,
    firstName: 'Ivan',
    lastName: 'Petrov',
    password: 'Secret123',
    captcha: { id: captcha.id, answer: CAPTCHA },
  });
  const token = adapter.outbox[adapter.outbox.length - 1].token;
  return {
    adapter,
    user,
    token,
    advance(ms: number) {
      time += ms;
    },
  };
}

/** Every ae-* event that reaches the document, in order. */
let events: CustomEvent[] = [];
const record = (e: Event) => events.push(e as CustomEvent);

function eventsOf(type: string): CustomEvent[] {
  return events.filter((e) => e.type === type);
}

function part(el: AeActivate, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function text(el: AeActivate, name: string): string {
  return (part(el, name)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function shadowText(el: AeActivate): string {
  return (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function until(check: () => unknown, message: string, timeout = 2000): Promise<void> {
  await waitUntil(check, message, { timeout });
}

describe('<ae-activate>', () => {
  beforeEach(() => {
    events = [];
    for (const type of EVENTS) document.addEventListener(type, record);
  });
  afterEach(() => {
    for (const type of EVENTS) document.removeEventListener(type, record);
    fixtureCleanup();
  });

  describe('when the link from the letter is opened (token)', () => {
    it('greets by first name, confirms the address and fires a success event without the token', async () => {
      const { adapter, user, token } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'greeting'), 'the activated state is shown');

      expect(text(el, 'greeting')).to.equal('Hello, Ivan!');
      expect(text(el, 'confirmation')).to.equal(`Your e-mail address ${EMAIL} is confirmed`);
      expect(part(el, 'confirmation')!.closest('[role="status"]')).to.not.equal(null);
      expect(adapter.getUser(EMAIL)?.status).to.equal('active');

      const success = eventsOf('ae-activate-success');
      expect(success).to.have.length(1);
      expect(success[0].detail).to.deep.equal({ userId: user.userId, email: EMAIL });
      expect(JSON.stringify(success[0].detail)).to.not.include(token);
      expect(success[0].bubbles && success[0].composed).to.equal(true);
      expect(eventsOf('ae-activate-error')).to.have.length(0);
    });

    it('shows "Checking the link…" while the server answers', async () => {
      const slow = await setup({ latency: 300 });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${slow.adapter} token=${slow.token}></ae-activate>`);
      expect(text(el, 'heading')).to.equal('Checking the link…');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
      await until(() => part(el, 'greeting'), 'activated after the latency');
      expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    });

    it('calls the adapter once per token, and again when the token changes', async () => {
      const { adapter, token } = await setup();
      const calls: string[] = [];
      const activate = adapter.activate.bind(adapter);
      adapter.activate = (t: string, o?: CallOptions): Promise<ActivateResult> => {
        calls.push(t);
        return activate(t, o);
      };
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'greeting'), 'activated');
      el.token = token;
      el.requestUpdate();
      el.email = EMAIL;
      await el.updateComplete;
      expect(calls).to.deep.equal([token]);

      el.token = 'another-token';
      await until(() => text(el, 'heading') === 'This link is not valid', 'the new token is checked');
      expect(calls).to.deep.equal([token, 'another-token']);
    });

    it('moves focus to the heading of the new state', async () => {
      const { adapter, token } = await setup({ latency: 50 });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'greeting'), 'activated');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === part(el, 'greeting'), 'focus on the greeting').to.equal(true);
      expect(part(el, 'greeting')!.tagName).to.equal('H2');
      expect(part(el, 'greeting')!.getAttribute('tabindex')).to.equal('-1');
    });

    it('does not take focus from a field the person is typing in elsewhere on the page', async () => {
      const { adapter, token } = await setup({ latency: 50 });
      // (A fixture of a plain <div> waits for an animation frame, which a page running in the background
      // never gets; the element itself resolves on its own update.)
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      const search = document.createElement('input');
      search.setAttribute('aria-label', 'Search');
      el.before(search);
      search.focus();
      await until(() => part(el, 'greeting'), 'activated');
      await el.updateComplete;
      assertFocused(search);
    });

    it('aborts the call when removed from the page and checks the link again when put back', async () => {
      const { adapter, token } = await setup({ latency: 200 });
      const signals: AbortSignal[] = [];
      const calls: Promise<unknown>[] = [];
      const activate = adapter.activate.bind(adapter);
      adapter.activate = (t: string, o?: CallOptions): Promise<ActivateResult> => {
        if (o?.signal) signals.push(o.signal);
        const call = activate(t, o);
        calls.push(call.catch(() => undefined));
        return call;
      };
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      const parent = el.parentElement!;
      el.remove();
      expect(signals).to.have.length(1);
      expect(signals[0].aborted).to.equal(true);
      // Once the aborted call has settled, an event it caused would have been dispatched already.
      await Promise.all(calls);
      await el.updateComplete;
      expect(events).to.have.length(0);
      expect(adapter.getUser(EMAIL)?.status).to.equal('pending');

      parent.append(el);
      await until(() => part(el, 'greeting'), 'activated after reconnecting');
      expect(signals).to.have.length(2);
      expect(eventsOf('ae-activate-success')).to.have.length(1);
    });

    it('goes back to waiting when the token is removed while it was away', async () => {
      const { adapter, token } = await setup({ latency: 200 });
      const calls: Promise<unknown>[] = [];
      const activate = adapter.activate.bind(adapter);
      adapter.activate = (t: string, o?: CallOptions): Promise<ActivateResult> => {
        const call = activate(t, o);
        calls.push(call.catch(() => undefined));
        return call;
      };
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} token=${token} email=${EMAIL}></ae-activate>`,
      );
      const parent = el.parentElement!;
      el.remove();
      el.token = undefined;
      parent.append(el);
      await el.updateComplete;
      expect(text(el, 'heading')).to.equal('Confirm your e-mail address');
      expect(calls).to.have.length(1);
      await Promise.all(calls);
      await el.updateComplete;
      expect(events).to.have.length(0);
      expect(adapter.getUser(EMAIL)?.status).to.equal('pending');
    });
  });

  describe('when the token comes from the page address (token-from-url)', () => {
    const original = location.href;
    afterEach(() => history.replaceState(null, '', original));

    it('activates with ?token= and removes the token from the address, keeping the rest', async () => {
      const { adapter, token } = await setup();
      history.replaceState(null, '', `${location.pathname}?lang=bg&token=${token}#top`);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token-from-url></ae-activate>`);
      expect(location.href).to.not.include(token);
      expect(location.search).to.equal('?lang=bg');
      expect(location.hash).to.equal('#top');
      await until(() => part(el, 'greeting'), 'activated');
      expect(eventsOf('ae-activate-success')).to.have.length(1);
      expect(el.token).to.equal(undefined);
    });

    it('activates with #token= (the letter\'s link) and removes it from the fragment, keeping the rest', async () => {
      const { adapter, token } = await setup();
      history.replaceState(null, '', `${location.pathname}?lang=bg#token=${token}`);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token-from-url></ae-activate>`);
      expect(location.href).to.not.include(token);
      expect(location.search).to.equal('?lang=bg');
      expect(location.hash).to.equal('');
      await until(() => part(el, 'greeting'), 'activated');
      expect(eventsOf('ae-activate-success')).to.have.length(1);
    });

    it('a bad or used token in the address shows the invalid-link state with the e-mail form, not a blank element', async () => {
      const { adapter } = await setup();
      history.replaceState(null, '', `${location.pathname}#token=xyz`);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token-from-url></ae-activate>`);
      await until(() => eventsOf('ae-activate-error').length, 'error event');
      await el.updateComplete;
      expect(part(el, 'base')!.hidden).to.equal(false);
      expect(text(el, 'heading')).to.equal('This link is not valid');
      expect(part(el, 'input'), 'the e-mail form for a new letter').to.not.equal(null);
      expect(text(el, 'resend')).to.equal('Send again');
    });

    it('without the attribute leaves the address and does nothing', async () => {
      const { adapter, token } = await setup();
      history.replaceState(null, '', `${location.pathname}?token=${token}`);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter}></ae-activate>`);
      // The address is read, if at all, in the first update, which fixture() has waited for.
      expect(location.search).to.equal(`?token=${token}`);
      expect(part(el, 'base')!.hidden).to.equal(true);
      expect(events).to.have.length(0);
    });
  });

  describe('when the link is not valid', () => {
    it('says so, points to the newest letter and fires token_invalid', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token="forged-token"></ae-activate>`);
      await until(() => eventsOf('ae-activate-error').length, 'error event');
      await el.updateComplete;
      expect(eventsOf('ae-activate-error')[0].detail).to.deep.equal({ code: 'token_invalid' });
      expect(text(el, 'heading')).to.equal('This link is not valid');
      expect(text(el, 'alert')).to.include('newest letter');
      expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
      expect(eventsOf('ae-activate-success')).to.have.length(0);
    });
  });

  describe('when the link has expired', () => {
    it('offers a new letter through a small e-mail form when the address is unknown', async () => {
      const { adapter, token, advance } = await setup();
      advance(25 * HOUR);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => text(el, 'heading') === 'The link has expired', 'expired state');
      expect(eventsOf('ae-activate-error').map((e) => e.detail)).to.deep.equal([{ code: 'token_expired' }]);

      const input = part(el, 'input') as HTMLInputElement;
      expect(input.type).to.equal('email');
      expect(input.autocomplete).to.equal('email');
      expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)).to.not.equal(null);

      // An empty submit: the schema's message, tied to the field, and focus on it.
      (part(el, 'resend') as HTMLButtonElement).click();
      // (The e-mail rule comes in its own chunk, loaded when the form first shows.)
      await until(() => text(el, 'field-error') === 'Enter your e-mail address', 'the empty-address message');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')).to.include(part(el, 'field-error')!.id);
      expect(el.shadowRoot!.activeElement === input, 'focus on the e-mail input').to.equal(true);
      expect(adapter.outbox).to.have.length(1);

      await sendKeys({ type: 'ivan.petrov@' });
      await sendKeys({ press: 'Enter' });
      await until(
        () => text(el, 'field-error') === 'Enter an e-mail address like name@example.com',
        'the malformed-address message',
      );

      await sendKeys({ type: 'example.com' });
      await el.updateComplete;
      expect(part(el, 'field-error')).to.equal(null);
      await sendKeys({ press: 'Enter' });
      await until(() => eventsOf('ae-activation-resent').length, 'resent event');
      expect(eventsOf('ae-activation-resent')[0].detail).to.deep.equal({ email: EMAIL });
      expect(adapter.outbox).to.have.length(2);
      await el.updateComplete;
      expect(text(el, 'message')).to.equal('We sent a letter to i***@example.com');
      expect(text(el, 'resend')).to.match(/^Send again in (59|60) seconds$/);
    });

    it('a double click on "Send again" sends one letter', async () => {
      const { adapter, token, advance } = await setup({ latency: 100 });
      advance(25 * HOUR);
      let calls = 0;
      const resend = adapter.resendActivation.bind(adapter);
      adapter.resendActivation = (email: string, o?: CallOptions) => {
        calls++;
        return resend(email, o);
      };
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} token=${token} email=${EMAIL}></ae-activate>`,
      );
      await until(() => text(el, 'resend') === 'Send again', 'Send again offered', 3000);
      const button = part(el, 'resend')!;
      button.click();
      button.click();
      await until(() => eventsOf('ae-activation-resent').length, 'resent event', 3000);
      expect(calls).to.equal(1);
      expect(adapter.outbox).to.have.length(2);
    });

    it('offers "Send again" directly when the address is known', async () => {
      const { adapter, token, advance } = await setup();
      advance(25 * HOUR);
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} token=${token} email=${EMAIL}></ae-activate>`,
      );
      await until(() => text(el, 'heading') === 'The link has expired', 'expired state');
      expect(part(el, 'input')).to.equal(null);
      // No cooldown here: the letter was sent long ago.
      expect(text(el, 'resend')).to.equal('Send again');
      part(el, 'resend')!.click();
      await until(() => eventsOf('ae-activation-resent').length, 'resent event');
      expect(adapter.outbox).to.have.length(2);
      expect(adapter.outbox[1].to).to.equal(EMAIL);
      await el.updateComplete;
      expect(text(el, 'heading')).to.equal('Confirm your e-mail address');
    });
  });

  describe('when the profile is already active', () => {
    it('shows the done state and fires already_active, not success', async () => {
      const { adapter, token } = await setup();
      const first = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(first, 'greeting'), 'first activation');
      events = [];

      const second = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => eventsOf('ae-activate-error').length, 'error event');
      await second.updateComplete;
      expect(eventsOf('ae-activate-error')[0].detail).to.deep.equal({ code: 'already_active' });
      expect(eventsOf('ae-activate-success')).to.have.length(0);
      expect(text(second, 'heading')).to.equal('Your profile is already active');
      expect(part(second, 'retry')).to.equal(null);
    });
  });

  describe('when the connection fails', () => {
    it('explains, and "Try again" checks the same link again', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('network', { method: 'activate' });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'retry'), 'retry button');
      expect(text(el, 'heading')).to.equal('Could not check the link');
      expect(text(el, 'alert')).to.equal('No connection. Check the internet and try again.');
      expect(eventsOf('ae-activate-error').map((e) => e.detail)).to.deep.equal([{ code: 'network' }]);

      part(el, 'retry')!.click();
      await until(() => part(el, 'greeting'), 'activated after retrying');
      expect(eventsOf('ae-activate-success')).to.have.length(1);
    });

    it('tells how long to wait when rate limited', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('rate_limited', { method: 'activate', retryAfter: 30 });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'retry'), 'retry button');
      expect(text(el, 'alert')).to.equal('Too many attempts, wait 30 seconds and try again');
    });

    it('rate limited: "Try again" is unavailable while the wait counts down, then checks the link', async () => {
      // Real time: the countdown runs on the page's clock, not the adapter's.
      const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA });
      const captcha = await adapter.getCaptcha();
      await adapter.register({
        email: EMAIL,
        firstName: 'Ivan',
        lastName: 'Petrov',
        password: 'Secret123',
        captcha: { id: captcha.id, answer: CAPTCHA },
      });
      const token = adapter.outbox[0].token;
      let calls = 0;
      const activate = adapter.activate.bind(adapter);
      adapter.activate = (t: string, o?: CallOptions): Promise<ActivateResult> => {
        calls++;
        return activate(t, o);
      };
      adapter.failNext('rate_limited', { method: 'activate', retryAfter: 2 });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'retry'), 'retry button');
      expect(text(el, 'alert')).to.equal('Too many attempts, wait 2 seconds and try again');
      expect(part(el, 'retry')!.getAttribute('aria-disabled')).to.equal('true');
      part(el, 'retry')!.click();
      expect(calls, 'a press during the wait checks nothing').to.equal(1);
      await until(() => text(el, 'alert') === 'Too many attempts, wait 1 second and try again', 'one second left', 3000);
      await until(() => part(el, 'retry')!.getAttribute('aria-disabled') === 'false', 'the wait is over', 3000);
      expect(text(el, 'alert')).to.equal('Too many attempts. You can try again now.');
      part(el, 'retry')!.click();
      await until(() => part(el, 'greeting'), 'activated after the wait');
      expect(calls).to.equal(2);
    });
  });

  describe('while waiting for the letter', () => {
    it('shows the masked address, the instruction and a countdown before "Send again" (60 s by default)', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} email=${EMAIL}></ae-activate>`);
      expect(text(el, 'heading')).to.equal('Confirm your e-mail address');
      expect(text(el, 'message')).to.equal('We sent a letter to i***@example.com');
      expect(shadowText(el)).to.include('“Activate profile”');
      expect(shadowText(el)).to.not.include(EMAIL);
      expect(text(el, 'resend')).to.match(/^Send again in (59|60) seconds$/);
      expect(part(el, 'resend')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(el, 'change-email')).to.equal('Wrong address?');
    });

    it('counts down from `cooldown` and then lets the letter be sent again', async () => {
      const { adapter, advance } = await setup();
      advance(60_000); // the server's own wait since the registration is over
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="2"></ae-activate>`,
      );
      expect(text(el, 'resend')).to.equal('Send again in 2 seconds');
      await until(() => text(el, 'resend') === 'Send again in 1 second', 'one second left', 2500);
      // Pressing it before the end does nothing.
      part(el, 'resend')!.click();
      await el.updateComplete;
      expect(adapter.outbox).to.have.length(1);
      await until(() => text(el, 'resend') === 'Send again', 'the countdown ended', 2500);
      expect(part(el, 'resend')!.getAttribute('aria-disabled')).to.equal('false');

      part(el, 'resend')!.click();
      await until(() => eventsOf('ae-activation-resent').length, 'resent event');
      expect(eventsOf('ae-activation-resent')[0].detail).to.deep.equal({ email: EMAIL });
      expect(adapter.outbox).to.have.length(2);
      await el.updateComplete;
      expect(text(el, 'notice')).to.include('We sent a new letter');
      expect(part(el, 'notice')!.closest('[role="status"]')).to.not.equal(null);
      expect(text(el, 'resend')).to.equal('Send again in 2 seconds');
    });

    it('follows a rate limit from the server (retryAfter)', async () => {
      const { adapter } = await setup();
      adapter.failNext('rate_limited', { method: 'resendActivation', retryAfter: 42 });
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="0"></ae-activate>`,
      );
      expect(text(el, 'resend')).to.equal('Send again');
      part(el, 'resend')!.click();
      await until(() => part(el, 'error'), 'error shown');
      expect(text(el, 'resend')).to.equal('Send again in 42 seconds');
      expect(text(el, 'error')).to.include('Too many attempts');
      expect(part(el, 'error')!.closest('[role="alert"]')).to.not.equal(null);
      expect(eventsOf('ae-activation-resent')).to.have.length(0);
    });

    it('keeps "Send again" usable after a network error', async () => {
      const { adapter, advance } = await setup();
      advance(61_000);
      adapter.failNext('network', { method: 'resendActivation' });
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="0"></ae-activate>`,
      );
      part(el, 'resend')!.click();
      await until(() => part(el, 'error'), 'error shown');
      expect(text(el, 'error')).to.equal('No connection. Check the internet and try again.');
      expect(part(el, 'resend')!.getAttribute('aria-disabled')).to.equal('false');

      part(el, 'resend')!.click();
      await until(() => eventsOf('ae-activation-resent').length, 'resent after retrying');
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      expect(adapter.outbox).to.have.length(2);
    });

    it('"Wrong address?" asks the page to show its form again', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} email=${EMAIL}></ae-activate>`);
      part(el, 'change-email')!.click();
      const change = eventsOf('ae-activate-change-email');
      expect(change).to.have.length(1);
      expect(change[0].detail).to.deep.equal({ email: EMAIL });
      expect(change[0].bubbles && change[0].composed).to.equal(true);
    });

    it('setting properties from code fires no event, and a new address restarts the countdown', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(
        html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="0"></ae-activate>`,
      );
      expect(text(el, 'resend')).to.equal('Send again');
      el.cooldown = 30;
      el.email = 'maria@example.org';
      await el.updateComplete;
      expect(text(el, 'message')).to.equal('We sent a letter to m***@example.org');
      expect(text(el, 'resend')).to.match(/^Send again in (29|30) seconds$/);
      el.cooldown = 5;
      await el.updateComplete;
      expect(text(el, 'resend')).to.match(/^Send again in [45] seconds$/);
      el.email = undefined;
      await el.updateComplete;
      expect(part(el, 'base')!.hidden).to.equal(true);
      expect(events).to.have.length(0);
    });
  });

  describe('when the locale is Russian', () => {
    afterEach(() => setLocale('en'));

    const ruForm = (n: number): string => {
      const mod10 = n % 10;
      const mod100 = n % 100;
      if (mod10 === 1 && mod100 !== 11) return 'секунду';
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'секунды';
      return 'секунд';
    };

    it('counts down with Russian plurals (1 секунду, 3 секунды, 5 секунд)', async () => {
      await setLocale('ru');
      const { adapter } = await setup();
      const seen = new Set<string>();
      for (const cooldown of [21, 23, 25, 11]) {
        const el = await fixture<AeActivate>(
          html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown=${cooldown}></ae-activate>`,
        );
        const label = text(el, 'resend');
        const match = /(\d+) (\S+)$/.exec(label);
        expect(match, label).to.not.equal(null);
        const n = Number(match![1]);
        expect(n).to.be.within(cooldown - 1, cooldown);
        expect(match![2], label).to.equal(ruForm(n));
        seen.add(match![2]);
      }
      expect([...seen]).to.have.members(['секунду', 'секунды', 'секунд']);
    });

    it('re-renders an element already on the page when the locale changes', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="25"></ae-activate>`);
      expect(text(el, 'resend')).to.match(/seconds$/);
      await setLocale('ru');
      await el.updateComplete;
      expect(text(el, 'resend')).to.match(/\d+ секунд[уы]?$/);
    });
  });

  describe('accessibility (axe-core)', () => {
    it('waiting, with a resend error', async () => {
      const { adapter } = await setup();
      adapter.failNext('network', { method: 'resendActivation' });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} email=${EMAIL} cooldown="0"></ae-activate>`);
      await expectAccessible(el);
      part(el, 'resend')!.click();
      await until(() => part(el, 'error'), 'error shown');
      await expectAccessible(el);
    });

    it('verifying', async () => {
      const { adapter, token } = await setup();
      // The answer never comes while axe looks at the page.
      adapter.activate = () => new Promise<ActivateResult>(() => {});
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      expect(part(el, 'spinner')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('activated', async () => {
      const { adapter, token } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'greeting'), 'activated');
      await expectAccessible(el);
    });

    it('invalid link with the e-mail form showing an error', async () => {
      const { adapter } = await setup();
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token="nope"></ae-activate>`);
      await until(() => part(el, 'email-form'), 'form shown');
      part(el, 'resend')!.click();
      await el.updateComplete;
      expect(part(el, 'field-error')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('expired link with a known address', async () => {
      const { adapter, token, advance } = await setup();
      advance(25 * HOUR);
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token} email=${EMAIL}></ae-activate>`);
      await until(() => part(el, 'resend'), 'resend offered');
      await expectAccessible(el);
    });

    it('connection error and already active', async () => {
      const { adapter, token } = await setup();
      adapter.failNext('timeout', { method: 'activate' });
      const el = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => part(el, 'retry'), 'retry shown');
      expect(text(el, 'alert')).to.equal('The server is not responding. Try again in a moment.');
      await expectAccessible(el);

      await adapter.activate(token);
      const done = await fixture<AeActivate>(html`<ae-activate .adapter=${adapter} token=${token}></ae-activate>`);
      await until(() => text(done, 'heading') === 'Your profile is already active', 'done state');
      await expectAccessible(done);
    });
  });
});
