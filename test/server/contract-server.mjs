// A server that follows openapi/auth.openapi.yaml, built on the real MemoryAdapter so that the HTTP contract
// and the embedded backend cannot drift apart: every rule is the adapter's, this file adds HTTP (and
// contract-sessions.mjs maps browsers, by an HttpOnly cookie, to devices of the adapter, each with a session
// of its own). For tests, demos and backend teams; never for production:
// its /api/__test__/ endpoints reveal captcha answers, activation and reset tokens.
//
//   import { createContractHandler } from './contract-server.mjs';
//   const handler = createContractHandler({ resendCooldownMs: 0 });
//   http.createServer((req, res) => handler(req, res, () => { res.statusCode = 404; res.end(); }));
//
// State lives in memory, per namespace: requests that carry `x-contract-namespace: <name>` (or `?ns=<name>`)
// get their own users, captchas, sessions, faults and clock, so parallel test files cannot disturb each other;
// outside the default namespace the cookies carry the namespace in their names (`ae_session__<ns>`), since
// test files in one browser share one cookie jar.
//
// The contract is checked on both sides (contract-validator.mjs, ajv over the document's schemas): every
// request is recorded with whether the document allows it, and every response is checked before it is
// sent. A response the document does not allow (an undocumented status, a body or header off its schema,
// a 2xx to a request the document does not allow, a 5xx to an invalid request) is replaced by a `500`
// problem whose `detail` and `x-contract-violation` header say what was wrong, and is recorded
// (`GET /api/__test__/contract-violations`), so the test that caused it fails. Only injected faults
// (`POST /api/__test__/fault`, marked `x-contract-fault`) may break the contract, on purpose.
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { loadContract, mediaType } from './contract-validator.mjs';
import { cookieNames, createSessions } from './contract-sessions.mjs';
import * as socialRoutes from './routes-social.mjs';
import * as supportRoutes from './routes-support.mjs';
import * as accountRoutes from './routes-account.mjs';

export { cookieNames };

export const AUTH_PREFIX = '/api/auth';
export const TEST_PREFIX = '/api/__test__';
export const PROBLEM_TYPE_BASE = 'https://ae-auth-elements.dev/problems/';
export const NAMESPACE_HEADER = 'x-contract-namespace';
export const VIOLATION_HEADER = 'x-contract-violation';
export const FAULT_HEADER = 'x-contract-fault';

