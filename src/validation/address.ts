/**
 * The shipping address schema: ONE set of rules per country (address-countries.ts), run by `<ae-address-form>`
 * while the person types and by the adapters when an address is saved. zod/mini, like schemas.ts: each failed
 * check carries a stable code as its `message` and, where useful, `params`; the text comes from
 * address-messages.ts at render time.
 *
 * Codes (per field, the field names of the contract's `AddressFields`):
 * - `address.required` — an empty field the country requires;
 * - `address.tooLong` `{ max }`;
 * - `address.cyrillic` `{ suggestion? }` — Cyrillic in a country whose addresses are written in Latin letters;
 *   the suggestion is the passport transliteration (the country's system: bg for BG, ru for RU/BY/KZ, ua for UA);
 * - `address.latinOnly` `{ suggestion? }` — another non-Latin letter (José → Jose) in such a country;
 * - `address.characters` — signs no label printer takes (`<`, `{`, emoji…);
 * - `postalCode.format` `{ example }` — not in the country's postal code format;
 * - `phone.invalid` `{ example }` — not a number of any country (libphonenumber-js, Google's metadata), typed
 *   nationally it is read as the address's country's;
 * - `country.unsupported` — a country the marketplace does not ship to.
 *
 * The phone check uses `libphonenumber-js/min` (about 29 kB gzip): this module is loaded lazily by the form, in
 * parallel with its first render, and by `MemoryAdapter`'s account chunk.
 */
import * as z from 'zod/mini';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from 'libphonenumber-js/min';
import { hasCyrillic, transliterateNameSync } from '../translit/translit.js';
import type { TranslitSystem } from '../translit/translit.js';
import { pickSystem } from '../translit/pick-system.js';
import { transliterateAddressSync } from './address-translit.js';
import { ADDRESS_MAX_LENGTH, addressFieldsOf, countryRules, isRequired } from './address-countries.js';
import type { AddressField, CountryAddressRules } from './address-countries.js';
import type { ValidationIssue } from './validate.js';

export type { AddressField } from './address-countries.js';

/** The values of an address form (the contract's `AddressFields`). */
export type AddressValues = Record<AddressField, string>;
export type AddressIssues = Partial<Record<AddressField, ValidationIssue>>;

export const ADDRESS_FIELDS: readonly AddressField[] = ['name', 'phone', 'country', 'region', 'city', 'street', 'apartment', 'postalCode'];

export interface AddressRules {
  /** The passport system for suggestions when the country has none of its own (else the UI locale's). */
  translit?: TranslitSystem;
  /** The UI locale (picks the suggestion's system for countries without one). */
  locale?: string;
}

