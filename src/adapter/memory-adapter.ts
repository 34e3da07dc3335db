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
   * Where activation links point. A string is a base URL that gets `#token=…` in its fragment (or `{token}`
   * inside it is replaced, wherever it stands); a function builds the whole link. Default: the current page
   * (origin and path) with `#token=…`, or `about:blank#token=…` outside a browser. The fragment is never
   * sent to a server, so the token stays out of server logs and `Referer` headers.
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

/** How a password is kept: PBKDF2-HMAC-SHA-256 over its UTF-8 bytes, with a salt of its own. Never the password. */
export interface StoredPassword {
  algorithm: 'PBKDF2-SHA-256';
  /** Kept per record, so that a later, higher count can apply to new passwords only. */
  iterations: number;
  /** 16 bytes from `crypto.getRandomValues`, new for every profile (a `seed` does not reach them). */
  salt: Uint8Array;
  /** The 32 derived bytes. */
  hash: Uint8Array;
}

/** A profile as the adapter keeps it (see {@link MemoryAdapter.debugState}). */
export interface MemoryStoredUser extends MemoryUser {
  emailKey: string;
  password: StoredPassword;
  createdAt: number;
  activatedAt?: number;
}

/** A deep copy of everything a {@link MemoryAdapter} keeps, from {@link MemoryAdapter.debugState}. */
export interface MemoryAdapterState {
  users: MemoryStoredUser[];
  captchas: { id: string; answer: string; expiresAt: number }[];
  tokens: { token: string; emailKey: string; userId: string; expiresAt: number }[];
  /** When the last letter went to (or was asked for) an address, by normalized address. */
  lastLetterAt: { emailKey: string; at: number }[];
  outbox: OutboxLetter[];
  faults: (Omit<FailNextOptions, 'times'> & { code: AdapterErrorCode; remaining: number })[];
}

type StoredUser = MemoryStoredUser;

interface StoredCaptcha {
  answer: string;
  expiresAt: number;
}

interface StoredToken {
  emailKey: string;
  userId: string;
  expiresAt: number;
}

type Fault = MemoryAdapterState['faults'][number];

const DEFAULTS = {
  captchaTtlMs: 120_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  resendCooldownMs: 60_000,
  captchaLength: [5, 6] as [number, number],
};

/** Captchas kept at most; the oldest go first (a page that keeps asking cannot exhaust memory). */
const MAX_CAPTCHAS = 10_000;

const ACTIVATION_SUBJECT = 'Activate your profile';

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

/**
 * The embedded backend: a complete, in-memory implementation of {@link AuthAdapter} that behaves like a
 * careful server. Captchas are single-use, expire and compare case-sensitively; e-mail addresses are unique
 * regardless of case; passwords are kept only as PBKDF2 hashes, with a salt per profile; activation links
 * expire, and a new letter voids the older links; letters go to {@link outbox} and are announced by a `letter`
 * event; resending is rate-limited per address and never reveals whether an address is registered.
 *
 * Tests and demos steer it with `now`, `seed`, `captchaAnswer`, `latency`, {@link failNext} and
 * {@link debugCaptchaAnswer}; tests look at what it stores with {@link debugState}.
 *
 * @fires letter - `CustomEvent<OutboxLetter>`, for every letter sent.
 */
export class MemoryAdapter extends EventTarget implements AuthAdapter {
  readonly #captchaTtlMs: number;
  readonly #tokenTtlMs: number;
  readonly #resendCooldownMs: number;
  readonly #captchaLength: [number, number];
  readonly #latency: number | [number, number];
  readonly #now: () => number;
  readonly #options: MemoryAdapterOptions;
  /** Ids, tokens and captcha texts. */
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
  #warnedInsecure = false;

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
    const password = await this.#hashPassword(String(input.password));
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
      password,
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

