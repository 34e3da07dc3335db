/**
 * Hostile and odd input (issue 19): markup and script in everything an element renders from data (what the
 * adapter returns, what the person types, what a server says), and long and odd text in every field.
 *
 * - Every text sink of every element gets each payload of MARKUP_PAYLOADS: it shows as text (or an inert
 *   image), and no script runs: the payloads' global flag stays unset, and no node with a handler, no
 *   <script>/<iframe>/<object>, no `javascript:` link appears (attack-watch.ts: a MutationObserver while it
 *   renders, a deep scan of the document and its shadow roots after).
 * - A server's problem document (`title`, `detail`, `fieldErrors`) carrying markup: never shown, never run.
 * - Every field gets 10 000 characters, right-to-left marks, zero-width characters, combining marks, emoji and
 *   NUL: a clear message, nothing lost, and each keystroke handled (input event + the element's update, which
 *   validates) within a few milliseconds, measured.
 *
 * Adding an element: one entry in SINKS (helpers/hostile-sinks.ts: how to render a payload where it shows; this
 * file runs the auth elements' sinks, hostile-input-account.test.ts the account panel's, hostile-input-chat.test.ts
 * the chat's, social sign-in's and the address form's) and, for a form, one in FIELDS (its fields and how to bring
 * it up).
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import '../src/define/ae-activate.js';
import '../src/define/ae-captcha.js';
import '../src/define/ae-forgot-password.js';
import '../src/define/ae-reset-password.js';
import '../src/define/ae-user-menu.js';
import '../src/define/ae-address-form.js';
import '../src/define/ae-preferences.js';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-conversation.js';
import '../src/define/ae-social-login.js';
import { resetSessionStoreForTests, setSession } from '../src/session/session-store.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { supportAdapter } from './support-helpers.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { captchaOf, captchaReady, fillRegistration, input, realClick, tab, typeInto } from './helpers/dom.js';
import { HOSTILE_DETAIL, HOSTILE_EMAIL, MARKUP_PAYLOADS, ODD_TEXT, long } from './helpers/attack-payloads.js';
import { watchForScript } from './helpers/attack-watch.js';
import { ANSWER, BUYER, allText, describeSinks, mount, text } from './helpers/hostile-sinks.js';
import { authFixtures, PASSWORD } from './server/auth-fixtures.js';

setSessionChannelName(`ae-test:hostile-input:${Math.random()}`);

/** The elements whose sinks this file runs (the others: hostile-input-account.test.ts, hostile-input-chat.test.ts). */
const AUTH_ELEMENTS = ['ae-login', 'ae-register', 'ae-activate', 'ae-reset-password', 'ae-user-menu', 'ae-captcha'];
describeSinks((s) => AUTH_ELEMENTS.includes(s.element));

