import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder, secretEncodings, type LeakRecorder } from './helpers/secrets.js';
import { eventWithin, frameWindow, openFrame } from './helpers/frames.js';
import { captchaOf, captchaReady, fillRegistration, input, realClick, typeCaptcha } from './helpers/dom.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeActivate } from '../src/components/activate/activate.js';
import type { AeRegisterErrorEvent } from '../src/events/register-events.js';
import type { AdapterErrorCode } from '../src/adapter/adapter-error.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import type { RegisterFrame } from './helpers/register-frame.js';
import { contractControl } from './server/contract-client.js';

// Where a password typed into <ae-register> could end up, searched after every way a registration can end.
// The recorder (console, dispatched events, history calls, requested URLs) is installed before the elements
// are imported, so it sees everything they do from their first line.
const recorder: LeakRecorder = installLeakRecorder();
const { MemoryAdapter } = await import('../src/adapter/memory-adapter.js');
const { HttpAdapter, PROBLEM_TYPE_BASE } = await import('../src/adapter/http-adapter.js');
const { getEmbeddedAdapter } = await import('../src/internal/default-adapter.js');
await import('../src/define/ae-register.js');
await import('../src/define/ae-activate.js');
await import('../src/define/ae-login.js');

/** Distinctive, with characters that URL, JSON and HTML encode differently. */
const PASSWORD = 'Zx9!unique"PW-7731';
const ANSWER = 'Ab3dE';
/** While a failure is shown the form keeps what was typed, passwords included, for the retry. */
const KEPT = { keptFields: ['password', 'passwordRepeat'] };

// The contract server (test/server/contract-server.mjs), in a namespace of this file's own.
const server = contractControl('secrets-test');
const NS = server.headers;
const { control } = server;


const http = (options: { timeoutMs?: number; fetch?: typeof fetch } = {}) =>
  new HttpAdapter({ baseUrl: '/api/auth', headers: () => NS, ...options });

async function mount(adapter?: AuthAdapter): Promise<AeRegister> {
  const el = adapter
    ? await fixture<AeRegister>(html`<ae-register .adapter=${adapter}></ae-register>`)
    : await fixture<AeRegister>(html`<ae-register></ae-register>`);
  await captchaReady(captchaOf(el));
  return el;
}

const submit = (el: AeRegister) => realClick(el.querySelector('button[type=submit]')!);

async function failWith(el: AeRegister, code: AdapterErrorCode): Promise<void> {
  const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
  await submit(el);
  expect((await error).detail.code).to.equal(code);
  await el.updateComplete;
}

async function succeed(el: AeRegister): Promise<void> {
  const outcome = Promise.race([
    oneEvent(el, 'ae-register-success').then(() => 'success'),
    (oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>).then((e) => `error ${JSON.stringify(e.detail)}`),
  ]);
  await submit(el);
  expect(await outcome, 'the retry').to.equal('success');
  await el.updateComplete;
}

const passwordValues = (el: AeRegister) => [input(el, 'password').value, input(el, 'passwordRepeat').value];

/** The password, in any encoding, found nowhere (but in `keptFields`' values, when given). */
async function expectNoPassword(when: string, options?: { keptFields: string[] }): Promise<void> {
  expect(await recorder.find(PASSWORD, options), `the password found ${when}`).to.deep.equal([]);
}

