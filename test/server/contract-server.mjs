// A server that follows openapi/auth.openapi.yaml, built on the real MemoryAdapter so that the HTTP contract
// and the embedded backend cannot drift apart. For tests, demos and backend teams; never for production:
// its /api/__test__/ endpoints reveal captcha answers and activation tokens.
//
//   import { createContractHandler } from './contract-server.mjs';
//   const handler = createContractHandler({ resendCooldownMs: 0 });
//   http.createServer((req, res) => handler(req, res, () => { res.statusCode = 404; res.end(); }));
//
// State lives in memory, per namespace: requests that carry `x-contract-namespace: <name>` (or `?ns=<name>`)
// get their own users, captchas, faults and clock, so parallel test files cannot disturb each other.
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const AUTH_PREFIX = '/api/auth';
export const TEST_PREFIX = '/api/__test__';
export const PROBLEM_TYPE_BASE = 'https://ae-auth-elements.dev/problems/';
export const NAMESPACE_HEADER = 'x-contract-namespace';

/** HTTP status of every error code of the contract (openapi/auth.openapi.yaml, "Problem" responses). */
export const STATUS_BY_CODE = Object.freeze({
  validation: 422,
  captcha_invalid: 422,
  captcha_expired: 422,
  email_taken: 409,
  already_active: 409,
  token_invalid: 404,
  token_expired: 410,
  rate_limited: 429,
  timeout: 504,
  server: 500,
  // `network` is never sent by a server: it means "no response at all" on the client.
  network: 502,
});

const TITLES = {
  validation: 'Some fields are invalid',
  captcha_invalid: 'The captcha answer is wrong or the captcha was already used',
  captcha_expired: 'The captcha has expired',
  email_taken: 'This e-mail address is already registered',
  already_active: 'The profile is already active',
  token_invalid: 'Unknown activation link',
  token_expired: 'The activation link has expired',
  rate_limited: 'Too many requests',
  timeout: 'The server timed out',
  server: 'Internal server error',
  network: 'Bad gateway',
};

/** Operation of each contract path (relative to AUTH_PREFIX). */
const ROUTES = {
  '/captcha': 'getCaptcha',
  '/register': 'register',
  '/activation/resend': 'resendActivation',
  '/activation': 'activate',
};

/** MemoryAdapter options a test may set through `POST /api/__test__/reset`. */
const RESET_OPTION_KEYS = [
  'latency',
  'captchaTtlMs',
  'tokenTtlMs',
  'resendCooldownMs',
  'seed',
  'captchaAnswer',
  'captchaLength',
  'activationUrl',
];

const MAX_BODY_BYTES = 16 * 1024;
const MAX_NAMESPACES = 200;
const DEFAULT_HANG_MS = 30_000;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

let backendPromise;

/**
 * The library's MemoryAdapter and AdapterError, compiled from `src/` with esbuild (bundled, ESM) and imported
 * from a data: URL. Built once per process.
 */
