import { ADAPTER_ERROR_CODES, AdapterError, type AdapterErrorCode } from './adapter-error.js';
import type {
  ActivateResult,
  AuthAdapter,
  CallOptions,
  Captcha,
  RegisterInput,
  RegisterResult,
  ResetPasswordInput,
  ResetTokenInfo,
  Session,
  SignInInput,
} from './types.js';
import { CAPABILITY_METHODS } from './types.js';
import type { HttpCore, HttpExtensionFactory, HttpMethod } from './http-core.js';
import type { AccountCapability } from './account-types.js';
import type { SocialCapability } from './social-types.js';
import type { SupportCapability } from './support-types.js';

export interface HttpAdapterOptions {
  /**
   * Where the auth API lives, e.g. `/api/auth` or `https://auth.example.com/v1/auth`. A relative URL is
   * resolved against the page (`location.href`) on every call; outside a browser it must be absolute.
   */
  baseUrl: string;
  /**
   * Whether the browser sends and stores cookies, the session cookie among them (the session lives only
   * in the server's HttpOnly cookie; the adapter and the elements never see it). Default `'same-origin'`:
   * an API on the page's own origin, the contract's default, gets the cookie and nothing else does.
   * `'include'` for an API on another origin of the same site (`auth.shop.example` for a page on
   * `shop.example`), which must answer CORS with credentials for the page's origin; `SameSite=Lax`
   * cookies never travel to another site, whatever this says. `'omit'` sends none: signing in cannot
   * work then.
   */
  credentials?: RequestCredentials;
  /**
   * Extra request headers, asked for before every call (a CSRF token, `Accept-Language`, a tracing id).
   * They cannot replace `content-type` or `accept`. If the hook throws, the call rejects with `network`.
   * An `X-CSRF-Token` given here wins over the one read from {@link csrfCookie}.
   */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /**
   * The readable cookie that holds the session's CSRF token, sent back as `X-CSRF-Token` on every `POST`
   * (the contract sets it with the session; the server compares it with the value it keeps). Default
   * `'ae_csrf'`, the contract's name. Only cookies of the page's own site are readable: for an API whose
   * cookie the page cannot read, pass `false` and send the token through {@link headers} (e.g. from a
   * `<meta name="csrf-token">`). Never the session cookie, which is HttpOnly.
   */
  csrfCookie?: string | false;
  /** Time limit of one call, headers and body included, in ms. Default 15 000. `0` or `Infinity`: none. */
  timeoutMs?: number;
  /** The `fetch` to use. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/**
 * The `type` URI prefix of the problem documents of the contract: `${PROBLEM_TYPE_BASE}email_taken`.
 * See `openapi/auth.openapi.yaml`.
 */
export const PROBLEM_TYPE_BASE = 'https://ae-auth-elements.dev/problems/';

/**
 * The capabilities implemented in modules of their own (see http-core.ts), each loaded on the first call of
 * one of its methods.
 */
const HTTP_EXTENSIONS: Record<'social' | 'support' | 'account', () => Promise<{ createHttpExtension: HttpExtensionFactory }>> = {
  social: () => import('./http-social.js'),
  support: () => import('./http-support.js'),
  account: () => import('./http-account.js'),
};

/** The call names: the ones of this file, and the extensions' (any string). */
type Operation =
  | (string & {})
  | 'getCaptcha'
  | 'register'
  | 'resendActivation'
  | 'activate'
  | 'signIn'
  | 'signOut'
  | 'getSession'
  | 'requestPasswordReset'
  | 'checkResetToken'
  | 'resetPassword';

/** The header of the contract's CSRF token (`csrfToken` in `openapi/auth.openapi.yaml`). */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The contract's readable cookie with the session's CSRF token: the default of `csrfCookie`. */
export const CSRF_COOKIE = 'ae_csrf';

/** The shortest captcha lifetime handed to the elements, whatever the server's clock says: 5 s. */
export const MIN_CAPTCHA_LIFETIME_MS = 5_000;
/** The longest: one day. */
export const MAX_CAPTCHA_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** An `expiresAt` below this (March 1973 in ms, year 5138 in s) is epoch seconds, not milliseconds. */
const SECONDS_THRESHOLD = 1e11;

const DEFAULT_TIMEOUT_MS = 15_000;
const ACCEPT = 'application/json, application/problem+json';
/** Longest server-provided text kept in an error message. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * An {@link AuthAdapter} that talks to a server implementing the REST contract of
 * `openapi/auth.openapi.yaml`:
 *
 * | call                   | request                                                   | success              |
 * | ---------------------- | --------------------------------------------------------- | -------------------- |
 * | `getCaptcha`           | `POST {baseUrl}/captcha`                                  | 200 `Captcha`        |
 * | `register`             | `POST {baseUrl}/register` `RegisterInput`                 | 201 `RegisterResult` |
 * | `resendActivation`     | `POST {baseUrl}/activation/resend` `{ email }`            | 204                  |
 * | `activate`             | `POST {baseUrl}/activation` `{ token }`                   | 200 `ActivateResult` |
 * | `signIn`               | `POST {baseUrl}/sign-in` `SignInInput`                    | 200 `Session` + cookie |
 * | `signOut`              | `POST {baseUrl}/sign-out`                                 | 204, cookie cleared  |
 * | `getSession`           | `GET {baseUrl}/session`                                   | 200 `Session`, 204 `null` |
 * | `requestPasswordReset` | `POST {baseUrl}/password-reset/request` `{ email }`       | 202                  |
 * | `checkResetToken`      | `POST {baseUrl}/password-reset/check` `{ token }`         | 200 `ResetTokenInfo` |
 * | `resetPassword`        | `POST {baseUrl}/password-reset` `ResetPasswordInput`      | 204                  |
 *
 * The session is the server's HttpOnly cookie, which the browser keeps and sends ({@link
 * HttpAdapterOptions.credentials}); nothing here reads, holds or stores it, and `signIn`/`getSession`
 * hand on only the person (`Session`), whatever else a server sends. Every `POST` carries the session's
 * CSRF token as `X-CSRF-Token` when the page can read it ({@link HttpAdapterOptions.csrfCookie}).
 *
 * Failures become an {@link AdapterError}: the `code` of an RFC 9457 problem document (or the last segment
 * of its `type` URI), else a code derived from the HTTP status; a response that cannot be read or has the
 * wrong shape is `server` (for the calls without a result, a body that is not JSON too); a request that
 * gets no response is `network`; one that outlives `timeoutMs` is `timeout`. An aborted call rejects with
 * the caller's `signal.reason`. Every status is mapped in one place (`codeFromStatus`).
 *
 * The adapter never retries anything by itself (registering, resending, activating, signing in and
 * resetting are not idempotent, and a user-visible retry is the element's decision) and never logs
 * anything. Passwords, captcha answers and tokens travel only in request bodies, never in a URL. Every
 * request is sent with `cache: 'no-store'`.
 *
 * It never follows a redirect, on any call (`redirect: 'manual'`): a JSON API has no reason to redirect,
 * and a followed `307`/`308` would resend the body, password included, to wherever `Location` points. A
 * `3xx` answer is `server`.
 *
 * A captcha's `image` is accepted only as `data:image/…`, `blob:`, `https:`, or `http:` on the origin of
 * the page or of the API response (relative URLs resolve against the response URL); `javascript:`,
 * `data:text/html` and `http:` from elsewhere are `server`. Its optional `audio` (the code spoken) obeys the same
 * rule with `data:audio/…`; it may name an URL of its own (`/captcha/{id}/audio`), which the browser fetches only
 * when the person asks to listen. Its `expiresAt` is handed to the elements on
 * the client's clock: `Date.now() + expiresIn * 1000` when the server sends `expiresIn`, else the server's
 * `expiresAt` measured against its `Date` header (an `expiresAt` below 10¹¹ is taken as seconds), and
 * always between {@link MIN_CAPTCHA_LIFETIME_MS} and {@link MAX_CAPTCHA_LIFETIME_MS} from arrival.
 */
// The social, support and account methods are installed on the prototype below (see HTTP_EXTENSIONS).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface HttpAdapter extends SocialCapability, SupportCapability, AccountCapability {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class HttpAdapter implements AuthAdapter {
  static {
    for (const capability of Object.keys(HTTP_EXTENSIONS) as (keyof typeof HTTP_EXTENSIONS)[]) {
      for (const method of CAPABILITY_METHODS[capability] as readonly string[]) {
        Object.defineProperty(HttpAdapter.prototype, method, {
          configurable: true,
          writable: true,
          value: async function (this: HttpAdapter, ...args: unknown[]): Promise<unknown> {
            const extension = await this.#extension(capability);
            return (extension[method] as (...a: unknown[]) => unknown).apply(extension, args);
          },
        });
      }
    }
  }

