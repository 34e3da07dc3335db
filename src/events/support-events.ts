/**
 * Events of the support chat (`<ae-support>`) and of the conversation view (`<ae-conversation>`). None of them
 * carries the text of a message: ids and who wrote it only.
 */

/** The author of a message as the events name it. */
export type SupportMessageFrom = 'person' | 'agent' | 'operator' | 'store' | 'system';

/** `<ae-support>`'s panel opened (by the launcher, a link, `open()`, or the `open` attribute). No detail. */
export class AeSupportOpenEvent extends Event {
  static readonly eventName = 'ae-support-open' as const;
  constructor() {
    super(AeSupportOpenEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `<ae-support>`'s panel closed. No detail. */
export class AeSupportCloseEvent extends Event {
  static readonly eventName = 'ae-support-close' as const;
  constructor() {
    super(AeSupportCloseEvent.eventName, { bubbles: true, composed: true });
  }
}

export interface SupportMessageDetail {
  conversationId: string;
  /** Who wrote it; the text itself is never in the event. */
  from: SupportMessageFrom;
}

/** A message was sent (`from: 'person'`) or arrived in `<ae-support>`'s conversation. Never carries the text. */
export class AeSupportMessageEvent extends CustomEvent<SupportMessageDetail> {
  static readonly eventName = 'ae-support-message' as const;
  constructor(detail: SupportMessageDetail) {
    super(AeSupportMessageEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface SupportActionDetail {
  /** The action's name from the contract: `resend_activation`, `refresh_captcha`, `open_password_recovery`, `request_human`, … */
  action: string;
  conversationId: string;
  /** The message whose button it was. */
  messageId: string;
  /** For `open_chat_topic`: the topic to open. */
  topic?: string;
}

/**
 * A quick reply or an action button of a message asked for something to happen in the page. Cancelable:
 * `preventDefault()` and the page does it itself; otherwise `<ae-support>` does what its docs say.
 */
export class AeSupportActionEvent extends CustomEvent<SupportActionDetail> {
  static readonly eventName = 'ae-support-action' as const;
  constructor(detail: SupportActionDetail) {
    super(AeSupportActionEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

/**
 * `<ae-conversation>`: a quick reply or action button with an action was pressed. Cancelable; the view itself does
 * nothing more than fire it (its host, e.g. `<ae-support>`, acts).
 */
export class AeConversationActionEvent extends CustomEvent<SupportActionDetail> {
  static readonly eventName = 'ae-conversation-action' as const;
  constructor(detail: SupportActionDetail) {
    super(AeConversationActionEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ConversationMessageDetail extends SupportMessageDetail {
  messageId: string;
}

/** `<ae-conversation>`: a message of the person was accepted by the server, or a new one of someone else arrived (not the history). */
export class AeConversationMessageEvent extends CustomEvent<ConversationMessageDetail> {
  static readonly eventName = 'ae-conversation-message' as const;
  constructor(detail: ConversationMessageDetail) {
    super(AeConversationMessageEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

export interface ConversationStatusDetail {
  conversationId: string;
  /** `bot` (the virtual agent answers), `queued` (waiting for an operator), `human`, `closed`. */
  status: string;
}

/** `<ae-conversation>`: the conversation's status was loaded or changed. */
export class AeConversationStatusEvent extends CustomEvent<ConversationStatusDetail> {
  static readonly eventName = 'ae-conversation-status' as const;
  constructor(detail: ConversationStatusDetail) {
    super(AeConversationStatusEvent.eventName, { bubbles: true, composed: true, detail: Object.freeze({ ...detail }) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-support-open': AeSupportOpenEvent;
    'ae-support-close': AeSupportCloseEvent;
    'ae-support-message': AeSupportMessageEvent;
    'ae-support-action': AeSupportActionEvent;
    'ae-conversation-action': AeConversationActionEvent;
    'ae-conversation-message': AeConversationMessageEvent;
    'ae-conversation-status': AeConversationStatusEvent;
  }
}
