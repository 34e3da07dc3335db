import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { maskEmail } from '../internal/mask-email.js';
import { isCommonPassword } from '../validation/common-passwords.js';
import { validateRegistrationField } from '../validation/validate.js';
import { AdapterError, type AdapterErrorCode } from './adapter-error.js';
import { captchaSvg, captchaText, svgDataUrl } from './captcha-svg.js';
import { cryptoRandom, randomBetween, randomFloat, randomString, seededRandom, type RandomSource } from './random.js';
import type { MemoryCore, MemoryCoreLetter, MemoryCoreSession, MemoryCoreUser, MemoryExtensionFactory } from './memory-core.js';
import { CAPABILITY_METHODS } from './types.js';
import type { ACCOUNT_METHODS, AccountCapability } from './account-types.js';
import type { MemorySocialOptions, SOCIAL_METHODS, SocialCapability } from './social-types.js';
import type { SUPPORT_METHODS, SupportCapability } from './support-types.js';
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

/** The adapter methods, as named by {@link MemoryAdapter.failNext}. */
export type AdapterMethod =
  | 'getCaptcha'
  | 'register'
  | 'resendActivation'
  | 'activate'
  | 'signIn'
  | 'getSession'
  | 'signOut'
  | 'requestPasswordReset'
  | 'checkResetToken'
  | 'resetPassword'
  | (typeof SOCIAL_METHODS)[number]
  | (typeof SUPPORT_METHODS)[number]
  | (typeof ACCOUNT_METHODS)[number];

