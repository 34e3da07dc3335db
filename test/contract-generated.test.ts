import { expect } from '@open-wc/testing';
import { contractControl, VIOLATION_HEADER } from './server/contract-client.js';

// Requests generated from openapi/auth.openapi.yaml itself (served parsed by the contract server's
// /api/__test__/openapi): for each operation, its example, every string at and over its maxLength, every
// required member missing, every member of the wrong JSON type, bodies that are not objects, not JSON,
// empty, too large, or not application/json (an operation without a request body, GET /session, is sent
// without one). Each must get a status the document lists for the
// operation, a problem document for every failure, never a 5xx and never a hang; the server's own check
// (request valid or not, response allowed) must agree. Adding an operation or a member to the document
// adds its cases here.
const NAMESPACE = `contract-generated-${Math.random().toString(36).slice(2)}`;
const server = contractControl(NAMESPACE);
const ANSWER = 'Ab3dE';
const MAX_BODY_BYTES = 16 * 1024; // the document: "body over 16 KiB" is 413
const HANG_MS = 5_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  $ref?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  maxLength?: number;
}
interface Operation {
  operationId: string;
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema; example?: Json }> };
  responses: Record<string, unknown>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}
interface Problem {
  type: string;
  status: number;
  code: string;
  field?: string;
  fieldErrors?: Record<string, string>;
}

const documentResponse = await fetch('/api/__test__/openapi');
if (!documentResponse.ok) throw new Error(`GET /api/__test__/openapi: HTTP ${documentResponse.status}`);
const doc = (await documentResponse.json()) as Document;

