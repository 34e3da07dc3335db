import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { repeat } from 'lit/directives/repeat.js';
import { AeElement } from '../../internal/ae-element.js';
import { needCapability } from '../../internal/need-capability.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import { getLocale } from '../../locales/localization.js';
import { sharedFailureText } from '../../locales/shared-failure-text.js';
import { SUPPORT_LIMITS } from '../../adapter/support-types.js';
import type {
  ConversationStatus,
  MessageAuthor,
  SupportAction,
  SupportCapability,
  SupportEvent,
  SupportMessage,
  Unsubscribe,
} from '../../adapter/support-types.js';
import { AeConversationActionEvent, AeConversationMessageEvent, AeConversationStatusEvent } from '../../events/support-events.js';
import { containsPagePassword } from './password-guard.js';
import { dayKey, dayText, timeText } from './conversation-format.js';
import * as t from './conversation-texts.js';
import { conversationStyles } from './conversation.styles.js';

/** A message of the person not accepted by the server yet (sending), or refused on the way (failed). */
interface Pending {
  clientId: string;
  text: string;
  quickReplyId?: string;
  createdAt: number;
  state: 'sending' | 'failed';
  failure?: Failure;
}

/** What the list shows: a message of the server, or one of the person's on its way. */
type Item = { kind: 'message'; at: number; message: SupportMessage } | { kind: 'pending'; at: number; pending: Pending };

type Warning = { kind: 'password' } | { kind: 'tooLong' };

