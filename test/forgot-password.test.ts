import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-forgot-password.js';
import type { AeForgotPassword } from '../src/components/forgot-password/forgot-password.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { CallOptions, PasswordResetCapability } from '../src/adapter/types.js';
import { setLocale } from '../src/locales/localization.js';
import { assertFocused, findButton, realClick, shownText, tab } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

// Test files run side by side as tabs of one origin: this one's sign-ins stay on its own channel.
setSessionChannelName(`ae-test:forgot-password:${Math.random()}`);

const EMAIL = 'ivan.petrov@example.com';
const UNKNOWN = 'nobody.here@example.com';
const CAPTCHA = 'Ab3dE';
const EVENTS = ['ae-reset-requested', 'ae-forgot-password-error', 'ae-forgot-password-back'];

/** A MemoryAdapter with one active profile; `calls` counts the reset requests that reached it. */
async function setup(options: MemoryAdapterOptions = {}) {
  const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA, resendCooldownMs: 0, ...options });
  const captcha = await adapter.getCaptcha();
  await adapter.register({
    email: EMAIL,
    firstName: 'Ivan',
    lastName: 'Petrov',
    password: 'Secret123',
    captcha: { id: captcha.id, answer: CAPTCHA },
  });
  await adapter.activate(adapter.outbox[0]!.token);
  const calls: string[] = [];
  const request = adapter.requestPasswordReset.bind(adapter);
  adapter.requestPasswordReset = (email: string, o?: CallOptions) => {
    calls.push(email);
    return request(email, o);
  };
  return { adapter, calls, resetLetters: () => adapter.outbox.filter((l) => l.kind === 'reset') };
}

let events: CustomEvent[] = [];
const record = (e: Event) => events.push(e as CustomEvent);
const eventsOf = (type: string) => events.filter((e) => e.type === type);

async function mount(adapter: Partial<PasswordResetCapability>, attrs: { email?: string; cooldown?: number } = {}) {
  const el = await fixture<AeForgotPassword>(
    html`<ae-forgot-password .adapter=${adapter} email=${attrs.email ?? nothing} cooldown=${attrs.cooldown ?? nothing}></ae-forgot-password>`,
  );
  await el.updateComplete;
  return el;
}

const emailInput = (el: Element) => el.querySelector<HTMLInputElement>('input[name="email"]')!;
const submitButton = (el: Element) => el.querySelector<HTMLButtonElement>('button[type="submit"]')!;
/** Collapses the markup's white space (not the NBSP between a number and its unit). */
const squash = (s: string | null | undefined) => (s ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
/** What the person sees in the light DOM (hidden parts and aria-hidden texts left out). */
function visibleText(el: Element): string {
  const root = el.querySelector('.ae-root');
  if (!root) return '';
  const parts: string[] = [];
  const walk = (node: Element) => {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return;
    for (const child of node.childNodes) {
      if (child instanceof Element) walk(child);
      else if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? '');
    }
  };
  walk(root);
  return squash(parts.join(' '));
}
const sentBlock = (el: Element) => el.querySelector<HTMLElement>('[data-state="sent"]');
const fieldError = (el: Element) => squash(el.querySelector('.ae-error')?.textContent);
const resendButton = (el: Element) => el.querySelector<HTMLButtonElement>('.ae-resend')!;

async function typeEmail(el: AeForgotPassword, text: string): Promise<void> {
  emailInput(el).focus();
  await sendKeys({ type: text });
}

/** Types the address and presses "Send link"; resolves once the answer (or an error) is shown. */
async function ask(el: AeForgotPassword, email: string): Promise<void> {
  await typeEmail(el, email);
  await realClick(submitButton(el));
  await waitUntil(() => sentBlock(el) || el.querySelector('.ae-banner, .ae-error'), 'an answer', { timeout: 3000 });
  await el.updateComplete;
}

