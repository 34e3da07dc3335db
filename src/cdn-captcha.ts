/**
 * The captcha's own CDN file, dist/cdn/captcha.js (rollup.cdn.config.mjs): `<ae-captcha>` for a form of the
 * page's own, with one `<script type="module">` and no other ae-* element, the way ALTCHA's widget file is used.
 * The elements' file (src/cdn.ts) defines `<ae-register>` at once so that a sign-up page needs one request; a page
 * with only the captcha would download the whole form with it (28 kB gzip before the field, against 12 here).
 *
 * Everything the captcha shows is in this one file in every language: the Russian and Bulgarian texts of its
 * static and lazy parts (src/locales/generated/ru-captcha.ts, bg-captcha.ts, written by
 * scripts/build/locale-parts.mjs) come with it, and the page's language (`<html lang>`, else the browser's) is
 * applied before the first frame, with no request. Another language picked later loads its texts from a chunk.
 *
 * It is a copy of the library of its own: with the elements' file on the same page, `setDefaultAdapter()` and
 * `setLocale()` of one would not reach the other's elements, so a page with any other element loads only the
 * elements' file, which has the captcha too (defineOnce warns on the console when both define it).
 */
import { templates as ru } from './locales/generated/ru-captcha.js';
import { templates as bg } from './locales/generated/bg-captcha.js';
import { detectLocale } from './locales/localization.js';
import { preloadLocale } from './locales/preload.js';

export { AeCaptcha } from './define/ae-captcha.js';
// The locale switch without the unit helpers of locales/index.ts (their texts would come with them: +0.2 kB).
export {
  setLocale,
  getLocale,
  detectLocale,
  matchLocale,
  useHostLocalization,
  SUPPORTED_LOCALES,
  LOCALE_STATUS_EVENT,
} from './locales/localization.js';
export type { AeLocale } from './locales/localization.js';
export { setDefaultAdapter, getDefaultAdapter, getEmbeddedAdapter } from './internal/default-adapter.js';
export { AdapterError, isAdapterError, isAbortError } from './adapter/adapter-error.js';
export * from './events/captcha-events.js';
export * from './events/captcha-help-event.js';
export { VERSION } from './version.js';

const page = detectLocale();
if (page === 'ru') preloadLocale('ru', ru);
else if (page === 'bg') preloadLocale('bg', bg);
