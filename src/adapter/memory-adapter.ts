import { validateRegistrationField } from '../validation/validate.js';
import { AdapterError, type AdapterErrorCode } from './adapter-error.js';
import { captchaSvg, captchaText, svgDataUrl } from './captcha-svg.js';
import { cryptoRandom, randomBetween, randomString, seededRandom, type RandomSource } from './random.js';
import type {
  ActivateResult,
  AuthAdapter,
  CallOptions,
  Captcha,
  RegisterInput,
  RegisterResult,
} from './types.js';

/** The adapter methods, as named by {@link MemoryAdapter.failNext}. */
export type AdapterMethod = 'getCaptcha' | 'register' | 'resendActivation' | 'activate';

export interface MemoryAdapterOptions {
  /** Simulated network time per call, in ms: a fixed value or a `[min, max]` range. Default 0. Abortable. */
  latency?: number | [min: number, max: number];
  /** How long a captcha is accepted, in ms. Default 120 000 (2 minutes). */
  captchaTtlMs?: number;
  /** How long an activation link works, in ms. Default 24 hours. */
  tokenTtlMs?: number;
  /** Minimum time between two letters to one address, in ms. Default 60 000. */
  resendCooldownMs?: number;
  /**
   * Makes captcha texts, ids, tokens and pictures reproducible (mulberry32). For tests and demos only:
   * a seeded adapter hands out guessable tokens.
   */
  seed?: number;
  /** A fixed captcha text, for tests. Still single-use and expiring. */
  captchaAnswer?: string;
  /** Length range of generated captcha texts. Default `[5, 6]`. */
  captchaLength?: [min: number, max: number];
  /**
   * Where activation links point. A string is a base URL that gets `?token=…` (or `{token}` inside it is
   * replaced); a function builds the whole link. Default: the current page (origin and path) with
   * `?token=…`, or `about:blank?token=…` outside a browser.
   */
  activationUrl?: string | ((token: string) => string);
  /** The clock, epoch ms. Default `Date.now`. Tests pass their own to move time. */
  now?: () => number;
  /**
   * Server-side field validation. Returns a code per failing field; anything non-empty rejects with `validation`.
   * Default: the library's own schemas (e-mail, names, password with default limits), as a good server does.
   */
  validate?: (input: RegisterInput) => Record<string, string> | undefined;
  /** Called with a copy of every letter sent, like the `letter` event. */
  onLetter?: (letter: OutboxLetter) => void;
}

/** A letter the adapter "sent". The outbox stands in for a mail server. */
export interface OutboxLetter {
  id: string;
  /** The recipient, as the user typed it. */
  to: string;
  /** English subject line. */
  subject: string;
  firstName: string;
  /** The activation link, carrying {@link token}. */
  link: string;
  token: string;
  /** When the letter was sent, epoch ms (the adapter's clock). */
  sentAt: number;
  kind: 'activation';
}

/** What {@link MemoryAdapter.getUser} tells about a profile. Never a password or its hash. */
export interface MemoryUser {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
  status: 'pending' | 'active';
}

export interface FailNextOptions {
  /** Only calls of this method fail. Default: the next call of any method. */
  method?: AdapterMethod;
  /** For `rate_limited`: seconds to report. Default: the resend cooldown, rounded up. */
  retryAfter?: number;
  /** The field to blame. Default: `email` for `email_taken`, `captcha` for captcha codes. */
  field?: string;
  /** For `validation`: a code per field. */
  fieldErrors?: Record<string, string>;
  /** How many matching calls fail. Default 1. */
  times?: number;
}

/** Events a {@link MemoryAdapter} dispatches. */
export interface MemoryAdapterEventMap {
  /** A letter was sent; `detail` is a copy of it. */
  letter: CustomEvent<OutboxLetter>;
}

interface StoredUser extends MemoryUser {
  emailKey: string;
  /** Hex SHA-256 of `salt:password`. The plaintext is never kept. */
  passwordHash: string;
  passwordSalt: string;
  createdAt: number;
  activatedAt?: number;
}

interface StoredCaptcha {
  answer: string;
  expiresAt: number;
}

interface StoredToken {
  emailKey: string;
  userId: string;
  expiresAt: number;
}

interface Fault extends Omit<FailNextOptions, 'times'> {
  code: AdapterErrorCode;
  remaining: number;
}

