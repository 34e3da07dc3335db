export * from './schemas.js';
export * from './validate.js';
export { validationMessage } from './messages.js';
