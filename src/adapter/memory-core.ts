/**
 * What `MemoryAdapter` lends the modules that implement its later capabilities (memory-social.ts,
 * memory-support.ts, memory-account.ts): the one set of profiles, sessions, letters, clock, latency and
 * injected faults, so that a capability added later behaves like the same server and never keeps a copy of
 * its own. Each module exports `createMemoryExtension(core)` and is loaded on the first call of one of its
 * methods (its own chunk: a page that only registers never fetches the account's seeded data).
 *
 * One core per device (`newDevice()`), over state shared by every device: {@link MemoryCore.shared} is where
 * a module keeps its own server-side state.
 */
import type { AdapterErrorCode } from './adapter-error.js';
import type { Session } from './types.js';

/** A profile as the modules may see it. Never a password or its hash. */
export interface MemoryCoreUser {
  readonly userId: string;
  readonly email: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly status: 'pending' | 'active';
  /** False for a profile made through a social account only (no password to sign in with). */
  readonly hasPassword: boolean;
  readonly createdAt: number;
}

/** A live session of a profile, as "active sessions" lists it. `id` is public (not the session's secret). */
export interface MemoryCoreSession {
  readonly id: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly remember: boolean;
  /** Whether it is this device's session. */
  readonly current: boolean;
  /** What the device said it was, when it said (`MemoryAdapterOptions.deviceLabel`). */
  readonly device?: string;
}

/** A letter a module sends through the adapter's outbox (the adapter adds `id` and `sentAt`). */
export interface MemoryCoreLetter {
  to: string;
  kind: 'activation' | 'reset' | 'email-change' | 'support';
  subject: string;
  text: string;
  firstName: string;
  /** The link in the letter (may carry a token in its fragment), or '' for none. */
  link: string;
  /** The token the link carries, or ''. */
  token: string;
}

export interface MemoryCore {
  /** The adapter's clock (its `now` option), epoch ms. */
  now(): number;
  /**
   * The start of every call: abort check, simulated latency, abort check, an injected fault
   * (`failNext(code, { method })` with the method's name).
   */
  enter(method: string, signal: AbortSignal | undefined): Promise<void>;
  /** A random string of `[A-Za-z0-9]` from the adapter's secret source (reproducible with `seed`). */
  randomString(length: number): string;
  /** A number in [0, 1) from the noise source (latency jitter, demo data): never for secrets. */
  noise(): number;
  /** SHA-256, hex. */
  sha256(text: string): Promise<string>;
  /** A new link token and its SHA-256 (keep the hash, put the token in a letter). */
  issueToken(): Promise<{ token: string; hash: string }>;

  /** The profile signed in on this device, or undefined (expired sessions are forgotten on the way). */
  currentUser(): MemoryCoreUser | undefined;
  userById(userId: string): MemoryCoreUser | undefined;
  userByEmail(email: string): MemoryCoreUser | undefined;
  /**
   * Creates a profile. `password` undefined: a social-only profile (`hasPassword` false). `active` false:
   * pending, with an activation letter sent (the same letter registration sends). Rejects `email_taken`.
   */
  createUser(input: {
    email: string;
    firstName: string;
    lastName: string;
    password?: string;
    active: boolean;
  }): Promise<MemoryCoreUser>;
  /** Changes names or the address (an address in use: `email_taken`). */
  updateUser(userId: string, patch: { email?: string; firstName?: string; lastName?: string }): MemoryCoreUser;
  /** Whether `password` is the profile's (one PBKDF2 derivation; false for a social-only profile). */
  verifyPassword(userId: string, password: string): Promise<boolean>;
  /** Sets a new password (PBKDF2 with a new salt) and records when. */
  setPassword(userId: string, password: string): Promise<void>;
  /** Sends the activation letter of a pending profile (voids its older links). */
  sendActivation(userId: string): Promise<void>;

  /** Signs this device in as `userId` (ends this device's previous session; persisted like `signIn`). */
  startSession(userId: string, remember: boolean): Session;
  /** Ends this device's session. */
  endSession(): void;
  /** The live sessions of a profile on every device. */
  sessionsOf(userId: string): MemoryCoreSession[];
  /** Ends every session of the profile but this device's; resolves how many ended. */
  endOtherSessions(userId: string): number;
  /** Ends one session of the profile by its public id (this device's too); false when there is none. */
  endSessionById(userId: string, id: string): boolean;

  /** Puts a letter into the outbox and announces it (`letter` event, `onLetter`). */
  deliver(letter: MemoryCoreLetter): void;
  /** The link of a letter: the adapter's option for that kind (base URL or function) with the token. */
  link(option: string | ((token: string) => string) | undefined, token: string): string;

  /** The adapter's options as given (read-only copy). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The module's server-side state, made once per server by `init` and shared by every device. */
  shared<T>(key: string, init: () => T): T;
  /** The error the adapter rejects with. */
  error(code: AdapterErrorCode, message: string, options?: { field?: string; fieldErrors?: Record<string, string>; retryAfter?: number }): Error;
}

/** What each capability module exports. */
export type MemoryExtensionFactory = (core: MemoryCore) => object;