export function loadBackend() {
  backendPromise ??= (async () => {
    const result = await esbuild.build({
      stdin: {
        contents: [
          "export { MemoryAdapter } from './src/adapter/memory-adapter.js';",
          "export { AdapterError, isAdapterError } from './src/adapter/adapter-error.js';",
        ].join('\n'),
        resolveDir: ROOT,
        sourcefile: 'contract-backend.ts',
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      tsconfig: resolve(ROOT, 'tsconfig.json'),
      // Only loaded lazily for exotic letters by the async transliteration, which the server never calls.
      external: ['transliteration'],
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  })();
  return backendPromise;
}

/**
 * A connect-style middleware `(req, res, next)` serving `/api/auth/*` (the contract) and, unless
 * `testEndpoints: false`, `/api/__test__/*` (test control). Other paths go to `next()`.
 *
 * @param {object} [options] MemoryAdapter options used for every namespace (and after every reset),
 *   plus `testEndpoints` (default true).
 */
export function createContractHandler(options = {}) {
  const { testEndpoints = true, ...adapterDefaults } = options;
  const namespaces = new Map();
  const ready = loadBackend();

  function makeState(backend, overrides = {}) {
    const state = { adapter: undefined, faults: [], clockOffset: 0, lastRequest: undefined };
    const merged = { activationUrl: 'http://localhost/activate?token={token}', ...adapterDefaults, ...overrides };
    const baseNow = merged.now ?? Date.now;
    state.adapter = new backend.MemoryAdapter({ ...merged, now: () => baseNow() + state.clockOffset });
    return state;
  }

  function stateFor(backend, name) {
    let state = namespaces.get(name);
    if (!state) {
      if (namespaces.size >= MAX_NAMESPACES) namespaces.delete(namespaces.keys().next().value);
      state = makeState(backend);
      namespaces.set(name, state);
    }
    return state;
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://contract.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const backend = await ready;
    const name = String(req.headers[NAMESPACE_HEADER] ?? url.searchParams.get('ns') ?? 'default').slice(0, 100);
    const context = { req, res, url, path, backend, name, state: stateFor(backend, name) };
    if (isUnder(path, TEST_PREFIX)) return handleTest(context);
    return handleAuth(context);
  }

  async function handleAuth({ req, res, path, backend, state }) {
    const route = path.slice(AUTH_PREFIX.length) || '/';
    state.lastRequest = { method: req.method, path, headers: { ...req.headers } };
    const operation = ROUTES[route];
    if (!operation) return sendProblem(res, 404, { title: 'Not found', detail: `No operation at ${path}` });
    if (req.method !== 'POST') {
      return sendProblem(res, 405, { title: 'Method not allowed', detail: 'Use POST' }, { allow: 'POST' });
    }

    let body;
    try {
      body = await readJsonBody(req);
    } catch (error) {
      return sendAdapterError(res, backend, error);
    }

    const fault = takeFault(state, route);
    if (fault) {
      const handled = await applyFault(fault, req, res);
      if (handled) return;
    }

    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new DOMException('The client went away', 'AbortError'));
    };
    res.on('close', onClose);
    const call = { signal: controller.signal };
    const adapter = state.adapter;
    try {
      switch (operation) {
        case 'getCaptcha':
          return sendJson(res, 200, await adapter.getCaptcha(call));
        case 'register': {
          const input = registerInput(backend, body);
          return sendJson(res, 201, await adapter.register(input, call));
        }
        case 'resendActivation': {
          const email = requiredString(backend, body, 'email');
          await adapter.resendActivation(email, call);
          return sendEmpty(res, 204);
        }
        case 'activate': {
          const token = requiredString(backend, body, 'token');
          return sendJson(res, 200, await adapter.activate(token, call));
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return; // nobody is listening any more
      return sendAdapterError(res, backend, error);
    } finally {
      res.off('close', onClose);
    }
  }

  async function handleTest({ req, res, url, path, backend, name, state }) {
    if (!testEndpoints) return sendProblem(res, 404, { title: 'Not found' });
    const action = path.slice(TEST_PREFIX.length + 1);
    const method = req.method ?? 'GET';
    let body;
    try {
      body = method === 'POST' ? await readJsonBody(req) : undefined;
    } catch (error) {
      return sendAdapterError(res, backend, error);
    }
    switch (`${method} ${action}`) {
      case 'POST reset': {
        const overrides = {};
        for (const key of RESET_OPTION_KEYS) if (isRecord(body) && body[key] !== undefined) overrides[key] = body[key];
        namespaces.set(name, makeState(backend, overrides));
        return sendEmpty(res, 204);
      }
      case 'GET outbox':
        return sendJson(res, 200, state.adapter.outbox);
      case 'GET captcha-answer': {
        const answer = state.adapter.debugCaptchaAnswer(url.searchParams.get('id') ?? '');
        return answer === undefined
          ? sendProblem(res, 404, { title: 'No such unused captcha' })
          : sendJson(res, 200, { answer });
      }
      case 'GET user': {
        const user = state.adapter.getUser(url.searchParams.get('email') ?? '');
        return user ? sendJson(res, 200, user) : sendProblem(res, 404, { title: 'No such user' });
      }
      case 'GET last-request-headers':
        return state.lastRequest
          ? sendJson(res, 200, state.lastRequest)
          : sendProblem(res, 404, { title: 'No request to /api/auth yet' });
      case 'POST clock': {
        const advanceMs = isRecord(body) ? Number(body.advanceMs ?? 0) : 0;
        if (!Number.isFinite(advanceMs)) return sendProblem(res, 400, { title: 'advanceMs must be a number' });
        state.clockOffset += advanceMs;
        return sendJson(res, 200, { offsetMs: state.clockOffset, now: Date.now() + state.clockOffset });
      }
      case 'POST fault': {
        const fault = parseFault(body);
        if (typeof fault === 'string') return sendProblem(res, 400, { title: 'Bad fault', detail: fault });
        state.faults.push(fault);
        return sendEmpty(res, 204);
      }
      case 'GET closed-port':
        return sendJson(res, 200, { port: await closedPort() });
      default:
        return sendProblem(res, 404, { title: 'Unknown test endpoint', detail: `${method} ${path}` });
    }
  }

  /**
   * @type {((req, res, next) => void)
   *   & { matches(url: string): boolean; handle(req, res): Promise<void>; ready: Promise<unknown> }}
   */
  const middleware = (req, res, next) => {
    if (!middleware.matches(req.url ?? '/')) return next();
    middleware.handle(req, res).catch((error) => next(error));
  };
  middleware.ready = ready;
  middleware.matches = (rawUrl) => {
    const path = new URL(rawUrl, 'http://contract.local').pathname;
    return isUnder(path, AUTH_PREFIX) || (testEndpoints && isUnder(path, TEST_PREFIX));
  };
  middleware.handle = async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      // A bug in this server: answer like a server would, without details.
      if (!res.headersSent) sendProblem(res, 500, { code: 'server', title: TITLES.server, detail: String(error) });
      else res.destroy();
    }
  };
  return middleware;
}

function isUnder(path, prefix) {
  return path === prefix || path.startsWith(`${prefix}/`);
}

function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A request body as JSON (`undefined` when empty). Too large or not JSON: an AdapterError('validation'). */
async function readJsonBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      const error = new Error('Request body too large');
      error.problem = { status: 413, code: 'validation' };
      throw error;
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const error = new Error('The request body is not JSON');
    error.problem = { status: 400, code: 'validation' };
    throw error;
  }
}

