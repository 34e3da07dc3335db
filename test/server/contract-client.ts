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
  | { kind: 'mutate'; drop?: string[]; set?: Record<string, unknown>; path?: string; times?: number }
  | { kind: 'hang'; ms?: number; path?: string; times?: number }
  | { kind: 'malformed' | 'refuse'; path?: string; times?: number };

export const NAMESPACE_HEADER = 'x-contract-namespace';
export const VIOLATION_HEADER = 'x-contract-violation';

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
