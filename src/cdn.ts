/**
 * The CDN file's entry (rollup.cdn.config.mjs): what `import 'ae-auth-elements'` gives, for a page without a
 * bundler, with one difference that keeps the sign-up fast there: the sign-up and sign-in elements
 * (`<ae-register>`, its `<ae-captcha>`, `<ae-login>`) are defined at once; every other element only when its tag
 * is in the page (now or later), each from a chunk next to this file, fetched with the chunks it imports in one
 * go (scripts/build/parallel-imports.mjs), the way Shoelace's and Web Awesome's autoloaders work. A registration
 * page does not download the account panel, the user menu or the activation page.
 * Their classes are not exported here: `await customElements.whenDefined('ae-user-menu')` gives the class once
 * the tag is in the page, or import it from the npm package.
 *
 * The light API comes with it: the session store, the locale switch, the events, the default adapter and the
 * error class. The rest (both adapter classes, the validation schemas and rules, the transliteration) is in
 * dist/cdn/api.js (src/cdn-api.ts), which re-exports this file too: a sign-up page that only drops in a tag
 * does not download zod, the adapters' code or the passport tables before its first field. The adapters still
 * come, lazily, when an element makes its first call.
 */
import { defineWhenUsed } from './internal/define-when-used.js';
import { defineOnce } from './internal/define.js';

export { AeRegister } from './define/ae-register.js';
export { AeCaptcha } from './define/ae-captcha.js';
export { AeLogin } from './define/ae-login.js';
export { getSessionSnapshot, subscribeSession, setSession, refreshSession, signOut } from './session/session-store.js';
export type { SessionSnapshot } from './session/session-store.js';
export * from './locales/index.js';
export { setDefaultAdapter, getDefaultAdapter, getEmbeddedAdapter } from './internal/default-adapter.js';
export { AdapterError, isAdapterError, isAbortError } from './adapter/adapter-error.js';
export * from './events/index.js';
export { VERSION } from './version.js';

defineWhenUsed({
  // The module <ae-register> loads after a sign-up: one chunk for both.
  'ae-activate': () => import('./components/activate/activate.js').then((m) => defineOnce('ae-activate', m.AeActivate)),
  'ae-forgot-password': () => import('./define/ae-forgot-password.js'),
  'ae-reset-password': () => import('./define/ae-reset-password.js'),
  'ae-user-menu': () => import('./define/ae-user-menu.js'),
  'ae-support-link': () => import('./define/ae-support-link.js'),
  'ae-social-login': () => import('./define/ae-social-login.js'),
  'ae-support': () => import('./define/ae-support.js'),
  'ae-conversation': () => import('./define/ae-conversation.js'),
  'ae-account-panel': () => import('./define/ae-account-panel.js'),
  'ae-preferences': () => import('./define/ae-preferences.js'),
  'ae-address-form': () => import('./define/ae-address-form.js'),
});