/** Wrong JSON types are a malformed request: 400 `validation`, `fieldErrors[field] = 'invalid_type'`. */
function typeError(backend, fields) {
  const fieldErrors = Object.fromEntries(fields.map((f) => [f, 'invalid_type']));
  const error = new backend.AdapterError('validation', `Wrong JSON type: ${fields.join(', ')}`, {
    field: fields[0],
    fieldErrors,
  });
  error.status = 400;
  return error;
}

function registerInput(backend, body) {
  if (!isRecord(body)) throw typeError(backend, ['body']);
  const wrong = ['email', 'firstName', 'lastName', 'password'].filter(
    (key) => body[key] !== undefined && typeof body[key] !== 'string',
  );
  const captcha = body.captcha;
  if (
    captcha !== undefined &&
    (!isRecord(captcha) ||
      (captcha.id !== undefined && typeof captcha.id !== 'string') ||
      (captcha.answer !== undefined && typeof captcha.answer !== 'string'))
  ) {
    wrong.push('captcha');
  }
  if (wrong.length) throw typeError(backend, wrong);
  // Missing fields go on to the adapter, which reports them as `<field>.required` (captcha: captcha_invalid).
  return {
    email: body.email ?? '',
    firstName: body.firstName ?? '',
    lastName: body.lastName ?? '',
    password: body.password ?? '',
    captcha: captcha === undefined ? undefined : { id: captcha.id, answer: captcha.answer ?? '' },
  };
}

function requiredString(backend, body, key) {
  if (!isRecord(body) || typeof body[key] !== 'string') throw typeError(backend, [key]);
  return body[key];
}

function parseFault(body) {
  if (!isRecord(body)) return 'the body must be a JSON object';
  const times = body.times === undefined ? 1 : Number(body.times);
  if (!Number.isInteger(times) || times < 1) return 'times must be a positive integer';
  const path = body.path === undefined ? undefined : normalizeRoute(String(body.path));
  if (path !== undefined && !ROUTES[path]) return `unknown path ${body.path}`;
  switch (body.kind) {
    case 'status': {
      const status = Number(body.status);
      if (!Number.isInteger(status) || status < 200 || status > 599) return 'status must be 200..599';
      return {
        kind: 'status',
        status,
        retryAfter: body.retryAfter,
        body: body.body,
        contentType: typeof body.contentType === 'string' ? body.contentType : undefined,
        path,
        times,
      };
    }
    case 'hang': {
      const ms = body.ms === undefined ? DEFAULT_HANG_MS : Number(body.ms);
      if (!Number.isFinite(ms) || ms < 0) return 'ms must be a non-negative number';
      return { kind: 'hang', ms, path, times };
    }
    case 'malformed':
    case 'refuse':
      return { kind: body.kind, path, times };
    default:
      return 'kind must be one of status, hang, malformed, refuse';
  }
}

