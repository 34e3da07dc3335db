import type { AdapterErrorCode } from '../adapter/adapter-error.js';

/** The providers `<ae-social-login>` knows. */
export type SocialProviderId = 'vk' | 'google' | 'facebook';

export interface SocialStartDetail {
  provider: SocialProviderId;
}

/**
 * A social button was pressed. Cancelable: a host that runs its own flow (a native app's SDK, its own popup)
 * calls `preventDefault()`, and `<ae-social-login>` does nothing more.
 */
export class AeSocialStartEvent extends CustomEvent<SocialStartDetail> {
  static readonly eventName = 'ae-social-start' as const;
  constructor(detail: SocialStartDetail) {
    super(AeSocialStartEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface SocialSuccessDetail {
  userId: string;
  provider: SocialProviderId;
  /** A profile was created by this flow (a new person), not an existing one signed in or linked. */
  isNew: boolean;
}

/** Signed in (or linked) through a provider. Never carries a code, a state, a verifier or a token. */
export class AeSocialSuccessEvent extends CustomEvent<SocialSuccessDetail> {
  static readonly eventName = 'ae-social-success' as const;
  constructor(detail: SocialSuccessDetail) {
    super(AeSocialSuccessEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

/**
 * Why a social flow stopped, as `ae-social-error` tells it: the window's own two (`popup_blocked`, `popup_closed`)
 * and the adapter's codes (`denied`, `state_mismatch`, `email_in_use`, `network`, `timeout`, `server`…).
 */
export type SocialErrorCode = 'popup_blocked' | 'popup_closed' | AdapterErrorCode;

export interface SocialErrorDetail {
  provider: SocialProviderId;
  code: SocialErrorCode;
}

/** A social flow stopped: nothing changed (the person may try again or use the e-mail form). */
export class AeSocialErrorEvent extends CustomEvent<SocialErrorDetail> {
  static readonly eventName = 'ae-social-error' as const;
  constructor(detail: SocialErrorDetail) {
    super(AeSocialErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface SocialUnlinkDetail {
  provider: SocialProviderId;
}

/** A provider was unlinked in the `linked` view. */
export class AeSocialUnlinkEvent extends CustomEvent<SocialUnlinkDetail> {
  static readonly eventName = 'ae-social-unlink' as const;
  constructor(detail: SocialUnlinkDetail) {
    super(AeSocialUnlinkEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-social-start': AeSocialStartEvent;
    'ae-social-success': AeSocialSuccessEvent;
    'ae-social-error': AeSocialErrorEvent;
    'ae-social-unlink': AeSocialUnlinkEvent;
  }
}
