import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-conversation.js';
import type { AeConversation } from '../src/components/conversation/conversation.js';
import { setLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';
import { realClick } from './helpers/dom.js';
import { cleanPage, messageLines, part, parts, supportAdapter, until } from './support-helpers.js';

const DAY = 24 * 60 * 60 * 1000;

async function mountView(adapter: unknown, conversationId: string): Promise<AeConversation> {
  const view = document.createElement('ae-conversation');
  view.adapter = adapter as AeConversation['adapter'];
  view.conversationId = conversationId;
  document.body.append(view);
  await view.updateComplete;
  return view;
}

function box(view: AeConversation): HTMLTextAreaElement {
  return view.shadowRoot!.querySelector('textarea')!;
}

function announcer(view: AeConversation): HTMLElement {
  return view.shadowRoot!.querySelector<HTMLElement>('[role="status"][aria-live="polite"]')!;
}

describe('<ae-conversation>', () => {
  let events: CustomEvent[] = [];
  const record = (e: Event) => events.push(e as CustomEvent);
  beforeEach(async () => {
    await setLocale('en');
    events = [];
    document.addEventListener('ae-conversation-message', record);
  });
  afterEach(() => {
    document.removeEventListener('ae-conversation-message', record);
    cleanPage();
  });

  it('groups the messages by day and writes their times in the locale’s own form', async () => {
    let time = Date.now() - DAY;
    const adapter = supportAdapter({ now: () => time });
    const c = await adapter.startConversation({ topic: 'other', email: 'maria@example.com', locale: 'en' });
    await until(async () => (await adapter.listMessages(c.id)).messages.length > 0, 'the greeting');
    time = Date.now();
    await adapter.sendMessage(c.id, { text: 'Hello again', clientId: 'client-0001' });
    await until(async () => (await adapter.listMessages(c.id)).messages.at(-1)?.from === 'agent', 'the answer');
    const page = await adapter.listMessages(c.id);
    const view = await mountView(adapter, c.id);
    await until(() => parts(view.shadowRoot, 'message').length === page.messages.length, 'every message');
    expect(parts(view.shadowRoot, 'day').map((d) => d.textContent!.trim())).to.deep.equal(['Yesterday', 'Today']);
    for (const locale of ['en', 'ru', 'bg']) {
      await setLocale(locale);
      await view.updateComplete;
      const shown = parts(view.shadowRoot, 'meta').map((m) => m.querySelector('time')!.textContent!.trim());
      // The source of truth for a locale's time is Intl itself.
      const expected = page.messages.map((m) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(m.sentAt));
      expect(shown).to.deep.equal(expected);
      const datetimes = parts(view.shadowRoot, 'meta').map((m) => m.querySelector('time')!.getAttribute('datetime'));
      expect(datetimes).to.deep.equal(page.messages.map((m) => new Date(m.sentAt).toISOString()));
    }
    await setLocale('ru');
    await view.updateComplete;
    expect(parts(view.shadowRoot, 'day').length).to.equal(2);
    await setLocale('en');
  });

  it('Enter sends, Shift+Enter starts a new line; the other side’s new messages are announced, the person’s own are not', async () => {
    // The agent takes a moment, so that the person's own message has the live region to itself meanwhile.
    const adapter = supportAdapter({ agentDelayMs: 400 });
    const c = await adapter.startConversation({ topic: 'other', email: 'maria@example.com', locale: 'en' });
    const view = await mountView(adapter, c.id);
    await until(() => messageLines(view).some((l) => l.startsWith('agent:')), 'the greeting');
    box(view).focus();
    await sendKeys({ type: 'first line' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'second line' });
    expect(box(view).value).to.equal('first line\nsecond line');
    expect(messageLines(view).some((l) => l.startsWith('person:'))).to.equal(false);
    const agentBefore = messageLines(view).filter((l) => l.startsWith('agent:')).length;
    await sendKeys({ press: 'Enter' });
    await until(() => messageLines(view).includes('person: first line\nsecond line'), 'the message');
    expect(box(view).value).to.equal('');
    await until(() => !part(view.shadowRoot, 'sending'), 'accepted');
    await view.updateComplete;
    // After sending, the live region still holds the agent's text, never the person's.
    expect(announcer(view).textContent).not.to.contain('first line');
    await until(() => messageLines(view).filter((l) => l.startsWith('agent:')).length > agentBefore, 'the answer');
    const last = messageLines(view).filter((l) => l.startsWith('agent:')).pop()!.slice('agent: '.length);
    await until(() => announcer(view).textContent!.includes(last), 'the answer announced');
    expect(announcer(view).textContent!.trim().startsWith('Virtual agent:')).to.equal(true);
    // Events name who wrote, never what.
    expect(events.some((e) => e.detail.from === 'person')).to.equal(true);
    for (const e of events) expect(Object.keys(e.detail).sort()).to.deep.equal(['conversationId', 'from', 'messageId']);
  });

  it('shows a message once, whatever arrives twice (list, stream, the send’s own answer, a reload of the view)', async () => {
    const adapter = supportAdapter();
    const c = await adapter.startConversation({ topic: 'other', email: 'maria@example.com', locale: 'en' });
    const view = await mountView(adapter, c.id);
    await until(() => messageLines(view).length > 0, 'the greeting');
    box(view).focus();
    await sendKeys({ type: 'Once' });
    await sendKeys({ press: 'Enter' });
    await until(() => messageLines(view).includes('person: Once') && !part(view.shadowRoot, 'sending'), 'sent');
    // The same message sent again by another tab with the same clientId is the same message.
    const page = await adapter.listMessages(c.id);
    const mine = page.messages.find((m) => m.text === 'Once')!;
    await adapter.sendMessage(c.id, { text: 'Once', clientId: mine.clientId! });
    await new Promise((r) => setTimeout(r, 50));
    expect(messageLines(view).filter((l) => l === 'person: Once').length).to.equal(1);
    const ids = parts(view.shadowRoot, 'message').map((m) => m.dataset.id);
    expect(new Set(ids).size).to.equal(ids.length);
    // Reconnected: loaded again, still once each.
    view.remove();
    document.body.append(view);
    const now = (await adapter.listMessages(c.id)).messages.length;
    await until(() => view.shadowRoot!.querySelector('[part="log"]')!.getAttribute('aria-busy') === 'false' && messageLines(view).length === now, 'reloaded');
    expect(messageLines(view).filter((l) => l === 'person: Once').length).to.equal(1);
  });

  it('says when the messages could not be loaded, and "Try again" loads them', async () => {
    const adapter = supportAdapter();
    const c = await adapter.startConversation({ topic: 'other', email: 'maria@example.com', locale: 'en' });
    adapter.failNext('network', { method: 'listMessages' });
    const view = await mountView(adapter, c.id);
    await until(() => part(view.shadowRoot, 'error'), 'the error');
    expect(part(view.shadowRoot, 'error')!.getAttribute('role')).to.equal('alert');
    expect(part(view.shadowRoot, 'error')!.textContent).to.contain('No connection');
    await expectAccessible(view, 'load failed');
    await realClick(part(view.shadowRoot, 'retry')!);
    await until(() => messageLines(view).length > 0, 'loaded');
    expect(part(view.shadowRoot, 'error') === null, "expected none: part(view.shadowRoot, 'error')").to.equal(true);
  });
});
