/**
 * The support capability of the backend contract: the support chat (issue 17) and the conversations of the
 * message center (issue 18). Part of {@link AuthAdapter} (see types.ts); `MemoryAdapter` implements it in
 * memory-support.ts (with a rule-based virtual agent in support-agent/), `HttpAdapter` in http-support.ts
 * (REST plus Server-Sent Events, see openapi/support.openapi.yaml and openapi/support.md).
 *
 * ## The model
 * A {@link Conversation} is a thread of {@link SupportMessage}s. A `support` conversation is answered first by
 * the virtual agent (`status: 'bot'`, messages `from: 'agent'`), day and night; {@link SupportCapability.requestHuman}
 * hands it to a human operator (`queued`, then `human`, messages `from: 'operator'`) when one is on duty, and the
 * agent stays silent from then on. A `store` conversation is with a seller (`from: 'store'`); the message center
 * lists both kinds.
 *
 * Every change of a conversation is an event of its ordered event log; each event has an `eventId` (opaque,
 * increasing within the conversation). {@link SupportCapability.listMessages} answers with the id of the last
 * event it covers, and {@link SupportCapability.subscribe} with that `lastEventId` delivers every later event and
 * none before: list then subscribe, and nothing is lost or shown twice. Messages also carry their own `id`:
 * a client that keeps the ids it has shown never shows one twice, whatever the transport does.
 *
 * ## Who may read a conversation
 * Signed in: the person's own conversations (support and store ones). Signed out: a conversation started
 * signed out, known by its id (an unguessable id, kept by the page to find the transcript again after a
 * reload; the HTTP server may also bind it to a cookie of the browser). A conversation started signed in
 * is not readable signed out (`forbidden`), nor by another person (`not_found`). Signing in with the address
 * given to a signed-out conversation adopts it when its id is passed back to `listConversations({ ids })`.
 *
 * ## Context and privacy
 * {@link SupportContext} is what a form tells support about what went wrong: the step, the error codes, the
 * locale, the masked address. Adapters keep exactly those four fields, each only when it has its expected form,
 * and drop everything else (a `password`, a `token`, an unmasked address, free text): see `sanitizeSupportContext` in support-agent/context.ts.
 * Message texts are the person's own words; elements refuse to send a password the person just typed.
 *
 * ## Errors (besides the common `network`, `timeout`, `server`, `rate_limited`)
 * - `validation` with `fieldErrors`: `text` (`support.text.empty`, `support.text.tooLong`), `email`
 *   (`email.required`, `email.invalid`), `topic` (`support.topic.invalid`), `clientId` (`support.clientId.invalid`).
 * - `not_found`: no such conversation, or not one the caller may see.
 * - `forbidden`: a signed-in person's conversation asked for while signed out.
 * - `rate_limited` with `retryAfter`: more than {@link SUPPORT_LIMITS.messagesPerMinute} messages in a minute.
 *
 * ## `MemoryAdapter` options read by memory-support.ts (from `core.options`)
 * - `agentDelayMs`: `number | [min, max]`, the virtual agent's (and a simulated operator's or store's) "typing"
 *   time before an answer, ms. Default `[700, 1600]`; `0` in tests (the typing event still comes first).
 * - `operatorStatus`: `'online' | 'away' | 'offline'`, a fixed status of the human operators (overrides `operatorHours`).
 * - `operatorHours`: `{ from: number; to: number; days?: number[]; timeZone?: string }`, the operators' shift in
 *   hours of the day (`from` inclusive, `to` exclusive; `to < from` wraps past midnight), on `days`
 *   (0 = Sunday; default every day), in `timeZone` (default `'UTC'`). Default `{ from: 8, to: 20 }`, UTC.
 *   Outside it the operators are `offline`; in its last 15 minutes `away`.
 * - `operatorName`: the simulated operator's display name. Default per locale (`Maria`, `Мария`, `Мария`).
 * - `seedStoreConversations`: `false` to not seed the two store conversations of a signed-in person. Default `true`.
 * - `supportConsole`: a `createSupportConsole()` (support-agent/console.ts), for tests and demos: the operators'
 *   side (post as the operator or the store, set a status, list every conversation) and live switches of
 *   `operatorStatus` and `agentDelayMs`.
 * - The adapter's own `now`, `latency` and `failNext(code, { method })` apply to every method here.
 */
import type { CallOptions } from './types.js';

/** What a support conversation is about; the topic buttons of `<ae-support>`. */
export type SupportTopic = 'registration' | 'captcha' | 'activation' | 'sign_in' | 'social' | 'orders' | 'other';

