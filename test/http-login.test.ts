/**
 * <ae-login> over real HTTP (HttpAdapter ↔ the contract server): sign-in sets the server's HttpOnly cookie and
 * nothing a script can read holds the session; the same generic refusal for a wrong password and an unknown
 * address; the captcha after failures; not_activated and the letter again; a 503 with a working retry.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define/ae-login.js';
import type { AeLogin } from '../src/components/login/login.js';
import type { AeLoginErrorEvent } from '../src/events/login-events.js';
import { getSessionSnapshot, setSession } from '../src/session/session-store.js';
import { captchaOf, captchaReady, findButton, input, realClick, typeCaptcha, typeInto } from './helpers/dom.js';
import { authFixtures, PASSWORD } from './server/auth-fixtures.js';
import type { AuthFixtures } from './server/auth-fixtures.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

// Test files run side by side as tabs of one origin: this one's sign-ins stay on its own channel.
setSessionChannelName(`ae-test:http-login:${Math.random()}`);

const NS = 'http-login';
const ANSWER = 'Ab3dE';
let f: AuthFixtures;

async function mount(): Promise<AeLogin> {
  const el = await fixture<AeLogin>(html`<ae-login .adapter=${f.adapter()} resend-cooldown="2"></ae-login>`);
  await el.updateComplete;
  return el;
}

async function signIn(el: AeLogin, email: string, password: string): Promise<void> {
  input(el, 'email').value = '';
  input(el, 'password').value = '';
  await typeInto(el, 'email', email);
  await typeInto(el, 'password', password);
  await realClick(el.querySelector('button[type=submit]')!);
}

const banner = (el: Element) => el.querySelector<HTMLElement>('.ae-banner');

describe('<ae-login> over real HTTP', () => {
  before(async () => {
    f = await authFixtures(NS);
  });
  beforeEach(() => f.server.control('POST', 'reset', { captchaAnswer: ANSWER, resendCooldownMs: 0, captchaAfterFailures: 2 }));
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await f.signOutHere();
    await f.server.expectNoViolations();
  });

  it('signs in: the HttpOnly cookie is set, no script-readable session, the store and the server agree', async () => {
    const userId = await f.activeProfile('maria@example.com');
    const el = await mount();
    const success = oneEvent(el, 'ae-login-success');
    await signIn(el, 'maria@example.com', PASSWORD);
    expect((await success).detail.userId).to.equal(userId);
    expect(f.readableCookie(f.names.session), 'the session cookie is HttpOnly').to.equal(false);
    expect(document.cookie).to.not.contain(f.names.session);
    expect(getSessionSnapshot().status).to.equal('signed-in');
    expect((await f.adapter().getSession())?.userId).to.equal(userId);
    expect(JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })).to.not.contain(PASSWORD);
  });

  it('a wrong password and an unknown address: one message, one code; then the captcha, solved, lets in', async () => {
    await f.activeProfile('maria@example.com');
    const el = await mount();
    const codes: string[] = [];
    for (const [email, password] of [
      ['maria@example.com', 'Wrong-pass-1'],
      ['nobody@example.com', PASSWORD],
    ] as const) {
      const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
      await signIn(el, email, password);
      codes.push((await error).detail.code);
      await waitUntil(() => banner(el), 'the refusal');
      expect(banner(el)!.textContent!.trim()).to.equal('Invalid e-mail or password');
    }
    expect(codes).to.deep.equal(['invalid_credentials', 'invalid_credentials']);
    await signIn(el, 'maria@example.com', 'Wrong-pass-2');
    await waitUntil(() => banner(el)?.textContent?.includes('Invalid'), 'second failure of the address');
    const required = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
    await signIn(el, 'maria@example.com', PASSWORD);
    expect((await required).detail.code).to.equal('captcha_required');
    await waitUntil(() => el.querySelector('ae-captcha'), 'the captcha');
    await captchaReady(captchaOf(el));
    await typeCaptcha(captchaOf(el), ANSWER);
    const success = oneEvent(el, 'ae-login-success');
    await realClick(el.querySelector('button[type=submit]')!);
    await success;
  });

  it('not activated: the notice after the right password, and the letter again', async () => {
    await f.pendingProfile('ivan@example.com');
    const el = await mount();
    const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
    await signIn(el, 'ivan@example.com', PASSWORD);
    expect((await error).detail.code).to.equal('not_activated');
    await waitUntil(() => el.querySelector('.ae-not-activated'), 'the notice');
    const before = ((await f.server.control('GET', 'outbox')) as { to: string }[]).filter((l) => l.to === 'ivan@example.com').length;
    await realClick(findButton(el.querySelector('.ae-not-activated')!, 'Send the letter again'));
    await waitUntil(() => el.querySelector('.ae-not-activated')?.textContent?.includes('We sent a new letter'), 'sent');
    const after = ((await f.server.control('GET', 'outbox')) as { to: string }[]).filter((l) => l.to === 'ivan@example.com').length;
    expect(after).to.equal(before + 1);
  });

  it('a 503: the message at the top, Try again signs in with what was typed', async () => {
    await f.activeProfile('maria@example.com');
    await f.server.control('POST', 'fault', { kind: 'status', status: 503, path: '/sign-in' });
    const el = await mount();
    const error = oneEvent(el, 'ae-login-error') as Promise<AeLoginErrorEvent>;
    await signIn(el, 'maria@example.com', PASSWORD);
    expect((await error).detail.code).to.equal('server');
    await waitUntil(() => banner(el), 'the banner');
    expect(input(el, 'email').value).to.equal('maria@example.com');
    expect(input(el, 'password').value).to.equal(PASSWORD);
    const success = oneEvent(el, 'ae-login-success');
    await realClick(findButton(banner(el)!, 'Try again'));
    await success;
  });
});
