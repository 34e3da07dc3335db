/**
 * The context support keeps (see `SupportContext` in ../support-types.ts): the four fields, each only in its
 * form; everything else (a password, a token, an unmasked address, free text) is dropped.
 */
import type { SupportContext, SupportLocale } from '../support-types.js';

const STEP = /^[a-z][a-z0-9_.-]{0,39}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/;
const MASKED = /^[^\s@*]{0,3}\*+[^\s@*]{0,3}@[^\s@]{1,253}$/;

/** The kept context, or undefined when nothing is left. */
export function sanitizeSupportContext(context: unknown): SupportContext | undefined {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return undefined;
  const c = context as Record<string, unknown>;
  const out: SupportContext = {};
  if (typeof c.step === 'string' && STEP.test(c.step)) out.step = c.step;
  if (Array.isArray(c.errorCodes)) {
    const codes = c.errorCodes.filter((x): x is string => typeof x === 'string' && CODE.test(x)).slice(0, 10);
    if (codes.length > 0) out.errorCodes = codes;
  }
  if (typeof c.locale === 'string' && c.locale.length <= 35 && LOCALE.test(c.locale)) out.locale = c.locale;
  if (typeof c.maskedEmail === 'string' && c.maskedEmail.length <= 260 && MASKED.test(c.maskedEmail)) out.maskedEmail = c.maskedEmail;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The agent's language for a BCP 47 tag (`ru-RU` → `ru`), English for any other. */
export function supportLocaleOf(tag: string | undefined): SupportLocale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'ru' || base === 'bg' ? base : 'en';
}
