import type { AdapterErrorCode } from '../adapter/adapter-error.js';

export interface LoginSuccessDetail {
  userId: string;
  email: string;
}

/** `<ae-login>` signed the person in (never carries the password or a session token). */
export class AeLoginSuccessEvent extends CustomEvent<LoginSuccessDetail> {
  static readonly eventName = 'ae-login-success' as const;
  constructor(detail: LoginSuccessDetail) {
    super(AeLoginSuccessEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface LoginErrorDetail {
  code: AdapterErrorCode;
}

/** `<ae-login>` could not sign in: the server refused (`invalid_credentials`, `not_activated`…) or failed. */
export class AeLoginErrorEvent extends CustomEvent<LoginErrorDetail> {
  static readonly eventName = 'ae-login-error' as const;
  constructor(detail: LoginErrorDetail) {
    super(AeLoginErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface LoginNavigateDetail {
  /** The address typed so far (may be empty), so that the next form starts with it. */
  email: string;
}

/**
 * "Forgot password?" was pressed. Cancelable: a host that routes to its own page calls `preventDefault()`;
 * otherwise `<ae-login>` shows `<ae-forgot-password>` in its place.
 */
export class AeLoginForgotEvent extends CustomEvent<LoginNavigateDetail> {
  static readonly eventName = 'ae-login-forgot' as const;
  constructor(detail: LoginNavigateDetail) {
    super(AeLoginForgotEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

/**
 * "Create profile" was pressed. Cancelable: a host that routes to its own page calls `preventDefault()`;
 * otherwise `<ae-login>` shows `<ae-register>` in its place.
 */
export class AeLoginRegisterEvent extends CustomEvent<LoginNavigateDetail> {
  static readonly eventName = 'ae-login-register' as const;
  constructor(detail: LoginNavigateDetail) {
    super(AeLoginRegisterEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-login-success': AeLoginSuccessEvent;
    'ae-login-error': AeLoginErrorEvent;
    'ae-login-forgot': AeLoginForgotEvent;
    'ae-login-register': AeLoginRegisterEvent;
  }
}
