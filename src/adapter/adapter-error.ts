/** Every failure code an adapter may report. One union, shared by all adapters and elements. */
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
  | 'unsupported';

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
