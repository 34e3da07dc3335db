/**
 * MemoryAdapter's support capability (src/adapter/memory-support.ts) as a server would behave: conversations
 * signed out and signed in, idempotent sending, listing and unread counts, the event stream and its resume,
 * the hand-off to an operator online / away / offline and the offline letter, the context kept without
 * secrets, state shared by devices, injected faults.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { createSupportConsole, type SupportConsole } from '../src/adapter/support-agent/console.js';
import { LANGUAGES } from '../src/adapter/support-agent/agent.js';
import type { SupportEvent, SupportMessage } from '../src/adapter/support-types.js';
import { adapterError } from './helpers/adapter.js';

const PERSON = { email: 'maria.ivanova@example.com', password: 'Sunny-Day-42', firstName: 'Maria', lastName: 'Ivanova' };
const OTHER = { email: 'petar@example.com', password: 'Rainy-Day-42', firstName: 'Petar', lastName: 'Petrov' };

let desk: SupportConsole;
function make(extra: Record<string, unknown> = {}): MemoryAdapter {
  desk = createSupportConsole();
  return new MemoryAdapter({ latency: 0, agentDelayMs: 0, operatorStatus: 'online', supportConsole: desk, users: [PERSON, OTHER], ...extra } as MemoryAdapterOptions);
}
let seq = 0;
const clientId = (): string => `client-${++seq}-${Math.random().toString(36).slice(2, 10)}`;
const signIn = (a: MemoryAdapter, who = PERSON) => a.signIn({ email: who.email, password: who.password, remember: false });

/** Records a conversation's events. */
async function record(a: MemoryAdapter, id: string, lastEventId?: string) {
  const events: SupportEvent[] = [];
  const stop = await a.subscribe(id, (e) => events.push(e), lastEventId === undefined ? {} : { lastEventId });
  const messages = (): SupportMessage[] => events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  return { events, messages, stop };
}
const messagesOf = async (a: MemoryAdapter, id: string) => (await a.listMessages(id)).messages;

