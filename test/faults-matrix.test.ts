/**
 * Every adapter call of every element, under every fault a network and a server produce (issue 19, "Faults"):
 * no connection, no answer in time, 500, 503, 429 with Retry-After, a broken body, a server clock days away
 * from the browser's, and the element removed while the call is in flight. Each ends in a localized message,
 * a "Try again" that works, and nothing typed lost; a double click, Enter held down and a submit during a
 * pending call make one call.
 *
 * Real HTTP: HttpAdapter against the contract server (test/server), faults through its fault API; "no
 * connection" is the browser's own `fetch` failing (`TypeError: Failed to fetch`, as offline), because a
 * refused connection is retried by Chromium on another socket an unpredictable number of times.
 *
 * Adding an element: one entry in CASES (how to bring it to the call, how to press, where its message and
 * its retry are, what the person typed, when it is done). Nothing else changes. The harness (faults, the three
 * tests of each case) is helpers/faults.ts; the newer elements' cases are in faults-matrix-account.test.ts
 * (<ae-preferences>, <ae-account-panel>), faults-matrix-address.test.ts and faults-matrix-chat.test.ts
 * (<ae-conversation>, <ae-social-login>).
 */
import { html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import '../src/define/ae-activate.js';
import '../src/define/ae-captcha.js';
import '../src/define/ae-forgot-password.js';
import '../src/define/ae-reset-password.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { captchaOf, captchaReady, fillRegistration, input, realClick, typeInto } from './helpers/dom.js';
import { NEW_PASSWORD, PASSWORD } from './server/auth-fixtures.js';
import { ANSWER, adapter, describeFaults, email, formFlow, f, mountFixture, server, shadow, submitOf, text, type Case, type Flow } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix:${Math.random()}`);

setSessionChannelName(`ae-test:faults-matrix:${Math.random()}`);

const CASES: Case[] = [
  {
    element: 'ae-register',
    call: 'register',
    path: 'register',
    async prepare() {
      const el = await mountFixture<HTMLElement>(html`<ae-register .adapter=${adapter()}></ae-register>`);
      await captchaReady(captchaOf(el));
      await fillRegistration(el as never, { email: email('register'), password: PASSWORD, answer: ANSWER });
      const fields = ['email', 'firstName', 'lastName', 'password', 'passwordRepeat'];
      return formFlow(el, {
        typed: () => JSON.stringify([...fields.map((n) => input(el, n).value), captchaOf(el).value]),
        done: () => !!el.querySelector('.ae-success'),
        enterField: () => input(el, 'lastName'),
        events: ['ae-register-success', 'ae-register-error'],
      });
    },
  },
  {
    element: 'ae-captcha',
    call: 'getCaptcha',
    path: 'captcha',
    async prepare() {
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<AeCaptcha>(html`<ae-captcha .adapter=${adapter()}></ae-captcha>`);
        },
        retry: () => realClick(shadow(flow.el, '[part=refresh]')!),
        failure: () => (shadow(flow.el, '[part=placeholder]')?.hasAttribute('data-loading') ? '' : text(shadow(flow.el, '[part=placeholder]'))),
        typed: () => '',
        done: () => !!shadow(flow.el, 'img[part=image]'),
        pressTarget: () => shadow(flow.el, '[part=refresh]')!,
        events: ['ae-captcha-refresh'],
      };
      return flow;
    },
  },
  {
    element: 'ae-login',
    call: 'signIn',
    path: 'sign-in',
    async prepare() {
      const address = email('login');
      await f.activeProfile(address);
      const el = await mountFixture<HTMLElement>(html`<ae-login .adapter=${adapter()}></ae-login>`);
      await typeInto(el, 'email', address);
      await typeInto(el, 'password', PASSWORD);
      return formFlow(el, {
        typed: () => JSON.stringify([input(el, 'email').value, input(el, 'password').value]),
        done: () => !!el.querySelector('.ae-success'),
        enterField: () => input(el, 'password'),
        events: ['ae-login-success', 'ae-login-error'],
      });
    },
  },
  {
    element: 'ae-login',
    call: 'resendActivation',
    path: 'activation/resend',
    async prepare() {
      const address = email('login-resend');
      await f.pendingProfile(address);
      const el = await mountFixture<HTMLElement>(html`<ae-login .adapter=${adapter()} resend-cooldown="0"></ae-login>`);
      await typeInto(el, 'email', address);
      await typeInto(el, 'password', PASSWORD);
      await realClick(submitOf(el));
      await waitUntil(() => el.querySelector('.ae-not-activated'), 'the not-activated notice');
      const resend = () => el.querySelector<HTMLElement>('.ae-not-activated button')!;
      return {
        el,
        act: () => realClick(resend()),
        retry: () => realClick(resend()),
        retryControl: resend,
        failure: () => text(el.querySelector('.ae-not-activated .ae-error')),
        typed: () => input(el, 'email').value,
        done: () => /new letter/i.test(text(el.querySelector('.ae-not-activated'))),
        pressTarget: resend,
        events: ['ae-login-success', 'ae-login-error'],
      };
    },
  },
  {
    element: 'ae-activate',
    call: 'activate',
    path: 'activation',
    async prepare() {
      const address = email('activate');
      await f.pendingProfile(address);
      const token = await server.tokenOf(address, 'activation');
      const el = await mountFixture<HTMLElement & { token?: string }>(html`<ae-activate .adapter=${adapter()} email=${address} cooldown="0"></ae-activate>`);
      return {
        el,
        act: async () => {
          el.token = token;
        },
        retry: () => realClick(shadow(el, '[part=retry]')!),
        retryControl: () => shadow(el, '[part=retry]'),
        failure: () => (shadow(el, '[part=retry]') ? text(shadow(el, '[part=alert]')) : ''),
        typed: () => '',
        done: () => !!shadow(el, '[part~=greeting]'),
        events: ['ae-activate-success', 'ae-activate-error'],
      };
    },
  },
  {
    element: 'ae-activate',
    call: 'resendActivation',
    path: 'activation/resend',
    async prepare() {
      const address = email('activate-resend');
      await f.pendingProfile(address);
      const el = await mountFixture<HTMLElement>(html`<ae-activate .adapter=${adapter()} email=${address} cooldown="0"></ae-activate>`);
      await waitUntil(() => shadow(el, '[part=resend]'), 'Send again');
      const resend = () => shadow(el, '[part=resend]')!;
      let sent = 0;
      el.addEventListener('ae-activation-resent', () => sent++);
      return {
        el,
        act: () => realClick(resend()),
        retry: () => realClick(resend()),
        retryControl: resend,
        failure: () => text(shadow(el, '[part=alert]')),
        typed: () => '',
        done: () => sent > 0,
        pressTarget: resend,
        events: ['ae-activation-resent'],
      };
    },
  },
  {
    element: 'ae-forgot-password',
    call: 'requestPasswordReset',
    path: 'password-reset/request',
    async prepare() {
      const address = email('forgot');
      await f.activeProfile(address);
      const el = await mountFixture<HTMLElement>(html`<ae-forgot-password .adapter=${adapter()} cooldown="0"></ae-forgot-password>`);
      await typeInto(el, 'email', address);
      return formFlow(el, {
        typed: () => input(el, 'email').value,
        done: () => !!el.querySelector('.ae-success'),
        enterField: () => input(el, 'email'),
        events: ['ae-reset-requested', 'ae-forgot-password-error'],
      });
    },
  },
  {
    element: 'ae-reset-password',
    call: 'checkResetToken',
    path: 'password-reset/check',
    async prepare() {
      const address = email('reset-check');
      await f.activeProfile(address);
      await f.adapter().requestPasswordReset(address);
      const token = await server.tokenOf(address, 'reset');
      const el = await mountFixture<HTMLElement & { token?: string }>(html`<ae-reset-password .adapter=${adapter()}></ae-reset-password>`);
      const checkBanner = () => el.querySelector<HTMLElement>('.ae-banner[data-state=unchecked]');
      return {
        el,
        act: async () => {
          el.token = token;
        },
        retry: () => realClick(checkBanner()!.querySelector('button')!),
        retryControl: () => checkBanner()?.querySelector('button') ?? null,
        failure: () => text(checkBanner()?.querySelector('p')),
        typed: () => '',
        done: () => !!el.querySelector('input[name=password]'),
        events: ['ae-reset-password-error', 'ae-password-reset'],
      };
    },
  },
  {
    element: 'ae-reset-password',
    call: 'resetPassword',
    path: 'password-reset',
    async prepare() {
      const address = email('reset');
      await f.activeProfile(address);
      await f.adapter().requestPasswordReset(address);
      const token = await server.tokenOf(address, 'reset');
      const el = await mountFixture<HTMLElement>(html`<ae-reset-password .adapter=${adapter()} .token=${token}></ae-reset-password>`);
      await waitUntil(() => el.querySelector('input[name=password]'), 'the form');
      await typeInto(el, 'password', NEW_PASSWORD);
      await typeInto(el, 'passwordRepeat', NEW_PASSWORD);
      const formBanner = () => el.querySelector<HTMLElement>('.ae-banner:not([data-state])');
      return {
        el,
        act: () => realClick(submitOf(el)),
        retry: () => realClick(formBanner()!.querySelector('button')!),
        retryControl: () => formBanner()?.querySelector('button') ?? null,
        failure: () => text(formBanner()?.querySelector('p')),
        typed: () => JSON.stringify([input(el, 'password').value, input(el, 'passwordRepeat').value]),
        done: () => !!el.querySelector('.ae-success'),
        pressTarget: () => submitOf(el),
        enterField: () => input(el, 'passwordRepeat'),
        events: ['ae-password-reset', 'ae-reset-password-error'],
      };
    },
  },
];

describeFaults(CASES);