describe('a server’s own words carrying markup', () => {
  const NS = `hostile-input-${Math.random().toString(36).slice(2)}`;
  let f: Awaited<ReturnType<typeof authFixtures>>;
  before(async () => {
    f = await authFixtures(NS);
  });
  beforeEach(() => f.server.reset({ captchaAnswer: ANSWER, addressReauth: 'never' }));
  /** A new profile signed in on this page (the server's cookie) and in the session store. */
  const signedIn = async () => {
    const address = `hostile-${Math.random().toString(36).slice(2, 8)}@example.test`;
    await f.activeProfile(address);
    setSession(await f.adapter().signIn({ email: address, password: PASSWORD, remember: false }));
    resetPreferencesStoreForTests('en');
  };
  afterEach(async () => {
    fixtureCleanup();
    await f.signOutHere();
    await f.server.expectNoViolations();
  });

  const problem = (status: number, code?: string) => ({
    type: code ? `https://ae-auth-elements.dev/problems/${code}` : 'about:blank',
    title: HOSTILE_DETAIL,
    status,
    detail: HOSTILE_DETAIL,
    ...(code ? { code } : {}),
    fieldErrors: { email: HOSTILE_DETAIL, firstName: `<svg onload=alert(1)>`, password: HOSTILE_DETAIL },
  });
  // [element, the route, how to bring it to the call, the problem, how many answers carry it (the preferences store
  // may read the preferences first, on the same route)]
  const CASES: [string, string, () => Promise<HTMLElement>, ReturnType<typeof problem>, number?][] = [
    [
      'ae-login',
      'sign-in',
      async () => {
        const el = await mount<HTMLElement>(html`<ae-login .adapter=${f.adapter()}></ae-login>`);
        await typeInto(el, 'email', 'maria@example.com');
        await typeInto(el, 'password', PASSWORD);
        return el;
      },
      problem(500),
    ],
    [
      'ae-register',
      'register',
      async () => {
        const el = await mount<HTMLElement>(html`<ae-register .adapter=${f.adapter()}></ae-register>`);
        await captchaReady(captchaOf(el));
        await fillRegistration(el as never, { password: PASSWORD, answer: ANSWER });
        return el;
      },
      problem(422, 'validation'),
    ],
    [
      'ae-forgot-password',
      'password-reset/request',
      async () => {
        const el = await mount<HTMLElement>(html`<ae-forgot-password .adapter=${f.adapter()}></ae-forgot-password>`);
        await typeInto(el, 'email', 'maria@example.com');
        return el;
      },
      problem(422, 'validation'),
    ],
    [
      'ae-address-form',
      '/account/addresses',
      async () => {
        await signedIn();
        const el = await mount<HTMLElement>(html`<ae-address-form .adapter=${f.adapter()}></ae-address-form>`);
        await waitUntil(() => el.querySelector('.ae-add'), 'the list', { timeout: 5000 });
        (el.querySelector('.ae-add') as HTMLElement).click();
        await waitUntil(() => el.querySelector('form.ae-form') && (el as unknown as { v?: unknown }).v, 'the form', { timeout: 5000 });
        const values: Record<string, string> = { name: 'Ivan Petrov', street: 'Main St 1', city: 'Springfield', region: 'IL', postalCode: '62701', phone: '+1 217 555 0100' };
        for (const [name, value] of Object.entries(values)) {
          const i = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
          if (!i) continue;
          i.focus();
          document.execCommand('insertText', false, value);
        }
        return el;
      },
      problem(500),
    ],
    [
      'ae-preferences',
      '/account/preferences',
      async () => {
        await signedIn();
        const el = await mount<HTMLElement>(html`<ae-preferences .adapter=${f.adapter()}></ae-preferences>`);
        await waitUntil(() => el.querySelector('select[name="currency"]'), 'the form');
        return el;
      },
      problem(503),
      2,
    ],
    [
      'ae-account-panel',
      '/account/profile',
      async () => {
        await signedIn();
        const el = await mount<HTMLElement>(html`<ae-account-panel .adapter=${f.adapter()} section="profile"></ae-account-panel>`);
        await waitUntil(() => el.querySelector<HTMLInputElement>('input[name=firstName]')?.value === 'Maria', 'the names form', { timeout: 5000 });
        return el;
      },
      problem(422, 'validation'),
    ],
  ];
  for (const [element, path, prepare, body, times = 1] of CASES) {
    it(`${element}: a problem whose title, detail and fieldErrors carry markup: the element’s own message, nothing run`, async () => {
      const el = await prepare();
      const watch = watchForScript();
      await f.server.fault({ kind: 'status', status: body.status, path, body, times });
      await realClick(el.querySelector('button[type=submit]')!);
      await waitUntil(() => el.querySelector('[role=alert]:not(:empty), .ae-banner, .ae-error'), 'a message');
      await new Promise((r) => setTimeout(r, 50));
      const visible = allText(el);
      expect(visible).not.to.contain('Server says');
      expect(visible).not.to.contain('onerror');
      expect(visible).not.to.contain('<svg');
      expect(await watch.stop()).to.deep.equal([]);
    });
  }
});

