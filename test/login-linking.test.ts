/**
 * The social block's link step loads `<ae-login>` through define/ae-login-linking.ts: the sign-in form and its
 * password recovery, without `<ae-login>`'s hand-offs to registration and to the social block, so that no page
 * has a lazy loop back to its own element (LoginHandOffs in src/components/login/login.ts). A page with only the
 * social block (its define module is the only element this file imports), in headless Chromium with real typing
 * and clicks on the embedded MemoryAdapter: the link step offers "Forgot password?" and opens the recovery in its
 * place, offers no "Create profile" (`no-register`: that profile exists), and the page requests neither
 * `ae-auth-elements/login.js` nor `<ae-register>`. Then a plain `<ae-login>`, defined by the link step: no
 * "Create profile" while nothing on the page can show a registration; once the page imports login.js, the same
 * element offers it, with no new mount, and opens the registration in its place; the link step still does not.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import './helpers/resource-timing.js';
import '../src/define/ae-social-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { MemorySocialOptions } from '../src/adapter/social-types.js';
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import { setSession } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { findButton, realClick, shownText } from './helpers/dom.js';
import { requested } from './helpers/preset-page.js';

setSessionChannelName(`ae-test:login-linking:${Math.random()}`);

const PASSWORD = 'Sekret-2026';
const EMAIL = 'ivan.sokolov@vk.example.com';
/** The modules a page loads for the full `<ae-login>` and for `<ae-register>` (served as .ts by the dev server). */
const FULL_LOGIN = /\/src\/define\/ae-login\.(ts|js)/;
const REGISTRATION = /\/src\/(define\/ae-register|components\/register\/)/;

/** A MemoryAdapter with an active profile under the address the VK account brings, and the consent answered. */
async function server(): Promise<MemoryAdapter> {
  const options: MemoryAdapterOptions & MemorySocialOptions = { latency: 0, captchaAnswer: 'Ab3dE', socialConsent: 'allow', socialAllowAs: 'vk-100002' };
  const adapter = new MemoryAdapter(options as MemoryAdapterOptions);
  const c = await adapter.getCaptcha();
  await adapter.register({ email: EMAIL, firstName: 'Ivan', lastName: 'Sokolov', password: PASSWORD, captcha: { id: c.id, answer: 'Ab3dE' } });
  await adapter.activate(adapter.outbox.at(-1)!.token);
  return adapter;
}

/** The social block on `adapter`, after a VK sign-in whose address has a profile: its link step's `<ae-login>`. */
async function linkStep(adapter: MemoryAdapter): Promise<HTMLElement> {
  const block = await fixture<AeSocialLogin>(html`<ae-social-login .adapter=${adapter}></ae-social-login>`);
  await realClick(block.querySelector<HTMLButtonElement>('.ae-social-button[data-provider="vk"]')!);
  await waitUntil(() => block.querySelector('ae-login input[name="password"]'), 'the password sign-in of the link step', { timeout: 4000 });
  return block.querySelector<HTMLElement>('ae-login')!;
}

describe("<ae-login> in the social block's link step", () => {
  afterEach(() => {
    fixtureCleanup();
    document.querySelectorAll('[data-ae-social-demo]').forEach((n) => n.remove());
    setSession(null);
  });

  it('offers the password recovery in its place and no "Create profile"; login.js and <ae-register> are never requested', async () => {
    const login = await linkStep(await server());
    expect(shownText(login)).to.contain('Forgot password?');
    expect(shownText(login)).to.not.contain('Create profile');
    expect(shownText(login)).to.not.contain('New here?');
    await realClick(findButton(login, 'Forgot password?'));
    await waitUntil(() => login.querySelector('ae-forgot-password input[name="email"]'), 'the recovery form in its place', { timeout: 4000 });
    expect(requested(FULL_LOGIN), 'the full login module').to.deep.equal([]);
    expect(requested(REGISTRATION), 'the registration').to.deep.equal([]);
  });

  it('a plain <ae-login> the link step defined: "Create profile" appears in it once the page imports login.js', async () => {
    expect(customElements.get('ae-login') !== undefined, 'defined by the link step of the test before').to.equal(true);
    const login = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(html`<ae-login .adapter=${await server()}></ae-login>`);
    await waitUntil(() => login.querySelector('input[name="email"]'), 'its form');
    expect(shownText(login), 'nothing on this page can show a registration yet').to.not.contain('Create profile');
    await import('../src/define/ae-login.js');
    await waitUntil(() => shownText(login).includes('Create profile'), 'the link in the same element', { timeout: 4000 });
    expect(requested(FULL_LOGIN).length, 'login.js requested now').to.be.greaterThan(0);
    await realClick(findButton(login, 'Create profile'));
    await waitUntil(() => login.querySelector('ae-register input[name="email"]'), 'the registration in its place', { timeout: 4000 });
  });

  it('the link step offers no "Create profile" on a page that can show a registration either', async () => {
    expect(customElements.get('ae-register') !== undefined, 'defined by the test before').to.equal(true);
    const login = await linkStep(await server());
    expect(shownText(login)).to.contain('Forgot password?');
    expect(shownText(login)).to.not.contain('Create profile');
  });
});
