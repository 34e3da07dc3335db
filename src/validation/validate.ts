import * as z from 'zod/mini';
import { passwordRepeatSchema, registrationSchemas } from './schemas.js';
import type { RegistrationRules } from './schemas.js';

/** A failed check: a stable code plus the parameters its message needs. Text is produced at render time. */
export interface ValidationIssue {
  code: string;
  params?: Record<string, unknown>;
}

export type RegistrationField = 'email' | 'firstName' | 'lastName' | 'password' | 'passwordRepeat' | 'captcha';
export const REGISTRATION_FIELDS: readonly RegistrationField[] = [
  'email',
  'firstName',
  'lastName',
  'password',
  'passwordRepeat',
  'captcha',
];

export type RegistrationValues = Record<RegistrationField, string>;
export type RegistrationIssues = Partial<Record<RegistrationField, ValidationIssue>>;

function firstIssue(error: z.core.$ZodError | undefined): ValidationIssue | undefined {
  const issue = error?.issues[0];
  if (!issue) return undefined;
  const params = (issue as { params?: Record<string, unknown> }).params;
  return params ? { code: issue.message, params } : { code: issue.message };
}

/** Runs a schema on a value and returns its first issue, or `undefined` when the value is valid. */
export function validateValue(schema: z.ZodMiniType, value: unknown): ValidationIssue | undefined {
  return firstIssue(z.safeParse(schema, value).error);
}

/** Checks one field of the registration form (the repeat is checked against `values.password`). */
export function validateRegistrationField(
  field: RegistrationField,
  values: Partial<RegistrationValues>,
  rules: RegistrationRules = {},
): ValidationIssue | undefined {
  if (field === 'passwordRepeat') {
    return validateValue(passwordRepeatSchema, {
      password: values.password ?? '',
      passwordRepeat: values.passwordRepeat ?? '',
    });
  }
  return validateValue(registrationSchemas(rules)[field], values[field] ?? '');
}

/** Checks every field; the result holds the first issue of each invalid field (empty when all is valid). */
export function validateRegistration(
  values: Partial<RegistrationValues>,
  rules: RegistrationRules = {},
): RegistrationIssues {
  const out: RegistrationIssues = {};
  for (const field of REGISTRATION_FIELDS) {
    const issue = validateRegistrationField(field, values, rules);
    if (issue) out[field] = issue;
  }
  return out;
}

/** The fields of a new password (a password reset or change): the registration's password rules, one schema. */
export type NewPasswordField = 'password' | 'passwordRepeat';
export type NewPasswordIssues = Partial<Record<NewPasswordField, ValidationIssue>>;

/**
 * Checks a new password and its repetition with the registration's rules (the same schemas as
 * {@link validateRegistrationField}). The common-password check is asynchronous: see `isCommonPassword`.
 */
export function validateNewPassword(
  values: Partial<Record<NewPasswordField, string>>,
  rules: RegistrationRules = {},
): NewPasswordIssues {
  const out: NewPasswordIssues = {};
  for (const field of ['password', 'passwordRepeat'] as const) {
    const issue = validateRegistrationField(field, values, rules);
    if (issue) out[field] = issue;
  }
  return out;
}
