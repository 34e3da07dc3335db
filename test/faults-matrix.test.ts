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
 * its retry are, what the person typed, when it is done). Nothing else changes.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import '../src/define/ae-activate.js';
import '../src/define/ae-captcha.js';
import '../src/define/ae-forgot-password.js';
import '../src/define/ae-reset-password.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { setLocale } from '../src/locales/localization.js';
import { setSession } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { captchaOf, captchaReady, fillRegistration, input, realClick, typeInto } from './helpers/dom.js';
import { authFixtures, NEW_PASSWORD, PASSWORD } from './server/auth-fixtures.js';

setSessionChannelName(`ae-test:faults-matrix:${Math.random()}`);

const NS = `faults-matrix-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NS);
const { server } = f;
const ANSWER = 'Ab3dE';
const DAY = 86_400_000;

// ---- the network under the adapter: offline switch and a record of every request -------------------------

interface Sent {
  path: string;
  signal: AbortSignal | undefined;
  /** The response (headers) arrived or the request failed. */
  settled: boolean;
}
const net = { offline: false, shortTimeout: false, sent: [] as Sent[] };
const netFetch: typeof fetch = (url, init) => {
  const sent: Sent = { path: new URL(String(url), location.href).pathname.replace(/^\/api\/auth\//, ''), signal: init?.signal ?? undefined, settled: false };
  net.sent.push(sent);
  const response = net.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(url, init);
  const settle = () => void (sent.settled = true);
  response.then(settle, settle);
  return response;
};
// Long enough for a normal answer on a loaded machine, short enough for the suite.
const TIMEOUT_MS = 2_000;
/** For the timeout fault only: the same adapter with a short limit, so the suite does not wait 2 s each time. */
const SHORT_TIMEOUT_MS = 500;
const normal = f.adapter({ fetch: netFetch, timeoutMs: TIMEOUT_MS });
const short = f.adapter({ fetch: netFetch, timeoutMs: SHORT_TIMEOUT_MS });
/** An HttpAdapter whose time limit the test switches (`net.shortTimeout`) while the element holds it. */
const adapter = () =>
  new Proxy(normal, {
    get(_target, key) {
      const a = net.shortTimeout ? short : normal;
      const value = Reflect.get(a, key, a) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(a) : value;
    },
  });
const sentTo = (path: string) => net.sent.filter((s) => s.path === path);

// ---- what a person sees ------------------------------------------------------------------------------------

const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const shadow = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** How one element reaches one call, and how a person sees and retries its failure. */
interface Flow {
  el: HTMLElement;
  /** The person's action that makes the call (for a call made on arrival: what brings the element or its token). */
  act(): Promise<void>;
  /** "Try again" (or the action again, where the element's own retry is that). */
  retry(): Promise<void>;
  /** The retry control, when it can be disabled (a Retry-After countdown). */
  retryControl?(): HTMLElement | null;
  /** The failure message shown, '' when none. */
  failure(): string;
  /** What the person typed, to compare before and after a failure. */
  typed(): string;
  /** The call succeeded, as a person sees it. */
  done(): boolean;
  /** For double actions: the control pressed, and a field where Enter submits (if the form has one). */
  pressTarget?(): HTMLElement;
  enterField?(): HTMLInputElement;
  /** The element's events (none may come after it was removed). */
  events: string[];
}

interface Case {
  element: string;
  call: string;
  /** The route under /api/auth/ (the fault's `path`). */
  path: string;
  prepare(): Promise<Flow>;
}

let seq = 0;
const email = (tag: string) => `fm-${tag}-${++seq}-${Math.random().toString(36).slice(2, 7)}@example.test`;

async function mountFixture<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const el = await fixture<T>(template);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

const banner = (el: Element) => el.querySelector<HTMLElement>('.ae-banner');
const bannerRetry = (el: Element) => banner(el)?.querySelector<HTMLElement>('button') ?? null;
const submitOf = (el: Element) => el.querySelector<HTMLElement>('button[type=submit]')!;

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
      return {
        el,
        act: () => realClick(submitOf(el)),
        retry: () => realClick(bannerRetry(el)!),
        retryControl: () => bannerRetry(el),
        failure: () => text(banner(el)?.querySelector('p')),
        typed: () => JSON.stringify([...fields.map((n) => input(el, n).value), captchaOf(el).value]),
        done: () => !!el.querySelector('.ae-success'),
        pressTarget: () => submitOf(el),
        enterField: () => input(el, 'lastName'),
        events: ['ae-register-success', 'ae-register-error'],
      };
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
      return {
        el,
        act: () => realClick(submitOf(el)),
        retry: () => realClick(bannerRetry(el)!),
        retryControl: () => bannerRetry(el),
        failure: () => text(banner(el)?.querySelector('p')),
        typed: () => JSON.stringify([input(el, 'email').value, input(el, 'password').value]),
        done: () => !!el.querySelector('.ae-success'),
        pressTarget: () => submitOf(el),
        enterField: () => input(el, 'password'),
        events: ['ae-login-success', 'ae-login-error'],
      };
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
      return {
        el,
        act: () => realClick(submitOf(el)),
        retry: () => realClick(bannerRetry(el)!),
        retryControl: () => bannerRetry(el),
        failure: () => text(banner(el)?.querySelector('p')),
        typed: () => input(el, 'email').value,
        done: () => !!el.querySelector('.ae-success'),
        pressTarget: () => submitOf(el),
        enterField: () => input(el, 'email'),
        events: ['ae-reset-requested', 'ae-forgot-password-error'],
      };
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

// ---- the faults --------------------------------------------------------------------------------------------

type FaultName = 'network' | 'timeout' | '500' | '503' | 'malformed' | '429';
const FAULTS: FaultName[] = ['network', 'timeout', '500', '503', 'malformed', '429'];
/** Each fault's message is checked in one of the three languages, in turn. */
const LOCALES = ['en', 'ru', 'bg'] as const;

async function plant(fault: FaultName, path: string): Promise<void> {
  switch (fault) {
    case 'network':
      net.offline = true;
      return;
    case 'timeout':
      net.shortTimeout = true;
      return void (await server.fault({ kind: 'hang', ms: SHORT_TIMEOUT_MS * 6, path }));
    case '500':
      return void (await server.fault({ kind: 'status', status: 500, path }));
    case '503':
      return void (await server.fault({ kind: 'status', status: 503, retryAfter: 1, path }));
    case 'malformed':
      return void (await server.fault({ kind: 'malformed', path }));
    case '429':
      return void (await server.fault({ kind: 'status', status: 429, retryAfter: 1, path }));
  }
}

/** The English messages where the library has one text for every element (failure-messages.ts). */
const ENGLISH: Partial<Record<FaultName, RegExp>> = {
  network: /^No connection\. Check the internet and try again\.$|Could not load the code/,
  timeout: /^The server is not responding\. Try again in a moment\.$|Could not load the code/,
  '429': /Too many attempts|Could not load the code/,
};

/** A message in `locale`: Cyrillic for ru/bg, and never the server's own words ("Injected", "HTTP 500"). */
function expectLocalized(message: string, locale: (typeof LOCALES)[number], fault: FaultName, where: string): void {
  expect(message, `${where}: a message for ${fault}`).not.to.equal('');
  expect(message, where).not.to.match(/Injected|HTTP \d|undefined|\[object|AdapterError|server response/);
  if (locale === 'en') {
    expect(message, where).not.to.match(/[а-яА-Я]/);
    if (ENGLISH[fault]) expect(message, where).to.match(ENGLISH[fault]!);
  } else {
    expect(message, `${where} in ${locale}`).to.match(/[а-яА-Я]/);
  }
}

const unhandled: unknown[] = [];
window.addEventListener('unhandledrejection', (e) => unhandled.push(e.reason));

describe('faults: every call of every element', () => {
  beforeEach(async () => {
    net.offline = false;
    net.shortTimeout = false;
    net.sent = [];
    unhandled.length = 0;
    // A server clock three days ahead of this browser's, and captchas without `expiresIn`: the expiry is
    // measured against the server's Date header. Every success below happens with that clock.
    await server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0, captchaExpiresIn: false, clockOffsetMs: 3 * DAY });
  });
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    net.offline = false;
    await setLocale('en');
    await f.signOutHere();
    await server.expectNoViolations();
    expect(unhandled.map(String), 'unhandled rejections').to.deep.equal([]);
  });

  for (const [caseIndex, c] of CASES.entries()) {
    describe(`${c.element} → ${c.call}`, () => {
      it('network, timeout, 500, 503, broken body, 429: a localized message each time, nothing typed lost, then a working retry (server clock 3 days off)', async () => {
        const flow = await c.prepare();
        const typed = flow.typed();
        for (const [i, fault] of FAULTS.entries()) {
          // Shifted per case, so that every fault's message is seen in every language across the cases.
          const locale = LOCALES[(i + caseIndex) % LOCALES.length]!;
          await setLocale(locale);
          await plant(fault, c.path);
          const before = sentTo(c.path).length;
          await (i === 0 ? flow.act() : flow.retry());
          await waitUntil(() => sentTo(c.path).length > before && sentTo(c.path).every((s) => s.settled), `the call for ${fault}`, { timeout: TIMEOUT_MS * 3 });
          await new Promise((r) => setTimeout(r, 50));
          await waitUntil(() => flow.failure() !== '', `${c.element} shows a message for ${fault}`, { timeout: TIMEOUT_MS * 3 });
          net.offline = false;
          net.shortTimeout = false;
          expect(sentTo(c.path).length - before, `one call for ${fault}`).to.equal(1);
          expectLocalized(flow.failure(), locale, fault, `${c.element} ${c.call}`);
          expect(flow.done(), `not done after ${fault}`).to.equal(false);
          expect(flow.typed(), `what was typed, after ${fault}`).to.equal(typed);
        }
        await setLocale('en');
        // 429 with Retry-After: 1 — the retry waits for it.
        const control = flow.retryControl?.();
        if (control && control.getAttribute('aria-disabled') === 'true') {
          const before = sentTo(c.path).length;
          await flow.retry();
          expect(sentTo(c.path).length, 'a retry pressed during the Retry-After wait makes no call').to.equal(before);
          await waitUntil(() => flow.retryControl?.()?.getAttribute('aria-disabled') !== 'true', 'the wait ends', { timeout: 3_000 });
        } else {
          await new Promise((r) => setTimeout(r, 1_100));
        }
        await flow.retry();
        await waitUntil(() => flow.done(), `${c.element} ${c.call} succeeds on the retry`, { timeout: 5_000 });
      });

      it('removed while the call is in flight: the call is aborted, no update, no event, no unhandled rejection', async () => {
        const flow = await c.prepare();
        await server.fault({ kind: 'hang', ms: 500, path: c.path });
        const before = sentTo(c.path).length;
        await flow.act();
        await waitUntil(() => sentTo(c.path).length > before, 'the call started');
        const call = sentTo(c.path).at(-1)!;
        const el = flow.el;
        const events: string[] = [];
        for (const name of flow.events) el.addEventListener(name, () => events.push(name));
        el.remove();
        await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
        // A timer, not an animation frame: a test page in a background tab gets none.
        await new Promise((r) => setTimeout(r, 50));
        expect(call.signal?.aborted, 'the request was aborted').to.equal(true);
        const changes: string[] = [];
        const observer = new MutationObserver((records) => changes.push(...records.map((r) => `${r.type} ${(r.target as Element).nodeName}`)));
        const options = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(el, options);
        if (el.shadowRoot) observer.observe(el.shadowRoot, options);
        // Longer than the server would have taken to answer.
        await new Promise((r) => setTimeout(r, 800));
        observer.disconnect();
        expect(changes, 'updates after removal').to.deep.equal([]);
        expect(events, 'events after removal').to.deep.equal([]);
        expect(unhandled.map(String)).to.deep.equal([]);
      });

      it('a double click, Enter held down, a submit during the call: one call', async () => {
        const flow = await c.prepare();
        // The answer takes long enough for every press below to land while the call is pending.
        const hang = { kind: 'hang', ms: 6_000, path: c.path } as const;
        if (c.call === 'activate' || c.call === 'checkResetToken') {
          // Made on arrival, once per token: setting the same token again during the call makes no second one.
          await server.fault(hang);
          await flow.act();
          await flow.act();
          const el = flow.el as HTMLElement & { token?: string };
          el.token = `${el.token}`;
        } else {
          if (c.element === 'ae-captcha') await flow.act();
          await server.fault(hang);
          const target = flow.pressTarget!();
          // A double click: two presses in a row, as fast as the input pipeline delivers them.
          await Promise.all([realClick(target), realClick(target)]);
          const field = flow.enterField?.();
          if (field) {
            field.focus();
            // Enter held down: auto-repeated keydowns.
            await sendKeys({ down: 'Enter' });
            await sendKeys({ down: 'Enter' });
            await sendKeys({ down: 'Enter' });
            await sendKeys({ up: 'Enter' });
            field.form?.requestSubmit();
          }
        }
        await new Promise((r) => setTimeout(r, 100));
        const calls = sentTo(c.path);
        expect(calls.length, 'calls').to.equal(c.element === 'ae-captcha' ? 2 : 1);
        expect(calls.at(-1)!.settled, 'the presses came while the call was pending').to.equal(false);
      });
    });
  }
});
