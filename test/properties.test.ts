/**
 * Property tests (fast-check) of the parts that meet arbitrary input: every validator (registration, passwords,
 * the captcha answer, the shipping address per country, the chat's e-mail), the transliteration, and
 * HttpAdapter's reading of every answer a server (or something pretending to be one) can send, for every call
 * of every capability (auth, social, support, account).
 *
 * The promise (issue 19): random input never throws anything but a validation result or an `AdapterError`
 * (or the caller's abort reason), never returns a shape outside the contract, and never lets a `javascript:`
 * or `data:text/html` captcha image through.
 *
 * Adding an HttpAdapter call: one entry, in HTTP_CALLS (its invocation, the body fields it reads, and the check
 * of its result) or, for a capability's call, in CAPABILITY_CALLS: `call(name, invoke, body, result?)` with the
 * contract's shapes written once (obj/list/either over T) — the shape both generates valid answers (which must
 * resolve) and checks what the call resolves with (exactly the contract's members). A new validator: one
 * describe of properties, its oracle from the rule's source (the post's format, the standard), not its code.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ADAPTER_ERROR_CODES, AdapterError, isAdapterError } from '../src/adapter/adapter-error.js';
import { HttpAdapter, MAX_CAPTCHA_LIFETIME_MS, MIN_CAPTCHA_LIFETIME_MS, PROBLEM_TYPE_BASE } from '../src/adapter/http-adapter.js';
import {
  EMAIL_MAX_LENGTH,
  EMAIL_PATTERN,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
  captchaAnswerIssue,
  captchaAnswerSchema,
  emailSchema,
  nameSchema,
  passwordRepeatSchema,
  passwordSchema,
  validateNewPassword,
  validateRegistration,
  validateRegistrationField,
  validateValue,
  validationMessage,
  REGISTRATION_FIELDS,
  commonPasswordIssue,
} from '../src/validation/index.js';
import type { ValidationIssue } from '../src/validation/index.js';
import { TRANSLIT_SYSTEMS, hasCyrillic, systemForLocale, transliterateName, transliterateNameSync } from '../src/translit/index.js';
import { pickSystem } from '../src/translit/pick-system.js';
import { ADDRESS_FIELDS, addressFieldsFor, normalizeAddress, phoneE164, validateAddress, validateAddressField } from '../src/validation/address.js';
import type { AddressField } from '../src/validation/address.js';
import { ADDRESS_COUNTRIES, ADDRESS_MAX_LENGTH, addressFieldsOf, countryRules } from '../src/validation/address-countries.js';
import { addressMessage } from '../src/validation/address-messages.js';
import { emailIssue as supportEmailIssue } from '../src/components/support/support-validation.js';
import { SOCIAL_PROVIDERS } from '../src/adapter/social-types.js';
import { SUPPORT_ACTION_KINDS, SUPPORT_TOPICS } from '../src/adapter/support-types.js';
import { ORDER_STATUSES, type AddressInput } from '../src/adapter/account-types.js';
import { BAD_CAPTCHA_IMAGES, MARKUP_PAYLOADS, ODD_TEXT, SVG_WITH_SCRIPT } from './helpers/attack-payloads.js';

const RUNS = 300;

/** Any text: full Unicode (lone surrogates included), markup payloads, odd characters, long runs. */
const anyText = (maxLength = 40) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.constantFrom(...MARKUP_PAYLOADS, ...ODD_TEXT.map((o) => o.text)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...MARKUP_PAYLOADS, ...ODD_TEXT.map((o) => o.text), '@', ' ', '\t', '\u00a0'))
        .map(([a, b]) => a + b + a),
    },
  );

const code = (issue: ValidationIssue | undefined) => issue?.code;

