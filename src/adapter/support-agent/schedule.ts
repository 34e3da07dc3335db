/**
 * The simulated operators' availability of `MemoryAdapter` (options `operatorStatus`, `operatorHours`).
 */
import type { AgentStatus, OperatorAvailability } from '../support-types.js';

export interface OperatorHours {
  /** First hour of the shift, 0–23 (inclusive). */
  from: number;
  /** Hour the shift ends, 1–24 (exclusive); below `from`: past midnight. */
  to: number;
  /** Days of the week the shift starts on, 0 = Sunday; default every day. */
  days?: readonly number[];
  /** IANA time zone of the hours; default `UTC`. */
  timeZone?: string;
}

export const DEFAULT_HOURS: OperatorHours = { from: 8, to: 20 };
/** The last minutes of a shift, when operators are `away` (busy finishing). */
const AWAY_BEFORE_END_MIN = 15;
const WAIT_ONLINE_MIN = 2;
const WAIT_AWAY_MIN = 15;
const STEP_MS = 15 * 60 * 1000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const formats = new Map<string, Intl.DateTimeFormat>();
function localTime(at: number, timeZone: string): { day: number; minute: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS.indexOf(String(parts.weekday)), minute: (Number(parts.hour) % 24) * 60 + Number(parts.minute) };
}

/** Minutes until the end of the shift that `at` falls in, or undefined when off shift. */
function minutesLeft(hours: OperatorHours, at: number): number | undefined {
  const { day, minute } = localTime(at, hours.timeZone ?? 'UTC');
  const from = hours.from * 60;
  const to = hours.to * 60;
  const days = hours.days ?? [0, 1, 2, 3, 4, 5, 6];
  if (from < to) return days.includes(day) && minute >= from && minute < to ? to - minute : undefined;
  // Past midnight: the evening part belongs to today's shift, the morning part to yesterday's.
  if (minute >= from && days.includes(day)) return 24 * 60 - minute + to;
  if (minute < to && days.includes((day + 6) % 7)) return to - minute;
  return undefined;
}

function validHours(value: unknown): OperatorHours | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const h = value as Partial<OperatorHours>;
  const ok = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;
  if (!ok(h.from, 0, 23) || !ok(h.to, 1, 24) || h.from === h.to) return undefined;
  return h as OperatorHours;
}

export function isAgentStatus(value: unknown): value is AgentStatus {
  return value === 'online' || value === 'away' || value === 'offline';
}

/** The availability at `at`, from a fixed status or the hours. */
export function availabilityAt(at: number, options: { operatorStatus?: unknown; operatorHours?: unknown }): OperatorAvailability {
  const hours = validHours(options.operatorHours) ?? DEFAULT_HOURS;
  let status: AgentStatus;
  if (isAgentStatus(options.operatorStatus)) status = options.operatorStatus;
  else {
    const left = minutesLeft(hours, at);
    status = left === undefined ? 'offline' : left <= AWAY_BEFORE_END_MIN ? 'away' : 'online';
  }
  if (status === 'online') return { status, waitMinutes: WAIT_ONLINE_MIN };
  if (status === 'away') return { status, waitMinutes: WAIT_AWAY_MIN };
  if (isAgentStatus(options.operatorStatus)) return { status };
  // The next start of a shift, to the quarter hour, within a week.
  const start = Math.ceil(at / STEP_MS) * STEP_MS;
  for (let t = start; t < at + 8 * 24 * 60 * 60 * 1000; t += STEP_MS) {
    if (minutesLeft(hours, t) !== undefined) return { status, nextOnlineAt: t };
  }
  return { status };
}