describe('markup typed into every field', () => {
  afterEach(() => fixtureCleanup());

  /**
   * The payload into a field as the browser's own text insertion (an `input` event with `insertText`, what a paste
   * or an IME gives). Not key by key: with two test pages at once, long runs of real key presses of two files
   * interleaved in one field under load (seen in CI), which tests the runner, not the element.
   */
  const enter = async (el: Element, name: string, text: string): Promise<void> => {
    input(el, name).focus();
    paste(text);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  };

  it('<ae-register>: names, e-mail and passwords with markup: refused with a message, kept as typed, the suggestion Latin only, nothing run', async () => {
    const adapter = new MemoryAdapter({ latency: 0, captchaAnswer: ANSWER });
    const el = await mount<HTMLElement>(html`<ae-register .adapter=${adapter}></ae-register>`);
    await captchaReady(captchaOf(el));
    const watch = watchForScript();
    const payload = MARKUP_PAYLOADS[0]!;
    for (const name of ['email', 'firstName', 'lastName', 'password', 'passwordRepeat']) await enter(el, name, payload);
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => el.querySelector('.ae-summary'), 'the summary');
    for (const name of ['email', 'firstName', 'lastName', 'password', 'passwordRepeat']) {
      expect(input(el, name).value, name).to.equal(payload);
    }
    const summary = text(el.querySelector('.ae-summary'));
    expect(summary).to.contain('E-mail');
    // A suggestion offered for a name is Latin letters only.
    for (const b of el.querySelectorAll('.ae-suggestion, [data-suggestion]')) expect(text(b)).to.match(/^[A-Za-z '\-–:]*$/);
    expect(await watch.stop()).to.deep.equal([]);
  });

  it('<ae-login>, <ae-forgot-password>: an e-mail with markup: the format message, kept as typed, nothing run', async () => {
    for (const template of [
      html`<ae-login .adapter=${new MemoryAdapter({ latency: 0 })}></ae-login>`,
      html`<ae-forgot-password .adapter=${new MemoryAdapter({ latency: 0 })}></ae-forgot-password>`,
    ]) {
      const el = await mount<HTMLElement>(template);
      const watch = watchForScript();
      await enter(el, 'email', HOSTILE_EMAIL);
      await realClick(el.querySelector('button[type=submit]')!);
      await waitUntil(() => text(el).includes('name@example.com'), 'the format message');
      expect(input(el, 'email').value).to.equal(HOSTILE_EMAIL);
      expect(await watch.stop()).to.deep.equal([]);
      fixtureCleanup();
    }
  });
});

// ---- long and odd input --------------------------------------------------------------------------------------

/** A form, its fields, and the message each field must show for 10 000 characters. */
interface Form {
  element: string;
  mount(): Promise<HTMLElement>;
  /** `medianMs`: the bound of the median keystroke, when it is not the default {@link KEY_MEDIAN_MS}. */
  fields: { name: string; tooLong: RegExp; medianMs?: number; value?: string }[];
}

/** A keystroke's handling (input event + the element's update, which validates): its median, and its worst. */
const KEY_MEDIAN_MS = 8;
// The RAIL "response" budget: a keystroke slower than this is felt as a freeze.
const KEY_MAX_MS = 100;

const FIELDS: Form[] = [
  {
    element: 'ae-register',
    async mount() {
      const el = await mount<HTMLElement>(html`<ae-register .adapter=${new MemoryAdapter({ latency: 0, captchaAnswer: ANSWER })}></ae-register>`);
      await captchaReady(captchaOf(el));
      return el;
    },
    fields: [
      { name: 'email', tooLong: /at most 254/ },
      { name: 'firstName', tooLong: /at most 50/, value: long(10_000, 'maria') },
      // Cyrillic pasted by mistake: the passport-spelling message, and no transliteration of the whole text on
      // each keystroke (it took 62 ms a keystroke before the name rule skipped values far over the limit).
      { name: 'lastName', tooLong: /Latin letters/, value: long(10_000, 'Иванова ') },
      { name: 'password', tooLong: /at most 128/ },
      { name: 'passwordRepeat', tooLong: /do not match/, value: long(10_000, 'Zz9') },
    ],
  },
  {
    element: 'ae-login',
    mount: () => mount<HTMLElement>(html`<ae-login .adapter=${new MemoryAdapter({ latency: 0 })}></ae-login>`),
    fields: [{ name: 'email', tooLong: /at most 254/ }],
  },
  {
    element: 'ae-forgot-password',
    mount: () => mount<HTMLElement>(html`<ae-forgot-password .adapter=${new MemoryAdapter({ latency: 0 })}></ae-forgot-password>`),
    fields: [{ name: 'email', tooLong: /at most 254/ }],
  },
  {
    element: 'ae-reset-password',
    async mount() {
      const adapter = { checkResetToken: async () => ({ email: 'm***@example.com' }), resetPassword: async () => undefined };
      const el = await mount<HTMLElement>(html`<ae-reset-password .adapter=${adapter as unknown as AuthAdapter} token="t1"></ae-reset-password>`);
      await waitUntil(() => el.querySelector('input[name=password]'), 'the form');
      return el;
    },
    fields: [
      { name: 'password', tooLong: /at most 128/ },
      { name: 'passwordRepeat', tooLong: /do not match/, value: long(10_000, 'Zz9') },
    ],
  },
  {
    element: 'ae-address-form',
    async mount() {
      const adapter = new MemoryAdapter({ latency: 0, users: [BUYER], addressReauth: 'never' } as never);
      await adapter.signIn({ email: BUYER.email, password: BUYER.password, remember: false });
      const el = await mount<HTMLElement>(html`<ae-address-form .adapter=${adapter}></ae-address-form>`);
      await waitUntil(() => el.querySelector('.ae-add'), 'the list', { timeout: 5000 });
      (el.querySelector('.ae-add') as HTMLElement).click();
      await waitUntil(() => el.querySelector('form.ae-form') && (el as unknown as { v?: unknown }).v, 'the form and its rules', { timeout: 5000 });
      return el;
    },
    // The rules: address-countries.ts's lengths (what label printers take), the post's format, libphonenumber.
    fields: [
      { name: 'name', tooLong: /at most 80/ },
      { name: 'street', tooLong: /at most 100/ },
      { name: 'city', tooLong: /at most 60/ },
      { name: 'postalCode', tooLong: /(postal|ZIP) code like/ },
      { name: 'phone', tooLong: /phone number/, value: long(10_000, '1') },
    ],
  },
  {
    element: 'ae-social-login',
    // The profile form after a provider's consent: the registration's rules for the address and the names.
    async mount() {
      resetSessionStoreForTests();
      const identity = { subject: 'vk-long', firstName: 'Maria', lastName: 'Ivanova', email: `long${Math.random().toString(36).slice(2, 6)}@example.com` };
      const adapter = new MemoryAdapter({ latency: 0, socialConsent: 'allow', socialAllowAs: identity.subject, socialIdentities: { vk: [identity] } } as never);
      const el = await mount<HTMLElement>(html`<ae-social-login .adapter=${adapter} providers="vk"></ae-social-login>`);
      await realClick(el.querySelector<HTMLElement>('.ae-social-button[data-provider="vk"]')!);
      await waitUntil(() => el.querySelector('input[name=firstName]'), 'the profile form', { timeout: 5000 });
      return el;
    },
    fields: [
      { name: 'firstName', tooLong: /at most 50/, value: long(10_000, 'maria') },
      { name: 'lastName', tooLong: /Latin letters/, value: long(10_000, 'Иванова ') },
    ],
  },
  {
    element: 'ae-account-panel',
    async mount() {
      const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [BUYER] });
      setSession(await adapter.signIn({ email: BUYER.email, password: BUYER.password, remember: false }));
      const el = await mount<HTMLElement>(html`<ae-account-panel .adapter=${adapter} section="profile"></ae-account-panel>`);
      await waitUntil(() => el.querySelector<HTMLInputElement>('input[name=firstName]')?.value === BUYER.firstName, 'the profile forms', { timeout: 5000 });
      return el;
    },
    // The registration's rules (one schema for names and passwords).
    fields: [
      { name: 'firstName', tooLong: /at most 50/, value: long(10_000, 'maria') },
      { name: 'lastName', tooLong: /Latin letters/, value: long(10_000, 'Иванова ') },
      { name: 'newPassword', tooLong: /at most 128/ },
    ],
  },
];