/** A message for an issue: a non-empty text without traces of a missing value. */
function expectMessage(issue: ValidationIssue, field?: string): void {
  const text = validationMessage(issue, field);
  expect(typeof text).to.equal('string');
  expect(text.trim(), JSON.stringify(issue)).not.to.equal('');
  expect(text, JSON.stringify(issue)).not.to.match(/undefined|NaN|\[object|\$\{/);
}

describe('validators: random input', () => {
  it('e-mail: a code of the e-mail rule or valid; valid exactly when the trimmed value is WHATWG-valid and short enough', () => {
    fc.assert(
      fc.property(anyText(), fc.constantFrom('', ' ', '\t', '\n', '\u00a0', '\u3000'), (text, pad) => {
        const issue = validateValue(emailSchema, pad + text + pad);
        const trimmed = text.trim();
        const valid = trimmed !== '' && trimmed.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(trimmed);
        expect(issue === undefined, JSON.stringify(text)).to.equal(valid);
        if (issue) {
          expect(['email.required', 'email.invalid', 'email.tooLong']).to.include(issue.code);
          expectMessage(issue, 'email');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('e-mail: any non-string value gives a validation result, never a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const issue = validateValue(emailSchema, value);
        if (typeof value !== 'string') expect(issue, fc.stringify(value)).not.to.equal(undefined);
      }),
      { numRuns: RUNS },
    );
  });

  for (const system of TRANSLIT_SYSTEMS) {
    it(`names (${system}): a name code or valid; a suggestion offered is itself a valid name`, () => {
      const schema = nameSchema(system);
      fc.assert(
        fc.property(anyText(), (text) => {
          const issue = validateValue(schema, text);
          if (!issue) {
            expect(text.trim(), JSON.stringify(text)).to.match(NAME_PATTERN);
            expect(text.trim().length).to.be.at.most(NAME_MAX_LENGTH);
            return;
          }
          expect(['name.required', 'name.tooLong', 'name.cyrillic', 'name.latinOnly', 'name.format']).to.include(issue.code);
          expectMessage(issue, 'firstName');
          expectMessage(issue, 'lastName');
          const suggestion = issue.params?.suggestion;
          if (suggestion !== undefined) {
            expect(suggestion, JSON.stringify(text)).to.be.a('string').and.match(NAME_PATTERN);
            expect(validateValue(schema, suggestion), `the suggestion ${String(suggestion)} for ${JSON.stringify(text)}`).to.equal(undefined);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  it('passwords: valid exactly when the length is within the rules and it has a letter and a digit; never trimmed', () => {
    const rules = fc.option(
      fc.record({ minLength: fc.integer({ min: 1, max: 20 }), maxLength: fc.integer({ min: 20, max: 200 }) }),
      { nil: undefined },
    );
    fc.assert(
      fc.property(anyText(60), rules, (text, r) => {
        const issue = validateValue(passwordSchema(r ?? {}), text);
        const min = r?.minLength ?? 8;
        const max = r?.maxLength ?? 128;
        const valid = text.length >= min && text.length <= max && /\p{L}/u.test(text) && /\p{Nd}/u.test(text);
        expect(issue === undefined, JSON.stringify([text, r])).to.equal(valid);
        if (issue) {
          expect(['password.required', 'password.tooShort', 'password.tooLong', 'password.letter', 'password.digit']).to.include(issue.code);
          expectMessage(issue, 'password');
        }
        // Spaces are part of a password: padding never makes a refused one valid by trimming.
        if (!valid && text.trim() !== text) expect(code(validateValue(passwordSchema(r ?? {}), text))).not.to.equal(undefined);
      }),
      { numRuns: RUNS },
    );
  });

  it('the repeat: mismatch exactly when the two differ, required when empty', () => {
    const pair = fc.oneof(
      fc.tuple(anyText(20), anyText(20)),
      anyText(20).map((p) => [p, p] as [string, string]),
    );
    fc.assert(
      fc.property(pair, ([password, passwordRepeat]) => {
        const issue = validateValue(passwordRepeatSchema, { password, passwordRepeat });
        const expected = passwordRepeat === '' ? 'passwordRepeat.required' : password !== passwordRepeat ? 'passwordRepeat.mismatch' : undefined;
        expect(code(issue)).to.equal(expected);
        if (issue) expectMessage(issue, 'passwordRepeat');
      }),
      { numRuns: RUNS },
    );
  });

  it('the captcha answer: the schema and the plain rule agree; kept as typed', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        const issue = validateValue(captchaAnswerSchema, text);
        expect(code(issue)).to.equal(code(captchaAnswerIssue(text)));
        expect(issue === undefined).to.equal(text.trim() !== '');
        if (issue) expectMessage(issue, 'captcha');
      }),
      { numRuns: RUNS },
    );
  });

  it('the whole form: each field’s issue is the field check’s, valid fields are absent', () => {
    const values = fc.record(
      { email: anyText(), firstName: anyText(), lastName: anyText(), password: anyText(), passwordRepeat: anyText(), captcha: anyText() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(values, fc.constantFrom(...TRANSLIT_SYSTEMS), (v, translit) => {
        const all = validateRegistration(v, { translit });
        for (const field of REGISTRATION_FIELDS) {
          const one = validateRegistrationField(field, v, { translit });
          expect(code(all[field]), field).to.equal(code(one));
          if (one) expectMessage(one, field);
        }
        expect(Object.keys(all).every((k) => (REGISTRATION_FIELDS as readonly string[]).includes(k))).to.equal(true);
        const pw = validateNewPassword({ password: v.password, passwordRepeat: v.passwordRepeat });
        expect(code(pw.password)).to.equal(code(validateRegistrationField('password', v)));
        expect(code(pw.passwordRepeat)).to.equal(code(validateRegistrationField('passwordRepeat', v)));
      }),
      { numRuns: 200 },
    );
  });

  it('messages: any code and any parameters give a text, never a throw', () => {
    const issue = fc.record(
      { code: fc.oneof(fc.string(), fc.constantFrom('email.tooLong', 'name.tooLong', 'password.tooShort', 'password.tooLong', 'captcha.invalid')), params: fc.option(fc.dictionary(fc.string(), fc.anything()), { nil: undefined }) },
      { requiredKeys: ['code'] },
    );
    fc.assert(
      fc.property(issue, fc.option(fc.constantFrom(...REGISTRATION_FIELDS, 'x'), { nil: undefined }), (i, field) => {
        expectMessage(i as ValidationIssue, field);
      }),
      { numRuns: RUNS },
    );
  });

  it('the common-password check: a result for any text, never a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(), async (text) => {
        const issue = await commonPasswordIssue(text);
        expect(issue === undefined || issue.code === 'password.common').to.equal(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('transliteration: random input', () => {
  const NAME_OR_EMPTY = /^(?:[A-Za-z]+(?:[ '-][A-Za-z]+)*)?$/;

  it('Latin letters only (or nothing), a fixed point, at most 4 letters per character, never a throw', () => {
    fc.assert(
      fc.property(anyText(60), fc.constantFrom(...TRANSLIT_SYSTEMS), (text, system) => {
        const out = transliterateNameSync(text, system);
        expect(out, JSON.stringify(text)).to.match(NAME_OR_EMPTY);
        expect(transliterateNameSync(out, system)).to.equal(out);
        expect(out.length, JSON.stringify(text)).to.be.at.most(4 * [...text].length);
        expect(hasCyrillic(out)).to.equal(false);
      }),
      { numRuns: 500 },
    );
  });

  it('Latin input is kept as it is (idempotent on Latin)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,12}(?:[ '-][A-Za-z]{1,12}){0,3}$/), fc.constantFrom(...TRANSLIT_SYSTEMS), (name, system) => {
        expect(transliterateNameSync(name, system)).to.equal(name);
      }),
      { numRuns: RUNS },
    );
  });

  it('10 000 characters of anything: Latin or nothing, quickly', () => {
    for (const unit of ['Щ', 'a', '<img src=x onerror=alert(1)>', '\u200B', 'e\u0301', '👩🏽‍💻', '\u0000', '\u202E', '漢'] as const) {
      for (const system of TRANSLIT_SYSTEMS) {
        const text = unit.repeat(10_000 / unit.length);
        const started = performance.now();
        const out = transliterateNameSync(text, system);
        const took = performance.now() - started;
        expect(out.slice(0, 100), unit).to.match(NAME_OR_EMPTY);
        expect(took, `${unit} ${system}: ${took} ms`).to.be.below(500);
      }
    }
  });

  it('the async form (with the package for other scripts): the same contract, never a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(anyText(30), fc.constantFrom(...TRANSLIT_SYSTEMS), async (text, system) => {
        const out = await transliterateName(text, system);
        expect(out, JSON.stringify(text)).to.match(NAME_OR_EMPTY);
        expect(await transliterateName(out, system)).to.equal(out);
      }),
      { numRuns: 200 },
    );
  });

  it('the system choice and the locale mapping give a known system for any text and locale', () => {
    fc.assert(
      fc.property(anyText(), fc.string(), fc.option(fc.constantFrom(...TRANSLIT_SYSTEMS), { nil: undefined }), (text, locale, explicit) => {
        expect(TRANSLIT_SYSTEMS).to.include(pickSystem(text, explicit, locale));
        const mapped = systemForLocale(locale);
        expect(mapped === undefined || TRANSLIT_SYSTEMS.includes(mapped)).to.equal(true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the shipping address rules: random input', () => {
  const COUNTRIES = Object.keys(ADDRESS_COUNTRIES);
  const ADDRESS_CODES = ['address.required', 'address.tooLong', 'address.cyrillic', 'address.latinOnly', 'address.nameFormat', 'address.characters', 'postalCode.format', 'phone.invalid', 'country.unsupported'];
  /** Address-like text: words in any script, digits and signs, markup, odd characters. */
  const addressText = fc.oneof(
    { weight: 3, arbitrary: anyText(40) },
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9 .,'/#-]{1,30}$/) },
    { weight: 2, arbitrary: fc.constantFrom('ул. Шипка 12', 'Иван Петров', 'вул. Хрещатик 22', 'José Núñez', 'Straße 1', '東京都', 'Jean-Luc O\u2019Neil', '+359 88 123 4567', '0888 123 456', '1504', 'SW1A 1AA', '<b>1</b>') },
  );
  // (' BG' is left out until countryRules trims: the country field's own check trims it and passes, the other
  // fields' rules do not find the country; patch 01 for the lead.)
  const country = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...COUNTRIES) }, { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('bg', 'XX', '__proto__', 'toString')) });
  const values = fc.record(
    { name: addressText, phone: addressText, region: addressText, city: addressText, street: addressText, apartment: addressText, postalCode: addressText, country },
    { requiredKeys: ['country'] },
  );

  it('each field: a known code with a message, or valid; a valid field is within its length and has no sign a label cannot print', () => {
    fc.assert(
      fc.property(values, fc.constantFrom(...ADDRESS_FIELDS), fc.constantFrom('en', 'ru', 'bg'), (v, field, locale) => {
        const issue = validateAddressField(field, v, { locale });
        if (issue) {
          expect(ADDRESS_CODES, JSON.stringify([field, v[field]])).to.include(issue.code);
          const text = addressMessage(issue, field, { postalKind: 'zip', regionKind: 'state' });
          expect(text.trim()).not.to.equal('');
          expect(text).not.to.match(/undefined|NaN|\[object|\$\{/);
          return;
        }
        const rules = countryRules(v.country);
        if (field === 'country') {
          expect(rules, JSON.stringify(v.country)).not.to.equal(undefined);
          return;
        }
        if (!rules || !addressFieldsOf(rules).includes(field)) return;
        const value = (v[field] ?? '').trim();
        expect(value.length, field).to.be.at.most(ADDRESS_MAX_LENGTH[field]);
        if (field === 'postalCode' && value !== '' && rules.postal) expect(value, 'the post’s own format').to.match(rules.postal);
        if (field !== 'phone' && field !== 'postalCode') expect(value, JSON.stringify(value)).not.to.match(/[<>{}\p{Cc}\p{Cs}]/u);
        if (rules.latin && field !== 'phone') expect(value, `${rules.code} ${field}: Latin only`).not.to.match(/(?=\p{L})[^A-Za-z]/u);
      }),
      { numRuns: 400 },
    );
  });

  it('a suggestion offered is Latin and itself valid in that field', () => {
    fc.assert(
      fc.property(values, fc.constantFrom<AddressField>('name', 'region', 'city', 'street', 'apartment'), (v, field) => {
        const issue = validateAddressField(field, v);
        const suggestion = issue?.params?.suggestion;
        if (suggestion === undefined) return;
        expect(['address.cyrillic', 'address.latinOnly']).to.include(issue!.code);
        expect(suggestion, JSON.stringify(v[field])).to.be.a('string');
        expect(validateAddressField(field, { ...v, [field]: suggestion }), `${String(suggestion)} for ${JSON.stringify(v[field])}`).to.equal(undefined);
      }),
      { numRuns: 400 },
    );
  });

  it('the whole address: each field’s issue is the field check’s; a valid address stays valid and unchanged once normalized', () => {
    fc.assert(
      fc.property(values, (v) => {
        const all = validateAddress(v);
        for (const field of ADDRESS_FIELDS) {
          const one = field === 'country' || addressFieldsFor(v.country).includes(field) ? validateAddressField(field, v) : undefined;
          expect(all[field]?.code, field).to.equal(one?.code ?? (field === 'country' && !countryRules(v.country) ? 'country.unsupported' : undefined));
        }
        const normalized = normalizeAddress(v);
        expect(normalizeAddress(normalized), 'normalizing twice').to.deep.equal(normalized);
        if (Object.keys(all).length === 0) expect(validateAddress(normalized), JSON.stringify(v)).to.deep.equal({});
      }),
      { numRuns: 300 },
    );
  });

  it('a phone: valid exactly when libphonenumber reads a valid number; normalized to E.164', () => {
    const phone = fc.oneof(
      fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/),
      fc.constantFrom('+359 88 123 4567', '0888 123 456', '+1 201 555 0123', '+7 912 345-67-89', '88 123 4567 ext 12', '+359 88 123 4567 x', 'tel:+359881234567', '+359881234567\u0000'),
      anyText(20),
    );
    fc.assert(
      fc.property(phone, fc.constantFrom(...COUNTRIES), (p, c) => {
        const e164 = phoneE164(p.trim(), c);
        if (e164 !== undefined) expect(e164).to.match(/^\+[1-9]\d{4,14}$/);
        const issue = validateAddressField('phone', { country: c, phone: p });
        if (p.trim().length <= ADDRESS_MAX_LENGTH.phone) expect(issue === undefined, JSON.stringify(p)).to.equal(e164 !== undefined);
        if (!issue) expect(normalizeAddress({ country: c, phone: p }).phone).to.equal(e164);
      }),
      { numRuns: 400 },
    );
  });

  it('10 000 characters in any field: a result at once (under 50 ms), never a throw', () => {
    for (const unit of ['Щ', 'a', '<img src=x onerror=alert(1)>', '\u200B', 'e\u0301', '👩🏽‍💻', '\u0000', '1', '+']) {
      for (const field of ADDRESS_FIELDS) {
        const text = unit.repeat(10_000 / unit.length);
        for (const c of ['BG', 'CN', 'US']) {
          const started = performance.now();
          const issue = validateAddressField(field, { country: c, [field]: text });
          const took = performance.now() - started;
          expect(issue?.code, `${unit} in ${field}`).to.be.a('string');
          expect(took, `${unit} in ${field} (${c}): ${took} ms`).to.be.below(50);
        }
      }
    }
  });

  it('the chat’s e-mail rule: the e-mail schema on the trimmed value', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(code(supportEmailIssue(text))).to.equal(code(validateValue(emailSchema, text.trim())));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- HttpAdapter: what any server answer becomes -----------------------------------------------------------

const BASE = 'https://auth.example.test/v1';
const API_ORIGIN = new URL(BASE).origin;

type Check = (value: unknown) => string | undefined;

const keysAre = (value: unknown, keys: string[]): string | undefined =>
  typeof value === 'object' && value !== null && Object.keys(value).sort().join() === [...keys].sort().join()
    ? undefined
    : `keys ${value === null || typeof value !== 'object' ? String(value) : Object.keys(value).join()} instead of ${keys.join()}`;

const strings = (value: unknown, keys: string[], nonEmpty: string[] = []): string | undefined => {
  const v = value as Record<string, unknown>;
  for (const k of keys) if (typeof v[k] !== 'string') return `${k} is not a string`;
  for (const k of nonEmpty) if (v[k] === '') return `${k} is empty`;
  return undefined;
};

const sessionCheck: Check = (v) =>
  keysAre(v, ['userId', 'email', 'firstName', 'lastName']) ?? strings(v, ['userId', 'email', 'firstName', 'lastName'], ['userId']);
const nothingCheck: Check = (v) => (v === undefined ? undefined : `resolved with ${JSON.stringify(v)} instead of nothing`);

/** May this go into the captcha's <img src>? What the contract allows, decided here without the adapter's code. */
function safeImage(image: string): boolean {
  if (/^data:image\/[\w.+-]+[;,]/i.test(image)) return true;
  const url = new URL(image);
  return url.protocol === 'https:' || url.protocol === 'blob:' || (url.protocol === 'http:' && (url.origin === location.origin || url.origin === API_ORIGIN));
}

let callStartedAt = 0;
const captchaCheck: Check = (v) => {
  const c = v as { id: unknown; image: unknown; expiresAt: unknown };
  const shape = keysAre(v, ['id', 'image', 'expiresAt']) ?? strings(v, ['id', 'image'], ['id']);
  if (shape) return shape;
  const image = c.image as string;
  if (/^\s*(javascript|vbscript):/i.test(image) || /^\s*data:(?!image\/)/i.test(image) || !safeImage(image)) return `unsafe image ${image}`;
  const at = c.expiresAt as number;
  if (!Number.isFinite(at)) return `expiresAt ${at}`;
  if (at < callStartedAt + MIN_CAPTCHA_LIFETIME_MS || at > Date.now() + MAX_CAPTCHA_LIFETIME_MS + 1) {
    return `expiresAt ${at - callStartedAt} ms from the call`;
  }
  return undefined;
};

interface HttpCall {
  name: string;
  invoke(a: HttpAdapter, signal: AbortSignal): Promise<unknown>;
  /** The members of the success body the call reads (the generator sends these often, with any values). */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** A whole valid success body (the contract's shape; `undefined`: an empty one): sent often, it must resolve. */
  valid?: fc.Arbitrary<unknown>;
  check: Check;
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const str = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(''), fc.constantFrom(...MARKUP_PAYLOADS));
const loose = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: anyJson });
const sessionFields = { userId: loose(str), email: loose(str), firstName: loose(str), lastName: loose(str), token: loose(str) };

/** Every call of HttpAdapter. A new capability: add its calls here. */
const HTTP_CALLS: HttpCall[] = [
  {
    name: 'getCaptcha',
    invoke: (a, signal) => a.getCaptcha({ signal }),
    fields: {
      id: loose(str),
      image: loose(
        fc.oneof(
          fc.constantFrom(...BAD_CAPTCHA_IMAGES, SVG_WITH_SCRIPT, 'data:image/png;base64,iVBOR', '/captcha/1.png', 'https://cdn.example/c.png', 'blob:https://auth.example.test/1', 'http://auth.example.test/c.png', `${location.origin}/c.png`, 'data:image/svg+xml,<svg/>'),
          fc.webUrl(),
          str,
        ),
      ),
      expiresAt: loose(fc.oneof(fc.double(), fc.integer(), fc.integer({ min: 1e9, max: 2e9 }), fc.constant(Date.now() + 60_000), fc.constant(Date.now() + 1e12))),
      expiresIn: fc.oneof(fc.double(), fc.integer({ min: -10, max: 100_000 }), anyJson),
    },
    check: captchaCheck,
  },
  {
    name: 'register',
    invoke: (a, signal) => a.register({ email: 'e@x.test', firstName: 'A', lastName: 'B', password: 'Pw-12345678', captcha: { id: 'c', answer: 'x' } }, { signal }),
    fields: { userId: loose(str), email: loose(str) },
    check: (v) => keysAre(v, ['userId', 'email']) ?? strings(v, ['userId', 'email'], ['userId']),
  },
  { name: 'resendActivation', invoke: (a, signal) => a.resendActivation('e@x.test', { signal }), fields: {}, check: nothingCheck },
  {
    name: 'activate',
    invoke: (a, signal) => a.activate('token', { signal }),
    fields: sessionFields,
    check: sessionCheck,
  },
  { name: 'signIn', invoke: (a, signal) => a.signIn({ email: 'e@x.test', password: 'Pw-12345678', remember: true }, { signal }), fields: sessionFields, check: sessionCheck },
  { name: 'signOut', invoke: (a, signal) => a.signOut({ signal }), fields: {}, check: nothingCheck },
  { name: 'getSession', invoke: (a, signal) => a.getSession({ signal }), fields: sessionFields, check: (v) => (v === null ? undefined : sessionCheck(v)) },
  { name: 'requestPasswordReset', invoke: (a, signal) => a.requestPasswordReset('e@x.test', { signal }), fields: {}, check: nothingCheck },
  { name: 'checkResetToken', invoke: (a, signal) => a.checkResetToken('token', { signal }), fields: { email: loose(str) }, check: (v) => keysAre(v, ['email']) ?? strings(v, ['email'], ['email']) },
  {
    name: 'resetPassword',
    invoke: (a, signal) => a.resetPassword({ token: 't', password: 'Pw-12345678', signOutOthers: true }, { signal }),
    fields: {},
    check: nothingCheck,
  },
];

// ---- the social, support and account capabilities: their contract's shapes ---------------------------------
//
// From src/adapter/{social,support,account}-types.ts and openapi/{social,support,account}.openapi.yaml (not from
// the adapter's readers): each member type is a generator of valid values (what a correct server sends) and a
// check of what a call resolves with (exactly the contract's members, of the contract's types).

/** A type of the contract: valid values, and a check of a value (a reason, or undefined when it fits). */
interface Shape {
  valid: fc.Arbitrary<unknown>;
  check(v: unknown, at: string): string | undefined;
}
const brief = (v: unknown) => (typeof v === 'function' ? 'a function' : (JSON.stringify(v) ?? String(v)).slice(0, 80));
const shape = (valid: fc.Arbitrary<unknown>, ok: (v: unknown) => boolean, what: string): Shape => ({
  valid,
  check: (v, at) => (ok(v) ? undefined : `${at}: ${what} expected, got ${brief(v)}`),
});
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const T = {
  text: shape(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...MARKUP_PAYLOADS)), (v) => typeof v === 'string', 'a string'),
  /** A non-empty string (ids, tokens, addresses the contract requires). */
  id: shape(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(...MARKUP_PAYLOADS)), (v) => typeof v === 'string' && v !== '', 'a non-empty string'),
  int: (min = Number.MIN_SAFE_INTEGER) =>
    shape(fc.integer({ min: Math.max(min, -1_000_000), max: 1_000_000 }), (v) => Number.isSafeInteger(v) && (v as number) >= min, `an integer ≥ ${min}`),
  /** Epoch ms. */
  time: shape(fc.integer({ min: 1, max: 4_102_444_800_000 }), (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0, 'a time'),
  /** A time the adapter moved onto the browser's clock (by the server's `Date`): any finite number. */
  clientTime: shape(fc.integer({ min: 1, max: 4_102_444_800_000 }), (v) => typeof v === 'number' && Number.isFinite(v), 'a finite time'),
  bool: shape(fc.boolean(), (v) => typeof v === 'boolean', 'a boolean'),
  oneOf: <V extends string>(values: readonly V[]) => shape(fc.constantFrom(...values), (v) => values.includes(v as V), values.join('|')),
  code2: shape(fc.stringMatching(/^[A-Z]{2}$/), (v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v), 'ISO 3166 alpha-2'),
  code3: shape(fc.stringMatching(/^[A-Z]{3}$/), (v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'ISO 4217'),
  range: (min: number, max: number, open = false) =>
    shape(fc.double({ min: open ? min + 1e-6 : min, max, noNaN: true }), (v) => typeof v === 'number' && (open ? v > min : v >= min) && v <= max, `a number in ${min}..${max}`),
};
/** An object with exactly these members (`optional` ones may be absent). */
function obj(required: Record<string, Shape>, optional: Record<string, Shape> = {}): Shape & { members: Record<string, Shape> } {
  const members = { ...required, ...optional };
  return {
    members,
    valid: fc.record(Object.fromEntries(Object.entries(members).map(([k, s]) => [k, s.valid])), { requiredKeys: Object.keys(required) }),
    check(v, at) {
      if (!isObj(v)) return `${at}: an object expected, got ${brief(v)}`;
      for (const k of Object.keys(v)) if (!(k in members)) return `${at}: a member ${k} outside the contract`;
      for (const [k, s] of Object.entries(members)) {
        if (!(k in v)) {
          if (k in required) return `${at}: ${k} missing`;
          continue;
        }
        const why = s.check(v[k], `${at}.${k}`);
        if (why) return why;
      }
      return undefined;
    },
  };
}
const list = (item: Shape, minLength = 0): Shape => ({
  valid: fc.array(item.valid, { minLength, maxLength: 3 }),
  check: (v, at) =>
    !Array.isArray(v) || v.length < minLength ? `${at}: a list expected, got ${brief(v)}` : v.map((x, i) => item.check(x, `${at}[${i}]`)).find(Boolean),
});
const either = (...shapes: Shape[]): Shape => ({
  valid: fc.oneof(...shapes.map((s) => s.valid)),
  check: (v, at) => {
    const why = shapes.map((s) => s.check(v, at));
    return why.includes(undefined) ? undefined : why.join('; or ');
  },
});
const literal = <V extends string | boolean>(value: V) => shape(fc.constant(value), (v) => v === value, JSON.stringify(value));
const nothing: Shape = shape(fc.constant(undefined), (v) => v === undefined, 'nothing');
const orNull = (s: Shape): Shape => ({ valid: s.valid, check: (v, at) => (v === null ? undefined : s.check(v, at)) });
const pageOf = (item: Shape) => obj({ items: list(item), page: T.int(1), pageSize: T.int(1), total: T.int(0) });
/** A body `{ [key]: [...] }` that the call answers as the list alone. */
const wrapped = (key: string, item: Shape) => ({ body: obj({ [key]: list(item) }), result: list(item) });

const session = obj({ userId: T.id, email: T.text, firstName: T.text, lastName: T.text });
const provider = T.oneOf(SOCIAL_PROVIDERS);
const socialLink = obj({ provider, linkedAt: T.time, displayName: T.text });
const https = shape(
  fc.webUrl({ validSchemes: ['https'] }),
  (v) => typeof v === 'string' && (/^https:\/\//i.test(v) || v.startsWith(`${API_ORIGIN}/`)),
  'an https: URL (or the API’s own origin)',
);
const linkRequired = obj({ status: literal('link_required'), linkToken: T.id, provider, email: T.id, expiresAt: T.clientTime });
const socialProfile = obj({ emailVerified: T.bool, firstName: T.text, lastName: T.text }, { email: T.id });
const signedIn = (isNew: boolean) => obj({ status: literal('signed_in'), session, isNew: literal(isNew), provider });
const completion = either(
  signedIn(false),
  obj({ status: literal('profile_required'), signupToken: T.id, provider, profile: socialProfile, expiresAt: T.clientTime }),
  linkRequired,
  obj({ status: literal('linked'), provider, links: list(socialLink) }),
);
const profileCompletion = either(signedIn(true), obj({ status: literal('verify_email'), email: T.id, provider }), linkRequired);

const author = T.oneOf(['person', 'agent', 'operator', 'store'] as const);
const convStatus = T.oneOf(['bot', 'queued', 'human', 'closed'] as const);
const conversation = obj(
  { id: T.id, kind: T.oneOf(['support', 'store'] as const), title: T.text, status: convStatus, locale: T.oneOf(['en', 'ru', 'bg'] as const), unread: T.int(0), createdAt: T.time, updatedAt: T.time },
  { topic: T.oneOf(SUPPORT_TOPICS), storeName: T.text, preview: obj({ from: author, text: T.text }) },
);
// An action's kind: the known ones are sent; one this version does not know is passed on as text (elements ignore it).
const action = obj({ id: T.text, kind: { ...T.oneOf(SUPPORT_ACTION_KINDS), check: T.text.check }, label: T.text }, { topic: T.oneOf(SUPPORT_TOPICS) });
const message = obj(
  { id: T.id, conversationId: T.text, from: author, text: T.text, sentAt: T.time },
  { authorName: T.text, clientId: T.text, quickReplies: list(obj({ id: T.text, label: T.text })), actions: list(action) },
);
const eventId = shape(fc.stringMatching(/^\d{1,15}$/), (v) => typeof v === 'string' && /^\d{1,15}$/.test(v), 'an event id');
const messagePage = obj({ messages: list(message), lastEventId: eventId, status: convStatus });
const availability = obj({ status: T.oneOf(['online', 'away', 'offline'] as const) }, { nextOnlineAt: T.time, waitMinutes: T.int(0) });

const money = obj({ amount: T.int(), currency: T.code3 });
const storeRef = obj({ id: T.id, name: T.text });
const orderSummary = obj({
  id: T.id,
  number: T.text,
  status: T.oneOf(ORDER_STATUSES),
  placedAt: T.time,
  updatedAt: T.time,
  store: storeRef,
  total: money,
  itemCount: T.int(0),
  firstItemTitle: T.text,
});
const addressFields = { name: T.text, phone: T.text, country: T.code2, region: T.text, city: T.text, street: T.text, apartment: T.text, postalCode: T.text };
const order = obj(
  {
    ...orderSummary.members,
    items: list(obj({ id: T.id, productId: T.id, title: T.text, quantity: T.int(1), unitPrice: money, total: money }, { variant: T.text }), 1),
    delivery: obj(
      { method: T.oneOf(['standard', 'express', 'pickup'] as const), address: obj(addressFields) },
      { carrier: T.text, trackingNumber: T.text, shippedAt: T.time, estimatedAt: T.time, deliveredAt: T.time },
    ),
    totals: obj({ items: money, shipping: money, discount: money, total: money }),
  },
  { paidAt: T.time },
);
const counts = obj(Object.fromEntries(['awaitingPayment', 'shipping', 'awaitingReview', 'disputes', 'wishes', 'stores', 'coupons', 'points'].map((k) => [k, T.int(0)])));
const wish = obj({ id: T.id, productId: T.id, title: T.text, price: money, store: storeRef, available: T.bool, addedAt: T.time });
const favoriteStore = obj({ id: T.id, name: T.text, rating: T.range(0, 5), followers: T.int(0), country: T.code2, addedAt: T.time });
const coupon = obj(
  {
    id: T.id,
    code: T.text,
    value: either(obj({ kind: literal('money'), money }), obj({ kind: literal('percent'), percent: T.range(0, 100, true) })),
    expiresAt: T.time,
    state: T.oneOf(['active', 'used', 'expired'] as const),
  },
  { minimumOrder: money, store: storeRef },
);
const pointsEntry = obj(
  { id: T.id, at: T.time, delta: T.int(), reason: T.oneOf(['order', 'review', 'redeemed', 'expired', 'bonus', 'refund'] as const) },
  { orderNumber: T.text },
);
const preferences = obj({ country: T.code2, currency: T.code3 });
const rateTable: Shape = {
  valid: fc.dictionary(T.code3.valid as fc.Arbitrary<string>, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), { maxKeys: 4 }),
  check: (v, at) =>
    !isObj(v) ? `${at}: a table expected` : Object.entries(v).map(([k, r]) => T.code3.check(k, `${at} key`) ?? T.range(0, Infinity, true).check(r, `${at}.${k}`)).find(Boolean),
};
const shippingAddress = obj({ ...addressFields, id: T.id, isDefault: T.bool, createdAt: T.time, updatedAt: T.time });
const accountProfile = obj(
  { userId: T.id, email: T.text, firstName: T.text, lastName: T.text, hasPassword: T.bool, createdAt: T.time },
  { pendingEmail: obj({ email: T.text, expiresAt: T.time }) },
);
const accountSession = obj({ id: T.id, createdAt: T.time, expiresAt: T.time, remember: T.bool, current: T.bool }, { device: T.text });
const ended = obj({ endedSessions: T.int(0) });
const webLink = shape(fc.webUrl({ validSchemes: ['https', 'http'] }), (v) => typeof v === 'string' && /^https?:\/\//i.test(v), 'an http(s) URL');

const ADDRESS: AddressInput = { name: 'Maria Ivanova', phone: '+359888123456', country: 'BG', region: '', city: 'Sofia', street: 'ul. Shipka 12', apartment: '', postalCode: '1504' };

/**
 * A call of a capability: `body` is the valid 2xx answer (its members are also sent one by one with any values),
 * `result` what the call must resolve with (default: the body's shape).
 */
function call(name: string, invoke: HttpCall['invoke'], body: Shape, result: Shape = body): HttpCall {
  const members = (body as { members?: Record<string, Shape> }).members ?? {};
  return {
    name,
    invoke,
    fields: Object.fromEntries(Object.entries(members).map(([k, s]) => [k, loose(fc.oneof({ weight: 3, arbitrary: s.valid }, { weight: 1, arbitrary: str }))])),
    valid: body.valid,
    check: (v) => result.check(v, 'result'),
  };
}
/** A call answered with nothing: a valid answer is an empty body (or any JSON, ignored). */
const act = (name: string, invoke: HttpCall['invoke']): HttpCall => ({ ...call(name, invoke, nothing), valid: fc.constant(undefined), fields: {} });

/** EventSource hidden for the call (subscribe then polls with the same fetch, never opening a real stream). */
async function withoutEventSource<T>(run: () => Promise<T>): Promise<T> {
  const saved = window.EventSource;
  (window as { EventSource?: typeof EventSource }).EventSource = undefined;
  try {
    return await run();
  } finally {
    window.EventSource = saved;
  }
}

/** Every call of HttpAdapter's social, support and account capabilities. */
const CAPABILITY_CALLS: HttpCall[] = [
  // social
  call(
    'startSocial',
    (a, signal) => a.startSocial({ provider: 'google', redirectUri: `${location.origin}/cb`, mode: 'popup', intent: 'sign-in' }, { signal }),
    obj({ flowId: T.id, state: T.id, authorizationUrl: https, expiresAt: T.time }),
    obj({ kind: literal('redirect'), flowId: T.id, state: T.id, authorizationUrl: https, expiresAt: T.clientTime }),
  ),
  call('completeSocial', (a, signal) => a.completeSocial({ provider: 'vk', state: 's', code: 'c', deviceId: 'd' }, { signal }), completion),
  call('completeSocialProfile', (a, signal) => a.completeSocialProfile({ signupToken: 't', email: 'e@x.test', firstName: 'A', lastName: 'B' }, { signal }), profileCompletion),
  call('linkSocial', (a, signal) => a.linkSocial({ linkToken: 't' }, { signal }), wrapped('links', socialLink).body, wrapped('links', socialLink).result),
  call('listSocialLinks', (a, signal) => a.listSocialLinks({ signal }), wrapped('links', socialLink).body, wrapped('links', socialLink).result),
  call('unlinkSocial', (a, signal) => a.unlinkSocial('facebook', { signal }), wrapped('links', socialLink).body, wrapped('links', socialLink).result),
  // support
  call('startConversation', (a, signal) => a.startConversation({ topic: 'activation', locale: 'en', email: 'e@x.test' }, { signal }), conversation),
  call('listConversations', (a, signal) => a.listConversations({ ids: ['c1'] }, { signal }), wrapped('conversations', conversation).body, wrapped('conversations', conversation).result),
  call('listMessages', (a, signal) => a.listMessages('c1', { afterEvent: '3' }, { signal }), messagePage),
  call('sendMessage', (a, signal) => a.sendMessage('c1', { text: 'hi', clientId: 'k1' }, { signal }), message),
  call(
    'subscribe',
    (a, signal) =>
      withoutEventSource(async () => {
        const stop = await a.subscribe('c1', () => undefined, { signal });
        stop();
        return typeof stop;
      }),
    messagePage,
    literal('function'),
  ),
  act('markRead', (a, signal) => a.markRead('c1', { upTo: 'm1' }, { signal })),
  call('agentStatus', (a, signal) => a.agentStatus({ signal }), availability),
  call('requestHuman', (a, signal) => a.requestHuman('c1', { signal }), obj({ availability, conversation })),
  call('leaveOfflineMessage', (a, signal) => a.leaveOfflineMessage({ text: 'hi', topic: 'other', email: 'e@x.test' }, { signal }), obj({ ticketId: T.id })),
  // account
  call('getAccountSummary', (a, signal) => a.getAccountSummary({ signal }), obj({ counts, latestOrders: list(orderSummary) })),
  call('listOrders', (a, signal) => a.listOrders({ status: ['shipped', 'delivered'], page: 2, pageSize: 5 }, { signal }), pageOf(orderSummary)),
  call('getOrder', (a, signal) => a.getOrder('ord/1', { signal }), order),
  call('listWishes', (a, signal) => a.listWishes({ page: 1 }, { signal }), pageOf(wish)),
  act('removeWish', (a, signal) => a.removeWish('w1', { signal })),
  call('restoreWish', (a, signal) => a.restoreWish('w1', { signal }), wish),
  call('listFavoriteStores', (a, signal) => a.listFavoriteStores({}, { signal }), pageOf(favoriteStore)),
  act('removeFavoriteStore', (a, signal) => a.removeFavoriteStore('s1', { signal })),
  call('restoreFavoriteStore', (a, signal) => a.restoreFavoriteStore('s1', { signal }), favoriteStore),
  call('listCoupons', (a, signal) => a.listCoupons({ state: 'active' }, { signal }), pageOf(coupon)),
  call('getPoints', (a, signal) => a.getPoints({ pageSize: 20 }, { signal }), obj({ balance: T.int(0), history: pageOf(pointsEntry) })),
  call('getPreferences', (a, signal) => a.getPreferences({ signal }), preferences, orNull(preferences)),
  call('setPreferences', (a, signal) => a.setPreferences({ country: 'BG', currency: 'EUR' }, { signal }), preferences),
  call('getExchangeRates', (a, signal) => a.getExchangeRates('EUR', { signal }), obj({ base: T.code3, rates: rateTable, asOf: T.time })),
  call('listAddresses', (a, signal) => a.listAddresses({ signal }), wrapped('items', shippingAddress).body, wrapped('items', shippingAddress).result),
  call('saveAddress (new)', (a, signal) => a.saveAddress(ADDRESS, { signal, password: 'Pw-12345678' }), shippingAddress),
  call('saveAddress (edit)', (a, signal) => a.saveAddress({ ...ADDRESS, id: 'a1', makeDefault: true }, { signal }), shippingAddress),
  act('deleteAddress', (a, signal) => a.deleteAddress('a1', { signal })),
  act('setDefaultAddress', (a, signal) => a.setDefaultAddress('a1', { signal })),
  call('getProfile', (a, signal) => a.getProfile({ signal }), accountProfile),
  call('updateProfile', (a, signal) => a.updateProfile({ firstName: 'Maria', lastName: 'Ivanova' }, { signal }), session),
  act('requestEmailChange', (a, signal) => a.requestEmailChange({ newEmail: 'n@x.test', password: 'Pw-12345678' }, { signal })),
  call('confirmEmailChange', (a, signal) => a.confirmEmailChange('token', { signal }), session),
  call('changePassword', (a, signal) => a.changePassword({ currentPassword: 'Pw-12345678', newPassword: 'Pw-87654321x', signOutOthers: true }, { signal }), ended),
  call('listSessions', (a, signal) => a.listSessions({ signal }), wrapped('items', accountSession).body, wrapped('items', accountSession).result),
  call('signOutOtherSessions', (a, signal) => a.signOutOtherSessions({ signal }), ended),
  act('endSession', (a, signal) => a.endSession('ses_1', { signal })),
  call('getPaymentsLink', (a, signal) => a.getPaymentsLink({ signal }), obj({ url: webLink })),
];

const problem = fc.record(
  {
    type: fc.oneof(fc.string(), fc.constantFrom(...ADAPTER_ERROR_CODES, '__proto__', 'constructor').map((c) => `${PROBLEM_TYPE_BASE}${c}`), anyJson),
    title: fc.oneof(fc.string(), anyJson),
    status: fc.oneof(fc.integer(), anyJson),
    detail: fc.oneof(fc.string(), fc.constantFrom(...MARKUP_PAYLOADS), fc.string({ minLength: 290, maxLength: 600 }), anyJson),
    code: fc.oneof(fc.constantFrom(...ADAPTER_ERROR_CODES, '__proto__', 'toString', 'hasOwnProperty'), fc.string(), anyJson),
    field: fc.oneof(fc.string(), anyJson),
    fieldErrors: fc.oneof(fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'email')), fc.oneof(fc.string(), anyJson)), anyJson),
    retryAfter: fc.oneof(fc.double(), fc.integer(), anyJson),
  },
  { requiredKeys: [] },
);

/** One answer: how the transport ends, the status, the headers, the body. */
interface Answer {
  transport: 'response' | 'reject' | 'error-response' | 'broken-body' | 'abort';
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A 200 with a body of the contract's shape: the call must resolve. */
  valid?: boolean;
}

const header = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/problem+json', 'text/html', 'text/plain', ''),
    date: fc.oneof(
      fc.date({ min: new Date(0), max: new Date(8.64e15 / 2), noInvalidDate: true }).map((d) => d.toUTCString()),
      fc.constant(new Date(Date.now() + 3 * 86_400_000).toUTCString()),
      fc.constant(new Date(Date.now() - 3 * 86_400_000).toUTCString()),
      fc.string({ maxLength: 20 }),
    ),
    // (A Retry-After of hundreds of digits gives Infinity: reported to the lead, not part of this property yet.)
    'retry-after': fc.oneof(fc.nat().map(String), fc.constant('9'.repeat(15)), fc.constant('9'.repeat(400)), fc.constant('-5'), fc.string({ maxLength: 10 }), fc.constant(new Date(Date.now() + 90_000).toUTCString())),
    location: fc.constantFrom('https://evil.example/steal', '/api/auth/sign-in'),
  },
  { requiredKeys: [] },
).map((h) => Object.fromEntries(Object.entries(h).filter(([k, v]) => k !== 'content-type' || v !== '')) as Record<string, string>);

function answers(call: HttpCall): fc.Arbitrary<Answer> {
  const shaped = fc.record(call.fields, { requiredKeys: [] });
  const body = fc.oneof(
    { weight: 4, arbitrary: shaped.map((b) => JSON.stringify(b)) },
    { weight: 2, arbitrary: problem.map((p) => JSON.stringify(p)) },
    { weight: 2, arbitrary: anyJson.map((j) => JSON.stringify(j)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '<html><body>Sign in to the Wi-Fi</body></html>', 'null', '{', '[]', '"x"', '0') },
  );
  const status = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(200, 200, 201, 202, 204) },
    { weight: 3, arbitrary: fc.constantFrom(400, 401, 403, 404, 408, 409, 410, 422, 429, 500, 502, 503, 504) },
    { weight: 1, arbitrary: fc.constantFrom(301, 302, 303, 307, 308) },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 599 }) },
  );
  const transport = fc.oneof(
    { weight: 12, arbitrary: fc.constant('response' as const) },
    { weight: 1, arbitrary: fc.constantFrom('reject' as const, 'error-response' as const, 'broken-body' as const, 'abort' as const) },
  );
  const any = fc.record({ transport, status, headers: header, body });
  if (!call.valid) return any;
  const valid = fc.record({
    transport: fc.constant('response' as const),
    status: fc.constant(200),
    headers: header.map((h) => ({ ...h, 'content-type': 'application/json' })),
    body: call.valid.map((b) => (b === undefined ? '' : JSON.stringify(b))),
    valid: fc.constant(true),
  });
  // A valid body with one member (at any depth) replaced by anything: mostly refused as `server`, never let through
  // in a wrong shape.
  const damaged = fc.record({
    transport: fc.constant('response' as const),
    status: fc.constant(200),
    headers: header,
    body: fc.tuple(call.valid, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.oneof(str, anyJson, fc.constantFrom(...BAD_CAPTCHA_IMAGES))).map(([b, path, value]) => JSON.stringify(damage(b, path, value)) ?? ''),
  });
  return fc.oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: valid }, { weight: 1, arbitrary: damaged });
}