/** HTTP status of every error code of the contract (openapi/auth.openapi.yaml, "Problem" responses). */
export const STATUS_BY_CODE = Object.freeze({
  validation: 422,
  captcha_invalid: 422,
  captcha_expired: 422,
  email_taken: 409,
  already_active: 409,
  token_invalid: 404,
  token_expired: 410,
  token_used: 410,
  invalid_credentials: 401,
  not_activated: 403,
  captcha_required: 403,
  rate_limited: 429,
  denied: 403,
  state_mismatch: 400,
  email_in_use: 409,
  last_sign_in_method: 409,
  reauth_required: 401,
  not_found: 404,
  forbidden: 403,
  unsupported: 501,
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
  token_invalid: 'Unknown link',
  token_expired: 'The link has expired',
  token_used: 'The link was used already',
  invalid_credentials: 'Invalid e-mail or password',
  not_activated: 'The profile is not activated yet',
  captcha_required: 'Answer the captcha to sign in',
  rate_limited: 'Too many requests',
  denied: 'The person refused the provider\'s consent',
  state_mismatch: 'The callback does not belong to this sign-in',
  email_in_use: 'The address belongs to a profile: sign in with its password to link',
  last_sign_in_method: 'This is the last way to sign in',
  reauth_required: 'Type your password again',
  not_found: 'Not found',
  forbidden: 'Forbidden',
  unsupported: 'Not implemented',
  timeout: 'The server timed out',
  server: 'Internal server error',
  network: 'Bad gateway',
};
const UNSUPPORTED_MEDIA_TYPE_TITLE = 'The request body must be application/json';

/** Operation of each contract path (relative to AUTH_PREFIX). */
const ROUTES = {
  '/captcha': 'getCaptcha',
  '/register': 'register',
  '/activation/resend': 'resendActivation',
  '/activation': 'activate',
  '/sign-in': 'signIn',
  '/sign-out': 'signOut',
  '/session': 'getSession',
  '/password-reset/request': 'requestPasswordReset',
  '/password-reset/check': 'checkResetToken',
  '/password-reset': 'resetPassword',
};
/** The method of each operation that is not a POST. */
const METHOD_OF = { getSession: 'GET' };

/**
 * The later capabilities' routes, one module each (routes-social.mjs, routes-support.mjs,
 * routes-account.mjs). A module may export:
 *
 * - `routes`: `[{ operation, method, path, handle(ctx) }]` under /api/auth, `path` relative to it and
 *   possibly with `{name}` segments (`/account/orders/{orderId}`), `operation` the operationId of the
 *   documents (openapi/*.openapi.yaml). The server does everything it does for its own operations first:
 *   405 for another method, 415, the body limit and JSON parsing, the request check against the document,
 *   injected faults (`POST /api/__test__/fault` with the route's path), and an AbortSignal for the client
 *   going away. `handle(ctx)` answers with `ctx.json(status, value)`, `ctx.reply(status, headers, text)` or by
 *   throwing the adapter's AdapterError (turned into the problem of its code); every answer is checked
 *   against the document. A streaming answer (Server-Sent Events) writes to `ctx.res` itself, after
 *   `ctx.stream(headers)`; only its status and headers are checked.
 *   `ctx` = { req, res, url, params, body, call, state, adapter, sessions, backend, contract, json, reply,
 *   problem, stream }; `adapter` is the namespace's MemoryAdapter (anonymous), `sessions` the cookie
 *   sessions (`sessions.live(req, call)` → the browser's device and person, `sessions.adopt(req, device,
 *   remember)` → cookies for a device signed in by the route).
 * - `prefixes` and `handleRaw(ctx)`: paths outside /api/auth the module serves itself, unchecked (the fake
 *   OAuth provider's pages under /api/oauth). `ctx` = { req, res, url, path, state, backend, name }.
 * - `testActions`: `{ 'GET social/codes': (ctx) => value }` extra /api/__test__ endpoints; a returned value
 *   is sent as JSON 200, `undefined` as 204. `ctx` = { req, url, body, state, backend }.
 */
const EXTENSION_MODULES = [socialRoutes, supportRoutes, accountRoutes];
const EXTENSION_ROUTES = EXTENSION_MODULES.flatMap((module) =>
  (module.routes ?? []).map((route) => ({
    ...route,
    method: route.method ?? 'POST',
    pattern: new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`),
  })),
);
const EXTENSION_PREFIXES = EXTENSION_MODULES.flatMap((module) => (module.prefixes ?? []).map((prefix) => ({ prefix, module })));
const EXTENSION_TEST_ACTIONS = Object.assign({}, ...EXTENSION_MODULES.map((module) => module.testActions ?? {}));

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
  'resetUrl',
  'resetTokenTtlMs',
  'captchaAfterFailures',
  'lockAfterFailures',
  'lockoutMs',
  'failureWindowMs',
  'sessionTtlMs',
  'rememberTtlMs',
  'rejectCommonPasswords',
  // Social, support and account (MemoryAdapterOptions of memory-social.ts, memory-support.ts, memory-account.ts).
  'socialCodeTtlMs',
  'socialTokenTtlMs',
  'socialFlowTtlMs',
  'agentDelayMs',
  'operatorStatus',
  'operatorHours',
  'seedStoreConversations',
  'longTimeBuyers',
  'addressReauth',
  'reauthWindowMs',
  'emailChangeTtlMs',
];
/** The MemoryAdapter's "stay signed in" lifetime when not set: the cookie's Max-Age must match it. */
const DEFAULT_REMEMBER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Options of `POST /api/__test__/reset` that shape the server itself rather than its MemoryAdapter. */
const SERVER_OPTION_DEFAULTS = {
  /** The server's clock minus the real one, in ms (its `Date` header and every time it hands out). */
  clockOffsetMs: 0,
  /** Whether captchas carry `expiresIn` (recommended by the document). */
  captchaExpiresIn: true,
  /** `'s'` sends `expiresAt` in seconds, a fault the document forbids (the response is marked a fault). */
  captchaExpiresAtUnit: 'ms',
  /**
   * `Captcha.audio`: `'none'` sends none; `'inline'` the MemoryAdapter's rendition (the code spoken, a
   * `data:audio/wav` URL, made for the response). Off by default: every other test gets small captchas.
   */
  captchaAudio: 'none',
};

/** `/api/__test__/browser/<jar>/api/auth/…`: a request of another browser (see `asBrowser`). */
const BROWSER_PATH = new RegExp(`^${TEST_PREFIX}/browser/([^/]+)(${AUTH_PREFIX}(?:/.*)?)$`);
const MAX_BODY_BYTES = 16 * 1024;
const MAX_NAMESPACES = 200;
const MAX_LOGGED_REQUESTS = 500;
const MAX_VIOLATION_HEADER = 500;
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
          "export { validateRegistrationField } from './src/validation/validate.js';",
        ].join('\n'),
        resolveDir: ROOT,
        sourcefile: 'contract-backend.ts',
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      // Packages with only `main` (@lit/localize): the neutral platform reads no main field by default.
      mainFields: ['module', 'main'],
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
 *   plus `testEndpoints` (default true) and `contractCheck` (default true: responses the document does
 *   not allow become 500 problems and are recorded).
 */
export function createContractHandler(options = {}) {
  const { testEndpoints = true, contractCheck = true, ...adapterDefaults } = options;
  const namespaces = new Map();
  /** Violations per namespace. Kept across resets: a test's afterEach reads them after the test. */
  const violations = new Map();
  const ready = Promise.all([loadBackend(), loadContract()]).then(([backend, contract]) => ({ backend, contract }));

  function makeState({ backend, contract }, overrides = {}, name = 'default') {
    const settings = { ...SERVER_OPTION_DEFAULTS };
    for (const key of Object.keys(SERVER_OPTION_DEFAULTS)) if (overrides[key] !== undefined) settings[key] = overrides[key];
    const state = { adapter: undefined, faults: [], clockOffset: Number(settings.clockOffsetMs) || 0, settings };
    state.lastRequest = undefined;
    /** Cookie jars of the relayed browsers (`asBrowser`), by name. */
    state.jars = new Map();
    state.requests = [];
    const adapterOverrides = {};
    for (const key of RESET_OPTION_KEYS) if (overrides[key] !== undefined) adapterOverrides[key] = overrides[key];
    const merged = {
      activationUrl: 'http://localhost/activate#token={token}',
      resetUrl: 'http://localhost/reset-password#token={token}',
      validate: registrationRules(backend, contract),
      ...adapterDefaults,
      ...adapterOverrides,
    };
    const baseNow = merged.now ?? Date.now;
    state.now = () => baseNow() + state.clockOffset;
    state.adapter = new backend.MemoryAdapter({ ...merged, now: state.now });
    const rememberTtlMs = Number(merged.rememberTtlMs ?? DEFAULT_REMEMBER_TTL_MS);
    state.sessions = createSessions({ backend, adapter: state.adapter, settings: { rememberTtlMs }, namespace: name });
    return state;
  }

  function stateFor(loaded, name) {
    let state = namespaces.get(name);
    if (!state) {
      if (namespaces.size >= MAX_NAMESPACES) namespaces.delete(namespaces.keys().next().value);
      state = makeState(loaded, {}, name);
      namespaces.set(name, state);
    }
    return state;
  }

  function record(name, entry) {
    let list = violations.get(name);
    if (!list) {
      if (violations.size >= MAX_NAMESPACES) violations.delete(violations.keys().next().value);
      list = [];
      violations.set(name, list);
    }
    list.push(entry);
    console.error(`[contract violation] ${entry.operation} → ${entry.status}: ${entry.violations.join('; ')}`);
  }

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://contract.local');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const loaded = await ready;
    const name = String(req.headers[NAMESPACE_HEADER] ?? url.searchParams.get('ns') ?? 'default').slice(0, 100);
    const context = { req, res, url, path, ...loaded, name, state: stateFor(loaded, name) };
    const relayed = BROWSER_PATH.exec(path);
    if (testEndpoints && relayed) return handleAuth({ ...context, path: relayed[2], ...asBrowser(context, decodeURIComponent(relayed[1])) });
    if (isUnder(path, TEST_PREFIX)) return handleTest(context);
    const raw = EXTENSION_PREFIXES.find(({ prefix }) => isUnder(path, prefix));
    if (raw) return raw.module.handleRaw({ req, res, url, path, state: context.state, backend: loaded.backend, name });
    return handleAuth(context);
  }

  /**
   * Another browser, for tests of "other devices": `/api/__test__/browser/<jar>/api/auth/…` is served as
   * `/api/auth/…` with the cookies of a jar the server keeps for it (what its Set-Cookie headers set, honouring
   * Max-Age=0), never handing them to the real browser, and with the CSRF header its page would send.
   */
  function asBrowser({ req, res, state }, jarName) {
    let jar = state.jars.get(jarName);
    if (!jar) state.jars.set(jarName, (jar = new Map()));
    const names = state.sessions.names;
    req.headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (!req.headers.cookie) delete req.headers.cookie;
    if (jar.has(names.csrf) && req.headers['x-csrf-token'] === undefined) req.headers['x-csrf-token'] = jar.get(names.csrf);
    const writeHead = res.writeHead.bind(res);
    res.writeHead = (status, headers = {}) => {
      for (const cookie of [headers['set-cookie'] ?? []].flat()) {
        const [pair, ...attributes] = cookie.split(';');
        const eq = pair.indexOf('=');
        const key = pair.slice(0, eq).trim();
        if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) jar.delete(key);
        else jar.set(key, pair.slice(eq + 1).trim());
      }
      const { 'set-cookie': _dropped, ...rest } = headers;
      return writeHead(status, rest);
    };
    return {};
  }

  /**
   * Sends a response of an operation, after checking it against the document (unless it comes from an
   * injected fault). A violation is recorded and replaced by a 500 problem that says what was wrong.
   */
  function reply(exchange, status, headers = {}, bodyText = '') {
    const { res, state, contract } = exchange;
    if (res.headersSent || res.destroyed) return;
    const sent = { 'cache-control': 'no-store', date: new Date(state.now()).toUTCString(), ...headers };
    if (exchange.fault) sent[FAULT_HEADER] = exchange.fault;
    if (exchange.operation && contractCheck && !exchange.fault) {
      if (exchange.mutate && sent['content-type']) bodyText = mutateBody(bodyText, exchange.mutate);
      if (exchange.mutate) Object.assign(sent, exchange.mutate.headers);
      const found = contract.checkResponse(exchange.operation, { status, headers: sent, bodyText });
      const request = exchange.request;
      if (request && !request.valid && status < 400) {
        found.push(`accepted a request the document does not allow (${request.errors.join('; ')})`);
      }
      if (request && !request.valid && status >= 500) {
        found.push(`answered a request the document does not allow with ${status} instead of a 4xx problem`);
      }
      if (found.length) {
        record(exchange.name, { operation: exchange.operation, status, violations: found, at: new Date().toISOString() });
        const detail = found.join('; ');
        status = 500;
        bodyText = JSON.stringify({
          type: `${PROBLEM_TYPE_BASE}server`,
          title: 'The contract server sent a response its document does not allow',
          status,
          code: 'server',
          detail,
        });
        const header = detail.replace(/[^\x20-\x7e]/g, '?').slice(0, MAX_VIOLATION_HEADER);
        Object.assign(sent, { 'content-type': 'application/problem+json', [VIOLATION_HEADER]: header });
        // A 500 sets nothing: a cookie that broke the document must not reach the browser either.
        delete sent['retry-after'];
        delete sent['set-cookie'];
      }
    }
    if (exchange.log) exchange.log.status = status;
    if (exchange.operation) state.lastResponse = { operation: exchange.operation, status, headers: { ...sent } };
    res.writeHead(status, sent);
    res.end(bodyText);
  }

  const problem = (exchange, status, fields, headers) => reply(exchange, status, ...problemResponse(status, fields, headers));
  const json = (exchange, status, value) => reply(exchange, status, { 'content-type': 'application/json' }, JSON.stringify(value));

  function replyError(exchange, error) {
    const { backend } = exchange;
    if (error?.problem) {
      const { status, code, ...rest } = error.problem;
      return problem(exchange, status, { code, title: TITLES[code], detail: error.message, ...rest });
    }
    if (!backend.isAdapterError(error)) {
      return problem(exchange, 500, { code: 'server', title: TITLES.server, detail: 'Unexpected error' });
    }
    const status = error.status ?? STATUS_BY_CODE[error.code] ?? 500;
    const fields = { code: error.code, title: error.title ?? TITLES[error.code], detail: error.message };
    if (error.field !== undefined) fields.field = error.field;
    if (error.fieldErrors !== undefined) fields.fieldErrors = error.fieldErrors;
    const headers = {};
    if (error.retryAfter !== undefined) {
      fields.retryAfter = error.retryAfter;
      headers['retry-after'] = String(error.retryAfter);
    }
    return problem(exchange, status, fields, headers);
  }

  async function handleAuth({ req, res, path, backend, contract, name, state }) {
    const route = path.slice(AUTH_PREFIX.length) || '/';
    state.lastRequest = { method: req.method, path, headers: { ...req.headers } };
    const exchange = { req, res, state, backend, contract, name, operation: undefined };
    let operation = ROUTES[route];
    let extension;
    let params = {};
    if (!operation) {
      const candidates = EXTENSION_ROUTES.filter((r) => r.pattern.test(route));
      if (candidates.length) {
        extension = candidates.find((r) => r.method === req.method);
        if (!extension) {
          const allow = [...new Set(candidates.map((r) => r.method))].join(', ');
          return problem(exchange, 405, { title: 'Method not allowed', detail: `Use ${allow}` }, { allow });
        }
        operation = extension.operation;
        params = { ...extension.pattern.exec(route).groups };
      }
    }
    // Outside the operations of the document: answered, not checked (`about:blank` problems).
    if (!operation) return problem(exchange, 404, { title: 'Not found', detail: `No operation at ${path}` });
    const method = extension ? extension.method : (METHOD_OF[operation] ?? 'POST');
    if (req.method !== method) {
      return problem(exchange, 405, { title: 'Method not allowed', detail: `Use ${method}` }, { allow: method });
    }
    exchange.operation = operation;
    exchange.log = { operation, valid: false, errors: [], status: undefined };
    state.requests.push(exchange.log);
    if (state.requests.length > MAX_LOGGED_REQUESTS) state.requests.shift();

    // 415 before anything else: a cross-site text/plain or form post must not reach any operation.
    const contentType = req.headers['content-type'];
    if (contentType !== undefined && mediaType(contentType) !== 'application/json') {
      exchange.request = { valid: false, errors: [`content type ${JSON.stringify(contentType)} is not application/json`] };
      Object.assign(exchange.log, { errors: exchange.request.errors });
      req.resume();
      return problem(exchange, 415, { code: 'validation', title: UNSUPPORTED_MEDIA_TYPE_TITLE });
    }
    let text;
    try {
      text = await readBody(req);
    } catch (error) {
      exchange.request = { valid: false, errors: [error.message] };
      Object.assign(exchange.log, { errors: exchange.request.errors });
      return replyError(exchange, error);
    }
    exchange.request = contract.checkRequest(operation, { contentType, bodyText: text });
    Object.assign(exchange.log, { valid: exchange.request.valid, errors: exchange.request.errors });
    if (text.trim() !== '' && contentType === undefined) {
      return problem(exchange, 415, { code: 'validation', title: UNSUPPORTED_MEDIA_TYPE_TITLE });
    }
    let body;
    try {
      body = parseJsonBody(text);
    } catch (error) {
      return replyError(exchange, error);
    }

    const fault = takeFault(state, extension ? extension.path : route);
    if (fault) {
      if (fault.kind === 'mutate') exchange.mutate = fault;
      else {
        exchange.fault = fault.kind;
        const handled = await applyFault(fault, exchange, reply);
        if (handled) return;
        exchange.fault = undefined; // a hang that ended: served normally
      }
    }

    const controller = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new DOMException('The client went away', 'AbortError'));
    };
    res.on('close', onClose);
    const call = { signal: controller.signal };
    const adapter = state.adapter;
    try {
      if (extension) {
        return await extension.handle({
          req,
          res,
          url: new URL(req.url ?? '/', 'http://contract.local'),
          params,
          body,
          call,
          state,
          adapter,
          sessions: state.sessions,
          backend,
          contract,
          json: (status, value) => json(exchange, status, value),
          reply: (status, headers, text) => reply(exchange, status, headers, text),
          problem: (status, fields, headers) => problem(exchange, status, fields, headers),
          stream: (headers = {}) => {
            const sent = { 'cache-control': 'no-store', 'content-type': 'text/event-stream', ...headers };
            if (contractCheck) {
              const found = contract.checkResponse(operation, { status: 200, headers: sent, bodyText: '' }).filter((v) => !v.startsWith('the response body'));
              if (found.length) record(exchange.name, { operation, status: 200, violations: found, at: new Date().toISOString() });
            }
            if (exchange.log) exchange.log.status = 200;
            res.writeHead(200, sent);
            return res;
          },
        });
      }
      switch (operation) {
        case 'getCaptcha': {
          if (body !== undefined && !isRecord(body)) throw typeError(backend, ['body']);
          const captcha = await adapter.getCaptcha(call);
          if (exchange.state.settings.captchaAudio === 'inline' && captcha.audio) captcha.audio = await captcha.audio(call);
          else delete captcha.audio;
          return sendCaptcha(exchange, captcha);
        }
        case 'register': {
          const input = registerInput(backend, body);
          return json(exchange, 201, await adapter.register(input, call));
        }
        case 'resendActivation': {
          const email = requiredString(backend, body, 'email');
          const max = maxLengthOf(contract, 'ResendInput', 'email');
          if (email.length > max) {
            throw new backend.AdapterError('validation', `The address is longer than ${max} characters`, {
              field: 'email',
              fieldErrors: { email: 'email.tooLong' },
            });
          }
          await adapter.resendActivation(email, call);
          return reply(exchange, 204);
        }
        case 'activate': {
          const token = requiredString(backend, body, 'token');
          return json(exchange, 200, await adapter.activate(token, call));
        }
        case 'signIn': {
          const input = signInInput(backend, contract, body);
          const { session, cookies } = await state.sessions.signIn(req, input, call);
          return reply(exchange, 200, { 'content-type': 'application/json', 'set-cookie': cookies }, JSON.stringify(session));
        }
        case 'signOut': {
          if (body !== undefined && !isRecord(body)) throw typeError(backend, ['body']);
          const { cookies } = await state.sessions.signOut(req, call);
          return reply(exchange, 204, { 'set-cookie': cookies });
        }
        case 'getSession': {
          const { session, cookies } = await state.sessions.getSession(req, call);
          if (session) return json(exchange, 200, session);
          return reply(exchange, 204, cookies ? { 'set-cookie': cookies } : {});
        }
        case 'requestPasswordReset': {
          const email = requiredString(backend, body, 'email');
          tooLong(backend, contract, 'PasswordResetRequestInput', { email });
          await adapter.requestPasswordReset(email, call);
          return reply(exchange, 202);
        }
        case 'checkResetToken': {
          const token = requiredString(backend, body, 'token');
          if (token.length > maxLengthOf(contract, 'ResetTokenInput', 'token')) throw tokenTooLong(backend);
          return json(exchange, 200, await adapter.checkResetToken(token, call));
        }
        case 'resetPassword': {
          const input = resetPasswordInput(backend, contract, body);
          // The adapter checks the token, then the password (its rule caps it at the document's 128 characters,
          // never trimmed). The reset never signs in: no cookie, whatever the adapter's sessions do.
          await adapter.resetPassword(input, call);
          return reply(exchange, 204);
        }
      }
    } catch (error) {
      if (controller.signal.aborted) return; // nobody is listening any more
      return replyError(exchange, error);
    } finally {
      res.off('close', onClose);
    }
  }

  /** A captcha with its lifetime (`expiresIn`), shaped by the namespace's settings. */
  function sendCaptcha(exchange, captcha) {
    const { settings, now } = exchange.state;
    const body = { id: captcha.id, image: captcha.image, expiresAt: captcha.expiresAt };
    if (typeof captcha.audio === 'string') body.audio = captcha.audio;
    if (settings.captchaExpiresIn) body.expiresIn = Math.max(1, Math.round((captcha.expiresAt - now()) / 1000));
    if (settings.captchaExpiresAtUnit === 's') {
      body.expiresAt = Math.floor(captcha.expiresAt / 1000);
      exchange.fault = 'expiresAt-in-seconds';
    }
    return json(exchange, 200, body);
  }

  async function handleTest({ req, res, url, path, name, state, contract, ...loaded }) {
    const exchange = { req, res, state, operation: undefined };
    const send = (status, value) =>
      value === undefined ? reply(exchange, status) : reply(exchange, status, { 'content-type': 'application/json' }, JSON.stringify(value));
    const fail = (status, fields) => problem(exchange, status, fields);
    if (!testEndpoints) return fail(404, { title: 'Not found' });
    const action = path.slice(TEST_PREFIX.length + 1);
    const method = req.method ?? 'GET';
    let body;
    try {
      body = method === 'POST' ? parseJsonBody(await readBody(req)) : undefined;
    } catch (error) {
      return fail(error.problem?.status ?? 400, { title: error.message });
    }
    switch (`${method} ${action}`) {
      case 'POST reset': {
        namespaces.set(name, makeState({ contract, ...loaded }, isRecord(body) ? body : {}, name));
        return send(204);
      }
      case 'GET outbox':
        // Activation and reset letters, oldest first; `kind` tells them apart.
        return send(200, state.adapter.outbox);
      case 'GET sessions': {
        // The live sessions of a profile, on every device (browser): without ids or CSRF tokens.
        const user = state.adapter.getUser(url.searchParams.get('email') ?? '');
        const at = state.now();
        const list = user ? state.adapter.debugState().sessions.filter((s) => s.userId === user.userId && at < s.expiresAt) : [];
        return send(200, list.map(({ userId, remember, createdAt, expiresAt }) => ({ userId, remember, createdAt, expiresAt })));
      }
      case 'GET cookie-names':
        return send(200, state.sessions.names);
      case 'GET last-response':
        return state.lastResponse ? send(200, state.lastResponse) : fail(404, { title: 'No response from /api/auth yet' });
      case 'GET captcha-answer': {
        const answer = state.adapter.debugCaptchaAnswer(url.searchParams.get('id') ?? '');
        return answer === undefined ? fail(404, { title: 'No such unused captcha' }) : send(200, { answer });
      }
      case 'GET user': {
        const user = state.adapter.getUser(url.searchParams.get('email') ?? '');
        return user ? send(200, user) : fail(404, { title: 'No such user' });
      }
      case 'GET last-request-headers':
        return state.lastRequest ? send(200, state.lastRequest) : fail(404, { title: 'No request to /api/auth yet' });
      case 'GET requests':
        return send(200, state.requests);
      case 'GET contract-violations':
        return send(200, violations.get(name) ?? []);
      case 'POST contract-violations/take': {
        const taken = violations.get(name) ?? [];
        violations.delete(name);
        return send(200, taken);
      }
      case 'GET openapi':
        return send(200, contract.document);
      case 'POST clock': {
        const advanceMs = isRecord(body) ? Number(body.advanceMs ?? 0) : 0;
        if (!Number.isFinite(advanceMs)) return fail(400, { title: 'advanceMs must be a number' });
        state.clockOffset += advanceMs;
        return send(200, { offsetMs: state.clockOffset, now: state.now() });
      }
      case 'POST fault': {
        const fault = parseFault(body);
        if (typeof fault === 'string') return fail(400, { title: 'Bad fault', detail: fault });
        state.faults.push(fault);
        return send(204);
      }
      case 'GET closed-port':
        return send(200, { port: await closedPort() });
      default: {
        const extra = EXTENSION_TEST_ACTIONS[`${method} ${action}`];
        if (extra) {
          const value = await extra({ req, url, body, state, backend: loaded.backend });
          return value === undefined ? send(204) : send(200, value);
        }
      }
      // falls through
        return fail(404, { title: 'Unknown test endpoint', detail: `${method} ${path}` });
    }
  }

  /**
   * @type {((req, res, next) => void)
   *   & { matches(url: string): boolean; handle(req, res): Promise<void>; ready: Promise<unknown>;
   *       violations(): { namespace: string, operation: string, status: number, violations: string[] }[] }}
   */
  const middleware = (req, res, next) => {
    if (!middleware.matches(req.url ?? '/')) return next();
    middleware.handle(req, res).catch((error) => next(error));
  };
  middleware.ready = ready;
  middleware.matches = (rawUrl) => {
    const path = new URL(rawUrl, 'http://contract.local').pathname;
    return (
      isUnder(path, AUTH_PREFIX) ||
      (testEndpoints && isUnder(path, TEST_PREFIX)) ||
      EXTENSION_PREFIXES.some(({ prefix }) => isUnder(path, prefix))
    );
  };
  middleware.violations = () =>
    [...violations].flatMap(([namespace, list]) => list.map((entry) => ({ namespace, ...entry })));
  middleware.handle = async (req, res) => {
    try {
      await handle(req, res);
    } catch (error) {
      // A bug in this server: answer like a server would, without details.
      if (res.headersSent) res.destroy();
      else {
        const [headers, text] = problemResponse(500, { code: 'server', title: TITLES.server, detail: String(error) });
        res.writeHead(500, { 'cache-control': 'no-store', ...headers }).end(text);
      }
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

function requestError(message, status, extra = {}) {
  const error = new Error(message);
  error.problem = { status, code: 'validation', ...extra };
  return error;
}

/** The request body as text; over 16 KiB: a 413 `validation` error. */
async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw requestError('Request body too large', 413);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON text as a value (`undefined` when empty); not JSON: a 400 `validation` error. */
function parseJsonBody(text) {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw requestError('The request body is not JSON', 400, { field: 'body', fieldErrors: { body: 'invalid_type' } });
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

/** The members of a sign-in, their JSON types (400) and lengths (422) checked. */
function signInInput(backend, contract, body) {
  if (!isRecord(body)) throw typeError(backend, ['body']);
  const wrong = ['email', 'password'].filter((key) => typeof body[key] !== 'string');
  if (typeof body.remember !== 'boolean') wrong.push('remember');
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
  tooLong(backend, contract, 'SignInInput', { email: body.email, password: body.password });
  if (captcha !== undefined) {
    const limits = contract.document.components.schemas.SignInInput.properties.captcha.properties;
    if (String(captcha.id ?? '').length > limits.id.maxLength || String(captcha.answer ?? '').length > limits.answer.maxLength) {
      throw new backend.AdapterError('captcha_invalid', 'The captcha is not one of ours', { field: 'captcha' });
    }
  }
  return {
    email: body.email,
    password: body.password,
    remember: body.remember,
    captcha: captcha === undefined ? undefined : { id: captcha.id, answer: captcha.answer ?? '' },
  };
}

function resetPasswordInput(backend, contract, body) {
  if (!isRecord(body)) throw typeError(backend, ['body']);
  const wrong = ['token', 'password'].filter((key) => typeof body[key] !== 'string');
  if (typeof body.signOutOthers !== 'boolean') wrong.push('signOutOthers');
  if (wrong.length) throw typeError(backend, wrong);
  if (body.token.length > maxLengthOf(contract, 'ResetPasswordInput', 'token')) throw tokenTooLong(backend);
  return { token: body.token, password: body.password, signOutOthers: body.signOutOthers };
}

/** A token over its maxLength is no token of ours: `token_invalid`, as for activation. */
function tokenTooLong(backend) {
  return new backend.AdapterError('token_invalid', 'Unknown link');
}

/** `validation` with `<field>.tooLong` for every member over the document's maxLength of `schema`. */
function tooLong(backend, contract, schema, values) {
  const fieldErrors = {};
  for (const [field, value] of Object.entries(values)) {
    if (value.length > maxLengthOf(contract, schema, field)) fieldErrors[field] = field === 'email' ? 'email.tooLong' : `${field}.tooLong`;
  }
  const failed = Object.keys(fieldErrors);
  if (failed.length) {
    throw new backend.AdapterError('validation', `Too long: ${failed.join(', ')}`, { field: failed[0], fieldErrors });
  }
}

function requiredString(backend, body, key) {
  if (!isRecord(body) || typeof body[key] !== 'string') throw typeError(backend, [isRecord(body) ? key : 'body']);
  return body[key];
}

/** `maxLength` of a property of a component schema of the document. */
function maxLengthOf(contract, schema, property) {
  const max = contract.document.components.schemas[schema].properties[property].maxLength;
  if (!Number.isInteger(max)) throw new Error(`${schema}.${property} has no maxLength in the document`);
  return max;
}

const TOO_LONG = { email: 'email.tooLong', firstName: 'name.tooLong', lastName: 'name.tooLong', password: 'password.tooLong' };

/**
 * The MemoryAdapter's `validate`: the library's own field rules, plus the document's `maxLength` on the
 * value as sent (the rules measure the trimmed value; a member over its `maxLength` is never accepted).
 */
function registrationRules(backend, contract) {
  const max = Object.fromEntries(Object.keys(TOO_LONG).map((field) => [field, maxLengthOf(contract, 'RegisterInput', field)]));
  return (input) => {
    const values = Object.fromEntries(Object.keys(TOO_LONG).map((field) => [field, String(input[field] ?? '')]));
    const out = {};
    for (const field of Object.keys(TOO_LONG)) {
      const issue = backend.validateRegistrationField(field, values);
      if (issue) out[field] = issue.code;
      else if (values[field].length > max[field]) out[field] = TOO_LONG[field];
    }
    return Object.keys(out).length ? out : undefined;
  };
}

function parseFault(body) {
  if (!isRecord(body)) return 'the body must be a JSON object';
  const times = body.times === undefined ? 1 : Number(body.times);
  if (!Number.isInteger(times) || times < 1) return 'times must be a positive integer';
  const path = body.path === undefined ? undefined : normalizeRoute(String(body.path));
  if (path !== undefined && !ROUTES[path] && !EXTENSION_ROUTES.some((r) => r.path === path)) return `unknown path ${body.path}`;
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
    case 'redirect': {
      const status = body.status === undefined ? 307 : Number(body.status);
      if (![301, 302, 303, 307, 308].includes(status)) return 'status must be 301, 302, 303, 307 or 308';
      if (body.location !== undefined && typeof body.location !== 'string') return 'location must be a string';
      return { kind: 'redirect', status, location: body.location, path, times };
    }
    case 'mutate': {
      // Breaks the real response before it is checked: a server bug the contract check must catch.
      const drop = body.drop === undefined ? [] : body.drop;
      if (!Array.isArray(drop) || !drop.every((k) => typeof k === 'string')) return 'drop must be a list of member names';
      if (body.set !== undefined && !isRecord(body.set)) return 'set must be an object';
      if (body.headers !== undefined && (!isRecord(body.headers) || !Object.values(body.headers).every((v) => typeof v === 'string'))) {
        return 'headers must be an object of strings';
      }
      const headers = Object.fromEntries(Object.entries(body.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      return { kind: 'mutate', drop, set: body.set ?? {}, headers, path, times };
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
      return 'kind must be one of status, redirect, mutate, hang, malformed, refuse';
  }
}

function mutateBody(text, { drop, set }) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (!isRecord(value)) return text;
  for (const key of drop) delete value[key];
  return JSON.stringify({ ...value, ...set });
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
async function applyFault(fault, exchange, reply) {
  const { req, res } = exchange;
  switch (fault.kind) {
    case 'status': {
      const headers = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      if (fault.body !== undefined) {
        headers['content-type'] =
          fault.contentType ?? (fault.status >= 400 ? 'application/problem+json' : 'application/json');
        const text = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
        reply(exchange, fault.status, headers, text);
      } else if (fault.status >= 400) {
        // A bare problem without `code`: the client must fall back on the status.
        headers['content-type'] = 'application/problem+json';
        const problem = { type: 'about:blank', title: 'Injected', status: fault.status };
        reply(exchange, fault.status, headers, JSON.stringify(problem));
      } else {
        reply(exchange, fault.status, headers);
      }
      return true;
    }
    case 'redirect': {
      // Somewhere a client that follows redirects would resend the request to (by default: the same
      // operation, which then succeeds, since this fault is used up).
      const location = fault.location ?? `${AUTH_PREFIX}${ROUTE_OF[exchange.operation]}`;
      reply(exchange, fault.status, { location });
      return true;
    }
    case 'malformed':
      reply(exchange, 200, { 'content-type': 'application/json' }, '{"id": "abc", "image": "data:image/svg+xml;base64,AAAA", "expiresAt": 17');
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

const ROUTE_OF = Object.fromEntries(Object.entries(ROUTES).map(([route, operation]) => [operation, route]));

/**
 * An RFC 9457 problem document as `[headers, text]`. With a `code`, `type` is `${PROBLEM_TYPE_BASE}${code}`;
 * without one (outside the contract), `about:blank`.
 */
function problemResponse(status, { code, title, detail, ...rest } = {}, headers = {}) {
  const document = {
    type: code ? `${PROBLEM_TYPE_BASE}${code}` : 'about:blank',
    title: title ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
    ...(code === undefined ? {} : { code }),
    ...rest,
  };
  return [{ 'content-type': 'application/problem+json', ...headers }, JSON.stringify(document)];
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
