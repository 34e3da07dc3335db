import type { AdapterErrorCode } from '../adapter/adapter-error.js';

export interface PreferencesChangeDetail {
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 4217. */
  currency: string;
}

/**
 * `<ae-preferences>`: the person chose a location and currency (every price of the page shows the new currency
 * already); fired once the choice is saved, or kept for this visit when nobody is signed in.
 */
export class AePreferencesChangeEvent extends CustomEvent<PreferencesChangeDetail> {
  static readonly eventName = 'ae-preferences-change' as const;
  constructor(detail: PreferencesChangeDetail) {
    super(AePreferencesChangeEvent.eventName, {
      bubbles: true,
      composed: true,
      detail: Object.freeze({ country: detail.country, currency: detail.currency }),
    });
  }
}

export interface PreferencesErrorDetail {
  code: AdapterErrorCode;
}

/** `<ae-preferences>` could not save the choice (it stays chosen on this page; "Try again" saves it). */
export class AePreferencesErrorEvent extends CustomEvent<PreferencesErrorDetail> {
  static readonly eventName = 'ae-preferences-error' as const;
  constructor(detail: PreferencesErrorDetail) {
    super(AePreferencesErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ code: detail.code }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-preferences-change': AePreferencesChangeEvent;
    'ae-preferences-error': AePreferencesErrorEvent;
  }
}