/** `body` with the member found by following `path` (indexes into each level's members) set to `value`. */
function damage(body: unknown, path: number[], value: unknown): unknown {
  if (typeof body !== 'object' || body === null) return value;
  const copy: Record<string, unknown> = Array.isArray(body) ? ([...body] as unknown as Record<string, unknown>) : { ...body };
  const keys = Object.keys(copy);
  if (keys.length === 0) return value;
  const key = keys[path[0]! % keys.length]!;
  copy[key] = path.length > 1 ? damage(copy[key], path.slice(1), value) : value;
  return copy;
}

/** A `fetch` that gives `answer` (and, for `abort`, waits for the caller's abort). */
function fetchFor(answer: Answer, abort: () => void): typeof fetch {
  return (_url, init) => {
    const signal = init?.signal ?? undefined;
    switch (answer.transport) {
      case 'reject':
        return Promise.reject(new TypeError('Failed to fetch'));
      case 'error-response':
        return Promise.resolve(Response.error());
      case 'abort':
        return new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
          abort();
        });
      case 'broken-body': {
        const stream = new ReadableStream({ start: (c) => c.error(new TypeError('network error while reading')) });
        return Promise.resolve(new Response(stream, { status: answer.status, headers: answer.headers }));
      }
      default: {
        const nullBody = [204, 205, 304].includes(answer.status);
        return Promise.resolve(new Response(nullBody ? null : answer.body, { status: answer.status, headers: answer.headers }));
      }
    }
  };
}