/** The text under a field: its error (by aria-describedby), or ''. */
function fieldMessage(el: Element, name: string): string {
  const i = input(el, name);
  const ids = (i.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length ? text(el.querySelector(`#${CSS.escape(ids[0]!)}`)).trim() : '';
}

/** Pastes `value` into the focused field (a real `insertText` edit: `beforeinput`/`input` events, undo history). */
function paste(value: string): void {
  document.execCommand('insertText', false, value);
}

/**
 * Each text of ODD_TEXT pasted into each field of `names` in turn, then focus moved on: the field shows a
 * message matching `message` and keeps the text exactly as pasted.
 */
async function oddTextIn(el: Element, names: string[], message: RegExp): Promise<void> {
  for (const { name: what, text: odd } of ODD_TEXT) {
    for (const name of names) {
      const i = input(el, name);
      i.focus();
      i.select();
      paste(odd);
      await tab();
      await waitUntil(() => fieldMessage(el, name) !== '', `${what} in ${name}: a message`);
      expect(i.value, `${what} in ${name}: kept`).to.equal(odd);
      expect(fieldMessage(el, name), `${what} in ${name}`).to.match(message);
    }
  }
}

const timings: Record<string, number[]> = {};

/** Types `keys` into the focused field one key at a time and records how long each input took to handle. */
async function timedKeys(el: HTMLElement, keys: string, bucket: string): Promise<void> {
  const host = el as unknown as { updateComplete: Promise<unknown> };
  for (const key of keys) {
    let started = 0;
    let took: Promise<number> | undefined;
    const onCapture = () => (started = performance.now());
    const onBubble = () => (took = host.updateComplete.then(() => performance.now() - started));
    window.addEventListener('input', onCapture, { capture: true, once: true });
    window.addEventListener('input', onBubble, { once: true });
    await sendKeys({ press: key });
    await waitUntil(() => took, 'the input event');
    (timings[bucket] ??= []).push(await took!);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

describe('long and odd input in every field', () => {
  afterEach(() => fixtureCleanup());
  after(() => {
    const rows = Object.entries(timings).map(([k, xs]) => `${k}: median ${median(xs).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (${xs.length} keys)`);
    console.log(`keystroke handling (input event + update):\n  ${rows.join('\n  ')}`);
  });

  for (const form of FIELDS) {
    it(`${form.element}: 10 000 characters in each field: its message, nothing lost, each keystroke within a few ms`, async () => {
      const el = await form.mount();
      for (const { name, tooLong, value: given } of form.fields) {
        const i = input(el, name);
        // Touched and changed, so that the message follows every keystroke from now on.
        await typeInto(el, name, 'a');
        await tab();
        i.focus();
        // (The caret is where it was left, after the "a": an e-mail field has no selection API.)
        const value = given ?? (name === 'email' ? `${long(10_000 - 12, 'a')}@example.com` : long(10_000, 'Ab1'));
        i.select();
        paste(value);
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        await timedKeys(el, 'xyzab', `${form.element} ${name} at 10 000 characters`);
        expect(i.value.length, `${name}: nothing lost`).to.equal(value.length + 5);
        expect(i.value.slice(0, value.length), `${name}: nothing changed`).to.equal(value);
        await waitUntil(() => fieldMessage(el, name) !== '', `${name}: a message`);
        expect(fieldMessage(el, name), name).to.match(tooLong);
      }
      for (const { name, medianMs = KEY_MEDIAN_MS } of form.fields) {
        // The best of up to three rounds of five keys, as timeit takes its best run: the test files running
        // beside this one share two cores and can slow one round down (a CI run saw a median of 10 ms here);
        // a keystroke that is really slow is slow in every round.
        const bucket = `${form.element} ${name} at 10 000 characters`;
        const fast = (keys: number[]) => median(keys) < medianMs && Math.max(...keys) < KEY_MAX_MS;
        const rounds = [timings[bucket]!];
        while (rounds.length < 3 && !rounds.some(fast)) {
          input(el, name).focus();
          const again = `${bucket}, round ${rounds.length + 1}`;
          await timedKeys(el, 'xyzab', again);
          rounds.push(timings[again]!);
        }
        const keys = rounds.find(fast) ?? rounds.reduce((a, b) => (median(b) < median(a) ? b : a));
        expect(median(keys), `${name}: median keystroke (ms), best of ${rounds.length} rounds`).to.be.below(medianMs);
        expect(Math.max(...keys), `${name}: slowest keystroke (ms)`).to.be.below(KEY_MAX_MS);
      }
    });
  }

  it('<ae-register>: right-to-left marks, zero-width characters, combining marks, emoji, NUL in the names: the Latin-letters message, kept exactly as typed', async () => {
    await oddTextIn(await FIELDS[0]!.mount(), ['firstName', 'lastName'], /Latin|passport|letters/);
  });

  it('<ae-register>, <ae-login>: the same odd characters in the e-mail: the format message, kept as typed, each keystroke within a few ms', async () => {
    for (const form of [FIELDS[0]!, FIELDS[1]!]) {
      const el = await form.mount();
      const i = input(el, 'email');
      await typeInto(el, 'email', 'a');
      await tab();
      for (const { name: what, text: odd } of ODD_TEXT) {
        i.focus();
        i.select();
        paste(`${odd}@example.com`);
        await timedKeys(el, 'xy', `${form.element} email with odd characters`);
        await waitUntil(() => fieldMessage(el, 'email') !== '', `${what}: a message`);
        expect(fieldMessage(el, 'email'), what).to.match(/name@example\.com/);
        expect(i.value.startsWith(odd.slice(0, 4)), `${what}: kept`).to.equal(true);
      }
      const keys = timings[`${form.element} email with odd characters`]!;
      expect(median(keys)).to.be.below(KEY_MEDIAN_MS);
      expect(Math.max(...keys)).to.be.below(KEY_MAX_MS);
      fixtureCleanup();
    }
  });
  it('<ae-address-form>: right-to-left marks, zero-width characters, combining marks, emoji, NUL in the recipient and the street: a clear message, kept exactly as typed', async () => {
    const form = FIELDS.find((x) => x.element === 'ae-address-form')!;
    await oddTextIn(await form.mount(), ['name', 'street'], /Latin|signs|emoji|name and surname/);
  });

  it('<ae-conversation>: 10 000 characters in the composer: kept, the length message on sending and nothing sent, each keystroke within a few ms; odd text sent as typed', async () => {
    const adapter = supportAdapter();
    const c = await adapter.startConversation({ topic: 'other', email: 'maria@example.com', locale: 'en' });
    const el = await mount<HTMLElement>(html`<ae-conversation .adapter=${adapter} conversation-id=${c.id}></ae-conversation>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~=message]') && el.shadowRoot.querySelector('textarea'), 'the conversation', { timeout: 4000 });
    const box = el.shadowRoot!.querySelector('textarea')!;
    const mine = () => [...el.shadowRoot!.querySelectorAll('[part~=message][part~=from-person]')].map((m) => m.querySelector('[part=text]')!.textContent);
    box.focus();
    const value = long(10_000, 'Ab1 ');
    paste(value);
    await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // Each keystroke as the element receives it: the character inserted at the caret and its input event, timed
    // from the dispatch to the end of the element's update. (Real key presses into this shadow-root textarea were
    // typed, but their input events were not all seen by the test's listeners: the handling is what is measured.)
    for (const key of 'xyzab') {
      const started = performance.now();
      box.setRangeText(key, box.value.length, box.value.length, 'end');
      box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: key }));
      await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      (timings['ae-conversation composer at 10 000 characters'] ??= []).push(performance.now() - started);
    }
    expect(box.value, 'nothing lost').to.equal(`${value}xyzab`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(el.shadowRoot!.querySelector('#composer-warning')).includes('at most 2,000'), 'the length message');
    expect(box.value, 'kept after the refusal').to.equal(`${value}xyzab`);
    expect(mine(), 'nothing sent').to.deep.equal([]);
    const keys = timings['ae-conversation composer at 10 000 characters']!;
    expect(median(keys)).to.be.below(KEY_MEDIAN_MS);
    expect(Math.max(...keys)).to.be.below(KEY_MAX_MS);
    for (const { name: what, text: odd } of ODD_TEXT) {
      box.select();
      paste(odd);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => mine().includes(odd.trim()), `${what}: sent as typed`, { timeout: 3000 });
    }
  });
});
