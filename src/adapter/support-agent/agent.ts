/**
 * The virtual agent of `MemoryAdapter`: a small rule-based assistant. It recognises what a message is about
 * from the words used, in English, Russian or Bulgarian (with their inflected forms), answers in the
 * language the person writes in, and says so when it does not understand, offering a person.
 */
import type { QuickReply, SupportAction, SupportContext, SupportLocale, SupportTopic } from '../support-types.js';
import { bg } from './bg.js';
import { en } from './en.js';
import type { AgentLanguage, Intent, ReplyTemplate } from './language.js';
import { ru } from './ru.js';

export type { Intent } from './language.js';

export const LANGUAGES: Readonly<Record<SupportLocale, AgentLanguage>> = { en, ru, bg };

/** What the agent remembers of a conversation (kept with it, server-side). */
export interface AgentMemory {
  lastIntent?: Intent;
  /** Messages not understood in a row. */
  unknownInRow: number;
}

/** One message of the agent. */
export interface AgentTurn {
  text: string;
  quickReplies?: QuickReply[];
  actions?: SupportAction[];
  /** What it answered: an intent, `greeting`, `ask` (topic `other`), or `unknown`. */
  intent: Intent | 'greeting' | 'ask' | 'unknown';
  locale: SupportLocale;
}

/** Tie-breaking order: specific before general, courtesy last. */
const PRIORITY: readonly Intent[] = [
  'email_taken',
  'latin_no_passport',
  'wrong_address',
  'resend',
  'link_expired',
  'not_activated',
  'locked',
  'captcha_still',
  'letter_still',
  'captcha',
  'letter_missing',
  'latin_names',
  'social',
  'password',
  'human',
  'orders',
  'sign_in',
  'registration',
  'hello',
  'thanks',
];

/** The intents a topic is about: preferred when scores tie. */
const TOPIC_INTENTS: Readonly<Record<SupportTopic, readonly Intent[]>> = {
  registration: ['registration', 'captcha', 'latin_names', 'letter_missing', 'email_taken'],
  captcha: ['captcha', 'captcha_still'],
  activation: ['letter_missing', 'letter_still', 'resend', 'link_expired', 'wrong_address', 'not_activated'],
  sign_in: ['password', 'sign_in', 'locked', 'not_activated'],
  social: ['social'],
  orders: ['orders'],
  other: [],
};

/** The first answer of a topic. */
const TOPIC_START: Readonly<Record<SupportTopic, Intent | 'ask'>> = {
  registration: 'registration',
  captcha: 'captcha',
  activation: 'letter_missing',
  sign_in: 'sign_in',
  social: 'social',
  orders: 'orders',
  other: 'ask',
};

/** Lower case, `ё` as `е`, one space between words. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/[\s\u00a0]+/g, ' ').trim();
}

const BG_WORDS =
  /(?<![а-я])(не е|съм|сте|ми е|какво|защо|искам|мога|писмото|писмо|парола|паролата|имейл|имейла|дойде|дошло|няма|нямам|пак|още|вече|трябва|кога|поръчка|поръчката|благодаря|здравейте|получих|получавам|се получава|картинката|става|кирилица|името|приема|ми|пише|грешен|грешна|къде|защо)(?![а-я])/g;
const RU_WORDS =
  /(?<![а-я])(что|пароль|почта|почту|почте|письмо|письма|пришло|могу|хочу|нет|уже|еще|снова|когда|заказ|спасибо|здравствуйте|получается|приходит|пожалуйста|картинки|подходит|кириллицей|латиницей|пишу|принимает|работает|надо|пишет|где|мой|мне|почему)(?![а-я])/g;

/**
 * The language a message is written in, when it can tell: Cyrillic is Russian or Bulgarian by their own
 * letters and words; Latin is English only when there is enough of it (a "vk" or "ok" decides nothing).
 */
export function detectLanguage(raw: string): SupportLocale | undefined {
  const text = raw.toLowerCase();
  const cyrillic = (text.match(/[а-яёѝ]/g) ?? []).length;
  const latin = (text.match(/[a-z]/g) ?? []).length;
  if (cyrillic === 0) return latin >= 12 ? 'en' : undefined;
  if (latin > cyrillic * 2 && latin >= 12) return 'en';
  let bgScore = (text.match(/ъ|ѝ/g) ?? []).length * 2 + (text.match(BG_WORDS) ?? []).length;
  let ruScore = (text.match(/[ыэё]/g) ?? []).length * 2 + (text.match(/ь(?!о)/g) ?? []).length + (text.match(RU_WORDS) ?? []).length;
  // Russian's few hard signs (объявление, подъезд) are not Bulgarian's.
  bgScore -= (text.match(/(об|под|раз|с|от|из|в)ъ[еёяю]/g) ?? []).length * 2;
  ruScore += (text.match(/(об|под|раз|с|от|из|в)ъ[еёяю]/g) ?? []).length;
  if (bgScore > ruScore) return 'bg';
  if (ruScore > bgScore) return 'ru';
  return undefined;
}

