import { expect } from '@open-wc/testing';
import { isAbortError, type AdapterErrorCode } from '../src/adapter/adapter-error.js';
import { HttpAdapter } from '../src/adapter/http-adapter.js';
import { authFixtures, PASSWORD } from './server/auth-fixtures.js';
import type { Fault } from './server/contract-client.js';
import { adapterError, rejection } from './helpers/adapter.js';

// The sign-in, session and reset calls of HttpAdapter when the server or the network fails: injected faults
// of the contract server on each route (no answer, too slow, 5xx, 429, a broken body, a redirect), the status
// fallbacks of the document for answers without a problem code, answers of the wrong shape, and the exact
// requests the adapter sends. The expected codes are the document's ("Errors", "Status fallbacks").
const NAMESPACE = `http-auth-faults-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);
const { server } = f;
const EMAIL = 'maria@example.test';

type Call = (a: HttpAdapter, signal?: AbortSignal) => Promise<unknown>;
/** The six calls of this issue, each with its route (as the fault's `path`). */
const CALLS: [string, string, Call][] = [
  ['signIn', 'sign-in', (a, signal) => a.signIn({ email: EMAIL, password: PASSWORD, remember: false }, { signal })],
  ['signOut', 'sign-out', (a, signal) => a.signOut({ signal })],
  ['getSession', 'session', (a, signal) => a.getSession({ signal })],
  ['requestPasswordReset', 'password-reset/request', (a, signal) => a.requestPasswordReset(EMAIL, { signal })],
  ['checkResetToken', 'password-reset/check', (a, signal) => a.checkResetToken('some-token', { signal })],
  [
    'resetPassword',
    'password-reset',
    (a, signal) => a.resetPassword({ token: 'some-token', password: 'N3w-horse-battery', signOutOthers: true }, { signal }),
  ],
];

/** An adapter whose server is a stand-in `fetch` answering every call with `response()`. */
const stub = (response: () => Response, seen: { url: string; init: RequestInit }[] = []) =>
  new HttpAdapter({
    baseUrl: 'https://auth.example.test/v1',
    fetch: (url, init) => {
      seen.push({ url: String(url), init: init ?? {} });
      return Promise.resolve(response());
    },
  });

describe('HttpAdapter sign-in, session and reset calls', () => {
  beforeEach(() => server.reset());
  afterEach(() => server.expectNoViolations());

  describe('when the server fails', () => {
    for (const [name, path, call] of CALLS) {
      describe(name, () => {
        it('reports 500 as server, 503 as server with Retry-After, 429 as rate_limited with Retry-After', async () => {
          await server.fault({ kind: 'status', status: 500, path });
          await adapterError(call(f.adapter()), 'server');
          await server.fault({ kind: 'status', status: 503, retryAfter: 30, path });
          expect((await adapterError(call(f.adapter()), 'server')).retryAfter).to.equal(30);
          await server.fault({ kind: 'status', status: 429, retryAfter: 42, path });
          expect((await adapterError(call(f.adapter()), 'rate_limited')).retryAfter).to.equal(42);
        });

        it('reports a connection closed without an answer as network', async () => {
          // Several: Chromium retries once on another keep-alive connection before it gives up.
          await server.fault({ kind: 'refuse', path, times: 10 });
          await adapterError(call(f.adapter()), 'network');
        });

        it('reports an answer slower than timeoutMs as timeout', async () => {
          await server.fault({ kind: 'hang', ms: 5_000, path });
          const started = performance.now();
          await adapterError(call(f.adapter({ timeoutMs: 300 })), 'timeout');
          expect(performance.now() - started).to.be.within(250, 2_000);
        });

        it('reports a 200 with a broken JSON body as server', async () => {
          await server.fault({ kind: 'malformed', path });
          await adapterError(call(f.adapter()), 'server');
        });

        it('rejects with the AbortError of the signal while the server is still working', async () => {
          await server.fault({ kind: 'hang', ms: 5_000, path });
          const controller = new AbortController();
          const pending = call(f.adapter(), controller.signal);
          setTimeout(() => controller.abort(), 50);
          const error = await rejection(pending);
          expect(isAbortError(error)).to.equal(true);
          expect(error === controller.signal.reason).to.equal(true);
        });

        it('does not follow a redirect (server), and the request reached the server once', async () => {
          await server.fault({ kind: 'redirect', status: 307, path });
          const error = await adapterError(call(f.adapter()), 'server');
          expect(error.message).to.contain('redirect');
          expect((await server.requests()).map((r) => r.status)).to.deep.equal([307]);
        });
      });
    }
  });

  describe('when an answer has no problem code', () => {
    it('falls back on the status as the document says', async () => {
      const a = f.adapter();
      const cases: [Fault, Call, AdapterErrorCode][] = [
        [{ kind: 'status', status: 401, path: 'sign-in' }, CALLS[0]![2], 'invalid_credentials'],
        [{ kind: 'status', status: 401, path: 'session' }, CALLS[2]![2], 'server'],
        [{ kind: 'status', status: 401, path: 'sign-out' }, CALLS[1]![2], 'server'],
        [{ kind: 'status', status: 403, path: 'sign-in' }, CALLS[0]![2], 'server'],
        [{ kind: 'status', status: 403, path: 'sign-out' }, CALLS[1]![2], 'server'],
        [{ kind: 'status', status: 410, path: 'password-reset/check' }, CALLS[4]![2], 'token_expired'],
        [{ kind: 'status', status: 410, path: 'password-reset' }, CALLS[5]![2], 'token_expired'],
        [{ kind: 'status', status: 410, path: 'sign-in' }, CALLS[0]![2], 'server'],
        [{ kind: 'status', status: 404, path: 'password-reset/check' }, CALLS[4]![2], 'server'],
        [{ kind: 'status', status: 422, path: 'password-reset' }, CALLS[5]![2], 'validation'],
        [{ kind: 'status', status: 400, path: 'password-reset/request' }, CALLS[3]![2], 'validation'],
        [{ kind: 'status', status: 504, path: 'session' }, CALLS[2]![2], 'timeout'],
        [{ kind: 'status', status: 409, path: 'sign-in' }, CALLS[0]![2], 'server'],
      ];
      for (const [fault, call, code] of cases) {
        await server.fault(fault);
        await adapterError(call(a), code);
      }
    });

    it('takes the code from the problem type URI when there is no code member', async () => {
      await server.fault({
        kind: 'status',
        status: 403,
        path: 'sign-in',
        body: { type: 'https://ae-auth-elements.dev/problems/captcha_required', title: 'Captcha', status: 403 },
      });
      const error = await adapterError(CALLS[0]![2](f.adapter()), 'captcha_required');
      expect(error.message).to.equal('Captcha');
    });
  });

  describe('when an answer has the wrong shape', () => {
    it('reports it as server', async () => {
      const a = f.adapter();
      const session = { userId: 'u1', email: EMAIL, firstName: 'Maria', lastName: 'Ivanova' };
      const cases: [Fault, Call][] = [
        [{ kind: 'status', status: 200, path: 'sign-in', body: { ...session, userId: 42 } }, CALLS[0]![2]],
        [{ kind: 'status', status: 200, path: 'sign-in', body: { userId: 'u1', email: EMAIL, firstName: 'M' } }, CALLS[0]![2]],
        [{ kind: 'status', status: 200, path: 'sign-in', body: [] }, CALLS[0]![2]],
        [{ kind: 'status', status: 200, path: 'session', body: null }, CALLS[2]![2]],
        [{ kind: 'status', status: 200, path: 'session', body: '' }, CALLS[2]![2]],
        [{ kind: 'status', status: 202, path: 'session' }, CALLS[2]![2]],
        [{ kind: 'status', status: 200, path: 'password-reset/check', body: {} }, CALLS[4]![2]],
        [{ kind: 'status', status: 200, path: 'password-reset/check', body: { email: '' } }, CALLS[4]![2]],
        [{ kind: 'status', status: 200, path: 'password-reset/check', body: { email: 5 } }, CALLS[4]![2]],
        // A proxy's or captive portal's page instead of the API: the call did not happen.
        [{ kind: 'status', status: 200, path: 'sign-out', body: '<html>Sign in to the Wi-Fi</html>', contentType: 'text/html' }, CALLS[1]![2]],
        [{ kind: 'status', status: 200, path: 'password-reset', body: '<html>', contentType: 'text/html' }, CALLS[5]![2]],
        [{ kind: 'status', status: 200, path: 'password-reset/request', body: 'OK', contentType: 'text/plain' }, CALLS[3]![2]],
      ];
      for (const [fault, call] of cases) {
        await server.fault(fault);
        const error = await adapterError(call(a), 'server');
        expect(error.message, JSON.stringify(fault)).to.match(/not (JSON|a Session|a ResetTokenInfo)/);
      }
    });

    it('hands on only the four members of a session, whatever else a server sends', async () => {
      const body = { userId: 'u1', email: EMAIL, firstName: 'Maria', lastName: 'Ivanova', token: 'bearer-secret', roles: ['x'] };
      for (const [path, call] of [['sign-in', CALLS[0]![2]], ['session', CALLS[2]![2]]] as const) {
        await server.fault({ kind: 'status', status: 200, path, body });
        const session = (await call(f.adapter())) as Record<string, unknown>;
        expect(Object.keys(session).sort().join()).to.equal('email,firstName,lastName,userId');
        expect(JSON.stringify(session)).not.to.contain('bearer-secret');
      }
    });

    it('takes a JSON body of a call without a result as success, and a 204 session as nobody', async () => {
      await server.fault({ kind: 'status', status: 200, path: 'password-reset', body: { ok: true } });
      await CALLS[5]![2](f.adapter());
      await server.fault({ kind: 'status', status: 204, path: 'session' });
      expect(await f.adapter().getSession()).to.equal(null);
    });
  });

  describe('the requests', () => {
    it('sign-in: a POST whose body alone carries the password, remember as sent, a captcha only when given', async () => {
      const seen: { url: string; init: RequestInit }[] = [];
      const session = { userId: 'u1', email: EMAIL, firstName: 'Maria', lastName: 'Ivanova' };
      const a = stub(() => Response.json(session), seen);
      await a.signIn({ email: EMAIL, password: 'secret-Pa55', remember: true });
      const extra = { email: EMAIL, password: 'secret-Pa55', remember: false, captcha: { id: 'c1', answer: 'Ab3dE' }, extra: 1 };
      await a.signIn(extra);
      expect(seen.map((s) => `${s.init.method} ${s.url} ${s.init.credentials} ${s.init.redirect}`)).to.deep.equal([
        'POST https://auth.example.test/v1/sign-in same-origin manual',
        'POST https://auth.example.test/v1/sign-in same-origin manual',
      ]);
      expect(seen.map((s) => s.url).join()).not.to.contain('secret');
      expect(JSON.parse(String(seen[0]!.init.body))).to.deep.equal({ email: EMAIL, password: 'secret-Pa55', remember: true });
      expect(JSON.parse(String(seen[1]!.init.body))).to.deep.equal({
        email: EMAIL,
        password: 'secret-Pa55',
        remember: false,
        captcha: { id: 'c1', answer: 'Ab3dE' },
      });
    });

    it('session: a GET with no body; sign-out: a POST with no body', async () => {
      const seen: { url: string; init: RequestInit }[] = [];
      const a = stub(() => new Response(null, { status: 204 }), seen);
      expect(await a.getSession()).to.equal(null);
      await a.signOut();
      const shape = seen.map((s) => {
        const headers = new Headers(s.init.headers);
        return `${s.init.method} ${s.url} body:${String(s.init.body)} type:${headers.get('content-type')}`;
      });
      expect(shape).to.deep.equal([
        'GET https://auth.example.test/v1/session body:null type:null',
        'POST https://auth.example.test/v1/sign-out body:null type:null',
      ]);
    });

    it('reset: the token in the body, never in the URL, and only the members of the contract', async () => {
      const seen: { url: string; init: RequestInit }[] = [];
      const a = stub(() => new Response(null, { status: 204 }), seen);
      await a.resetPassword({ token: 'tok-123', password: 'N3w-horse-battery', signOutOthers: true, ...{ repeat: 'x' } });
      await a.requestPasswordReset(EMAIL);
      const check = stub(() => Response.json({ email: 'm***@example.test' }), seen);
      expect(await check.checkResetToken('tok-456')).to.deep.equal({ email: 'm***@example.test' });
      expect(seen.map((s) => s.url)).to.deep.equal([
        'https://auth.example.test/v1/password-reset',
        'https://auth.example.test/v1/password-reset/request',
        'https://auth.example.test/v1/password-reset/check',
      ]);
      expect(seen.map((s) => JSON.parse(String(s.init.body)))).to.deep.equal([
        { token: 'tok-123', password: 'N3w-horse-battery', signOutOthers: true },
        { email: EMAIL },
        { token: 'tok-456' },
      ]);
    });
  });
});