const DEFAULTS = {
  captchaTtlMs: 120_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  resendCooldownMs: 60_000,
  captchaLength: [5, 6] as [number, number],
};

/** Captchas kept at most; the oldest go first (a page that keeps asking cannot exhaust memory). */
const MAX_CAPTCHAS = 10_000;

const ACTIVATION_SUBJECT = 'Activate your profile';

/**
 * The embedded backend: a complete, in-memory implementation of {@link AuthAdapter} that behaves like a
 * careful server. Captchas are single-use, expire and compare case-sensitively; e-mail addresses are unique
 * regardless of case; passwords are kept only as salted SHA-256 digests; activation links expire, and a
 * new letter voids the older links; letters go to {@link outbox} and are announced by a `letter` event;
 * resending is rate-limited per address and never reveals whether an address is registered.
 *
 * Tests and demos steer it with `now`, `seed`, `captchaAnswer`, `latency`, {@link failNext} and
 * {@link debugCaptchaAnswer}.
 *
 * @fires letter - `CustomEvent<OutboxLetter>`, for every letter sent.
 */
/** The library's schemas, run on the server side: a good server never trusts the form. */
function validateOnServer(input: RegisterInput): Record<string, string> | undefined {
  const values = {
    email: String(input.email ?? ''),
    firstName: String(input.firstName ?? ''),
    lastName: String(input.lastName ?? ''),
    password: String(input.password ?? ''),
  };
  const out: Record<string, string> = {};
  for (const field of ['email', 'firstName', 'lastName', 'password'] as const) {
    const issue = validateRegistrationField(field, values);
    if (issue) out[field] = issue.code;
  }
  return Object.keys(out).length ? out : undefined;
}

export class MemoryAdapter extends EventTarget implements AuthAdapter {
  readonly #captchaTtlMs: number;
  readonly #tokenTtlMs: number;
  readonly #resendCooldownMs: number;
  readonly #captchaLength: [number, number];
  readonly #latency: number | [number, number];
  readonly #now: () => number;
  readonly #options: MemoryAdapterOptions;
  /** Ids, tokens, salts and captcha texts. */
  readonly #secret: RandomSource;
  /** Latency jitter and picture noise: kept apart so they never shift the secret sequence. */
  readonly #noise: RandomSource;

  /** Users by normalized e-mail address. */
  readonly #users = new Map<string, StoredUser>();
  readonly #captchas = new Map<string, StoredCaptcha>();
  readonly #tokens = new Map<string, StoredToken>();
  /** When the last letter went to (or was asked for) an address, by normalized address. */
  readonly #lastLetterAt = new Map<string, number>();
  readonly #outbox: OutboxLetter[] = [];
  #faults: Fault[] = [];

  constructor(options: MemoryAdapterOptions = {}) {
    super();
    this.#options = { ...options };
    this.#captchaTtlMs = nonNegative(options.captchaTtlMs, DEFAULTS.captchaTtlMs);
    this.#tokenTtlMs = nonNegative(options.tokenTtlMs, DEFAULTS.tokenTtlMs);
    this.#resendCooldownMs = nonNegative(options.resendCooldownMs, DEFAULTS.resendCooldownMs);
    this.#captchaLength = options.captchaLength ? [...options.captchaLength] : DEFAULTS.captchaLength;
    this.#latency = Array.isArray(options.latency) ? [...options.latency] : (options.latency ?? 0);
    this.#now = options.now ?? Date.now;
    if (options.seed === undefined) {
      this.#secret = cryptoRandom();
      this.#noise = cryptoRandom();
    } else {
      this.#secret = seededRandom(options.seed);
      this.#noise = seededRandom(options.seed ^ 0x5bd1e995);
    }
  }

  /** Copies of every letter sent since construction or {@link reset}, oldest first. */
  get outbox(): readonly OutboxLetter[] {
    return this.#outbox.map((letter) => ({ ...letter }));
  }