  #extensions = new Map<string, Promise<Record<string, unknown>>>();

  readonly #baseUrl: string;
  readonly #credentials: RequestCredentials;
  readonly #headers: HttpAdapterOptions['headers'];
  readonly #csrfCookie: string | false;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: HttpAdapterOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl.trim() === '') {
      throw new TypeError('HttpAdapter: `baseUrl` is required');
    }
    this.#baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
    this.#credentials = options.credentials ?? 'same-origin';
    this.#headers = options.headers;
    this.#csrfCookie = options.csrfCookie === undefined ? CSRF_COOKIE : options.csrfCookie;
    const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#timeoutMs = Number.isFinite(timeout) && timeout > 0 ? timeout : 0;
    const fetchFn =
      options.fetch ?? (typeof globalThis.fetch === 'function' ? globalThis.fetch.bind(globalThis) : undefined);
    if (typeof fetchFn !== 'function') {
      throw new TypeError('HttpAdapter: no `fetch` available; pass one in the options');
    }
    this.#fetch = fetchFn;
    // Fail early on a base URL that can never work (a relative one outside a browser, a typo).
    this.#url('/captcha');
  }

  /** `POST {baseUrl}/captcha`: a new single-use challenge. */
  async getCaptcha(o?: CallOptions): Promise<Captcha> {
    const { text, url, date, receivedAt } = await this.#call('getCaptcha', 'POST', '/captcha', undefined, o?.signal);
    const data = parseJson(text);
    if (
      !isRecord(data) ||
      !isNonEmptyString(data.id) ||
      typeof data.image !== 'string' ||
      !isPositiveNumber(data.expiresAt) ||
      (data.expiresIn !== undefined && !isPositiveNumber(data.expiresIn)) ||
      (data.audio !== undefined && typeof data.audio !== 'string')
    ) {
      throw malformed('a Captcha');
    }
    const image = mediaSource(data.image, url, 'image');
    if (image === undefined) throw malformed('a Captcha with a data:image, blob:, https: or same-origin image');
    const captcha: Captcha = { id: data.id, image, expiresAt: clientExpiry(data.expiresAt, data.expiresIn, date, receivedAt) };
    if (data.audio !== undefined) {
      const audio = mediaSource(data.audio, url, 'audio');
      if (audio === undefined) throw malformed('a Captcha with a data:audio, blob:, https: or same-origin audio');
      captcha.audio = audio;
    }
    return captcha;
  }

  /** `POST {baseUrl}/register`. */
  async register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    const body: RegisterInput = {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      password: input.password,
      captcha: { id: input.captcha?.id, answer: input.captcha?.answer },
    };
    const { text } = await this.#call('register', 'POST', '/register', body, o?.signal);
    const data = parseJson(text);
    if (!isRecord(data) || !isNonEmptyString(data.userId) || typeof data.email !== 'string') {
      throw malformed('a RegisterResult');
    }
    return { userId: data.userId, email: data.email };
  }

  /** `POST {baseUrl}/activation/resend`. Resolves for unknown addresses too. */
  async resendActivation(email: string, o?: CallOptions): Promise<void> {
    const { text } = await this.#call('resendActivation', 'POST', '/activation/resend', { email }, o?.signal);
    expectNoResult(text);
  }

  /** `POST {baseUrl}/activation`. */
  async activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    const { text } = await this.#call('activate', 'POST', '/activation', { token }, o?.signal);
    const data = parseJson(text);
    if (
      !isRecord(data) ||
      !isNonEmptyString(data.userId) ||
      typeof data.email !== 'string' ||
      typeof data.firstName !== 'string' ||
      typeof data.lastName !== 'string'
    ) {
      throw malformed('an ActivateResult');
    }
    return { userId: data.userId, email: data.email, firstName: data.firstName, lastName: data.lastName };
  }

  /**
   * `POST {baseUrl}/sign-in`. The server sets the session cookie (persistent only with `remember`); this
   * resolves with the person only. The captcha goes along only when the caller has one (after a
   * `captcha_required`).
   */
  async signIn(input: SignInInput, o?: CallOptions): Promise<Session> {
    const body: Record<string, unknown> = {
      email: input.email,
      password: input.password,
      remember: input.remember === true,
    };
    if (input.captcha) body.captcha = { id: input.captcha.id, answer: input.captcha.answer };
    const { text } = await this.#call('signIn', 'POST', '/sign-in', body, o?.signal);
    return sessionFrom(parseJson(text));
  }

  /** `POST {baseUrl}/sign-out`: the server ends the session and clears its cookie. Resolves when signed out already. */
  async signOut(o?: CallOptions): Promise<void> {
    const { text } = await this.#call('signOut', 'POST', '/sign-out', undefined, o?.signal);
    expectNoResult(text);
  }

  /** `GET {baseUrl}/session`: 200 with the person, 204 when nobody is signed in (`null`). */
  async getSession(o?: CallOptions): Promise<Session | null> {
    const { status, text } = await this.#call('getSession', 'GET', '/session', undefined, o?.signal);
    if (status === 204) return null;
    if (status !== 200) throw malformed('a Session (200) or nobody signed in (204)');
    return sessionFrom(parseJson(text));
  }

  /** `POST {baseUrl}/password-reset/request`. Resolves alike for any address. */
  async requestPasswordReset(email: string, o?: CallOptions): Promise<void> {
    const { text } = await this.#call('requestPasswordReset', 'POST', '/password-reset/request', { email }, o?.signal);
    expectNoResult(text);
  }

  /** `POST {baseUrl}/password-reset/check`, the token in the body (never in a URL). */
  async checkResetToken(token: string, o?: CallOptions): Promise<ResetTokenInfo> {
    const { text } = await this.#call('checkResetToken', 'POST', '/password-reset/check', { token }, o?.signal);
    const data = parseJson(text);
    if (!isRecord(data) || !isNonEmptyString(data.email)) throw malformed('a ResetTokenInfo');
    return { email: data.email };
  }

  /** `POST {baseUrl}/password-reset`. Never signs in. */
  async resetPassword(input: ResetPasswordInput, o?: CallOptions): Promise<void> {
    const body: ResetPasswordInput = {
      token: input.token,
      password: input.password,
      signOutOthers: input.signOutOthers === true,
    };
    const { text } = await this.#call('resetPassword', 'POST', '/password-reset', body, o?.signal);
    expectNoResult(text);
  }

  /** The capability module of `capability`, made on first use. */
  #extension(capability: keyof typeof HTTP_EXTENSIONS): Promise<Record<string, unknown>> {
    let loading = this.#extensions.get(capability);
    if (!loading) {
      const core: HttpCore = {
        call: (operation, method, path, payload, signal) => this.#call(operation, method, path, payload, signal),
        url: (path) => this.#url(path),
        credentials: this.#credentials,
        parseJson,
        expectNoResult,
        malformed,
        sessionFrom,
      };
      loading = HTTP_EXTENSIONS[capability]().then(
        (module) => module.createHttpExtension(core) as Record<string, unknown>,
        (cause: unknown) => {
          this.#extensions.delete(capability);
          throw new AdapterError('network', `Could not load the ${capability} part of the HTTP adapter`, { cause });
        },
      );
      this.#extensions.set(capability, loading);
    }
    return loading;
  }

  #url(path: string): string {
    const base = typeof location === 'undefined' ? undefined : location.href;
    try {
      return new URL(`${this.#baseUrl}${path}`, base).href;
    } catch (cause) {
      throw new TypeError(`HttpAdapter: cannot resolve baseUrl ${JSON.stringify(this.#baseUrl)}`, { cause });
    }
  }

  /** One request. Resolves with the body text of a 2xx response; rejects with an AdapterError or the abort reason. */
  async #call(
    operation: Operation,
    method: HttpMethod,
    path: string,
    payload: unknown,
    signal: AbortSignal | undefined,
  ): Promise<{ status: number; text: string; url: string; date: string | null; receivedAt: number }> {
    signal?.throwIfAborted();
    const url = this.#url(path);
    const headers = new Headers();
    try {
      const extra = this.#headers ? await this.#headers() : undefined;
      for (const [name, value] of Object.entries(extra ?? {})) headers.set(name, value);
    } catch (cause) {
      signal?.throwIfAborted();
      throw new AdapterError('network', 'Could not build the request headers', { cause });
    }
    signal?.throwIfAborted();
    headers.set('accept', ACCEPT);
    if (payload !== undefined) headers.set('content-type', 'application/json');
    if (method !== 'GET' && this.#csrfCookie && !headers.has(CSRF_HEADER)) {
      const csrf = readCookie(this.#csrfCookie);
      if (csrf) headers.set(CSRF_HEADER, csrf);
    }

    const link = linkSignals(signal, this.#timeoutMs);
    const fetchFn = this.#fetch;
    try {
      let response: Response;
      try {
        response = await fetchFn(url, {
          method,
          headers,
          body: payload === undefined ? null : JSON.stringify(payload),
          credentials: this.#credentials,
          cache: 'no-store',
          // Never follow: a followed 307/308 resends the body (a password) to wherever Location points.
          redirect: 'manual',
          signal: link.signal,
        });
      } catch (cause) {
        throw transportError(cause, signal, link, 'The request got no response');
      }
      const receivedAt = Date.now();
      // Browsers give an opaque response (status 0) for a redirect not followed; other fetches the 3xx.
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        void response.body?.cancel().catch(() => undefined);
        throw new AdapterError('server', 'The server answered with a redirect, which is never followed');
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        throw transportError(cause, signal, link, 'The response was cut off');
      }
      if (response.ok) {
        return { status: response.status, text, url: response.url || url, date: response.headers.get('date'), receivedAt };
      }
      throw errorFromResponse(operation, response, text);
    } finally {
      link.dispose();
    }
  }
}

