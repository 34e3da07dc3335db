import type { AdapterErrorCode } from '../adapter/adapter-error.js';

export interface ActivateSuccessDetail {
  userId: string;
  email: string;
}

/** `<ae-activate>` activated the profile (never carries the token). */
export class AeActivateSuccessEvent extends CustomEvent<ActivateSuccessDetail> {
  static readonly eventName = 'ae-activate-success' as const;
  constructor(detail: ActivateSuccessDetail) {
    super(AeActivateSuccessEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ActivateErrorDetail {
  code: AdapterErrorCode;
}

/** `<ae-activate>` could not activate the profile. */
export class AeActivateErrorEvent extends CustomEvent<ActivateErrorDetail> {
  static readonly eventName = 'ae-activate-error' as const;
  constructor(detail: ActivateErrorDetail) {
    super(AeActivateErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ActivationResentDetail {
  email: string;
}

/** `<ae-activate>` had the activation letter sent again. */
export class AeActivationResentEvent extends CustomEvent<ActivationResentDetail> {
  static readonly eventName = 'ae-activation-resent' as const;
  constructor(detail: ActivationResentDetail) {
    super(AeActivationResentEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ActivateChangeEmailDetail {
  /** The address the letter went to, as the page gave it (or as typed into the element's own form). */
  email: string;
}

/**
 * `<ae-activate>`: the person pressed "Wrong address?". The page shows its registration form again
 * (typically prefilled with `detail.email`).
 */
export class AeActivateChangeEmailEvent extends CustomEvent<ActivateChangeEmailDetail> {
  static readonly eventName = 'ae-activate-change-email' as const;
  constructor(detail: ActivateChangeEmailDetail) {
    super(AeActivateChangeEmailEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ ...detail }),
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-activate-success': AeActivateSuccessEvent;
    'ae-activate-error': AeActivateErrorEvent;
    'ae-activation-resent': AeActivationResentEvent;
    'ae-activate-change-email': AeActivateChangeEmailEvent;
  }
}