  /**
   * A deep copy (`structuredClone`) of everything the adapter keeps: profiles with their password records,
   * captchas, tokens, rate limits, letters and pending faults. FOR TESTS ONLY: it lets a test look at what is
   * stored (no plaintext password, a salted hash), which the `#private` fields otherwise hide; a real server
   * has no such door, and no element may call this.
   */
  debugState(): MemoryAdapterState {
    return structuredClone({
      users: [...this.#users.values()],
      captchas: [...this.#captchas].map(([id, c]) => ({ id, ...c })),
      tokens: [...this.#tokens].map(([token, t]) => ({ token, ...t })),
      lastLetterAt: [...this.#lastLetterAt].map(([emailKey, at]) => ({ emailKey, at })),
      outbox: this.#outbox,
      faults: this.#faults,
    });
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

  /**
   * The password's record: PBKDF2 with a new random salt. Rejects with `server` where `crypto.subtle` is
   * missing (a page served over plain `http://` from anywhere but localhost is not a secure context): a weaker
   * hash is not kept instead.
   */
  async #hashPassword(password: string): Promise<StoredPassword> {
    if (!subtleCrypto()) {
      const message =
        'ae-auth-elements: the embedded MemoryAdapter needs crypto.subtle to hash passwords, and this page is ' +
        'not a secure context. Serve it over https:// or from localhost.';
      if (!this.#warnedInsecure) console.error(message);
      this.#warnedInsecure = true;
      throw new AdapterError('server', message);
    }
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const hash = await pbkdf2(password, salt, PBKDF2_ITERATIONS);
    return { algorithm: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt, hash };
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
      url.hash = `token=${encodeURIComponent(token)}`;
      return url.href;
    }
    return `about:blank#token=${encodeURIComponent(token)}`;
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

/** What {@link isLocalPage} reads of a page's address: a `Location`, a `URL`, or a plain object. */
export type PageLocation = Pick<Location, 'protocol' | 'hostname'>;

/**
 * The console warning of the embedded adapter (`getDefaultAdapter()` without a page default) on a page that is
 * not local. Here rather than in the element's code so that only a page that uses the embedded adapter loads it.
 */
export const EMBEDDED_ADAPTER_WARNING =
  "ae-auth-elements: no adapter or endpoint is configured, so sign-ups are kept in this page's memory only " +
  '(the embedded MemoryAdapter). Set `endpoint` or call setDefaultAdapter() for a real backend.';

/**
 * Whether a page is one a developer runs on their own machine: a `file:` page, or a loopback host
 * (`localhost`, `*.localhost`, `127.0.0.0/8`, `[::1]`). Without a location (not a page) it answers true: there
 * is nobody to warn.
 */
export function isLocalPage(where: PageLocation | undefined): boolean {
  if (!where) return true;
  if (where.protocol === 'file:') return true;
  const host = where.hostname.toLowerCase().replace(/\.$/, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * Warns in the console ({@link EMBEDDED_ADAPTER_WARNING}) unless the page at `where` is local.
 * @internal Called by the embedded default adapter when it loads.
 */
export function warnIfNotLocal(where: PageLocation | undefined): void {
  if (!isLocalPage(where)) console.warn(EMBEDDED_ADAPTER_WARNING);
}

/** The key under which an address is unique: trimmed and lower-cased. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/**
 * `base` with the token: in place of `{token}` if it has one, else as `token=…` in the fragment, after what the
 * fragment already holds (`#top` -> `#top&token=…`). A `token` query parameter of the base is dropped, so the
 * link carries the token once, and never where a server sees it.
 */
function withToken(base: string, token: string): string {
  const value = encodeURIComponent(token);
  if (base.includes('{token}')) return base.split('{token}').join(value);
  try {
    const url = typeof location === 'undefined' ? new URL(base) : new URL(base, location.href);
    url.searchParams.delete('token');
    url.hash = withFragmentToken(url.hash.slice(1), value);
    return url.href;
  } catch {
    const [head, fragment = ''] = base.split(/#(.*)/s);
    return `${head}#${withFragmentToken(fragment, value)}`;
  }
}

/** A fragment's `&`-separated parts without any `token` entry, then `token=value`. */
function withFragmentToken(fragment: string, value: string): string {
  const kept = fragment.split('&').filter((part) => part !== '' && !/^token(?:=|$)/.test(part));
  return [...kept, `token=${value}`].join('&');
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

/** Random bytes per password. 16 bytes (128 bits) is what NIST SP 800-132 asks as a minimum. */
const SALT_BYTES = 16;

/**
 * PBKDF2-HMAC-SHA-256 iterations for new passwords. OWASP (2023) asks 600 000 of a production server. This is an
 * in-memory demo backend whose profiles die with the page (whoever can read its memory can read the typed
 * password too), and every registration of a test suite pays the cost, so it uses 210 000, 21 times NIST
 * SP 800-63B's floor of 10 000. Measured on 2 cores: one registration takes about 25 ms in Chromium and 43 ms
 * in Node 20 (600 000: about 70 ms and 150 ms). Each record keeps its count, so a real backend can raise it.
 */
export const PBKDF2_ITERATIONS = 210_000;

function subtleCrypto(): SubtleCrypto | undefined {
  return (globalThis.crypto as Crypto | undefined)?.subtle as SubtleCrypto | undefined;
}

/** 32 bytes of PBKDF2-HMAC-SHA-256 over the UTF-8 bytes of `password`. */
async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const subtle = subtleCrypto();
  if (!subtle) throw new AdapterError('server', 'crypto.subtle is not available on this page');
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const params: Pbkdf2Params = { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations };
  const bits = await subtle.deriveBits(params, key, 256);
  return new Uint8Array(bits);
}

/**
 * Whether `password` is the one `stored` was made from: the same derivation with the stored salt and count,
 * then a comparison that looks at every byte whatever it finds (no early exit that a timer could measure).
 * @internal For the sign-in of a later version, and for tests.
 */
export async function verifyPassword(stored: StoredPassword, password: string): Promise<boolean> {
  if (stored.algorithm !== 'PBKDF2-SHA-256') return false;
  const derived = await pbkdf2(String(password), stored.salt, stored.iterations);
  return constantTimeEqual(derived, stored.hash);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}
