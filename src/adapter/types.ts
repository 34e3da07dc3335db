/**
 * The backend contract every element talks to. Any object with these methods is an adapter.
 * Every call takes an optional `AbortSignal`; an aborted call rejects with the signal's reason
 * (a `DOMException` named `AbortError` unless the caller gave another reason).
 * Every other failure rejects with an {@link AdapterError}.
 */

/** A captcha challenge. */
export interface Captcha {
  /** Opaque id, sent back with the answer. */
  id: string;
  /** Usable as `<img src>`: an URL or a `data:` URL. Never inserted into the DOM as markup. */
  image: string;
  /** When the challenge stops being accepted, epoch ms. */
  expiresAt: number;
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

export interface CallOptions {
  signal?: AbortSignal;
}

export interface AuthAdapter {
  /** A fresh captcha challenge. Each challenge is single-use. */
  getCaptcha(o?: CallOptions): Promise<Captcha>;
  /** Creates an inactive profile and sends the activation letter. */
  register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult>;
  /** Sends the activation letter again. Resolves for unknown addresses too (no account enumeration). */
  resendActivation(email: string, o?: CallOptions): Promise<void>;
  /** Activates the profile the token was issued for. */
  activate(token: string, o?: CallOptions): Promise<ActivateResult>;
}
