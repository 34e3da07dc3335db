import type { AdapterErrorCode } from '../adapter/adapter-error.js';

export interface AddressChangeDetail {
  /** What happened. */
  action: 'add' | 'edit' | 'remove' | 'default';
  /** The address's id. */
  addressId: string;
  /** ISO 3166-1 alpha-2 of the address (absent for `remove`). */
  country?: string;
}

/**
 * `<ae-address-form>` changed the saved addresses: one was added, edited, removed or made the default. Ids and
 * the country only: the address itself is the adapter's (`listAddresses()`), and never a password.
 */
export class AeAddressChangeEvent extends CustomEvent<AddressChangeDetail> {
  static readonly eventName = 'ae-address-change' as const;
  constructor(detail: AddressChangeDetail) {
    const d: AddressChangeDetail = { action: detail.action, addressId: detail.addressId };
    if (detail.country) d.country = detail.country;
    super(AeAddressChangeEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze(d) });
  }
}

export interface AddressErrorDetail {
  code: AdapterErrorCode;
  /** The call that failed. */
  action: 'load' | 'save' | 'remove' | 'default';
}

/** `<ae-address-form>`: a call was refused or failed (what was typed is kept). */
export class AeAddressErrorEvent extends CustomEvent<AddressErrorDetail> {
  static readonly eventName = 'ae-address-error' as const;
  constructor(detail: AddressErrorDetail) {
    super(AeAddressErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ code: detail.code, action: detail.action }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-address-change': AeAddressChangeEvent;
    'ae-address-error': AeAddressErrorEvent;
  }
}
