import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { secondsText } from './units.js';

/**
 * Texts for a call that failed on the way (no connection, no answer, too many attempts), shared by every
 * element so that one failure reads the same everywhere. What to do next (a "Try again" button, a countdown)
 * is the element's part; a server failure's wording depends on what the element keeps, so it stays there.
 */
export function connectionFailureText(code: 'network' | 'timeout'): string {
  return code === 'network'
    ? msg('No connection. Check the internet and try again.', {
        id: 'error.network',
        desc: 'The server could not be reached (any form or button that calls the server). A "Try again" button follows.',
      })
    : msg('The server is not responding. Try again in a moment.', {
        id: 'error.timeout',
        desc: 'The server did not answer in time (any form or button that calls the server). A "Try again" button follows.',
      });
}

/**
 * The element met an adapter without the capability it needs (a custom adapter made for other pages): nothing
 * the person can fix, so it says what happens, and the console says why.
 */
export function unsupportedText(): string {
  return msg('This form cannot work on this page yet. Please contact the site’s support.', {
    id: 'error.unsupported',
    desc: 'The site connected this form to a backend that does not offer what it needs (a setup mistake of the site).',
  });
}

/** "Too many attempts, wait 30 seconds and try again" (or without a time when the server gave none). */
export function rateLimitedText(retryAfter?: number): string {
  return retryAfter
    ? msg(str`Too many attempts, wait ${secondsText(retryAfter)} and try again`, {
        id: 'error.rateLimited',
        desc: 'The server limits attempts; the placeholder is a duration after "wait" ("30 seconds", ru accusative).',
      })
    : msg('Too many attempts, wait a little and try again', {
        id: 'error.rateLimitedNoTime',
        desc: 'The server limits attempts and gave no waiting time.',
      });
}

/**
 * The text under a refused call while its "Try again" waits for the time the server asked for: the seconds
 * left, then that the wait is over (or, when the server named no time, to wait a little).
 */
export function retryWaitText(left: number, timed: boolean): string {
  return left > 0 || !timed
    ? rateLimitedText(left)
    : msg('Too many attempts. You can try again now.', {
        id: 'error.rateLimitedOver',
        desc: 'The wait the server asked for after too many attempts is over; a "Try again" button follows.',
      });
}
