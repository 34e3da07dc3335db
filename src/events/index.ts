export * from './register-events.js';
export * from './captcha-events.js';
export * from './activate-events.js';