/** Every {@link SupportTopic}, in the order of the topic buttons. */
export const SUPPORT_TOPICS: readonly SupportTopic[] = ['registration', 'captcha', 'activation', 'sign_in', 'social', 'orders', 'other'];

/** The UI languages the virtual agent speaks. Another locale is answered in English. */
export type SupportLocale = 'en' | 'ru' | 'bg';

/** `support`: with the marketplace's support (agent, then operator). `store`: with a seller. */
export type ConversationKind = 'support' | 'store';

/**
 * Who answers a conversation now. `bot`: the virtual agent. `queued`: handed to a person, waiting for an
 * operator. `human`: an operator answers. `closed`: finished (a new message reopens it with the agent).
 * Store conversations are always `human`.
 */
export type ConversationStatus = 'bot' | 'queued' | 'human' | 'closed';

/** The author of a message. */
export type MessageAuthor = 'person' | 'agent' | 'operator' | 'store';

/** Whether human operators answer now. The virtual agent itself is always on. */
export type AgentStatus = 'online' | 'away' | 'offline';

/** A conversation, as a list of conversations shows it. */
export interface Conversation {
  /** Opaque and unguessable (at least 20 characters of `[A-Za-z0-9_-]`). */
  id: string;
  kind: ConversationKind;
  /** The support topic; absent for store conversations. */
  topic?: SupportTopic;
  /** A short title in the conversation's language ("Registration", "Заказ №1042"). Text, never markup. */
  title: string;
  /** The seller's name, for `store` conversations. */
  storeName?: string;
  status: ConversationStatus;
  /** The language the agent answers in. */
  locale: SupportLocale;
  /** Messages from others after the last one the person has read ({@link SupportCapability.markRead}). */
  unread: number;
  /** When it was started, epoch ms. */
  createdAt: number;
  /** When its last message came, epoch ms. Lists are sorted by it, newest first. */
  updatedAt: number;
  /** The last message, shortened to at most 140 characters, for a list's preview. Absent when empty. */
  preview?: { from: MessageAuthor; text: string };
}

/** An answer the person can give with one press: sent back as a message with its label as the text. */
export interface QuickReply {
  /** Stable within the message; sent as `quickReplyId` with {@link SendMessageInput}. */
  id: string;
  label: string;
}

/**
 * What an action asks the page to do. `resend_activation`: send the activation letter again (the element calls
 * `resendActivation`). `refresh_captcha`: get a new code from the picture. `open_password_recovery`: show
 * `<ae-forgot-password>`. `open_chat_topic`: start or switch to `topic`. `request_human`: hand the conversation
 * to a person ({@link SupportCapability.requestHuman}). `open_orders`: show the person's orders. `open_sign_in`:
 * show the sign-in form. An element ignores a kind it does not know (new kinds may come).
 */
export type SupportActionKind =
  | 'resend_activation'
  | 'refresh_captcha'
  | 'open_password_recovery'
  | 'open_chat_topic'
  | 'request_human'
  | 'open_orders'
  | 'open_sign_in';

/** Every {@link SupportActionKind}. */
export const SUPPORT_ACTION_KINDS: readonly SupportActionKind[] = [
  'resend_activation',
  'refresh_captcha',
  'open_password_recovery',
  'open_chat_topic',
  'request_human',
  'open_orders',
  'open_sign_in',
];

/** A button under an agent's message that acts in the page. */
export interface SupportAction {
  /** Stable within the message. */
  id: string;
  kind: SupportActionKind;
  /** The button's text, in the conversation's language. */
  label: string;
  /** For `open_chat_topic`: the topic to open. */
  topic?: SupportTopic;
}

/** One message of a conversation. */
export interface SupportMessage {
  /** Opaque, unique across conversations; messages of a conversation sort by `sentAt`, then by order of arrival. */
  id: string;
  conversationId: string;
  from: MessageAuthor;
  /** Plain text (line breaks as `\n`); never markup: render it as text. */
  text: string;
  /** When the server accepted it, epoch ms. */
  sentAt: number;
  /** The display name of an operator or a store (`Maria`, `TechStore`); absent for the person and the agent. */
  authorName?: string;
  /** For the person's messages: the `clientId` it was sent with, so the sender matches its pending copy. */
  clientId?: string;
  /** Agent's messages only: answers offered with one press (stale once a later message came). */
  quickReplies?: QuickReply[];
  /** Agent's and operator's messages only: buttons that act in the page. */
  actions?: SupportAction[];
}

/**
 * What a form tells support about what went wrong. Only these four fields, each only in its form; anything
 * else is dropped by the adapter (never a password, a token, a full address, free text).
 */
