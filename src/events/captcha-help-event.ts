// Its own module: the help link lives in <ae-captcha>'s lazy chunk, and so does this class.
export interface CaptchaHelpDetail {
  /** The id of the challenge on display, if any. */
  captchaId?: string;
  /** Whether the challenge offered an audio rendition ("Listen to the code"). */
  audio: boolean;
}

/**
 * "Can't read or hear the code? Write to support" was pressed in `<ae-captcha>`. Cancelable: by default the page's
 * `<ae-support>`, when there is one, opens on the captcha topic; `preventDefault()` keeps it closed (a form that
 * has its own way to support, such as `<ae-register>`'s support offer, takes over). Without an `<ae-support>` on
 * the page nothing else happens: listen to this event to help the person another way.
 */
export class AeCaptchaHelpEvent extends CustomEvent<CaptchaHelpDetail> {
  static readonly eventName = 'ae-captcha-help' as const;
  constructor(detail: CaptchaHelpDetail) {
    super(AeCaptchaHelpEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-captcha-help': AeCaptchaHelpEvent;
  }
}
