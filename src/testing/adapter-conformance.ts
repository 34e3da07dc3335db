/**
 * The adapter conformance suite: what every {@link AuthAdapter} must do, whatever stands behind it (the
 * embedded MemoryAdapter, the HttpAdapter and a real server, an adapter of your own).
 *
 * It runs in any runner with mocha-style globals (`describe`, `it`, `before`/`beforeAll`, `beforeEach`):
 * mocha, web-test-runner, vitest (`globals: true`), jest. It depends on nothing else, and reports failures
 * as plain `Error`s.
 *
 * The checks come in one block per capability (see `CAPABILITY_METHODS`): `captcha`, `registration`,
 * `activation`, `signIn`, `session`, `passwordReset`, `account` (the person's own data only, the password
 * again where it is asked for), `support` (conversations, an idempotent send, a context without secrets).
 * `social` has no block yet: a provider's consent cannot be driven the same way on every backend. All run by default; an adapter that implements only some
 * declares them with `{ capabilities: [...] }` (a capability needs the ones it builds on: registration needs
 * captcha, activation registration, signIn activation, session signIn, passwordReset activation).
 *
 * A backend team checks its server like this (Node 20+, the server running with test settings):
 *
 * ```ts
 * import { HttpAdapter } from 'ae-auth-elements/adapter/http-adapter.js';
 * import { describeAdapterConformance } from 'ae-auth-elements/testing/adapter-conformance.js';
 *
 * describeAdapterConformance('our auth server', () => ({
 *   adapter: new HttpAdapter({ baseUrl: 'http://127.0.0.1:8080/api/auth' }),
 *   solveCaptcha: () => process.env.TEST_CAPTCHA_ANSWER!,              // the server's fixed test answer
 *   readActivationToken: (email) => mailbox.lastToken(email, 'activation'), // e.g. MailHog / Mailpit API
 *   readResetToken: (email) => mailbox.lastToken(email, 'reset'),
 *   expireToken: () => fetch('http://127.0.0.1:8080/test/clock?advance=25h', { method: 'POST' }),
 *   expireResetToken: () => fetch('http://127.0.0.1:8080/test/clock?advance=31m', { method: 'POST' }),
 *   reset: () => fetch('http://127.0.0.1:8080/test/reset', { method: 'POST' }),
 * }), { expireToken: true, expireResetToken: true });
 * ```
 *
 * A custom adapter that only shows a captcha and registers:
 * `describeAdapterConformance('ours', setup, { capabilities: ['captcha', 'registration'] })`.
 */
import {
  ADAPTER_ERROR_CODES,
  isAbortError,
  isAdapterError,
  type AdapterError,
  type AdapterErrorCode,
} from '../adapter/adapter-error.js';
import { hasCapability } from '../adapter/capability.js';
import { CAPABILITY_METHODS } from '../adapter/types.js';
import type { AuthAdapter, Capability, Captcha, RegisterInput, Session } from '../adapter/types.js';

/** What the suite needs to drive an adapter and look behind it. */
export interface ConformanceHarness {
  /** The adapter under test: every method of the declared capabilities (all of {@link AuthAdapter} by default). */
  adapter: Partial<AuthAdapter>;
  /**
   * The answer of a captcha, exactly as the user would have to type it (case included). A server under
   * test usually has a fixed answer in its test configuration or a test-only lookup by `captcha.id`.
   */
  solveCaptcha(captcha: Captcha): Promise<string> | string;
  /**
   * The token of the newest activation letter sent to `email` (compare addresses case-insensitively),
   * e.g. read from a test mailbox. Throw if there is none. Needed with the `activation` capability.
   */
  readActivationToken?(email: string): Promise<string> | string;
  /**
   * The token of the newest password reset letter sent to `email` (case-insensitively; only letters of that
   * kind). Throw if there is none: the suite checks that an unknown address gets no letter. Needed with the
   * `passwordReset` capability.
   */
  readResetToken?(email: string): Promise<string> | string;
  /**
   * Makes every activation token issued so far expired, e.g. by moving the server's clock past the token
   * lifetime. Provide it, and declare `{ expireToken: true }`, to run the expiry test.
   */
  expireToken?(): Promise<void> | void;
  /** Makes every captcha issued so far expired (not yet forgotten). Declare `{ expireCaptcha: true }`. */
  expireCaptcha?(): Promise<void> | void;
  /** Makes every reset token issued so far expired (at most 30 minutes). Declare `{ expireResetToken: true }`. */
  expireResetToken?(): Promise<void> | void;
  /**
   * Another client of the same server with a session of its own (another browser: its own cookie jar).
   * Declare `{ secondClient: true }` to run the checks that a session is per client and that "sign out of all
   * other devices" reaches the others.
   */
  secondClient?(): Promise<Partial<AuthAdapter>> | Partial<AuthAdapter>;
  /**
   * Called before every test: forget users, captchas, letters, sessions, rate limits and clock changes. Without
   * it, every test still uses fresh e-mail addresses, so a persistent server works too.
   */
  reset?(): Promise<void> | void;
}

/**
 * Which checks to register. Tests are registered when `describe` runs, before the (possibly asynchronous)
 * harness exists, so the optional ones are declared here; a declaration the harness does not back (or a harness
 * method that is not declared) fails the suite loudly instead of skipping a check.
 */
