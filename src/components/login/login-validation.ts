/**
 * What `<ae-login>` needs to check and explain its fields: the e-mail rule (the registration's own schema)
 * and the messages. Loaded by a dynamic import as soon as the element connects, in parallel with the first
 * render, which never waits for it.
 */
export { validateValue } from '../../validation/validate.js';
export { emailSchema } from '../../validation/schemas.js';
export { validationMessage } from '../../validation/messages.js';
