import { expect } from '@open-wc/testing';
import { isAbortError, type AdapterErrorCode } from '../src/adapter/adapter-error.js';
import { HttpAdapter, type HttpAdapterOptions } from '../src/adapter/http-adapter.js';
import type { Captcha, RegisterInput } from '../src/adapter/types.js';
import { describeAdapterConformance } from '../src/testing/adapter-conformance.js';
import { adapterError, rejection } from './helpers/adapter.js';

// Runs against test/server/contract-server.mjs, served same-origin by the wtr plugin
// (test/server/wtr-http.config.mjs). Every request carries this file's namespace, so the server state
// is private to this file.
const NAMESPACE = `http-adapter-${Math.random().toString(36).slice(2)}`;
const NS_HEADER = { 'x-contract-namespace': NAMESPACE };
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const CAPTCHA_TTL_MS = 120_000;

async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`/api/__test__/${path}`, {
    method,
    headers: { ...NS_HEADER, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

const reset = (options: Record<string, unknown> = {}) => control('POST', 'reset', options);

type Fault =
  | {
      kind: 'status';
      status: number;
      retryAfter?: number | string;
      body?: unknown;
      contentType?: string;
      path?: string;
      times?: number;
    }
  | { kind: 'hang'; ms?: number; path?: string; times?: number }
  | { kind: 'malformed' | 'refuse'; path?: string; times?: number };

const fault = (f: Fault) => control('POST', 'fault', f);

function adapter(options: Partial<HttpAdapterOptions> = {}): HttpAdapter {
  const extra = options.headers;
  return new HttpAdapter({
    baseUrl: '/api/auth',
    ...options,
    headers: async () => ({ ...(extra ? await extra() : {}), ...NS_HEADER }),
  });
}

async function answerOf(captcha: Captcha): Promise<string> {
  return ((await control('GET', `captcha-answer?id=${encodeURIComponent(captcha.id)}`)) as { answer: string }).answer;
}


async function registration(a: HttpAdapter, email = 'Maria.Ivanova@Example.com'): Promise<RegisterInput> {
  const captcha = await a.getCaptcha();
  return {
    email,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: 'Tr0ub4dor&3-horse',
    captcha: { id: captcha.id, answer: await answerOf(captcha) },
  };
}

describeAdapterConformance(
  'HttpAdapter against the contract server',
  () => ({
    adapter: adapter(),
    solveCaptcha: answerOf,
    async readActivationToken(email) {
      const outbox = (await control('GET', 'outbox')) as { to: string; token: string }[];
      const letter = outbox.filter((l) => l.to.toLowerCase() === email.trim().toLowerCase()).at(-1);
      if (!letter) throw new Error(`no letter to ${email}`);
      return letter.token;
    },
    async expireToken() {
      await control('POST', 'clock', { advanceMs: TOKEN_TTL_MS });
    },
    async expireCaptcha() {
      await control('POST', 'clock', { advanceMs: CAPTCHA_TTL_MS });
    },
    async reset() {
      await reset({ captchaTtlMs: CAPTCHA_TTL_MS, tokenTtlMs: TOKEN_TTL_MS });
    },
  }),
  { expireToken: true, expireCaptcha: true },
);

describe('HttpAdapter', () => {
  beforeEach(async () => {
    await reset({ resendCooldownMs: 60_000 });
  });

  describe('when the server answers with an error status', () => {
    it('reports 500 as server', async () => {
      await fault({ kind: 'status', status: 500, path: 'captcha' });
      await adapterError(adapter().getCaptcha(), 'server');
    });

    it('reports 503 as server, keeping Retry-After', async () => {
      await fault({ kind: 'status', status: 503, retryAfter: 30 });
      const error = await adapterError(adapter().getCaptcha(), 'server');
      expect(error.retryAfter).to.equal(30);
    });

    it('reports 429 with Retry-After seconds as rate_limited with retryAfter', async () => {
      await fault({ kind: 'status', status: 429, retryAfter: 42, path: 'activation/resend' });
      const error = await adapterError(adapter().resendActivation('a@example.com'), 'rate_limited');
      expect(error.retryAfter).to.equal(42);
    });

    it('reads a Retry-After HTTP-date as seconds from now', async () => {
      const at = new Date(Date.now() + 90_000).toUTCString();
      await fault({ kind: 'status', status: 429, retryAfter: at });
      const error = await adapterError(adapter().resendActivation('a@example.com'), 'rate_limited');
      expect(error.retryAfter).to.be.within(85, 91);
    });

    it('reports the real cooldown of the server as rate_limited with retryAfter', async () => {
      const a = adapter();
      await a.resendActivation('someone@example.com');
      const error = await adapterError(a.resendActivation('SOMEONE@example.com'), 'rate_limited');
      expect(error.retryAfter).to.be.within(59, 60);
    });

    it('falls back on the status when the problem has no known code', async () => {
      const a = adapter();
      const input = await registration(a);
      const cases: [Fault, () => Promise<unknown>, AdapterErrorCode][] = [
        [{ kind: 'status', status: 409 }, () => a.register(input), 'email_taken'],
        [{ kind: 'status', status: 409 }, () => a.activate('t'), 'already_active'],
        [{ kind: 'status', status: 410 }, () => a.activate('t'), 'token_expired'],
        [{ kind: 'status', status: 422 }, () => a.activate('t'), 'validation'],
        [{ kind: 'status', status: 400 }, () => a.resendActivation('a@example.com'), 'validation'],
        [{ kind: 'status', status: 504 }, () => a.getCaptcha(), 'timeout'],
        [{ kind: 'status', status: 404 }, () => a.activate('t'), 'server'],
        [{ kind: 'status', status: 418, body: { code: 'no_such_code' } }, () => a.getCaptcha(), 'server'],
        [
          { kind: 'status', status: 502, body: '<html>Bad gateway</html>', contentType: 'text/html' },
          () => a.getCaptcha(),
          'server',
        ],
      ];
      for (const [f, call, code] of cases) {
        await fault(f);
        const error = await adapterError(call(), code);
        if (code === 'email_taken') expect(error.field).to.equal('email');
      }
    });

    it('reports 408 as timeout', async () => {
      // Several: Chromium itself resends a request answered with 408 on a reused connection.
      await fault({ kind: 'status', status: 408, times: 10 });
      await adapterError(adapter().getCaptcha(), 'timeout');
    });

    it('takes the code from the problem type URI when there is no code member', async () => {
      const input = await registration(adapter());
      await fault({
        kind: 'status',
        status: 400,
        body: { type: 'https://ae-auth-elements.dev/problems/captcha_expired', title: 'Expired', status: 400 },
      });
      const a = adapter();
      const error = await adapterError(a.register(input), 'captcha_expired');
      expect(error.field).to.equal('captcha');
      expect(error.message).to.equal('Expired');
    });

    it('passes field, fieldErrors and detail of a problem through, dropping entries that are not strings', async () => {
      const a = adapter();
      const input = await registration(a);
      await fault({
        kind: 'status',
        status: 422,
        body: {
          code: 'validation',
          detail: 'Check the form',
          fieldErrors: { email: 'email.invalid', lastName: 'name.cyrillic', bogus: 5, ['__proto__']: 'x' },
        },
      });
      const error = await adapterError(a.register(input), 'validation');
      expect(error.message).to.equal('Check the form');
      expect(error.field).to.equal('email');
      expect(error.fieldErrors).to.include({ email: 'email.invalid', lastName: 'name.cyrillic' });
      expect(error.fieldErrors).not.to.have.property('bogus');
      expect(Object.getPrototypeOf(error.fieldErrors)).to.equal(Object.prototype);
    });

    it('reports the real server rules with the same codes as the embedded adapter', async () => {
      const a = adapter();
      await a.register(await registration(a));
      const taken = await adapterError(a.register(await registration(a, 'maria.ivanova@EXAMPLE.com')), 'email_taken');
      expect(taken.field).to.equal('email');
      const invalid = await adapterError(
        a.register({ ...(await registration(a)), email: 'nope', firstName: 'Мария' }),
        'validation',
      );
      expect(invalid.fieldErrors).to.deep.equal({ email: 'email.invalid', firstName: 'name.cyrillic' });
    });
  });

  describe('when the response cannot be used', () => {
    it('reports invalid JSON as server', async () => {
      await fault({ kind: 'malformed', path: '/api/auth/captcha' });
      await adapterError(adapter().getCaptcha(), 'server');
    });

    it('reports JSON of the wrong shape as server', async () => {
      const a = adapter();
      const shapes: [unknown, () => Promise<unknown>][] = [
        [{ image: 'data:image/png;base64,AA', expiresAt: Date.now() + 1000 }, () => a.getCaptcha()],
        [{ id: 'x', image: 'javascript:alert(1)', expiresAt: Date.now() + 1000 }, () => a.getCaptcha()],
        [{ id: 'x', image: 'data:text/html,<b>', expiresAt: Date.now() + 1000 }, () => a.getCaptcha()],
        [{ id: 'x', image: 'data:image/png;base64,AA', expiresAt: '2030-01-01' }, () => a.getCaptcha()],
        [[], () => a.getCaptcha()],
        [{ userId: 42, email: 'a@b.c' }, () => a.activate('t')],
        [{ userId: 'u', email: 'a@b.c', firstName: 'A' }, () => a.activate('t')],
        [null, () => a.activate('t')],
      ];
      for (const [body, call] of shapes) {
        await fault({ kind: 'status', status: 200, body });
        await adapterError(call(), 'server');
      }
      const input = await registration(a);
      await fault({ kind: 'status', status: 201, body: { userId: 'u' } });
      await adapterError(a.register(input), 'server');
    });

    it('resolves an http(s) captcha image against the API URL and keeps only the known fields', async () => {
      const expiresAt = 1_900_000_000_000;
      await fault({ kind: 'status', status: 200, body: { id: 'c1', image: 'img/c1.png', expiresAt, extra: 1 } });
      const captcha = await adapter().getCaptcha();
      const image = new URL('/api/auth/img/c1.png', location.href).href;
      expect(captcha).to.deep.equal({ id: 'c1', image, expiresAt });
    });
  });

  describe('when the network fails', () => {
    it('reports a connection refused as network', async () => {
      const { port } = (await control('GET', 'closed-port')) as { port: number };
      const a = new HttpAdapter({ baseUrl: `http://127.0.0.1:${port}/api/auth` });
      await adapterError(a.getCaptcha(), 'network');
    });

    it('reports a connection closed without a response as network', async () => {
      // Several: Chromium silently retries a request whose reused keep-alive connection was closed, on the
      // next idle connection, until one on a fresh connection fails.
      await fault({ kind: 'refuse', path: 'captcha', times: 10 });
      await adapterError(adapter().getCaptcha(), 'network');
    });

    it('reports a response slower than timeoutMs as timeout, and the server sees the call given up', async () => {
      await fault({ kind: 'hang', ms: 5_000 });
      const started = performance.now();
      const error = await adapterError(adapter({ timeoutMs: 300 }).getCaptcha(), 'timeout');
      const elapsed = performance.now() - started;
      expect(elapsed).to.be.within(250, 2_000);
      expect(error.cause).to.be.instanceOf(DOMException);
    });

    it('times out without AbortSignal.any too', async () => {
      const original = AbortSignal.any;
      (AbortSignal as { any?: unknown }).any = undefined;
      try {
        await fault({ kind: 'hang', ms: 5_000 });
        await adapterError(adapter({ timeoutMs: 200 }).getCaptcha({ signal: new AbortController().signal }), 'timeout');
      } finally {
        AbortSignal.any = original;
      }
    });

    it('does not retry by itself: a failed register reached the server once and changed nothing', async () => {
      const a = adapter();
      const input = await registration(a);
      await fault({ kind: 'status', status: 503, path: 'register', times: 1 });
      await adapterError(a.register(input), 'server');
      // Had the adapter retried, the second attempt would have succeeded and created the user.
      const user = await fetch(`/api/__test__/user?email=${encodeURIComponent(input.email)}`, { headers: NS_HEADER });
      expect(user.status).to.equal(404);
    });
  });

  describe('when the caller aborts', () => {
    it('rejects with the AbortError of the signal while the server is still working', async () => {
      await fault({ kind: 'hang', ms: 5_000 });
      const controller = new AbortController();
      const call = adapter().getCaptcha({ signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(call);
      expect(isAbortError(error)).to.equal(true);
      expect(error).to.equal(controller.signal.reason);
    });

    it('rejects with the caller reason without AbortSignal.any too', async () => {
      const original = AbortSignal.any;
      (AbortSignal as { any?: unknown }).any = undefined;
      try {
        await fault({ kind: 'hang', ms: 5_000 });
        const controller = new AbortController();
        const call = adapter().activate('t', { signal: controller.signal });
        const reason = new DOMException('navigated away', 'AbortError');
        setTimeout(() => controller.abort(reason), 50);
        expect(await rejection(call)).to.equal(reason);
      } finally {
        AbortSignal.any = original;
      }
    });

    it('an aborted register leaves no user behind', async () => {
      const a = adapter();
      const input = await registration(a);
      await fault({ kind: 'hang', ms: 5_000, path: 'register' });
      const controller = new AbortController();
      const call = a.register(input, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      expect(isAbortError(await rejection(call))).to.equal(true);
      await new Promise((r) => setTimeout(r, 100));
      const user = await fetch(`/api/__test__/user?email=${encodeURIComponent(input.email)}`, { headers: NS_HEADER });
      expect(user.status).to.equal(404);
    });
  });

  describe('the request', () => {
    type Seen = { method: string; path: string; headers: Record<string, string> };
    const lastRequest = async () => (await control('GET', 'last-request-headers')) as Seen;

    it('is a JSON POST with the headers of the hook', async () => {
      const a = adapter({ headers: () => Promise.resolve({ 'X-CSRF-Token': 'csrf-123', 'content-type': 'text/plain' }) });
      await a.resendActivation('someone@example.com');
      const seen = await lastRequest();
      expect(seen.method).to.equal('POST');
      expect(seen.path).to.equal('/api/auth/activation/resend');
      expect(seen.headers['x-csrf-token']).to.equal('csrf-123');
      expect(seen.headers['content-type']).to.equal('application/json');
      expect(seen.headers.accept).to.equal('application/json, application/problem+json');
    });

    it('rejects with network when the headers hook throws, without sending anything', async () => {
      const a = adapter({
        headers: () => {
          throw new Error('no CSRF token');
        },
      });
      await adapterError(a.getCaptcha(), 'network');
      expect((await fetch('/api/__test__/last-request-headers', { headers: NS_HEADER })).status).to.equal(404);
    });

    it('sends cookies with the default credentials and none with credentials: omit', async () => {
      document.cookie = 'ae_http_adapter_test=1; path=/';
      try {
        await adapter().getCaptcha();
        expect((await lastRequest()).headers.cookie ?? '').to.contain('ae_http_adapter_test=1');
        await adapter({ credentials: 'omit' }).getCaptcha();
        expect((await lastRequest()).headers.cookie ?? '').not.to.contain('ae_http_adapter_test');
      } finally {
        document.cookie = 'ae_http_adapter_test=; path=/; max-age=0';
      }
    });

    it('resolves a relative baseUrl against the page and tolerates a trailing slash', async () => {
      const a = new HttpAdapter({ baseUrl: '../api/auth/', headers: () => NS_HEADER });
      await a.getCaptcha();
      expect((await lastRequest()).path).to.equal(new URL('../api/auth/captcha', location.href).pathname);
    });

    it('uses the fetch it is given, unbound', async () => {
      const seen: string[] = [];
      const a = new HttpAdapter({
        baseUrl: 'https://auth.example.test/v1',
        fetch: (url, init) => {
          seen.push(`${init?.method} ${String(url)} ${init?.cache} ${init?.credentials}`);
          return Promise.resolve(new Response(null, { status: 204 }));
        },
      });
      await a.resendActivation('x@example.com');
      expect(seen).to.deep.equal(['POST https://auth.example.test/v1/activation/resend no-store same-origin']);
    });

    it('sends the password only in the body and never the fields it does not know', async () => {
      const bodies: unknown[] = [];
      const urls: string[] = [];
      const a = new HttpAdapter({
        baseUrl: 'https://auth.example.test/v1',
        fetch: (url, init) => {
          urls.push(String(url));
          bodies.push(JSON.parse(String(init?.body)));
          return Promise.resolve(Response.json({ userId: 'u1', email: 'a@example.com' }, { status: 201 }));
        },
      });
      const input = {
        email: 'a@example.com',
        firstName: 'A',
        lastName: 'B',
        password: 'secret-Pa55',
        passwordRepeat: 'secret-Pa55',
        captcha: { id: 'c', answer: 'x' },
      };
      expect(await a.register(input)).to.deep.equal({ userId: 'u1', email: 'a@example.com' });
      expect(urls.join()).not.to.contain('secret');
      expect(bodies[0]).to.deep.equal({
        email: 'a@example.com',
        firstName: 'A',
        lastName: 'B',
        password: 'secret-Pa55',
        captcha: { id: 'c', answer: 'x' },
      });
    });

    it('refuses a baseUrl that cannot be resolved', () => {
      expect(() => new HttpAdapter({ baseUrl: '' })).to.throw(TypeError);
      expect(() => new HttpAdapter({ baseUrl: 'http://[bad' })).to.throw(TypeError);
    });
  });
});