describe('a password typed into <ae-register> is found nowhere', () => {
  beforeEach(async () => {
    recorder.clear();
    await control('POST', 'reset', { captchaAnswer: ANSWER });
  });

  it('the search finds a password planted in each place it looks (the searcher has teeth)', async () => {
    const plants: { where: string; plant: () => unknown }[] = [
      { where: 'document <div> attribute data-x', plant: () => document.body.appendChild(Object.assign(document.createElement('div'), { className: 'plant' })).setAttribute('data-x', PASSWORD) },
      {
        where: 'document <div>#shadow-root <span> attribute title',
        plant: () => {
          const host = document.body.appendChild(document.createElement('div'));
          host.className = 'plant';
          const span = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
          span.title = `x${PASSWORD}`;
        },
      },
      {
        where: 'document <div>#shadow-root <p> text',
        plant: () => {
          const host = document.body.appendChild(document.createElement('div'));
          host.className = 'plant';
          host.attachShadow({ mode: 'open' }).appendChild(document.createElement('p')).textContent = PASSWORD;
        },
      },
      { where: 'console.log', plant: () => console.log('debug', { nested: { input: { password: PASSWORD } } }) },
      { where: 'console.warn', plant: () => console.warn(new Error(`bad ${JSON.stringify(PASSWORD)}`)) },
      // What HttpAdapter sends, logged as base64 (a planted console.debug in src/ was missed before this case).
      { where: 'console.debug', plant: () => console.debug('sending', btoa(JSON.stringify({ email: 'a@b.c', password: PASSWORD }))) },
      { where: 'console.info', plant: () => console.info(btoa(encodeURIComponent(JSON.stringify({ p: PASSWORD })))) },
      {
        where: 'event plant dispatched on <div>: detail',
        plant: () => document.createElement('div').dispatchEvent(new CustomEvent('plant', { detail: Object.freeze({ a: [{ b: PASSWORD }] }) })),
      },
      { where: 'localStorage plant', plant: () => localStorage.setItem('plant', btoa(`x${PASSWORD}`)) },
      { where: 'sessionStorage plant', plant: () => sessionStorage.setItem('plant', new URLSearchParams({ p: PASSWORD }).toString()) },
      { where: 'document.cookie', plant: () => (document.cookie = `plant=${encodeURIComponent(PASSWORD)}; path=/`) },
      { where: 'location.href', plant: () => history.replaceState(history.state, '', `?p=${encodeURIComponent(PASSWORD)}`) },
      { where: 'history.state', plant: () => history.replaceState({ p: PASSWORD }, '') },
      { where: 'requested URL', plant: () => fetch(`/api/__test__/plant?p=${btoa(`ab${PASSWORD}`)}`, { headers: NS }).then((r) => r.text()) },
      {
        where: 'IndexedDB database',
        plant: () =>
          new Promise((resolve) => {
            const request = indexedDB.open([...new TextEncoder().encode(PASSWORD)].map((b) => b.toString(16).padStart(2, '0')).join(''));
            request.onsuccess = () => resolve(request.result.close());
          }),
      },
      { where: 'value of <input name="hidden">', plant: () => document.body.appendChild(Object.assign(document.createElement('input'), { name: 'hidden', value: PASSWORD, className: 'plant' })) },
      { where: 'window.name', plant: () => (window.name = PASSWORD) },
    ];
    const href = location.href;
    const missed: string[] = [];
    try {
      for (const { where, plant } of plants) {
        recorder.clear();
        await plant();
        const found = await recorder.find(PASSWORD);
        if (!found.some((f) => f.startsWith(where))) missed.push(`${where}: found only ${JSON.stringify(found)}`);
        // Undo what stays in the page.
        document.querySelectorAll('.plant').forEach((n) => n.remove());
        localStorage.removeItem('plant');
        sessionStorage.removeItem('plant');
        document.cookie = 'plant=; path=/; max-age=0';
        history.replaceState(null, '', href);
        window.name = '';
        for (const db of await indexedDB.databases()) if (db.name?.endsWith('37373331')) indexedDB.deleteDatabase(db.name);
      }
    } finally {
      history.replaceState(null, '', href);
    }
    expect(missed).to.deep.equal([]);
    recorder.clear();
    expect(await recorder.find(PASSWORD), 'every plant undone').to.deep.equal([]);
  });

  describe('after each way <ae-register> fails over real HTTP (then, where a retry is offered, after it succeeds)', () => {
    const problem = (code: string, status: number, extra: object = {}) => ({
      type: `${PROBLEM_TYPE_BASE}${code}`,
      title: 'Rejected',
      status,
      code,
      ...extra,
    });
    const cases: { name: string; code: AdapterErrorCode; fault: object; timeoutMs?: number; retry: boolean }[] = [
      // Chromium resends a request whose reused keep-alive connection closed without an answer, on another
      // idle connection or a fresh one (seen: up to 3 attempts): 8 drops make sure the element sees the failure.
      { name: 'network: the server drops the connection', code: 'network', fault: { kind: 'refuse', times: 8 }, retry: true },
      { name: 'timeout: no answer within the time limit', code: 'timeout', fault: { kind: 'hang', ms: 4000 }, timeoutMs: 1000, retry: true },
      { name: 'server: 500', code: 'server', fault: { kind: 'status', status: 500 }, retry: true },
      { name: 'server: 503', code: 'server', fault: { kind: 'status', status: 503 }, retry: true },
      { name: 'server: a malformed body', code: 'server', fault: { kind: 'malformed' }, retry: true },
      { name: 'rate_limited: 429 with Retry-After', code: 'rate_limited', fault: { kind: 'status', status: 429, retryAfter: 7 }, retry: false },
      {
        name: 'validation: 422 that blames the password',
        code: 'validation',
        fault: { kind: 'status', status: 422, body: problem('validation', 422, { field: 'password', fieldErrors: { password: 'password.tooShort' } }) },
        retry: false,
      },
      {
        name: 'email_taken: 409',
        code: 'email_taken',
        fault: { kind: 'status', status: 409, body: problem('email_taken', 409, { field: 'email' }) },
        retry: false,
      },
    ];
    /** The drops the browser's own resending did not use up would hit the retry: spend them first. */
    async function dropLeftoverFaults() {
      for (let i = 0; i < 8; i++) {
        const init = { method: 'POST', headers: { ...NS, 'content-type': 'application/json' }, body: '{}' };
        if (await fetch('/api/auth/register', init).then(() => true, () => false)) return;
      }
      throw new Error('the server still drops every connection');
    }

    for (const c of cases) {
      it(c.name, async () => {
        const el = await mount(http({ timeoutMs: c.timeoutMs }));
        await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
        await control('POST', 'fault', { ...c.fault, path: '/register' });
        const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
        await submit(el);
        if (c.code === 'timeout') {
          // While the call is under way, too.
          await waitUntil(() => el.matches(':state(pending)'), 'the call is under way');
          await expectNoPassword('while the call is under way', KEPT);
        }
        expect((await error).detail.code).to.equal(c.code);
        await el.updateComplete;
        await expectNoPassword(`after ${c.code}`, KEPT);
        if (!c.retry) return;
        if (c.fault === cases[0]!.fault) await dropLeftoverFaults();
        // A server that spent the captcha before failing gets a fresh one; answer it again if so.
        const captcha = captchaOf(el);
        if (captcha.value === '') {
          await captchaReady(captcha);
          await typeCaptcha(captcha, ANSWER);
        }
        await succeed(el);
        expect(passwordValues(el), 'the password fields after the success').to.deep.equal(['', '']);
        await expectNoPassword(`after ${c.code} and a successful retry`);
      });
    }

    it('network: the connection refused (a port nobody listens on)', async () => {
      const { port } = (await control('GET', 'closed-port')) as { port: number };
      let down = false;
      const el = await mount(
        http({ fetch: (url, init) => fetch(down ? String(url).replace(location.origin, `http://127.0.0.1:${port}`) : url, init) }),
      );
      await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
      down = true;
      await failWith(el, 'network');
      await expectNoPassword('after a refused connection', KEPT);
      down = false;
      await succeed(el);
      expect(passwordValues(el)).to.deep.equal(['', '']);
      await expectNoPassword('after a refused connection and a successful retry');
    });
  });

  describe('after the embedded MemoryAdapter refuses', () => {
    it('email_taken: the address is registered already', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
      const captcha = await adapter.getCaptcha();
      await adapter.register({ email: 'maria@example.com', firstName: 'Maria', lastName: 'Ivanova', password: 'Other-pass-1', captcha: { id: captcha.id, answer: ANSWER } });
      const el = await mount(adapter);
      await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
      await failWith(el, 'email_taken');
      await expectNoPassword('after email_taken', KEPT);
    });

    it('captcha_invalid: a wrong code from the picture', async () => {
      const el = await mount(new MemoryAdapter({ captchaAnswer: ANSWER }));
      await fillRegistration(el, { password: PASSWORD, answer: 'wrong' });
      await failWith(el, 'captcha_invalid');
      await waitUntil(() => captchaOf(el).value === '' && !!captchaOf(el).captchaId, 'a fresh captcha');
      await expectNoPassword('after captcha_invalid', KEPT);
    });

    it('validation: the server-side rules reject the password', async () => {
      const el = await mount(new MemoryAdapter({ captchaAnswer: ANSWER, validate: () => ({ password: 'password.tooShort' }) }));
      await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
      await failWith(el, 'validation');
      await expectNoPassword('after validation', KEPT);
    });
  });

  describe('after a success and the activation (the embedded adapter, no configuration)', () => {
    it('no password anywhere, the password fields emptied; none after the activation either', async () => {
      const email = `secrets-${Date.now()}@example.com`;
      const el = await mount();
      const embedded = await getEmbeddedAdapter();
      const captcha = captchaOf(el);
      await fillRegistration(el, { email, password: PASSWORD, answer: embedded.debugCaptchaAnswer(captcha.captchaId!)! });
      await succeed(el);
      expect(passwordValues(el), 'the password fields after the success').to.deep.equal(['', '']);
      await expectNoPassword('after the success');

      const letter = embedded.outbox.find((l: OutboxLetter) => l.to === email)!;
      const activate = await fixture<AeActivate>(html`<ae-activate .token=${letter.token}></ae-activate>`);
      await oneEvent(activate, 'ae-activate-success');
      await activate.updateComplete;
      expect(activate.shadowRoot!.textContent).to.contain('Hello, Maria!');
      await expectNoPassword('after the activation');
    });
  });

  describe('after signing in with <ae-login> (the embedded adapter): a refusal, a server failure and its retry, the success', () => {
    it('no password anywhere, the password field emptied after the success', async () => {
      const email = `secrets-login-${Date.now()}@example.com`;
      const embedded = await getEmbeddedAdapter();
      const { id } = await embedded.getCaptcha();
      await embedded.register({ email, firstName: 'Maria', lastName: 'Ivanova', password: PASSWORD, captcha: { id, answer: embedded.debugCaptchaAnswer(id)! } });
      await embedded.activate(embedded.outbox.find((l: OutboxLetter) => l.to === email)!.token);
      const login = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<ae-login></ae-login>`);
      const type = async (name: string, value: string) => {
        const field = login.querySelector<HTMLInputElement>(`input[name=${name}]`)!;
        field.value = '';
        field.focus();
        await sendKeys({ type: value });
      };
      const submitLogin = () => realClick(login.querySelector('button[type=submit]')!);
      // A wrong password first (it is a secret too).
      await type('email', email);
      await type('password', `${PASSWORD}-wrong`);
      await submitLogin();
      await waitUntil(() => login.querySelector('.ae-banner'), 'the refusal');
      expect(await recorder.find(`${PASSWORD}-wrong`, KEPT), 'the wrong password after the refusal (kept in its field)').to.deep.equal([]);
      await type('password', PASSWORD);
      embedded.failNext('server', { method: 'signIn' });
      await submitLogin();
      await waitUntil(() => login.querySelector('.ae-banner')?.textContent?.includes('Something went wrong'), 'the server failure');
      await expectNoPassword('after the server failure (the password still in its field, by design)', KEPT);
      const success = oneEvent(login, 'ae-login-success');
      await realClick([...login.querySelectorAll('.ae-banner button')].find((b) => b.textContent?.includes('Try again'))!);
      await success;
      expect(login.querySelector<HTMLInputElement>('input[name=password]')?.value ?? '', 'the password field').to.equal('');
      await expectNoPassword('after the sign-in');
    });
  });

  describe('when the element is removed from the page', () => {
    it('the password fields are emptied', async () => {
      const el = await mount(new MemoryAdapter({ captchaAnswer: ANSWER }));
      await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
      const fields = [input(el, 'password'), input(el, 'passwordRepeat')];
      expect(fields.map((f) => f.value)).to.deep.equal([PASSWORD, PASSWORD]);
      el.remove();
      expect(fields.map((f) => f.value), 'the password fields of the removed element').to.deep.equal(['', '']);
    });

    it('the password fields are emptied when it is removed during the call', async () => {
      const el = await mount(new MemoryAdapter({ captchaAnswer: ANSWER, latency: 3000 }));
      await fillRegistration(el, { password: PASSWORD, answer: ANSWER });
      const fields = [input(el, 'password'), input(el, 'passwordRepeat')];
      await submit(el);
      await waitUntil(() => el.matches(':state(pending)'), 'the call is under way');
      el.remove();
      expect(fields.map((f) => f.value), 'the password fields of the removed element').to.deep.equal(['', '']);
      await expectNoPassword('after the removal');
    });
  });
});

describe('a password never lands in a URL', () => {
  interface Navigation {
    url: string;
    /** A POST form submission carries its form data; a GET one has none (its data is in the URL). */
    post: boolean;
  }

  /** Records the navigations a frame starts (Navigation API), without stopping them. */
  function watchNavigations(frame: HTMLIFrameElement): Navigation[] {
    const seen: Navigation[] = [];
    type NavigateEvent = Event & { destination: { url: string }; formData: FormData | null };
    const nav = (frame.contentWindow as unknown as { navigation: EventTarget }).navigation;
    nav.addEventListener('navigate', (e) => {
      const n = e as NavigateEvent;
      seen.push({ url: n.destination.url, post: n.formData !== null });
    });
    return seen;
  }

  /** Every URL the frame went to or has in its history, as far as it can be read. */
  function frameUrls(frame: HTMLIFrameElement, navigations: Navigation[]): string[] {
    const urls = navigations.map((n) => n.url);
    try {
      const w = frame.contentWindow as Window & { navigation?: { entries(): { url: string | null }[] } };
      urls.push(w.location.href, ...(w.navigation?.entries().map((e) => e.url ?? '') ?? []));
    } catch {
      urls.push('(the frame went to another origin)');
    }
    return urls;
  }

  const containsPassword = (url: string) => secretEncodings(PASSWORD).some((e) => url.includes(e.text));
  /** A GET submission of a form with these fields: a navigation without form data, to a URL carrying them. */
  const getSubmissions = (navigations: Navigation[], fields: string[]) =>
    navigations.filter((n) => !n.post && fields.some((f) => new URL(n.url).searchParams.has(f)));

  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('(control) the watch sees a plain form with no method put its password into the address', async () => {
    const frame = await openFrame('/test/helpers/register-frame.html');
    const doc = frame.contentDocument!;
    const form = doc.body.appendChild(doc.createElement('form'));
    form.appendChild(Object.assign(doc.createElement('input'), { type: 'password', name: 'pw', value: PASSWORD }));
    const navigations = watchNavigations(frame);
    const reloaded = eventWithin(frame, 'load', 3000);
    form.submit();
    expect(await reloaded, 'the frame navigated').to.equal(true);
    expect(getSubmissions(navigations, ['pw'])).to.have.length(1);
    expect(frameUrls(frame, navigations).filter(containsPassword)).to.not.deep.equal([]);
  });

  it('form.submit() from a page script (no submit event) after typing a password: no GET submission, no URL with the password', async () => {
    const frame = await openFrame('/test/helpers/register-frame.html');
    const w = frameWindow<{ registerFrame: RegisterFrame }>(frame);
    const el = w.document.querySelector('ae-register')!;
    await el.updateComplete;
    const captcha = captchaOf(el);
    await captchaReady(captcha);
    const embedded = await w.registerFrame.embeddedAdapter();
    await fillRegistration(el, { password: PASSWORD, answer: embedded.debugCaptchaAnswer(captcha.captchaId!)! });
    expect(input(el, 'password').value, 'typed into the frame').to.equal(PASSWORD);
    const form = el.querySelector('form')!;
    const navigations = watchNavigations(frame);
    // Another page's load would show up as a load of the frame; none is the expected outcome.
    const reloaded = eventWithin(frame, 'load', 2000);
    form.submit();
    await reloaded;
    expect(getSubmissions(navigations, ['email', 'password', 'passwordRepeat']), 'GET submissions of the form').to.deep.equal([]);
    expect(frameUrls(frame, navigations).filter(containsPassword), 'URLs with the password').to.deep.equal([]);
  });
});
