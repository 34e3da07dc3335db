import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-support.js';
import '../src/define/ae-captcha.js';
import type { AeSupport } from '../src/components/support/support.js';
import { setSession, signOut } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';
import { findButton, realClick } from './helpers/dom.js';
import {
  cleanPage,
  conversationOf,
  deepActive,
  isInside,
  launcher,
  messageLines,
  mountSupport,
  panel,
  part,
  parts,
  supportAdapter,
  until,
} from './support-helpers.js';

// Test files run side by side as tabs of one origin: this one's sign-ins and sign-outs stay on its own channel.
setSessionChannelName(`ae-test:support:${Math.random()}`);

const EVENTS = ['ae-support-open', 'ae-support-close', 'ae-support-message', 'ae-support-action'];
let events: Event[] = [];
const record = (e: Event) => events.push(e);
const count = (type: string) => events.filter((e) => e.type === type).length;

/** Opens the panel with a real click on the button. */
async function openByClick(el: AeSupport): Promise<void> {
  await realClick(launcher(el));
  await until(() => !panel(el).hidden, 'the panel opens');
  await el.updateComplete;
}

/** Topic → (e-mail step) → the conversation view with the agent's first answer. */
async function startChat(el: AeSupport, topic: string, email = 'maria@example.com'): Promise<void> {
  await realClick(findButton(el.shadowRoot!, topic));
  await until(() => part(el.shadowRoot, 'form') || conversationOf(el), 'the e-mail step or the chat');
  if (!conversationOf(el)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!;
    input.focus();
    await sendKeys({ type: email });
    await sendKeys({ press: 'Enter' });
  }
  await until(() => conversationOf(el), 'the conversation view');
  await until(() => messageLines(conversationOf(el)).some((l) => l.startsWith('agent:')), 'an answer of the agent');
}

