import type { AdapterErrorCode } from '../adapter/adapter-error.js';

export interface RegisterSuccessDetail {
  userId: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** `<ae-register>` created a profile. Never carries the password. */
export class AeRegisterSuccessEvent extends CustomEvent<RegisterSuccessDetail> {
  static readonly eventName = 'ae-register-success' as const;
  constructor(detail: RegisterSuccessDetail) {
    super(AeRegisterSuccessEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface RegisterErrorDetail {
  code: AdapterErrorCode;
  field?: string;
}

/** `<ae-register>` failed to create a profile; what the person typed is kept. */
export class AeRegisterErrorEvent extends CustomEvent<RegisterErrorDetail> {
  static readonly eventName = 'ae-register-error' as const;
  constructor(detail: RegisterErrorDetail) {
    super(AeRegisterErrorEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-register-success': AeRegisterSuccessEvent;
    'ae-register-error': AeRegisterErrorEvent;
  }
}
