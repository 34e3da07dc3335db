import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import { HttpAdapter } from '../src/adapter/http-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeActivate } from '../src/components/activate/activate.js';
import type { AeRegisterErrorEvent } from '../src/events/register-events.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import { captchaOf, captchaReady, clickButton, fillRegistration, findButton, input, realClick, typeCaptcha } from './helpers/dom.js';
import { contractControl } from './server/contract-client.js';

// The elements against a real HTTP server that follows openapi/auth.openapi.yaml
// (test/server/contract-server.mjs, served on this origin under /api/ by the test runner).
// This file owns the server's default namespace, which is what a plain endpoint="/api/auth" talks to.
const ANSWER = 'Ab3dE';
const PASSWORD = 'Tr0ub4dor-3';
// The default namespace: no namespace header.
const server = contractControl();
const { control } = server;


const fill = (el: AeRegister, email?: string) =>
  fillRegistration(el, { email, password: PASSWORD, answer: ANSWER });

const typed = (el: AeRegister) =>
  ['email', 'firstName', 'lastName', 'password', 'passwordRepeat'].map((n) => input(el, n).value);

async function mount(adapter?: HttpAdapter): Promise<AeRegister> {
  const el = adapter
    ? await fixture<AeRegister>(html`<ae-register .adapter=${adapter}></ae-register>`)
    : await fixture<AeRegister>(html`<ae-register endpoint="/api/auth"></ae-register>`);
  await captchaReady(captchaOf(el));
  return el;
}