export interface ConformanceOptions {
  /**
   * The capabilities the adapter implements and the suite checks. Default: all of them. The adapter must have
   * every method of each (checked before the first test).
   */
  capabilities?: readonly Capability[];
  /** Run "an expired activation link is token_expired" (needs `harness.expireToken`). */
  expireToken?: boolean;
  /** Run "an expired captcha is captcha_expired" (needs `harness.expireCaptcha`). */
  expireCaptcha?: boolean;
  /** Run "an expired reset link is token_expired" (needs `harness.expireResetToken`). */
  expireResetToken?: boolean;
  /** Run the checks with a second client (needs `harness.secondClient`). */
  secondClient?: boolean;
  /**
   * The sign-in timing check: a wrong password for a registered address against an unknown address, the
   * medians of `samples` attempts each (default 5), whose ratio must stay within `1 / maxRatio … maxRatio`
   * (default 2). `false` leaves it out (a remote server over a jittery network).
   */
  signInTiming?: false | { samples?: number; maxRatio?: number };
  /** Receives the lines the suite measures (the timing medians), e.g. `console.log`. */
  report?(line: string): void;
  /** Per-test timeout in ms for runners that support one. Default 10 000. */
  timeoutMs?: number;
}

type TestFn = (this: { timeout?(ms: number): void } | undefined) => Promise<void>;
type HookFn = () => Promise<void> | void;

/** The few runner globals used; declared here so that no runner's type package is needed. */
interface RunnerGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, fn: TestFn, timeout?: number): void;
  before?(fn: HookFn): void;
  beforeAll?(fn: HookFn): void;
  beforeEach(fn: HookFn): void;
}

const ERROR_CODES: readonly AdapterErrorCode[] = ADAPTER_ERROR_CODES;

const ALL_CAPABILITIES = Object.keys(CAPABILITY_METHODS) as Capability[];

/** What each capability's checks build on (the suite makes its users through them). */
const NEEDS: Record<Capability, readonly Capability[]> = {
  captcha: [],
  registration: ['captcha'],
  activation: ['registration'],
  signIn: ['activation'],
  session: ['signIn'],
  passwordReset: ['activation'],
  social: ['session'],
  support: [],
  account: ['session'],
};

const PASSWORD = 'Conformance-Pass1';
const NEW_PASSWORD = 'Conformance-New-2';
/** High in every leaked-password list, and it passes the length, letter and digit rules. */
const COMMON_PASSWORD = 'qwerty123';

function runner(): RunnerGlobals {
  const g = globalThis as unknown as Partial<RunnerGlobals>;
  if (typeof g.describe !== 'function' || typeof g.it !== 'function' || typeof g.beforeEach !== 'function') {
    throw new Error('describeAdapterConformance needs the test runner globals describe, it and beforeEach');
  }
  return g as RunnerGlobals;
}

class ConformanceError extends Error {
  override readonly name = 'ConformanceError';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message);
}

/** A short printable form of a value for failure messages (a captcha picture would fill the screen). */
function show(value: unknown): string {
  let text: string;
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Awaits a call that must reject, and returns the rejection. */
async function rejectionOf(promise: Promise<unknown>, what: string): Promise<unknown> {
  let result: unknown;
  try {
    result = await promise;
  } catch (error) {
    return error;
  }
  throw new ConformanceError(`${what}: expected a rejection, got ${show(result)}`);
}

/** Awaits a call that must reject with an AdapterError of one of `codes`. */
async function expectCode(
  promise: Promise<unknown>,
  codes: AdapterErrorCode | readonly AdapterErrorCode[],
  what: string,
): Promise<AdapterError> {
  const expected: readonly AdapterErrorCode[] = typeof codes === 'string' ? [codes] : codes;
  const error = await rejectionOf(promise, what);
  check(isAdapterError(error), `${what}: expected an AdapterError, got ${show(error)}`);
  check(ERROR_CODES.includes(error.code), `${what}: ${show(error.code)} is not an AdapterErrorCode`);
  check(expected.includes(error.code), `${what}: expected code ${expected.join(' or ')}, got ${error.code}`);
  return error;
}

/** Awaits a call that must resolve; a rejection must at least be a well-formed AdapterError. */
async function expectSuccess<T>(promise: Promise<T>, what: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAdapterError(error)) throw new ConformanceError(`${what}: rejected with ${error.code}: ${error.message}`);
    throw new ConformanceError(`${what}: rejected with ${show(error)} (not an AdapterError)`);
  }
}

