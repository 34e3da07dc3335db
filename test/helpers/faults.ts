/**
 * The faults harness of the faults-matrix suites (issue 19): HttpAdapter against the contract server with an
 * offline switch and a record of every request, the faults (network, timeout, 500, 503, 429 + Retry-After,
 * malformed body, a server clock 3 days off, removal in flight, double actions) and the three tests every case
 * gets (`describeFaults`). A test file lists its CASES (how an element reaches one call, how a person sees and
 * retries its failure) and calls describeFaults(CASES).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setLocale } from '../../src/locales/localization.js';
import { setSession } from '../../src/session/session-store.js';
import { input, realClick } from './dom.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { authFixtures, PASSWORD } from '../server/auth-fixtures.js';

const NS = `faults-matrix-${Math.random().toString(36).slice(2)}`;
export const f = await authFixtures(NS);
export const { server } = f;
export const ANSWER = 'Ab3dE';
export const DAY = 86_400_000;

// ---- the network under the adapter: offline switch and a record of every request -------------------------

interface Sent {
  method: string;
  path: string;
  signal: AbortSignal | undefined;
  /** The response (headers) arrived or the request failed. */
  settled: boolean;
}
export const net = { offline: false, shortTimeout: false, sent: [] as Sent[] };
const netFetch: typeof fetch = (url, init) => {
  const sent: Sent = { method: (init?.method ?? 'GET').toUpperCase(), path: new URL(String(url), location.href).pathname.replace(/^\/api\/auth\//, ''), signal: init?.signal ?? undefined, settled: false };
  net.sent.push(sent);
  const response = net.offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(url, init);
  const settle = () => void (sent.settled = true);
  response.then(settle, settle);
  return response;
};
// Long enough for a normal answer on a loaded machine, short enough for the suite.
export const TIMEOUT_MS = 2_000;
/** For the timeout fault only: the same adapter with a short limit, so the suite does not wait 2 s each time. */
const SHORT_TIMEOUT_MS = 500;
const normal = f.adapter({ fetch: netFetch, timeoutMs: TIMEOUT_MS });
const short = f.adapter({ fetch: netFetch, timeoutMs: SHORT_TIMEOUT_MS });
/** An HttpAdapter whose time limit the test switches (`net.shortTimeout`) while the element holds it. */
export const adapter = () =>
  new Proxy(normal, {
    get(_target, key) {
      const a = net.shortTimeout ? short : normal;
      const value = Reflect.get(a, key, a) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(a) : value;
    },
  });
/** The requests to `key`: a route under /api/auth/ (`register`), or a method and a path (`POST account/addresses`). */
export const sentTo = (key: string | RegExp) =>
  net.sent.filter((s) => (typeof key === 'string' ? s.path === key || `${s.method} ${s.path}` === key : key.test(`${s.method} ${s.path}`)));

// ---- what a person sees ------------------------------------------------------------------------------------

export const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const shadow = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** How one element reaches one call, and how a person sees and retries its failure. */
export interface Flow {
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
  /** A double action of its own (default: a double click on pressTarget, Enter held down in enterField). */
  double?(): Promise<void>;
  /**
   * Why the call is deliberately not aborted when the element is removed (a chat message, idempotent by its
   * client id, still reaches the server: what was typed is not lost). The removal test then checks that it was
   * not aborted and completed, with still no update and no event after the removal.
   */
  completesAfterRemoval?: string;
  /** What the element shows, for the log of a failed run (its form's state, the focus). */
  state?(): string;
}

export interface Case {
  element: string;
  call: string;
  /** The route under /api/auth/ (the fault's `path`; a capability's route is its template, `/account/addresses`). */
  path: string;
  /** What the request is counted by (see {@link sentTo}), when not `path`: `POST account/addresses`. */
  sent?: string | RegExp;
  prepare(): Promise<Flow>;
}

let seq = 0;
export const email = (tag: string) => `fm-${tag}-${++seq}-${Math.random().toString(36).slice(2, 7)}@example.test`;

export async function mountFixture<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const el = await fixture<T>(template);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

export const banner = (el: Element) => el.querySelector<HTMLElement>('.ae-banner');
export const bannerRetry = (el: Element) => banner(el)?.querySelector<HTMLElement>('button') ?? null;
export const submitOf = (el: Element) => el.querySelector<HTMLElement>('button[type=submit]')!;

/**
 * The flow of one of the library's forms: its submit button makes the call, its failure shows in the banner
 * above it with "Try again" (disabled while a Retry-After runs). `rest`: what was typed, what success shows, its
 * events (and an Enter field, a state for the log).
 */
export function formFlow(el: HTMLElement, rest: Pick<Flow, 'typed' | 'done' | 'events'> & Partial<Flow>): Flow {
  return {
    el,
    act: () => realClick(submitOf(el)),
    retry: () => realClick(bannerRetry(el)!),
    retryControl: () => bannerRetry(el),
    failure: () => text(banner(el)?.querySelector('p')),
    pressTarget: () => submitOf(el),
    ...rest,
  };
}

// ---- the stream ----------------------------------------------------------------------------------------------

const NativeEventSource = window.EventSource;
/** The browser's EventSource, given the namespace as the `?ns=` query parameter the server reads (it cannot send the header). */
class NamespacedEventSource extends NativeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    const u = new URL(String(url), location.href);
    for (const [k, v] of Object.entries(server.headers)) if (/namespace/i.test(k)) u.searchParams.set('ns', String(v));
    super(u, init);
  }
}
/** For a suite whose elements open a stream (the conversation view): the namespaced EventSource while it runs. */
export function useNamespacedEventSource(): void {
  before(() => {
    window.EventSource = NamespacedEventSource;
  });
  after(() => {
    window.EventSource = NativeEventSource;
  });
}