/** What a message is about, or undefined. `lastIntent` lets follow-ups ("still not working") be seen as such. */
export function classify(text: string, options: { lastIntent?: Intent; topic?: SupportTopic } = {}): Intent | undefined {
  const t = normalize(text);
  if (t === '') return undefined;
  let best: Intent | undefined;
  let bestScore = 0;
  for (const intent of PRIORITY) {
    let score = 0;
    for (const language of [en, ru, bg]) {
      const recogniser = language.recognisers[intent];
      let own = 0;
      for (const entry of recogniser.patterns) {
        const [pattern, weight] = entry instanceof RegExp ? [entry, 1] : entry;
        if (pattern.test(t)) own += weight;
      }
      if (own > 0 && recogniser.after) {
        // A follow-up counts only after its answer, unless it says itself clearly enough.
        if (options.lastIntent !== undefined && recogniser.after.includes(options.lastIntent)) own += 2;
        else if (own < 3) own = 0;
      }
      score = Math.max(score, own);
    }
    if (score === 0) continue;
    if (options.topic && TOPIC_INTENTS[options.topic].includes(intent)) score += 0.5;
    // PRIORITY order breaks the remaining ties: the first one met stays.
    if (score > bestScore) {
      best = intent;
      bestScore = score;
    }
  }
  return best;
}

function turn(template: ReplyTemplate, intent: AgentTurn['intent'], locale: SupportLocale, before: readonly string[] = [], extra: readonly SupportAction[] = []): AgentTurn {
  const result: AgentTurn = { text: [...before, template.text].join('\n\n'), intent, locale };
  if (template.quickReplies?.length) result.quickReplies = template.quickReplies.map(([id, label]) => ({ id, label }));
  const actions: SupportAction[] = (template.actions ?? []).map((a, i) => ({ id: `a${i + 1}`, kind: a.kind, label: a.label, ...(a.topic ? { topic: a.topic } : {}) }));
  for (const action of extra) if (!actions.some((a) => a.kind === action.kind)) actions.push({ ...action, id: `a${actions.length + 1}` });
  if (actions.length) result.actions = actions;
  return result;
}

function templateOf(language: AgentLanguage, intent: Intent, signedIn: boolean): ReplyTemplate {
  return intent === 'orders' && !signedIn ? language.ordersSignedOut : language.replies[intent];
}

/**
 * The opening of a support conversation: the greeting, then the topic's first answer, adjusted to what the
 * form said went wrong (the context).
 */
export function openingTurns(input: {
  topic: SupportTopic;
  locale: SupportLocale;
  context?: SupportContext;
  firstName?: string;
  signedIn: boolean;
  memory: AgentMemory;
}): AgentTurn[] {
  const language = LANGUAGES[input.locale];
  const codes = input.context?.errorCodes ?? [];
  const before: string[] = [];
  const extra: SupportAction[] = [];
  let start: Intent | 'ask' = TOPIC_START[input.topic];
  const captchaFailures = codes.filter((c) => c === 'captcha_invalid' || c === 'captcha_expired').length;
  if (captchaFailures >= 2) {
    before.push(language.context.captchaFailed(captchaFailures));
    if (start === 'registration' || start === 'ask') start = 'captcha';
  }
  if (codes.includes('activation_not_received')) {
    before.push(language.context.letterNotArrived);
    if (start === 'registration' || start === 'letter_missing' || start === 'ask') start = 'letter_still';
  }
  if (codes.includes('email_taken') && (start === 'registration' || start === 'ask')) start = 'email_taken';
  if (codes.includes('not_activated') && (start === 'sign_in' || start === 'ask')) start = 'not_activated';
  if (codes.includes('rate_limited') && (start === 'sign_in' || start === 'ask')) start = 'locked';
  if (codes.includes('invalid_credentials') && (start === 'sign_in' || start === 'ask')) start = 'password';
  if (codes.includes('server') || codes.includes('timeout')) {
    before.push(language.context.serverFailed);
    extra.push({ id: '', kind: 'request_human', label: language.replies.human.actions?.[0]?.label ?? '' });
  } else if (codes.includes('network')) before.push(language.context.networkFailed);
  const masked = input.context?.maskedEmail;
  if (masked && (start === 'letter_missing' || start === 'letter_still' || start === 'not_activated')) before.push(language.context.sentTo(masked));

  const greeting: AgentTurn = { text: language.greeting(input.firstName), intent: 'greeting', locale: input.locale };
  if (start === 'ask') {
    input.memory.lastIntent = undefined;
    return [greeting, turn(language.askWhat, 'ask', input.locale, before, extra)];
  }
  input.memory.lastIntent = start;
  return [greeting, turn(templateOf(language, start, input.signedIn), start, input.locale, before, extra)];
}

/**
 * The agent's answer to the person's message. `quickReplyId` (a press of a quick reply the agent offered)
 * decides the intent; otherwise the words do. Answers in the language of the message when it can tell,
 * else in the conversation's.
 */
export function answer(input: {
  text: string;
  quickReplyId?: string;
  locale: SupportLocale;
  topic?: SupportTopic;
  signedIn: boolean;
  memory: AgentMemory;
}): AgentTurn {
  const pressed = input.quickReplyId !== undefined && input.quickReplyId in en.replies ? (input.quickReplyId as Intent) : undefined;
  let locale = pressed ? input.locale : (detectLanguage(input.text) ?? input.locale);
  // Cyrillic that does not say which language, in an English conversation: Russian, the more likely one.
  if (locale === 'en' && !pressed && /[а-яё]/i.test(input.text)) locale = 'ru';
  const language = LANGUAGES[locale];
  const intent = pressed ?? classify(input.text, { lastIntent: input.memory.lastIntent, topic: input.topic });
  if (intent === undefined) {
    input.memory.unknownInRow += 1;
    return turn(input.memory.unknownInRow >= 2 ? language.fallbackAgain : language.fallback, 'unknown', locale);
  }
  input.memory.unknownInRow = 0;
  input.memory.lastIntent = intent;
  return turn(templateOf(language, intent, input.signedIn), intent, locale);
}
