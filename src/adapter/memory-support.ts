/**
 * `MemoryAdapter`'s support capability (see memory-core.ts and support-types.ts): loaded on the first call of
 * one of its methods. A support conversation is answered by the rule-based virtual agent of support-agent/
 * after a short typing time, any hour; `requestHuman` hands it to a simulated operator on the schedule of the
 * options (`operatorStatus`, `operatorHours`); offline, `leaveOfflineMessage` sends a `support` letter.
 * A signed-in person also finds two seeded store conversations. All state is server-side
 * (`core.shared('support')`): every device (`newDevice()`) sees the same conversations, `reset()` clears them.
 */
import type { MemoryCore } from './memory-core.js';
import { answer, LANGUAGES, openingTurns, type AgentMemory, type AgentTurn } from './support-agent/agent.js';
import { consoleOf, type DeskConversation, type SupportDesk } from './support-agent/console.js';
import { sanitizeSupportContext, supportLocaleOf } from './support-agent/context.js';
import { availabilityAt } from './support-agent/schedule.js';
import {
  SUPPORT_LIMITS,
  SUPPORT_TOPICS,
  type Conversation,
  type ConversationKind,
  type ConversationStatus,
  type HandOff,
  type MessageAuthor,
  type OperatorAvailability,
  type SupportCapability,
  type SupportContext,
  type SupportEvent,
  type SupportLocale,
  type SupportMessage,
  type SupportTopic,
  type Unsubscribe,
} from './support-types.js';

interface StoredEvent {
  eventId: number;
  event: Extract<SupportEvent, { eventId: string }>;
}

interface StoredConversation {
  id: string;
  kind: ConversationKind;
  topic?: SupportTopic;
  title: string;
  storeName?: string;
  status: ConversationStatus;
  locale: SupportLocale;
  createdAt: number;
  updatedAt: number;
  /** Started signed in (or adopted): only this profile may read it. */
  ownerUserId?: string;
  /** The address given signed out. */
  email?: string;
  context?: SupportContext;
  messages: SupportMessage[];
  events: StoredEvent[];
  seq: number;
  /** How many messages the person has read. */
  readCount: number;
  byClientId: Map<string, SupportMessage>;
  memory: AgentMemory;
  operatorName?: string;
  operatorAcked?: boolean;
  storeAutoReplied?: boolean;
}

type Listener = (event: SupportEvent) => void;