/** '/api/auth/register', 'register' and '/register' all name the route '/register'. */
function normalizeRoute(path) {
  const stripped = path.startsWith(AUTH_PREFIX) ? path.slice(AUTH_PREFIX.length) : path;
  return `/${stripped.replace(/^\/+|\/+$/g, '')}`;
}

function takeFault(state, route) {
  const index = state.faults.findIndex((f) => f.path === undefined || f.path === route);
  if (index < 0) return undefined;
  const fault = state.faults[index];
  fault.times -= 1;
  if (fault.times <= 0) state.faults.splice(index, 1);
  return fault;
}

/** Applies a fault. Resolves true when the response is done (or deliberately never comes). */
async function applyFault(fault, req, res) {
  switch (fault.kind) {
    case 'status': {
      const headers = { 'cache-control': 'no-store' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      if (fault.body !== undefined) {
        headers['content-type'] =
          fault.contentType ?? (fault.status >= 400 ? 'application/problem+json' : 'application/json');
        const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
        res.writeHead(fault.status, headers).end(text);
      } else if (fault.status >= 400) {
        // A bare problem without `code`: the client must fall back on the status.
        headers['content-type'] = 'application/problem+json';
        const problem = { type: 'about:blank', title: 'Injected', status: fault.status };
        res.writeHead(fault.status, headers).end(JSON.stringify(problem));
      } else {
        res.writeHead(fault.status, headers).end();
      }
      return true;
    }
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end('{"id": "abc", "image": "data:image/svg+xml;base64,AAAA", "expiresAt": 17');
      return true;
    case 'refuse':
      req.socket.destroy();
      return true;
    case 'hang': {
      const gone = await new Promise((resolveWait) => {
        const timer = setTimeout(() => {
          res.off('close', onClose);
          resolveWait(false);
        }, fault.ms);
        const onClose = () => {
          clearTimeout(timer);
          resolveWait(true);
        };
        res.once('close', onClose);
      });
      return gone; // after the wait the call is served normally
    }
    default:
      return false;
  }
}

function sendAdapterError(res, backend, error) {
  if (res.headersSent || res.destroyed) return;
  if (error?.problem) {
    const { status, code } = error.problem;
    return sendProblem(res, status, { code, title: TITLES[code], detail: error.message });
  }
  if (!backend.isAdapterError(error)) {
    return sendProblem(res, 500, { code: 'server', title: TITLES.server, detail: 'Unexpected error' });
  }
  const status = error.status ?? STATUS_BY_CODE[error.code] ?? 500;
  const problem = { code: error.code, title: TITLES[error.code], detail: error.message };
  if (error.field !== undefined) problem.field = error.field;
  if (error.fieldErrors !== undefined) problem.fieldErrors = error.fieldErrors;
  const headers = {};
  if (error.retryAfter !== undefined) {
    problem.retryAfter = error.retryAfter;
    headers['retry-after'] = String(error.retryAfter);
  }
  return sendProblem(res, status, problem, headers);
}

/** An RFC 9457 problem document. With a `code`, `type` is `${PROBLEM_TYPE_BASE}${code}`. */
function sendProblem(res, status, { code, title, detail, ...rest } = {}, headers = {}) {
  const document = {
    type: code ? `${PROBLEM_TYPE_BASE}${code}` : 'about:blank',
    title: title ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(code === undefined ? {} : { code }),
    ...rest,
  };
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(document));
}

function sendJson(res, status, value) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function sendEmpty(res, status) {
  res.writeHead(status, { 'cache-control': 'no-store' });
  res.end();
}

/** A local TCP port that nothing listens on (it was free a moment ago): for "connection refused" tests. */
function closedPort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}
