export interface CaptchaRefreshDetail {
  /** The id of the new challenge. */
  captchaId: string;
  /** Why: the person pressed "Refresh code", the code expired, or the server rejected the answer. */
  reason: 'user' | 'expired' | 'rejected' | 'initial';
}

/** `<ae-captcha>` shows a new challenge. */
export class AeCaptchaRefreshEvent extends CustomEvent<CaptchaRefreshDetail> {
  static readonly eventName = 'ae-captcha-refresh' as const;
  constructor(detail: CaptchaRefreshDetail) {
    super(AeCaptchaRefreshEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-captcha-refresh': AeCaptchaRefreshEvent;
  }
}