interface SupportServer {
  conversations: Map<string, StoredConversation>;
  /** Profiles whose store conversations were seeded. */
  seeded: Set<string>;
  listeners: Map<string, Set<Listener>>;
  /** When each sender (profile, or conversation signed out) sent, for the rate limit. */
  sent: Map<string, number[]>;
  tickets: { ticketId: string; email: string; topic: SupportTopic; text: string; context?: SupportContext; conversationId?: string; at: number }[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CLIENT_ID = /^[A-Za-z0-9_-]{8,64}$/;
const DEFAULT_DELAY: [number, number] = [700, 1600];
const PREVIEW_LENGTH = 140;

export function createMemoryExtension(core: MemoryCore): SupportCapability {
  const server = (): SupportServer =>
    core.shared<SupportServer>('support', () => ({
      conversations: new Map(),
      seeded: new Set(),
      listeners: new Map(),
      sent: new Map(),
      tickets: [],
    }));

  // ---- options and the console -------------------------------------------------------------------------
  const desk: SupportDesk = {
    post: (conversationId, text, options = {}) => {
      const conversation = server().conversations.get(conversationId);
      if (!conversation) throw core.error('not_found', 'No such conversation');
      if (conversation.kind === 'support' && conversation.status !== 'human') setStatus(conversation, 'human');
      const from: MessageAuthor = conversation.kind === 'store' ? 'store' : 'operator';
      const name = options.name ?? (from === 'store' ? conversation.storeName : operatorName(conversation));
      const actions = options.actions?.map((a, i) => ({ ...a, id: `a${i + 1}` }));
      return copy(addMessage(conversation, { from, text, ...(name ? { authorName: name } : {}), ...(actions?.length ? { actions } : {}) }));
    },
    setStatus: (conversationId, status) => {
      const conversation = server().conversations.get(conversationId);
      if (!conversation) throw core.error('not_found', 'No such conversation');
      setStatus(conversation, status);
    },
    conversations: () =>
      [...server().conversations.values()]
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .map((c): DeskConversation => {
          const email = c.email ?? (c.ownerUserId ? core.userById(c.ownerUserId)?.email : undefined);
          return {
            id: c.id,
            kind: c.kind,
            status: c.status,
            title: c.title,
            ...(email ? { email } : {}),
            ...(c.ownerUserId ? { userId: c.ownerUserId } : {}),
            ...(c.context ? { context: { ...c.context } } : {}),
            messages: c.messages.length,
            updatedAt: c.updatedAt,
          };
        }),
  };
  const attach = (): void => {
    const link = consoleOf(core.options);
    if (link && link.desk !== desk) link.desk = desk;
  };
  const setting = <K extends 'operatorStatus' | 'agentDelayMs'>(key: K): unknown => consoleOf(core.options)?.settings[key] ?? core.options[key];
  const delay = (): number => {
    const value = setting('agentDelayMs') ?? DEFAULT_DELAY;
    if (typeof value === 'number' && value >= 0) return value;
    if (Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && n >= 0)) {
      const [min, max] = value as [number, number];
      return Math.round(min + core.noise() * Math.max(0, max - min));
    }
    return DEFAULT_DELAY[0];
  };
  const availability = (): OperatorAvailability =>
    availabilityAt(core.now(), { operatorStatus: setting('operatorStatus'), operatorHours: core.options.operatorHours });
  const operatorName = (conversation: StoredConversation): string => {
    const option = core.options.operatorName;
    return conversation.operatorName ?? (typeof option === 'string' && option.trim() ? option.trim() : LANGUAGES[conversation.locale].handOff.defaultOperatorName);
  };
  attach();

  // ---- the event log -----------------------------------------------------------------------------------
  const emit = (conversation: StoredConversation, event: SupportEvent): void => {
    const listeners = server().listeners.get(conversation.id);
    if (listeners) for (const listener of [...listeners]) listener(event);
  };
  const record = (conversation: StoredConversation, make: (eventId: string) => StoredEvent['event']): void => {
    conversation.seq += 1;
    const event = make(String(conversation.seq));
    conversation.events.push({ eventId: conversation.seq, event });
    emit(conversation, event);
  };
  const addMessage = (conversation: StoredConversation, fields: Omit<SupportMessage, 'id' | 'conversationId' | 'sentAt'>, sentAt = core.now()): SupportMessage => {
    const message: SupportMessage = { id: `m_${core.randomString(16)}`, conversationId: conversation.id, sentAt, ...fields };
    conversation.messages.push(message);
    conversation.updatedAt = Math.max(conversation.updatedAt, sentAt);
    record(conversation, (eventId) => ({ type: 'message', eventId, message: copy(message) }));
    return message;
  };
  const setStatus = (conversation: StoredConversation, status: ConversationStatus): void => {
    if (conversation.status === status) return;
    conversation.status = status;
    record(conversation, (eventId) => ({ type: 'status', eventId, status }));
  };
  /** Says something after a typing time: the typing event at once, the message later. */
  const later = (conversation: StoredConversation, from: MessageAuthor, authorName: string | undefined, say: () => Omit<SupportMessage, 'id' | 'conversationId' | 'sentAt' | 'from'> | undefined): Promise<void> =>
    new Promise((resolve) => {
      const live = server();
      emit(conversation, { type: 'typing', from, typing: true, ...(authorName ? { authorName } : {}) });
      setTimeout(() => {
        // A reset() in between: the conversation is gone, say nothing.
        if (server() !== live || !live.conversations.has(conversation.id)) return resolve();
        const fields = say();
        if (fields) addMessage(conversation, { from, ...(authorName ? { authorName } : {}), ...fields });
        else emit(conversation, { type: 'typing', from, typing: false });
        resolve();
      }, delay());
    });
  const agentSays = (conversation: StoredConversation, turns: () => AgentTurn[]): void => {
    let chain = Promise.resolve();
    // Once a person took over, the agent stays silent.
    for (const turn of turns()) chain = chain.then(() => later(conversation, 'agent', undefined, () => (conversation.status === 'bot' ? messageOfTurn(turn) : undefined)));
  };

  // ---- access ------------------------------------------------------------------------------------------
  const find = (conversationId: unknown): StoredConversation => {
    const conversation = typeof conversationId === 'string' ? server().conversations.get(conversationId) : undefined;
    if (!conversation) throw core.error('not_found', 'No such conversation');
    if (conversation.ownerUserId !== undefined) {
      const user = core.currentUser();
      if (!user) throw core.error('forbidden', 'Sign in to read this conversation');
      if (user.userId !== conversation.ownerUserId) throw core.error('not_found', 'No such conversation');
    }
    return conversation;
  };
  const view = (c: StoredConversation): Conversation => {
    const unread = c.messages.slice(c.readCount).filter((m) => m.from !== 'person').length;
    const last = c.messages.at(-1);
    return {
      id: c.id,
      kind: c.kind,
      ...(c.topic ? { topic: c.topic } : {}),
      title: c.title,
      ...(c.storeName ? { storeName: c.storeName } : {}),
      status: c.status,
      locale: c.locale,
      unread,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      ...(last ? { preview: { from: last.from, text: shorten(last.text) } } : {}),
    };
  };
  const newConversation = (fields: Pick<StoredConversation, 'kind' | 'title' | 'status' | 'locale'> & Partial<StoredConversation>, at = core.now()): StoredConversation => {
    const conversation: StoredConversation = {
      id: `c_${core.randomString(22)}`,
      createdAt: at,
      updatedAt: at,
      messages: [],
      events: [],
      seq: 0,
      readCount: 0,
      byClientId: new Map(),
      memory: { unknownInRow: 0 },
      ...fields,
    };
    server().conversations.set(conversation.id, conversation);
    return conversation;
  };

  // ---- validation --------------------------------------------------------------------------------------
  const invalid = (field: string, code: string, message: string): Error =>
    core.error('validation', message, { field, fieldErrors: { [field]: code } });
  const topicOf = (value: unknown): SupportTopic => {
    if (typeof value !== 'string' || !(SUPPORT_TOPICS as readonly string[]).includes(value)) throw invalid('topic', 'support.topic.invalid', 'Unknown topic');
    return value as SupportTopic;
  };
  const textOf = (value: unknown): string => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') throw invalid('text', 'support.text.empty', 'Write a message');
    if (text.length > SUPPORT_LIMITS.textLength) throw invalid('text', 'support.text.tooLong', `At most ${SUPPORT_LIMITS.textLength} characters`);
    return text;
  };
  const emailOf = (value: unknown, fallback: string | undefined): string => {
    const email = typeof value === 'string' ? value.trim() : '';
    if (email === '') {
      if (fallback) return fallback;
      throw invalid('email', 'email.required', 'The e-mail address is required');
    }
    if (email.length > 254 || !EMAIL.test(email)) throw invalid('email', 'email.invalid', 'The e-mail address is not valid');
    return email;
  };
  const limit = (key: string): void => {
    const now = core.now();
    const times = (server().sent.get(key) ?? []).filter((t) => now - t < 60_000);
    if (times.length >= SUPPORT_LIMITS.messagesPerMinute) {
      throw core.error('rate_limited', 'Too many messages, wait a little', { retryAfter: Math.max(1, Math.ceil((times[0] + 60_000 - now) / 1000)) });
    }
    times.push(now);
    server().sent.set(key, times);
  };