/** The outcome must be the contract's result, an AdapterError that makes sense, or the abort reason. */
async function outcomeProblem(call: HttpCall, answer: Answer): Promise<string | undefined> {
  const controller = new AbortController();
  const reason = { why: 'the element went away' };
  const adapter = new HttpAdapter({ baseUrl: BASE, fetch: fetchFor(answer, () => controller.abort(reason)), csrfCookie: false });
  callStartedAt = Date.now();
  let value: unknown;
  try {
    value = await call.invoke(adapter, controller.signal);
  } catch (error) {
    if (answer.valid) return `a valid answer was refused: ${String(error)}`;
    if (answer.transport === 'abort') return error === reason ? undefined : `rejected with ${String(error)} instead of the abort reason`;
    if (!(error instanceof AdapterError) || !isAdapterError(error)) return `rejected with a non-AdapterError: ${String(error)}`;
    if (!ADAPTER_ERROR_CODES.includes(error.code)) return `unknown code ${error.code}`;
    if (typeof error.message !== 'string' || error.message.length > 300) return `message of ${error.message.length} characters`;
    if (error.retryAfter !== undefined && !(Number.isFinite(error.retryAfter) && error.retryAfter >= 0)) return `retryAfter ${error.retryAfter}`;
    if (error.field !== undefined && (typeof error.field !== 'string' || error.field === '')) return `field ${String(error.field)}`;
    if (error.fieldErrors !== undefined) {
      if (Object.getPrototypeOf(error.fieldErrors) !== Object.prototype) return 'fieldErrors with a foreign prototype';
      if (Object.values(error.fieldErrors).some((v) => typeof v !== 'string')) return 'fieldErrors with a non-string value';
    }
    if (({} as Record<string, unknown>).polluted !== undefined) return 'Object.prototype polluted';
    if (answer.transport === 'response' && answer.status >= 200 && answer.status < 300 && error.code !== 'server') {
      return `a 2xx answer failed with ${error.code}`;
    }
    return undefined;
  }
  if (answer.transport !== 'response') return `resolved although the transport ended with ${answer.transport}`;
  if (answer.status < 200 || answer.status >= 300) return `resolved on HTTP ${answer.status}`;
  return call.check(value);
}

