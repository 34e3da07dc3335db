import type { ValidationIssue } from './validate.js';

/**
 * The captcha answer rule, written once as a plain predicate: the zod `captchaAnswerSchema` is built on it,
 * and `<ae-captcha>` uses it directly, so the standalone captcha does not carry zod (its size budget is
 * 10 kB gzip with Lit). The answer is kept exactly as typed: case matters, nothing is trimmed.
 */
export function captchaAnswerIssue(value: string): ValidationIssue | undefined {
  return value.trim() === '' ? { code: 'captcha.required' } : undefined;
}
