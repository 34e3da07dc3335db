/**
 * What `<ae-register>` needs to check and explain its fields: the zod/mini schemas, their messages and the
 * passport transliteration. It is loaded by a dynamic import as soon as the element connects, in parallel
 * with the first render, which therefore never waits for it (about 6 kB gzip of the element's weight).
 */
export { validateRegistrationField } from '../../validation/validate.js';
export { validationMessage } from '../../validation/messages.js';
export { transliterateName } from '../../translit/translit.js';
export { pickSystem } from '../../translit/pick-system.js';
