import { expect } from '@open-wc/testing';
import { isAbortError, type AdapterErrorCode } from '../src/adapter/adapter-error.js';
import { HttpAdapter, type HttpAdapterOptions } from '../src/adapter/http-adapter.js';
import type { Captcha, RegisterInput } from '../src/adapter/types.js';
import { describeAdapterConformance } from '../src/testing/adapter-conformance.js';
import { adapterError, rejection } from './helpers/adapter.js';
import { contractControl, type Fault } from './server/contract-client.js';

// Runs against test/server/contract-server.mjs, served same-origin by the wtr plugin
// (test/server/wtr-http.config.mjs). Every request carries this file's namespace, so the server state
// is private to this file. The server checks each of its responses against openapi/auth.openapi.yaml;
// afterEach fails a test during which it had to replace one (see contract-server.mjs).
const NAMESPACE = `http-adapter-${Math.random().toString(36).slice(2)}`;
const server = contractControl(NAMESPACE);
const NS_HEADER = server.headers;
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const CAPTCHA_TTL_MS = 120_000;
const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

const control = server.control;
const reset = server.reset;
const fault = server.fault;

afterEach(() => server.expectNoViolations());

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

let browsers = 0;
describeAdapterConformance(
  'HttpAdapter against the contract server',
  async () => {
    // This page's cookie jar is the first client; the CSRF cookie carries the namespace in its name.
    const { csrf } = await server.cookieNames();
    return {
      adapter: adapter({ csrfCookie: csrf }),
      solveCaptcha: answerOf,
      readActivationToken: (email) => server.tokenOf(email, 'activation'),
      readResetToken: (email) => server.tokenOf(email, 'reset'),
      async expireToken() {
        await control('POST', 'clock', { advanceMs: TOKEN_TTL_MS });
      },
      async expireCaptcha() {
        await control('POST', 'clock', { advanceMs: CAPTCHA_TTL_MS });
      },
      async expireResetToken() {
        await control('POST', 'clock', { advanceMs: RESET_TOKEN_TTL_MS });
      },
      // Another browser: the server relays its calls with a cookie jar of its own.
      secondClient: () =>
        new HttpAdapter({
          baseUrl: server.browserUrl(`second-${++browsers}`),
          credentials: 'omit',
          csrfCookie: false,
          headers: () => NS_HEADER,
        }),
      async reset() {
        await reset({ captchaTtlMs: CAPTCHA_TTL_MS, tokenTtlMs: TOKEN_TTL_MS });
      },
    };
  },
  {
    expireToken: true,
    expireCaptcha: true,
    expireResetToken: true,
    secondClient: true,
    report: (line) => console.log(`[conformance over HTTP] ${line}`),
  },
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

    it('resolves a relative captcha image against the API URL and keeps only the known fields', async () => {
      const expiresIn = 90;
      const body = { id: 'c1', image: 'img/c1.png', expiresAt: Date.now() + 90_000, expiresIn, extra: 1 };
      await fault({ kind: 'status', status: 200, body });
      const captcha = await adapter().getCaptcha();
      const image = new URL('/api/auth/img/c1.png', location.href).href;
      expect(Object.keys(captcha).sort()).to.deep.equal(['expiresAt', 'id', 'image']);
      expect(captcha.id).to.equal('c1');
      expect(captcha.image).to.equal(image);
      expect(captcha.expiresAt - Date.now()).to.be.within(88_000, 90_500);
    });

    it('reports a negative or non-numeric expiresIn as server', async () => {
      for (const expiresIn of [-5, 0, '120', null]) {
        await fault({ kind: 'status', status: 200, body: { id: 'x', image: 'data:image/png;base64,AA', expiresAt: Date.now() + 60_000, expiresIn } });
        await adapterError(adapter().getCaptcha(), 'server');
      }
    });
  });

  describe('the captcha image', () => {
    /** An adapter whose server (a stand-in fetch at `api`) answers getCaptcha with `image`. */
    const withImage = (image: string, api = 'https://auth.example.test/v1') =>
      new HttpAdapter({
        baseUrl: api,
        fetch: () =>
          Promise.resolve(Response.json({ id: 'c', image, expiresAt: Date.now() + 60_000, expiresIn: 60 })),
      });

    it('accepts data:image, blob:, https: and http: on the page origin', async () => {
      const accepted = [
        'data:image/svg+xml;base64,PHN2Zy8+',
        'data:image/png;base64,AAAA',
        `blob:${location.origin}/6f1c1a63-0c4e-4d6e-9f54-1c2f1b1c0d2e`,
        'https://cdn.example.test/captcha/c.png',
        `${location.origin}/captcha/c.png`,
      ];
      for (const image of accepted) expect((await withImage(image).getCaptcha()).image, image).to.equal(image);
    });

    it('accepts http: on the origin of the API, and resolves relative URLs there', async () => {
      const api = 'http://auth.example.test/v1';
      expect((await withImage('http://auth.example.test/img/c.png', api).getCaptcha()).image).to.equal(
        'http://auth.example.test/img/c.png',
      );
      expect((await withImage('img/c.png', api).getCaptcha()).image).to.equal('http://auth.example.test/v1/img/c.png');
    });

    it('rejects javascript:, data: that is not an image, and http: from another origin as server', async () => {
      const rejected = [
        'javascript:alert(1)',
        'JavaScript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'data:,Ab3dE',
        'data:image',
        'http://tracker.example.test/c.png',
        'ftp://files.example.test/c.png',
        'vbscript:msgbox(1)',
        '',
      ];
      for (const image of rejected) {
        const error = await adapterError(withImage(image).getCaptcha(), 'server');
        expect(error.message, image).to.contain('image');
      }
      // http: from an origin that is neither the page's nor the API's, even with an http: API.
      await adapterError(withImage('http://other.example.test/c.png', 'http://auth.example.test/v1').getCaptcha(), 'server');
    });
  });

  describe('when the server redirects', () => {
    const registerCalls = async () => (await server.requests()).filter((r) => r.operation === 'register');

    it('does not follow a 307 on register: server, the password is not sent again, no user', async () => {
      const a = adapter();
      const input = await registration(a);
      // The target is the same operation, which would succeed: the fault is used up by the first request.
      await fault({ kind: 'redirect', status: 307, path: 'register' });
      const error = await adapterError(a.register(input), 'server');
      expect(error.message).to.contain('redirect');
      expect((await registerCalls()).map((r) => r.status)).to.deep.equal([307]);
      const user = await fetch(`/api/__test__/user?email=${encodeURIComponent(input.email)}`, { headers: NS_HEADER });
      expect(user.status).to.equal(404);
    });

    it('follows no redirect on any call', async () => {
      const a = adapter();
      const calls: [string, 301 | 302 | 303 | 308, () => Promise<unknown>][] = [
        ['captcha', 302, () => a.getCaptcha()],
        ['activation/resend', 308, () => a.resendActivation('someone@example.com')],
        ['activation', 301, () => a.activate('t')],
        ['captcha', 303, () => a.getCaptcha()],
      ];
      for (const [path, status, call] of calls) {
        await fault({ kind: 'redirect', status, path, location: '/api/auth/captcha' });
        await adapterError(call(), 'server');
      }
      expect((await server.requests()).map((r) => r.status)).to.deep.equal([302, 308, 301, 303]);
    });

    it('maps a 3xx from a fetch that does not hide redirects to server', async () => {
      const a = new HttpAdapter({
        baseUrl: 'https://auth.example.test/v1',
        fetch: (_url, init) => {
          expect(init?.redirect).to.equal('manual');
          return Promise.resolve(new Response(null, { status: 307, headers: { location: '/elsewhere' } }));
        },
      });
      await adapterError(a.resendActivation('x@example.com'), 'server');
    });
  });

  describe('when the clocks disagree', () => {
    // The real lifetime of every captcha below, from the server's own settings.
    const LIFETIME_MS = 120_000;
    const lifetimeOf = async (options: Record<string, unknown>) => {
      await reset({ captchaTtlMs: LIFETIME_MS, ...options });
      const before = Date.now();
      const captcha = await adapter().getCaptcha();
      return { lifetime: captcha.expiresAt - before, elapsed: Date.now() - before };
    };
    const expectLifetime = ({ lifetime, elapsed }: { lifetime: number; elapsed: number }, ms = LIFETIME_MS) =>
      expect(lifetime).to.be.within(ms - 2_000, ms + 2_000 + elapsed);

    it('a server clock 3 minutes behind, with expiresIn: the real lifetime on the client clock', async () => {
      expectLifetime(await lifetimeOf({ clockOffsetMs: -180_000 }));
    });

    it('a server clock 3 minutes behind, without expiresIn: measured against its Date header', async () => {
      expectLifetime(await lifetimeOf({ clockOffsetMs: -180_000, captchaExpiresIn: false }));
    });

    it('a server clock 3 minutes ahead, without expiresIn', async () => {
      expectLifetime(await lifetimeOf({ clockOffsetMs: 180_000, captchaExpiresIn: false }));
    });

    it('expiresAt in seconds instead of milliseconds, without expiresIn', async () => {
      expectLifetime(await lifetimeOf({ captchaExpiresAtUnit: 's', captchaExpiresIn: false }));
    });

    it('expiresAt in seconds from a server clock 3 minutes behind, without expiresIn', async () => {
      expectLifetime(await lifetimeOf({ captchaExpiresAtUnit: 's', captchaExpiresIn: false, clockOffsetMs: -180_000 }));
    });

    it('never hands out a captcha that expires on arrival: at least 5 s', async () => {
      await reset({ captchaTtlMs: 1_000 });
      const before = Date.now();
      const captcha = await adapter().getCaptcha();
      expect(captcha.expiresAt - before).to.be.within(5_000, 5_000 + (Date.now() - before));
    });

    it('clamps to [5 s, 1 day] whatever a server says', async () => {
      const at = (body: Record<string, unknown>, date?: string) =>
        new HttpAdapter({
          baseUrl: 'https://auth.example.test/v1',
          fetch: () => Promise.resolve(Response.json({ id: 'c', image: 'data:image/png;base64,AA', ...body }, date ? { headers: { date } } : {})),
        });
      const now = Date.now();
      const day = 24 * 60 * 60 * 1000;
      const serverNow = new Date(now - 3_600_000).toUTCString(); // an hour behind
      const cases: [Record<string, unknown>, string | undefined, number][] = [
        [{ expiresAt: now - 60_000 }, undefined, 5_000], // in the past, no Date: taken as is, then the floor
        [{ expiresAt: now - 3_600_000 - 60_000 }, serverNow, 5_000], // past on the server's clock too
        [{ expiresAt: now + 30 * day, expiresIn: 30 * 86_400 }, undefined, day],
        [{ expiresAt: now + 10 * day }, serverNow, day],
        [{ expiresAt: now - 3_600_000 + 45_000 }, serverNow, 45_000], // 45 s on the server's clock
        [{ expiresAt: now - 3_600_000 + 60_000, expiresIn: 60 }, undefined, 60_000], // expiresIn needs no clock
      ];
      for (const [body, date, expected] of cases) {
        const captcha = await at(body, date).getCaptcha();
        expect(captcha.expiresAt - now, JSON.stringify(body)).to.be.within(expected - 1_500, expected + 1_500);
      }
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
          seen.push(`${init?.method} ${String(url)} ${init?.cache} ${init?.credentials} ${init?.redirect}`);
          return Promise.resolve(new Response(null, { status: 204 }));
        },
      });
      await a.resendActivation('x@example.com');
      expect(seen).to.deep.equal(['POST https://auth.example.test/v1/activation/resend no-store same-origin manual']);
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
