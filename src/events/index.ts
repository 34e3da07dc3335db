export * from './register-events.js';
export * from './captcha-events.js';
export * from './activate-events.js';
export * from './login-events.js';
export * from './password-events.js';
export * from './session-events.js';
