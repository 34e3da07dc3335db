/**
 * `HttpAdapter`'s support capability (see http-core.ts and openapi/support.openapi.yaml): loaded on the first
 * call of one of its methods. REST calls through the one request path of `HttpCore`; `subscribe` over
 * Server-Sent Events (`EventSource`, `withCredentials` when the adapter's `credentials` is `'include'`),
 * resumed from the last event seen after a cut (the browser's own reconnection sends `Last-Event-ID`; a
 * refused stream is reopened with `?lastEventId=`), and polling `listMessages({ afterEvent })` where
 * `EventSource` is missing or the stream keeps failing. Messages are passed on once each, by id, whatever
 * the transport replays.
 */
import { AdapterError } from './adapter-error.js';
import type { HttpCore } from './http-core.js';
import type {
  AgentStatus,
  Conversation,
  ConversationStatus,
  HandOff,
  MessageAuthor,
  MessagePage,
  OfflineTicket,
  OperatorAvailability,
  QuickReply,
  SupportAction,
  SupportCapability,
  SupportEvent,
  SupportLocale,
  SupportMessage,
  SupportTopic,
  Unsubscribe,
} from './support-types.js';

/** Stream failures in a row before falling back to polling. */
const MAX_STREAM_FAILURES = 3;
/** Polling interval, ms. */
const POLL_MS = 2000;
/** Delay before reopening a stream the server refused, ms (times the failures so far). */
const REOPEN_MS = 1000;

const TOPICS = ['registration', 'captcha', 'activation', 'sign_in', 'social', 'orders', 'other'];
const STATUSES = ['bot', 'queued', 'human', 'closed'];
const AUTHORS = ['person', 'agent', 'operator', 'store'];
const LOCALES = ['en', 'ru', 'bg'];
const AGENT_STATUSES = ['online', 'away', 'offline'];
const EVENT_ID = /^\d{1,15}$/;

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const oneOf = <T extends string>(list: readonly string[], v: unknown): v is T => typeof v === 'string' && list.includes(v);
const enc = encodeURIComponent;

