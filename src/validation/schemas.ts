/**
 * Every validation rule of the library, as zod/mini schemas. Elements and adapters never re-implement a rule:
 * they run these schemas and turn the resulting codes into text at render time.
 *
 * Each failed check carries a stable code as its `message` (`name.cyrillic`) and, where useful, `params`
 * (`{ suggestion: 'Shishkov' }`). zod's global configuration is never touched: the host page owns it.
 */
import * as z from 'zod/mini';
import { hasCyrillic, transliterateNameSync } from '../translit/translit.js';
import type { TranslitSystem } from '../translit/translit.js';
import { captchaAnswerIssue } from './captcha-rule.js';

/** The WHATWG HTML "valid e-mail address" (what `<input type=email>` accepts). */
export const EMAIL_PATTERN = z.regexes.html5Email;
export { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_DEFAULTS } from './limits.js';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_DEFAULTS } from './limits.js';
/** Latin letters, parts joined by one space, hyphen or apostrophe. */
export const NAME_PATTERN = /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/;

type Ctx = { value: string; issues: z.core.$ZodRawIssue[] };

function fail(ctx: Ctx, code: string, params?: Record<string, unknown>): void {
  ctx.issues.push({ code: 'custom', message: code, input: ctx.value, ...(params ? { params } : {}) });
}

/** E-mail: required, WHATWG-valid, at most 254 characters. Surrounding spaces are trimmed. */
export const emailSchema = /* @__PURE__ */ z.string().check(
  z.trim(),
  z.check<string>((ctx) => {
    const v = ctx.value;
    if (v === '') return fail(ctx, 'email.required');
    if (v.length > EMAIL_MAX_LENGTH) return fail(ctx, 'email.tooLong', { max: EMAIL_MAX_LENGTH });
    if (!EMAIL_PATTERN.test(v)) fail(ctx, 'email.invalid');
  }),
);

/**
 * A first or last name as in the foreign passport. Cyrillic gives `name.cyrillic` with a transliteration
 * `suggestion` (in the given system); any other non-Latin character gives `name.latinOnly`, with a suggestion
 * where one exists (José → Jose).
 */
export function nameSchema(system: TranslitSystem = 'ru') {
  return z.string().check(
    z.trim(),
    z.check<string>((ctx) => {
      const v = ctx.value;
      if (v === '') return fail(ctx, 'name.required');
      if (NAME_PATTERN.test(v)) {
        if (v.length > NAME_MAX_LENGTH) fail(ctx, 'name.tooLong', { max: NAME_MAX_LENGTH });
        return;
      }
      // A text this long can have no usable spelling (each letter gives at least one): no transliteration of a
      // pasted page on every keystroke.
      const suggestion = v.length > NAME_MAX_LENGTH * 4 ? '' : transliterateNameSync(v, system);
      const usable = suggestion !== '' && suggestion !== v && suggestion.length <= NAME_MAX_LENGTH;
      const params = usable ? { suggestion } : undefined;
      if (hasCyrillic(v)) return fail(ctx, 'name.cyrillic', params);
      // Only separators out of place ("Anna--Maria", "-Anna"): not a matter of the alphabet.
      if (/^[A-Za-z '-]+$/.test(v)) return fail(ctx, 'name.format', params);
      fail(ctx, 'name.latinOnly', params);
    }),
  );
}

export interface PasswordRules {
  minLength?: number;
  maxLength?: number;
}

/** Password: min 8 / max 128 by default (configurable), at least one letter and one digit. Never trimmed. */
export function passwordSchema(rules: PasswordRules = {}) {
  const min = rules.minLength ?? PASSWORD_DEFAULTS.minLength;
  const max = rules.maxLength ?? PASSWORD_DEFAULTS.maxLength;
  return z.string().check(
    z.check<string>((ctx) => {
      const v = ctx.value;
      if (v === '') return fail(ctx, 'password.required');
      if (v.length < min) return fail(ctx, 'password.tooShort', { min });
      if (v.length > max) return fail(ctx, 'password.tooLong', { max });
      if (!/\p{L}/u.test(v)) return fail(ctx, 'password.letter');
      if (!/\p{Nd}/u.test(v)) fail(ctx, 'password.digit');
    }),
  );
}

/** The captcha answer: required, kept exactly as typed (case matters, nothing trimmed). */
export const captchaAnswerSchema = /* @__PURE__ */ z.string().check(
  z.check<string>((ctx) => {
    const issue = captchaAnswerIssue(ctx.value);
    if (issue) fail(ctx, issue.code);
  }),
);

/** The repeated password must equal the password (checked on the pair, reported on `passwordRepeat`). */
export const passwordRepeatSchema = /* @__PURE__ */ z
  .object({ password: z.string(), passwordRepeat: z.string() })
  .check(
    z.check((ctx) => {
      const { password, passwordRepeat } = ctx.value;
      const code =
        passwordRepeat === '' ? 'passwordRepeat.required' : password !== passwordRepeat ? 'passwordRepeat.mismatch' : '';
      if (code) ctx.issues.push({ code: 'custom', message: code, input: '', path: ['passwordRepeat'] });
    }),
  );

export interface RegistrationRules extends PasswordRules {
  /** Transliteration system for name suggestions. */
  translit?: TranslitSystem;
}

/** One schema per registration field; `validateRegistration` runs them all. */
export function registrationSchemas(rules: RegistrationRules = {}) {
  return {
    email: emailSchema,
    firstName: nameSchema(rules.translit),
    lastName: nameSchema(rules.translit),
    password: passwordSchema(rules),
    captcha: captchaAnswerSchema,
  } as const;
}
