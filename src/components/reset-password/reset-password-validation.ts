/**
 * What `<ae-reset-password>` needs to check and explain a new password: the registration's password rules
 * (`validateNewPassword`, one schema with the sign-up form) and their messages, in a chunk of their own, loaded
 * as soon as the element connects, in parallel with the check of the link. The list of common passwords is
 * one more chunk, loaded (`preloadCommonPasswords`) when the form appears.
 */
export { validateNewPassword } from '../../validation/validate.js';
export { validationMessage } from '../../validation/messages.js';
export { commonPasswordIssue, preloadCommonPasswords } from '../../validation/common-passwords.js';
