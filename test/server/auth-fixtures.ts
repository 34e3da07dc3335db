// Fixtures of the tests that sign in over HTTP against the contract server: an HttpAdapter for a namespace
// (with that namespace's CSRF cookie), a registered and activated profile, a signed-in browser.
import { HttpAdapter, type HttpAdapterOptions } from '../../src/adapter/http-adapter.js';
import type { Session } from '../../src/adapter/types.js';
import { contractControl, type CookieNames } from './contract-client.js';

export const PASSWORD = 'Tr0ub4dor&3-horse';
export const NEW_PASSWORD = 'C0rrect-horse-battery';

export type ContractControl = ReturnType<typeof contractControl>;

export interface AuthFixtures {
  server: ContractControl;
  names: CookieNames;
  /** An HttpAdapter on this page's cookie jar, in the namespace, with its CSRF cookie. */
  adapter(options?: Partial<HttpAdapterOptions>): HttpAdapter;
  /** An HttpAdapter of another browser (the server's cookie jar `name`). */
  otherBrowser(name: string): HttpAdapter;
  /** Registers and activates `email` with `password`; resolves with its user id. */
  activeProfile(email: string, password?: string): Promise<string>;
  /** Registers `email` without activating it. */
  pendingProfile(email: string, password?: string): Promise<string>;
  /** Whether this page's cookie jar holds a cookie named `name` that scripts can read. */
  readableCookie(name: string): boolean;
  /** Ends this page's session in this namespace and forgets both cookies (for `afterEach`). */
  signOutHere(): Promise<void>;
}

export async function authFixtures(namespace: string): Promise<AuthFixtures> {
  const server = contractControl(namespace);
  const names = await server.cookieNames();
  const withNamespace = (extra: HttpAdapterOptions['headers']) => async () => ({
    ...(extra ? await extra() : {}),
    ...server.headers,
  });
  const adapter = (options: Partial<HttpAdapterOptions> = {}) =>
    new HttpAdapter({ baseUrl: '/api/auth', csrfCookie: names.csrf, ...options, headers: withNamespace(options.headers) });

  async function register(email: string, password: string): Promise<string> {
    const a = adapter();
    const captcha = await a.getCaptcha();
    const { answer } = (await server.control('GET', `captcha-answer?id=${encodeURIComponent(captcha.id)}`)) as {
      answer: string;
    };
    const { userId } = await a.register({
      email,
      firstName: 'Maria',
      lastName: 'Ivanova',
      password,
      captcha: { id: captcha.id, answer },
    });
    return userId;
  }

  const readableCookie = (name: string) => document.cookie.split(';').some((c) => c.trim().startsWith(`${name}=`));

  return {
    server,
    names,
    adapter,
    otherBrowser: (name) =>
      new HttpAdapter({ baseUrl: server.browserUrl(name), credentials: 'omit', csrfCookie: false, headers: () => server.headers }),
    pendingProfile: (email, password = PASSWORD) => register(email, password),
    async activeProfile(email, password = PASSWORD) {
      const userId = await register(email, password);
      await adapter().activate(await server.tokenOf(email, 'activation'));
      return userId;
    },
    readableCookie,
    async signOutHere() {
      await adapter()
        .signOut()
        .catch(() => undefined);
      // A cookie the server set but whose session the namespace reset forgot: clear it from the page too.
      document.cookie = `${names.csrf}=; path=/; max-age=0`;
    },
  };
}

/** The four members of a Session, and nothing else. */
export function sessionKeys(session: Session | null): string {
  return session ? Object.keys(session).sort().join(',') : 'null';
}
