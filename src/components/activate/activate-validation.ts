/**
 * The e-mail rule and its messages, for the inline "where should we send a new letter" form of
 * `<ae-activate>`. That form appears only when a link failed and the address is unknown, so the schema
 * (zod/mini) comes in its own chunk, loaded when the form is first rendered.
 */
import { emailSchema } from '../../validation/schemas.js';
import { validateValue } from '../../validation/validate.js';
import type { ValidationIssue } from '../../validation/validate.js';
export { validationMessage } from '../../validation/messages.js';

export function emailIssue(value: string): ValidationIssue | undefined {
  return validateValue(emailSchema, value);
}
