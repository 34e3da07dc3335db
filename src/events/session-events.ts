export interface SessionChangeDetail {
  /** Whether someone is signed in now. */
  signedIn: boolean;
  /** Who, when signed in. Never a name, an e-mail address or a token. */
  userId?: string;
}

/**
 * The signed-in person changed: a sign-in or sign-out on this page, in another tab of this origin, or the
 * first answer of the server after the page loaded (a listener learns the state without reading the store).
 * Fired on `document` by the session store (src/session/session-store.ts). It bubbles to `window`, so either
 * may listen; `composed` is moot on a document but set, like every event of the library.
 */
export class AeSessionChangeEvent extends CustomEvent<SessionChangeDetail> {
  static readonly eventName = 'ae-session-change' as const;
  constructor(detail: SessionChangeDetail) {
    const d: SessionChangeDetail = detail.signedIn && detail.userId ? { signedIn: true, userId: detail.userId } : { signedIn: detail.signedIn };
    super(AeSessionChangeEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze(d) });
  }
}

/**
 * `<ae-user-menu>`: "Sign in" was pressed. Cancelable: a host that routes to its own sign-in page calls
 * `preventDefault()`; otherwise the element opens `<ae-login>` in a dialog. No detail.
 */
export class AeUserMenuSignInEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'ae-user-menu-sign-in' as const;
  constructor() {
    super(AeUserMenuSignInEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({}) });
  }
}

/**
 * `<ae-user-menu>`: "Register" was pressed. Cancelable: a host that routes to its own page calls
 * `preventDefault()`; otherwise the element opens `<ae-register>` in a dialog. No detail.
 */
export class AeUserMenuRegisterEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'ae-user-menu-register' as const;
  constructor() {
    super(AeUserMenuRegisterEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({}) });
  }
}

/**
 * `<ae-user-menu>`: "My account" was chosen. Cancelable: `preventDefault()` keeps the element from following
 * its `account-href` link (a host router takes over). No detail.
 */
export class AeUserMenuAccountEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'ae-user-menu-account' as const;
  constructor() {
    super(AeUserMenuAccountEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({}) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-session-change': AeSessionChangeEvent;
    'ae-user-menu-sign-in': AeUserMenuSignInEvent;
    'ae-user-menu-register': AeUserMenuRegisterEvent;
    'ae-user-menu-account': AeUserMenuAccountEvent;
  }
}