function swapCase(text: string): string {
  return Array.from(text, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/** `data:image/…`, `blob:` or an absolute http(s) URL (what `HttpAdapter` hands on; a page's `<img>` takes it). */
function isImageSource(image: unknown): boolean {
  if (typeof image !== 'string') return false;
  if (/^data:image\/[\w.+-]+[;,]/i.test(image)) return true;
  try {
    const url = new URL(image);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'blob:';
  } catch {
    return false;
  }
}

let addressCounter = 0;

/** A fresh, valid address per call, so a harness without `reset` still works against a persistent server. */
function freshEmail(): string {
  addressCounter += 1;
  const nonce = `${Date.now().toString(36)}${Math.floor(Math.random() * 0x10000).toString(36)}${addressCounter}`;
  return `Conformance.${nonce}@Example.test`;
}


function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timed(call: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  let error: unknown;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  return { ms: performance.now() - started, error };
}

/** The outcome of a call as a short comparable text: `resolved` or the error code. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isAdapterError(error) ? error.code : `not an AdapterError: ${show(error)}`;
  }
}

function checkSession(session: Session | null, expected: { userId: string; email: string }, what: string): void {
  check(session && typeof session === 'object', `${what}: expected the signed-in person, got ${show(session)}`);
  check(session.userId === expected.userId, `${what}: another user: ${show(session)}`);
  check(session.email.toLowerCase() === expected.email.toLowerCase(), `${what}: another address: ${show(session)}`);
  check(session.firstName === 'Maria' && session.lastName === 'Ivanova', `${what}: the names: ${show(session)}`);
  const text = show(session);
  check(!text.includes(PASSWORD) && !text.includes(NEW_PASSWORD), `${what}: the session holds the password`);
}

/**
 * Registers the conformance suite for one adapter. `setup` is called once, before the first test;
 * `harness.reset()` before every test.
 */
export function describeAdapterConformance(
  name: string,
  setup: () => Promise<ConformanceHarness> | ConformanceHarness,
  options: ConformanceOptions = {},
): void {
  const r = runner();
  const timeoutMs = options.timeoutMs ?? 10_000;
  const declared = new Set<Capability>(options.capabilities ?? ALL_CAPABILITIES);
  for (const capability of declared) {
    check(ALL_CAPABILITIES.includes(capability), `unknown capability ${show(capability)}`);
    for (const need of NEEDS[capability]) {
      check(declared.has(need), `the ${capability} checks build on ${need}: declare it in capabilities too`);
    }
  }
  const has = (capability: Capability): boolean => declared.has(capability);
  let harness: ConformanceHarness | undefined;
  let setupError: unknown;

  const current = (): ConformanceHarness => {
    if (setupError !== undefined) throw new ConformanceError(`harness setup failed: ${show(setupError)}`);
    check(harness, 'the harness is not set up');
    return harness;
  };
  /** The adapter, whose declared capabilities were checked before the first test. */
  const adapterOf = (h: ConformanceHarness): AuthAdapter => h.adapter as AuthAdapter;

  const test = (title: string, body: (h: ConformanceHarness) => Promise<void>, factor = 1): void => {
    r.it(
      title,
      async function () {
        this?.timeout?.(timeoutMs * factor);
        await body(current());
      },
      timeoutMs * factor,
    );
  };

  const solved = async (h: ConformanceHarness): Promise<{ captcha: Captcha; answer: string }> => {
    const captcha = await expectSuccess(adapterOf(h).getCaptcha(), 'getCaptcha()');
    const answer = await h.solveCaptcha(captcha);
    check(typeof answer === 'string' && answer !== '', 'solveCaptcha() must return the answer as a string');
    return { captcha, answer };
  };

  const input = (email: string, captcha: Captcha, answer: string, overrides: Partial<RegisterInput> = {}) => ({
    email,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: PASSWORD,
    captcha: { id: captcha.id, answer },
    ...overrides,
  });

  const registered = async (h: ConformanceHarness, email = freshEmail()) => {
    const { captcha, answer } = await solved(h);
    const result = await expectSuccess(adapterOf(h).register(input(email, captcha, answer)), 'register()');
    return { email, result };
  };

  const tokenFor = async (h: ConformanceHarness, email: string): Promise<string> => {
    const token = await h.readActivationToken?.(email);
    check(typeof token === 'string' && token !== '', `readActivationToken(${email}) must return a token`);
    return token;
  };

  /** A registered and activated profile. */
  const activeUser = async (h: ConformanceHarness, email = freshEmail()) => {
    const { result } = await registered(h, email);
    await expectSuccess(adapterOf(h).activate(await tokenFor(h, email)), 'activate()');
    return { email, userId: result.userId };
  };

  const signInWith = (h: ConformanceHarness, email: string, password: string, extra: object = {}) =>
    adapterOf(h).signIn({ email, password, remember: false, ...extra });

  /** Asks for a reset letter and returns its token. */
  const resetTokenFor = async (h: ConformanceHarness, email: string): Promise<string> => {
    await expectSuccess(adapterOf(h).requestPasswordReset(email), 'requestPasswordReset()');
    const token = await h.readResetToken?.(email);
    check(typeof token === 'string' && token !== '', `readResetToken(${email}) must return a token`);
    return token;
  };

  r.describe(`${name}: AuthAdapter conformance`, () => {
    const once = r.before ?? r.beforeAll;
    check(typeof once === 'function', 'the test runner has neither before() nor beforeAll()');
    once.call(globalThis, async () => {
      try {
        harness = await setup();
        check(harness && typeof harness === 'object', 'setup() must return a harness');
        check(harness.adapter && typeof harness.adapter === 'object', 'harness.adapter is not an adapter');
        for (const capability of declared) {
          check(
            hasCapability(harness.adapter, capability),
            `harness.adapter lacks the ${capability} capability (${CAPABILITY_METHODS[capability].join(', ')}); ` +
              'implement it, or leave it out of { capabilities }',
          );
        }
        for (const option of ['expireToken', 'expireCaptcha', 'expireResetToken', 'secondClient'] as const) {
          const provided = typeof harness[option] === 'function';
          check(
            provided === Boolean(options[option]),
            provided
              ? `the harness provides ${option}() but the suite was not told: pass { ${option}: true }`
              : `{ ${option}: true } was declared but the harness has no ${option}()`,
          );
        }
        const needed = [
          ['activation', 'readActivationToken'],
          ['passwordReset', 'readResetToken'],
        ] as const;
        for (const [capability, hook] of needed) {
          check(!has(capability) || typeof harness[hook] === 'function', `the ${capability} checks need ${hook}()`);
        }
      } catch (error) {
        setupError = error;
        throw error;
      }
    });
    r.beforeEach(async () => {
      await current().reset?.();
    });

    if (has('captcha')) describeCaptcha();
    if (has('registration')) describeRegistration();
    if (has('activation')) describeActivation();
    if (has('signIn')) describeSignIn();
    if (has('session')) describeSession();
    if (has('passwordReset')) describePasswordReset();
    if (has('account')) describeAccount();
    if (has('support')) describeSupport();
    describeAbort();
  });

  function describeCaptcha(): void {
    r.describe('getCaptcha', () => {
      test('returns an id, an image usable as <img src> and an expiry in the future', async (h) => {
        const before = Date.now();
        const captcha = await expectSuccess(adapterOf(h).getCaptcha(), 'getCaptcha()');
        check(
          typeof captcha.id === 'string' && captcha.id !== '',
          `captcha.id must be a non-empty string: ${show(captcha.id)}`,
        );
        check(
          isImageSource(captcha.image),
          `captcha.image must be a data:image, blob: or http(s) URL: ${show(captcha.image)}`,
        );
        check(
          typeof captcha.expiresAt === 'number' && Number.isFinite(captcha.expiresAt) && captcha.expiresAt > before,
          `captcha.expiresAt must be epoch ms in the future: ${show(captcha.expiresAt)}`,
        );
        // The elements compare it with this machine's clock: seconds, or a server clock far off, show here.
        check(
          captcha.expiresAt <= Date.now() + 24 * 60 * 60 * 1000,
          `captcha.expiresAt must be on the caller's clock, at most a day ahead: ${show(captcha.expiresAt)}`,
        );
      });

      test('hands out a different challenge every time', async (h) => {
        const a = await expectSuccess(adapterOf(h).getCaptcha(), 'getCaptcha()');
        const b = await expectSuccess(adapterOf(h).getCaptcha(), 'getCaptcha()');
        check(a.id !== b.id, `two captchas share the id ${a.id}`);
      });
    });
  }

  function describeRegistration(): void {
    r.describe('when a visitor registers', () => {
      test('register resolves with the user id and the address', async (h) => {
        const email = freshEmail();
        const { captcha, answer } = await solved(h);
        const result = await expectSuccess(adapterOf(h).register(input(email, captcha, answer)), 'register()');
        check(
          typeof result.userId === 'string' && result.userId !== '',
          `userId must be a non-empty string: ${show(result)}`,
        );
        check(
          typeof result.email === 'string' && result.email.toLowerCase() === email.toLowerCase(),
          `register() must answer with the address: ${show(result.email)}`,
        );
      });
    });

    r.describe('when the captcha is wrong', () => {
      test('a wrong answer is captcha_invalid', async (h) => {
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          adapterOf(h).register(input(freshEmail(), captcha, `${answer}x`)),
          'captcha_invalid',
          'register(wrong answer)',
        );
        check(
          error.field === undefined || error.field === 'captcha',
          `captcha errors belong to the captcha field, not ${error.field}`,
        );
      });

      test('the answer is case-sensitive', async (h) => {
        let challenge = await solved(h);
        for (let i = 0; i < 10 && swapCase(challenge.answer) === challenge.answer; i++) challenge = await solved(h);
        const swapped = swapCase(challenge.answer);
        check(swapped !== challenge.answer, 'ten captchas in a row had no letters: cannot check the case');
        await expectCode(
          adapterOf(h).register(input(freshEmail(), challenge.captcha, swapped)),
          'captcha_invalid',
          'register(answer in swapped case)',
        );
      });

      test('a captcha works once: reusing a solved one is rejected', async (h) => {
        const { captcha, answer } = await solved(h);
        await expectSuccess(adapterOf(h).register(input(freshEmail(), captcha, answer)), 'first register()');
        await expectCode(
          adapterOf(h).register(input(freshEmail(), captcha, answer)),
          ['captcha_invalid', 'captcha_expired'],
          'register(reused captcha)',
        );
      });

      test('a wrongly answered captcha is used up: the right answer afterwards is rejected', async (h) => {
        const { captcha, answer } = await solved(h);
        const wrong = input(freshEmail(), captcha, `${answer}x`);
        await expectCode(adapterOf(h).register(wrong), 'captcha_invalid', 'register(wrong)');
        await expectCode(
          adapterOf(h).register(input(freshEmail(), captcha, answer)),
          ['captcha_invalid', 'captcha_expired'],
          'register(right answer after a wrong one)',
        );
      });

      test('an unknown captcha id is captcha_invalid', async (h) => {
        const fake: Captcha = {
          id: 'no-such-captcha-0123456789',
          image: 'data:image/png;base64,',
          expiresAt: Date.now() + 60_000,
        };
        const attempt = input(freshEmail(), fake, 'Ab3dE');
        await expectCode(adapterOf(h).register(attempt), 'captcha_invalid', 'register(unknown captcha)');
      });

      if (options.expireCaptcha) {
        test('an expired captcha is captcha_expired', async (h) => {
          const { captcha, answer } = await solved(h);
          await h.expireCaptcha?.();
          const late = input(freshEmail(), captcha, answer);
          await expectCode(adapterOf(h).register(late), 'captcha_expired', 'register(expired captcha)');
        });
      }
    });

    r.describe('when the input is rejected', () => {
      test('a registered address in another case is email_taken on the email field', async (h) => {
        const { email } = await registered(h);
        const other = email.toUpperCase() === email ? email.toLowerCase() : email.toUpperCase();
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          adapterOf(h).register(input(other, captcha, answer)),
          'email_taken',
          'register(taken address, other case)',
        );
        check(error.field === 'email', `email_taken must name the field 'email', got ${show(error.field)}`);
      });

      test('an invalid e-mail address is validation with fieldErrors.email', async (h) => {
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          adapterOf(h).register(input('not-an-address', captcha, answer)),
          'validation',
          'register(invalid address)',
        );
        const code = error.fieldErrors?.email;
        check(
          typeof code === 'string' && code !== '',
          `validation must carry fieldErrors.email: ${show(error.fieldErrors)}`,
        );
      });
    });

    r.describe('resendActivation', () => {
      test('resolves for an address nobody registered (no account enumeration)', async (h) => {
        await expectSuccess(adapterOf(h).resendActivation(freshEmail()), 'resendActivation(unknown)');
      });
    });
  }

  function describeActivation(): void {
    r.describe('when a visitor activates', () => {
      test('the token of the letter activates the profile', async (h) => {
        const { email, result } = await registered(h);
        const token = await tokenFor(h, email);
        const activated = await expectSuccess(adapterOf(h).activate(token), 'activate()');
        check(activated.userId === result.userId, `activate() names another user: ${show(activated)}`);
        check(
          activated.email.toLowerCase() === email.toLowerCase(),
          `activate() names another address: ${show(activated)}`,
        );
        check(
          activated.firstName === 'Maria' && activated.lastName === 'Ivanova',
          `activate() must return the names: ${show(activated)}`,
        );
      });

      test('a second activation with the same link is already_active', async (h) => {
        const { email } = await registered(h);
        const token = await tokenFor(h, email);
        await expectSuccess(adapterOf(h).activate(token), 'first activate()');
        await expectCode(adapterOf(h).activate(token), 'already_active', 'second activate()');
      });

      test('an unknown activation token is token_invalid', async (h) => {
        const unknown = 'no-such-token-0123456789abcdefABCDEF';
        await expectCode(adapterOf(h).activate(unknown), 'token_invalid', 'activate(unknown)');
      });

      if (options.expireToken) {
        test('an expired activation link is token_expired', async (h) => {
          const { email } = await registered(h);
          const token = await tokenFor(h, email);
          await h.expireToken?.();
          await expectCode(adapterOf(h).activate(token), 'token_expired', 'activate(expired)');
        });
      }
    });
  }

  function describeSignIn(): void {
    r.describe('when a person signs in', () => {
      test('an active profile signs in with its password, the address in any case', async (h) => {
        const user = await activeUser(h);
        const session = await expectSuccess(signInWith(h, user.email.toUpperCase(), PASSWORD), 'signIn()');
        checkSession(session, user, 'signIn()');
      });

      test('a wrong password and an unknown address are invalid_credentials, alike', async (h) => {
        const user = await activeUser(h);
        const wrong = await expectCode(signInWith(h, user.email, `${PASSWORD}x`), 'invalid_credentials', 'wrong password');
        const unknown = await expectCode(signInWith(h, freshEmail(), PASSWORD), 'invalid_credentials', 'unknown address');
        check(
          wrong.field === unknown.field && wrong.message === unknown.message,
          `the two answers differ, which tells that the address is registered: ${show([wrong.field, wrong.message])} ` +
            `against ${show([unknown.field, unknown.message])}`,
        );
      });

      test('not_activated comes only after the right password', async (h) => {
        const { email } = await registered(h);
        await expectCode(signInWith(h, email, `${PASSWORD}x`), 'invalid_credentials', 'pending profile, wrong password');
        await expectCode(signInWith(h, email, PASSWORD), 'not_activated', 'pending profile, right password');
      });

      test('repeated failures ask for a captcha, after as many for an unknown address; a solved one lets the person in', async (h) => {
        const failuresUntilCaptcha = async (email: string, password: string): Promise<number> => {
          for (let failures = 0; failures < 10; failures++) {
            const error = await expectCode(
              signInWith(h, email, password),
              ['invalid_credentials', 'captcha_required'],
              `sign-in attempt ${failures + 1}`,
            );
            if (error.code === 'captcha_required') {
              check(
                error.field === undefined || error.field === 'captcha',
                `captcha_required belongs to the captcha field, not ${error.field}`,
              );
              return failures;
            }
          }
          throw new ConformanceError('ten failed sign-ins in a row and no captcha_required');
        };
        const user = await activeUser(h);
        const known = await failuresUntilCaptcha(user.email, `${PASSWORD}x`);
        const unknown = await failuresUntilCaptcha(freshEmail(), PASSWORD);
        check(known >= 1, 'captcha_required before any failure');
        check(
          known === unknown,
          `captcha_required after ${known} failures for a registered address, ${unknown} for an unknown one`,
        );
        // The right password alone is not enough now; a wrong captcha answer is captcha_invalid.
        await expectCode(signInWith(h, user.email, PASSWORD), 'captcha_required', 'right password, no captcha');
        const wrong = await solved(h);
        await expectCode(
          signInWith(h, user.email, PASSWORD, { captcha: { id: wrong.captcha.id, answer: `${wrong.answer}x` } }),
          'captcha_invalid',
          'right password, wrong captcha',
        );
        // A solved captcha with a wrong password is one more failure and uses the captcha up.
        const used = await solved(h);
        const usedCaptcha = { captcha: { id: used.captcha.id, answer: used.answer } };
        await expectCode(
          signInWith(h, user.email, `${PASSWORD}x`, usedCaptcha),
          'invalid_credentials',
          'wrong password, solved captcha',
        );
        await expectCode(
          signInWith(h, user.email, PASSWORD, usedCaptcha),
          ['captcha_invalid', 'captcha_expired'],
          'right password, the same captcha again',
        );
        const right = await solved(h);
        const withCaptcha = { captcha: { id: right.captcha.id, answer: right.answer } };
        const session = await expectSuccess(signInWith(h, user.email, PASSWORD, withCaptcha), 'signIn(captcha)');
        checkSession(session, user, 'signIn() with a solved captcha');
      });

      if (options.signInTiming !== false) {
        const samples = Math.max(3, options.signInTiming?.samples ?? 5);
        const maxRatio = options.signInTiming?.maxRatio ?? 2;
        test(
          `a wrong password and an unknown address take comparable time (medians of ${samples}, ratio within ${maxRatio})`,
          async (h) => {
            // One profile per attempt, so no captcha is asked for; the calls interleave, so load hits both.
            const users: { email: string; userId: string }[] = [];
            for (let i = 0; i <= samples; i++) users.push(await activeUser(h));
            const known: number[] = [];
            const unknown: number[] = [];
            for (let i = 0; i <= samples; i++) {
              const a = await timed(() => signInWith(h, users[i].email, `${PASSWORD}x`));
              const b = await timed(() => signInWith(h, freshEmail(), `${PASSWORD}x`));
              for (const [what, t] of [['registered', a], ['unknown', b]] as const) {
                check(
                  isAdapterError(t.error) && t.error.code === 'invalid_credentials',
                  `${what} address: expected invalid_credentials, got ${show(t.error)}`,
                );
              }
              if (i === 0) continue; // warm-up
              known.push(a.ms);
              unknown.push(b.ms);
            }
            const [k, u] = [median(known), median(unknown)];
            options.report?.(
              `${name}: sign-in with a wrong password, median of ${samples}: registered ${k.toFixed(1)} ms, ` +
                `unknown ${u.toFixed(1)} ms (ratio ${(k / u).toFixed(2)})`,
            );
            const ratio = k / Math.max(u, 0.001);
            check(
              ratio <= maxRatio && ratio >= 1 / maxRatio,
              `a wrong password takes ${k.toFixed(1)} ms, an unknown address ${u.toFixed(1)} ms (median): ` +
                'the time tells which addresses are registered',
            );
          },
          4,
        );
      }
    });
  }

  function describeSession(): void {
    r.describe('the session', () => {
      test('getSession is null before the sign-in and after signOut, the person in between', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        check((await expectSuccess(a.getSession(), 'getSession()')) === null, 'getSession() before any sign-in');
        await expectSuccess(signInWith(h, user.email, PASSWORD, { remember: true }), 'signIn()');
        checkSession(await expectSuccess(a.getSession(), 'getSession()'), user, 'getSession() after the sign-in');
        await expectSuccess(a.signOut(), 'signOut()');
        check((await expectSuccess(a.getSession(), 'getSession()')) === null, 'getSession() after signOut()');
        await expectSuccess(a.signOut(), 'signOut() when signed out');
      });

      test('a failed sign-in starts no session; a sign-in as someone else replaces it', async (h) => {
        const a = adapterOf(h);
        const first = await activeUser(h);
        const second = await activeUser(h);
        await expectCode(signInWith(h, first.email, `${PASSWORD}x`), 'invalid_credentials', 'wrong password');
        check((await a.getSession()) === null, 'a failed sign-in signed in');
        await expectSuccess(signInWith(h, first.email, PASSWORD), 'signIn(first)');
        await expectSuccess(signInWith(h, second.email, PASSWORD), 'signIn(second)');
        checkSession(await a.getSession(), second, 'getSession() after the second sign-in');
      });

      if (options.secondClient) {
        test('a session belongs to its client', async (h) => {
          const other = (await h.secondClient?.()) as AuthAdapter;
          const user = await activeUser(h);
          await expectSuccess(signInWith(h, user.email, PASSWORD), 'signIn()');
          check((await expectSuccess(other.getSession(), 'second client getSession()')) === null, 'the second client is signed in');
          await expectSuccess(other.signIn({ email: user.email, password: PASSWORD, remember: false }), 'second signIn()');
          await expectSuccess(other.signOut(), 'second client signOut()');
          checkSession(await adapterOf(h).getSession(), user, 'the first client after the second signed out');
        });
      }
    });
  }

  function describePasswordReset(): void {
    r.describe('when a person asks for a password reset', () => {
      test('a registered and an unknown address get the same answer; only the registered one a letter', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        const unknownEmail = freshEmail();
        const first = [await outcome(a.requestPasswordReset(user.email)), await outcome(a.requestPasswordReset(unknownEmail))];
        check(first[0] === 'resolved' && first[1] === 'resolved', `requestPasswordReset(): ${show(first)}`);
        const token = await h.readResetToken?.(user.email);
        check(typeof token === 'string' && token !== '', 'no reset letter to the registered address');
        let letter: unknown;
        try {
          letter = await h.readResetToken?.(unknownEmail);
        } catch {
          letter = undefined;
        }
        check(letter === undefined || letter === '', `a reset letter went to an unknown address: ${show(letter)}`);
        // Asked again at once: whatever the answer (a cooldown or not), it is the same for both.
        const again = [await outcome(a.requestPasswordReset(user.email)), await outcome(a.requestPasswordReset(unknownEmail))];
        check(again[0] === again[1], `asked again, a registered address gets ${again[0]}, an unknown one ${again[1]}`);
      });

      test('checkResetToken answers the masked address, not the address', async (h) => {
        const user = await activeUser(h);
        const token = await resetTokenFor(h, user.email);
        const info = await expectSuccess(adapterOf(h).checkResetToken(token), 'checkResetToken()');
        const [local, domain] = user.email.toLowerCase().split('@');
        const masked = String(info?.email ?? '').toLowerCase();
        check(masked.includes('@') && masked.endsWith(domain), `not the masked address: ${show(info)}`);
        check(!masked.includes(local), `the address is not masked: ${show(info)}`);
      });

      test('the new password works, the old one no longer; the link works once (token_used)', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        const token = await resetTokenFor(h, user.email);
        const done = await expectSuccess(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }), 'resetPassword()');
        check(done === undefined, `resetPassword() resolves with nothing: ${show(done)}`);
        await expectCode(a.checkResetToken(token), 'token_used', 'checkResetToken(used)');
        await expectCode(
          a.resetPassword({ token, password: `${NEW_PASSWORD}x`, signOutOthers: false }),
          'token_used',
          'resetPassword(used)',
        );
        if (has('signIn')) {
          await expectCode(signInWith(h, user.email, PASSWORD), 'invalid_credentials', 'signIn(old password)');
          checkSession(await expectSuccess(signInWith(h, user.email, NEW_PASSWORD), 'signIn(new)'), user, 'signIn(new)');
        }
      });

      test('an unknown reset token is token_invalid', async (h) => {
        const a = adapterOf(h);
        const unknown = 'no-such-reset-token-0123456789abcdef';
        await expectCode(a.checkResetToken(unknown), 'token_invalid', 'checkResetToken(unknown)');
        await expectCode(
          a.resetPassword({ token: unknown, password: NEW_PASSWORD, signOutOthers: false }),
          'token_invalid',
          'resetPassword(unknown)',
        );
      });

      test('an activation token is no reset token, and a reset token no activation token', async (h) => {
        const a = adapterOf(h);
        const { email } = await registered(h);
        const activation = await tokenFor(h, email);
        await expectSuccess(a.activate(activation), 'activate()');
        await expectCode(a.checkResetToken(activation), 'token_invalid', 'checkResetToken(activation token)');
        await expectCode(
          a.resetPassword({ token: activation, password: NEW_PASSWORD, signOutOthers: false }),
          'token_invalid',
          'resetPassword(activation token)',
        );
        const reset = await resetTokenFor(h, email);
        await expectCode(a.activate(reset), 'token_invalid', 'activate(reset token)');
        await expectSuccess(a.checkResetToken(reset), 'checkResetToken(reset token) after the misuse');
      });

      if (options.expireResetToken) {
        test('an expired reset link is token_expired', async (h) => {
          const a = adapterOf(h);
          const user = await activeUser(h);
          const token = await resetTokenFor(h, user.email);
          await h.expireResetToken?.();
          await expectCode(a.checkResetToken(token), 'token_expired', 'checkResetToken(expired)');
          await expectCode(
            a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }),
            'token_expired',
            'resetPassword(expired)',
          );
        });
      }

      test('the new password follows the registration rules and is not a common one; the link stays usable', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        const token = await resetTokenFor(h, user.email);
        for (const password of ['short1', 'nodigits-at-all', COMMON_PASSWORD, COMMON_PASSWORD.toUpperCase()]) {
          const error = await expectCode(
            a.resetPassword({ token, password, signOutOthers: false }),
            'validation',
            `resetPassword(${password})`,
          );
          const code = error.fieldErrors?.password;
          check(typeof code === 'string' && code !== '', `${password}: no fieldErrors.password: ${show(error.fieldErrors)}`);
        }
        await expectSuccess(a.checkResetToken(token), 'checkResetToken() after refused passwords');
        await expectSuccess(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }), 'resetPassword()');
      });

      if (has('session')) {
        test('a reset never signs in', async (h) => {
          const a = adapterOf(h);
          const user = await activeUser(h);
          const token = await resetTokenFor(h, user.email);
          await expectSuccess(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers: false }), 'resetPassword()');
          check((await a.getSession()) === null, 'resetPassword() signed the person in');
        });

        test('signOutOthers ends the sessions of the profile; without it they stay', async (h) => {
          const a = adapterOf(h);
          const other = options.secondClient ? ((await h.secondClient?.()) as AuthAdapter) : undefined;
          for (const signOutOthers of [false, true]) {
            const user = await activeUser(h);
            await expectSuccess(signInWith(h, user.email, PASSWORD), 'signIn()');
            if (other) await expectSuccess(other.signIn({ email: user.email, password: PASSWORD, remember: true }), 'second signIn()');
            const token = await resetTokenFor(h, user.email);
            await expectSuccess(a.resetPassword({ token, password: NEW_PASSWORD, signOutOthers }), 'resetPassword()');
            const clients = other ? [['this client', a] as const, ['the second client', other] as const] : [['this client', a] as const];
            for (const [what, client] of clients) {
              const session = await expectSuccess(client.getSession(), `getSession() of ${what}`);
              if (signOutOthers) check(session === null, `signOutOthers left ${what} signed in`);
              else checkSession(session, user, `${what} after a reset without signOutOthers`);
            }
          }
        });
      }
    });
  }

  function describeAccount(): void {
    r.describe('the account', () => {
      test('every call needs the person signed in: forbidden when signed out', async (h) => {
        const a = adapterOf(h);
        await expectCode(a.getAccountSummary(), 'forbidden', 'getAccountSummary() signed out');
        await expectCode(a.listOrders({ page: 1 }), 'forbidden', 'listOrders() signed out');
        await expectCode(a.getPreferences(), 'forbidden', 'getPreferences() signed out');
      });

      test('a new buyer: an empty first page with its total, preferences unset until chosen, then kept', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        await expectSuccess(signInWith(h, user.email, PASSWORD), 'signIn()');
        const page = await expectSuccess(a.listOrders({ page: 1, pageSize: 10 }), 'listOrders()');
        check(Array.isArray(page.items) && page.page === 1 && page.pageSize === 10, 'a page echoes page and pageSize');
        check(page.total === page.items.length, `total ${page.total} for ${page.items.length} items on the only page`);
        check((await expectSuccess(a.getPreferences(), 'getPreferences()')) === null, 'preferences of a new buyer');
        const saved = await expectSuccess(a.setPreferences({ country: 'BG', currency: 'EUR' }), 'setPreferences()');
        check(saved.country === 'BG' && saved.currency === 'EUR', 'setPreferences() answers what it kept');
        const again = await expectSuccess(a.getPreferences(), 'getPreferences() after setPreferences()');
        check(again?.country === 'BG' && again.currency === 'EUR', 'the preferences are kept');
        await expectCode(a.listOrders({ page: 1, pageSize: 1000 }), 'validation', 'a page size over 100');
        await expectCode(a.getOrder('no-such-order'), 'not_found', 'getOrder() of an unknown order');
      });

      test('a password change needs the current password and follows the password rules', async (h) => {
        const a = adapterOf(h);
        const user = await activeUser(h);
        await expectSuccess(signInWith(h, user.email, PASSWORD), 'signIn()');
        await expectCode(
          a.changePassword({ currentPassword: `${PASSWORD}x`, newPassword: NEW_PASSWORD, signOutOthers: false }),
          'invalid_credentials',
          'changePassword() with a wrong current password',
        );
        await expectCode(
          a.changePassword({ currentPassword: PASSWORD, newPassword: 'short', signOutOthers: false }),
          'validation',
          'changePassword() to a password the rules refuse',
        );
        await expectSuccess(
          a.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, signOutOthers: false }),
          'changePassword()',
        );
        await expectSuccess(a.signOut(), 'signOut()');
        await expectCode(signInWith(h, user.email, PASSWORD), 'invalid_credentials', 'the old password after the change');
        await expectSuccess(signInWith(h, user.email, NEW_PASSWORD), 'signIn() with the new password');
      });
    });
  }

  function describeSupport(): void {
    r.describe('support', () => {
      const start = (h: ConformanceHarness, context?: Record<string, unknown>) =>
        adapterOf(h).startConversation({
          topic: 'captcha',
          email: freshEmail(),
          locale: 'en',
          ...(context ? { context: context as never } : {}),
        });

      test('a conversation starts signed out with an address; an agent status is one of three', async (h) => {
        const a = adapterOf(h);
        const conversation = await expectSuccess(start(h), 'startConversation()');
        check(typeof conversation.id === 'string' && conversation.id !== '', 'a conversation id');
        const page = await expectSuccess(a.listMessages(conversation.id), 'listMessages()');
        check(Array.isArray(page.messages) && typeof page.lastEventId === 'string', 'a page of messages with its lastEventId');
        const status = await expectSuccess(a.agentStatus(), 'agentStatus()');
        check(['online', 'away', 'offline'].includes(status.status), `agentStatus() ${show(status.status)}`);
        await expectCode(a.listMessages('no-such-conversation'), 'not_found', 'listMessages() of an unknown conversation');
      });

      test('a send is idempotent by clientId: a retry returns the message accepted and adds nothing', async (h) => {
        const a = adapterOf(h);
        const conversation = await expectSuccess(start(h), 'startConversation()');
        const input = { text: 'The code from the picture is never accepted', clientId: 'conformance-retry-0001' };
        const first = await expectSuccess(a.sendMessage(conversation.id, input), 'sendMessage()');
        const second = await expectSuccess(a.sendMessage(conversation.id, input), 'sendMessage() again');
        check(first.id === second.id, 'the retry returned another message');
        const mine = (await a.listMessages(conversation.id)).messages.filter((m) => m.from === 'person');
        check(mine.length === 1, `${mine.length} copies of the person's message`);
        await expectCode(a.sendMessage(conversation.id, { text: '   ', clientId: 'conformance-empty-01' }), 'validation', 'an empty message');
      });

      test('the context keeps its four fields and nothing else: never a password', async (h) => {
        const a = adapterOf(h);
        const conversation = await expectSuccess(
          start(h, { step: 'register', errorCodes: ['captcha_invalid'], locale: 'en', maskedEmail: 'm***@example.com', password: PASSWORD }),
          'startConversation() with a context',
        );
        const listed = JSON.stringify(await a.listMessages(conversation.id)) + JSON.stringify(conversation);
        check(!listed.includes(PASSWORD), 'the password came back from the server');
      });
    });
  }

  function describeAbort(): void {
    r.describe('when the caller aborts', () => {
      test('every call rejects with the AbortError of the signal', async (h) => {
        const a = adapterOf(h);
        const captcha: Captcha = { id: 'no-such-captcha', image: '', expiresAt: Date.now() + 60_000 };
        const calls: [Capability, string, (signal: AbortSignal) => Promise<unknown>][] = [
          ['captcha', 'getCaptcha', (signal) => a.getCaptcha({ signal })],
          ['registration', 'register', (signal) => a.register(input(freshEmail(), captcha, 'Ab3dE'), { signal })],
          ['registration', 'resendActivation', (signal) => a.resendActivation(freshEmail(), { signal })],
          ['activation', 'activate', (signal) => a.activate('no-such-token-0123456789', { signal })],
          ['signIn', 'signIn', (signal) => a.signIn({ email: freshEmail(), password: PASSWORD, remember: false }, { signal })],
          ['session', 'getSession', (signal) => a.getSession({ signal })],
          ['session', 'signOut', (signal) => a.signOut({ signal })],
          ['passwordReset', 'requestPasswordReset', (signal) => a.requestPasswordReset(freshEmail(), { signal })],
          ['passwordReset', 'checkResetToken', (signal) => a.checkResetToken('no-such-token-0123456789', { signal })],
          [
            'passwordReset',
            'resetPassword',
            (signal) => a.resetPassword({ token: 'no-such-token-0123', password: NEW_PASSWORD, signOutOthers: false }, { signal }),
          ],
        ];
        for (const [capability, method, call] of calls) {
          if (!has(capability)) continue;
          const controller = new AbortController();
          controller.abort();
          const error = await rejectionOf(call(controller.signal), `${method}(aborted signal)`);
          check(isAbortError(error), `${method}: expected an AbortError, got ${show(error)}`);
          check(error === controller.signal.reason, `${method}: must reject with the signal's own reason`);
        }
      });

      if (has('captcha')) {
        test('a custom abort reason is passed through unchanged', async (h) => {
          const controller = new AbortController();
          const reason = new Error('left the page');
          controller.abort(reason);
          const error = await rejectionOf(adapterOf(h).getCaptcha({ signal: controller.signal }), 'getCaptcha(aborted)');
          check(error === reason, `expected the caller's reason, got ${show(error)}`);
        });
      }
    });
  }
}
