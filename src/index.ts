/**
 * ae-auth-elements: importing the package root registers every element and exports the public API.
 * Import `ae-auth-elements/<element>.js` instead to pay only for one element.
 */
export { AeRegister } from './define/ae-register.js';
export { AeCaptcha } from './define/ae-captcha.js';
export { AeActivate } from './define/ae-activate.js';
export * from './adapter/index.js';
export * from './validation/index.js';
export * from './translit/index.js';
export * from './locales/index.js';
export * from './events/index.js';
export { VERSION } from './version.js';