  // ---- seeded store conversations ----------------------------------------------------------------------
  const seed = (userId: string, locale: SupportLocale): void => {
    if (core.options.seedStoreConversations === false || server().seeded.has(userId)) return;
    server().seeded.add(userId);
    const now = core.now();
    for (const s of LANGUAGES[locale].seeds) {
      const first = now - s.messages[0].ago;
      const conversation = newConversation({ kind: 'store', title: s.title, storeName: s.storeName, status: 'human', locale, ownerUserId: userId }, first);
      for (const m of s.messages) addMessage(conversation, { from: m.from, text: m.text, ...(m.from === 'store' ? { authorName: s.storeName } : {}) }, now - m.ago);
      conversation.readCount = conversation.messages.length - s.unread;
    }
  };

  return {
    async startConversation(input, o) {
      await core.enter('startConversation', o?.signal);
      attach();
      const topic = topicOf(input?.topic);
      const user = core.currentUser();
      const email = user ? undefined : emailOf(input?.email, undefined);
      const locale = supportLocaleOf(typeof input?.locale === 'string' ? input.locale : undefined);
      const context = sanitizeSupportContext(input?.context);
      const conversation = newConversation({
        kind: 'support',
        topic,
        title: LANGUAGES[locale].topicTitles[topic],
        status: 'bot',
        locale,
        ...(user ? { ownerUserId: user.userId } : { email }),
        ...(context ? { context } : {}),
      });
      agentSays(conversation, () =>
        openingTurns({ topic, locale, ...(context ? { context } : {}), ...(user ? { firstName: user.firstName } : {}), signedIn: !!user, memory: conversation.memory }),
      );
      return view(conversation);
    },

    async listConversations(input, o) {
      await core.enter('listConversations', o?.signal);
      attach();
      const ids = Array.isArray(input?.ids) ? input.ids.filter((id): id is string => typeof id === 'string').slice(0, SUPPORT_LIMITS.ids) : [];
      const user = core.currentUser();
      const all = server().conversations;
      const found = new Set<StoredConversation>();
      if (user) {
        seed(user.userId, supportLocaleOf(input?.locale));
        for (const id of ids) {
          const c = all.get(id);
          // Started signed out with this profile's address: it becomes the profile's.
          if (c && c.ownerUserId === undefined && c.email?.toLowerCase() === user.email.toLowerCase()) {
            c.ownerUserId = user.userId;
            delete c.email;
          }
        }
        for (const c of all.values()) if (c.ownerUserId === user.userId) found.add(c);
      }
      for (const id of ids) {
        const c = all.get(id);
        if (c && c.ownerUserId === undefined) found.add(c);
      }
      return [...found].sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt).map(view);
    },

