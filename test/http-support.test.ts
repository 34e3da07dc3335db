/**
 * HttpAdapter's support capability against the contract server (test/server/routes-support.mjs), over real
 * HTTP and real Server-Sent Events: the REST calls, the stream cut by the server and resumed with
 * Last-Event-ID with no message lost or shown twice, the fallback to polling where EventSource is missing or
 * the stream keeps failing. Expected behaviour comes from openapi/support.openapi.yaml; every response is
 * checked against it by the server.
 *
 * EventSource cannot send the namespace header, so this file's EventSource adds the namespace as the query
 * parameter the server also reads (`?ns=`); it is the browser's own EventSource otherwise.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { SupportCapability, SupportEvent, SupportMessage } from '../src/adapter/support-types.js';
import { adapterError } from './helpers/adapter.js';
import { authFixtures, PASSWORD } from './server/auth-fixtures.js';

const NAMESPACE = `http-support-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);
const { server } = f;
const EMAIL = 'Maria.Ivanova@Example.test';

const NativeEventSource = window.EventSource;
class NamespacedEventSource extends NativeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    const u = new URL(String(url), location.href);
    u.searchParams.set('ns', NAMESPACE);
    super(u, init);
  }
}

let seq = 0;
const clientId = (): string => `http-${++seq}-${Math.random().toString(36).slice(2, 10)}`;
const settings = (body: Record<string, unknown>) => server.control('POST', 'support/settings', body);

async function record(a: SupportCapability, id: string, lastEventId?: string) {
  const events: SupportEvent[] = [];
  const stop = await a.subscribe(id, (e) => events.push(e), lastEventId === undefined ? {} : { lastEventId });
  return {
    events,
    stop,
    messages: (): SupportMessage[] => events.flatMap((e) => (e.type === 'message' ? [e.message] : [])),
    states: (): string[] => events.flatMap((e) => (e.type === 'connection' ? [e.state] : [])),
  };
}
const messagesOf = async (a: SupportCapability, id: string) => (await a.listMessages(id)).messages;

describe('HttpAdapter support over HTTP', () => {
  let streams: { stop: () => void }[] = [];
  beforeEach(async () => {
    window.EventSource = NamespacedEventSource;
    await server.reset({ resendCooldownMs: 0 });
    await settings({ agentDelayMs: 0, operatorStatus: 'online' });
    streams = [];
  });
  afterEach(async () => {
    for (const s of streams) s.stop();
    window.EventSource = NativeEventSource;
    await f.signOutHere();
    await server.expectNoViolations();
  });
  const watch = async (a: SupportCapability, id: string, lastEventId?: string) => {
    const r = await record(a, id, lastEventId);
    streams.push(r);
    return r;
  };

  describe('signed out', () => {
    it('starts a conversation; the agent’s greeting and answer come over the stream', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'activation', locale: 'bg', email: EMAIL });
      expect(c.status).to.equal('bot');
      expect(c.title).to.equal('Писмо за активиране');
      const seen = await watch(a, c.id, '0');
      await waitUntil(() => seen.messages().length === 2, 'the greeting and the answer', { timeout: 5000 });
      expect(seen.states()[0]).to.equal('live');
      expect(seen.messages()[1].actions?.map((x) => x.kind)).to.deep.equal(['resend_activation']);
      expect((await a.listConversations({ ids: [c.id] })).map((x) => x.id)).to.deep.equal([c.id]);
      expect((await a.listConversations()).length).to.equal(0);
    });

    it('rejects a missing address and an unknown conversation like the adapter does', async () => {
      const a = f.adapter();
      const e = await adapterError(a.startConversation({ topic: 'registration', locale: 'en' }), 'validation');
      expect(e.fieldErrors).to.deep.equal({ email: 'email.required' });
      await adapterError(a.listMessages('c_0000000000000000000000'), 'not_found');
      await adapterError(a.subscribe('c_0000000000000000000000', () => {}), 'not_found');
    });

    it('sends idempotently by clientId: a retry is the same message, and only one is kept', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      const id = clientId();
      const first = await a.sendMessage(c.id, { text: 'The code from the picture is wrong', clientId: id });
      const again = await a.sendMessage(c.id, { text: 'The code from the picture is wrong', clientId: id });
      expect(again.id).to.equal(first.id);
      expect((await server.lastResponse()).status).to.equal(200);
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 4, 'greeting, answer, mine, reply');
      expect((await messagesOf(a, c.id)).filter((m) => m.clientId === id).length).to.equal(1);
    });

    it('keeps the context without the password or a token', async () => {
      const a = f.adapter();
      const context = { step: 'register', errorCodes: ['captcha_invalid', 'captcha_invalid'], maskedEmail: 'm***@example.test', password: PASSWORD, token: 'tok_123' };
      const c = await a.startConversation({ topic: 'registration', locale: 'en', email: EMAIL, context: context as never });
      const desk = (await server.control('GET', 'support/conversations')) as { id: string; context?: unknown }[];
      const kept = desk.find((x) => x.id === c.id)?.context;
      expect(kept).to.deep.equal({ step: 'register', errorCodes: ['captcha_invalid', 'captcha_invalid'], maskedEmail: 'm***@example.test' });
      expect(JSON.stringify(desk).includes(PASSWORD)).to.equal(false);
    });
  });

  describe('when the server answers off the contract', () => {
    it('a message or a page of the wrong shape is `server`, and an unknown member is not passed on', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      const messages = '/support/conversations/{conversationId}/messages';
      const answer = (path: string, status: number, body: unknown) => server.fault({ kind: 'status', status, body, path });
      await answer(messages, 201, { id: 'm_x', conversationId: c.id, from: 'agent', text: 'no time' });
      await adapterError(a.sendMessage(c.id, { text: 'hello', clientId: clientId() }), 'server');
      await answer(messages, 200, { messages: [], lastEventId: 'seven', status: 'bot' });
      await adapterError(a.listMessages(c.id), 'server');
      await answer('/support/status', 200, { status: 'sleeping' });
      await adapterError(a.agentStatus(), 'server');
      await answer('/support/status', 200, { status: 'online', secret: 'x' });
      expect(Object.keys(await a.agentStatus())).to.deep.equal(['status']);
      await server.takeViolations();
    });
  });

  describe('signed in', () => {
    it('lists the support and seeded store conversations with unread counts; markRead clears them', async () => {
      await f.activeProfile(EMAIL);
      const a = f.adapter();
      await a.signIn({ email: EMAIL, password: PASSWORD, remember: false });
      const support = await a.startConversation({ topic: 'orders', locale: 'ru' });
      const list = await a.listConversations({ locale: 'ru' });
      expect(list.map((c) => c.kind)).to.deep.equal(['support', 'store', 'store']);
      expect(list[0].id).to.equal(support.id);
      const stores = list.filter((c) => c.kind === 'store');
      expect(stores.map((c) => c.unread).sort()).to.deep.equal([1, 2]);
      await a.markRead(stores[0].id);
      expect((await a.listConversations()).find((c) => c.id === stores[0].id)?.unread).to.equal(0);
      // Another browser, signed out, may not read it.
      await adapterError(f.otherBrowser('stranger').listMessages(support.id), 'forbidden');
      // A write without the CSRF header is refused.
      await adapterError(f.adapter({ csrfCookie: false }).sendMessage(support.id, { text: 'hi', clientId: clientId() }), 'forbidden');
    });
  });

  describe('the hand-off', () => {
    it('online: queued, then the operator joins; an operator’s message reaches the stream', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'registration', locale: 'en', email: EMAIL });
      const seen = await watch(a, c.id);
      expect((await a.agentStatus()).status).to.equal('online');
      const handOff = await a.requestHuman(c.id);
      expect(handOff.availability.status).to.equal('online');
      expect(handOff.conversation.status).to.equal('queued');
      await waitUntil(() => seen.messages().some((m) => m.from === 'operator'), 'the operator', { timeout: 5000 });
      expect(seen.events.flatMap((e) => (e.type === 'status' ? [e.status] : []))).to.deep.equal(['queued', 'human']);
      await server.control('POST', 'support/operator-message', { conversationId: c.id, text: 'I resent the letter.' });
      await waitUntil(() => seen.messages().some((m) => m.text === 'I resent the letter.'), 'the posted message', { timeout: 5000 });
    });

    it('offline: the agent says so; the offline question sends a support letter', async () => {
      await settings({ operatorStatus: 'offline' });
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'activation', locale: 'ru', email: EMAIL });
      const handOff = await a.requestHuman(c.id);
      expect(handOff.availability.status).to.equal('offline');
      expect(handOff.conversation.status).to.equal('bot');
      const ticket = await a.leaveOfflineMessage({ email: EMAIL, text: 'Письмо так и не пришло', topic: 'activation', conversationId: c.id });
      expect(ticket.ticketId).to.match(/^S-\d{6}$/);
      // The outbox as the server keeps it (contract-client's Letter type has no `text` or support kind yet).
      const outbox = (await server.control('GET', 'outbox')) as { kind: string; to: string; text: string }[];
      const [letter] = outbox.filter((l) => l.kind === 'support');
      expect(letter.to).to.equal(EMAIL);
      expect(letter.text).to.contain('Письмо так и не пришло');
      expect(letter.text).to.contain(ticket.ticketId);
    });
  });

  describe('when the stream is cut', () => {
    it('reconnects with Last-Event-ID: every message that came meanwhile arrives once, none twice', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const page = await a.listMessages(c.id);
      const seen = await watch(a, c.id, page.lastEventId);
      await waitUntil(() => seen.states().includes('live'), 'connected');
      await a.sendMessage(c.id, { text: 'I forgot my password', clientId: clientId() });
      await waitUntil(() => seen.messages().length === 2, 'before the cut');
      const { cut } = (await server.control('POST', 'support/cut')) as { cut: number };
      expect(cut).to.equal(1);
      // While the stream is down (the server asked to wait 1 s before reconnecting): two more messages and answers.
      await a.sendMessage(c.id, { text: 'Where is my order?', clientId: clientId() });
      // The agent's answer first (an operator's message hands the conversation over and silences the agent).
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 6, 'the agent’s answer, on the server');
      await server.control('POST', 'support/operator-message', { conversationId: c.id, text: 'Hello from Maria.' });
      await waitUntil(() => seen.messages().length === 5, 'the messages sent while it was down', { timeout: 8000 });
      expect(seen.states()).to.deep.equal(['live', 'reconnecting', 'live']);
      const ids = seen.messages().map((m) => m.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.deep.equal((await messagesOf(a, c.id)).slice(2).map((m) => m.id));
      const requests = (await server.requests()).filter((r) => r.operation === 'streamEvents');
      expect(requests.length).to.equal(2);
    });

    it('a server that replays events already sent on reconnection: each message is still shown once', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      const seen = await watch(a, c.id, '0');
      await waitUntil(() => seen.messages().length === 2, 'greeting and answer');
      await server.control('POST', 'support/ignore-last-event-id', { times: 1 });
      await server.control('POST', 'support/cut');
      await a.sendMessage(c.id, { text: 'thanks', clientId: clientId() });
      await waitUntil(() => seen.messages().length === 4, 'mine and the answer', { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 100));
      const ids = seen.messages().map((m) => m.id);
      expect(ids).to.deep.equal((await messagesOf(a, c.id)).map((m) => m.id));
    });

    it('falls back to polling when the stream keeps failing, still with every message once', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      await server.control('POST', 'support/refuse-streams', { times: 10 });
      const seen = await watch(a, c.id, '0');
      await waitUntil(() => seen.states().includes('polling'), 'polling', { timeout: 10000 });
      expect(seen.states()).to.deep.equal(['reconnecting', 'polling']);
      await a.sendMessage(c.id, { text: 'the letter did not arrive', clientId: clientId() });
      await waitUntil(() => seen.messages().length === 4, 'everything by polling', { timeout: 8000 });
      const ids = seen.messages().map((m) => m.id);
      expect(ids).to.deep.equal((await messagesOf(a, c.id)).map((m) => m.id));
    });
  });

  describe('the stream as the server writes it', () => {
    /** Reads a raw event stream until `done(text)` says enough, then aborts it. */
    async function readStream(url: string, headers: Record<string, string>, done: (text: string) => boolean): Promise<{ text: string; response: Response }> {
      const controller = new AbortController();
      const response = await fetch(url, { headers: { ...server.headers, ...headers }, signal: controller.signal });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const deadline = Date.now() + 5000;
      while (!done(text) && Date.now() < deadline) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        text += decoder.decode(value, { stream: true });
      }
      controller.abort();
      return { text, response };
    }

    /** The stream's blocks: `{ id?, event?, data?, comment? }` each. */
    const blocks = (text: string) =>
      text
        .split('\n\n')
        .filter(Boolean)
        .map((block) => {
          const b: Record<string, string> = {};
          for (const line of block.split('\n')) {
            const at = line.indexOf(':');
            const key = at === 0 ? 'comment' : line.slice(0, at);
            b[key] = line.slice(at + 1).trimStart();
          }
          return b;
        });
    const messageBlocks = (text: string) =>
      blocks(text)
        .filter((b) => b.event === 'message')
        .map((b) => ({ id: b.id, message: JSON.parse(b.data) as SupportMessage }));

    it('has id lines on messages and statuses, a retry hint, heartbeat comments, and the Last-Event-ID header wins over the query', async () => {
      await server.control('POST', 'support/settings', { heartbeatMs: 50 });
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const url = `/api/auth/support/conversations/${c.id}/events?lastEventId=0`;
      const { text, response } = await readStream(url, {}, (t) => t.includes(': ping'));
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/event-stream/);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(text.startsWith('retry: 1000\n\n')).to.equal(true);
      const [greeting, answer] = await messagesOf(a, c.id);
      expect(messageBlocks(text)).to.deep.equal([
        { id: '1', message: greeting },
        { id: '2', message: answer },
      ]);
      expect(blocks(text).some((b) => b.comment === 'ping')).to.equal(true);
      // Reconnecting after event 1: only event 2, though the query says 0.
      const resumed = await readStream(url, { 'Last-Event-ID': '1' }, (t) => t.includes(': ping'));
      expect(messageBlocks(resumed.text)).to.deep.equal([{ id: '2', message: answer }]);
      await a.requestHuman(c.id);
      const status = await readStream(url, { 'Last-Event-ID': '2' }, (t) => t.includes('event: status'));
      expect(blocks(status.text).find((b) => b.event === 'status')).to.deep.equal({ id: '3', event: 'status', data: '{"status":"queued"}' });
    });

    it('answers an unknown Last-Event-ID and a stranger’s conversation with problems, not a stream', async () => {
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      const wrong = await fetch(`/api/auth/support/conversations/${c.id}/events`, { headers: { ...server.headers, 'Last-Event-ID': '99' } });
      expect(wrong.status).to.equal(422);
      expect(((await wrong.json()) as { code: string }).code).to.equal('validation');
      const missing = await fetch('/api/auth/support/conversations/c_nope/events', { headers: server.headers });
      expect(missing.status).to.equal(404);
    });
  });

  describe('where EventSource is missing', () => {
    it('polls listMessages from the cursor: new messages and the status change arrive, none twice', async () => {
      // This page without EventSource (for this test only).
      delete (window as { EventSource?: unknown }).EventSource;
      const a = f.adapter();
      const c = await a.startConversation({ topic: 'other', locale: 'en', email: EMAIL });
      await waitUntil(async () => (await messagesOf(a, c.id)).length === 2);
      const page = await a.listMessages(c.id);
      const seen = await watch(a, c.id, page.lastEventId);
      expect(seen.states()).to.deep.equal(['polling']);
      await a.sendMessage(c.id, { text: 'password', clientId: clientId() });
      await a.requestHuman(c.id);
      await waitUntil(() => seen.messages().some((m) => m.from === 'operator'), 'the operator, by polling', { timeout: 8000 });
      const ids = seen.messages().map((m) => m.id);
      expect(new Set(ids).size).to.equal(ids.length);
      expect(ids).to.deep.equal((await messagesOf(a, c.id)).slice(2).map((m) => m.id));
      expect(seen.events.some((e) => e.type === 'status' && e.status === 'human')).to.equal(true);
      expect((await server.requests()).some((r) => r.operation === 'streamEvents')).to.equal(false);
    });
  });
});
