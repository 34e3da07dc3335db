/**
 * The adapter conformance suite: what every {@link AuthAdapter} must do, whatever stands behind it (the
 * embedded MemoryAdapter, the HttpAdapter and a real server, an adapter of your own).
 *
 * It runs in any runner with mocha-style globals (`describe`, `it`, `before`/`beforeAll`, `beforeEach`):
 * mocha, web-test-runner, vitest (`globals: true`), jest. It depends on nothing else, and reports failures
 * as plain `Error`s.
 *
 * A backend team checks its server like this (Node 20+, the server running with test settings):
 *
 * ```ts
 * import { HttpAdapter } from 'ae-auth-elements/adapter/http-adapter.js';
 * import { describeAdapterConformance } from 'ae-auth-elements/testing/adapter-conformance.js';
 *
 * describeAdapterConformance('our auth server', () => ({
 *   adapter: new HttpAdapter({ baseUrl: 'http://127.0.0.1:8080/api/auth' }),
 *   solveCaptcha: () => process.env.TEST_CAPTCHA_ANSWER!,          // the server's fixed test answer
 *   readActivationToken: (email) => mailbox.lastTokenFor(email),   // e.g. MailHog / Mailpit API
 *   expireToken: () => fetch('http://127.0.0.1:8080/test/clock?advance=25h', { method: 'POST' }),
 *   reset: () => fetch('http://127.0.0.1:8080/test/reset', { method: 'POST' }),
 * }), { expireToken: true });
 * ```
 */
import {
  ADAPTER_ERROR_CODES,
  isAbortError,
  isAdapterError,
  type AdapterError,
  type AdapterErrorCode,
} from '../adapter/adapter-error.js';
import type { AuthAdapter, Captcha, RegisterInput } from '../adapter/types.js';

/** What the suite needs to drive an adapter and look behind it. */
export interface ConformanceHarness {
  /** The adapter under test. */
  adapter: AuthAdapter;
  /**
   * The answer of a captcha, exactly as the user would have to type it (case included). A server under
   * test usually has a fixed answer in its test configuration or a test-only lookup by `captcha.id`.
   */
  solveCaptcha(captcha: Captcha): Promise<string> | string;
  /**
   * The token of the newest activation letter sent to `email` (compare addresses case-insensitively),
   * e.g. read from a test mailbox. Throw if there is none.
   */
  readActivationToken(email: string): Promise<string> | string;
  /**
   * Makes every activation token issued so far expired, e.g. by moving the server's clock past the token
   * lifetime. Provide it, and declare `{ expireToken: true }`, to run the expiry test.
   */
  expireToken?(): Promise<void> | void;
  /** Makes every captcha issued so far expired (not yet forgotten). Declare `{ expireCaptcha: true }`. */
  expireCaptcha?(): Promise<void> | void;
  /**
   * Called before every test: forget users, captchas, letters, rate limits and clock changes. Without it,
   * every test still uses fresh e-mail addresses, so a persistent server works too.
   */
  reset?(): Promise<void> | void;
}

/**
 * Which optional checks to register. Tests are registered when `describe` runs, before the (possibly
 * asynchronous) harness exists, so the optional ones are declared here; a declaration the harness does not
 * back (or a harness method that is not declared) fails the suite loudly instead of skipping a check.
 */
export interface ConformanceOptions {
  /** Run "an expired activation link is token_expired" (needs `harness.expireToken`). */
  expireToken?: boolean;
  /** Run "an expired captcha is captcha_expired" (needs `harness.expireCaptcha`). */
  expireCaptcha?: boolean;
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

const PASSWORD = 'Conformance-Pass1';

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
  let harness: ConformanceHarness | undefined;
  let setupError: unknown;

  const current = (): ConformanceHarness => {
    if (setupError !== undefined) throw new ConformanceError(`harness setup failed: ${show(setupError)}`);
    check(harness, 'the harness is not set up');
    return harness;
  };

  const test = (title: string, body: (h: ConformanceHarness) => Promise<void>): void => {
    r.it(
      title,
      async function () {
        this?.timeout?.(timeoutMs);
        await body(current());
      },
      timeoutMs,
    );
  };

  const solved = async (h: ConformanceHarness): Promise<{ captcha: Captcha; answer: string }> => {
    const captcha = await expectSuccess(h.adapter.getCaptcha(), 'getCaptcha()');
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
    const result = await expectSuccess(h.adapter.register(input(email, captcha, answer)), 'register()');
    return { email, result };
  };

  const tokenFor = async (h: ConformanceHarness, email: string): Promise<string> => {
    const token = await h.readActivationToken(email);
    check(typeof token === 'string' && token !== '', `readActivationToken(${email}) must return a token`);
    return token;
  };