export interface SupportContext {
  /** The step: `[a-z][a-z0-9_.-]{0,39}` (`register`, `register.captcha`, `activate`, `login`). */
  step?: string;
  /**
   * Error codes seen, one entry per failure (three wrong captchas: three `captcha_invalid`): each
   * `[a-z][a-z0-9_]{0,39}`, at most 10 (extra ones dropped). The agent reads the adapter's codes
   * (`captcha_invalid`, `captcha_expired`, `email_taken`, `not_activated`, `invalid_credentials`, `rate_limited`,
   * `server`, `timeout`, `network`) and `activation_not_received` (the letter did not come after a resend).
   */
  errorCodes?: string[];
  /** A BCP 47 tag, at most 35 characters (`ru`, `bg-BG`). */
  locale?: string;
  /** The masked address (`i***@example.com`, as src/internal/mask-email.ts makes it): at most 3 characters, `*`s, at most 3 characters, `@`, the domain. */
  maskedEmail?: string;
}

/** What {@link SupportCapability.startConversation} takes. */
export interface StartConversationInput {
  topic: SupportTopic;
  /** The person's address for a reply; required when signed out, ignored when signed in (the profile's is used). */
  email?: string;
  /** The language to answer in (`en`, `ru`, `bg`; others and regional tags map to these, else English). */
  locale: string;
  /** What went wrong; sanitized as {@link SupportContext} says. */
  context?: SupportContext;
}

/** What {@link SupportCapability.listConversations} takes. */
export interface ListConversationsInput {
  /**
   * Ids of conversations the page kept (signed out: the only way to list one). Signed in, ids of conversations
   * started signed out with the profile's address are adopted; unknown ids are ignored.
   */
  ids?: string[];
  /** The language of seeded or generated titles (store conversations of `MemoryAdapter`). */
  locale?: string;
}

/** What {@link SupportCapability.listMessages} takes. */
export interface ListMessagesInput {
  /** Only the messages after this message id; absent: the whole conversation. Unknown id: `validation`. */
  after?: string;
  /**
   * Only the messages of the events after this event id (what a client polls with, from the last event it
   * has seen: {@link MessagePage.lastEventId} or a stream's); a later id than the last: `validation`.
   */
  afterEvent?: string;
}

/** What {@link SupportCapability.listMessages} answers. */
export interface MessagePage {
  /** In order, oldest first (at most the last {@link SUPPORT_LIMITS.pageSize} when `after` is absent). */
  messages: SupportMessage[];
  /** The id of the last event these messages include: pass it to {@link SupportCapability.subscribe}. */
  lastEventId: string;
  /** The conversation's status now. */
  status: ConversationStatus;
}

/** What {@link SupportCapability.sendMessage} takes. */
export interface SendMessageInput {
  /** 1 to {@link SUPPORT_LIMITS.textLength} characters after trimming. */
  text: string;
  /**
   * Made by the sender, unique per message (`[A-Za-z0-9_-]{8,64}`, e.g. `crypto.randomUUID()`): a retry with the
   * same `clientId` in the same conversation returns the message already accepted and adds nothing.
   */
  clientId: string;
  /** When the message is a press of a quick reply of the last agent message. */
  quickReplyId?: string;
}

/** An event of a conversation's stream. */
export type SupportEvent =
  /** A new message, any author (the person's own too: another tab or device may have sent it). */
  | { type: 'message'; eventId: string; message: SupportMessage }
  /** The conversation's status changed (hand-off, operator joined, closed). */
  | { type: 'status'; eventId: string; status: ConversationStatus }
  /** Someone is typing (`true`) or stopped (`false`). Not replayed on resume; a message ends it too. */
  | { type: 'typing'; from: MessageAuthor; typing: boolean; authorName?: string }
  /**
   * The transport's state (HttpAdapter): `live` when the stream is (re)connected, `reconnecting` while it is
   * lost, `polling` when it fell back to polling. MemoryAdapter sends one `live` at once.
   */
  | { type: 'connection'; state: 'live' | 'reconnecting' | 'polling' };

/** What {@link SupportCapability.subscribe} takes. */
export interface SubscribeOptions {
  /** Resume after this event (from {@link MessagePage.lastEventId} or the last event seen); absent: from now. */
  lastEventId?: string;
  /** Ends the subscription when aborted (like calling the returned function). */
  signal?: AbortSignal;
}

/** Ends a subscription. Safe to call twice. */
export type Unsubscribe = () => void;

/** What {@link SupportCapability.agentStatus} answers. */
export interface OperatorAvailability {
  /** Whether human operators answer now (the virtual agent always does). */
  status: AgentStatus;
  /** When `away` or `offline`: when operators are expected back, epoch ms, if known. */
  nextOnlineAt?: number;
  /** When `online` or `away`: the expected wait for an operator, minutes, if known. */
  waitMinutes?: number;
}