/** A `clientId` of the contract: `[A-Za-z0-9_-]{8,64}`. */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * @tagname ae-conversation
 * @summary One conversation (support's virtual agent and operators, or a store): its messages grouped by day
 * with times in the page's locale, who wrote each, the other side typing, the person's messages while they are
 * sent and those that failed with "Send again", the agent's quick replies and action buttons, and a text box
 * (Enter sends, Shift+Enter starts a new line). `<ae-support>` uses it, and so does the account's message center.
 *
 * Give it `adapter` (or `endpoint`, or the page default) with the support capability and `conversationId`: it
 * loads the messages, then follows the conversation's events (no message lost or shown twice). New messages of
 * the other side are announced in a polite live region (the person's own are not). A message containing a
 * password typed in a form of the page is refused with a warning, and stays in the text box. While the element
 * is shown (not in a hidden panel) and the tab is visible, what arrives is marked read.
 *
 * The view never acts on an action button itself: it fires `ae-conversation-action` and its host acts.
 *
 * @csspart log - The scrolling list of messages (a labelled region).
 * @csspart day - The heading of a day ("Today", "12 March").
 * @csspart message - Each message; also `from-person`, `from-agent`, `from-operator` or `from-store`, and `failed` or `sending`.
 * @csspart author - Who wrote it.
 * @csspart text - The text.
 * @csspart meta - Its time, and "Sending…" or "Not sent".
 * @csspart retry - "Send again" under a failed message.
 * @csspart actions - The row of action buttons under a message.
 * @csspart action - An action button.
 * @csspart quick-replies - The row of quick replies under the agent's last message.
 * @csspart quick-reply - A quick reply.
 * @csspart typing - "Virtual agent is typing…".
 * @csspart status - A line about the conversation (waiting for an operator, reconnecting, closed).
 * @csspart error - Why the messages could not be loaded, with "Try again".
 * @csspart composer - The form with the text box and the send button.
 * @csspart input - The text box.
 * @csspart send - The send button.
 * @csspart warning - The refusal of a message (a password in it, too long).
 *
 * @cssprop --ae-conversation-height - Height of the list of messages (20rem); `100%` to fill a sized host.
 * @cssprop --ae-conversation-own-background - Background of the person's own messages.
 * @cssprop --ae-conversation-other-background - Background of the other side's messages.
 * @cssprop --ae-color-primary - Brand color of the buttons.
 *
 * @fires ae-conversation-action - An action button was pressed: `{ action, conversationId, messageId }` (cancelable).
 * @fires ae-conversation-message - The person's message was accepted, or a new message of someone else came: `{ conversationId, from, messageId }`, never the text.
 * @fires ae-conversation-status - The conversation's status changed (`bot`, `queued`, `human`, `closed`): `{ conversationId, status }`.
 */
export class AeConversation extends AeElement<SupportCapability> {
  static override styles = conversationStyles;
  /** @internal Its texts are in a locale preset's rest part (src/locales/preload.ts, scripts/build/locale-parts.mjs). */
  static readonly localeTexts = 'rest';

  /** Ids of the messages shown: one is never shown twice, whatever the transport does. */
  private readonly seen = new Set<string>();
  private unsubscribe?: Unsubscribe;
  private loadController?: AbortController;
  /** Grows with every (re)load: events and answers of an earlier one are dropped. */
  private generation = 0;
  /** The list was scrolled to its end before the update: it stays there. */
  private atEnd = true;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('[part="log"]') private log?: HTMLElement;

  @state() private messages: SupportMessage[] = [];
  @state() private pending: Pending[] = [];
  @state() private typing?: { from: MessageAuthor; authorName?: string };
  @state() private status?: ConversationStatus;
  @state() private connection: 'live' | 'reconnecting' | 'polling' = 'live';
  @state() private phase: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  @state() private loadFailure?: Failure;
  @state() private warning?: Warning;
  /** The text of the polite live region: the newest message of the other side. */
  @state() private announcement = '';

  /** The conversation shown. Changing it loads the other one. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The conversation's status as last heard (`bot`, `queued`, `human`, `closed`), once loaded. */
  get conversationStatus(): ConversationStatus | undefined {
    return this.status;
  }

  protected override startLoads(): void {
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('conversationId') || changed.has('adapter') || changed.has('endpoint')) && this.isConnected) void this.load();
  }

  protected override updated(): void {
    if (this.atEnd && this.log) this.log.scrollTop = this.log.scrollHeight;
  }

  /** Moves focus to the text box. */
  override focus(options?: FocusOptions): void {
    if (this.textarea) this.textarea.focus(options);
    else super.focus(options);
  }

  /** Marks what is shown as read (the host calls it when its panel opens). */
  async markRead(): Promise<void> {
    const id = this.conversationId;
    if (!id || this.phase !== 'ready') return;
    try {
      await (await needCapability(this.resolvedAdapter, 'support', 'markRead')).markRead(id);
    } catch {
      // Unread counts are a convenience: a failure here shows nowhere and the next message tries again.
    }
  }

  // ---- loading and the stream -------------------------------------------------------------------------------

  private stop(): void {
    this.generation++;
    this.loadController?.abort();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private async load(): Promise<void> {
    this.stop();
    const generation = this.generation;
    const id = this.conversationId;
    this.seen.clear();
    this.messages = [];
    this.pending = [];
    this.typing = undefined;
    this.status = undefined;
    this.loadFailure = undefined;
    this.announcement = '';
    this.atEnd = true;
    if (!id) {
      this.phase = 'idle';
      return;
    }
    this.phase = 'loading';
    const controller = (this.loadController = new AbortController());
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'listMessages');
      const page = await support.listMessages(id, {}, { signal: controller.signal });
      if (generation !== this.generation) return;
      for (const m of page.messages) this.add(m);
      this.setStatus(page.status, false);
      this.phase = 'ready';
      const unsubscribe = await support.subscribe(id, (e) => generation === this.generation && this.onEvent(e), {
        lastEventId: page.lastEventId,
        signal: controller.signal,
      });
      if (generation !== this.generation) {
        unsubscribe();
        return;
      }
      this.unsubscribe = unsubscribe;
      if (this.shown()) void this.markRead();
    } catch (error) {
      if (generation !== this.generation || (isAbortError(error) && controller.signal.aborted)) return;
      this.loadFailure = failureOf(error);
      this.phase = 'failed';
    }
  }

  private onEvent(e: SupportEvent): void {
    switch (e.type) {
      case 'message':
        this.arrived(e.message);
        break;
      case 'status':
        this.setStatus(e.status, true);
        break;
      case 'typing':
        this.typing = e.typing ? { from: e.from, ...(e.authorName ? { authorName: e.authorName } : {}) } : undefined;
        break;
      case 'connection':
        this.connection = e.state;
        break;
    }
  }

  /** A message of the stream: shown once; the other side's announced, and marked read when seen. */
  private arrived(m: SupportMessage): void {
    if (!this.add(m)) return;
    if (this.typing?.from === m.from) this.typing = undefined;
    if (m.from === 'person') return;
    this.announcement = t.newMessageText(t.authorText(m.from, m.authorName), m.text);
    this.dispatchEvent(new AeConversationMessageEvent({ conversationId: m.conversationId, from: m.from, messageId: m.id }));
    if (this.shown()) void this.markRead();
  }

  /** Adds a message not shown yet (and drops the pending copy it answers); false when it was shown already. */
  private add(m: SupportMessage): boolean {
    if (this.seen.has(m.id)) return false;
    this.seen.add(m.id);
    this.captureScroll();
    this.messages = [...this.messages, m];
    if (m.clientId) this.pending = this.pending.filter((p) => p.clientId !== m.clientId);
    return true;
  }

  private setStatus(status: ConversationStatus, announce: boolean): void {
    if (this.status === status) return;
    const before = this.status;
    this.status = status;
    if (announce && before !== undefined) {
      const line = this.statusLine();
      if (line) this.announcement = line;
    }
    if (this.conversationId) this.dispatchEvent(new AeConversationStatusEvent({ conversationId: this.conversationId, status }));
  }

  /** Shown: not in a hidden panel, the tab visible. */
  private shown(): boolean {
    if (document.visibilityState === 'hidden') return false;
    return typeof this.checkVisibility === 'function' ? this.checkVisibility() : true;
  }

  private captureScroll(): void {
    const log = this.log;
    this.atEnd = !log || log.scrollHeight - log.scrollTop - log.clientHeight < 32;
  }

  // ---- sending ----------------------------------------------------------------------------------------------

  /** Sends `text` as the person's message; false when it was refused (a password, too long). */
  private send(text: string, quickReplyId?: string): boolean {
    const id = this.conversationId;
    const trimmed = text.trim();
    if (!id || !trimmed || this.phase !== 'ready') return false;
    if (containsPagePassword(text)) {
      this.warning = { kind: 'password' };
      return false;
    }
    if (trimmed.length > SUPPORT_LIMITS.textLength) {
      this.warning = { kind: 'tooLong' };
      return false;
    }
    this.warning = undefined;
    const p: Pending = { clientId: newClientId(), text: trimmed, createdAt: Date.now(), state: 'sending' };
    if (quickReplyId) p.quickReplyId = quickReplyId;
    this.atEnd = true;
    this.pending = [...this.pending, p];
    void this.deliver(id, p);
    return true;
  }

  private async deliver(id: string, p: Pending): Promise<void> {
    const generation = this.generation;
    this.replacePending(p.clientId, { state: 'sending' });
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'sendMessage');
      const input = { text: p.text, clientId: p.clientId, ...(p.quickReplyId ? { quickReplyId: p.quickReplyId } : {}) };
      const m = await support.sendMessage(id, input);
      if (generation !== this.generation) return;
      this.add(m);
      this.pending = this.pending.filter((x) => x.clientId !== p.clientId);
      this.dispatchEvent(new AeConversationMessageEvent({ conversationId: id, from: 'person', messageId: m.id }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.replacePending(p.clientId, { state: 'failed', failure: failureOf(error) });
    }
  }

  private replacePending(clientId: string, patch: Partial<Pending>): void {
    this.pending = this.pending.map((x) => (x.clientId === clientId ? { ...x, ...patch } : x));
  }

  // ---- handlers ---------------------------------------------------------------------------------------------

  private onSubmit(e: Event): void {
    e.preventDefault();
    const box = this.textarea;
    if (!box) return;
    if (this.send(box.value)) {
      box.value = '';
    } else if (this.warning) {
      box.focus();
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing || e.altKey) return;
    e.preventDefault();
    this.onSubmit(e);
  }

  private onInput(): void {
    // The warning is about what was sent; once the text changes it may no longer hold.
    if (this.warning) this.warning = undefined;
  }

  private onRetry(p: Pending): void {
    const id = this.conversationId;
    if (!id || p.state !== 'failed') return;
    // The button goes with the failure: focus moves on to the text box rather than to the page's start.
    const hadFocus = this.shadowRoot?.activeElement?.getAttribute('part') === 'retry';
    // The same clientId: a message the server accepted before its answer was lost is not added twice.
    void this.deliver(id, p).then(() => {
      if (hadFocus && !this.shadowRoot?.activeElement) this.textarea?.focus();
    });
  }

  private onQuickReply(replyId: string, label: string): void {
    // Sent as the person's message, its label as the text (the contract), refused like typed text.
    this.send(label, replyId);
  }

  private onAction(m: SupportMessage, a: SupportAction): void {
    this.dispatchEvent(new AeConversationActionEvent({ action: a.kind, conversationId: m.conversationId, messageId: m.id, ...(a.topic ? { topic: a.topic } : {}) }));
  }

  private onScroll(): void {
    this.captureScroll();
  }

  // ---- texts ------------------------------------------------------------------------------------------------

  private failureText(f: Failure): string {
    return sharedFailureText(f) ?? t.loadFailedText();
  }

  private statusLine(): string | undefined {
    if (this.connection === 'reconnecting') return t.reconnectingText();
    switch (this.status) {
      case 'queued':
        return t.queuedText();
      case 'closed':
        return t.closedText();
      default:
        return undefined;
    }
  }

  // ---- rendering --------------------------------------------------------------------------------------------

  private items(): Item[] {
    const items: Item[] = this.messages.map((message) => ({ kind: 'message', at: message.sentAt, message }));
    items.sort((a, b) => a.at - b.at);
    for (const pending of this.pending) items.push({ kind: 'pending', at: pending.createdAt, pending });
    return items;
  }

  private renderMessage(m: SupportMessage, last: boolean, locale: string): TemplateResult {
    const own = m.from === 'person';
    const replies = last && m.from === 'agent' && m.quickReplies?.length ? m.quickReplies : undefined;
    return html`<li part="message from-${m.from}" data-id=${m.id}>
      <p part="author" class=${own ? 'sr-only' : ''}>${t.authorText(m.from, m.authorName)}</p>
      <p part="text">${m.text}</p>
      <p part="meta"><time datetime=${new Date(m.sentAt).toISOString()}>${timeText(m.sentAt, locale)}</time></p>
      ${m.actions?.length
        ? html`<div part="actions">
            ${m.actions.map((a) => html`<button part="action" type="button" @click=${() => this.onAction(m, a)}>${a.label}</button>`)}
          </div>`
        : nothing}
      ${replies
        ? html`<div part="quick-replies" role="group" aria-label=${t.quickRepliesLabel()}>
            ${replies.map((r) => html`<button part="quick-reply" type="button" @click=${() => this.onQuickReply(r.id, r.label)}>${r.label}</button>`)}
          </div>`
        : nothing}
    </li>`;
  }

  private renderPending(p: Pending, locale: string): TemplateResult {
    const failed = p.state === 'failed';
    return html`<li part="message from-person ${failed ? 'failed' : 'sending'}" data-client-id=${p.clientId}>
      <p part="author" class="sr-only">${t.authorText('person')}</p>
      <p part="text">${p.text}</p>
      <p part="meta">
        ${failed
          ? html`<span class="failed">${t.notSentText()}</span>
              ${p.failure && p.failure.code !== 'server' ? html`<span>${this.failureText(p.failure)}</span>` : nothing}
              <button part="retry" type="button" @click=${() => this.onRetry(p)}>${t.retrySendText()}</button>`
          : html`<time datetime=${new Date(p.createdAt).toISOString()}>${timeText(p.createdAt, locale)}</time>
              <span>${t.sendingText()}</span>`}
      </p>
    </li>`;
  }

  private renderLog(locale: string): TemplateResult {
    const items = this.items();
    const groups: { key: string; at: number; items: Item[] }[] = [];
    for (const item of items) {
      const key = dayKey(item.at);
      const group = groups[groups.length - 1];
      if (group && group.key === key) group.items.push(item);
      else groups.push({ key, at: item.at, items: [item] });
    }
    const lastMessage = this.messages.length ? items.filter((i) => i.kind === 'message').pop() : undefined;
    const lastId = lastMessage?.kind === 'message' && !this.pending.length ? lastMessage.message.id : undefined;
    return html`${repeat(
      groups,
      (g) => g.key,
      (g) => html`<section class="day">
        <h3 part="day">${dayText(g.at, locale)}</h3>
        <ol class="messages">
          ${repeat(
            g.items,
            (i) => (i.kind === 'message' ? i.message.id : `pending:${i.pending.clientId}`),
            (i) => (i.kind === 'message' ? this.renderMessage(i.message, i.message.id === lastId, locale) : this.renderPending(i.pending, locale)),
          )}
        </ol>
      </section>`,
    )}`;
  }

  protected override render(): TemplateResult {
    const locale = getLocale();
    const status = this.statusLine();
    const warningId = 'composer-warning';
    const ready = this.phase === 'ready';
    return html`<div part="base" lang=${locale}>
      <div part="log" role="region" aria-label=${t.logLabel()} tabindex="0" aria-busy=${this.phase === 'loading' ? 'true' : 'false'} @scroll=${this.onScroll}>
        ${this.phase === 'failed' && this.loadFailure
          ? html`<div part="error" role="alert">
              <p>${this.failureText(this.loadFailure)}</p>
              <button part="retry" type="button" @click=${() => void this.load()}>${t.retryText()}</button>
            </div>`
          : nothing}
        ${ready && !this.messages.length && !this.pending.length && !this.typing ? html`<p part="empty">${t.emptyText()}</p>` : nothing}
        ${this.renderLog(locale)}
        ${this.typing
          ? html`<p part="typing"><span class="dots" aria-hidden="true"><span></span><span></span><span></span></span>${t.typingText(this.typing.from, this.typing.authorName)}</p>`
          : nothing}
      </div>
      ${status ? html`<p part="status">${status}</p>` : nothing}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      <form part="composer" @submit=${this.onSubmit}>
        <label class="sr-only" for="composer-input">${t.composerLabel()}</label>
        <textarea
          part="input"
          id="composer-input"
          name="message"
          rows="1"
          autocomplete="off"
          aria-describedby=${this.warning ? `composer-hint ${warningId}` : 'composer-hint'}
          aria-invalid=${this.warning ? 'true' : 'false'}
          @keydown=${this.onKeyDown}
          @input=${this.onInput}
        ></textarea>
        <button part="send" type="submit" aria-label=${t.sendText()} title=${t.sendText()} aria-disabled=${ready ? 'false' : 'true'}>
          <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M3 10l14-6-5 14-2-6-7-2z"></path></svg>
        </button>
        <p id="composer-hint" class="sr-only">${t.composerHint()}</p>
        <p part="warning" id=${warningId} role="alert">
          ${this.warning?.kind === 'password' ? t.passwordRefusedText() : this.warning?.kind === 'tooLong' ? t.tooLongText(SUPPORT_LIMITS.textLength) : nothing}
        </p>
      </form>
    </div>`;
  }
}