interface LinkedSignal {
  signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

/** The caller's signal combined with a per-call timeout (`AbortSignal.any` where it exists). */
function linkSignals(caller: AbortSignal | undefined, timeoutMs: number): LinkedSignal {
  const timer = new AbortController();
  let timedOut = false;
  const handle =
    timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          timer.abort(new DOMException('The request timed out', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  const stopTimer = (): void => {
    if (handle !== undefined) clearTimeout(handle);
  };
  if (!caller) return { signal: timer.signal, timedOut: () => timedOut, dispose: stopTimer };
  if (typeof AbortSignal.any === 'function') {
    return { signal: AbortSignal.any([caller, timer.signal]), timedOut: () => timedOut, dispose: stopTimer };
  }
  // Fallback: forward the caller's abort into the timer's controller, and unhook afterwards so a
  // long-lived caller signal does not keep every finished call alive.
  const forward = (): void => timer.abort(caller.reason);
  if (caller.aborted) forward();
  else caller.addEventListener('abort', forward, { once: true });
  return {
    signal: timer.signal,
    timedOut: () => timedOut && !caller.aborted,
    dispose: () => {
      stopTimer();
      caller.removeEventListener('abort', forward);
    },
  };
}

/** What a rejected fetch or body read means: the caller's abort, our timeout, or a network failure. */
function transportError(cause: unknown, caller: AbortSignal | undefined, link: LinkedSignal, message: string): unknown {
  if (caller?.aborted) return caller.reason;
  if (link.timedOut()) return new AdapterError('timeout', 'The server did not answer in time', { cause });
  return new AdapterError('network', message, { cause });
}

interface Problem {
  type?: unknown;
  title?: unknown;
  detail?: unknown;
  code?: unknown;
  field?: unknown;
  fieldErrors?: unknown;
  retryAfter?: unknown;
}

/** Turns a non-2xx response into an AdapterError (problem `code`, then `type`, then the status). */
function errorFromResponse(operation: Operation, response: Response, text: string): AdapterError {
  const status = response.status;
  let problem: Problem = {};
  try {
    const parsed: unknown = text.trim() === '' ? undefined : JSON.parse(text);
    if (isRecord(parsed)) problem = parsed;
  } catch {
    // An HTML error page from a proxy: the status alone decides.
  }
  const code = knownCode(problem.code) ?? codeFromType(problem.type) ?? codeFromStatus(operation, status);

  const fieldErrors = stringRecord(problem.fieldErrors);
  const field =
    (isNonEmptyString(problem.field) ? problem.field : undefined) ??
    (code === 'email_taken'
      ? 'email'
      : code === 'captcha_invalid' || code === 'captcha_expired'
        ? 'captcha'
        : fieldErrors
          ? Object.keys(fieldErrors)[0]
          : undefined);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after')) ?? nonNegative(problem.retryAfter);
  const detail = typeof problem.detail === 'string' && problem.detail ? problem.detail : problem.title;
  const message =
    typeof detail === 'string' && detail ? detail.slice(0, MAX_MESSAGE_LENGTH) : `HTTP ${status} (${code})`;
  return new AdapterError(code, message, { field, fieldErrors, retryAfter });
}

function knownCode(value: unknown): AdapterErrorCode | undefined {
  return typeof value === 'string' && (ADAPTER_ERROR_CODES as readonly string[]).includes(value)
    ? (value as AdapterErrorCode)
    : undefined;
}

/** `https://ae-auth-elements.dev/problems/email_taken` → `email_taken` (any URI whose last segment is a code). */
function codeFromType(type: unknown): AdapterErrorCode | undefined {
  if (typeof type !== 'string') return undefined;
  const last = type.split(/[?#]/)[0].replace(/\/+$/, '').split('/').pop();
  return knownCode(last);
}

/** The operations of this file; any other is an extension's (http-core.ts). */
const OWN_OPERATIONS: ReadonlySet<string> = new Set([
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

function codeFromStatus(operation: Operation, status: number): AdapterErrorCode {
  if (!OWN_OPERATIONS.has(operation)) {
    if (status === 403) return 'forbidden';
    if (status === 404) return 'not_found';
  }
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 408:
    case 504:
      return 'timeout';
    case 401:
      return operation === 'signIn' ? 'invalid_credentials' : 'server';
    case 409:
      return operation === 'register' ? 'email_taken' : operation === 'activate' ? 'already_active' : 'server';
    case 410:
      return operation === 'activate' || operation === 'checkResetToken' || operation === 'resetPassword'
        ? 'token_expired'
        : 'server';
    case 429:
      return 'rate_limited';
    default:
      return 'server';
  }
}

/**
 * The longest wait a server may ask for: a day. A longer one (400 digits read as Infinity) would have read as
 * "try again now"; a day tells the person the truth closely enough.
 */
const MAX_RETRY_AFTER_S = 86_400;

/** `Retry-After` as seconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3), at most a day. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), MAX_RETRY_AFTER_S);
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? Math.min(Math.max(0, Math.ceil((at - Date.now()) / 1000)), MAX_RETRY_AFTER_S) : undefined;
}

function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(Math.ceil(value), MAX_RETRY_AFTER_S) : undefined;
}

/** The string-valued entries of a JSON object, or undefined when there are none. */
function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  // Object.fromEntries defines own properties: a `__proto__` key cannot reach the prototype.
  const entries = Object.entries(value).filter(
    (entry): entry is [string, string] => entry[0] !== '' && typeof entry[1] === 'string',
  );
  return entries.length ? Object.fromEntries(entries) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new AdapterError('server', 'The server sent a response that is not JSON', { cause });
  }
}

/**
 * A `Session` with the four members of the contract and nothing else: whatever more a server sends (a
 * token, say) never reaches the elements.
 */
function sessionFrom(data: unknown): Session {
  if (
    !isRecord(data) ||
    !isNonEmptyString(data.userId) ||
    typeof data.email !== 'string' ||
    typeof data.firstName !== 'string' ||
    typeof data.lastName !== 'string'
  ) {
    throw malformed('a Session');
  }
  return { userId: data.userId, email: data.email, firstName: data.firstName, lastName: data.lastName };
}

/**
 * The body of a call without a result: nothing, or JSON (ignored). Anything else (an HTML page of a proxy
 * or a captive portal answering 200) is `server`: the call did not reach the API.
 */
function expectNoResult(text: string): void {
  if (text.trim() !== '') parseJson(text);
}

/** The value of the page's cookie `name`, when a script may read it (never an HttpOnly one). */
function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined' || typeof document.cookie !== 'string') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

function malformed(expected: string): AdapterError {
  return new AdapterError('server', `The server response is not ${expected}`);
}

/**
 * What may go into the captcha's `<img src>` (`kind` `image`) or `<audio src>` (`audio`): a `data:image/…` (or
 * `data:audio/…`) URL as is; a `blob:` URL; an `https:` URL; an `http:` URL only on the origin of the page or of the
 * API response (no other plain-text origin gets to draw or speak the challenge). Relative URLs resolve against the
 * response URL. Anything else (`javascript:`, `data:text/html`, a `data:image` as audio): undefined.
 */
function mediaSource(source: string, responseUrl: string, kind: 'image' | 'audio'): string | undefined {
  if (source.trim() === '') return undefined; // it would resolve to the API URL itself
  if (new RegExp(`^data:${kind}/[\\w.+-]+[;,]`, 'i').test(source)) return source;
  let url: URL;
  try {
    url = new URL(source, responseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:' || url.protocol === 'blob:') return url.href;
  if (url.protocol !== 'http:') return undefined;
  const page = typeof location === 'undefined' ? undefined : location.origin;
  return url.origin === page || url.origin === new URL(responseUrl).origin ? url.href : undefined;
}

/**
 * The captcha's expiry on the client's clock. The server's own lifetime (`expiresIn`, seconds) needs no
 * clock; else its `expiresAt` is measured against its `Date` header (the server's "now"), and only without
 * one taken as is. An `expiresAt` that is plainly seconds is read as seconds. The result is clamped to
 * [{@link MIN_CAPTCHA_LIFETIME_MS}, {@link MAX_CAPTCHA_LIFETIME_MS}] from arrival, so that a wrong clock can
 * neither expire a captcha on arrival (a refresh loop) nor keep a stale one for days.
 */
function clientExpiry(expiresAt: number, expiresIn: unknown, date: string | null, receivedAt: number): number {
  let lifetime: number;
  if (typeof expiresIn === 'number') {
    lifetime = expiresIn * 1000;
  } else {
    const serverExpiresAt = expiresAt < SECONDS_THRESHOLD ? expiresAt * 1000 : expiresAt;
    const serverNow = date === null ? Number.NaN : Date.parse(date);
    lifetime = serverExpiresAt - (Number.isFinite(serverNow) ? serverNow : receivedAt);
  }
  return receivedAt + Math.round(Math.min(MAX_CAPTCHA_LIFETIME_MS, Math.max(MIN_CAPTCHA_LIFETIME_MS, lifetime)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