export function createHttpExtension(core: HttpCore): SupportCapability {
  const fail = (what: string): AdapterError => core.malformed(what);

  // ---- response readers: the contract's members, nothing else ----------------------------------------
  const conversationFrom = (d: unknown): Conversation => {
    if (
      !isRecord(d) ||
      !isString(d.id) ||
      d.id === '' ||
      !oneOf(['support', 'store'], d.kind) ||
      !isString(d.title) ||
      !oneOf<ConversationStatus>(STATUSES, d.status) ||
      !oneOf<SupportLocale>(LOCALES, d.locale) ||
      !isCount(d.unread) ||
      !isTime(d.createdAt) ||
      !isTime(d.updatedAt)
    ) {
      throw fail('a conversation');
    }
    const c: Conversation = {
      id: d.id,
      kind: d.kind as Conversation['kind'],
      title: d.title,
      status: d.status,
      locale: d.locale,
      unread: d.unread,
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
    };
    if (d.topic !== undefined) {
      if (!oneOf<SupportTopic>(TOPICS, d.topic)) throw fail('a conversation');
      c.topic = d.topic;
    }
    if (d.storeName !== undefined) {
      if (!isString(d.storeName)) throw fail('a conversation');
      c.storeName = d.storeName;
    }
    if (d.preview !== undefined) {
      const p = d.preview;
      if (!isRecord(p) || !oneOf<MessageAuthor>(AUTHORS, p.from) || !isString(p.text)) throw fail('a conversation');
      c.preview = { from: p.from, text: p.text };
    }
    return c;
  };
  const messageFrom = (d: unknown): SupportMessage => {
    if (!isRecord(d) || !isString(d.id) || d.id === '' || !isString(d.conversationId) || !oneOf<MessageAuthor>(AUTHORS, d.from) || !isString(d.text) || !isTime(d.sentAt)) {
      throw fail('a message');
    }
    const m: SupportMessage = { id: d.id, conversationId: d.conversationId, from: d.from, text: d.text, sentAt: d.sentAt };
    if (d.authorName !== undefined) {
      if (!isString(d.authorName)) throw fail('a message');
      m.authorName = d.authorName;
    }
    if (d.clientId !== undefined) {
      if (!isString(d.clientId)) throw fail('a message');
      m.clientId = d.clientId;
    }
    if (d.quickReplies !== undefined) {
      if (!Array.isArray(d.quickReplies)) throw fail('a message');
      m.quickReplies = d.quickReplies.map((q): QuickReply => {
        if (!isRecord(q) || !isString(q.id) || !isString(q.label)) throw fail('a message');
        return { id: q.id, label: q.label };
      });
    }
    if (d.actions !== undefined) {
      if (!Array.isArray(d.actions)) throw fail('a message');
      m.actions = d.actions.map((a): SupportAction => {
        if (!isRecord(a) || !isString(a.id) || !isString(a.kind) || !isString(a.label)) throw fail('a message');
        // Kinds this version does not know are passed on: elements ignore them.
        const action: SupportAction = { id: a.id, kind: a.kind as SupportAction['kind'], label: a.label };
        if (a.topic !== undefined) {
          if (!oneOf<SupportTopic>(TOPICS, a.topic)) throw fail('a message');
          action.topic = a.topic;
        }
        return action;
      });
    }
    return m;
  };
  const pageFrom = (d: unknown): MessagePage => {
    if (!isRecord(d) || !Array.isArray(d.messages) || !isString(d.lastEventId) || !EVENT_ID.test(d.lastEventId) || !oneOf<ConversationStatus>(STATUSES, d.status)) {
      throw fail('a page of messages');
    }
    return { messages: d.messages.map(messageFrom), lastEventId: d.lastEventId, status: d.status };
  };
  const availabilityFrom = (d: unknown): OperatorAvailability => {
    if (!isRecord(d) || !oneOf<AgentStatus>(AGENT_STATUSES, d.status)) throw fail('an availability');
    const a: OperatorAvailability = { status: d.status };
    // Whole numbers, as the contract says: the element shows the wait as it comes ("about 5e-324 min").
    if (d.nextOnlineAt !== undefined) {
      if (!isCount(d.nextOnlineAt)) throw fail('an availability');
      a.nextOnlineAt = d.nextOnlineAt;
    }
    if (d.waitMinutes !== undefined) {
      if (!isCount(d.waitMinutes)) throw fail('an availability');
      a.waitMinutes = d.waitMinutes;
    }
    return a;
  };

  const get = async (operation: string, path: string, signal: AbortSignal | undefined): Promise<unknown> =>
    core.parseJson((await core.call(operation, 'GET', path, undefined, signal)).text);
  const post = async (operation: string, path: string, payload: unknown, signal: AbortSignal | undefined): Promise<unknown> =>
    core.parseJson((await core.call(operation, 'POST', path, payload, signal)).text);
  const messagesPath = (id: string): string => `/support/conversations/${enc(id)}/messages`;
  const query = (params: Record<string, string | undefined>): string => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const listMessages = async (conversationId: string, input: { after?: string; afterEvent?: string } = {}, signal?: AbortSignal): Promise<MessagePage> =>
    pageFrom(await get('listMessages', messagesPath(conversationId) + query({ after: input.after, afterEvent: input.afterEvent }), signal));

  return {
    async startConversation(input, o) {
      const payload: Json = { topic: input.topic, locale: input.locale };
      if (input.email !== undefined) payload.email = input.email;
      if (input.context !== undefined) payload.context = input.context;
      return conversationFrom(await post('startConversation', '/support/conversations', payload, o?.signal));
    },

    async listConversations(input, o) {
      const data = await get('listConversations', `/support/conversations${query({ ids: input?.ids?.join(','), locale: input?.locale })}`, o?.signal);
      if (!isRecord(data) || !Array.isArray(data.conversations)) throw fail('a list of conversations');
      return data.conversations.map(conversationFrom);
    },

    async listMessages(conversationId, input, o) {
      return listMessages(conversationId, input ?? {}, o?.signal);
    },

    async sendMessage(conversationId, input, o) {
      const payload: Json = { text: input.text, clientId: input.clientId };
      if (input.quickReplyId !== undefined) payload.quickReplyId = input.quickReplyId;
      return messageFrom(await post('sendMessage', messagesPath(conversationId), payload, o?.signal));
    },

    async subscribe(conversationId, onEvent, o = {}): Promise<Unsubscribe> {
      // One request first: it rejects like listMessages for a conversation the caller may not see (an
      // EventSource only says "error"), and gives the cursor to start from when the caller has none.
      const first = await listMessages(conversationId, o.lastEventId !== undefined ? { afterEvent: o.lastEventId } : {}, o.signal);
      let cursor = o.lastEventId ?? first.lastEventId;
      let status = first.status;
      const seen = new Set<string>();
      let open = true;
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let state: 'live' | 'reconnecting' | 'polling' | undefined;

      const say = (event: SupportEvent): void => {
        if (!open) return;
        try {
          onEvent(event);
        } catch (error) {
          // The listener's own error: reported, the stream goes on.
          queueMicrotask(() => {
            throw error;
          });
        }
      };
      const connection = (next: 'live' | 'reconnecting' | 'polling'): void => {
        if (state === next) return;
        state = next;
        say({ type: 'connection', state: next });
      };
      const advance = (eventId: string): void => {
        if (EVENT_ID.test(eventId) && Number(eventId) > Number(cursor)) cursor = eventId;
      };
      const message = (m: SupportMessage, eventId: string): void => {
        advance(eventId);
        if (seen.has(m.id)) return;
        seen.add(m.id);
        say({ type: 'message', eventId, message: m });
      };

      const poll = async (): Promise<void> => {
        timer = undefined;
        if (!open) return;
        try {
          const page = await listMessages(conversationId, { afterEvent: cursor }, o.signal);
          if (!open) return;
          for (const m of page.messages) message(m, page.lastEventId);
          advance(page.lastEventId);
          if (page.status !== status) {
            status = page.status;
            say({ type: 'status', eventId: page.lastEventId, status: page.status });
          }
        } catch {
          // A failed poll is tried again at the next tick.
        }
        if (open) timer = setTimeout(() => void poll(), POLL_MS);
      };
      const startPolling = (): void => {
        source?.close();
        source = undefined;
        connection('polling');
        void poll();
      };

      const connect = (): void => {
        if (!open) return;
        const url = core.url(`/support/conversations/${enc(conversationId)}/events${query({ lastEventId: cursor })}`);
        const es = new EventSource(url, { withCredentials: core.credentials === 'include' });
        source = es;
        es.addEventListener('open', () => {
          failures = 0;
          connection('live');
        });
        es.addEventListener('message', (e: MessageEvent<string>) => {
          try {
            message(messageFrom(JSON.parse(e.data)), e.lastEventId);
          } catch {
            // A malformed event is dropped; the next poll or resume brings the message again.
          }
        });
        es.addEventListener('status', (e: MessageEvent<string>) => {
          try {
            const data: unknown = JSON.parse(e.data);
            if (!isRecord(data) || !oneOf<ConversationStatus>(STATUSES, data.status)) return;
            advance(e.lastEventId);
            status = data.status;
            say({ type: 'status', eventId: e.lastEventId, status: data.status });
          } catch {
            // Dropped, as above.
          }
        });
        es.addEventListener('typing', (e: MessageEvent<string>) => {
          try {
            const data: unknown = JSON.parse(e.data);
            if (!isRecord(data) || !oneOf<MessageAuthor>(AUTHORS, data.from) || typeof data.typing !== 'boolean') return;
            say({ type: 'typing', from: data.from, typing: data.typing, ...(isString(data.authorName) ? { authorName: data.authorName } : {}) });
          } catch {
            // Dropped, as above.
          }
        });
        es.addEventListener('error', () => {
          if (!open || source !== es) return;
          failures += 1;
          if (failures >= MAX_STREAM_FAILURES) return startPolling();
          connection('reconnecting');
          // CONNECTING: the browser reconnects by itself, with Last-Event-ID. CLOSED (a refused stream):
          // reopen it from the cursor.
          if (es.readyState === EventSource.CLOSED) {
            source = undefined;
            timer = setTimeout(connect, REOPEN_MS * failures);
          }
        });
      };

      if (typeof EventSource === 'undefined') startPolling();
      else connect();

      const unsubscribe: Unsubscribe = () => {
        open = false;
        source?.close();
        source = undefined;
        if (timer !== undefined) clearTimeout(timer);
        o.signal?.removeEventListener('abort', unsubscribe);
      };
      o.signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    },

    async markRead(conversationId, input, o) {
      const payload: Json = {};
      if (input?.upTo !== undefined) payload.upTo = input.upTo;
      core.expectNoResult((await core.call('markRead', 'POST', `/support/conversations/${enc(conversationId)}/read`, payload, o?.signal)).text);
    },

    async agentStatus(o) {
      return availabilityFrom(await get('agentStatus', '/support/status', o?.signal));
    },

    async requestHuman(conversationId, o): Promise<HandOff> {
      const d = await post('requestHuman', `/support/conversations/${enc(conversationId)}/human`, {}, o?.signal);
      if (!isRecord(d)) throw fail('a hand-off');
      return { availability: availabilityFrom(d.availability), conversation: conversationFrom(d.conversation) };
    },

    async leaveOfflineMessage(input, o): Promise<OfflineTicket> {
      const payload: Json = { text: input.text, topic: input.topic };
      for (const key of ['email', 'locale', 'context', 'conversationId'] as const) if (input[key] !== undefined) payload[key] = input[key];
      const d = await post('leaveOfflineMessage', '/support/offline-messages', payload, o?.signal);
      if (!isRecord(d) || !isString(d.ticketId) || d.ticketId === '') throw fail('an offline ticket');
      return { ticketId: d.ticketId };
    },
  };
}
