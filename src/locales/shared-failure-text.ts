import { connectionFailureText, rateLimitedText, unsupportedText } from './failure-messages.js';

/**
 * The words every element uses for the failures a person cannot mend in the form: no connection or no answer,
 * too many attempts, an adapter without the capability. `undefined` for any other failure: the element says it
 * in its own words (what it keeps, what to do).
 *
 * A module of its own, beside failure-messages.ts: the forms' first load imports that module, and a function
 * added there that only lazily loaded elements call would still ride in the forms' first load (a bundler keeps a
 * shared module whole in the chunk that loads it first).
 */
export function sharedFailureText(f: { code: string; retryAfter?: number }): string | undefined {
  switch (f.code) {
    case 'network':
    case 'timeout':
      return connectionFailureText(f.code);
    case 'rate_limited':
      return rateLimitedText(f.retryAfter);
    case 'unsupported':
      return unsupportedText();
    default:
      return undefined;
  }
}
