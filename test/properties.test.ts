/**
 * Property tests (fast-check) of the parts that meet arbitrary input: every validator, the transliteration,
 * and HttpAdapter's reading of every answer a server (or something pretending to be one) can send.
 *
 * The promise (issue 19): random input never throws anything but a validation result or an `AdapterError`
 * (or the caller's abort reason), never returns a shape outside the contract, and never lets a `javascript:`
 * or `data:text/html` captcha image through.
 *
 * Adding an HttpAdapter call (a new capability): one entry in HTTP_CALLS below (its invocation, the body
 * fields it reads, and the check of its result).
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
  return fc.record({ transport, status, headers: header, body });
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

  for (const call of HTTP_CALLS) {
    it(`${call.name}: the contract's result, an AdapterError, or the abort reason; nothing else`, async () => {
      await fc.assert(
        fc.asyncProperty(answers(call), async (answer) => {
          const problemFound = await outcomeProblem(call, answer);
          expect(problemFound, JSON.stringify(answer)).to.equal(undefined);
        }),
        { numRuns: 250 },
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
