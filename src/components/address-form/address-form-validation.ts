/**
 * What `<ae-address-form>` needs to check and explain its fields: the per-country address schema (zod/mini,
 * libphonenumber-js/min for the phone) and its messages. Loaded by a dynamic import as soon as the element
 * connects, in parallel with the first render, which therefore never waits for it.
 */
export { validateAddressField, normalizeAddress } from '../../validation/address.js';
export { addressMessage } from '../../validation/address-messages.js';
