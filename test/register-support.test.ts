/**
 * From the form to support (issue 17), on the real <ae-register> and <ae-login> with the embedded kind of
 * server (MemoryAdapter, its virtual agent answering at once): three wrong answers to the picture in a row offer
 * "Still cannot register? Write to support"; pressing it opens the page's chat on the captcha topic, with a
 * context a person can read (the step, the error codes, the locale, the masked address) and never the
 * password; the agent answers about the case-sensitive code.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeSupport } from '../src/components/support/support.js';
import { captchaOf, captchaReady, fillRegistration, input, realClick, typeCaptcha, typeInto } from './helpers/dom.js';
import { MARIA, PASSWORD, adapterWithDesk, cleanUpAfterEach, deskConversations, listedTopic } from './helpers/support-desk.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

setSessionChannelName(`ae-test:register-support:${Math.random()}`);

const ANSWER = 'Ab3dE';

const offerButton = (el: Element): HTMLButtonElement | null => el.querySelector('.ae-support-offer button');
const submit = (el: Element): HTMLButtonElement => el.querySelector<HTMLButtonElement>('button[type=submit]')!;

cleanUpAfterEach();

describe('<ae-register> offers support after repeated failures', () => {
  it('three wrong codes in a row: the offer, then the chat on the captcha topic with the context and no secret', async function () {
    this.timeout(30_000);
    const { desk, adapter } = adapterWithDesk({ captchaAnswer: ANSWER });
    const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapter}></ae-register>`);
    let refusals = 0;
    el.addEventListener('ae-register-error', (e) => {
      if (e.detail.code === 'captcha_invalid') refusals++;
    });
    await captchaReady(captchaOf(el));
    await fillRegistration(el, { password: PASSWORD, answer: 'wrong' });
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) {
        // A new picture after each refusal; the form keeps everything else.
        await captchaReady(captchaOf(el));
        await typeCaptcha(captchaOf(el), 'abcde');
      }
      await realClick(submit(el));
      await waitUntil(() => refusals === attempt, `refusal ${attempt}`, { timeout: 5000 });
      await el.updateComplete;
      if (attempt < 3) expect(offerButton(el) === null, `no offer after ${attempt} refusal(s)`).to.equal(true);
    }
    await waitUntil(() => offerButton(el), 'the offer after the third refusal');
    expect(offerButton(el)!.textContent!.trim()).to.equal('Still cannot register? Write to support');
    // Nothing typed was lost on the way.
    expect(input(el, 'email').value).to.equal('maria@example.com');
    expect(input(el, 'password').value).to.equal(PASSWORD);

    await realClick(offerButton(el)!);
    await waitUntil(() => document.querySelector<AeSupport>('ae-support')?.open, 'the chat opens', { timeout: 8000 });
    await waitUntil(() => deskConversations(desk).length === 1, 'a conversation on the server side', { timeout: 8000 });
    const [conversation] = deskConversations(desk);
    expect(await listedTopic(adapter, conversation!)).to.equal('captcha');
    expect(conversation!.context).to.deep.equal({
      step: 'register',
      errorCodes: ['captcha_invalid', 'captcha_invalid', 'captcha_invalid'],
      locale: 'en',
      maskedEmail: 'm***@example.com',
    });
    expect(JSON.stringify(deskConversations(desk))).not.to.contain(PASSWORD);
    // The agent answers about the code from the picture.
    const support = document.querySelector<AeSupport>('ae-support')!;
    await waitUntil(
      () => {
        const view = support.shadowRoot?.querySelector('ae-conversation');
        return /case|capital|letters/i.test(view?.shadowRoot?.textContent ?? '');
      },
      'the agent explains the case-sensitive code',
      { timeout: 8000 },
    );
  });

  it('<ae-login>: two server faults offer the chat on the sign-in topic', async function () {
    this.timeout(20_000);
    const { desk, adapter } = adapterWithDesk({ users: [MARIA] });
    adapter.failNext('server', { method: 'signIn', times: 2 });
    const el = await fixture<HTMLElement>(html`<ae-login .adapter=${adapter}></ae-login>`);
    await typeInto(el, 'email', MARIA.email);
    await typeInto(el, 'password', PASSWORD);
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-banner'), 'the first fault');
    expect(offerButton(el) === null, 'no offer after one fault').to.equal(true);
    await realClick(el.querySelector<HTMLButtonElement>('.ae-banner button')!);
    await waitUntil(() => offerButton(el), 'the offer after the second fault');
    await realClick(offerButton(el)!);
    await waitUntil(() => deskConversations(desk).length === 1, 'a conversation', { timeout: 8000 });
    expect(await listedTopic(adapter, deskConversations(desk)[0]!)).to.equal('sign_in');
    expect(deskConversations(desk)[0]!.context?.errorCodes).to.deep.equal(['server', 'server']);
    expect(JSON.stringify(deskConversations(desk))).not.to.contain(PASSWORD);
  });
});
