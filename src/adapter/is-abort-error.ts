/**
 * Whether a rejection is an aborted call (an `AbortError`, as `fetch` and our adapters reject with). A module
 * of its own: `<ae-captcha>` needs only this, and importing it must not bring the `AdapterError` class (which
 * the lazily loaded adapters share) into the captcha's first load.
 */
export function isAbortError(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === 'AbortError';
}