function resolve(schema: Schema | undefined): Schema {
  let node = schema ?? {};
  while (node.$ref) {
    let target: unknown = doc;
    for (const part of node.$ref.replace(/^#\//, '').split('/')) {
      target = (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    node = target as Schema;
  }
  return node;
}

/** What a case expects, in the words of the document. */
type Expectation =
  | { kind: 'success' }
  // Schema-valid at a limit: any documented answer (a padded captcha answer is simply wrong), but never
  // "malformed" and never "too long".
  | { kind: 'within-limit'; member: string }
  | { kind: 'problem'; status: number; member?: string; fieldError?: string | RegExp; code?: string };

interface Case {
  name: string;
  valid: boolean;
  contentType?: string;
  /** Built at run time: examples get a fresh captcha and a real activation token first. */
  body: (example: Record<string, Json>) => string | undefined;
  expect: Expectation;
}

const json = (value: unknown) => JSON.stringify(value);
const at = (value: Record<string, Json>, path: string[]): Json | undefined =>
  path.reduce<Json | undefined>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined), value);
function withValue(value: Record<string, Json>, path: string[], next: Json | undefined): Record<string, Json> {
  const copy = structuredClone(value);
  let node = copy as Record<string, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, Json>;
  if (next === undefined) delete node[path.at(-1)!];
  else node[path.at(-1)!] = next;
  return copy;
}
/** `value` lengthened to `length` characters, keeping its end (a valid address stays valid). */
const padded = (value: Json | undefined, length: number) => {
  const text = typeof value === 'string' && value !== '' ? value : 'a';
  return text.length >= length ? text.slice(0, length) : text[0]!.repeat(length - text.length) + text;
};

/**
 * Over-long, missing and wrong members as each operation's description documents them: register blames the
 * member (`.required`/`.tooLong` codes, captcha problems on `captcha`), resend and the reset request are
 * `422 email.tooLong` and `400` for a missing address, activate and the reset token calls are
 * `token_invalid` for an over-long token and `400` when it is missing; sign-in is `422 <member>.tooLong`
 * (captcha problems on `captcha`) and `400` for a missing member; reset is `422 password.tooLong`.
 */
const captchaProblem = (member: string): Expectation => ({ kind: 'problem', status: 422, member, code: 'captcha_invalid' });
const malformedMember = (member: string): Expectation => ({ kind: 'problem', status: 400, member, fieldError: 'invalid_type' });
const tooLongToken = (): Expectation => ({ kind: 'problem', status: 404, code: 'token_invalid' });
const TOO_LONG: Record<string, (member: string) => Expectation> = {
  register: (member) =>
    member === 'captcha' ? captchaProblem(member) : { kind: 'problem', status: 422, member, fieldError: /\.tooLong$/ },
  resendActivation: (member) => ({ kind: 'problem', status: 422, member, fieldError: 'email.tooLong' }),
  activate: tooLongToken,
  signIn: (member) =>
    member === 'captcha' ? captchaProblem(member) : { kind: 'problem', status: 422, member, fieldError: `${member}.tooLong` },
  requestPasswordReset: (member) => ({ kind: 'problem', status: 422, member, fieldError: 'email.tooLong' }),
  checkResetToken: tooLongToken,
  resetPassword: (member) =>
    member === 'token' ? tooLongToken() : { kind: 'problem', status: 422, member, fieldError: 'password.tooLong' },
};
const MISSING: Record<string, (member: string) => Expectation> = {
  register: (member) =>
    member === 'captcha' ? captchaProblem(member) : { kind: 'problem', status: 422, member, fieldError: /\.required$/ },
  resendActivation: malformedMember,
  activate: malformedMember,
  // A captcha without its id or answer is one that cannot be ours; the top-level members are required JSON.
  signIn: (member) => (member === 'captcha' ? captchaProblem(member) : malformedMember(member)),
  requestPasswordReset: malformedMember,
  checkResetToken: malformedMember,
  resetPassword: malformedMember,
};

function casesOf(operation: Operation): Case[] {
  // No request body in the document (a GET): sent without one, which must succeed.
  if (!operation.requestBody) {
    return [{ name: 'no body at all', valid: true, contentType: '', body: () => undefined, expect: { kind: 'success' } }];
  }
  const media = operation.requestBody?.content['application/json'];
  const schema = resolve(media?.schema);
  const bodyRequired = operation.requestBody?.required === true;
  const id = operation.operationId;
  const cases: Case[] = [
    { name: 'the example', valid: true, body: (e) => json(e), expect: { kind: 'success' } },
    {
      name: 'the example as text/plain (a cross-site form)',
      valid: false,
      contentType: 'text/plain',
      body: (e) => json(e),
      expect: { kind: 'problem', status: 415 },
    },
    {
      name: 'the example as application/x-www-form-urlencoded',
      valid: false,
      contentType: 'application/x-www-form-urlencoded',
      body: () => 'email=maria%40example.com',
      expect: { kind: 'problem', status: 415 },
    },
    { name: 'a body without a content type', valid: false, contentType: '', body: (e) => json(e), expect: { kind: 'problem', status: 415 } },
    { name: 'invalid JSON', valid: false, body: (e) => json(e).slice(0, -1), expect: { kind: 'problem', status: 400 } },
    {
      name: `a body over ${MAX_BODY_BYTES} bytes`,
      valid: false,
      body: (e) => json({ ...e, padding: 'x'.repeat(MAX_BODY_BYTES) }),
      expect: { kind: 'problem', status: 413 },
    },
    bodyRequired
      ? { name: 'an empty body', valid: false, body: () => '', expect: { kind: 'problem', status: 400, member: 'body', fieldError: 'invalid_type' } }
      : { name: 'no body at all', valid: true, contentType: '', body: () => undefined, expect: { kind: 'success' } },
  ];
  for (const notAnObject of [[], 'text', 42, null] as Json[]) {
    cases.push({
      name: `a JSON ${notAnObject === null ? 'null' : Array.isArray(notAnObject) ? 'array' : typeof notAnObject} body`,
      valid: false,
      body: () => json(notAnObject),
      expect: { kind: 'problem', status: 400, member: 'body', fieldError: 'invalid_type' },
    });
  }
  const walk = (node: Schema, path: string[]) => {
    for (const [name, raw] of Object.entries(node.properties ?? {})) {
      const property = resolve(raw);
      const where = [...path, name];
      const member = where[0]!;
      const label = where.join('.');
      if (node.required?.includes(name)) {
        cases.push({ name: `without ${label}`, valid: false, body: (e) => json(withValue(e, where, undefined)), expect: MISSING[id]!(member) });
      }
      cases.push({
        name: `${label} of the wrong JSON type`,
        valid: false,
        body: (e) => json(withValue(e, where, property.type === 'string' ? 12345 : 'text')),
        expect: { kind: 'problem', status: 400, member, fieldError: 'invalid_type' },
      });
      if (property.type === 'string' && property.maxLength !== undefined) {
        const max = property.maxLength;
        cases.push({
          name: `${label} of exactly ${max} characters`,
          valid: true,
          body: (e) => json(withValue(e, where, padded(at(e, where), max))),
          expect: { kind: 'within-limit', member },
        });
        cases.push({
          name: `${label} of ${max + 1} characters`,
          valid: false,
          body: (e) => json(withValue(e, where, padded(at(e, where), max + 1))),
          expect: TOO_LONG[id]!(member),
        });
        // maxLength is on the value as sent, even where the server trims it before its other rules.
        cases.push({
          name: `${label} of ${max} characters and a trailing space`,
          valid: false,
          body: (e) => json(withValue(e, where, `${padded(at(e, where), max)} `)),
          expect: TOO_LONG[id]!(member),
        });
      }
      if (property.type === 'object') walk(property, where);
    }
  };
  walk(schema, []);
  return cases;
}

async function apiPost(path: string, body: unknown) {
  const response = await fetch(`/api/auth${path}`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Registers `email` with `password` (and activates it unless `pending`). */
async function profile(email: string, password: string, pending = false): Promise<void> {
  const captcha = (await apiPost('/captcha', undefined)) as { id: string };
  await apiPost('/register', { email, firstName: 'Maria', lastName: 'Ivanova', password, captcha: { id: captcha.id, answer: ANSWER } });
  if (!pending) await apiPost('/activation', { token: await server.tokenOf(email, 'activation') });
}

/**
 * The operation's example, made answerable: a fresh captcha (the test answer), a real activation token, a
 * profile with the example's address and password to sign in to, a real reset token.
 */
async function liveExample(operationId: string, example: Record<string, Json>): Promise<Record<string, Json>> {
  const live = structuredClone(example);
  const fresh = () => `token.${Math.random().toString(36).slice(2)}@example.com`;
  if (operationId === 'activate') {
    const email = fresh();
    await profile(email, 'Tr0ub4dor-3', true);
    live.token = await server.tokenOf(email, 'activation');
  }
  if (operationId === 'signIn') await profile(String(live.email), String(live.password));
  if (operationId === 'checkResetToken' || operationId === 'resetPassword') {
    const email = fresh();
    await profile(email, 'Tr0ub4dor-3');
    await apiPost('/password-reset/request', { email });
    live.token = await server.tokenOf(email, 'reset');
  }
  if ('captcha' in live) {
    const captcha = (await apiPost('/captcha', undefined)) as { id: string };
    live.captcha = { id: captcha.id, answer: ANSWER };
  }
  return live;
}

function blames(problem: Problem, member: string): boolean {
  return problem.field === member || Object.hasOwn(problem.fieldErrors ?? {}, member);
}

describe('generated from the OpenAPI document', () => {
  beforeEach(() => server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0 }));
  afterEach(() => server.expectNoViolations());

  it('has operations to generate cases for', () => {
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids).to.have.members([
      'getCaptcha',
      'register',
      'resendActivation',
      'activate',
      'signIn',
      'signOut',
      'getSession',
      'requestPasswordReset',
      'checkResetToken',
      'resetPassword',
    ]);
  });

  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const documented = Object.keys(operation.responses).map(Number);
      describe(`${method.toUpperCase()} ${path} (${operation.operationId})`, () => {
        for (const c of casesOf(operation)) {
          const wanted = c.expect.kind === 'problem' ? String(c.expect.status) : c.expect.kind === 'success' ? '2xx' : 'not too long';
          it(`${c.name} → ${wanted}`, async () => {
            const media = operation.requestBody?.content['application/json'];
            const example = await liveExample(operation.operationId, (media?.example ?? {}) as Record<string, Json>);
            const body = c.body(example);
            const headers: Record<string, string> = { ...server.headers };
            const type = c.contentType ?? 'application/json';
            let sent: BodyInit | null = body ?? null;
            if (type === '' && body !== undefined) sent = new Blob([body]); // no content-type header at all
            else if (type !== '') headers['content-type'] = type;
            const response = await fetch(`/api/auth${path}`, {
              method: method.toUpperCase(),
              headers,
              body: sent,
              signal: AbortSignal.timeout(HANG_MS),
            }).catch((error: unknown) => {
              throw new Error(`no answer within ${HANG_MS} ms: ${String(error)}`);
            });
            const text = await response.text();
            const what = `${response.status} ${text.slice(0, 300)}`;
            expect(response.headers.get(VIOLATION_HEADER), what).to.equal(null);
            expect(documented, `status ${what} is not documented for ${operation.operationId}`).to.include(response.status);
            expect(response.status, what).to.be.below(500);
            const [logged] = (await server.requests()).slice(-1);
            expect(logged?.valid, `the server's reading of the request: ${logged?.errors.join('; ')}`).to.equal(c.valid);

            const e = c.expect;
            if (e.kind === 'success') {
              expect(response.status, what).to.be.within(200, 299);
              return;
            }
            if (response.status < 400) {
              expect(e.kind, what).to.equal('within-limit');
              return;
            }
            expect(response.headers.get('content-type')).to.equal('application/problem+json');
            const problem = JSON.parse(text) as Problem;
            expect(problem.status).to.equal(response.status);
            expect(problem.type).to.equal(`https://ae-auth-elements.dev/problems/${problem.code}`);
            if (e.kind === 'within-limit') {
              expect([400, 413, 415], `a valid request was called malformed: ${what}`).not.to.include(response.status);
              expect(problem.fieldErrors?.[e.member] ?? '', `${e.member} at its limit was too long: ${what}`).not.to.match(/tooLong/);
              return;
            }
            expect(response.status, what).to.equal(e.status);
            if (e.code) expect(problem.code, what).to.equal(e.code);
            else expect(problem.code, what).to.equal('validation');
            if (e.member) expect(blames(problem, e.member), `${e.member} is not blamed: ${what}`).to.equal(true);
            if (e.fieldError && e.member) {
              const code = problem.fieldErrors?.[e.member];
              if (typeof e.fieldError === 'string') expect(code, what).to.equal(e.fieldError);
              else expect(code, what).to.match(e.fieldError);
            }
          });
        }
      });
    }
  }
});