  r.describe(`${name}: AuthAdapter conformance`, () => {
    const once = r.before ?? r.beforeAll;
    check(typeof once === 'function', 'the test runner has neither before() nor beforeAll()');
    once.call(globalThis, async () => {
      try {
        harness = await setup();
        check(harness && typeof harness === 'object', 'setup() must return a harness');
        check(
          harness.adapter && typeof harness.adapter.getCaptcha === 'function',
          'harness.adapter is not an AuthAdapter',
        );
        for (const capability of ['expireToken', 'expireCaptcha'] as const) {
          const provided = typeof harness[capability] === 'function';
          check(
            provided === Boolean(options[capability]),
            provided
              ? `the harness provides ${capability}() but the suite was not told: pass { ${capability}: true }`
              : `{ ${capability}: true } was declared but the harness has no ${capability}()`,
          );
        }
      } catch (error) {
        setupError = error;
        throw error;
      }
    });
    r.beforeEach(async () => {
      await current().reset?.();
    });

    r.describe('getCaptcha', () => {
      test('returns an id, an image usable as <img src> and an expiry in the future', async (h) => {
        const before = Date.now();
        const captcha = await expectSuccess(h.adapter.getCaptcha(), 'getCaptcha()');
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
        const a = await expectSuccess(h.adapter.getCaptcha(), 'getCaptcha()');
        const b = await expectSuccess(h.adapter.getCaptcha(), 'getCaptcha()');
        check(a.id !== b.id, `two captchas share the id ${a.id}`);
      });
    });

    r.describe('when a visitor registers and activates', () => {
      test('register resolves with the user id and address; the letter activates the profile', async (h) => {
        const email = freshEmail();
        const { captcha, answer } = await solved(h);
        const result = await expectSuccess(h.adapter.register(input(email, captcha, answer)), 'register()');
        check(
          typeof result.userId === 'string' && result.userId !== '',
          `userId must be a non-empty string: ${show(result)}`,
        );
        check(
          typeof result.email === 'string' && result.email.toLowerCase() === email.toLowerCase(),
          `register() must answer with the address: ${show(result.email)}`,
        );
        const token = await tokenFor(h, email);
        const activated = await expectSuccess(h.adapter.activate(token), 'activate()');
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
        await expectSuccess(h.adapter.activate(token), 'first activate()');
        await expectCode(h.adapter.activate(token), 'already_active', 'second activate()');
      });

      test('an unknown activation token is token_invalid', async (h) => {
        const unknown = 'no-such-token-0123456789abcdefABCDEF';
        await expectCode(h.adapter.activate(unknown), 'token_invalid', 'activate(unknown)');
      });

      if (options.expireToken) {
        test('an expired activation link is token_expired', async (h) => {
          const { email } = await registered(h);
          const token = await tokenFor(h, email);
          await h.expireToken?.();
          await expectCode(h.adapter.activate(token), 'token_expired', 'activate(expired)');
        });
      }
    });

    r.describe('when the captcha is wrong', () => {
      test('a wrong answer is captcha_invalid', async (h) => {
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          h.adapter.register(input(freshEmail(), captcha, `${answer}x`)),
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
          h.adapter.register(input(freshEmail(), challenge.captcha, swapped)),
          'captcha_invalid',
          'register(answer in swapped case)',
        );
      });

      test('a captcha works once: reusing a solved one is rejected', async (h) => {
        const { captcha, answer } = await solved(h);
        await expectSuccess(h.adapter.register(input(freshEmail(), captcha, answer)), 'first register()');
        await expectCode(
          h.adapter.register(input(freshEmail(), captcha, answer)),
          ['captcha_invalid', 'captcha_expired'],
          'register(reused captcha)',
        );
      });

      test('a wrongly answered captcha is used up: the right answer afterwards is rejected', async (h) => {
        const { captcha, answer } = await solved(h);
        const wrong = input(freshEmail(), captcha, `${answer}x`);
        await expectCode(h.adapter.register(wrong), 'captcha_invalid', 'register(wrong)');
        await expectCode(
          h.adapter.register(input(freshEmail(), captcha, answer)),
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
        await expectCode(h.adapter.register(attempt), 'captcha_invalid', 'register(unknown captcha)');
      });

      if (options.expireCaptcha) {
        test('an expired captcha is captcha_expired', async (h) => {
          const { captcha, answer } = await solved(h);
          await h.expireCaptcha?.();
          const late = input(freshEmail(), captcha, answer);
          await expectCode(h.adapter.register(late), 'captcha_expired', 'register(expired captcha)');
        });
      }
    });

    r.describe('when the input is rejected', () => {
      test('a registered address in another case is email_taken on the email field', async (h) => {
        const { email } = await registered(h);
        const other = email.toUpperCase() === email ? email.toLowerCase() : email.toUpperCase();
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          h.adapter.register(input(other, captcha, answer)),
          'email_taken',
          'register(taken address, other case)',
        );
        check(error.field === 'email', `email_taken must name the field 'email', got ${show(error.field)}`);
      });

      test('an invalid e-mail address is validation with fieldErrors.email', async (h) => {
        const { captcha, answer } = await solved(h);
        const error = await expectCode(
          h.adapter.register(input('not-an-address', captcha, answer)),
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
        await expectSuccess(h.adapter.resendActivation(freshEmail()), 'resendActivation(unknown)');
      });
    });

    r.describe('when the caller aborts', () => {
      test('every call rejects with the AbortError of the signal', async (h) => {
        const { captcha, answer } = await solved(h);
        const calls: [string, (signal: AbortSignal) => Promise<unknown>][] = [
          ['getCaptcha', (signal) => h.adapter.getCaptcha({ signal })],
          ['register', (signal) => h.adapter.register(input(freshEmail(), captcha, answer), { signal })],
          ['resendActivation', (signal) => h.adapter.resendActivation(freshEmail(), { signal })],
          ['activate', (signal) => h.adapter.activate('no-such-token-0123456789', { signal })],
        ];
        for (const [method, call] of calls) {
          const controller = new AbortController();
          controller.abort();
          const error = await rejectionOf(call(controller.signal), `${method}(aborted signal)`);
          check(isAbortError(error), `${method}: expected an AbortError, got ${show(error)}`);
          check(error === controller.signal.reason, `${method}: must reject with the signal's own reason`);
        }
      });

      test('a custom abort reason is passed through unchanged', async (h) => {
        const controller = new AbortController();
        const reason = new Error('left the page');
        controller.abort(reason);
        const error = await rejectionOf(h.adapter.getCaptcha({ signal: controller.signal }), 'getCaptcha(aborted)');
        check(error === reason, `expected the caller's reason, got ${show(error)}`);
      });
    });
  });
}