// ---- the faults --------------------------------------------------------------------------------------------

export type FaultName = 'network' | 'timeout' | '500' | '503' | 'malformed' | '429';
export const FAULTS: readonly FaultName[] = ['network', 'timeout', '500', '503', 'malformed', '429'];
/** Each fault's message is checked in one of the three languages, in turn. */
const LOCALES = ['en', 'ru', 'bg'] as const;

/** Plants `fault` for the next call to `path` (the network switch for `network`; the short time limit with a hang for `timeout`). */
export async function plant(fault: FaultName, path: string): Promise<void> {
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

/** The fault tests of every case: a localized message and a working retry, removal in flight, double actions. */
export function describeFaults(CASES: Case[], reset: Record<string, unknown> = {}): void {
describe('faults: every call of every element', () => {
  beforeEach(async () => {
    net.offline = false;
    net.shortTimeout = false;
    net.sent = [];
    unhandled.length = 0;
    // A server clock three days ahead of this browser's, and captchas without `expiresIn`: the expiry is
    // measured against the server's Date header. Every success below happens with that clock.
    await server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0, captchaExpiresIn: false, clockOffsetMs: 3 * DAY, ...reset });
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
      it('network, timeout, 500, 503, broken body, 429: a localized message each time, nothing typed lost, then a working retry (server clock 3 days off)', async function () {
        // Six faults and a retry in one test, one of them a 2 s timeout: more than the default 10 s on a loaded machine.
        this.timeout(60_000);
        const flow = await c.prepare();
        const typed = flow.typed();
        for (const [i, fault] of FAULTS.entries()) {
          // Shifted per case, so that every fault's message is seen in every language across the cases.
          const locale = LOCALES[(i + caseIndex) % LOCALES.length]!;
          await setLocale(locale);
          await plant(fault, c.path);
          const before = sentTo(c.sent ?? c.path).length;
          await (i === 0 ? flow.act() : flow.retry());
          await waitUntil(() => sentTo(c.sent ?? c.path).length > before && sentTo(c.sent ?? c.path).every((s) => s.settled), `the call for ${fault}`, { timeout: TIMEOUT_MS * 6 });
          await new Promise((r) => setTimeout(r, 50));
          await waitUntil(() => flow.failure() !== '', `${c.element} shows a message for ${fault}`, { timeout: TIMEOUT_MS * 6 });
          net.offline = false;
          net.shortTimeout = false;
          expect(sentTo(c.sent ?? c.path).length - before, `one call for ${fault}`).to.equal(1);
          expectLocalized(flow.failure(), locale, fault, `${c.element} ${c.call}`);
          if (locale !== 'en' && ENGLISH[fault]) {
            // The same message in English, where the library has one text for every element (a wait, a connection).
            await setLocale('en');
            await waitUntil(() => ENGLISH[fault]!.test(flow.failure()), `${c.element} ${c.call}: the ${fault} message in English`, { timeout: 2_000 }).catch(() => undefined);
            expect(flow.failure(), `${c.element} ${c.call} (${fault}, in English)`).to.match(ENGLISH[fault]!);
          }
          expect(flow.done(), `not done after ${fault}`).to.equal(false);
          expect(flow.typed(), `what was typed, after ${fault}`).to.equal(typed);
        }
        await setLocale('en');
        // 429 with Retry-After: 1 — the retry waits for it.
        const control = flow.retryControl?.();
        if (control && control.getAttribute('aria-disabled') === 'true') {
          const before = sentTo(c.sent ?? c.path).length;
          await flow.retry();
          expect(sentTo(c.sent ?? c.path).length, 'a retry pressed during the Retry-After wait makes no call').to.equal(before);
          await waitUntil(() => flow.retryControl?.()?.getAttribute('aria-disabled') !== 'true', 'the wait ends', { timeout: 3_000 });
        } else {
          await new Promise((r) => setTimeout(r, 1_100));
        }
        await flow.retry();
        await waitUntil(() => flow.done(), `${c.element} ${c.call} succeeds on the retry`, { timeout: 10_000 }).catch((e) => {
          // What the element showed and the last requests, for the log of a failed run.
          const calls = sentTo(c.sent ?? c.path);
          console.log(
            `${c.element} ${c.call}: the retry did not succeed; shown: ${flow.failure()}; ${calls.length} calls (7 expected: six faults and the retry), the last settled: ${calls.at(-1)?.settled}; ${flow.state?.() ?? ''}; last requests: ${JSON.stringify(net.sent.slice(-4).map((x) => [x.method, x.path, x.settled]))}`,
          );
          throw e;
        });
      });

      it('removed while the call is in flight: the call is aborted, no update, no event, no unhandled rejection', async () => {
        const flow = await c.prepare();
        await server.fault({ kind: 'hang', ms: 500, path: c.path });
        const before = sentTo(c.sent ?? c.path).length;
        await flow.act();
        await waitUntil(() => sentTo(c.sent ?? c.path).length > before, 'the call started');
        const call = sentTo(c.sent ?? c.path).at(-1)!;
        const el = flow.el;
        const events: string[] = [];
        for (const name of flow.events) el.addEventListener(name, () => events.push(name));
        el.remove();
        await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
        // A timer, not an animation frame: a test page in a background tab gets none.
        await new Promise((r) => setTimeout(r, 50));
        if (flow.completesAfterRemoval) expect(call.signal?.aborted ?? false, `not aborted: ${flow.completesAfterRemoval}`).to.equal(false);
        else expect(call.signal?.aborted, 'the request was aborted').to.equal(true);
        const changes: string[] = [];
        const observer = new MutationObserver((records) => changes.push(...records.map((r) => `${r.type} ${(r.target as Element).nodeName}`)));
        const options = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(el, options);
        if (el.shadowRoot) observer.observe(el.shadowRoot, options);
        // Longer than the server would have taken to answer.
        await new Promise((r) => setTimeout(r, 800));
        observer.disconnect();
        expect(changes, 'updates after removal').to.deep.equal([]);
        if (flow.completesAfterRemoval) expect(call.settled, 'the call completed after the removal').to.equal(true);
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
        } else if (flow.double) {
          await server.fault(hang);
          await flow.double();
        } else {
          if (c.element === 'ae-captcha') {
            // The refresh button is disabled until the first picture is shown (which waits for its extras chunk).
            await flow.act();
            await waitUntil(() => flow.done(), 'the first picture', { timeout: 5000 });
          }
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
        const calls = sentTo(c.sent ?? c.path);
        expect(calls.length, 'calls').to.equal(c.element === 'ae-captcha' ? 2 : 1);
        expect(calls.at(-1)!.settled, 'the presses came while the call was pending').to.equal(false);
      });
    });
  }
});
}

/** A new profile, signed in on this page (the server's cookie) and in the session store. */
export async function signedIn(tag: string): Promise<string> {
  const address = email(tag);
  await f.activeProfile(address);
  setSession(await f.adapter().signIn({ email: address, password: PASSWORD, remember: false }));
  resetPreferencesStoreForTests('en');
  choosePreferences({ country: 'BG', currency: 'EUR' });
  return address;
}

/** Types into a light-DOM field as a person does (short texts, key by key). */
export async function typeIn(el: Element, name: string, value: string): Promise<void> {
  input(el, name).focus();
  await sendKeys({ type: value });
}