/** Submits, expects the failure `code`, the banner `text`, everything kept; then a retry that succeeds. */
async function failThenRetry(el: AeRegister, code: string, text: string) {
  const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
  await realClick(el.querySelector('button[type=submit]')!);
  expect((await error).detail.code).to.equal(code);
  await el.updateComplete;
  expect(el.querySelector('.ae-banner')!.textContent).to.contain(text);
  expect(typed(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
  // The answer is kept: the fault was served before the server looked at the captcha, so one press works.
  expect(captchaOf(el).value).to.equal(ANSWER);
  // After a 429, "Try again" works once the Retry-After wait is over.
  const retry = findButton(el, /^(Try again|Повторить|Опитайте отново)$/);
  await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'the retry available', { timeout: 4000 });
  const success = oneEvent(el, 'ae-register-success');
  await realClick(retry);
  await success;
}

describe('the elements over real HTTP (HttpAdapter ↔ contract server)', () => {
  beforeEach(() => control('POST', 'reset', { captchaAnswer: ANSWER, resendCooldownMs: 0 }));
  afterEach(() => setLocale('en'));
  // Every response the server sent during the test was one its document allows.
  afterEach(() => server.expectNoViolations());

  it('register → letter → activate, with nothing but endpoint="/api/auth" on the tags', async () => {
    const el = await mount();
    expect(captchaOf(el).shadowRoot!.querySelector('img')!.src).to.match(/^data:image\/svg\+xml/);
    await fill(el);
    const success = oneEvent(el, 'ae-register-success');
    await realClick(el.querySelector('button[type=submit]')!);
    const { detail } = await success;
    expect(detail.email).to.equal('maria@example.com');

    const outbox = (await control('GET', 'outbox')) as OutboxLetter[];
    expect(outbox).to.have.length(1);
    expect(outbox[0]!.to).to.equal('maria@example.com');
    // The letter carries the token in the fragment, which never reaches a server or a Referer.
    const link = new URL(outbox[0]!.link);
    expect(link.search).to.equal('');
    const token = new URLSearchParams(link.hash.slice(1)).get('token');
    expect(token).to.equal(outbox[0]!.token);

    const activate = await fixture<AeActivate>(html`<ae-activate endpoint="/api/auth" token=${token!}></ae-activate>`);
    const activated = oneEvent(activate, 'ae-activate-success');
    expect((await activated).detail).to.deep.equal({ userId: detail.userId, email: 'maria@example.com' });
    await activate.updateComplete;
    expect(activate.shadowRoot!.textContent).to.contain('Hello, Maria!');
    expect(activate.shadowRoot!.textContent).to.contain('Your e-mail address maria@example.com is confirmed');
    const user = (await control('GET', 'user?email=maria@example.com')) as { status: string };
    expect(user.status).to.equal('active');
  });

  it('the address already registered: the server\'s 409 lands on the e-mail field', async () => {
    const first = await mount();
    await fill(first);
    const ok = oneEvent(first, 'ae-register-success');
    await realClick(first.querySelector('button[type=submit]')!);
    await ok;
    const el = await mount();
    await fill(el, 'maria@example.com');
    const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
    await realClick(el.querySelector('button[type=submit]')!);
    expect((await error).detail).to.deep.equal({ code: 'email_taken', field: 'email' });
    await el.updateComplete;
    expect(el.textContent).to.contain('This e-mail is already registered');
  });

  it('500: a message, a working retry, nothing lost', async () => {
    const el = await mount();
    await fill(el);
    await control('POST', 'fault', { kind: 'status', status: 500, path: '/register' });
    await failThenRetry(el, 'server', 'Something went wrong on our side');
  });

  it('503 in Russian: a localized message, a working retry', async () => {
    await setLocale('ru');
    const el = await mount();
    await fill(el);
    await control('POST', 'fault', { kind: 'status', status: 503, path: '/register' });
    await failThenRetry(el, 'server', 'Что-то пошло не так на нашей стороне');
  });

  it('429 with Retry-After in Bulgarian: how long to wait, then a working retry', async () => {
    await setLocale('bg');
    const el = await mount();
    await fill(el);
    await control('POST', 'fault', { kind: 'status', status: 429, retryAfter: 2, path: '/register' });
    await failThenRetry(el, 'rate_limited', 'изчакайте 2\u00a0секунди');
  });

  it('a server that spent the captcha and then failed: the retry gets a fresh picture to answer', async () => {
    const el = await mount();
    await fill(el);
    // First attempt: the captcha is used by a request whose answer is lost (hangs past the timeout).
    const adapter = new HttpAdapter({ baseUrl: '/api/auth', timeoutMs: 1500 });
    el.adapter = adapter;
    await el.updateComplete;
    const captcha = captchaOf(el);
    await waitUntil(() => !!captcha.captchaId && captcha.value === '', 'captcha from the new adapter');
    await typeCaptcha(captcha, ANSWER);
    await control('POST', 'fault', { kind: 'hang', ms: 4000, path: '/register' });
    const timeout = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
    await realClick(el.querySelector('button[type=submit]')!);
    expect((await timeout).detail.code).to.equal('timeout');
    // The fault hung the request before the server looked at it; spend the captcha for real the way a
    // server that failed after checking it would have.
    await fetch('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x@example.com', firstName: 'X', lastName: 'Y', password: 'abc12345', captcha: { id: captcha.captchaId, answer: 'wrong' } }),
    });
    const rejected = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
    await clickButton(el, 'Try again');
    expect((await rejected).detail.code).to.equal('captcha_invalid');
    await waitUntil(() => captcha.value === '' && !!captcha.error, 'fresh captcha with a message');
    await typeCaptcha(captcha, ANSWER);
    const success = oneEvent(el, 'ae-register-success');
    await realClick(el.querySelector('button[type=submit]')!);
    await success;
  });

  it('a response hanging past the timeout: a timeout message, a working retry', async () => {
    // 1.5 s: long enough for the retry's real registration (a PBKDF2 hash on a busy 2-core machine), far
    // shorter than the hang.
    const el = await mount(new HttpAdapter({ baseUrl: '/api/auth', timeoutMs: 1500 }));
    await fill(el);
    await control('POST', 'fault', { kind: 'hang', ms: 6000, path: '/register' });
    await failThenRetry(el, 'timeout', 'The server is not responding');
  });

  it('malformed JSON: a server message, not a crash; a working retry', async () => {
    const el = await mount();
    await fill(el);
    await control('POST', 'fault', { kind: 'malformed', path: '/register' });
    await failThenRetry(el, 'server', 'Something went wrong on our side');
  });

  it('the connection refused: a no-connection message; the retry works once the server is back', async () => {
    const { port } = (await control('GET', 'closed-port')) as { port: number };
    let down = false;
    // A real refused TCP connection while `down`; the real server again afterwards.
    const adapter = new HttpAdapter({
      baseUrl: '/api/auth',
      fetch: (url, init) =>
        fetch(down ? String(url).replace(location.origin, `http://127.0.0.1:${port}`) : url, init),
    });
    const el = await mount(adapter);
    await fill(el);
    down = true;
    const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
    await realClick(el.querySelector('button[type=submit]')!);
    expect((await error).detail.code).to.equal('network');
    await el.updateComplete;
    expect(el.querySelector('.ae-banner')!.textContent).to.contain('No connection');
    expect(typed(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
    down = false;
    const success = oneEvent(el, 'ae-register-success');
    await clickButton(el, 'Try again');
    await success;
  });
});
