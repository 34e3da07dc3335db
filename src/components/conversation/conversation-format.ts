import { todayText, yesterdayText } from './conversation-texts.js';

/** Formatters per locale, made once: Intl constructors are slow and a chat formats every message. */
const times = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, Intl.DateTimeFormat>();
const daysWithYear = new Map<string, Intl.DateTimeFormat>();

function formatter(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(locale, f);
  }
  return f;
}

/** "3:04 PM", "15:04", "15:04 ч.": the time of a message in the locale's own form. */
export function timeText(at: number, locale: string): string {
  return formatter(times, locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** The local calendar day of `at`, as a key to group messages by. */
export function dayKey(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

/** "Today", "Yesterday", "12 March", "12 March 2025" (the year only when it is not this one). */
export function dayText(at: number, locale: string, now = Date.now()): string {
  const key = dayKey(at);
  if (key === dayKey(now)) return todayText();
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (key === dayKey(yesterday.getTime())) return yesterdayText();
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return sameYear
    ? formatter(days, locale, { day: 'numeric', month: 'long' }).format(at)
    : formatter(daysWithYear, locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(at);
}
