export * from './schemas.js';
export * from './validate.js';
export { validationMessage } from './messages.js';
export { captchaAnswerIssue } from './captcha-rule.js';
export { captchaMessage } from './captcha-messages.js';
export { isCommonPassword, commonPasswordIssue, preloadCommonPasswords } from './common-passwords.js';
