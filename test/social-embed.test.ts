/**
 * <ae-social-login> inside <ae-register> and <ae-login>: shown under the form with the "or" divider (it arrives
 * after the form and must not move it), turned off or narrowed by `social`, the privacy note’s link to the registration’s e-mail field,
 * the host form stepping aside while the social block shows its own form, and no social block in the
 * password step that links an account (no sign-in inside a sign-in).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { MemorySocialOptions } from '../src/adapter/social-types.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeLogin } from '../src/components/login/login.js';
import { setSession } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { assertFocused, realClick } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';

setSessionChannelName(`ae-test:social-embed:${Math.random()}`);

const adapterWith = (o: MemorySocialOptions = {}) => new MemoryAdapter({ latency: 0, captchaAnswer: 'Ab3dE', ...o } as MemoryAdapterOptions);

async function socialOf(host: Element): Promise<HTMLElement> {
  await waitUntil(() => host.querySelector('ae-social-login .ae-social-button'), 'the social block', { timeout: 4000 });
  return host.querySelector('ae-social-login')!;
}

describe('<ae-social-login> embedded', () => {
  afterEach(() => {
    fixtureCleanup();
    setSession(null);
  });

  it('in <ae-register>: under the form (it arrives later and must not move it) with the divider; the privacy link moves focus to the e-mail field', async () => {
    const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapterWith()}></ae-register>`);
    const social = await socialOf(el);
    const form = el.querySelector('form.ae-form')!;
    expect(!!(social.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_PRECEDING), 'the block comes after the form').to.equal(true);
    expect(social.querySelectorAll('.ae-social-button').length).to.equal(3);
    expect(social.querySelector('.ae-social-divider')!.textContent!.trim()).to.equal('or');
    expect(social.querySelector('.ae-social-divider')!.compareDocumentPosition(social.querySelector('.ae-social-button')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
    const link = [...social.querySelectorAll('a')].find((a) => a.textContent!.includes('Register with your e-mail instead'))!;
    const email = form.querySelector<HTMLInputElement>('input[name="email"]')!;
    expect(link.getAttribute('href')).to.equal(`#${email.id}`);
    await realClick(link);
    assertFocused(email);
    await expectAccessible(el, 'register with social');
  });

  it('`social` picks the providers or turns the block off', async () => {
    const el = await fixture<AeRegister>(html`<ae-register social="google vk" .adapter=${adapterWith()}></ae-register>`);
    const social = await socialOf(el);
    expect([...social.querySelectorAll<HTMLElement>('.ae-social-button')].map((b) => b.dataset.provider)).to.deep.equal(['google', 'vk']);
    el.social = 'none';
    await el.updateComplete;
    expect(el.querySelector('ae-social-login') === null).to.equal(true);
    const login = await fixture<AeLogin>(html`<ae-login social="none" .adapter=${adapterWith()}></ae-login>`);
    await login.updateComplete;
    expect(login.querySelector('ae-social-login') === null).to.equal(true);
  });

  it('in <ae-register>: the profile form of a social sign-up takes the place of the e-mail form', async () => {
    const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapterWith({ socialConsent: 'allow', socialAllowAs: 'vk-100001' })}></ae-register>`);
    const social = await socialOf(el);
    const form = el.querySelector<HTMLFormElement>('form.ae-form:not(.ae-social-profile)')!;
    expect(getComputedStyle(form).display).to.not.equal('none');
    await realClick(social.querySelector('.ae-social-button[data-provider="vk"]')!);
    await waitUntil(() => social.querySelector('form.ae-social-profile'), 'the profile form');
    expect(getComputedStyle(form).display, 'the e-mail form steps aside').to.equal('none');
    // The Cyrillic names get their Latin suggestion once the validation chunk is in: a button above "Start over"
    // that moves it down. Pressed before it arrives, the press could land on "Create profile" instead.
    await waitUntil(() => social.querySelector('.ae-social-profile .ae-suggest'), 'the Latin suggestion for the Cyrillic names');
    await realClick(social.querySelector('.ae-social-profile button.ae-link')!); // Start over
    // The social element starts over, then tells the form (an event and an update each): not in one update.
    await waitUntil(() => getComputedStyle(form).display !== 'none', 'the e-mail form back', { timeout: 3000 });
  });

  it('in <ae-login>: under the form; its link step shows a sign-in without another social block', async () => {
    const adapter = adapterWith({ socialConsent: 'allow', socialAllowAs: 'vk-100002' });
    const c = await adapter.getCaptcha();
    await adapter.register({ email: 'ivan.sokolov@vk.example.com', firstName: 'Ivan', lastName: 'Sokolov', password: 'Sekret-2026', captcha: { id: c.id, answer: 'Ab3dE' } });
    await adapter.activate(adapter.outbox.at(-1)!.token);
    const el = await fixture<AeLogin>(html`<ae-login .adapter=${adapter}></ae-login>`);
    const social = await socialOf(el);
    await expectAccessible(el, 'login with social');
    await realClick(social.querySelector('.ae-social-button[data-provider="vk"]')!);
    await waitUntil(() => social.querySelector('ae-login input[name="password"]'), 'the link step');
    const inner = social.querySelector('ae-login')!;
    expect(inner.querySelector('ae-social-login') === null, 'no social block in the password step').to.equal(true);
    expect(getComputedStyle(el.querySelector(':scope > .ae-root > .ae-login-main > form.ae-form')!).display, 'the host form steps aside').to.equal('none');
  });
});