  /** A fresh captcha: a distorted SVG picture of 5–6 mixed-case characters. */
  async getCaptcha(o?: CallOptions): Promise<Captcha> {
    await this.#enter('getCaptcha', o?.signal);
    const now = this.#now();
    this.#sweep(now);
    const id = randomString(this.#secret, 22);
    const answer = this.#options.captchaAnswer ?? captchaText(this.#secret, this.#captchaLength);
    const expiresAt = now + this.#captchaTtlMs;
    this.#captchas.set(id, { answer, expiresAt });
    while (this.#captchas.size > MAX_CAPTCHAS) {
      const oldest = this.#captchas.keys().next();
      if (oldest.done) break;
      this.#captchas.delete(oldest.value);
    }
    return { id, image: svgDataUrl(captchaSvg(answer, this.#noise)), expiresAt };
  }

  /**
   * Creates a pending profile and sends the activation letter. Checks, in order: the captcha (consumed
   * by this call whatever the outcome), the `validate` option, the uniqueness of the address.
   */
  async register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    const signal = o?.signal;
    await this.#enter('register', signal);
    // Hash first: the only asynchronous step. Everything after it runs synchronously, so an aborted call
    // changes nothing and concurrent calls cannot interleave between the checks and the insert.
    const passwordSalt = randomString(this.#secret, 16);
    const passwordHash = await sha256Hex(`${passwordSalt}:${String(input.password)}`);
    signal?.throwIfAborted();

    const now = this.#now();
    this.#useCaptcha(input.captcha as RegisterInput['captcha'] | undefined, now);

    const validate = this.#options.validate ?? validateOnServer;
    const fieldErrors = validate({ ...input, captcha: { ...input.captcha } });
    const failed = fieldErrors ? Object.keys(fieldErrors) : [];
    if (fieldErrors && failed.length > 0) {
      throw new AdapterError('validation', `Invalid fields: ${failed.join(', ')}`, {
        field: failed[0],
        fieldErrors: { ...fieldErrors },
      });
    }

    const email = String(input.email).trim();
    const emailKey = normalizeEmail(email);
    if (this.#users.has(emailKey)) {
      throw new AdapterError('email_taken', 'This e-mail address is already registered', { field: 'email' });
    }
    const user: StoredUser = {
      userId: `usr_${randomString(this.#secret, 20)}`,
      email,
      emailKey,
      firstName: String(input.firstName).trim(),
      lastName: String(input.lastName).trim(),
      status: 'pending',
      passwordHash,
      passwordSalt,
      createdAt: now,
    };
    this.#users.set(emailKey, user);
    this.#sendActivation(user, now);
    return { userId: user.userId, email: user.email };
  }

  /**
   * Sends a new activation letter to a pending profile. At most one resend request per address every
   * `resendCooldownMs`; sooner rejects with `rate_limited` and `retryAfter` seconds. Registering does not
   * start the limit: if it did, a resend right after a registration would answer differently from one for
   * an unknown address, and tell that the address had just been registered. (`<ae-activate>` shows its
   * own countdown after registration, so people do not ask for a second letter at once.)
   * The limit applies to every address, registered or not, and unknown or already active addresses
   * resolve without a letter: the answer never tells whether an address has a profile.
   */
  async resendActivation(email: string, o?: CallOptions): Promise<void> {
    await this.#enter('resendActivation', o?.signal);
    const now = this.#now();
    const emailKey = normalizeEmail(String(email));
    const last = this.#lastLetterAt.get(emailKey);
    if (last !== undefined && now < last + this.#resendCooldownMs) {
      const retryAfter = Math.max(1, Math.ceil((last + this.#resendCooldownMs - now) / 1000));
      throw new AdapterError('rate_limited', `Try again in ${retryAfter} s`, { retryAfter });
    }
    this.#lastLetterAt.set(emailKey, now);
    const user = this.#users.get(emailKey);
    if (user?.status !== 'pending') return;
    this.#sendActivation(user, now);
  }

  /**
   * Activates the profile the token was issued for. Rejects with `token_invalid` for an unknown or
   * superseded token, `already_active` once the profile is active (even if the link has expired since:
   * the truth is more useful to the user than "expired"), and `token_expired` for a pending profile's
   * expired link.
   */
  async activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    await this.#enter('activate', o?.signal);
    const now = this.#now();
    const record = typeof token === 'string' ? this.#tokens.get(token) : undefined;
    const user = record && this.#users.get(record.emailKey);
    if (!record || user?.userId !== record.userId) {
      throw new AdapterError('token_invalid', 'Unknown activation link');
    }
    if (user.status === 'active') throw new AdapterError('already_active', 'The profile is already active');
    if (now >= record.expiresAt) throw new AdapterError('token_expired', 'The activation link has expired');
    user.status = 'active';
    user.activatedAt = now;
    return { userId: user.userId, email: user.email, firstName: user.firstName, lastName: user.lastName };
  }

  /**
   * Makes the next matching call(s) reject with `code`, after the simulated latency and before any state
   * changes. Faults queue up and are used in the order given.
   */
  failNext(code: AdapterErrorCode, opts: FailNextOptions = {}): void {
    const { times = 1, ...rest } = opts;
    if (!(times > 0)) return;
    this.#faults.push({ ...rest, code, remaining: times });
  }

  /** Forgets users, captchas, tokens, letters, rate limits and pending faults. */
  reset(): void {
    this.#users.clear();
    this.#captchas.clear();
    this.#tokens.clear();
    this.#lastLetterAt.clear();
    this.#outbox.length = 0;
    this.#faults = [];
  }

  /** The public facts of the profile registered under `email` (any case), without any password data. */
  getUser(email: string): MemoryUser | undefined {
    const user = this.#users.get(normalizeEmail(String(email)));
    if (!user) return undefined;
    const { userId, firstName, lastName, status } = user;
    return { userId, email: user.email, firstName, lastName, status };
  }

  /**
   * The answer of an unused captcha. FOR DEMOS AND TESTS ONLY: a real server never reveals it, and no
   * element may call this.
   */
  debugCaptchaAnswer(id: string): string | undefined {
    return this.#captchas.get(id)?.answer;
  }

  // Typed `letter` listeners.
  override addEventListener<K extends keyof MemoryAdapterEventMap>(
    type: K,
    listener: (this: MemoryAdapter, event: MemoryAdapterEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof MemoryAdapterEventMap>(
    type: K,
    listener: (this: MemoryAdapter, event: MemoryAdapterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  /** Start of every call: abort check, latency, abort check, injected fault. */
  async #enter(method: AdapterMethod, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const ms = this.#pickLatency();
    if (ms > 0) await delay(ms, signal);
    signal?.throwIfAborted();
    const fault = this.#takeFault(method);
    if (fault) throw fault;
  }

  #pickLatency(): number {
    const latency = this.#latency;
    if (typeof latency === 'number') return Math.max(0, latency);
    const [a, b] = latency;
    return Math.max(0, randomBetween(this.#noise, Math.min(a, b), Math.max(a, b)));
  }

  #takeFault(method: AdapterMethod): AdapterError | undefined {
    const index = this.#faults.findIndex((f) => f.method === undefined || f.method === method);
    if (index < 0) return undefined;
    const fault = this.#faults[index];
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.#faults.splice(index, 1);
    const { code } = fault;
    const field =
      fault.field ??
      (code === 'email_taken' ? 'email' : code === 'captcha_invalid' || code === 'captcha_expired' ? 'captcha' : undefined);
    const retryAfter =
      fault.retryAfter ?? (code === 'rate_limited' ? Math.max(1, Math.ceil(this.#resendCooldownMs / 1000)) : undefined);
    return new AdapterError(code, `Injected failure: ${code}`, {
      field,
      retryAfter,
      fieldErrors: fault.fieldErrors ? { ...fault.fieldErrors } : undefined,
    });
  }

  /** Checks and consumes a captcha. Any attempt that names a known captcha uses it up. */
  #useCaptcha(captcha: RegisterInput['captcha'] | undefined, now: number): void {
    const id = typeof captcha?.id === 'string' ? captcha.id : undefined;
    const stored = id === undefined ? undefined : this.#captchas.get(id);
    if (id === undefined || !stored) {
      throw new AdapterError('captcha_invalid', 'Unknown or already used captcha', { field: 'captcha' });
    }
    this.#captchas.delete(id);
    if (now >= stored.expiresAt) {
      throw new AdapterError('captcha_expired', 'The captcha has expired', { field: 'captcha' });
    }
    // Case matters; only surrounding white space (a stray paste) is forgiven.
    const answer = typeof captcha?.answer === 'string' ? captcha.answer.trim() : '';
    if (answer !== stored.answer) {
      throw new AdapterError('captcha_invalid', 'Wrong captcha answer', { field: 'captcha' });
    }
  }

  #sendActivation(user: StoredUser, now: number): void {
    // Only the newest link works: a new letter voids every older token of this user, as a careful
    // server does, so a leaked old letter is worthless once the user asked for a new one.
    for (const [token, record] of this.#tokens) {
      if (record.userId === user.userId) this.#tokens.delete(token);
    }
    const token = randomString(this.#secret, 32);
    this.#tokens.set(token, { emailKey: user.emailKey, userId: user.userId, expiresAt: now + this.#tokenTtlMs });
    const letter: OutboxLetter = {
      id: `msg_${randomString(this.#secret, 12)}`,
      to: user.email,
      subject: ACTIVATION_SUBJECT,
      firstName: user.firstName,
      link: this.#activationLink(token),
      token,
      sentAt: now,
      kind: 'activation',
    };
    this.#outbox.push(letter);
    const onLetter = this.#options.onLetter;
    if (onLetter) {
      try {
        onLetter({ ...letter });
      } catch (error) {
        // A faulty observer must not fail the registration; report it like a throwing event listener.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    this.dispatchEvent(new CustomEvent<OutboxLetter>('letter', { detail: { ...letter } }));
  }

  #activationLink(token: string): string {
    const option = this.#options.activationUrl;
    if (typeof option === 'function') return option(token);
    if (option !== undefined) return withToken(option, token);
    if (typeof location !== 'undefined') {
      const url = new URL(location.href);
      url.search = '';
      url.hash = '';
      url.searchParams.set('token', token);
      return url.href;
    }
    return `about:blank?token=${encodeURIComponent(token)}`;
  }

  /** Drops long-expired captchas and stale rate-limit entries. */
  #sweep(now: number): void {
    // An expired captcha is kept one more TTL so that a late answer hears "expired", not "invalid".
    for (const [id, captcha] of this.#captchas) {
      if (now >= captcha.expiresAt + this.#captchaTtlMs) this.#captchas.delete(id);
    }
    for (const [key, at] of this.#lastLetterAt) {
      if (now >= at + this.#resendCooldownMs) this.#lastLetterAt.delete(key);
    }
  }
}

/** The key under which an address is unique: trimmed and lower-cased. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function withToken(base: string, token: string): string {
  if (base.includes('{token}')) return base.split('{token}').join(encodeURIComponent(token));
  try {
    const url = typeof location === 'undefined' ? new URL(base) : new URL(base, location.href);
    url.searchParams.set('token', token);
    return url.href;
  } catch {
    return `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  }
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Hex SHA-256 of the UTF-8 bytes of `text`: `crypto.subtle` where the page is a secure context, a portable
 * implementation elsewhere (an `http://` demo page has no `crypto.subtle`).
 * @internal Exported for tests.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const subtle = (globalThis.crypto as Crypto | undefined)?.subtle as SubtleCrypto | undefined;
  if (subtle) return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
  return toHex(sha256Portable(bytes));
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** First 32 bits of the fractional parts of the square (8) and cube (64) roots of the first primes. */
let sha256Constants: { h: Uint32Array; k: Uint32Array } | undefined;

function constants(): { h: Uint32Array; k: Uint32Array } {
  if (sha256Constants) return sha256Constants;
  const primes: number[] = [];
  for (let candidate = 2; primes.length < 64; candidate++) {
    if (primes.every((p) => candidate % p !== 0)) primes.push(candidate);
  }
  const frac = (x: number): number => ((x - Math.floor(x)) * 0x1_0000_0000) >>> 0;
  sha256Constants = {
    h: Uint32Array.from(primes.slice(0, 8), (p) => frac(Math.sqrt(p))),
    k: Uint32Array.from(primes, (p) => frac(Math.cbrt(p))),
  };
  return sha256Constants;
}

function sha256Portable(message: Uint8Array): Uint8Array {
  const { h: initial, k } = constants();
  const hash = Uint32Array.from(initial);
  const length = Math.ceil((message.length + 9) / 64) * 64;
  const padded = new Uint8Array(length);
  padded.set(message);
  padded[message.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = message.length * 8;
  view.setUint32(length - 8, Math.floor(bits / 0x1_0000_0000));
  view.setUint32(length - 4, bits >>> 0);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    let [a, b, c, d, e, f, g, h] = hash;
    for (let i = 0; i < 64; i++) {
      const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    hash[0] += a;
    hash[1] += b;
    hash[2] += c;
    hash[3] += d;
    hash[4] += e;
    hash[5] += f;
    hash[6] += g;
    hash[7] += h;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  hash.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}
