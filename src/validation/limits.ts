/** The limits of the rules, as plain constants (no zod), for elements that show them before validating. */
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 50;
export const PASSWORD_DEFAULTS = { minLength: 8, maxLength: 128 } as const;