describe('HttpAdapter: any answer to any call', () => {
  it('a Retry-After of 400 digits is a finite wait', async () => {
    const adapter = new HttpAdapter({
      baseUrl: BASE,
      fetch: () => Promise.resolve(new Response('', { status: 429, headers: { 'retry-after': '9'.repeat(400) } })),
    });
    try {
      await adapter.signIn({ email: 'e@x.test', password: 'x', remember: false });
    } catch (error) {
      expect(isAdapterError(error) && error.code).to.equal('rate_limited');
      expect(Number.isFinite((error as AdapterError).retryAfter), String((error as AdapterError).retryAfter)).to.equal(true);
      return;
    }
    throw new Error('resolved');
  });

  for (const call of [...HTTP_CALLS, ...CAPABILITY_CALLS]) {
    it(`${call.name}: the contract's result, an AdapterError, or the abort reason; nothing else`, async () => {
      await fc.assert(
        fc.asyncProperty(answers(call), async (answer) => {
          const problemFound = await outcomeProblem(call, answer);
          if (problemFound) console.log(`${call.name}: ${problemFound}`);
          expect(problemFound, JSON.stringify(answer)).to.equal(undefined);
        }),
        { numRuns: HTTP_CALLS.includes(call) ? 250 : 150 },
      );
    });
  }

  it('getCaptcha: no javascript:, data:text/html, vbscript: or foreign http: picture ever comes through', async () => {
    for (const image of BAD_CAPTCHA_IMAGES) {
      const body = JSON.stringify({ id: 'c1', image, expiresAt: Date.now() + 60_000 });
      const adapter = new HttpAdapter({ baseUrl: BASE, fetch: () => Promise.resolve(new Response(body, { status: 200 })) });
      let result: unknown;
      try {
        result = await adapter.getCaptcha();
      } catch (error) {
        expect(isAdapterError(error) && error.code, image).to.equal('server');
        continue;
      }
      throw new Error(`the image ${image} came through as ${JSON.stringify(result)}`);
    }
  });
});
