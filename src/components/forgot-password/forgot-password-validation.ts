/**
 * The e-mail rule and its messages for `<ae-forgot-password>`: the registration's schema (zod/mini), in a chunk
 * of its own, loaded by a dynamic import as soon as the element connects, in parallel with its first render,
 * which never waits for it.
 */
import { emailSchema } from '../../validation/schemas.js';
import { validateValue } from '../../validation/validate.js';
import type { ValidationIssue } from '../../validation/validate.js';
export { validationMessage } from '../../validation/messages.js';

export function emailIssue(value: string): ValidationIssue | undefined {
  return validateValue(emailSchema, value);
}
