import { expect } from '@open-wc/testing';
import { HttpAdapter } from '../src/adapter/http-adapter.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import { adapterError } from './helpers/adapter.js';
import { contractControl, VIOLATION_HEADER } from './server/contract-client.js';

// The contract server's own guarantees: the 415 rule against cross-site simple requests, and the check of
// every response against openapi/auth.openapi.yaml (a response the document forbids becomes a 500 that
// names the violation, and is recorded).
const NAMESPACE = `contract-server-${Math.random().toString(36).slice(2)}`;
const server = contractControl(NAMESPACE);
const ANSWER = 'Ab3dE';
const OPERATIONS = [
  '/captcha',
  '/register',
  '/activation/resend',
  '/activation',
  '/sign-in',
  '/sign-out',
  '/password-reset/request',
  '/password-reset/check',
  '/password-reset',
];

const adapter = () => new HttpAdapter({ baseUrl: '/api/auth', headers: () => server.headers });
const post = (path: string, init: RequestInit = {}) =>
  fetch(`/api/auth${path}`, { method: 'POST', ...init, headers: { ...server.headers, ...(init.headers ?? {}) } });
const outbox = async () => (await server.control('GET', 'outbox')) as OutboxLetter[];

async function registered(email: string) {
  const a = adapter();
  const captcha = await a.getCaptcha();
  await a.register({ email, firstName: 'Maria', lastName: 'Ivanova', password: 'Tr0ub4dor-3', captcha: { id: captcha.id, answer: ANSWER } });
}

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status, await response.clone().text()).to.equal(status);
  expect(response.headers.get('content-type')).to.equal('application/problem+json');
  expect(response.headers.get(VIOLATION_HEADER)).to.equal(null);
  const problem = (await response.json()) as { status: number; code: string; type: string };
  expect(problem).to.include({ status, code, type: `https://ae-auth-elements.dev/problems/${code}` });
}

