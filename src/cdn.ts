/**
 * The CDN file's entry (rollup.cdn.config.mjs): what `import 'ae-auth-elements'` gives, for a page without a
 * bundler, with one difference that keeps the forms fast there: the sign-up, sign-in and recovery elements are
 * defined at once, and the account, support, social and address elements only when their tag is in the page
 * (now or later), each from a chunk next to this file. A registration page does not download the account panel.
 * Their classes are not exported here (import them from their own files, or from the npm package).
 *
 * The light API comes with it: the session store, the locale switch, the events, the default adapter and the
 * error class. The rest (both adapter classes, the validation schemas and rules, the transliteration) is in
 * dist/cdn/api.js (src/cdn-api.ts), which re-exports this file too: a sign-up page that only drops in a tag
 * does not download zod, the adapters' code or the passport tables before its first field (58 kB gzip before,
 * 41 kB now). The adapters still come, lazily, when an element makes its first call.
 */
import { defineWhenUsed } from './internal/define-when-used.js';

export { AeRegister } from './define/ae-register.js';
export { AeCaptcha } from './define/ae-captcha.js';
export { AeActivate } from './define/ae-activate.js';
export { AeLogin } from './define/ae-login.js';
export { AeForgotPassword } from './define/ae-forgot-password.js';
export { AeResetPassword } from './define/ae-reset-password.js';
export { AeUserMenu } from './define/ae-user-menu.js';
export { AeSupportLink } from './define/ae-support-link.js';
export { getSessionSnapshot, subscribeSession, setSession, refreshSession, signOut } from './session/session-store.js';
export type { SessionSnapshot } from './session/session-store.js';
export * from './locales/index.js';
export { setDefaultAdapter, getDefaultAdapter, getEmbeddedAdapter } from './internal/default-adapter.js';
export { AdapterError, isAdapterError, isAbortError } from './adapter/adapter-error.js';
export * from './events/index.js';
export { VERSION } from './version.js';

defineWhenUsed({
  'ae-social-login': () => import('./define/ae-social-login.js'),
  'ae-support': () => import('./define/ae-support.js'),
  'ae-conversation': () => import('./define/ae-conversation.js'),
  'ae-account-panel': () => import('./define/ae-account-panel.js'),
  'ae-preferences': () => import('./define/ae-preferences.js'),
  'ae-address-form': () => import('./define/ae-address-form.js'),
});
