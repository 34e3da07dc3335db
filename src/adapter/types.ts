/**
 * The backend contract, one interface per capability. An element is typed on the capabilities it calls,
 * so a custom adapter implements only what its pages use; {@link AuthAdapter} is all of them, which
 * `MemoryAdapter` and `HttpAdapter` implement. An element that meets an adapter without a capability it
 * needs reports an `AdapterError` with code `unsupported` (see `requireCapability`), it does not crash.
 * Every call takes an optional `AbortSignal`; an aborted call rejects with the signal's reason
 * (a `DOMException` named `AbortError` unless the caller gave another reason).
 * Every other failure rejects with an {@link AdapterError}.
 */

import { SOCIAL_METHODS, type SocialCapability } from './social-types.js';
import { SUPPORT_METHODS, type SupportCapability } from './support-types.js';
import { ACCOUNT_METHODS, type AccountCapability } from './account-types.js';

export type { SocialCapability, SupportCapability, AccountCapability };

/** A captcha challenge. */
export interface Captcha {
  /** Opaque id, sent back with the answer. */
  id: string;
  /** Usable as `<img src>`: an URL or a `data:` URL. Never inserted into the DOM as markup. */
  image: string;
  /** When the challenge stops being accepted, epoch ms. */
  expiresAt: number;
  /**
   * The code spoken, for people who cannot see the picture (WCAG 1.1.1); absent when the backend has none. Either an
   * URL usable as `<audio src>` (`data:audio/…`, `blob:`, `https:` or a same-origin `http:`, fetched only when the
   * person presses "Listen to the code"), or a function that makes one on first use (an in-page adapter:
   * `MemoryAdapter` synthesizes a `data:audio/wav` URL). The rendition names each letter's case ("capital A,
   * small d, three"), since the answer is case-sensitive.
   */
  audio?: string | ((o?: CallOptions) => Promise<string>);
}

export interface RegisterInput {
  email: string;
  firstName: string;
  lastName: string;
  password: string;
  captcha: { id: string; answer: string };
}

export interface RegisterResult {
  userId: string;
  email: string;
}

export interface ActivateResult {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** What `signIn` takes. The password goes to the adapter and nowhere else. */
export interface SignInInput {
  email: string;
  password: string;
  /** "Stay signed in": a session that outlives the browser. Otherwise it ends with the browser. */
  remember: boolean;
  /** The answer to a captcha, sent only after the adapter asked for one (`captcha_required`). */
  captcha?: { id: string; answer: string };
}

/** The signed-in person, as the elements may show them. Never a session token: that lives in the server's cookie. */
export interface Session {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** What `resetPassword` takes. */
export interface ResetPasswordInput {
  token: string;
  password: string;
  /** End every session of this profile (the reset never signs in, so that is every other device). */
  signOutOthers: boolean;
}

/** The account a reset token was issued for, masked: enough to greet, not enough to enumerate. */
export interface ResetTokenInfo {
  /** The masked address (`i***@example.com`). */
  email: string;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Image captchas. */
export interface CaptchaCapability {
  /** A fresh captcha challenge. Each challenge is single-use. */
  getCaptcha(o?: CallOptions): Promise<Captcha>;
}

/** Creating a profile and (re)sending its activation letter. */
export interface RegistrationCapability {
  /** Creates an inactive profile and sends the activation letter. */
  register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult>;
  /** Sends the activation letter again. Resolves for unknown addresses too (no account enumeration). */
  resendActivation(email: string, o?: CallOptions): Promise<void>;
}

/** Activating a profile from its letter's link. */
export interface ActivationCapability {
  /** Activates the profile the token was issued for. */
  activate(token: string, o?: CallOptions): Promise<ActivateResult>;
}

/** Signing in with e-mail and password. */
export interface SignInCapability {
  /**
   * Signs in. A wrong address and a wrong password reject alike (`invalid_credentials`, same time);
   * `not_activated` only after correct credentials; `captcha_required` after repeated failures, until a
   * correct captcha answer comes with the credentials.
   */
  signIn(input: SignInInput, o?: CallOptions): Promise<Session>;
}

/** The signed-in session. */
export interface SessionCapability {
  /** The current session, or `null` when signed out. */
  getSession(o?: CallOptions): Promise<Session | null>;
  /** Ends the current session. Resolves when already signed out. */
  signOut(o?: CallOptions): Promise<void>;
}

/** Password recovery. */
export interface PasswordResetCapability {
  /** Sends a reset letter if the address is registered. Resolves alike for any address (no enumeration). */
  requestPasswordReset(email: string, o?: CallOptions): Promise<void>;
  /** Whether a reset token can still be used: rejects `token_invalid`, `token_expired` or `token_used`. */
  checkResetToken(token: string, o?: CallOptions): Promise<ResetTokenInfo>;
  /** Sets the new password and spends the token. Never signs in. */
  resetPassword(input: ResetPasswordInput, o?: CallOptions): Promise<void>;
}

/** Every capability: the sign-up and sign-in flows, social sign-in, support, the account; what `MemoryAdapter` and `HttpAdapter` implement. */
export interface AuthAdapter
  extends CaptchaCapability,
    RegistrationCapability,
    ActivationCapability,
    SignInCapability,
    SessionCapability,
    PasswordResetCapability,
    SocialCapability,
    SupportCapability,
    AccountCapability {}

/** The names of the capabilities, and the methods that make each. */
export const CAPABILITY_METHODS = {
  captcha: ['getCaptcha'],
  registration: ['register', 'resendActivation'],
  activation: ['activate'],
  signIn: ['signIn'],
  session: ['getSession', 'signOut'],
  passwordReset: ['requestPasswordReset', 'checkResetToken', 'resetPassword'],
  social: SOCIAL_METHODS,
  support: SUPPORT_METHODS,
  account: ACCOUNT_METHODS,
} as const satisfies Record<string, readonly (keyof AuthAdapter)[]>;

export type Capability = keyof typeof CAPABILITY_METHODS;