    async listMessages(conversationId, input, o) {
      await core.enter('listMessages', o?.signal);
      attach();
      const c = find(conversationId);
      let messages: SupportMessage[];
      if (input?.afterEvent !== undefined) {
        const n = eventNumber(input.afterEvent);
        if (!(n <= c.seq)) throw invalid('afterEvent', 'support.afterEvent.unknown', 'No such event in this conversation');
        messages = c.events.flatMap((e) => (e.eventId > n && e.event.type === 'message' ? [e.event.message] : []));
      } else if (input?.after !== undefined) {
        const index = c.messages.findIndex((m) => m.id === input.after);
        if (index < 0) throw invalid('after', 'support.after.unknown', 'No such message in this conversation');
        messages = c.messages.slice(index + 1);
      } else messages = c.messages.slice(-SUPPORT_LIMITS.pageSize);
      return { messages: messages.map(copy), lastEventId: String(c.seq), status: c.status };
    },

    async sendMessage(conversationId, input, o) {
      await core.enter('sendMessage', o?.signal);
      attach();
      const c = find(conversationId);
      const clientId = input?.clientId;
      if (typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) throw invalid('clientId', 'support.clientId.invalid', 'clientId must be 8–64 characters of [A-Za-z0-9_-]');
      const already = c.byClientId.get(clientId);
      if (already) return copy(already);
      const text = textOf(input?.text);
      limit(core.currentUser()?.userId ?? c.id);
      const lastAgent = [...c.messages].reverse().find((m) => m.from !== 'person');
      const quickReplyId =
        typeof input?.quickReplyId === 'string' && lastAgent?.quickReplies?.some((q) => q.id === input.quickReplyId) ? input.quickReplyId : undefined;
      const message = addMessage(c, { from: 'person', text, clientId });
      c.byClientId.set(clientId, message);
      // Writing is reading: everything before one's own message is seen.
      c.readCount = c.messages.length;
      const signedIn = core.currentUser() !== undefined;
      if (c.kind === 'store') {
        if (!c.storeAutoReplied) {
          c.storeAutoReplied = true;
          void later(c, 'store', c.storeName, () => ({ text: LANGUAGES[c.locale].storeAutoReply }));
        }
      } else {
        if (c.status === 'closed') setStatus(c, 'bot');
        if (c.status === 'bot') {
          agentSays(c, () => [
            answer({ text, ...(quickReplyId ? { quickReplyId } : {}), locale: c.locale, ...(c.topic ? { topic: c.topic } : {}), signedIn, memory: c.memory }),
          ]);
        } else if (c.status === 'human' && !c.operatorAcked) {
          c.operatorAcked = true;
          void later(c, 'operator', operatorName(c), () => ({ text: LANGUAGES[c.locale].handOff.operatorAck }));
        }
      }
      return copy(message);
    },

