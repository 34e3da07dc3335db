import { isAbortError, isAdapterError } from '../adapter/adapter-error.js';
import type { AdapterErrorCode } from '../adapter/adapter-error.js';

/** A failed adapter call as an element shows it. */
export interface Failure {
  code: AdapterErrorCode;
  /** For `rate_limited`: seconds until a retry may succeed. */
  retryAfter?: number;
  field?: string;
  fieldErrors?: Record<string, string>;
}

/**
 * The one mapping from whatever a call rejected with to what the elements show: an `AdapterError` as it is;
 * an abort that the element did not ask for, or a `TimeoutError` (`AbortSignal.timeout()` in a custom
 * adapter), is `timeout`; anything else is `server`.
 */
export function failureOf(error: unknown): Failure {
  if (isAdapterError(error)) {
    // A setup mistake of the page, not of the person: the page's developer reads why in the console.
    if (error.code === 'unsupported') console.error(`ae-auth-elements: ${error.message}`);
    const f: Failure = { code: error.code };
    if (error.retryAfter !== undefined) f.retryAfter = error.retryAfter;
    if (error.field !== undefined) f.field = error.field;
    if (error.fieldErrors !== undefined) f.fieldErrors = error.fieldErrors;
    return f;
  }
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return { code: isAbortError(error) || name === 'TimeoutError' ? 'timeout' : 'server' };
}
