/**
 * The e-mail rule and its messages for the chat's e-mail step and offline form: its own chunk, loaded when one
 * of them first shows (a chat that is never opened never loads zod).
 */
import { emailSchema } from '../../validation/schemas.js';
import { validateValue } from '../../validation/validate.js';
import type { ValidationIssue } from '../../validation/validate.js';
export { validationMessage } from '../../validation/messages.js';

export function emailIssue(value: string): ValidationIssue | undefined {
  return validateValue(emailSchema, value.trim());
}