describe('<ae-forgot-password>', () => {
  beforeEach(() => {
    events = [];
    for (const type of EVENTS) document.addEventListener(type, record);
  });
  afterEach(async () => {
    for (const type of EVENTS) document.removeEventListener(type, record);
    fixtureCleanup();
    await setLocale('en');
  });

  describe('the form', () => {
    it('one e-mail field in the light DOM, autocomplete="username" (the sign-in identifier), and "Send link"', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter);
      const input = emailInput(el);
      expect(input.closest('form')?.parentElement?.closest('ae-forgot-password') === el, 'light DOM form').to.equal(true);
      expect(input.type).to.equal('email');
      expect(input.getAttribute('autocomplete')).to.equal('username');
      expect(input.getAttribute('inputmode')).to.equal('email');
      expect(squash(el.querySelector(`label[for="${input.id}"]`)?.textContent)).to.equal('E-mail');
      expect(shownText(submitButton(el)).trim()).to.equal('Send link');
      expect(squash(el.shadowRoot!.querySelector('[part="heading"]')?.textContent)).to.equal('Forgot password?');
      expect(el.querySelectorAll('input').length).to.equal(1);
    });

    it('the `email` attribute fills the field; setting it from code fires no event', async () => {
      const { adapter, calls } = await setup();
      const el = await mount(adapter, { email: EMAIL });
      expect(emailInput(el).value).to.equal(EMAIL);
      el.email = 'other@example.com';
      await el.updateComplete;
      expect(emailInput(el).value).to.equal('other@example.com');
      expect(events.length, 'events').to.equal(0);
      expect(calls.length, 'adapter calls').to.equal(0);
      // The prefilled address is what is sent.
      await realClick(submitButton(el));
      await waitUntil(() => sentBlock(el), 'sent');
      expect(calls).to.deep.equal(['other@example.com']);
    });
  });

  describe('when a letter is asked for', () => {
    it('a registered address: "a letter with a link is on its way" with the masked address, focus on it, the letter in the outbox', async () => {
      const { adapter, resetLetters } = await setup();
      const el = await mount(adapter);
      await ask(el, EMAIL);
      const block = sentBlock(el)!;
      expect(squash(block.querySelector('h3')?.textContent)).to.equal('Check your e-mail');
      expect(squash(block.textContent)).to.contain('If i***@example.com is registered, a letter with a link is on its way.');
      expect(squash(block.textContent), 'the full address is not shown').to.not.contain(EMAIL);
      expect(block.querySelector('[role="status"]')?.textContent).to.contain('i***@example.com');
      assertFocused(block.querySelector('h3'), 'focus on the heading of the answer');
      expect(el.form!.hidden, 'the form is hidden').to.equal(true);
      expect(el.matches(':state(sent)')).to.equal(true);

      const letters = resetLetters();
      expect(letters.length).to.equal(1);
      expect(letters[0]!.to).to.equal(EMAIL);
      expect(new URL(letters[0]!.link).hash).to.match(/^#token=/);

      const requested = eventsOf('ae-reset-requested');
      expect(requested.length).to.equal(1);
      expect(requested[0]!.detail).to.deep.equal({ email: EMAIL });
      expect(requested[0]!.bubbles && requested[0]!.composed).to.equal(true);
      expect(JSON.stringify(requested[0]!.detail)).to.not.contain(letters[0]!.token);
    });

    it('enumeration-safe: an unknown address gets the same state, the same texts and the same event', async () => {
      const { adapter, resetLetters } = await setup();
      const known = await mount(adapter);
      await ask(known, EMAIL);
      const knownText = visibleText(known);
      const knownEvents = events.map((e) => `${e.type} ${Object.keys(e.detail).join(',')}`);
      fixtureCleanup();
      events = [];

      const unknown = await mount(adapter);
      // Same length and same first letter and domain: the masked address reads the same.
      await ask(unknown, 'ixxx.xxxxxx@example.com');
      expect(visibleText(unknown)).to.equal(knownText);
      expect(events.map((e) => `${e.type} ${Object.keys(e.detail).join(',')}`)).to.deep.equal(knownEvents);
      expect(eventsOf('ae-reset-requested')[0]!.detail.email).to.equal('ixxx.xxxxxx@example.com');
      expect(unknown.matches(':state(sent)')).to.equal(true);
      expect(resetLetters().length, 'no letter to an unknown address').to.equal(1);
    });

    it('Enter in the field sends; a double click sends one request', async () => {
      const { adapter, calls } = await setup({ latency: 150 });
      const el = await mount(adapter);
      await typeEmail(el, EMAIL);
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(el.matches(':state(pending)')).to.equal(true);
      await realClick(submitButton(el));
      await realClick(submitButton(el));
      await waitUntil(() => sentBlock(el), 'sent');
      expect(calls).to.deep.equal([EMAIL]);
    });

    it('"Use another address" shows the form again with the address kept and selected', async () => {
      const { adapter, calls } = await setup();
      const el = await mount(adapter);
      await ask(el, UNKNOWN);
      await realClick(findButton(el, 'Use another address'));
      await el.updateComplete;
      expect(el.form!.hidden).to.equal(false);
      expect(sentBlock(el) === null).to.equal(true);
      assertFocused(emailInput(el), 'focus on the e-mail field');
      expect(emailInput(el).value).to.equal(UNKNOWN);
      // Typing replaces the selected address.
      await sendKeys({ type: EMAIL });
      expect(emailInput(el).value).to.equal(EMAIL);
      await realClick(submitButton(el));
      await waitUntil(() => sentBlock(el), 'sent again');
      expect(calls).to.deep.equal([UNKNOWN, EMAIL]);
    });
  });

  describe('"Send again"', () => {
    it('waits 60 seconds by default, counting down on the button', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter);
      await ask(el, EMAIL);
      const button = resendButton(el);
      expect(shownText(button).trim()).to.equal('Send again in 60\u00a0seconds');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      await realClick(button);
      await el.updateComplete;
      expect(eventsOf('ae-reset-requested').length, 'nothing sent during the cooldown').to.equal(1);
    });

    it('after `cooldown` seconds sends a new letter and says so (enumeration-safe wording)', async () => {
      const { adapter, resetLetters } = await setup();
      const el = await mount(adapter, { cooldown: 1 });
      await ask(el, EMAIL);
      expect(shownText(resendButton(el)).trim()).to.equal('Send again in 1\u00a0second');
      await waitUntil(() => shownText(resendButton(el)).trim() === 'Send again', 'the cooldown ends', { timeout: 3000 });
      expect(resendButton(el).getAttribute('aria-disabled')).to.equal('false');
      await realClick(resendButton(el));
      await waitUntil(() => el.querySelector('.ae-notice'), 'the notice');
      expect(squash(el.querySelector('.ae-notice')?.textContent)).to.equal(
        'If this address is registered, a new letter is on its way. Only the link in the newest letter works.',
      );
      expect(el.querySelector('.ae-notice')!.closest('[role="status"]')).to.not.equal(null);
      expect(resetLetters().length).to.equal(2);
      expect(eventsOf('ae-reset-requested').map((e) => e.detail.email)).to.deep.equal([EMAIL, EMAIL]);
      expect(shownText(resendButton(el)).trim(), 'a new cooldown').to.equal('Send again in 1\u00a0second');
    });

    it('follows the server\'s wait when it refuses (rate_limited with Retry-After)', async () => {
      const { adapter } = await setup({ resendCooldownMs: 60_000 });
      const el = await mount(adapter, { cooldown: 0 });
      await ask(el, EMAIL);
      expect(shownText(resendButton(el)).trim()).to.equal('Send again');
      await realClick(resendButton(el));
      await waitUntil(() => el.querySelector('[role="alert"] .ae-error'), 'the refusal');
      expect(squash(el.querySelector('[role="alert"] .ae-error')?.textContent)).to.equal(
        'Too many attempts. Send again when the countdown on the button ends.',
      );
      expect(shownText(resendButton(el)).trim()).to.match(/^Send again in (59|60)\u00a0seconds$/);
      expect(eventsOf('ae-forgot-password-error').map((e) => e.detail.code)).to.deep.equal(['rate_limited']);
    });
  });

  describe('when the address is not one', () => {
    it('an empty submit says so under the field, focuses it, and calls nobody', async () => {
      const { adapter, calls } = await setup();
      const el = await mount(adapter);
      await realClick(submitButton(el));
      await waitUntil(() => fieldError(el), 'the message');
      expect(fieldError(el)).to.equal('Enter your e-mail address');
      expect(emailInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(emailInput(el).getAttribute('aria-describedby')).to.contain(el.querySelector('.ae-error')!.id);
      assertFocused(emailInput(el));
      expect(calls.length).to.equal(0);
    });

    it('a malformed address is pointed out when the field is left, and the message goes once it is right', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter);
      await typeEmail(el, 'ivan@');
      await tab();
      await waitUntil(() => fieldError(el), 'the message');
      expect(fieldError(el)).to.equal('Enter an e-mail address like name@example.com');
      emailInput(el).focus();
      await sendKeys({ type: 'example.com' });
      await el.updateComplete;
      expect(fieldError(el)).to.equal('');
      expect(emailInput(el).getAttribute('aria-invalid')).to.equal('false');
    });

    it('the server\'s refusal of the address lands on the field', async () => {
      const { adapter } = await setup();
      adapter.failNext('validation', { method: 'requestPasswordReset', fieldErrors: { email: 'email.invalid' } });
      const el = await mount(adapter);
      await ask(el, EMAIL);
      expect(fieldError(el)).to.equal('Enter an e-mail address like name@example.com');
      assertFocused(emailInput(el));
      expect(eventsOf('ae-forgot-password-error')[0]!.detail).to.deep.equal({ code: 'validation' });
      // Typing clears the server's message.
      await sendKeys({ type: 'x' });
      await el.updateComplete;
      expect(fieldError(el)).to.equal('');
    });
  });

  describe('when the request fails on the way', () => {
    for (const [code, text] of [
      ['network', 'No connection. Check the internet and try again.'],
      ['timeout', 'The server is not responding. Try again in a moment.'],
      ['server', 'Something went wrong on our side. Try again: what you typed is kept.'],
    ] as const) {
      it(`${code}: the message at the top, the address kept, "Try again" sends it`, async () => {
        const { adapter, calls } = await setup();
        adapter.failNext(code, { method: 'requestPasswordReset' });
        const el = await mount(adapter);
        await ask(el, EMAIL);
        const banner = el.querySelector<HTMLElement>('.ae-banner')!;
        expect(squash(banner.querySelector('p')?.textContent)).to.equal(text);
        expect(banner.getAttribute('role')).to.equal('alert');
        assertFocused(banner, 'focus on the message');
        expect(emailInput(el).value).to.equal(EMAIL);
        expect(sentBlock(el) === null).to.equal(true);
        expect(eventsOf('ae-forgot-password-error').map((e) => e.detail.code)).to.deep.equal([code]);
        expect(eventsOf('ae-reset-requested').length).to.equal(0);
        await realClick(findButton(banner, 'Try again'));
        await waitUntil(() => sentBlock(el), 'sent on retry');
        expect(el.querySelector('.ae-banner') === null).to.equal(true);
        expect(calls).to.deep.equal([EMAIL, EMAIL]);
      });
    }

    it('rate_limited: counts the wait down, then "Try again" works', async () => {
      const { adapter } = await setup();
      adapter.failNext('rate_limited', { method: 'requestPasswordReset', retryAfter: 1 });
      const el = await mount(adapter);
      await ask(el, EMAIL);
      const banner = () => el.querySelector<HTMLElement>('.ae-banner')!;
      expect(squash(banner().querySelector('p')?.textContent)).to.equal('Too many attempts, wait 1\u00a0second and try again');
      expect(findButton(banner(), 'Try again').getAttribute('aria-disabled')).to.equal('true');
      await realClick(findButton(banner(), 'Try again'));
      expect(sentBlock(el) === null, 'no retry while waiting').to.equal(true);
      await waitUntil(() => findButton(banner(), 'Try again').getAttribute('aria-disabled') === 'false', 'the wait ends', {
        timeout: 3000,
      });
      expect(squash(banner().querySelector('p')?.textContent)).to.equal('Too many attempts. You can try again now.');
      await realClick(findButton(banner(), 'Try again'));
      await waitUntil(() => sentBlock(el), 'sent');
    });

    it('an adapter without password reset: says the form cannot work here, no retry, no crash', async () => {
      const el = await mount({});
      await ask(el, EMAIL);
      const banner = el.querySelector<HTMLElement>('.ae-banner')!;
      expect(squash(banner.textContent)).to.equal('This form cannot work on this page yet. Please contact the site’s support.');
      expect(banner.querySelector('button') === null).to.equal(true);
      expect(eventsOf('ae-forgot-password-error')[0]!.detail.code).to.equal('unsupported');
    });

    it('removed from the page during the call: the call is aborted and nothing fires', async () => {
      const { adapter } = await setup({ latency: 200 });
      const el = await mount(adapter);
      // A removed element's events no longer reach the document: listen on the element itself.
      const own: string[] = [];
      for (const type of EVENTS) el.addEventListener(type, (e) => own.push(e.type));
      await typeEmail(el, EMAIL);
      await realClick(submitButton(el));
      el.remove();
      await new Promise((r) => setTimeout(r, 300));
      expect(own).to.deep.equal([]);
      expect(sentBlock(el) === null, 'no answer shown').to.equal(true);
    });
  });

  describe('"Back to sign-in"', () => {
    it('fires a cancelable event with the typed address; without <ae-login> on the page nothing else happens', async () => {
      const { adapter } = await setup();
      const el = await mount(adapter);
      await typeEmail(el, ` ${EMAIL}`);
      expect(customElements.get('ae-login')).to.equal(undefined);
      await realClick(findButton(el, 'Back to sign-in'));
      const back = eventsOf('ae-forgot-password-back');
      expect(back.length).to.equal(1);
      expect(back[0]!.detail).to.deep.equal({ email: EMAIL });
      expect(back[0]!.cancelable && back[0]!.bubbles && back[0]!.composed).to.equal(true);
      expect(el.form).to.not.equal(null);
    });

    describe('with <ae-login> defined', () => {
      // A stand-in: the real <ae-login> is another element's test; here only the hand-over is checked.
      before(() => {
        if (!customElements.get('ae-login')) {
          customElements.define(
            'ae-login',
            class extends HTMLElement {
              email = '';
            },
          );
        }
      });

      it('by default an <ae-login> takes its place, with the typed address and the same adapter', async () => {
        const { adapter } = await setup();
        const el = await mount(adapter);
        await typeEmail(el, EMAIL);
        await realClick(findButton(el, 'Back to sign-in'));
        await el.updateComplete;
        const login = el.querySelector('ae-login') as (HTMLElement & { email: string; adapter: unknown }) | null;
        expect(login, '<ae-login> shown').to.not.equal(null);
        expect(login!.email).to.equal(EMAIL);
        expect(login!.adapter === adapter, 'same adapter').to.equal(true);
        expect(el.form === null, 'the form is gone').to.equal(true);
        expect(el.shadowRoot!.querySelector('[part="base"]') === null, 'no frame of its own').to.equal(true);
      });

      it('canceled by the host: stays', async () => {
        const { adapter } = await setup();
        const el = await mount(adapter);
        const cancel = (e: Event) => e.preventDefault();
        document.addEventListener('ae-forgot-password-back', cancel);
        try {
          await realClick(findButton(el, 'Back to sign-in'));
          await el.updateComplete;
        } finally {
          document.removeEventListener('ae-forgot-password-back', cancel);
        }
        expect(el.querySelector('ae-login') === null).to.equal(true);
        expect(el.form).to.not.equal(null);
      });

      it('inside an <ae-login>: leaves the hand-over to it', async () => {
        const { adapter } = await setup();
        // (A fixture of the stand-in waits for an animation frame, which a page running in the background never
        // gets: the forgot form is the fixture, wrapped afterwards.)
        const el = await mount(adapter);
        const host = document.createElement('ae-login');
        el.before(host);
        host.append(el);
        await el.updateComplete;
        await realClick(findButton(el, 'Back to sign-in'));
        await el.updateComplete;
        expect(el.querySelector('ae-login') === null).to.equal(true);
        expect(eventsOf('ae-forgot-password-back').length).to.equal(1);
      });
    });
  });

  describe('when the locale is Russian', () => {
    it('counts the wait down with Russian plurals and says "no connection" in Russian', async () => {
      await setLocale('ru');
      const { adapter } = await setup();
      adapter.failNext('network', { method: 'requestPasswordReset' });
      const el = await mount(adapter, { cooldown: 3 });
      await ask(el, EMAIL);
      expect(squash(el.querySelector('.ae-banner p')?.textContent)).to.equal('Нет соединения. Проверьте интернет и попробуйте ещё раз.');
      await realClick(findButton(el.querySelector('.ae-banner')!, /./));
      await waitUntil(() => sentBlock(el), 'sent');
      expect(shownText(resendButton(el))).to.contain('3\u00a0секунды');
    });
  });

  describe('accessibility (axe-core), in en, ru and bg', () => {
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`${locale}: empty form, field error, request under way, banner with retry`, async () => {
        await setLocale(locale);
        const { adapter } = await setup({ latency: 300 });
        const el = await mount(adapter);
        await expectAccessible(el, `${locale} form`);
        await realClick(submitButton(el));
        await waitUntil(() => fieldError(el), 'error');
        await expectAccessible(el, `${locale} field error`);
        await sendKeys({ type: EMAIL });
        adapter.failNext('network', { method: 'requestPasswordReset' });
        await realClick(submitButton(el));
        await el.updateComplete;
        await expectAccessible(el, `${locale} pending`);
        await waitUntil(() => el.querySelector('.ae-banner'), 'banner', { timeout: 3000 });
        await expectAccessible(el, `${locale} network banner`);
      });

      it(`${locale}: the answer, with the countdown, the new-letter notice and a resend refusal`, async () => {
        await setLocale(locale);
        const { adapter } = await setup({ resendCooldownMs: 60_000 });
        const el = await mount(adapter, { cooldown: 0 });
        await ask(el, EMAIL);
        await expectAccessible(el, `${locale} sent`);
        await realClick(resendButton(el));
        await waitUntil(() => el.querySelector('[role="alert"] .ae-error'), 'refusal');
        await expectAccessible(el, `${locale} resend refused, countdown`);
        const other = await setup();
        const el2 = await mount(other.adapter, { cooldown: 0 });
        await ask(el2, EMAIL);
        await realClick(resendButton(el2));
        await waitUntil(() => el2.querySelector('.ae-notice'), 'notice');
        await expectAccessible(el2, `${locale} new letter notice`);
      });
    }
  });
});