/** Types into the conversation's text box and presses Enter. */
async function say(el: AeSupport, text: string): Promise<void> {
  const box = conversationOf(el)!.shadowRoot!.querySelector('textarea')!;
  box.focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

describe('<ae-support>', () => {
  beforeEach(async () => {
    await setLocale('en');
    events = [];
    for (const type of EVENTS) document.addEventListener(type, record);
  });
  afterEach(() => {
    for (const type of EVENTS) document.removeEventListener(type, record);
    cleanPage();
  });

  describe('when opened and closed', () => {
    it('moves focus into the panel, and back to the button on Escape and on the close button; events only for what the person did', async () => {
      const el = await mountSupport(supportAdapter());
      const b = launcher(el);
      expect(b.getAttribute('aria-expanded')).to.equal('false');
      expect(panel(el).hidden).to.equal(true);

      await openByClick(el);
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      expect(b.getAttribute('aria-expanded')).to.equal('true');
      expect(panel(el).getAttribute('role')).to.equal('dialog');
      await until(() => isInside(deepActive(), panel(el)), 'focus in the panel');
      expect(deepActive()?.textContent?.trim()).to.equal('What can we help with?');
      expect(count('ae-support-open')).to.equal(1);

      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(panel(el).hidden).to.equal(true);
      expect(deepActive() === b, 'focus back on the button').to.equal(true);
      expect(count('ae-support-close')).to.equal(1);

      // Enter on the focused button opens it again; the close button closes it.
      await sendKeys({ press: 'Enter' });
      await until(() => !panel(el).hidden, 'opened by keyboard');
      await realClick(part(el.shadowRoot, 'close')!);
      await el.updateComplete;
      expect(panel(el).hidden).to.equal(true);
      expect(deepActive() === b, 'focus back on the button after the close button').to.equal(true);
      expect(count('ae-support-open')).to.equal(2);
      expect(count('ae-support-close')).to.equal(2);

      // Setting the property from code fires nothing.
      el.open = true;
      await el.updateComplete;
      el.open = false;
      await el.updateComplete;
      expect(count('ae-support-open')).to.equal(2);
      expect(count('ae-support-close')).to.equal(2);
    });

    it('does not trap focus: Tab leaves the panel for the page', async () => {
      const after = document.createElement('input');
      after.setAttribute('aria-label', 'after');
      const el = await mountSupport(supportAdapter());
      document.body.append(after);
      await openByClick(el);
      const topics = parts(el.shadowRoot, 'topic');
      topics[topics.length - 1]!.focus();
      await sendKeys({ press: 'Tab' });
      expect(deepActive() === after, 'focus left the panel').to.equal(true);
    });
  });

  describe('when a topic is chosen', () => {
    it('asks the e-mail of a person not signed in, starts the conversation and shows the agent’s answer with quick replies', async () => {
      const adapter = supportAdapter();
      const el = await mountSupport(adapter);
      await openByClick(el);
      await realClick(findButton(el.shadowRoot!, 'Registration'));
      await until(() => el.shadowRoot!.querySelector('#support-email'), 'the e-mail step');
      // A wrong address is refused with a message; what was typed stays.
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!;
      input.focus();
      await sendKeys({ type: 'maria@' });
      await sendKeys({ press: 'Enter' });
      await until(() => part(el.shadowRoot, 'field-error'), 'the e-mail error');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.value).to.equal('maria@');
      await sendKeys({ type: 'example.com' });
      await sendKeys({ press: 'Enter' });
      await until(() => conversationOf(el), 'the conversation');
      const view = conversationOf(el)!;
      await until(() => parts(view.shadowRoot, 'quick-reply').length > 0, 'quick replies');
      const replies = parts(view.shadowRoot, 'quick-reply').map((b) => b.textContent!.trim());
      expect(replies).to.include('The letter has not arrived');
      expect(el.conversationId).to.be.a('string');
      // Focus went to the text box.
      await until(() => deepActive() === view.shadowRoot!.querySelector('textarea'), 'focus in the text box');

      // A quick reply is sent as the person's message and answered.
      await realClick(findButton(view.shadowRoot!, 'The letter has not arrived'));
      await until(() => messageLines(view).includes('person: The letter has not arrived'), 'the quick reply as a message');
      await until(() => parts(view.shadowRoot, 'action').some((a) => a.textContent!.trim() === 'Send the letter again'), 'the resend action');
      const sent = events.filter((e) => e.type === 'ae-support-message') as CustomEvent[];
      expect(sent.some((e) => e.detail.from === 'person')).to.equal(true);
      expect(sent.some((e) => e.detail.from === 'agent')).to.equal(true);
      for (const e of sent) expect(JSON.stringify(e.detail)).not.to.contain('letter');
    });

    it('does not ask the e-mail of a signed-in person', async () => {
      const adapter = supportAdapter({ users: [{ email: 'ivan@example.com', password: 'Sekret-2026', firstName: 'Ivan', lastName: 'Petrov' }] });
      const session = await adapter.signIn({ email: 'ivan@example.com', password: 'Sekret-2026', remember: false });
      setSession(session);
      const el = await mountSupport(adapter);
      await openByClick(el);
      await realClick(findButton(el.shadowRoot!, 'Orders'));
      await until(() => conversationOf(el), 'the conversation at once');
      expect(el.shadowRoot!.querySelector('#support-email') === null, "expected none: el.shadowRoot!.querySelector('#support-email')").to.equal(true);
    });
  });

  describe('when the agent offers an action', () => {
    it('"Get a new code" refreshes the page’s real <ae-captcha>, after a cancelable ae-support-action', async () => {
      const adapter = supportAdapter();
      const captcha = document.createElement('ae-captcha');
      captcha.adapter = adapter;
      document.body.append(captcha);
      await until(() => captcha.captchaId, 'a captcha picture');
      const first = captcha.captchaId;
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'The code from the picture');
      const view = conversationOf(el)!;
      await until(() => parts(view.shadowRoot, 'action').some((a) => a.textContent!.trim() === 'Get a new code'), 'the action');
      await realClick(findButton(view.shadowRoot!, 'Get a new code'));
      await until(() => captcha.captchaId && captcha.captchaId !== first, 'a new picture');
      const action = events.find((e) => e.type === 'ae-support-action') as CustomEvent;
      expect(action.detail.action).to.equal('refresh_captcha');
      expect(action.cancelable).to.equal(true);
      expect(part(el.shadowRoot, 'notice')?.textContent).to.contain('new code');

      // Cancelled by the page: the captcha stays as it is.
      const now = captcha.captchaId;
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-support-action', cancel, { once: true });
      await realClick(findButton(view.shadowRoot!, 'Get a new code'));
      await new Promise((r) => setTimeout(r, 100));
      expect(captcha.captchaId).to.equal(now);
    });

    it('"Send the letter again" resends the activation letter to the address of the chat', async () => {
      const adapter = supportAdapter({ resendCooldownMs: 0 });
      const c = await adapter.getCaptcha();
      await adapter.register({ email: 'maria@example.com', firstName: 'Maria', lastName: 'Ivanova', password: 'Sekret-2026', captcha: { id: c.id, answer: 'Ab3dE' } });
      const letters = adapter.outbox.length;
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'The activation letter');
      const view = conversationOf(el)!;
      await until(() => parts(view.shadowRoot, 'action').some((a) => a.textContent!.trim() === 'Send the letter again'), 'the resend action');
      await realClick(findButton(view.shadowRoot!, 'Send the letter again'));
      await until(() => part(el.shadowRoot, 'notice'), 'the notice');
      expect(part(el.shadowRoot, 'notice')!.textContent).to.contain('m***@example.com');
      expect(adapter.outbox.length).to.equal(letters + 1);
      expect(adapter.outbox[adapter.outbox.length - 1]!.kind).to.equal('activation');
    });
  });

  describe('when a message fails', () => {
    it('marks it "Not sent" with "Send again", which sends it once', async () => {
      const adapter = supportAdapter();
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      const view = conversationOf(el)!;
      adapter.failNext('network', { method: 'sendMessage' });
      await say(el, 'Hello there');
      await until(() => part(view.shadowRoot, 'failed'), 'the failed message');
      expect(part(view.shadowRoot, 'failed')!.textContent).to.contain('Not sent');
      expect(view.shadowRoot!.querySelector('textarea')!.value).to.equal('');
      await realClick(part(view.shadowRoot, 'retry')!);
      await until(() => !part(view.shadowRoot, 'failed') && !part(view.shadowRoot, 'sending'), 'sent');
      expect(messageLines(view).filter((l) => l === 'person: Hello there').length).to.equal(1);
    });
  });

  describe('when the page is reloaded', () => {
    it('keeps the conversation id (not the texts) and shows the transcript again', async () => {
      const adapter = supportAdapter();
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      await say(el, 'Where is my parcel');
      const view = conversationOf(el)!;
      await until(() => messageLines(view).length >= 3, 'an answer to the message');
      await until(() => !part(view.shadowRoot, 'sending'), 'sent');
      const before = messageLines(view);
      const id = el.conversationId!;
      const kept = sessionStorage.getItem('ae-support:conversation')!;
      expect(kept).to.contain(id);
      expect(kept).not.to.contain('parcel');
      expect(kept).not.to.contain('maria');
      el.remove();

      const again = await mountSupport(adapter.newDevice());
      expect(again.conversationId).to.equal(id);
      await realClick(launcher(again));
      await until(() => messageLines(conversationOf(again)).length === before.length, 'the same messages');
      expect(messageLines(conversationOf(again)).join('\n')).to.equal(before.join('\n'));
    });
  });

  describe('when a message contains a password typed on the page', () => {
    it('refuses it with a warning, and the text stays in the box (also for a revealed password field)', async () => {
      const adapter = supportAdapter();
      const form = document.createElement('form');
      form.innerHTML = '<input type="password" name="p" aria-label="Password" autocomplete="new-password">';
      document.body.append(form);
      const pw = form.querySelector('input')!;
      pw.focus();
      await sendKeys({ type: 'Sekret-2026' });
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      const view = conversationOf(el)!;
      const mine = () => messageLines(view).filter((l) => l.startsWith('person:')).length;
      await say(el, 'my password is Sekret-2026 help');
      await until(() => part(view.shadowRoot, 'warning')!.textContent!.trim(), 'the warning');
      const box = view.shadowRoot!.querySelector('textarea')!;
      expect(part(view.shadowRoot, 'warning')!.textContent).to.contain('password');
      expect(box.value).to.equal('my password is Sekret-2026 help');
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(mine()).to.equal(0);

      // Revealed: the field is type=text now, known by its autocomplete token.
      pw.type = 'text';
      await sendKeys({ press: 'Enter' });
      await view.updateComplete;
      expect(mine()).to.equal(0);
      expect(box.value).to.contain('Sekret-2026');
      expect(JSON.stringify(events.map((e) => (e as CustomEvent).detail ?? null))).not.to.contain('Sekret');
    });
  });

  describe('when the person signs out', () => {
    it('forgets the conversation: the panel shows the topics again and nothing is kept', async () => {
      const adapter = supportAdapter({ users: [{ email: 'ivan@example.com', password: 'Sekret-2026', firstName: 'Ivan', lastName: 'Petrov' }] });
      setSession(await adapter.signIn({ email: 'ivan@example.com', password: 'Sekret-2026', remember: false }));
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Orders');
      expect(sessionStorage.getItem('ae-support:conversation')).to.contain(el.conversationId!);
      await signOut(adapter);
      await el.updateComplete;
      expect(el.conversationId).to.equal(undefined);
      expect(conversationOf(el) === null, 'expected none: conversationOf(el)').to.equal(true);
      expect(sessionStorage.getItem('ae-support:conversation')).to.equal(null);
      expect(parts(el.shadowRoot, 'topic').length).to.equal(7);
    });
  });

  describe('when the person asks for a human', () => {
    it('online: hands off and the operator answers', async () => {
      const adapter = supportAdapter({ operatorStatus: 'online' });
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      await until(() => part(el.shadowRoot, 'operator-status'), 'the operators’ status');
      expect(part(el.shadowRoot, 'operator-status')!.textContent).to.contain('online');
      await realClick(findButton(el.shadowRoot!, 'Talk to a person'));
      await until(() => messageLines(conversationOf(el)).some((l) => l.startsWith('operator:')), 'the operator');
      expect(part(el.shadowRoot, 'human') === null, "expected none: part(el.shadowRoot, 'human')").to.equal(true);
    });

    it('offline: a form leaves the question for a reply by letter', async () => {
      const adapter = supportAdapter({ operatorStatus: 'offline' });
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      await until(() => part(el.shadowRoot, 'operator-status')?.dataset.status === 'offline', 'offline status');
      await realClick(findButton(el.shadowRoot!, 'Leave a question'));
      await until(() => el.shadowRoot!.querySelector('#support-question'), 'the offline form');
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!.value).to.equal('maria@example.com');
      const letters = adapter.outbox.length;
      // Empty: refused with a message.
      await realClick(findButton(el.shadowRoot!, 'Send the question'));
      await until(() => part(el.shadowRoot, 'field-error'), 'the question error');
      el.shadowRoot!.querySelector<HTMLTextAreaElement>('#support-question')!.focus();
      await sendKeys({ type: 'Please call me back' });
      await realClick(findButton(el.shadowRoot!, 'Send the question'));
      await until(() => part(el.shadowRoot, 'notice')?.textContent?.includes('m***@example.com'), 'the confirmation');
      expect(adapter.outbox.length).to.equal(letters + 1);
    });
  });

  describe('the unread badge', () => {
    it('counts what arrives while the panel is closed and goes when it opens', async () => {
      // The agent takes 0.8 s per message: the panel is closed long before its answer to "Hello" comes.
      const adapter = supportAdapter({ agentDelayMs: 800 });
      const el = await mountSupport(adapter);
      await openByClick(el);
      await startChat(el, 'Something else');
      // The greeting may come in more than one message: all of it is in (and seen) before "Hello".
      const typing = () => part(conversationOf(el)!.shadowRoot, 'typing');
      await until(() => !typing(), 'the greeting, all of it', 5000);
      await say(el, 'Hello');
      await sendKeys({ press: 'Escape' });
      await until(() => part(el.shadowRoot, 'badge') && !typing(), 'the badge, and the whole answer', 8000);
      // What the agent said after "Hello" arrived while the panel was closed: the badge counts each message.
      const lines = messageLines(conversationOf(el));
      const answer = lines.slice(lines.lastIndexOf('person: Hello') + 1).filter((l) => l.startsWith('agent:')).length;
      expect(answer).to.be.greaterThan(0);
      expect(part(el.shadowRoot, 'badge')!.textContent!.trim()).to.equal(String(answer));
      expect(launcher(el).textContent!.replace(/\s+/g, ' ')).to.contain(`${answer} new`);
      await realClick(launcher(el));
      await el.updateComplete;
      expect(part(el.shadowRoot, 'badge') === null, "expected none: part(el.shadowRoot, 'badge')").to.equal(true);
    });
  });

  describe('accessibility', () => {
    for (const locale of ['en', 'ru', 'bg']) {
      it(`is axe-clean in every state (${locale})`, async () => {
        await setLocale(locale);
        const adapter = supportAdapter({ operatorStatus: 'offline', agentDelayMs: 400 });
        const el = await mountSupport(adapter);
        await expectAccessible(el, `closed ${locale}`);
        await realClick(launcher(el));
        await until(() => !panel(el).hidden, 'open');
        await expectAccessible(el, `topics ${locale}`);
        await realClick(parts(el.shadowRoot, 'topic')[0]!);
        await until(() => el.shadowRoot!.querySelector('#support-email'), 'e-mail step');
        el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!.focus();
        await sendKeys({ type: 'x' });
        await sendKeys({ press: 'Enter' });
        await until(() => part(el.shadowRoot, 'field-error'), 'error');
        await expectAccessible(el, `e-mail error ${locale}`);
        await sendKeys({ type: '@example.com' });
        await sendKeys({ press: 'Enter' });
        await until(() => part(conversationOf(el)?.shadowRoot, 'typing'), 'typing', 5000);
        await expectAccessible(el, `typing ${locale}`);
        await until(() => parts(conversationOf(el)?.shadowRoot, 'quick-reply').length, 'answer', 5000);
        await expectAccessible(el, `agent answer ${locale}`);
        // The conversation started in the page's language: the agent answers in it.
        const answer = messageLines(conversationOf(el)).find((l) => l.startsWith('agent:'))!;
        expect(/[А-Яа-я]/.test(answer), `${locale}: ${answer}`).to.equal(locale !== 'en');
        adapter.failNext('network', { method: 'sendMessage' });
        await say(el, 'Hi');
        await until(() => part(conversationOf(el)!.shadowRoot, 'failed'), 'failed');
        await expectAccessible(el, `failed message ${locale}`);
        await realClick(part(conversationOf(el)!.shadowRoot, 'retry')!);
        await until(() => !part(conversationOf(el)!.shadowRoot, 'failed'), 'sent');
        await sendKeys({ press: 'Escape' });
        await until(() => part(el.shadowRoot, 'badge'), 'badge', 5000);
        await expectAccessible(el, `closed with badge ${locale}`);
        await realClick(launcher(el));
        await until(() => part(el.shadowRoot, 'human'), 'human button');
        await realClick(part(el.shadowRoot, 'human')!);
        await until(() => el.shadowRoot!.querySelector('#support-question'), 'offline form');
        await expectAccessible(el, `offline form ${locale}`);
      });
    }
  });
});