    async subscribe(conversationId, onEvent, o) {
      await core.enter('subscribe', o?.signal);
      attach();
      const c = find(conversationId);
      let from = c.seq;
      if (o?.lastEventId !== undefined) {
        const n = eventNumber(o.lastEventId);
        if (!(n <= c.seq)) throw invalid('lastEventId', 'support.lastEventId.unknown', 'No such event in this conversation');
        from = n;
      }
      // Events wait in a queue delivered on a microtask: the caller holds the unsubscribe function first,
      // and replayed and live events keep their order.
      const queue: SupportEvent[] = [{ type: 'connection', state: 'live' }, ...c.events.filter((e) => e.eventId > from).map((e) => e.event)];
      let open = true;
      let draining = false;
      const drain = (): void => {
        if (draining) return;
        draining = true;
        queueMicrotask(() => {
          draining = false;
          while (open && queue.length) {
            const event = queue.shift() as SupportEvent;
            try {
              onEvent(structuredClone(event));
            } catch (error) {
              // A listener's error is its own: report it without breaking the stream.
              queueMicrotask(() => {
                throw error;
              });
            }
          }
        });
      };
      const listener: Listener = (event) => {
        queue.push(event);
        drain();
      };
      const listeners = server().listeners;
      let set = listeners.get(c.id);
      if (!set) listeners.set(c.id, (set = new Set()));
      set.add(listener);
      drain();
      const unsubscribe: Unsubscribe = () => {
        open = false;
        queue.length = 0;
        set.delete(listener);
        o?.signal?.removeEventListener('abort', unsubscribe);
      };
      o?.signal?.addEventListener('abort', unsubscribe, { once: true });
      return unsubscribe;
    },

    async markRead(conversationId, input, o) {
      await core.enter('markRead', o?.signal);
      attach();
      const c = find(conversationId);
      let count = c.messages.length;
      if (input?.upTo !== undefined) {
        const index = c.messages.findIndex((m) => m.id === input.upTo);
        if (index < 0) throw invalid('upTo', 'support.upTo.unknown', 'No such message in this conversation');
        count = index + 1;
      }
      c.readCount = Math.max(c.readCount, count);
    },

    async agentStatus(o) {
      await core.enter('agentStatus', o?.signal);
      attach();
      return availability();
    },

    async requestHuman(conversationId, o): Promise<HandOff> {
      await core.enter('requestHuman', o?.signal);
      attach();
      const c = find(conversationId);
      if (c.kind === 'store') throw invalid('conversationId', 'support.human.store', 'A store conversation is already with a person');
      const now = availability();
      if (c.status === 'queued' || c.status === 'human') return { availability: now, conversation: view(c) };
      const language = LANGUAGES[c.locale];
      if (now.status === 'offline') {
        addMessage(c, { from: 'agent', text: language.handOff.offline });
        return { availability: now, conversation: view(c) };
      }
      setStatus(c, 'queued');
      const wait = now.waitMinutes ?? 5;
      addMessage(c, { from: 'agent', text: now.status === 'online' ? language.handOff.online(wait) : language.handOff.away(wait) });
      if (now.status === 'online') {
        const name = operatorName(c);
        c.operatorName = name;
        void later(c, 'operator', name, () => {
          if (c.status !== 'queued') return undefined;
          setStatus(c, 'human');
          return { text: language.handOff.operatorGreeting(name) };
        });
      }
      return { availability: now, conversation: view(c) };
    },

    async leaveOfflineMessage(input, o) {
      await core.enter('leaveOfflineMessage', o?.signal);
      attach();
      const user = core.currentUser();
      const email = emailOf(input?.email, user?.email);
      const text = textOf(input?.text);
      const topic = topicOf(input?.topic);
      const conversation = input?.conversationId !== undefined ? find(input.conversationId) : undefined;
      const context = sanitizeSupportContext(input?.context);
      limit(user?.userId ?? `offline:${email.toLowerCase()}`);
      const tickets = server().tickets;
      let ticketId: string;
      do ticketId = `S-${100000 + Math.floor(core.noise() * 900000)}`;
      while (tickets.some((t) => t.ticketId === ticketId));
      tickets.push({ ticketId, email, topic, text, ...(context ? { context } : {}), ...(conversation ? { conversationId: conversation.id } : {}), at: core.now() });
      const locale = input?.locale !== undefined ? supportLocaleOf(input.locale) : (conversation?.locale ?? 'en');
      const letter = LANGUAGES[locale].offlineLetter;
      const firstName = user?.firstName ?? '';
      core.deliver({ to: email, kind: 'support', subject: letter.subject(ticketId), text: letter.text({ firstName, ticketId, question: text }), firstName, link: '', token: '' });
      return { ticketId };
    },
  };
}

function messageOfTurn(turn: AgentTurn): Omit<SupportMessage, 'id' | 'conversationId' | 'sentAt' | 'from'> {
  return {
    text: turn.text,
    ...(turn.quickReplies ? { quickReplies: turn.quickReplies } : {}),
    ...(turn.actions ? { actions: turn.actions } : {}),
  };
}

/** An event id as a number; NaN for anything else. */
function eventNumber(value: unknown): number {
  return typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : Number.NaN;
}

function copy(message: SupportMessage): SupportMessage {
  return structuredClone(message);
}

function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= PREVIEW_LENGTH ? line : `${line.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…`;
}
