/**
 * The shape of one language of the virtual agent (en.ts, ru.ts, bg.ts): what it recognises and what it says.
 * The texts are server-side content (what a support backend would send), written per language by hand,
 * not UI strings: they do not go through `msg()`.
 */
import type { SupportActionKind, SupportTopic } from '../support-types.js';

/** What the agent can recognise in a message. */
export type Intent =
  | 'registration'
  | 'captcha'
  | 'captcha_still'
  | 'latin_names'
  | 'latin_no_passport'
  | 'letter_missing'
  | 'letter_still'
  | 'wrong_address'
  | 'resend'
  | 'link_expired'
  | 'email_taken'
  | 'social'
  | 'password'
  | 'sign_in'
  | 'not_activated'
  | 'locked'
  | 'orders'
  | 'human'
  | 'thanks'
  | 'hello';

/** An action button of a reply (the engine gives it its id). */
export interface ActionTemplate {
  kind: SupportActionKind;
  label: string;
  topic?: SupportTopic;
}

/** One answer: the text (`\n` between lines), quick replies (intents with the person's words), actions. */
export interface ReplyTemplate {
  text: string;
  quickReplies?: readonly (readonly [Intent, string])[];
  actions?: readonly ActionTemplate[];
}

/**
 * A recogniser: patterns tried on the message lower-cased, with `ё` as `е` and runs of spaces as one.
 * Each matching pattern adds its weight (default 1); `after` intents give a bonus of 2 when the previous answer
 * was one of them (a follow-up such as "still does not work").
 */
export interface Recogniser {
  patterns: readonly (RegExp | readonly [RegExp, number])[];
  after?: readonly Intent[];
}

export interface AgentLanguage {
  /** The greeting that opens a support conversation; `firstName` when signed in. */
  greeting(firstName: string | undefined): string;
  /** Each intent's answer; `orders` has a signed-out variant. */
  replies: Record<Intent, ReplyTemplate>;
  ordersSignedOut: ReplyTemplate;
  /** For the topic `other`: asks what happened. */
  askWhat: ReplyTemplate;
  /** A message not understood; the second in a row: `fallbackAgain`. */
  fallback: ReplyTemplate;
  fallbackAgain: ReplyTemplate;
  recognisers: Record<Intent, Recogniser>;
  /** Lines put before the topic's first answer, from the form's context. */
  context: {
    captchaFailed(times: number): string;
    serverFailed: string;
    networkFailed: string;
    letterNotArrived: string;
    sentTo(maskedEmail: string): string;
  };
  topicTitles: Record<SupportTopic, string>;
  /** The agent's messages of a hand-off, and the simulated operator's. */
  handOff: {
    online(minutes: number): string;
    away(minutes: number): string;
    offline: string;
    operatorGreeting(name: string): string;
    operatorAck: string;
    defaultOperatorName: string;
  };
  /** A store's automatic answer to the person's message. */
  storeAutoReply: string;
  /** The `support` letter that confirms an offline question. */
  offlineLetter: {
    subject(ticketId: string): string;
    text(input: { firstName: string; ticketId: string; question: string }): string;
  };
  /** The seeded store conversations of a signed-in person (MemoryAdapter), oldest message first. */
  seeds: readonly SeedConversation[];
}

export interface SeedConversation {
  storeName: string;
  title: string;
  /** `ago`: how long before the first listing, ms. */
  messages: readonly { from: 'person' | 'store'; text: string; ago: number }[];
  /** How many of the last messages are unread. */
  unread: number;
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