describe('MemoryAdapter support', () => {
  describe('starting a conversation signed out', () => {
    it('needs a valid e-mail address, and a known topic', async () => {
      const a = make();
      const missing = await adapterError(a.startConversation({ topic: 'registration', locale: 'en' }), 'validation');
      expect(missing.fieldErrors).to.deep.equal({ email: 'email.required' });
      const wrong = await adapterError(a.startConversation({ topic: 'registration', locale: 'en', email: 'maria@' }), 'validation');
      expect(wrong.fieldErrors).to.deep.equal({ email: 'email.invalid' });
      const topic = await adapterError(a.startConversation({ topic: 'weather' as never, locale: 'en', email: PERSON.email }), 'validation');
      expect(topic.fieldErrors).to.deep.equal({ topic: 'support.topic.invalid' });
    });

    it('the agent types, then greets and answers the topic in the conversation language', async () => {
      const a = make({ agentDelayMs: 40 });
      const c = await a.startConversation({ topic: 'captcha', locale: 'ru-RU', email: PERSON.email });
      expect(c.kind).to.equal('support');
      expect(c.status).to.equal('bot');
      expect(c.locale).to.equal('ru');
      expect(c.title).to.equal('Код с картинки');
      expect(c.id.length >= 20).to.equal(true);
      const seen = await record(a, c.id, '0');
      await waitUntil(() => seen.messages().length === 2, 'the greeting and the answer');
      // The greeting's typing came before the subscription (typing is not replayed); the answer's after it.
      expect(seen.events.map((e) => e.type)).to.deep.equal(['connection', 'message', 'typing', 'message']);
      const typing = seen.events[2];
      expect(typing.type === 'typing' && typing.from === 'agent' && typing.typing).to.equal(true);
      const [greeting, advice] = seen.messages();
      expect(greeting.from).to.equal('agent');
      expect(greeting.text).to.equal(LANGUAGES.ru.greeting(undefined));
      expect(advice.actions?.map((x) => x.kind)).to.deep.equal(['refresh_captcha']);
      seen.stop();
    });

    it('is listed only when its id is passed back; another person cannot list it signed in', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: 'guest@example.com' });
      expect((await a.listConversations()).length).to.equal(0);
      const listed = await a.listConversations({ ids: [c.id, 'c_unknown'] });
      expect(listed.map((x) => x.id)).to.deep.equal([c.id]);
      const other = a.newDevice();
      await signIn(other, OTHER);
      const theirs = await other.listConversations({ ids: [] });
      expect(theirs.some((x) => x.id === c.id)).to.equal(false);
    });

    it('is adopted by the profile of its address when that person signs in and passes its id', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'activation', locale: 'en', email: PERSON.email.toUpperCase() });
      await signIn(a);
      const mine = await a.listConversations({ ids: [c.id] });
      expect(mine.some((x) => x.id === c.id)).to.equal(true);
      await a.signOut();
      // Now it is the profile's: signed out it is not readable any more.
      await adapterError(a.listMessages(c.id), 'forbidden');
    });
  });

  describe('sending', () => {
    it('is idempotent by clientId: a retry returns the same message and the agent answers once', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const id = clientId();
      const first = await a.sendMessage(c.id, { text: '  The letter did not arrive  ', clientId: id });
      const again = await a.sendMessage(c.id, { text: 'The letter did not arrive', clientId: id });
      expect(again.id).to.equal(first.id);
      expect(first.text).to.equal('The letter did not arrive');
      expect(first.clientId).to.equal(id);
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 4, 'one answer');
      await new Promise((r) => setTimeout(r, 30));
      const all = await messagesOf(a, c.id);
      expect(all.filter((m) => m.from === 'person').length).to.equal(1);
      expect(all.length).to.equal(4);
      expect(all[3].actions?.map((x) => x.kind)).to.deep.equal(['resend_activation']);
    });

    it('rejects an empty or too long text and a malformed clientId, keeping nothing', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      expect((await adapterError(a.sendMessage(c.id, { text: '   ', clientId: clientId() }), 'validation')).fieldErrors).to.deep.equal({ text: 'support.text.empty' });
      expect((await adapterError(a.sendMessage(c.id, { text: 'x'.repeat(2001), clientId: clientId() }), 'validation')).fieldErrors).to.deep.equal({ text: 'support.text.tooLong' });
      expect((await adapterError(a.sendMessage(c.id, { text: 'hi', clientId: 'a b' }), 'validation')).fieldErrors).to.deep.equal({ clientId: 'support.clientId.invalid' });
      expect((await messagesOf(a, c.id)).some((m) => m.from === 'person')).to.equal(false);
    });

    it('a quick reply press is answered by its intent', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'captcha', locale: 'bg', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const offered = (await messagesOf(a, c.id))[1].quickReplies ?? [];
      const still = offered.find((q) => q.id === 'captcha_still');
      expect(still?.label).to.equal('Пак не се приема');
      await a.sendMessage(c.id, { text: still?.label ?? '', clientId: clientId(), quickReplyId: 'captcha_still' });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 4);
      expect((await messagesOf(a, c.id))[3].text).to.equal(LANGUAGES.bg.replies.captcha_still.text);
    });

    it('more than 20 messages a minute: rate_limited with retryAfter', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      for (let i = 0; i < 20; i++) await a.sendMessage(c.id, { text: `message ${i}`, clientId: clientId() });
      const error = await adapterError(a.sendMessage(c.id, { text: 'one more', clientId: clientId() }), 'rate_limited');
      expect(error.retryAfter !== undefined && error.retryAfter > 0 && error.retryAfter <= 60).to.equal(true);
    });

    it('an injected fault fails the call; the retry with the same clientId adds the message once', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      a.failNext('server', { method: 'sendMessage' as never });
      const id = clientId();
      await adapterError(a.sendMessage(c.id, { text: 'hello', clientId: id }), 'server');
      await a.sendMessage(c.id, { text: 'hello', clientId: id });
      await a.sendMessage(c.id, { text: 'hello', clientId: id });
      expect((await messagesOf(a, c.id)).filter((m) => m.from === 'person').length).to.equal(1);
    });
  });

  describe('listing signed in', () => {
    it('the person’s support and store conversations, newest first, with unread counts and previews in their language', async () => {
      const a = make();
      await signIn(a);
      const support = await a.startConversation({ topic: 'orders', locale: 'bg' });
      const list = await a.listConversations({ locale: 'bg' });
      expect(list.map((c) => c.kind)).to.deep.equal(['support', 'store', 'store']);
      expect(list[0].id).to.equal(support.id);
      const [, casa, tech] = list;
      expect(tech.storeName).to.equal('TechNova');
      expect(tech.title).to.equal('Поръчка №\u00a010428');
      expect(tech.unread).to.equal(1);
      expect(casa.storeName).to.equal('Casa Verde');
      expect(casa.unread).to.equal(2);
      expect(casa.preview?.from).to.equal('store');
      expect(casa.updatedAt > tech.updatedAt).to.equal(true);
      // Seeded once: listing again adds nothing.
      expect((await a.listConversations({ locale: 'en' })).length).to.equal(3);
    });

    it('markRead clears the unread count; a new message from the store counts again', async () => {
      const a = make();
      await signIn(a);
      const [store] = (await a.listConversations({ locale: 'en' })).filter((c) => c.kind === 'store' && c.unread === 2);
      await a.markRead(store.id);
      expect((await a.listConversations()).find((c) => c.id === store.id)?.unread).to.equal(0);
      desk.post(store.id, 'The vase ships tomorrow.');
      const after = (await a.listConversations()).find((c) => c.id === store.id);
      expect(after?.unread).to.equal(1);
      expect(after?.preview?.text).to.equal('The vase ships tomorrow.');
      await adapterError(a.markRead(store.id, { upTo: 'm_nope' }), 'validation');
    });

    it('a store answers the person’s message once, as the store', async () => {
      const a = make();
      await signIn(a);
      const [store] = (await a.listConversations({ locale: 'ru' })).filter((c) => c.kind === 'store');
      const before = (await messagesOf(a, store.id)).length;
      await a.sendMessage(store.id, { text: 'Спасибо!', clientId: clientId() });
      await waitUntil(async () => (await messagesOf(a, store.id)).length === before + 2);
      const last = (await messagesOf(a, store.id)).at(-1);
      expect(last?.from).to.equal('store');
      expect(last?.authorName).to.equal(store.storeName);
      expect(last?.text).to.equal(LANGUAGES.ru.storeAutoReply);
      await adapterError(a.requestHuman(store.id), 'validation');
    });

    it('signed out, a signed-in person’s conversation is forbidden; another person gets not_found', async () => {
      const a = make();
      await signIn(a);
      const c = await a.startConversation({ topic: 'registration', locale: 'en' });
      const anonymous = a.newDevice();
      await adapterError(anonymous.listMessages(c.id), 'forbidden');
      await adapterError(anonymous.sendMessage(c.id, { text: 'hi', clientId: clientId() }), 'forbidden');
      const other = a.newDevice();
      await signIn(other, OTHER);
      await adapterError(other.listMessages(c.id), 'not_found');
      await adapterError(other.subscribe(c.id, () => {}), 'not_found');
      await adapterError(a.listMessages('c_none'), 'not_found');
    });
  });

  describe('devices', () => {
    it('share the conversations: a message sent on one device reaches the stream of another', async () => {
      const a = make();
      await signIn(a);
      const phone = a.newDevice();
      await signIn(phone);
      const c = await a.startConversation({ topic: 'other', locale: 'en' });
      const seen = await record(a, c.id);
      const sent = await phone.sendMessage(c.id, { text: 'from my phone', clientId: clientId() });
      await waitUntil(() => seen.messages().some((m) => m.id === sent.id), 'the other device’s message');
      expect((await phone.listConversations()).some((x) => x.id === c.id)).to.equal(true);
      seen.stop();
    });

    it('reset() forgets every conversation', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      a.reset();
      await adapterError(a.listMessages(c.id), 'not_found');
    });
  });

  describe('the stream', () => {
    it('resumes after lastEventId with every missed event and none seen before; nothing after unsubscribe', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const page = await a.listMessages(c.id);
      const first = await record(a, c.id, page.lastEventId);
      await a.sendMessage(c.id, { text: 'password', clientId: clientId() });
      await waitUntil(() => first.messages().length === 2, 'mine and the answer');
      const lastSeen = [...first.events].reverse().find((e) => e.type === 'message');
      first.stop();
      // While away: two more messages.
      await a.sendMessage(c.id, { text: 'orders', clientId: clientId() });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 6);
      const resumed = await record(a, c.id, lastSeen?.type === 'message' ? lastSeen.eventId : '');
      await waitUntil(() => resumed.messages().length === 2);
      const ids = [...first.messages(), ...resumed.messages()].map((m) => m.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.deep.equal((await messagesOf(a, c.id)).slice(2).map((m) => m.id));
      resumed.stop();
      const count = resumed.events.length;
      await a.sendMessage(c.id, { text: 'thanks', clientId: clientId() });
      await new Promise((r) => setTimeout(r, 30));
      expect(resumed.events.length).to.equal(count);
      await adapterError(a.subscribe(c.id, () => {}, { lastEventId: '999' }), 'validation');
    });

    it('ends when its signal aborts', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      const controller = new AbortController();
      const events: SupportEvent[] = [];
      await a.subscribe(c.id, (e) => events.push(e), { signal: controller.signal });
      controller.abort();
      await a.sendMessage(c.id, { text: 'hello', clientId: clientId() });
      await new Promise((r) => setTimeout(r, 30));
      expect(events.filter((e) => e.type === 'message').length).to.equal(0);
    });

    it('listMessages after a message id gives only the later ones', async () => {
      const a = make();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const [greeting, second] = await messagesOf(a, c.id);
      expect((await a.listMessages(c.id, { after: greeting.id })).messages.map((m) => m.id)).to.deep.equal([second.id]);
      await adapterError(a.listMessages(c.id, { after: 'm_unknown' }), 'validation');
    });
  });

  describe('the hand-off', () => {
    it('online: queued, then an operator joins with a greeting; the agent stays silent after', async () => {
      const a = make({ operatorName: 'Elena' });
      const c = await a.startConversation({ topic: 'registration', locale: 'en', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const seen = await record(a, c.id);
      expect((await a.agentStatus()).status).to.equal('online');
      const handOff = await a.requestHuman(c.id);
      expect(handOff.availability.status).to.equal('online');
      expect(handOff.conversation.status).to.equal('queued');
      await waitUntil(() => seen.messages().some((m) => m.from === 'operator'), 'the operator');
      const statuses = seen.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
      expect(statuses).to.deep.equal(['queued', 'human']);
      const operator = seen.messages().find((m) => m.from === 'operator');
      expect(operator?.authorName).to.equal('Elena');
      expect(operator?.text).to.equal(LANGUAGES.en.handOff.operatorGreeting('Elena'));
      // Asked again: nothing changes.
      expect((await a.requestHuman(c.id)).conversation.status).to.equal('human');
      await a.sendMessage(c.id, { text: 'the letter did not arrive', clientId: clientId() });
      await waitUntil(() => seen.messages().filter((m) => m.from === 'operator').length === 2);
      expect(seen.messages().filter((m) => m.from === 'agent').length).to.equal(1);
      desk.post(c.id, 'I resent the letter for you.');
      await waitUntil(() => seen.messages().some((m) => m.text === 'I resent the letter for you.'));
      seen.stop();
    });

    it('the agent stays silent when the conversation is handed over while it is typing', async () => {
      const a = make({ agentDelayMs: 40 });
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: PERSON.email });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      await a.sendMessage(c.id, { text: 'I forgot my password', clientId: clientId() });
      await a.requestHuman(c.id);
      await waitUntil(async () => (await messagesOf(a, c.id)).some((m) => m.from === 'operator'), 'the operator');
      await new Promise((r) => setTimeout(r, 120));
      expect((await messagesOf(a, c.id)).some((m) => m.text === LANGUAGES.en.replies.password.text)).to.equal(false);
    });

    it('away: queued with the wait told; the operator answers later through the desk', async () => {
      const a = make({ operatorStatus: 'away' });
      const c = await a.startConversation({ topic: 'other', locale: 'ru', email: PERSON.email });
      const handOff = await a.requestHuman(c.id);
      expect(handOff.availability.status).to.equal('away');
      expect(handOff.conversation.status).to.equal('queued');
      const last = (await messagesOf(a, c.id)).find((m) => m.text === LANGUAGES.ru.handOff.away(15));
      expect(last?.from).to.equal('agent');
      desk.post(c.id, 'Здравствуйте! Смотрю ваш вопрос.');
      expect((await a.listMessages(c.id)).status).to.equal('human');
    });

    it('offline: the agent says so, the status stays bot; the offline question sends a support letter', async () => {
      const a = make({ operatorStatus: 'offline' });
      const c = await a.startConversation({ topic: 'activation', locale: 'bg', email: PERSON.email });
      const handOff = await a.requestHuman(c.id);
      expect(handOff.availability.status).to.equal('offline');
      expect(handOff.conversation.status).to.equal('bot');
      expect((await messagesOf(a, c.id)).some((m) => m.text === LANGUAGES.bg.handOff.offline)).to.equal(true);
      await adapterError(a.leaveOfflineMessage({ text: 'Писмото не дойде', topic: 'activation' }), 'validation');
      const ticket = await a.leaveOfflineMessage({ email: PERSON.email, text: 'Писмото не дойде', topic: 'activation', conversationId: c.id, locale: 'bg' });
      expect(ticket.ticketId).to.match(/^S-\d{6}$/);
      const letter = a.outbox.at(-1);
      expect(letter?.kind).to.equal('support');
      expect(letter?.to).to.equal(PERSON.email);
      expect(letter?.subject).to.equal(LANGUAGES.bg.offlineLetter.subject(ticket.ticketId));
      expect(letter?.text).to.contain('Писмото не дойде');
      expect(letter?.link).to.equal('');
      expect(letter?.token).to.equal('');
    });

    it('signed in, the offline letter goes to the profile’s address, greeting by name', async () => {
      const a = make({ operatorStatus: 'offline' });
      await signIn(a);
      await a.leaveOfflineMessage({ text: 'Where is my order?', topic: 'orders' });
      const letter = a.outbox.at(-1);
      expect(letter?.to).to.equal(PERSON.email);
      expect(letter?.text.startsWith('Hello, Maria!')).to.equal(true);
    });

    it('follows the operators’ hours: online by day, away in the last quarter hour, offline at night with the next start', async () => {
      let now = Date.UTC(2026, 11, 1, 12, 0);
      const a = make({ operatorStatus: undefined, operatorHours: { from: 8, to: 20 }, now: () => now });
      expect((await a.agentStatus()).status).to.equal('online');
      now = Date.UTC(2026, 11, 1, 19, 50);
      expect((await a.agentStatus()).status).to.equal('away');
      now = Date.UTC(2026, 11, 1, 23, 10);
      const night = await a.agentStatus();
      expect(night.status).to.equal('offline');
      expect(night.nextOnlineAt).to.equal(Date.UTC(2026, 11, 2, 8, 0));
      // A shift past midnight, in Sofia's time, on weekdays only (2026-12-05 is a Saturday).
      const b = make({ operatorStatus: undefined, operatorHours: { from: 22, to: 6, days: [1, 2, 3, 4, 5], timeZone: 'Europe/Sofia' }, now: () => now });
      now = Date.UTC(2026, 11, 1, 23, 0); // 01:00 in Sofia, Wednesday: Tuesday's shift
      expect((await b.agentStatus()).status).to.equal('online');
      now = Date.UTC(2026, 11, 5, 23, 0); // 01:00 on Sunday: Saturday has no shift
      expect((await b.agentStatus()).status).to.equal('offline');
      desk.setOperatorStatus('online');
      expect((await b.agentStatus()).status).to.equal('online');
    });
  });

  describe('the context', () => {
    it('keeps the step, error codes, locale and masked address, and drops everything else', async () => {
      const a = make();
      const context = {
        step: 'register',
        errorCodes: ['captcha_invalid', 'captcha_invalid', 'captcha_invalid', 'Not A Code'],
        locale: 'bg-BG',
        maskedEmail: 'm***@example.com',
        password: 'Sunny-Day-42',
        token: 'abc123',
      };
      const c = await a.startConversation({ topic: 'registration', locale: 'bg', email: PERSON.email, context: context as never });
      const kept = desk.conversations().find((x) => x.id === c.id)?.context;
      expect(kept).to.deep.equal({ step: 'register', errorCodes: ['captcha_invalid', 'captcha_invalid', 'captcha_invalid'], locale: 'bg-BG', maskedEmail: 'm***@example.com' });
      const unmasked = await a.startConversation({ topic: 'registration', locale: 'en', email: PERSON.email, context: { maskedEmail: PERSON.email, step: 'Register Now!' } });
      expect(desk.conversations().find((x) => x.id === unmasked.id)?.context).to.equal(undefined);
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const text = JSON.stringify(await a.listMessages(c.id));
      expect(text.includes('Sunny-Day-42') || text.includes('abc123')).to.equal(false);
      // The agent read it: three wrong codes.
      expect((await messagesOf(a, c.id))[1].text.startsWith(LANGUAGES.bg.context.captchaFailed(3))).to.equal(true);
    });
  });
});
