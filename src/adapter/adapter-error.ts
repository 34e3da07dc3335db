/**
 * Every failure code an adapter may report. One union, shared by all adapters and elements.
 * Social sign-in: `denied` (the person refused the provider's consent), `state_mismatch` (a callback that
 * does not belong to the flow started), `email_in_use` (the provider's address belongs to a profile that must
 * sign in with its password first), `last_sign_in_method` (unlinking would leave no way to sign in).
 * Account: `reauth_required` (the call needs the password again), `not_found` (no such order, address,
 * conversation), `forbidden` (signed out, or not the person's own record; also a refused CSRF check).
 */
export type AdapterErrorCode =
  | 'email_taken'
  | 'captcha_invalid'
  | 'captcha_expired'
  | 'token_invalid'
  | 'token_expired'
  | 'already_active'
  | 'token_used'
  | 'invalid_credentials'
  | 'not_activated'
  | 'captcha_required'
  | 'rate_limited'
  | 'validation'
  | 'network'
  | 'timeout'
  | 'server'
  | 'unsupported'
  | 'denied'
  | 'state_mismatch'
  | 'email_in_use'
  | 'reauth_required'
  | 'not_found'
  | 'forbidden'
  | 'last_sign_in_method';

export const ADAPTER_ERROR_CODES: readonly AdapterErrorCode[] = [
  'email_taken',
  'captcha_invalid',
  'captcha_expired',
  'token_invalid',
  'token_expired',
  'already_active',
  'token_used',
  'invalid_credentials',
  'not_activated',
  'captcha_required',
  'rate_limited',
  'validation',
  'network',
  'timeout',
  'server',
  'unsupported',
  'denied',
  'state_mismatch',
  'email_in_use',
  'reauth_required',
  'not_found',
  'forbidden',
  'last_sign_in_method',
];

export interface AdapterErrorOptions {
  /** The form field the error belongs to (`email` for `email_taken`). */
  field?: string;
  /** For `rate_limited`: seconds until a retry may succeed. */
  retryAfter?: number;
  /** For `validation`: a validation code per field (`{ email: 'email.invalid' }`). */
  fieldErrors?: Record<string, string>;
  cause?: unknown;
}

/** The one error type adapters reject with (besides an `AbortError` for aborted calls). */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly field?: string;
  readonly retryAfter?: number;
  readonly fieldErrors?: Record<string, string>;

  constructor(code: AdapterErrorCode, message?: string, options: AdapterErrorOptions = {}) {
    super(message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.field !== undefined) this.field = options.field;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors;
  }
}

export function isAdapterError(value: unknown): value is AdapterError {
  return (
    value instanceof AdapterError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'AdapterError' &&
      ADAPTER_ERROR_CODES.includes((value as { code: AdapterErrorCode }).code))
  );
}

export { isAbortError } from './is-abort-error.js';
