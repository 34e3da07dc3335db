/**
 * What `HttpAdapter` lends the modules that implement its later capabilities (http-social.ts,
 * http-support.ts, http-account.ts): the one request path (base URL, credentials, CSRF header, timeout, the
 * problem-document mapping, no redirects, `no-store`) and the response readers, so that every call of every
 * capability fails and succeeds the same way. Each module exports `createHttpExtension(core)` and is loaded on
 * the first call of one of its methods.
 */
import type { AdapterError } from './adapter-error.js';
import type { Session } from './types.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpResult {
  status: number;
  text: string;
  /** The response URL. */
  url: string;
  /** Its `Date` header. */
  date: string | null;
  /** When it arrived, on the client's clock. */
  receivedAt: number;
}

export interface HttpCore {
  /**
   * One request to `{baseUrl}{path}` (path with its query). Resolves with a 2xx response; rejects with an
   * `AdapterError` (problem `code`, else from the status: see `codeFromStatus` in http-adapter.ts) or the
   * caller's abort reason. `operation` names the call in errors.
   */
  call(operation: string, method: HttpMethod, path: string, payload: unknown, signal: AbortSignal | undefined): Promise<HttpResult>;
  /** The absolute URL of `{baseUrl}{path}` (for an `EventSource`, a link). */
  url(path: string): string;
  /** The adapter's `credentials` option (an `EventSource` uses `withCredentials` when it is `'include'`). */
  readonly credentials: RequestCredentials;
  /** JSON of a body, or `server`. */
  parseJson(text: string): unknown;
  /** A call without a result: nothing or JSON, else `server`. */
  expectNoResult(text: string): void;
  /** The error of a response of the wrong shape: `server`, "The server response is not {expected}". */
  malformed(expected: string): AdapterError;
  /** A `Session` with its four members and nothing else, or `server`. */
  sessionFrom(data: unknown): Session;
}

/** What each capability module exports. */
export type HttpExtensionFactory = (core: HttpCore) => object;