describe('the contract server', () => {
  beforeEach(() => server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 60_000 }));
  afterEach(() => server.expectNoViolations());

  describe('when a request body is not application/json', () => {
    it('a cross-site text/plain resend gets 415 and sends no letter, nor starts the cooldown', async () => {
      await registered('maria@example.com');
      expect(await outbox()).to.have.length(1);
      // What a form or a fetch on another site may send without a preflight: text/plain.
      const body = JSON.stringify({ email: 'maria@example.com' });
      await expectProblem(await post('/activation/resend', { body, headers: { 'content-type': 'text/plain' } }), 415, 'validation');
      expect(await outbox()).to.have.length(1);
      // The cooldown was not started either: the real request right after goes through.
      await adapter().resendActivation('maria@example.com');
      expect(await outbox()).to.have.length(2);
    });

    it('answers 415 on every operation to text/plain, form and multipart bodies, and to a body without a type', async () => {
      const form = new FormData();
      form.set('email', 'maria@example.com');
      const bodies: [string, RequestInit][] = [
        ['text/plain', { body: '{"email":"maria@example.com"}' }], // the browser labels a string text/plain
        ['form', { body: new URLSearchParams({ email: 'maria@example.com' }) }],
        ['multipart', { body: form }],
        ['no content type', { body: new Blob(['{"email":"maria@example.com"}']) }],
        ['json in disguise', { body: '{}', headers: { 'content-type': 'application/jsonp' } }],
      ];
      for (const path of OPERATIONS) {
        for (const [what, init] of bodies) {
          const response = await post(path, init);
          expect(response.status, `${what} to ${path}`).to.equal(415);
          await expectProblem(response, 415, 'validation');
        }
      }
      expect(await outbox()).to.have.length(0);
      const requests = await server.requests();
      expect(requests).to.have.length(OPERATIONS.length * bodies.length);
      expect(requests.every((r) => !r.valid && r.status === 415)).to.equal(true);
    });

    it('a cross-site text/plain sign-in with the right password gets 415 and sets no cookie', async () => {
      await registered('maria@example.com');
      await adapter().activate((await outbox())[0]!.token);
      const body = JSON.stringify({ email: 'maria@example.com', password: 'Tr0ub4dor-3', remember: true });
      await expectProblem(await post('/sign-in', { body, headers: { 'content-type': 'text/plain' } }), 415, 'validation');
      const sent = (await server.lastResponse()).headers;
      expect(sent['set-cookie']).to.equal(undefined);
      expect(await server.sessions('maria@example.com')).to.have.length(0);
    });

    it('takes application/json with parameters', async () => {
      const response = await post('/activation/resend', {
        body: JSON.stringify({ email: 'nobody@example.com' }),
        headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      });
      expect(response.status).to.equal(204);
    });
  });

  describe('when a response breaks the document', () => {
    it('a captcha without expiresAt becomes a 500 naming the violation, and is recorded', async () => {
      await server.fault({ kind: 'mutate', path: 'captcha', drop: ['expiresAt'] });
      const response = await post('/captcha');
      expect(response.status).to.equal(500);
      expect(response.headers.get(VIOLATION_HEADER)).to.contain("required property 'expiresAt'");
      const problem = (await response.json()) as { code: string; detail: string };
      expect(problem.code).to.equal('server');
      expect(problem.detail).to.contain('expiresAt');
      const [violation, ...more] = await server.takeViolations();
      expect(more).to.have.length(0);
      expect(violation).to.include({ operation: 'getCaptcha', status: 200 });
      expect(violation!.violations.join()).to.contain('expiresAt');
    });

    it('fails the HttpAdapter call that caused it: wrong types in a captcha and in a registration', async () => {
      await server.fault({ kind: 'mutate', path: 'captcha', set: { expiresIn: 'soon' } });
      await adapterError(adapter().getCaptcha(), 'server');
      const a = adapter();
      const captcha = await a.getCaptcha();
      await server.fault({ kind: 'mutate', path: 'register', set: { userId: 42 } });
      const input = { email: 'maria@example.com', firstName: 'Maria', lastName: 'Ivanova', password: 'Tr0ub4dor-3' };
      await adapterError(a.register({ ...input, captcha: { id: captcha.id, answer: ANSWER } }), 'server');
      const found = await server.takeViolations();
      expect(found.map((v) => [v.operation, v.status])).to.deep.equal([
        ['getCaptcha', 200],
        ['register', 201],
      ]);
      expect(found[0]!.violations.join()).to.contain('/expiresIn must be integer');
      expect(found[1]!.violations.join()).to.contain('/userId must be string');
    });

    it('a session cookie without HttpOnly breaks the document: a 500, and no cookie reaches the page', async () => {
      await registered('maria@example.com');
      await adapter().activate((await outbox())[0]!.token);
      const names = await server.cookieNames();
      await server.fault({
        kind: 'mutate',
        path: 'sign-in',
        headers: { 'set-cookie': `${names.session}=leaked; Path=/; SameSite=Lax` },
      });
      const a = adapter();
      await adapterError(a.signIn({ email: 'maria@example.com', password: 'Tr0ub4dor-3', remember: false }), 'server');
      const [violation] = await server.takeViolations();
      expect(violation).to.include({ operation: 'signIn', status: 200 });
      expect(violation!.violations.join()).to.contain('header Set-Cookie must match pattern');
      expect(document.cookie).not.to.contain('leaked');
    });

    it('an undocumented member type in a problem is caught too', async () => {
      await server.fault({ kind: 'mutate', path: 'activation', set: { code: 'no_such_code' } });
      const response = await post('/activation', { body: '{"token":"nope"}', headers: { 'content-type': 'application/json' } });
      expect(response.status).to.equal(500);
      expect(response.headers.get(VIOLATION_HEADER)).to.contain('/code must be equal to');
      expect(await server.takeViolations()).to.have.length(1);
    });
  });

  describe('what it records', () => {
    it('every request to the API, with whether the document allows it and what was answered', async () => {
      const json = { 'content-type': 'application/json' };
      await post('/captcha');
      await post('/activation', { body: '{"token":5}', headers: json });
      await post('/activation/resend', { body: '{"email":"a@example.com"}', headers: json });
      expect(await server.requests()).to.deep.equal([
        { operation: 'getCaptcha', valid: true, errors: [], status: 200 },
        { operation: 'activate', valid: false, errors: ['request body/token must be string'], status: 400 },
        { operation: 'resendActivation', valid: true, errors: [], status: 204 },
      ]);
    });

    it('names the cookies after the namespace, and the default namespace with the contract names', async () => {
      const names = await server.cookieNames();
      expect(names.session.startsWith('ae_session__contract-server-')).to.equal(true);
      expect(names.csrf.startsWith('ae_csrf__contract-server-')).to.equal(true);
      const plain = (await (await fetch('/api/__test__/cookie-names')).json()) as { session: string; csrf: string };
      expect(plain).to.deep.equal({ session: 'ae_session', csrf: 'ae_csrf' });
    });

    it('answers a POST to the session with 405 and Allow: GET', async () => {
      const response = await post('/session');
      expect(response.status).to.equal(405);
      expect(response.headers.get('allow')).to.equal('GET');
    });

    it('plays another browser: its cookies stay in the server-side jar, never in this page', async () => {
      await registered('maria@example.com');
      await adapter().activate((await outbox())[0]!.token);
      const names = await server.cookieNames();
      // With this page's credentials on purpose: what the relay let through would land in this page's jar.
      const other = new HttpAdapter({ baseUrl: server.browserUrl('tablet'), csrfCookie: false, headers: () => server.headers });
      await other.signIn({ email: 'maria@example.com', password: 'Tr0ub4dor-3', remember: true });
      expect(document.cookie).not.to.contain(names.csrf);
      expect((await other.getSession())?.email).to.equal('maria@example.com');
      expect(await adapter().getSession()).to.equal(null);
      await other.signOut();
      expect(await other.getSession()).to.equal(null);
    });

    it('dates its answers on its own clock', async () => {
      await server.reset({ clockOffsetMs: -180_000 });
      const response = await post('/captcha');
      const date = Date.parse(response.headers.get('date')!);
      expect(date - Date.now()).to.be.within(-182_000, -178_000);
      const captcha = (await response.json()) as { expiresAt: number; expiresIn: number };
      expect(captcha.expiresIn).to.equal(120);
      expect(captcha.expiresAt - date).to.be.within(119_000, 121_000);
    });
  });
});
