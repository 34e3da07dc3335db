// Browser-side helpers for tests that talk to the contract server (contract-server.mjs) through its
// /api/__test__/ endpoints. Every helper takes the namespace of the calling test file.

/** What the server recorded when a response of its own broke the document (it sent a 500 instead). */
export interface ContractViolation {
  operation: string;
  status: number;
  violations: string[];
  at: string;
}

/** One request to /api/auth as the server saw it, checked against the document. */
export interface LoggedRequest {
  operation: string;
  valid: boolean;
  errors: string[];
  status?: number;
}

export type Fault =
  | {
      kind: 'status';
      status: number;
      retryAfter?: number | string;
      body?: unknown;
      contentType?: string;
      path?: string;
      times?: number;
    }
  | { kind: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location?: string; path?: string; times?: number }
  | {
      kind: 'mutate';
      drop?: string[];
      set?: Record<string, unknown>;
      /** Response headers replaced before the check (e.g. a Set-Cookie without HttpOnly). */
      headers?: Record<string, string>;
      path?: string;
      times?: number;
    }
  | { kind: 'hang'; ms?: number; path?: string; times?: number }
  | { kind: 'malformed' | 'refuse'; path?: string; times?: number };

export const NAMESPACE_HEADER = 'x-contract-namespace';
export const VIOLATION_HEADER = 'x-contract-violation';

/** A letter of the server's outbox (activation or password reset). */
export interface Letter {
  to: string;
  token: string;
  link: string;
  subject: string;
  sentAt: number;
  kind: 'activation' | 'reset';
}

/** The last response of /api/auth as the server sent it (Set-Cookie included, which a page cannot read). */
export interface SentResponse {
  operation: string;
  status: number;
  headers: Record<string, string | string[]>;
}

/** A live session of a profile, on any browser (the server's view, without ids). */
export interface LiveSession {
  userId: string;
  remember: boolean;
  createdAt: number;
  expiresAt: number;
}

/** The names of the session and CSRF cookies in a namespace (the namespace is part of them). */
export interface CookieNames {
  session: string;
  csrf: string;
}

/** A client of the test endpoints for one namespace (`undefined`: the server's default namespace). */
export function contractControl(namespace?: string) {
  const nsHeaders: Record<string, string> = namespace ? { [NAMESPACE_HEADER]: namespace } : {};

  async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`/api/__test__/${path}`, {
      method,
      headers: { ...nsHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : response.json();
  }

  return {
    headers: nsHeaders,
    control,
    reset: (options: Record<string, unknown> = {}) => control('POST', 'reset', options),
    fault: (f: Fault) => control('POST', 'fault', f),
    requests: async () => (await control('GET', 'requests')) as LoggedRequest[],
    /** The violations recorded since the last call, which forgets them. */
    takeViolations: async () => (await control('POST', 'contract-violations/take')) as ContractViolation[],
    /** The letters of the outbox, oldest first; only those of `kind` when given. */
    letters: async (kind?: Letter['kind']) => {
      const all = (await control('GET', 'outbox')) as Letter[];
      return kind ? all.filter((l) => l.kind === kind) : all;
    },
    /** The token of the newest letter of `kind` to `email` (any case); throws when there is none. */
    async tokenOf(email: string, kind: Letter['kind']): Promise<string> {
      const all = (await control('GET', 'outbox')) as Letter[];
      const key = email.trim().toLowerCase();
      const letter = all.filter((l) => l.kind === kind && l.to.toLowerCase() === key).at(-1);
      if (!letter) throw new Error(`no ${kind} letter to ${email}`);
      return letter.token;
    },
    /** The last response of /api/auth in this namespace, headers as sent (Set-Cookie included). */
    lastResponse: async () => (await control('GET', 'last-response')) as SentResponse,
    /** The live sessions of the profile of `email`, on every browser. */
    sessions: async (email: string) =>
      (await control('GET', `sessions?email=${encodeURIComponent(email)}`)) as LiveSession[],
    /** The names of this namespace's session and CSRF cookies. */
    cookieNames: async () => (await control('GET', 'cookie-names')) as CookieNames,
    /**
     * The base URL of another browser for HttpAdapter (`credentials: 'omit'`): the server relays its requests
     * to /api/auth with a cookie jar of its own named `name`, and sends the CSRF header its page would send.
     */
    browserUrl: (name: string) => `/api/__test__/browser/${encodeURIComponent(name)}/api/auth`,
    /** Fails when the server broke its contract since the last check (call it in `afterEach`). */
    async expectNoViolations(): Promise<void> {
      const found = (await control('POST', 'contract-violations/take')) as ContractViolation[];
      if (found.length) {
        const text = found.map((v) => `${v.operation} → ${v.status}: ${v.violations.join('; ')}`).join('\n  ');
        throw new Error(`the contract server sent ${found.length} response(s) its document forbids:\n  ${text}`);
      }
    },
  };
}
