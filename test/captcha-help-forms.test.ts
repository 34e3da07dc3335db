/**
 * The embedded captcha's "Can't read or hear the code? Write to support" (issue 19) inside <ae-register> and
 * <ae-login> takes the form's own way to support (its support offer): the form cancels `ae-captcha-help` and opens
 * the page's chat, creating one when the page has none, on the captcha topic with the form's context. Real clicks,
 * MemoryAdapter with its virtual agent.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import type { AeSupport } from '../src/components/support/support.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { captchaOf, captchaReady, realClick, typeInto } from './helpers/dom.js';
import { MARIA, adapterWithDesk, cleanUpAfterEach, deskConversations, listedTopic } from './helpers/support-desk.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

setSessionChannelName(`ae-test:captcha-help-forms:${Math.random()}`);

async function helpLink(c: AeCaptcha): Promise<HTMLButtonElement> {
  await captchaReady(c);
  await waitUntil(() => c.shadowRoot!.querySelector('[part="help"]'), 'the help link', { timeout: 4000 });
  return c.shadowRoot!.querySelector<HTMLButtonElement>('[part="help"]')!;
}

cleanUpAfterEach();

describe('the captcha help link inside a form', () => {
  it('<ae-register>: opens a chat (none on the page before) on the captcha topic with the form’s context', async function () {
    this.timeout(20_000);
    const { desk, adapter } = adapterWithDesk({ captchaAnswer: 'Ab3dE' });
    const el = await fixture<HTMLElement>(html`<ae-register .adapter=${adapter}></ae-register>`);
    await typeInto(el, 'email', 'maria@example.com');
    let prevented: boolean | undefined;
    document.addEventListener('ae-captcha-help', (e) => queueMicrotask(() => (prevented = e.defaultPrevented)), { once: true });
    await realClick(await helpLink(captchaOf(el)));
    await waitUntil(() => document.querySelector<AeSupport>('ae-support')?.open, 'the chat opens', { timeout: 8000 });
    expect(prevented, 'the form took over the event').to.equal(true);
    expect(document.querySelectorAll('ae-support').length).to.equal(1);
    await waitUntil(() => deskConversations(desk).length === 1, 'a conversation', { timeout: 8000 });
    const [conversation] = deskConversations(desk);
    expect(await listedTopic(adapter, conversation!)).to.equal('captcha');
    expect(conversation!.context?.step).to.equal('register');
    expect(conversation!.context?.maskedEmail).to.equal('m***@example.com');
  });

  it('<ae-login>: once the captcha is asked for, its help link opens the chat on the captcha topic', async function () {
    this.timeout(20_000);
    const { desk, adapter } = adapterWithDesk({ captchaAfterFailures: 1, users: [MARIA] });
    const el = await fixture<HTMLElement>(html`<ae-login .adapter=${adapter}></ae-login>`);
    await typeInto(el, 'email', MARIA.email);
    await typeInto(el, 'password', 'wrong-password-1');
    // A wrong password, then the same again: the second attempt is answered `captcha_required`.
    for (let attempt = 0; attempt < 3 && !el.querySelector('ae-captcha'); attempt++) {
      const submit = el.querySelector<HTMLButtonElement>('button[type=submit]')!;
      await waitUntil(() => !submit.disabled && submit.getAttribute('aria-disabled') !== 'true', 'the form is ready');
      await realClick(submit);
      await new Promise((r) => setTimeout(r, 400));
    }
    await waitUntil(() => el.querySelector('ae-captcha'), 'the captcha is asked for', { timeout: 8000 });
    await realClick(await helpLink(captchaOf(el)));
    await waitUntil(() => deskConversations(desk).length === 1, 'a conversation', { timeout: 8000 });
    expect(await listedTopic(adapter, deskConversations(desk)[0]!)).to.equal('captcha');
    expect(deskConversations(desk)[0]!.context?.step).to.equal('login');
  });
});
