import type { AdapterErrorCode } from '../adapter/adapter-error.js';

// The events of password recovery: `<ae-forgot-password>` (asking for the letter) and `<ae-reset-password>`
// (the page its link opens). None of them ever carries a password or a reset token.

export interface ResetRequestedDetail {
  /**
   * The address as the person typed it (trimmed): the same for a registered and an unknown address, since the
   * answer is the same (no account enumeration).
   */
  email: string;
}

/** `<ae-forgot-password>`: a reset letter was asked for (the first one or "Send again"), whatever the address. */
export class AeResetRequestedEvent extends CustomEvent<ResetRequestedDetail> {
  static readonly eventName = 'ae-reset-requested' as const;
  constructor(detail: ResetRequestedDetail) {
    super(AeResetRequestedEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ForgotPasswordErrorDetail {
  code: AdapterErrorCode;
  /** The field the server blamed (`validation`). */
  field?: string;
}

/** `<ae-forgot-password>`: the request failed (no connection, rate limit, a refused address); what was typed is kept. */
export class AeForgotPasswordErrorEvent extends CustomEvent<ForgotPasswordErrorDetail> {
  static readonly eventName = 'ae-forgot-password-error' as const;
  constructor(detail: ForgotPasswordErrorDetail) {
    super(AeForgotPasswordErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ForgotPasswordBackDetail {
  /** What the e-mail field holds (trimmed), for the sign-in form to start from; may be empty. */
  email: string;
}

/**
 * `<ae-forgot-password>`: "Back to sign-in" was pressed. Cancelable: a host (a router, `<ae-login>` around it)
 * that shows its own sign-in calls `preventDefault()`. Otherwise the element puts an `<ae-login>` in its place
 * when that element is defined and the element is not inside one already.
 */
export class AeForgotPasswordBackEvent extends CustomEvent<ForgotPasswordBackDetail> {
  static readonly eventName = 'ae-forgot-password-back' as const;
  constructor(detail: ForgotPasswordBackDetail) {
    super(AeForgotPasswordBackEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: Object.freeze({ ...detail }),
    });
  }
}

export interface ResetPasswordSuccessDetail {
  /** Every session of the profile was ended ("Sign out of all other devices" was checked). */
  signedOutOthers: boolean;
}

/** `<ae-reset-password>`: the new password is set. The person is not signed in. */
export class AeResetPasswordSuccessEvent extends CustomEvent<ResetPasswordSuccessDetail> {
  static readonly eventName = 'ae-reset-password-success' as const;
  constructor(detail: ResetPasswordSuccessDetail) {
    super(AeResetPasswordSuccessEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ResetPasswordErrorDetail {
  /** `token_invalid`, `token_expired`, `token_used` (the link), `validation`, or a connection/server failure. */
  code: AdapterErrorCode;
  /** The field the server blamed (`validation`). */
  field?: string;
}

/** `<ae-reset-password>`: checking the link or setting the password failed. */
export class AeResetPasswordErrorEvent extends CustomEvent<ResetPasswordErrorDetail> {
  static readonly eventName = 'ae-reset-password-error' as const;
  constructor(detail: ResetPasswordErrorDetail) {
    super(AeResetPasswordErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

/**
 * `<ae-reset-password>`: "Request a new link" was pressed (the link was unknown, expired or used). Cancelable:
 * a host that routes to its own page calls `preventDefault()`; otherwise the element shows an
 * `<ae-forgot-password>` in its place (loaded then).
 */
export class AeResetPasswordRequestLinkEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'ae-reset-password-request-link' as const;
  constructor() {
    super(AeResetPasswordRequestLinkEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: Object.freeze({}),
    });
  }
}

/**
 * `<ae-reset-password>`: "Sign in" was pressed after the password was changed. Cancelable: a host that routes
 * to its sign-in page calls `preventDefault()`; otherwise the element shows an `<ae-login>` in its place when
 * that element is defined.
 */
export class AeResetPasswordSignInEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'ae-reset-password-sign-in' as const;
  constructor() {
    super(AeResetPasswordSignInEvent.eventName, {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail: Object.freeze({}),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-reset-requested': AeResetRequestedEvent;
    'ae-forgot-password-error': AeForgotPasswordErrorEvent;
    'ae-forgot-password-back': AeForgotPasswordBackEvent;
    'ae-reset-password-success': AeResetPasswordSuccessEvent;
    'ae-reset-password-error': AeResetPasswordErrorEvent;
    'ae-reset-password-request-link': AeResetPasswordRequestLinkEvent;
    'ae-reset-password-sign-in': AeResetPasswordSignInEvent;
  }
}