/** What {@link SupportCapability.requestHuman} answers. */
export interface HandOff {
  /** The operators' status at the request. */
  availability: OperatorAvailability;
  /** The conversation after it: `queued` when `online` or `away`; still `bot` when `offline`. */
  conversation: Conversation;
}

/** What {@link SupportCapability.leaveOfflineMessage} takes. */
export interface OfflineMessageInput {
  /** Where the reply goes; required when signed out (signed in, absent means the profile's address). */
  email?: string;
  /** The question, 1 to {@link SUPPORT_LIMITS.textLength} characters after trimming. */
  text: string;
  topic: SupportTopic;
  /** The language of the confirmation letter. */
  locale?: string;
  context?: SupportContext;
  /** The conversation it continues, if any (its transcript goes with the question). */
  conversationId?: string;
}

/** What {@link SupportCapability.leaveOfflineMessage} answers. */
export interface OfflineTicket {
  /** The request's number, as the confirmation letter names it (`S-104233`). */
  ticketId: string;
}

/** Support calls. */
export interface SupportCapability {
  /**
   * Starts a support conversation with the virtual agent; the agent's greeting for the topic (and the context)
   * follows as a `message` event after its typing time. Signed out, `email` is required.
   */
  startConversation(input: StartConversationInput, o?: CallOptions): Promise<Conversation>;
  /**
   * The conversations the caller may see, newest first: signed in, the person's support and store conversations;
   * signed out, only those of `ids` started signed out.
   */
  listConversations(input?: ListConversationsInput, o?: CallOptions): Promise<Conversation[]>;
  /** A conversation's messages, oldest first, with the event id to subscribe from. */
  listMessages(conversationId: string, input?: ListMessagesInput, o?: CallOptions): Promise<MessagePage>;
  /**
   * Sends the person's message and resolves with it as accepted. Idempotent by `clientId`: a retry (after a
   * timeout or a lost answer) returns the same message and never adds a second. The answer (agent, operator,
   * store) comes later as events.
   */
  sendMessage(conversationId: string, input: SendMessageInput, o?: CallOptions): Promise<SupportMessage>;
  /**
   * Delivers the conversation's events to `onEvent` until unsubscribed: resolves with the function that ends it
   * once the subscription is set up. With `lastEventId`, first every event after it (no gap, no repeat), then
   * live ones. A stream lost is resumed by the adapter itself (`connection` events say so); `onEvent` is never
   * called after unsubscribing. Rejects like `listMessages` for a conversation the caller may not see.
   */
  subscribe(conversationId: string, onEvent: (event: SupportEvent) => void, o?: SubscribeOptions): Promise<Unsubscribe>;
  /** Marks every message of the conversation up to `upTo` (default: all) as read: its `unread` becomes 0 (or what is after). */
  markRead(conversationId: string, input?: { upTo?: string }, o?: CallOptions): Promise<void>;
  /** Whether human operators answer now. */
  agentStatus(o?: CallOptions): Promise<OperatorAvailability>;
  /**
   * Asks for a person. `online`: the conversation is `queued`, then `human` with an operator's greeting (events).
   * `away`: `queued`, an operator answers later. `offline`: the status stays `bot` and the agent says so in a
   * message; offer {@link leaveOfflineMessage}. Asked again while `queued` or `human`: changes nothing.
   * A store conversation rejects `validation`.
   */
  requestHuman(conversationId: string, o?: CallOptions): Promise<HandOff>;
  /** Leaves a question for a reply by letter; a `support` confirmation letter goes to the address at once. */
  leaveOfflineMessage(input: OfflineMessageInput, o?: CallOptions): Promise<OfflineTicket>;
}

/** The methods that make the support capability (what `requireCapability` checks and the adapters route). */
export const SUPPORT_METHODS = [
  'startConversation',
  'listConversations',
  'listMessages',
  'sendMessage',
  'subscribe',
  'markRead',
  'agentStatus',
  'requestHuman',
  'leaveOfflineMessage',
] as const satisfies readonly (keyof SupportCapability)[];

/** The contract's limits (the same in the OpenAPI document). */
export const SUPPORT_LIMITS = {
  /** A message's or offline question's length, characters after trimming. */
  textLength: 2000,
  /** Messages a person may send per minute, across conversations. */
  messagesPerMinute: 20,
  /** Messages `listMessages` returns without `after` (the latest ones). */
  pageSize: 200,
  /** Ids `listConversations` takes. */
  ids: 20,
} as const;
