/**
 * The social block's link step loads `<ae-login>` through define/ae-login-linking.ts: the sign-in form and its
 * password recovery, without `<ae-login>`'s hand-offs to registration and to the social block, so that no page
 * has a lazy loop back to its own element (LoginHandOffs in src/components/login/login.ts). On a page with only
 * the social block (this file imports nothing else), in headless Chromium with real typing and clicks on the
 * embedded MemoryAdapter: the link step offers "Forgot password?" and opens the recovery in its place, offers no
 * "Create profile" (nothing on the page could show it), loads neither `<ae-register>` nor a second social block;
 * once the page imports `ae-auth-elements/login.js` as well, `<ae-login>` has all its hand-offs again.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-social-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { MemorySocialOptions } from '../src/adapter/social-types.js';
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import { loginHandOffs } from '../src/components/login/login.js';
import { setSession } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { findButton, realClick, shownText } from './helpers/dom.js';

setSessionChannelName(`ae-test:login-linking:${Math.random()}`);

const PASSWORD = 'Sekret-2026';
const EMAIL = 'ivan.sokolov@vk.example.com';

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
async function linkStep(adapter: MemoryAdapter): Promise<{ block: AeSocialLogin; login: HTMLElement }> {
  const block = await fixture<AeSocialLogin>(html`<ae-social-login .adapter=${adapter}></ae-social-login>`);
  await realClick(block.querySelector<HTMLButtonElement>('.ae-social-button[data-provider="vk"]')!);
  await waitUntil(() => block.querySelector('ae-login input[name="password"]'), 'the password sign-in of the link step', { timeout: 4000 });
  return { block, login: block.querySelector<HTMLElement>('ae-login')! };
}

describe("<ae-login> in the social block's link step", () => {
  afterEach(() => {
    fixtureCleanup();
    document.querySelectorAll('[data-ae-social-demo]').forEach((n) => n.remove());
    setSession(null);
  });

  it('offers the password recovery in its place, no "Create profile", and loads no registration or social block', async () => {
    const { login } = await linkStep(await server());
    expect(loginHandOffs.register === undefined, 'no hand-off to registration').to.equal(true);
    expect(loginHandOffs.social === undefined, 'no hand-off to the social block').to.equal(true);
    expect(shownText(login)).to.not.contain('Create profile');
    expect(shownText(login)).to.not.contain('New here?');
    expect(login.querySelector('ae-social-login') === null, 'no social block inside the link step').to.equal(true);
    await realClick(findButton(login, 'Forgot password?'));
    await waitUntil(() => login.querySelector('ae-forgot-password input[name="email"]'), 'the recovery form in its place', { timeout: 4000 });
    expect(customElements.get('ae-forgot-password') !== undefined, 'loaded by the link step').to.equal(true);
    expect(customElements.get('ae-register') === undefined, 'never loaded').to.equal(true);
  });

  it('once the page imports ae-auth-elements/login.js too, <ae-login> hands over to registration again', async () => {
    await import('../src/define/ae-login.js');
    expect(typeof loginHandOffs.register).to.equal('function');
    const { login } = await linkStep(await server());
    await realClick(findButton(login, 'Create profile'));
    await waitUntil(() => login.querySelector('ae-register input[name="email"]'), 'the registration in its place', { timeout: 4000 });
  });
});
