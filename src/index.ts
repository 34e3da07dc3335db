/**
 * ae-auth-elements: importing the package root registers every element and exports the public API.
 * Import `ae-auth-elements/<element>.js` instead to pay only for one element.
 */
export { AeRegister } from './define/ae-register.js';
export { AeCaptcha } from './define/ae-captcha.js';
export { AeActivate } from './define/ae-activate.js';
export { AeLogin } from './define/ae-login.js';
export { AeForgotPassword } from './define/ae-forgot-password.js';
export { AeResetPassword } from './define/ae-reset-password.js';
export { AeUserMenu } from './define/ae-user-menu.js';
export { AeSocialLogin } from './define/ae-social-login.js';
export { AeSupport } from './define/ae-support.js';
export { AeSupportLink } from './define/ae-support-link.js';
export { AeConversation } from './define/ae-conversation.js';
export { AeAccountPanel } from './define/ae-account-panel.js';
export { AePreferences } from './define/ae-preferences.js';
export { AeAddressForm } from './define/ae-address-form.js';
export { getSessionSnapshot, subscribeSession, setSession, refreshSession, signOut } from './session/session-store.js';
export type { SessionSnapshot } from './session/session-store.js';
export * from './adapter/index.js';
export * from './validation/index.js';
export * from './translit/index.js';
export * from './locales/index.js';
export * from './events/index.js';
export { VERSION } from './version.js';