/** A profile made when the adapter is: active, with a password (`MemoryAdapterOptions.users`). */
export interface MemorySeedUser {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

/** The options of the account capability (memory-account.ts; see account-types.ts). */
export interface MemoryAccountOptions {
  /** E-mail addresses whose profiles get a long-time buyer's history. `ivan.petrov@example.com` always does. */
  longTimeBuyers?: string[];
  /** What `getPaymentsLink` answers (the payment provider's page). Default a placeholder https URL. */
  paymentsUrl?: string;
  /** Where the e-mail change confirmation link points, read like `activationUrl`. Same default. */
  emailChangeUrl?: string | ((token: string) => string);
  /** How long that link works, in ms. Default 24 hours. */
  emailChangeTtlMs?: number;
  /** When `saveAddress` wants the password again: adding (`'new'`, the default), `'always'`, `'never'`. */
  addressReauth?: 'new' | 'always' | 'never';
  /** After a correct password, no new question for this long in the same session, in ms. Default 5 minutes. */
  reauthWindowMs?: number;
  /** The largest page of a list. Default 100. */
  accountPageSizeMax?: number;
}

/** The options of the support capability (memory-support.ts; see support-types.ts). */
export interface MemorySupportOptions {
  /** The agent's (and a simulated operator's or store's) typing time before an answer, ms. Default `[700, 1600]`. */
  agentDelayMs?: number | [min: number, max: number];
  /** A fixed status of the human operators (overrides `operatorHours`). */
  operatorStatus?: 'online' | 'away' | 'offline';
  /** The operators' shift: hours of the day, `to < from` wraps past midnight; default 8–20 UTC every day. */
  operatorHours?: { from: number; to: number; days?: number[]; timeZone?: string };
  /** The simulated operator's display name. Default per locale. */
  operatorName?: string;
  /** `false`: no seeded store conversations for a signed-in person. Default `true`. */
  seedStoreConversations?: boolean;
  /** The operators' side for tests and demos (`createSupportConsole()` of support-agent/console.ts). */
  supportConsole?: unknown;
}

export interface MemoryAdapterOptions extends MemorySocialOptions, MemoryAccountOptions, MemorySupportOptions {
  /** Simulated network time per call, in ms: a fixed value or a `[min, max]` range. Default 0. Abortable. */
  latency?: number | [min: number, max: number];
  /** How long a captcha is accepted, in ms. Default 120 000 (2 minutes). */
  captchaTtlMs?: number;
  /** How long an activation link works, in ms. Default 24 hours. */
  tokenTtlMs?: number;
  /** How long a password reset link works, in ms. Default and maximum 30 minutes: a longer value is cut to it. */
  resetTokenTtlMs?: number;
  /** Minimum time between two letters of one kind (activation, reset) to one address, in ms. Default 60 000. */
  resendCooldownMs?: number;
  /**
   * Makes captcha texts, ids, tokens and pictures reproducible (mulberry32). For tests and demos only:
   * a seeded adapter hands out guessable tokens.
   */
  seed?: number;
  /** A fixed captcha text, for tests. Still single-use and expiring. */
  captchaAnswer?: string;
  /**
   * Whether captchas carry an audio rendition (`Captcha.audio`): the code spoken in English, made in the page on first
   * use (a lazy chunk of about 100 kB gzip, no network). Default `true`; a code with characters outside A–Z, a–z and
   * 0–9 (a `captchaAnswer` such as `Äb3`) has none.
   */
  captchaAudio?: boolean;
  /** Length range of generated captcha texts. Default `[5, 6]`. */
  captchaLength?: [min: number, max: number];
  /**
   * Where activation links point. A string is a base URL that gets `#token=…` in its fragment (or `{token}`
   * inside it is replaced, wherever it stands); a function builds the whole link. Default: the current page
   * (origin and path) with `#token=…`, or `about:blank#token=…` outside a browser. The fragment is never
   * sent to a server, so the token stays out of server logs and `Referer` headers.
   */
  activationUrl?: string | ((token: string) => string);
  /** Where password reset links point; read like {@link activationUrl}, with the same default (`#token=…`). */
  resetUrl?: string | ((token: string) => string);
  /** The clock, epoch ms. Default `Date.now`. Tests pass their own to move time. */
  now?: () => number;
  /**
   * Server-side field validation of a registration. Returns a code per failing field; anything non-empty
   * rejects with `validation`. Default: the library's own schemas (e-mail, names, password with default limits),
   * as a good server does.
   */
  validate?: (input: RegisterInput) => Record<string, string> | undefined;
  /**
   * Where a new password is checked against the most common passwords (`isCommonPassword`, answering
   * `validation` with `fieldErrors.password = 'password.common'`): `'reset'` (the default: `resetPassword`),
   * `'always'` (`register` too, as OWASP ASVS 5.0 V6.2.4 asks) or `'never'`.
   */
  rejectCommonPasswords?: 'reset' | 'always' | 'never';
  /** Failed sign-ins of one address after which every further attempt needs a solved captcha. Default 3. */
  captchaAfterFailures?: number;
  /** Failed sign-ins of one address after which it is locked (`rate_limited`) for `lockoutMs`. Default 10. */
  lockAfterFailures?: number;
  /** How long a locked address answers `rate_limited`, in ms. Default 15 minutes. */
  lockoutMs?: number;
  /** Failed sign-ins are forgotten this long after the last one, in ms. Default 15 minutes. */
  failureWindowMs?: number;
  /** Lifetime of a session without "stay signed in", in ms (it also ends with the page). Default 12 hours. */
  sessionTtlMs?: number;
  /** Lifetime of a session with "stay signed in", in ms. Default 30 days. */
  rememberTtlMs?: number;
  /**
   * Mirror the session where a browser keeps a server's cookie: `localStorage` with "stay signed in", else
   * `sessionStorage`, under {@link sessionStorageKey}. Only an opaque session id, the user id and the expiry are
   * written, never a password, a hash or a name. Profiles live in this adapter's memory and die with the page,
   * so a stored session never outlives them: a new adapter drops the entry it finds (after a reload, every
   * entry), and `getSession()` answers from memory only. Default `false`; the embedded adapter turns it on.
   */
  persistSession?: boolean;
  /** The storage key of {@link persistSession}. Default `'ae-auth-elements.demo-session'`. */
  sessionStorageKey?: string;
  /**
   * Active profiles that exist from the start (a demo's known buyer, a test's account). Their passwords are
   * hashed like any other; the first call waits until they are.
   */
  users?: MemorySeedUser[];
  /** What this device calls itself in the list of active sessions (`'Chrome on Linux'`). */
  deviceLabel?: string;
  /** Called with a copy of every letter sent, like the `letter` event. */
  onLetter?: (letter: OutboxLetter) => void;
}

/** A letter the adapter "sent". The outbox stands in for a mail server. */
export interface OutboxLetter {
  id: string;
  /** The recipient, as the user typed it. */
  to: string;
  /** The subject line, in the UI language at the moment the letter was sent. */
  subject: string;
  /** The text of the letter, with the greeting and the link, in the UI language at the moment it was sent. */
  text: string;
  firstName: string;
  /** The activation or reset link, carrying {@link token} in its fragment (`#token=…`). */
  link: string;
  token: string;
  /** When the letter was sent, epoch ms (the adapter's clock). */
  sentAt: number;
  /**
   * An activation letter (`activate`), a password reset letter (`checkResetToken`, `resetPassword`), the
   * confirmation of a new address (`email-change`), or a reply of support by letter (`support`).
   */
  kind: MemoryCoreLetter['kind'];
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
  /** When a password reset last set the password. */
  passwordChangedAt?: number;
  /** Made through a social account, without a password yet (its `password` record matches nothing). */
  socialOnly?: boolean;
}

/** A link token as the adapter keeps it: the SHA-256 of the token (hex), never the token. */
export interface MemoryStoredToken {
  tokenHash: string;
  emailKey: string;
  userId: string;
  expiresAt: number;
}

/** A password reset token as the adapter keeps it. */
export interface MemoryStoredResetToken extends MemoryStoredToken {
  /** When it was spent; a spent token answers `token_used`. */
  usedAt?: number;
}

/** A session as the adapter keeps it (its id, a bearer secret, is not shown). */
export interface MemoryStoredSession {
  userId: string;
  /** "Stay signed in". */
  remember: boolean;
  createdAt: number;
  expiresAt: number;
  /** Whether it is the session of the adapter `debugState()` was asked of (this "browser"). */
  current: boolean;
  /** A public name of the session ("active sessions", "end this one"); not its secret id. */
  publicId: string;
  /** The device's own label (`deviceLabel`), when it gave one. */
  device?: string;
}

/** A deep copy of everything a {@link MemoryAdapter} keeps, from {@link MemoryAdapter.debugState}. */
export interface MemoryAdapterState {
  users: MemoryStoredUser[];
  captchas: { id: string; answer: string; expiresAt: number }[];
  /** Activation tokens, hashed. */
  tokens: MemoryStoredToken[];
  /** Password reset tokens, hashed. */
  resetTokens: MemoryStoredResetToken[];
  sessions: MemoryStoredSession[];
  /** Failed sign-ins per normalized address (registered or not). */
  signInFailures: { emailKey: string; count: number; lastAt: number; lockedUntil?: number }[];
  /** When the last activation letter went to (or was asked for) an address, by normalized address. */
  lastLetterAt: { emailKey: string; at: number }[];
  /** When the last reset letter was asked for an address, by normalized address. */
  lastResetAt: { emailKey: string; at: number }[];
  /** The letters: the mail server's side, where the tokens are, as in a real mailbox. */
  outbox: OutboxLetter[];
  faults: (Omit<FailNextOptions, 'times'> & { code: AdapterErrorCode; remaining: number })[];
}

type StoredUser = MemoryStoredUser;

interface StoredCaptcha {
  answer: string;
  expiresAt: number;
}

type StoredToken = Omit<MemoryStoredToken, 'tokenHash'>;
type StoredResetToken = Omit<MemoryStoredResetToken, 'tokenHash'>;
type StoredSession = Omit<MemoryStoredSession, 'current'>;

interface SignInFailures {
  count: number;
  lastAt: number;
  lockedUntil?: number;
}

/** What `persistSession` writes: an opaque id, whose user and expiry. */
interface PersistedSession {
  sid: string;
  userId: string;
  expiresAt: number;
}

type Fault = MemoryAdapterState['faults'][number];

/** The "server": what every device of one adapter (see {@link MemoryAdapter.newDevice}) shares. */
interface ServerState {
  /** Users by normalized e-mail address. */
  users: Map<string, StoredUser>;
  captchas: Map<string, StoredCaptcha>;
  /** Activation tokens by SHA-256 (hex). */
  tokens: Map<string, StoredToken>;
  /** Reset tokens by SHA-256 (hex). */
  resetTokens: Map<string, StoredResetToken>;
  /** Sessions by their id. */
  sessions: Map<string, StoredSession>;
  failures: Map<string, SignInFailures>;
  lastLetterAt: Map<string, number>;
  lastResetAt: Map<string, number>;
  outbox: OutboxLetter[];
  /** Ids, tokens and captcha texts. */
  secret: RandomSource;
  /** Latency jitter and picture noise: kept apart so they never shift the secret sequence. */
  noise: RandomSource;
  /** The adapter that announces letters (the one `newDevice()` was first called on). */
  announcer: EventTarget;
  /** Server-side state of the capability modules (`MemoryCore.shared`). */
  shared: Map<string, unknown>;
  /** The `users` option being hashed; every call waits for it. */
  seeding?: Promise<void>;
}

/**
 * The capabilities implemented in modules of their own, each loaded on the first call of one of its methods
 * (see memory-core.ts).
 */
const MEMORY_EXTENSIONS: Record<'social' | 'support' | 'account', () => Promise<{ createMemoryExtension: MemoryExtensionFactory }>> = {
  social: () => import('./memory-social.js'),
  support: () => import('./memory-support.js'),
  account: () => import('./memory-account.js'),
};

const DEFAULTS = {
  captchaTtlMs: 120_000,
  tokenTtlMs: 24 * 60 * 60 * 1000,
  resetTokenTtlMs: 30 * 60 * 1000,
  resendCooldownMs: 60_000,
  captchaLength: [5, 6] as [number, number],
  captchaAfterFailures: 3,
  lockAfterFailures: 10,
  lockoutMs: 15 * 60 * 1000,
  failureWindowMs: 15 * 60 * 1000,
  sessionTtlMs: 12 * 60 * 60 * 1000,
  rememberTtlMs: 30 * 24 * 60 * 60 * 1000,
  sessionStorageKey: 'ae-auth-elements.demo-session',
};

/** The longest a reset link may work (OWASP Forgot Password cheat sheet: short-lived). */
export const MAX_RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

/** Captchas kept at most; the oldest go first (a page that keeps asking cannot exhaust memory). */
const MAX_CAPTCHAS = 10_000;

/** Characters of a link token: 32 of 62, about 190 bits. */
const TOKEN_LENGTH = 32;

/** The letter texts, made with msg() when the letter is sent, so they are in the UI language of that moment. */
function letterTexts(kind: OutboxLetter['kind'], firstName: string, link: string): { subject: string; text: string } {
  if (kind === 'activation') {
    return {
      subject: msg('Activate your profile', {
        id: 'letter.activation.subject',
        desc: 'Subject of the activation letter sent after registration.',
      }),
      text: msg(
        str`Hello, ${firstName}!\n\nTo finish the registration, open this link and activate your profile:\n${link}\n\nIf you did not register, ignore this letter.`,
        {
          id: 'letter.activation.text',
          desc: 'Plain text of the activation letter. firstName is the name typed at registration (Latin letters); link is the activation link. Keep the line breaks.',
        },
      ),
    };
  }
  return {
    subject: msg('Reset your password', {
      id: 'letter.reset.subject',
      desc: 'Subject of the letter with a link to set a new password ("Forgot password?").',
    }),
    text: msg(
      str`Hello, ${firstName}!\n\nWe were asked to reset the password of your profile. To choose a new password, open this link:\n${link}\n\nThe link works once and only for a short time. If you did not ask for it, ignore this letter: your password stays as it is.`,
      {
        id: 'letter.reset.text',
        desc: 'Plain text of the password reset letter. firstName is the name given at registration (Latin letters); link is the reset link. Keep the line breaks.',
      },
    ),
  };
}

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

function validationError(fieldErrors: Record<string, string>): AdapterError {
  const failed = Object.keys(fieldErrors);
  return new AdapterError('validation', `Invalid fields: ${failed.join(', ')}`, {
    field: failed[0],
    fieldErrors: { ...fieldErrors },
  });
}

function newServer(seed: number | undefined, announcer: EventTarget): ServerState {
  return {
    users: new Map(),
    captchas: new Map(),
    tokens: new Map(),
    resetTokens: new Map(),
    sessions: new Map(),
    failures: new Map(),
    lastLetterAt: new Map(),
    lastResetAt: new Map(),
    outbox: [],
    shared: new Map(),
    secret: seed === undefined ? cryptoRandom() : seededRandom(seed),
    noise: seed === undefined ? cryptoRandom() : seededRandom(seed ^ 0x5bd1e995),
    announcer,
  };
}

/**
 * The embedded backend: a complete, in-memory implementation of {@link AuthAdapter} that behaves like a
 * careful server. Captchas are single-use, expire and compare case-sensitively; e-mail addresses are unique
 * regardless of case; passwords are kept only as PBKDF2 hashes, with a salt per profile; link tokens (activation
 * and reset, never one for the other) only as SHA-256 hashes; activation links expire, and a new letter voids
 * the older links; letters go to {@link outbox} and are announced by a `letter` event; resending is
 * rate-limited per address and never reveals whether an address is registered.
 *
 * Sign-in answers a wrong address and a wrong password alike (`invalid_credentials`, one PBKDF2 derivation
 * either way); `not_activated` only after the right password; after `captchaAfterFailures` failures for an
 * address every attempt needs a solved captcha (`captcha_required`), after `lockAfterFailures` the address is
 * locked for `lockoutMs` (`rate_limited`). The counters are kept per address whether it is registered or not,
 * so they tell nothing about it; a password reset clears them. Password reset links work once, for at most
 * 30 minutes; a new request voids the older links; a reset never signs in.
 *
 * Tests and demos steer it with `now`, `seed`, `captchaAnswer`, `latency`, {@link failNext} and
 * {@link debugCaptchaAnswer}; tests look at what it stores with {@link debugState}, and play a second browser
 * with {@link newDevice}.
 *
 * @fires letter - `CustomEvent<OutboxLetter>`, for every letter sent.
 */
// The social, support and account methods are installed on the prototype below (see MEMORY_EXTENSIONS).
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface MemoryAdapter extends SocialCapability, SupportCapability, AccountCapability {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class MemoryAdapter extends EventTarget implements AuthAdapter {
  static {
    for (const capability of Object.keys(MEMORY_EXTENSIONS) as (keyof typeof MEMORY_EXTENSIONS)[]) {
      for (const method of CAPABILITY_METHODS[capability] as readonly string[]) {
        Object.defineProperty(MemoryAdapter.prototype, method, {
          configurable: true,
          writable: true,
          value: async function (this: MemoryAdapter, ...args: unknown[]): Promise<unknown> {
            const extension = await this.#extension(capability);
            return (extension[method] as (...a: unknown[]) => unknown).apply(extension, args);
          },
        });
      }
    }
  }

  readonly #captchaTtlMs: number;
  readonly #tokenTtlMs: number;
  readonly #resetTokenTtlMs: number;
  readonly #resendCooldownMs: number;
  readonly #captchaLength: [number, number];
  readonly #captchaAfterFailures: number;
  readonly #lockAfterFailures: number;
  readonly #lockoutMs: number;
  readonly #failureWindowMs: number;
  readonly #sessionTtlMs: number;
  readonly #rememberTtlMs: number;
  readonly #storageKey: string;
  readonly #latency: number | [number, number];
  readonly #now: () => number;
  readonly #options: MemoryAdapterOptions;

  #server: ServerState;
  /** The id of this device's session (what a browser keeps as the session cookie). */
  #sessionId: string | undefined;
  #faults: Fault[] = [];
  #warnedInsecure = false;
  #core: MemoryCore | undefined;
  #extensions = new Map<string, Promise<Record<string, unknown>>>();

  constructor(options: MemoryAdapterOptions = {}) {
    super();
    this.#options = { ...options };
    this.#captchaTtlMs = nonNegative(options.captchaTtlMs, DEFAULTS.captchaTtlMs);
    this.#tokenTtlMs = nonNegative(options.tokenTtlMs, DEFAULTS.tokenTtlMs);
    this.#resetTokenTtlMs = Math.min(
      nonNegative(options.resetTokenTtlMs, DEFAULTS.resetTokenTtlMs),
      MAX_RESET_TOKEN_TTL_MS,
    );
    this.#resendCooldownMs = nonNegative(options.resendCooldownMs, DEFAULTS.resendCooldownMs);
    this.#captchaLength = options.captchaLength ? [...options.captchaLength] : DEFAULTS.captchaLength;
    this.#captchaAfterFailures = Math.max(1, nonNegative(options.captchaAfterFailures, DEFAULTS.captchaAfterFailures));
    this.#lockAfterFailures = Math.max(1, nonNegative(options.lockAfterFailures, DEFAULTS.lockAfterFailures));
    this.#lockoutMs = nonNegative(options.lockoutMs, DEFAULTS.lockoutMs);
    this.#failureWindowMs = nonNegative(options.failureWindowMs, DEFAULTS.failureWindowMs);
    this.#sessionTtlMs = nonNegative(options.sessionTtlMs, DEFAULTS.sessionTtlMs);
    this.#rememberTtlMs = nonNegative(options.rememberTtlMs, DEFAULTS.rememberTtlMs);
    this.#storageKey = options.sessionStorageKey ?? DEFAULTS.sessionStorageKey;
    this.#latency = Array.isArray(options.latency) ? [...options.latency] : (options.latency ?? 0);
    this.#now = options.now ?? Date.now;
    this.#server = newServer(options.seed, this);
    // Profiles die with the page, so a session stored by an earlier page names nobody: drop it, never restore it.
    if (options.persistSession) for (const storage of webStorages()) forget(storage, this.#storageKey);
    if (options.users?.length) this.#server.seeding = this.#seedUsers(options.users);
  }

  /** Copies of every letter sent since construction or {@link reset}, oldest first. */
  get outbox(): readonly OutboxLetter[] {
    return this.#server.outbox.map((letter) => ({ ...letter }));
  }

  /**
   * Another browser on the same server: the same profiles, captchas, tokens, letters and limits, a session of
   * its own (not persisted). For tests and demos of "sign out of all other devices". Letters are announced by
   * the adapter the first device was made from.
   */
  newDevice(): MemoryAdapter {
    const device = new MemoryAdapter({ ...this.#options, persistSession: false, users: undefined });
    device.#server = this.#server;
    return device;
  }

  /** A fresh captcha: a distorted SVG picture of 5–6 mixed-case characters, and the code spoken (`audio`). */
  async getCaptcha(o?: CallOptions): Promise<Captcha> {
    await this.#enter('getCaptcha', o?.signal);
    const server = this.#server;
    const now = this.#now();
    this.#sweep(now);
    const id = randomString(server.secret, 22);
    const answer = this.#options.captchaAnswer ?? captchaText(server.secret, this.#captchaLength);
    const expiresAt = now + this.#captchaTtlMs;
    server.captchas.set(id, { answer, expiresAt });
    while (server.captchas.size > MAX_CAPTCHAS) {
      const oldest = server.captchas.keys().next();
      if (oldest.done) break;
      server.captchas.delete(oldest.value);
    }
    const captcha: Captcha = { id, image: svgDataUrl(captchaSvg(answer, server.noise)), expiresAt };
    if (this.#options.captchaAudio !== false && /^[A-Za-z0-9]+$/.test(answer)) {
      let url: Promise<string> | undefined;
      // Made once, on the first request; the synthesizer is its own chunk, loaded then.
      captcha.audio = () => (url ??= import('./captcha-audio.js').then((m) => m.captchaAudioUrl(answer) ?? Promise.reject(new AdapterError('server', 'No audio for this code'))));
    }
    return captcha;
  }

  /**
   * Creates a pending profile and sends the activation letter. Checks, in order: the captcha (consumed
   * by this call whatever the outcome), the `validate` option (and, with `rejectCommonPasswords: 'always'`,
   * the common passwords), the uniqueness of the address.
   */
  async register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    const signal = o?.signal;
    await this.#enter('register', signal);
    // The asynchronous steps first. Everything after them runs synchronously, so an aborted call changes
    // nothing and concurrent calls cannot interleave between the checks and the insert.
    const typed = String(input.password);
    const [password, token, common] = await Promise.all([
      this.#hashPassword(typed),
      this.#issueToken(),
      this.#options.rejectCommonPasswords === 'always' ? isCommonPassword(typed) : false,
    ]);
    signal?.throwIfAborted();

    const server = this.#server;
    const now = this.#now();
    this.#useCaptcha(input.captcha as RegisterInput['captcha'] | undefined, now);

    const validate = this.#options.validate ?? validateOnServer;
    const fieldErrors = { ...validate({ ...input, captcha: { ...input.captcha } }) };
    if (common && fieldErrors.password === undefined) fieldErrors.password = 'password.common';
    if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors);

    const email = String(input.email).trim();
    const emailKey = normalizeEmail(email);
    if (server.users.has(emailKey)) {
      throw new AdapterError('email_taken', 'This e-mail address is already registered', { field: 'email' });
    }
    const user: StoredUser = {
      userId: `usr_${randomString(server.secret, 20)}`,
      email,
      emailKey,
      firstName: String(input.firstName).trim(),
      lastName: String(input.lastName).trim(),
      status: 'pending',
      password,
      createdAt: now,
    };
    server.users.set(emailKey, user);
    this.#sendActivation(user, token, now);
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
    const signal = o?.signal;
    await this.#enter('resendActivation', signal);
    // Made for every address, so a registered one costs no more time than an unknown one.
    const token = await this.#issueToken();
    signal?.throwIfAborted();
    const server = this.#server;
    const now = this.#now();
    const emailKey = normalizeEmail(String(email));
    this.#cooldown(server.lastLetterAt, emailKey, now);
    const user = server.users.get(emailKey);
    if (user?.status !== 'pending') return;
    this.#sendActivation(user, token, now);
  }

  /**
   * Activates the profile the token was issued for. Rejects with `token_invalid` for an unknown or
   * superseded token (and for a reset token), `already_active` once the profile is active (even if the link has
   * expired since: the truth is more useful to the user than "expired"), and `token_expired` for a pending
   * profile's expired link.
   */
  async activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    const signal = o?.signal;
    await this.#enter('activate', signal);
    const tokenHash = typeof token === 'string' && token !== '' ? await this.#sha256(token) : undefined;
    signal?.throwIfAborted();
    const now = this.#now();
    const record = tokenHash === undefined ? undefined : this.#server.tokens.get(tokenHash);
    const user = record && this.#server.users.get(record.emailKey);
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
   * Signs in and makes the session of this device (a previous one of this device ends). Checks, in order:
   * the form of the input (`validation`), one PBKDF2 derivation against the profile's record, or against a
   * dummy record for an unknown address (the same time), the lock of the address (`rate_limited`), the
   * captcha (required after `captchaAfterFailures` failures, single-use; a wrong one is `captcha_invalid`),
   * the credentials (`invalid_credentials` for a wrong address and a wrong password alike), the activation
   * (`not_activated`, only after the right password).
   */
  async signIn(input: SignInInput, o?: CallOptions): Promise<Session> {
    const signal = o?.signal;
    await this.#enter('signIn', signal);
    const email = String(input?.email ?? '').trim();
    const typed = typeof input?.password === 'string' ? input.password : '';
    const fieldErrors: Record<string, string> = {};
    const emailIssue = validateRegistrationField('email', { email });
    if (emailIssue) fieldErrors.email = emailIssue.code;
    if (typed === '') fieldErrors.password = 'password.required';
    if (Object.keys(fieldErrors).length > 0) throw validationError(fieldErrors);

    this.#subtle();
    const server = this.#server;
    const emailKey = normalizeEmail(email);
    const user = server.users.get(emailKey);
    const record = user?.password ?? dummyPassword();
    // One derivation whatever follows (lock, captcha, unknown address): every answer takes the same time.
    const matches = await verifyPassword(record, typed);
    signal?.throwIfAborted();

    const now = this.#now();
    const failures = this.#failuresOf(emailKey, now);
    if (failures?.lockedUntil !== undefined && now < failures.lockedUntil) {
      const retryAfter = Math.max(1, Math.ceil((failures.lockedUntil - now) / 1000));
      throw new AdapterError('rate_limited', `Too many failed sign-ins, try again in ${retryAfter} s`, { retryAfter });
    }
    if (input.captcha != null) this.#useCaptcha(input.captcha, now);
    else if ((failures?.count ?? 0) >= this.#captchaAfterFailures) {
      throw new AdapterError('captcha_required', 'Solve the captcha to sign in', { field: 'captcha' });
    }
    // The record checked must still be the profile's (a reset may have changed it during the derivation).
    const current = server.users.get(emailKey);
    if (!current || !matches || current.password !== record) {
      this.#countFailure(emailKey, now);
      throw new AdapterError('invalid_credentials', 'Invalid e-mail or password');
    }
    server.failures.delete(emailKey);
    if (current.status !== 'active') {
      throw new AdapterError('not_activated', 'The profile is not activated yet', { field: 'email' });
    }
    return this.#startSession(current, input.remember === true, now);
  }

  /** The person signed in on this device, or `null` (never signed in, signed out, expired, ended by a reset). */
  async getSession(o?: CallOptions): Promise<Session | null> {
    await this.#enter('getSession', o?.signal);
    const user = this.#currentUser(this.#now());
    return user ? sessionOf(user) : null;
  }

  /** Ends this device's session. Resolves when already signed out. */
  async signOut(o?: CallOptions): Promise<void> {
    await this.#enter('signOut', o?.signal);
    this.#endSession();
  }

  /**
   * Sends a reset letter to a registered address (pending or active; the profile's status does not change).
   * Resolves alike for any well-formed address, with the same work (a token is made and hashed either way);
   * at most one request per address every `resendCooldownMs`, registered or not (`rate_limited`). A new letter
   * voids the unused links of the older ones.
   */
  async requestPasswordReset(email: string, o?: CallOptions): Promise<void> {
    const signal = o?.signal;
    await this.#enter('requestPasswordReset', signal);
    const address = String(email ?? '').trim();
    const issue = validateRegistrationField('email', { email: address });
    if (issue) throw validationError({ email: issue.code });
    const token = await this.#issueToken();
    signal?.throwIfAborted();
    const server = this.#server;
    const now = this.#now();
    const emailKey = normalizeEmail(address);
    this.#cooldown(server.lastResetAt, emailKey, now);
    const user = server.users.get(emailKey);
    // The letter is written for an unknown address too, and not sent: the same work, the same time.
    const letter = this.#composeLetter('reset', user ?? { email: address, firstName: '' }, token.token, now);
    if (!user) return;
    this.#voidResetTokens(user.userId);
    server.resetTokens.set(token.hash, { emailKey, userId: user.userId, expiresAt: now + this.#resetTokenTtlMs });
    this.#deliver(letter);
  }

  /** The masked address a reset token was issued for; `token_invalid`, `token_used` or `token_expired` otherwise. */
  async checkResetToken(token: string, o?: CallOptions): Promise<ResetTokenInfo> {
    const signal = o?.signal;
    await this.#enter('checkResetToken', signal);
    const tokenHash = typeof token === 'string' && token !== '' ? await this.#sha256(token) : '';
    signal?.throwIfAborted();
    const { user } = this.#usableResetToken(tokenHash, this.#now());
    return { email: maskEmail(user.email) };
  }

  /**
   * Sets the new password and spends the token. Checks, in order: the token (`token_invalid`, `token_used`,
   * `token_expired`; none of them spends it), the password with the registration's schema, then against the
   * common passwords (`validation` with `fieldErrors.password`; the token stays usable). Then: the other reset
   * links of the profile are voided, its failed sign-ins and lock are forgotten, and with `signOutOthers` every
   * session of the profile ends, on every device. It never signs in.
   */
  async resetPassword(input: ResetPasswordInput, o?: CallOptions): Promise<void> {
    const signal = o?.signal;
    await this.#enter('resetPassword', signal);
    const token = input?.token;
    const tokenHash = typeof token === 'string' && token !== '' ? await this.#sha256(token) : '';
    signal?.throwIfAborted();
    const checked = this.#usableResetToken(tokenHash, this.#now());

    const typed = typeof input.password === 'string' ? input.password : '';
    const issue = validateRegistrationField('password', { password: typed });
    if (issue) throw validationError({ password: issue.code });
    if (this.#options.rejectCommonPasswords !== 'never' && (await isCommonPassword(typed))) {
      throw validationError({ password: 'password.common' });
    }
    const password = await this.#hashPassword(typed);
    signal?.throwIfAborted();

    // Synchronous from here; the token is checked again, as another call may have spent it meanwhile.
    const server = this.#server;
    const now = this.#now();
    const { record, user } = this.#usableResetToken(tokenHash, now);
    if (record !== checked.record) throw new AdapterError('token_invalid', 'Unknown password reset link');
    user.password = password;
    user.passwordChangedAt = now;
    record.usedAt = now;
    this.#voidResetTokens(user.userId);
    server.failures.delete(user.emailKey);
    if (input.signOutOthers === true) {
      for (const [sid, session] of server.sessions) if (session.userId === user.userId) server.sessions.delete(sid);
      if (this.#sessionId !== undefined && !server.sessions.has(this.#sessionId)) this.#endSession();
    }
  }

  /**
   * Makes the next matching call(s) of this adapter reject with `code`, after the simulated latency and before
   * any state changes. Faults queue up and are used in the order given.
   */
  failNext(code: AdapterErrorCode, opts: FailNextOptions = {}): void {
    const { times = 1, ...rest } = opts;
    if (!(times > 0)) return;
    this.#faults.push({ ...rest, code, remaining: times });
  }

  /** Forgets users, captchas, tokens, sessions, letters, rate limits and pending faults. */
  reset(): void {
    const server = this.#server;
    this.#endSession();
    server.users.clear();
    server.captchas.clear();
    server.tokens.clear();
    server.resetTokens.clear();
    server.sessions.clear();
    server.failures.clear();
    server.lastLetterAt.clear();
    server.lastResetAt.clear();
    server.outbox.length = 0;
    server.shared.clear();
    this.#extensions.clear();
    this.#faults = [];
  }

  /** The public facts of the profile registered under `email` (any case), without any password data. */
  getUser(email: string): MemoryUser | undefined {
    const user = this.#server.users.get(normalizeEmail(String(email)));
    if (!user) return undefined;
    const { userId, firstName, lastName, status } = user;
    return { userId, email: user.email, firstName, lastName, status };
  }

  /**
   * The answer of an unused captcha. FOR DEMOS AND TESTS ONLY: a real server never reveals it, and no
   * element may call this.
   */
  debugCaptchaAnswer(id: string): string | undefined {
    return this.#server.captchas.get(id)?.answer;
  }

  /**
   * A deep copy (`structuredClone`) of everything the adapter keeps: profiles with their password records,
   * captchas, hashed tokens, sessions (without their ids), failed sign-ins, rate limits, letters and pending
   * faults. FOR TESTS ONLY: it lets a test look at what is stored (no plaintext password, a salted hash, no
   * plaintext token outside the letters), which the `#private` fields otherwise hide; a real server has no
   * such door, and no element may call this.
   */
  debugState(): MemoryAdapterState {
    const server = this.#server;
    return structuredClone({
      users: [...server.users.values()],
      captchas: [...server.captchas].map(([id, c]) => ({ id, ...c })),
      tokens: [...server.tokens].map(([tokenHash, t]) => ({ tokenHash, ...t })),
      resetTokens: [...server.resetTokens].map(([tokenHash, t]) => ({ tokenHash, ...t })),
      sessions: [...server.sessions].map(([sid, s]) => ({ ...s, current: sid === this.#sessionId })),
      signInFailures: [...server.failures].map(([emailKey, f]) => ({ emailKey, ...f })),
      lastLetterAt: [...server.lastLetterAt].map(([emailKey, at]) => ({ emailKey, at })),
      lastResetAt: [...server.lastResetAt].map(([emailKey, at]) => ({ emailKey, at })),
      outbox: server.outbox,
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
   * `crypto.subtle`, or a `server` error where it is missing (a page served over plain `http://` from anywhere
   * but localhost is not a secure context): a weaker hash is not used instead. One console error per adapter.
   */
  #subtle(): SubtleCrypto {
    const subtle = subtleCrypto();
    if (subtle) return subtle;
    const message =
      'ae-auth-elements: the embedded MemoryAdapter needs crypto.subtle to hash passwords, and this page is ' +
      'not a secure context. Serve it over https:// or from localhost.';
    if (!this.#warnedInsecure) console.error(message);
    this.#warnedInsecure = true;
    throw new AdapterError('server', message);
  }

  /** The password's record: PBKDF2 with a new random salt. */
  async #hashPassword(password: string): Promise<StoredPassword> {
    this.#subtle();
    const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const hash = await pbkdf2(password, salt, PBKDF2_ITERATIONS);
    return { algorithm: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS, salt, hash };
  }

  /** SHA-256 of `text` (UTF-8), lower-case hex: how link tokens are kept. */
  async #sha256(text: string): Promise<string> {
    const digest = await this.#subtle().digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }

  /** A new link token (random) and its hash. */
  async #issueToken(): Promise<{ token: string; hash: string }> {
    const token = randomString(this.#server.secret, TOKEN_LENGTH);
    return { token, hash: await this.#sha256(token) };
  }

  /** This device's new session (its previous one ends), persisted when `persistSession` says so. */
  #startSession(user: StoredUser, remember: boolean, now: number): Session {
    this.#endSession();
    const server = this.#server;
    const sid = randomString(server.secret, TOKEN_LENGTH);
    const expiresAt = now + (remember ? this.#rememberTtlMs : this.#sessionTtlMs);
    const publicId = `ses_${randomString(server.secret, 12)}`;
    const device = this.#options.deviceLabel;
    server.sessions.set(sid, { userId: user.userId, remember, createdAt: now, expiresAt, publicId, ...(device ? { device } : {}) });
    this.#sessionId = sid;
    if (this.#options.persistSession) {
      const entry: PersistedSession = { sid, userId: user.userId, expiresAt };
      const storage = webStorage(remember ? 'localStorage' : 'sessionStorage');
      if (storage) write(storage, this.#storageKey, JSON.stringify(entry));
    }
    return sessionOf(user);
  }

  /** A new profile (see `MemoryCore.createUser`). */
  async #createUser(input: Parameters<MemoryCore['createUser']>[0]): Promise<StoredUser> {
    const socialOnly = input.password === undefined;
    const [password, token] = await Promise.all([
      this.#hashPassword(input.password ?? randomString(cryptoRandom(), 32)),
      input.active ? undefined : this.#issueToken(),
    ]);
    const server = this.#server;
    const now = this.#now();
    const email = String(input.email).trim();
    const emailKey = normalizeEmail(email);
    if (server.users.has(emailKey)) {
      throw new AdapterError('email_taken', 'This e-mail address is already registered', { field: 'email' });
    }
    const user: StoredUser = {
      userId: `usr_${randomString(server.secret, 20)}`,
      email,
      emailKey,
      firstName: String(input.firstName).trim(),
      lastName: String(input.lastName).trim(),
      status: input.active ? 'active' : 'pending',
      password,
      createdAt: now,
      ...(input.active ? { activatedAt: now } : {}),
      ...(socialOnly ? { socialOnly: true } : {}),
    };
    server.users.set(emailKey, user);
    if (token) this.#sendActivation(user, token, now);
    return user;
  }

  async #seedUsers(users: readonly MemorySeedUser[]): Promise<void> {
    for (const seed of users) {
      if (this.#server.users.has(normalizeEmail(seed.email))) continue;
      await this.#createUser({ ...seed, active: true });
    }
  }

  #userById(userId: string): StoredUser | undefined {
    for (const user of this.#server.users.values()) if (user.userId === userId) return user;
    return undefined;
  }

  /** The capability module of `capability`, made for this device on first use. */
  #extension(capability: keyof typeof MEMORY_EXTENSIONS): Promise<Record<string, unknown>> {
    let loading = this.#extensions.get(capability);
    if (!loading) {
      loading = MEMORY_EXTENSIONS[capability]().then(
        (module) => module.createMemoryExtension(this.#coreOf()) as Record<string, unknown>,
        (cause: unknown) => {
          this.#extensions.delete(capability);
          throw new AdapterError('network', `Could not load the ${capability} part of the embedded adapter`, { cause });
        },
      );
      this.#extensions.set(capability, loading);
    }
    return loading;
  }

  /** What the capability modules get of this device and its server (see memory-core.ts). */
  #coreOf(): MemoryCore {
    if (this.#core) return this.#core;
    const view = (user: StoredUser): MemoryCoreUser => ({
      userId: user.userId,
      email: user.email,
      firstName: user.firstName,
      lastName: user.lastName,
      status: user.status,
      hasPassword: user.socialOnly !== true,
      createdAt: user.createdAt,
    });
    const mustFind = (userId: string): StoredUser => {
      const user = this.#userById(userId);
      if (!user) throw new AdapterError('not_found', 'No such profile');
      return user;
    };
    const options = Object.freeze({ ...this.#options }) as Readonly<Record<string, unknown>>;
    this.#core = {
      now: () => this.#now(),
      enter: (method, signal) => this.#enter(method as AdapterMethod, signal),
      randomString: (length) => randomString(this.#server.secret, length),
      noise: () => randomFloat(this.#server.noise),
      sha256: (text) => this.#sha256(text),
      issueToken: () => this.#issueToken(),
      currentUser: () => {
        const user = this.#currentUser(this.#now());
        return user && view(user);
      },
      userById: (userId) => {
        const user = this.#userById(userId);
        return user && view(user);
      },
      userByEmail: (email) => {
        const user = this.#server.users.get(normalizeEmail(String(email)));
        return user && view(user);
      },
      createUser: async (input) => view(await this.#createUser(input)),
      updateUser: (userId, patch) => {
        const user = mustFind(userId);
        const server = this.#server;
        if (patch.email !== undefined) {
          const email = String(patch.email).trim();
          const emailKey = normalizeEmail(email);
          const holder = server.users.get(emailKey);
          if (holder && holder !== user) {
            throw new AdapterError('email_taken', 'This e-mail address is already registered', { field: 'email' });
          }
          server.users.delete(user.emailKey);
          user.email = email;
          user.emailKey = emailKey;
          server.users.set(emailKey, user);
        }
        if (patch.firstName !== undefined) user.firstName = String(patch.firstName).trim();
        if (patch.lastName !== undefined) user.lastName = String(patch.lastName).trim();
        return view(user);
      },
      verifyPassword: async (userId, password) => {
        const user = this.#userById(userId);
        const matches = await verifyPassword(user?.password ?? dummyPassword(), String(password));
        return matches && user !== undefined && user.socialOnly !== true;
      },
      setPassword: async (userId, password) => {
        const record = await this.#hashPassword(String(password));
        const user = mustFind(userId);
        user.password = record;
        user.passwordChangedAt = this.#now();
        delete user.socialOnly;
      },
      sendActivation: async (userId) => {
        const token = await this.#issueToken();
        const user = mustFind(userId);
        if (user.status === 'pending') this.#sendActivation(user, token, this.#now());
      },
      startSession: (userId, remember) => this.#startSession(mustFind(userId), remember, this.#now()),
      endSession: () => this.#endSession(),
      sessionsOf: (userId) => {
        const now = this.#now();
        const list: MemoryCoreSession[] = [];
        for (const [sid, session] of this.#server.sessions) {
          if (session.userId !== userId || now >= session.expiresAt) continue;
          list.push({
            id: session.publicId,
            createdAt: session.createdAt,
            expiresAt: session.expiresAt,
            remember: session.remember,
            current: sid === this.#sessionId,
            ...(session.device ? { device: session.device } : {}),
          });
        }
        return list;
      },
      endOtherSessions: (userId) => {
        let ended = 0;
        for (const [sid, session] of this.#server.sessions) {
          if (session.userId === userId && sid !== this.#sessionId) {
            this.#server.sessions.delete(sid);
            ended += 1;
          }
        }
        return ended;
      },
      endSessionById: (userId, id) => {
        for (const [sid, session] of this.#server.sessions) {
          if (session.userId !== userId || session.publicId !== id) continue;
          if (sid === this.#sessionId) this.#endSession();
          else this.#server.sessions.delete(sid);
          return true;
        }
        return false;
      },
      deliver: (letter) => {
        this.#deliver({ ...letter, id: `msg_${randomString(this.#server.secret, 12)}`, sentAt: this.#now() });
      },
      link: (option, token) => this.#link(option, token),
      options,
      shared: <T>(key: string, init: () => T): T => {
        const shared = this.#server.shared;
        if (!shared.has(key)) shared.set(key, init());
        return shared.get(key) as T;
      },
      error: (code, message, errorOptions) => new AdapterError(code, message, errorOptions),
    };
    return this.#core;
  }

  /** Start of every call: abort check, latency, abort check, injected fault. */
  async #enter(method: AdapterMethod, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    if (this.#server.seeding) await this.#server.seeding;
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
    return Math.max(0, randomBetween(this.#server.noise, Math.min(a, b), Math.max(a, b)));
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
      (code === 'email_taken'
        ? 'email'
        : code === 'captcha_invalid' || code === 'captcha_expired' || code === 'captcha_required'
          ? 'captcha'
          : undefined);
    const retryAfter =
      fault.retryAfter ?? (code === 'rate_limited' ? Math.max(1, Math.ceil(this.#resendCooldownMs / 1000)) : undefined);
    return new AdapterError(code, `Injected failure: ${code}`, {
      field,
      retryAfter,
      fieldErrors: fault.fieldErrors ? { ...fault.fieldErrors } : undefined,
    });
  }

  /** Checks and consumes a captcha. Any attempt that names a known captcha uses it up. */
  #useCaptcha(captcha: { id: string; answer: string } | undefined, now: number): void {
    const id = typeof captcha?.id === 'string' ? captcha.id : undefined;
    const stored = id === undefined ? undefined : this.#server.captchas.get(id);
    if (id === undefined || !stored) {
      throw new AdapterError('captcha_invalid', 'Unknown or already used captcha', { field: 'captcha' });
    }
    this.#server.captchas.delete(id);
    if (now >= stored.expiresAt) {
      throw new AdapterError('captcha_expired', 'The captcha has expired', { field: 'captcha' });
    }
    // Case matters; only surrounding white space (a stray paste) is forgiven.
    const answer = typeof captcha?.answer === 'string' ? captcha.answer.trim() : '';
    if (answer !== stored.answer) {
      throw new AdapterError('captcha_invalid', 'Wrong captcha answer', { field: 'captcha' });
    }
  }

  /** At most one letter of a kind per address per cooldown, registered or not: `rate_limited` sooner. */
  #cooldown(last: Map<string, number>, emailKey: string, now: number): void {
    const at = last.get(emailKey);
    if (at !== undefined && now < at + this.#resendCooldownMs) {
      const retryAfter = Math.max(1, Math.ceil((at + this.#resendCooldownMs - now) / 1000));
      throw new AdapterError('rate_limited', `Try again in ${retryAfter} s`, { retryAfter });
    }
    last.set(emailKey, now);
  }

  /** The failed sign-ins of an address, forgotten `failureWindowMs` after the last one (unless it is locked). */
  #failuresOf(emailKey: string, now: number): SignInFailures | undefined {
    const record = this.#server.failures.get(emailKey);
    if (!record) return undefined;
    const locked = record.lockedUntil !== undefined && now < record.lockedUntil;
    if (!locked && now >= record.lastAt + this.#failureWindowMs) {
      this.#server.failures.delete(emailKey);
      return undefined;
    }
    if (!locked && record.lockedUntil !== undefined) delete record.lockedUntil;
    return record;
  }

  /**
   * One more failed sign-in. At `lockAfterFailures` the address is locked for `lockoutMs`; after the lock the
   * count starts again at the captcha threshold, so the captcha is still asked for (for `failureWindowMs`).
   */
  #countFailure(emailKey: string, now: number): void {
    const record = this.#failuresOf(emailKey, now) ?? { count: 0, lastAt: now };
    record.count += 1;
    record.lastAt = now;
    if (record.count >= this.#lockAfterFailures) {
      record.lockedUntil = now + this.#lockoutMs;
      // The window of the failures left runs from the end of the lock.
      record.lastAt = record.lockedUntil;
      record.count = Math.min(this.#captchaAfterFailures, this.#lockAfterFailures - 1);
    }
    this.#server.failures.set(emailKey, record);
  }

  /** The record and profile of a reset token that can still be spent, or the error that says why not. */
  #usableResetToken(tokenHash: string, now: number): { record: StoredResetToken; user: StoredUser } {
    const record = tokenHash === '' ? undefined : this.#server.resetTokens.get(tokenHash);
    const user = record && this.#server.users.get(record.emailKey);
    if (!record || user?.userId !== record.userId) {
      throw new AdapterError('token_invalid', 'Unknown password reset link');
    }
    if (record.usedAt !== undefined) throw new AdapterError('token_used', 'The password reset link was used');
    if (now >= record.expiresAt) throw new AdapterError('token_expired', 'The password reset link has expired');
    return { record, user };
  }

  /** Voids the unused reset tokens of a profile (spent ones stay, to answer `token_used`). */
  #voidResetTokens(userId: string): void {
    for (const [hash, record] of this.#server.resetTokens) {
      if (record.userId === userId && record.usedAt === undefined) this.#server.resetTokens.delete(hash);
    }
  }

  /** This device's signed-in profile; a session that expired or was ended elsewhere is forgotten here. */
  #currentUser(now: number): StoredUser | undefined {
    const sid = this.#sessionId;
    if (sid === undefined) return undefined;
    const session = this.#server.sessions.get(sid);
    const user = session && [...this.#server.users.values()].find((u) => u.userId === session.userId);
    if (!session || !user || now >= session.expiresAt) {
      this.#endSession();
      return undefined;
    }
    return user;
  }

  /** Ends this device's session, in memory and in storage. */
  #endSession(): void {
    const sid = this.#sessionId;
    if (sid === undefined) return;
    this.#server.sessions.delete(sid);
    this.#sessionId = undefined;
    if (this.#options.persistSession) {
      for (const storage of webStorages()) {
        if (readPersisted(storage, this.#storageKey)?.sid === sid) forget(storage, this.#storageKey);
      }
    }
  }

  #sendActivation(user: StoredUser, token: { token: string; hash: string }, now: number): void {
    // Only the newest link works: a new letter voids every older token of this user, as a careful
    // server does, so a leaked old letter is worthless once the user asked for a new one.
    for (const [hash, record] of this.#server.tokens) {
      if (record.userId === user.userId) this.#server.tokens.delete(hash);
    }
    this.#server.tokens.set(token.hash, {
      emailKey: user.emailKey,
      userId: user.userId,
      expiresAt: now + this.#tokenTtlMs,
    });
    this.#deliver(this.#composeLetter('activation', user, token.token, now));
  }

  /** A letter, written in the UI language of this moment. */
  #composeLetter(
    kind: OutboxLetter['kind'],
    user: Pick<StoredUser, 'email' | 'firstName'>,
    token: string,
    now: number,
  ): OutboxLetter {
    const link = this.#link(kind === 'activation' ? this.#options.activationUrl : this.#options.resetUrl, token);
    return {
      id: `msg_${randomString(this.#server.secret, 12)}`,
      to: user.email,
      ...letterTexts(kind, user.firstName, link),
      firstName: user.firstName,
      link,
      token,
      sentAt: now,
      kind,
    };
  }

  /** Puts a letter into the outbox and announces it. */
  #deliver(letter: OutboxLetter): void {
    this.#server.outbox.push(letter);
    const onLetter = this.#options.onLetter;
    if (onLetter) {
      try {
        onLetter({ ...letter });
      } catch (error) {
        // A faulty observer must not fail the call; report it like a throwing event listener.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    this.#server.announcer.dispatchEvent(new CustomEvent<OutboxLetter>('letter', { detail: { ...letter } }));
  }

  #link(option: string | ((token: string) => string) | undefined, token: string): string {
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

  /** Drops long-expired captchas, tokens and sessions, and stale rate-limit entries. */
  #sweep(now: number): void {
    const server = this.#server;
    // An expired captcha is kept one more TTL so that a late answer hears "expired", not "invalid".
    for (const [id, captcha] of server.captchas) {
      if (now >= captcha.expiresAt + this.#captchaTtlMs) server.captchas.delete(id);
    }
    for (const last of [server.lastLetterAt, server.lastResetAt]) {
      for (const [key, at] of last) if (now >= at + this.#resendCooldownMs) last.delete(key);
    }
    // Spent and expired reset tokens are kept a day, to answer "used" or "expired" rather than "unknown".
    for (const [hash, record] of server.resetTokens) {
      if (now >= record.expiresAt + DAY_MS) server.resetTokens.delete(hash);
    }
    for (const [sid, session] of server.sessions) if (now >= session.expiresAt) server.sessions.delete(sid);
    for (const [key, record] of server.failures) {
      const locked = record.lockedUntil !== undefined && now < record.lockedUntil;
      if (!locked && now >= record.lastAt + this.#failureWindowMs) server.failures.delete(key);
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sessionOf(user: StoredUser): Session {
  return { userId: user.userId, email: user.email, firstName: user.firstName, lastName: user.lastName };
}

/** The page's `localStorage` or `sessionStorage`, or `undefined` where there is none or it may not be used. */
function webStorage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return (globalThis as unknown as Partial<Record<typeof name, Storage>>)[name] ?? undefined;
  } catch {
    return undefined; // a sandboxed frame throws SecurityError on access
  }
}

function webStorages(): Storage[] {
  return [webStorage('localStorage'), webStorage('sessionStorage')].filter((s): s is Storage => s !== undefined);
}

function readPersisted(storage: Storage, key: string): PersistedSession | undefined {
  try {
    const value = JSON.parse(storage.getItem(key) ?? 'null') as Partial<PersistedSession> | null;
    return typeof value?.sid === 'string' ? (value as PersistedSession) : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Full or disabled storage: the session still works in memory.
  }
}

function forget(storage: Storage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    // Disabled storage holds nothing to forget.
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
 * @internal For the sign-in, and for tests.
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

let dummy: StoredPassword | undefined;

/**
 * The record an unknown address is checked against: random salt and random "hash", the current iteration count.
 * Deriving against it costs what a real profile's check costs, and it matches no password.
 */
function dummyPassword(): StoredPassword {
  dummy ??= {
    algorithm: 'PBKDF2-SHA-256',
    iterations: PBKDF2_ITERATIONS,
    salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)),
    hash: crypto.getRandomValues(new Uint8Array(32)),
  };
  return dummy;
}