/** Latin letters, digits, spaces and the signs addresses use. */
const LATIN_TEXT = /^[A-Za-z0-9 .,'’/#&()\-:;"+]+$/;
/** The recipient: Latin words joined by a space, hyphen, apostrophe or a dot (initials). */
const RECIPIENT = /^[A-Za-z]+(?:(?:[ '-]|\. ?)[A-Za-z]+)*\.?$/;
/** What no label printer takes, whatever the script: controls, angle and curly brackets, emoji and symbols. */
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{So}\p{Cs}<>{}[\]\\|^~`$%*=_@]/u;

type Ctx = { value: string; issues: z.core.$ZodRawIssue[] };

function fail(ctx: Ctx, code: string, params?: Record<string, unknown>): void {
  ctx.issues.push({ code: 'custom', message: code, input: ctx.value, ...(params ? { params } : {}) });
}

function systemFor(rules: CountryAddressRules, text: string, o: AddressRules): TranslitSystem {
  return rules.translit ?? pickSystem(text, o.translit, o.locale ?? 'en');
}

/** A text field of the address (name, region, city, street, apartment) in `rules`' country. */
function textSchema(field: AddressField, rules: CountryAddressRules, o: AddressRules) {
  const required = isRequired(rules, field);
  const max = ADDRESS_MAX_LENGTH[field];
  return z.string().check(
    z.trim(),
    z.check<string>((ctx) => {
      const v = ctx.value;
      if (v === '') return required ? fail(ctx, 'address.required') : undefined;
      if (v.length > max) return fail(ctx, 'address.tooLong', { max });
      if (!rules.latin) {
        if (FORBIDDEN.test(v)) fail(ctx, 'address.characters');
        return;
      }
      const pattern = field === 'name' ? RECIPIENT : LATIN_TEXT;
      if (pattern.test(v)) return;
      const nonLatin = /(?=\p{L})[^A-Za-z]/u.test(v);
      if (!nonLatin) return fail(ctx, field === 'name' ? 'address.nameFormat' : 'address.characters');
      const system = systemFor(rules, v, o);
      const suggestion = field === 'name' ? transliterateNameSync(v, system) : transliterateAddressSync(v, system);
      const usable = suggestion !== '' && suggestion !== v && suggestion.length <= max && pattern.test(suggestion);
      fail(ctx, hasCyrillic(v) ? 'address.cyrillic' : 'address.latinOnly', usable ? { suggestion } : undefined);
    }),
  );
}

/** The postal code in `rules`' format; spaces around trimmed, case ignored. */
function postalSchema(rules: CountryAddressRules) {
  const required = isRequired(rules, 'postalCode');
  return z.string().check(
    z.trim(),
    z.check<string>((ctx) => {
      const v = ctx.value;
      if (v === '') return required ? fail(ctx, 'address.required') : undefined;
      if (v.length > ADDRESS_MAX_LENGTH.postalCode || (rules.postal && !rules.postal.test(v))) {
        fail(ctx, 'postalCode.format', { example: rules.postalExample ?? '' });
      }
    }),
  );
}

/** A phone number, in international form or national for the address's country. */
function phoneSchema(rules: CountryAddressRules) {
  return z.string().check(
    z.trim(),
    z.check<string>((ctx) => {
      const v = ctx.value;
      if (v === '') return fail(ctx, 'address.required');
      if (v.length > ADDRESS_MAX_LENGTH.phone || !phoneE164(v, rules.code)) fail(ctx, 'phone.invalid', { example: rules.phoneExample });
    }),
  );
}

const countrySchema = /* @__PURE__ */ z.string().check(
  z.trim(),
  z.check<string>((ctx) => {
    if (ctx.value === '') return fail(ctx, 'address.required');
    if (!countryRules(ctx.value)) fail(ctx, 'country.unsupported');
  }),
);

/**
 * The number in E.164 (`+359881234567`) when it is a valid number (of `country` when typed without `+`), else
 * undefined. Any country's number is accepted with its `+` code: a recipient may use a foreign phone.
 */
export function phoneE164(value: string, country: string): string | undefined {
  if (/\p{L}/u.test(value.replace(/\b(?:ext|x)\.?\s*\d+$/i, ''))) return undefined;
  const p = parsePhoneNumberFromString(value, country.toUpperCase() as CountryCode);
  return p && p.isValid() ? p.number : undefined;
}

/** The schema of each field in `country` (the fields the country has; `undefined` for an unknown country). */
export function addressSchemas(country: string, o: AddressRules = {}) {
  const rules = countryRules(country);
  if (!rules) return undefined;
  return {
    name: textSchema('name', rules, o),
    phone: phoneSchema(rules),
    country: countrySchema,
    region: textSchema('region', rules, o),
    city: textSchema('city', rules, o),
    street: textSchema('street', rules, o),
    apartment: textSchema('apartment', rules, o),
    postalCode: postalSchema(rules),
  } as const;
}

/** The whole address as one zod/mini object schema for `country` (for adapters that parse a request body). */
export function addressSchema(country: string, o: AddressRules = {}) {
  const s = addressSchemas(country, o);
  return s ? z.object(s) : undefined;
}

function firstIssue(schema: z.ZodMiniType, value: unknown): ValidationIssue | undefined {
  const issue = z.safeParse(schema, value).error?.issues[0];
  if (!issue) return undefined;
  const params = (issue as { params?: Record<string, unknown> }).params;
  return params ? { code: issue.message, params } : { code: issue.message };
}

/** The fields `values.country`'s form has (those checked and saved): country, name, its lines, phone. */
export function addressFieldsFor(country: string): readonly AddressField[] {
  const rules = countryRules(country);
  return rules ? addressFieldsOf(rules) : ['country'];
}

/** Checks one field (in `values.country`'s rules); `undefined` when valid or not part of that country's form. */
export function validateAddressField(field: AddressField, values: Partial<AddressValues>, o: AddressRules = {}): ValidationIssue | undefined {
  const country = values.country ?? '';
  if (field === 'country') return firstIssue(countrySchema, country);
  const schemas = addressSchemas(country, o);
  if (!schemas || !addressFieldsFor(country).includes(field)) return undefined;
  return firstIssue(schemas[field], values[field] ?? '');
}

/** Checks every field of `values.country`'s form: the first issue of each invalid field (empty when valid). */
export function validateAddress(values: Partial<AddressValues>, o: AddressRules = {}): AddressIssues {
  const out: AddressIssues = {};
  for (const field of addressFieldsFor(values.country ?? '')) {
    const issue = validateAddressField(field, values, o);
    if (issue) out[field] = issue;
  }
  if (!countryRules(values.country)) out.country ??= { code: 'country.unsupported' };
  return out;
}

/**
 * The address as it is saved, for a valid one: trimmed, inner spaces collapsed, the country and the postal code
 * upper case, the phone in E.164, and '' for the fields the country's form does not have.
 */
export function normalizeAddress(values: Partial<AddressValues>): AddressValues {
  const country = (values.country ?? '').trim().toUpperCase();
  const fields = addressFieldsFor(country);
  const text = (f: AddressField) => (fields.includes(f) ? (values[f] ?? '').trim().replace(/\s+/g, ' ') : '');
  const phone = text('phone');
  return {
    name: text('name'),
    phone: phoneE164(phone, country) ?? phone,
    country,
    region: text('region'),
    city: text('city'),
    street: text('street'),
    apartment: text('apartment'),
    postalCode: text('postalCode').toUpperCase(),
  };
}
