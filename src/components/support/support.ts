import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { query } from 'lit/decorators/query.js';
import { state } from 'lit/decorators/state.js';
import { keyed } from 'lit/directives/keyed.js';
import { AeElement } from '../../internal/ae-element.js';
import { needCapability } from '../../internal/need-capability.js';
import { SessionController } from '../../internal/session-controller.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { maskEmail } from '../../internal/mask-email.js';
import { setCustomState } from '../../internal/custom-state.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import { getLocale } from '../../locales/localization.js';
import { sharedFailureText } from '../../locales/shared-failure-text.js';
import { refreshSession } from '../../session/session-store.js';
import type { SessionSnapshot } from '../../session/session-store.js';
import type { RegistrationCapability, SessionCapability } from '../../adapter/types.js';
import { SUPPORT_TOPICS } from '../../adapter/support-types.js';
import type {
  ConversationStatus,
  OperatorAvailability,
  SupportCapability,
  SupportContext,
  SupportTopic,
} from '../../adapter/support-types.js';
import { AeSupportActionEvent, AeSupportCloseEvent, AeSupportMessageEvent, AeSupportOpenEvent } from '../../events/support-events.js';
import type { AeConversationActionEvent, AeConversationMessageEvent, AeConversationStatusEvent } from '../../events/support-events.js';
import type { AeConversation } from '../conversation/conversation.js';
import { forgetConversation, keepConversation, readConversation } from './support-storage.js';
import type { StoredConversation } from './support-storage.js';
import * as t from './support-texts.js';
import { supportStyles } from './support.styles.js';
import { emailStep, offlineDone, offlineForm, topicPicker } from './support-views.js';
import type { SupportValidation } from './support-views.js';

type View = 'topics' | 'email' | 'chat' | 'offline' | 'offline-done' | 'recovery';

/** A line in the panel after an action or a hand-off. */
type Notice =
  | { kind: 'resent'; email: string }
  | { kind: 'resend-failed'; failure: Failure }
  | { kind: 'human-failed'; failure: Failure }
  | { kind: 'captcha' }
  | { kind: 'no-captcha' }
  | { kind: 'need-email' }
  | { kind: 'hand-off' };

let conversationModule: Promise<unknown> | undefined;
/**
 * `<ae-conversation>` comes in its own chunk, asked for when a conversation is first about to show (the panel
 * opens, a kept conversation is found, one starts): the button that every page shows stays small.
 */
function loadConversation(): Promise<unknown> {
  return (conversationModule ??= import('../../define/ae-conversation.js').catch((e: unknown) => {
    conversationModule = undefined;
    throw e;
  }));
}

let validation: Promise<SupportValidation> | undefined;
function loadValidation(): Promise<SupportValidation> {
  return (validation ??= import('./support-validation.js').catch((e: unknown) => {
    validation = undefined;
    throw e;
  }));
}

/** The node focused in this document, through open shadow roots. */
function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The four fields of a context, each a string (the adapter checks their form again). */
function contextOf(c: SupportContext | undefined): SupportContext | undefined {
  if (!c) return undefined;
  const out: SupportContext = {};
  if (typeof c.step === 'string') out.step = c.step;
  if (Array.isArray(c.errorCodes)) out.errorCodes = c.errorCodes.filter((x) => typeof x === 'string').slice(0, 10);
  if (typeof c.locale === 'string') out.locale = c.locale;
  if (typeof c.maskedEmail === 'string') out.maskedEmail = c.maskedEmail;
  return out;
}

const chatIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M4 5h16v11H9l-5 4z"></path>
</svg>`;

/**
 * @tagname ae-support
 * @summary The support chat: an "Online chat" button fixed in a lower corner of the page (with the count of new
 * messages), and its panel, where the virtual agent answers day and night and a person can be asked for.
 *
 * The panel follows the WAI-ARIA dialog pattern, non-modal: opening moves focus into it (to the text box of a
 * running conversation, else to its heading); Escape or the close button close it and return focus to the
 * button; Tab moves on to the page as usual (no trap). It starts with topic buttons; a person who is not signed
 * in (the page's one session store says so) is asked for an e-mail address, a signed-in one is not. Then the
 * conversation (`<ae-conversation>`), "Talk to a person" with the operators' status, and, when no operator works,
 * a form that leaves the question for a reply by letter.
 *
 * The agent's action buttons act in the page, after a cancelable `ae-support-action` (call `preventDefault()`
 * to do it yourself):
 * - `resend_activation`: calls the adapter's `resendActivation` for the address known to the chat (typed in its
 *   e-mail step, given in `email`, or the signed-in profile's), and says so in the panel; with none known, asks for it.
 * - `refresh_captcha`: calls `refresh()` of every `<ae-captcha>` on the page (a new picture, the answer emptied).
 * - `open_password_recovery`: shows `<ae-forgot-password>` (loaded then) inside the panel, with "Back to the chat".
 * - `request_human`: the same as "Talk to a person". `open_chat_topic`: starts a conversation on its topic.
 * - `open_orders`, `open_sign_in`: only the event (the page knows where its orders and its sign-in are).
 *
 * What survives a reload of the page: the id of the tab's conversation (in `sessionStorage`, never a text or
 * an address); its messages are fetched again. A sign-out (in this tab or another) forgets it.
 *
 * On a narrow screen the button is a round icon (its name stays "Online chat"), the open panel fills the screen,
 * and the button moves up while a form's submit button would be under it. `--ae-support-offset-x` and
 * `--ae-support-offset-y` move it away from the page's own corner content.
 *
 * @csspart launcher - The "Online chat" button.
 * @csspart launcher-label - Its text (visually hidden on narrow screens).
 * @csspart badge - The count of new messages on it.
 * @csspart panel - The chat panel (role dialog).
 * @csspart header - The panel's title row.
 * @csspart title - "Online chat".
 * @csspart subtitle - "Virtual agent, always available".
 * @csspart close - The close button.
 * @csspart body - The panel's content.
 * @csspart heading - The heading of a step (topics, e-mail, offline form).
 * @csspart topics - The list of topic buttons.
 * @csspart topic - A topic button.
 * @csspart conversation - The `<ae-conversation>` (style its inside through its own parts with `::part` on it).
 * @csspart toolbar - The row with "Talk to a person" and "New question".
 * @csspart human - "Talk to a person" (or "Leave a question" when no operator works).
 * @csspart operator-status - The operators' status.
 * @csspart new-question - "New question".
 * @csspart notice - A line about what an action did.
 * @csspart alert - What failed.
 * @csspart form - The e-mail step's and the offline question's forms.
 * @csspart label - Their labels. @csspart input - Their fields. @csspart field-error - Their errors.
 * @csspart submit - Their submit buttons.
 * @csspart back - "Back" / "Back to the chat".
 *
 * @cssprop --ae-support-offset-x - Distance of the button from the page's side edge (1rem).
 * @cssprop --ae-support-offset-y - Distance of the button from the page's bottom edge (1rem).
 * @cssprop --ae-support-z-index - Stacking of the button and the panel (1000).
 * @cssprop --ae-support-panel-width - Width of the panel on wide screens (24rem).
 * @cssprop --ae-support-panel-height - Height of the panel on wide screens (36rem, at most the viewport's).
 * @cssprop --ae-color-primary - Brand color of the button and the panel's buttons.
 *
 * @cssstate open - The panel is open.
 * @cssstate unread - There are new messages not seen yet.
 *
 * @fires ae-support-open - The panel was opened by the person or by `open()`/`toggle()` (not by setting `open`).
 * @fires ae-support-close - The panel was closed by the person or by `close()`/`toggle()` (not by setting `open`).
 * @fires ae-support-message - A message was sent or arrived: `{ conversationId, from }`, never the text.
 * @fires ae-support-action - An action button was pressed: `{ action, conversationId, messageId }`; cancelable.
 */
export class AeSupport extends AeElement<SupportCapability & RegistrationCapability & SessionCapability> {
  static override styles = supportStyles;

  private readonly internals = this.attachInternals();
  private readonly session = new SessionController(this, (s) => this.onSession(s));
  /** Who was signed in at the last change of the store (a sign-out or another person forgets the conversation). */
  private signedInAs?: string;
  private startController?: AbortController;
  /** The panel's other calls (status, hand-off, offline question, kept conversation): aborted when the element leaves the page. */
  private callsController?: AbortController;
  private resizeObserver?: ResizeObserver;
  private placing = 0;
  /** Where focus goes after the next update. */
  private focusAfter?: 'panel' | 'launcher';

  @query('[part="launcher"]') private launcher?: HTMLButtonElement;
  @query('ae-conversation') private conversationView?: AeConversation;

  @state() private view: View = 'topics';
  @state() private chosenTopic?: SupportTopic;
  @state() private conversation?: StoredConversation;
  @state() private conversationStatus?: ConversationStatus;
  @state() private unread = 0;
  @state() private availability?: OperatorAvailability;
  @state() private starting = false;
  @state() private startFailure?: Failure;
  @state() private rule?: SupportValidation;
  /** The address typed in the e-mail step (kept in memory only). */
  @state() private typedEmail = '';
  @state() private emailSubmitted = false;
  @state() private question = '';
  @state() private questionSubmitted = false;
  @state() private sendingQuestion = false;
  /** "Talk to a person" was pressed and its answer has not come yet (a second press makes no second call). */
  @state() private askingHuman = false;
  /** A letter asked for by the agent's "Send the letter again" is on its way. */
  private resending = false;
  @state() private questionFailure?: Failure;
  @state() private ticket?: string;
  @state() private notice?: Notice;
  @state() private recoveryLoaded = false;
  /** How far the button moved up so as not to cover a form's submit button, px. */
  @state() private lift = 0;

  /** Whether the panel is open. Setting it opens or closes without an event; `open()`/`close()` fire one. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** The corner of the button and the panel. */
  @property({ reflect: true }) position: 'bottom-left' | 'bottom-right' = 'bottom-left';
  /** A topic to start with (skips the topic buttons when the panel opens). */
  @property() topic?: SupportTopic;
  /** The address to start a signed-out chat with (prefills the e-mail step). Not reflected. */
  @property({ attribute: false }) email?: string;
  /** What went wrong in the page's form (`{ step, errorCodes, locale, maskedEmail }`), sent when the conversation starts. */
  @property({ attribute: false }) context?: SupportContext;

  /** The id of the conversation shown, if one was started. */
  get conversationId(): string | undefined {
    return this.conversation?.id;
  }

  /** Messages of others that arrived while the panel was closed. */
  get unreadCount(): number {
    return this.unread;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const snapshot = this.session.snapshot;
    this.signedInAs = snapshot.status === 'signed-in' ? snapshot.session.userId : undefined;
    const kept = readConversation();
    if (kept && !this.conversation) {
      this.conversation = kept;
      this.chosenTopic = kept.topic;
      this.view = 'chat';
    }
    addEventListener('scroll', this.schedulePlacement, { passive: true, capture: true });
    addEventListener('resize', this.schedulePlacement, { passive: true });
    if (typeof ResizeObserver === 'function') {
      this.resizeObserver ??= new ResizeObserver(this.schedulePlacement);
      this.resizeObserver.observe(document.documentElement);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.startController?.abort();
    this.callsController?.abort();
    this.callsController = undefined;
    removeEventListener('scroll', this.schedulePlacement, { capture: true });
    removeEventListener('resize', this.schedulePlacement);
    this.resizeObserver?.disconnect();
    cancelAnimationFrame(this.placing);
    this.placing = 0;
  }

  /** The control outside the chat that had focus when it opened. */
  private returnFocusTo?: Element;

  protected override firstUpdated(): void {
    // After the first render, never on its path: what a kept conversation has unread, and whether it is still ours.
    if (this.conversation) void this.checkKept(this.conversation);
    this.schedulePlacement();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('open')) {
      // Open from the first render (the `open` attribute in the page's HTML): shown, focus left where it is.
      if (this.open) this.opened(changed.get('open') === undefined);
      else if (changed.get('open') === true && this.panelHasFocus()) this.focusAfter = 'launcher';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    setCustomState(this.internals, 'open', this.open);
    setCustomState(this.internals, 'unread', this.unread > 0);
    if (changed.has('open')) this.schedulePlacement();
    if ((changed as PropertyValues).has('lift')) {
      // Through the CSSOM: a `style` attribute written by the template is inline style, which a strict
      // Content-Security-Policy (style-src without 'unsafe-inline') refuses.
      const base = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
      if (this.lift) base?.style.setProperty('--_lift', `${this.lift}px`);
      else base?.style.removeProperty('--_lift');
    }
    const target = this.focusAfter;
    this.focusAfter = undefined;
    if (target === 'launcher') {
      // Back to what opened the chat (the page's "Support" link, say), else to the chat's own button.
      const back = this.returnFocusTo;
      this.returnFocusTo = undefined;
      ((back?.isConnected ? back : this.launcher) as HTMLElement | null | undefined)?.focus();
    }
    if (target === 'panel') void this.focusPanel();
  }

  // ---- public methods ---------------------------------------------------------------------------------------

  // The methods of the native <dialog> (show, close) beside its `open` attribute: a method named open() cannot
  // live beside the `open` property.
  /** Opens the panel (fires `ae-support-open` if it was closed). */
  show(): void {
    if (this.open) return;
    this.open = true;
    this.dispatchEvent(new AeSupportOpenEvent());
  }

  /** Closes the panel and returns focus to the button (fires `ae-support-close` if it was open). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.focusAfter = 'launcher';
    this.dispatchEvent(new AeSupportCloseEvent());
  }

  /** Opens or closes the panel. */
  toggle(): void {
    if (this.open) this.close();
    else this.show();
  }

  /**
   * Opens the panel on a new conversation about `topic` with what went wrong (`context`), asking for the e-mail
   * address first if the person is not signed in and `email` is not given. What `SupportOffer` calls.
   */
  startConversation(o: { topic: SupportTopic; context?: SupportContext; email?: string }): void {
    if (o.context) this.context = o.context;
    if (o.email) this.email = o.email;
    this.leaveConversation();
    this.show();
    void this.choose(o.topic);
  }

  // ---- reactions --------------------------------------------------------------------------------------------

  private opened(initial = false): void {
    this.unread = 0;
    const active = deepActive();
    this.returnFocusTo = active && active !== document.body && !this.shadowRoot?.contains(active) ? active : undefined;
    if (!initial) this.focusAfter = 'panel';
    this.ensureConversation();
    void this.conversationView?.markRead();
    void this.loadAvailability();
    if (this.session.snapshot.status === 'unknown') this.askSession();
    if (this.view === 'topics' && this.topic && SUPPORT_TOPICS.includes(this.topic) && !this.conversation) void this.choose(this.topic);
  }

  protected override startLoads(): void {
    if (this.conversation) this.ensureConversation();
  }

  /** Asks for the conversation view's chunk; a failure to load says so where the chat would be. */
  private ensureConversation(): void {
    loadConversation().catch(() => {
      this.startFailure = { code: 'network' };
    });
  }

  private askSession(): void {
    void needCapability(this.resolvedAdapter, 'session', 'getSession')
      .then((a) => refreshSession(a))
      .catch(() => undefined);
  }

  private onSession(s: SessionSnapshot): void {
    const now = s.status === 'signed-in' ? s.session.userId : undefined;
    // Signed out, or someone else signed in: the conversation was the previous person's.
    if (this.signedInAs !== undefined && now !== this.signedInAs && s.status !== 'unknown') this.forget();
    // Signed in during a signed-out conversation: passing its id back lets the server adopt it (the contract).
    else if (now !== undefined && this.signedInAs === undefined && this.conversation) void this.checkKept(this.conversation);
    if (s.status !== 'unknown') this.signedInAs = now;
  }

  /** Forgets the conversation (sign-out): the transcript leaves the page and the storage. */
  private forget(): void {
    this.leaveConversation();
    this.typedEmail = '';
    this.email = undefined;
    this.context = undefined;
    this.question = '';
  }

  private leaveConversation(): void {
    this.startController?.abort();
    forgetConversation();
    this.conversation = undefined;
    this.conversationStatus = undefined;
    this.chosenTopic = undefined;
    this.unread = 0;
    this.notice = undefined;
    this.startFailure = undefined;
    this.ticket = undefined;
    this.view = 'topics';
  }

  /** The signal of the panel's calls other than the start: aborted when the element leaves the page. */
  private callSignal(): AbortSignal {
    return (this.callsController ??= new AbortController()).signal;
  }

  private async checkKept(kept: StoredConversation): Promise<void> {
    const signal = this.callSignal();
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'listConversations');
      const list = await support.listConversations({ ids: [kept.id], locale: getLocale() }, { signal });
      if (signal.aborted || this.conversation?.id !== kept.id) return;
      const c = list.find((x) => x.id === kept.id);
      if (!c) {
        // Not ours any more (signed out since, or gone): start afresh.
        this.leaveConversation();
        return;
      }
      this.conversationStatus = c.status;
      if (!this.open) this.unread = Math.max(this.unread, c.unread);
    } catch {
      // The conversation view shows its own failure to load; the badge just stays as it is.
    }
  }

  private async loadAvailability(): Promise<void> {
    const signal = this.callSignal();
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'agentStatus');
      const availability = await support.agentStatus({ signal });
      if (!signal.aborted) this.availability = availability;
    } catch {
      // Unknown: "Talk to a person" still asks, and requestHuman answers with the status.
    }
  }

  /** The address the chat knows: typed in its step, given by the page, or the signed-in profile's. */
  private knownEmail(): string | undefined {
    const s = this.session.snapshot;
    if (s.status === 'signed-in' && s.session.email) return s.session.email;
    return this.typedEmail.trim() || this.email || undefined;
  }

  private async choose(topic: SupportTopic): Promise<void> {
    this.chosenTopic = topic;
    this.startFailure = undefined;
    if (this.session.snapshot.status === 'unknown') {
      try {
        await refreshSession(await needCapability(this.resolvedAdapter, 'session', 'getSession'));
      } catch {
        // Unknown stays signed out for the chat: it asks for the address.
      }
    }
    const signedIn = this.session.snapshot.status === 'signed-in';
    if (!signedIn) {
      if (!this.typedEmail && this.email) this.typedEmail = this.email;
      this.rule ??= await loadValidation().catch(() => undefined);
      if (!this.typedEmail || this.rule?.emailIssue(this.typedEmail)) {
        this.emailSubmitted = false;
        this.view = 'email';
        this.focusAfter = 'panel';
        return;
      }
    }
    await this.begin(topic, signedIn ? undefined : this.typedEmail.trim());
  }

  private async begin(topic: SupportTopic, email: string | undefined): Promise<void> {
    if (this.starting) return;
    this.startController?.abort();
    const controller = (this.startController = new AbortController());
    this.starting = true;
    this.startFailure = undefined;
    this.ensureConversation();
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'startConversation');
      const context = contextOf(this.context);
      const c = await support.startConversation(
        { topic, locale: getLocale(), ...(email ? { email } : {}), ...(context ? { context } : {}) },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      this.conversation = { id: c.id, topic };
      keepConversation(this.conversation);
      this.conversationStatus = c.status;
      this.view = 'chat';
      this.focusAfter = 'panel';
    } catch (error) {
      if (isAbortError(error) && controller.signal.aborted) return;
      this.startFailure = failureOf(error);
      this.focusAfter = 'panel';
    } finally {
      if (this.startController === controller) this.starting = false;
    }
  }

  private async askHuman(): Promise<void> {
    const id = this.conversation?.id;
    if (!id) return;
    if (this.availability?.status === 'offline') {
      this.showOffline();
      return;
    }
    if (this.askingHuman) return;
    this.askingHuman = true;
    const signal = this.callSignal();
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'requestHuman');
      const handOff = await support.requestHuman(id, { signal });
      if (signal.aborted) return;
      this.availability = handOff.availability;
      if (handOff.availability.status === 'offline') {
        this.showOffline();
        return;
      }
      this.conversationStatus = handOff.conversation.status;
      this.notice = { kind: 'hand-off' };
    } catch (error) {
      if (isAbortError(error) && signal.aborted) return;
      this.notice = { kind: 'human-failed', failure: failureOf(error) };
    } finally {
      this.askingHuman = false;
    }
  }

  private showOffline(): void {
    this.view = 'offline';
    this.questionSubmitted = false;
    this.questionFailure = undefined;
    if (!this.typedEmail && this.email) this.typedEmail = this.email;
    if (!this.rule) void loadValidation().then((v) => (this.rule = v), () => undefined);
    this.focusAfter = 'panel';
  }

  // ---- actions in the page ----------------------------------------------------------------------------------

  private onConversationAction(e: AeConversationActionEvent): void {
    // The view's event stops here; the page hears this element's own, cancelable one.
    e.stopPropagation();
    const { action, conversationId, messageId, topic } = e.detail;
    const outer = new AeSupportActionEvent({ action, conversationId, messageId, ...(topic ? { topic } : {}) });
    this.dispatchEvent(outer);
    if (outer.defaultPrevented) return;
    switch (action) {
      case 'resend_activation':
        void this.resend();
        break;
      case 'refresh_captcha':
        this.refreshCaptchas();
        break;
      case 'open_password_recovery':
        this.openRecovery();
        break;
      case 'request_human':
        void this.askHuman();
        break;
      case 'open_chat_topic':
        if (topic && SUPPORT_TOPICS.includes(topic as SupportTopic)) {
          this.leaveConversation();
          void this.choose(topic as SupportTopic);
        }
        break;
      default:
        // open_orders, open_sign_in, and kinds this version does not know: the page's event only.
        break;
    }
  }

  private async resend(): Promise<void> {
    const email = this.knownEmail();
    if (!email) {
      this.notice = { kind: 'need-email' };
      return;
    }
    // One letter per press: the agent's button pressed again while a letter is on its way sends no second one.
    if (this.resending) return;
    this.resending = true;
    // The last attempt's line goes (the address form stays): what shows next is how this one ended.
    if (this.notice?.kind !== 'need-email') this.notice = undefined;
    // Aborted when the element leaves the page: nothing is said on a removed panel.
    const signal = this.callSignal();
    try {
      const registration = await needCapability(this.resolvedAdapter, 'registration', 'resendActivation');
      await registration.resendActivation(email, { signal });
      if (signal.aborted) return;
      this.notice = { kind: 'resent', email: maskEmail(email) };
    } catch (error) {
      if (isAbortError(error) && signal.aborted) return;
      this.notice = { kind: 'resend-failed', failure: failureOf(error) };
    } finally {
      this.resending = false;
    }
  }

  private refreshCaptchas(): void {
    const captchas = [...document.querySelectorAll('ae-captcha')];
    for (const c of captchas) void c.refresh('user');
    this.notice = captchas.length ? { kind: 'captcha' } : { kind: 'no-captcha' };
  }

  private openRecovery(): void {
    this.view = 'recovery';
    this.focusAfter = 'panel';
    void import('../../define/ae-forgot-password.js').then(
      () => (this.recoveryLoaded = true),
      () => (this.notice = { kind: 'resend-failed', failure: { code: 'network' } }),
    );
  }

  // ---- handlers ---------------------------------------------------------------------------------------------

  private onLauncher(): void {
    this.toggle();
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    this.close();
  }

  private onTopic(topic: SupportTopic): void {
    void this.choose(topic);
  }

  private async onEmailSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const rule = (this.rule ??= await loadValidation().catch(() => undefined));
    this.emailSubmitted = true;
    if (!rule || rule.emailIssue(this.typedEmail)) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#support-email')?.focus();
      return;
    }
    await this.begin(this.chosenTopic ?? 'other', this.typedEmail.trim());
  }

  private onEmailInput(e: Event): void {
    this.typedEmail = (e.target as HTMLInputElement).value;
  }

  private onQuestionInput(e: Event): void {
    this.question = (e.target as HTMLTextAreaElement).value;
  }

  private async onQuestionSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.sendingQuestion) return;
    const rule = (this.rule ??= await loadValidation().catch(() => undefined));
    this.questionSubmitted = true;
    const signedIn = this.session.snapshot.status === 'signed-in';
    const emailBad = !signedIn && (!rule || !!rule.emailIssue(this.typedEmail));
    if (emailBad || !this.question.trim()) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(emailBad ? '#support-email' : '#support-question')?.focus();
      return;
    }
    this.sendingQuestion = true;
    this.questionFailure = undefined;
    const signal = this.callSignal();
    try {
      const support = await needCapability(this.resolvedAdapter, 'support', 'leaveOfflineMessage');
      const context = contextOf(this.context);
      const ticket = await support.leaveOfflineMessage({
        text: this.question.trim(),
        topic: this.chosenTopic ?? this.conversation?.topic ?? 'other',
        locale: getLocale(),
        ...(signedIn ? {} : { email: this.typedEmail.trim() }),
        ...(context ? { context } : {}),
        ...(this.conversation ? { conversationId: this.conversation.id } : {}),
      }, { signal });
      if (signal.aborted) return;
      this.ticket = ticket.ticketId;
      this.question = '';
      this.view = 'offline-done';
      this.focusAfter = 'panel';
    } catch (error) {
      if (isAbortError(error) && signal.aborted) return;
      this.questionFailure = failureOf(error);
    } finally {
      this.sendingQuestion = false;
    }
  }

  private onViewMessage(e: AeConversationMessageEvent): void {
    e.stopPropagation();
    const { conversationId, from } = e.detail;
    if (!this.open && from !== 'person') this.unread++;
    this.dispatchEvent(new AeSupportMessageEvent({ conversationId, from }));
  }

  private onViewStatus(e: AeConversationStatusEvent): void {
    e.stopPropagation();
    this.conversationStatus = e.detail.status as ConversationStatus;
  }

  private onNewQuestion(): void {
    this.leaveConversation();
    this.focusAfter = 'panel';
  }

  private onBack(): void {
    this.view = this.conversation ? 'chat' : 'topics';
    this.focusAfter = 'panel';
  }

  private onRecoveryBack(e: Event): void {
    // <ae-forgot-password>'s "Back to sign-in" returns to the chat here, not to a sign-in form.
    e.preventDefault();
    this.onBack();
  }

  // ---- focus and placement ----------------------------------------------------------------------------------

  private panelHasFocus(): boolean {
    const active = deepActive();
    const panel = this.renderRoot.querySelector('[part="panel"]');
    if (!active || !panel) return false;
    for (let n: Node | null = active; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) if (n === panel) return true;
    return false;
  }

  private async focusPanel(): Promise<void> {
    if (!this.open) return;
    if (this.view === 'chat') {
      await Promise.race([customElements.whenDefined('ae-conversation'), new Promise((r) => setTimeout(r, 3000))]);
      const view = this.conversationView;
      if (view && this.open) {
        await view.updateComplete;
        view.focus();
        if (this.panelHasFocus()) return;
      }
    }
    const root = this.renderRoot;
    const target =
      root.querySelector<HTMLElement>('[part~="alert"][tabindex]') ??
      root.querySelector<HTMLElement>('[part~="heading"]') ??
      root.querySelector<HTMLElement>('[part="title"]');
    target?.focus();
  }

  private readonly schedulePlacement = (): void => {
    if (this.placing) return;
    this.placing = requestAnimationFrame(() => {
      this.placing = 0;
      this.place();
    });
  };

  /** Moves the button up while a form's submit button of the page would be under it. */
  private place(): void {
    const b = this.launcher;
    if (!b || !this.isConnected) return;
    const r = b.getBoundingClientRect();
    // Where the button is without the lift.
    const top = r.top + this.lift;
    const bottom = r.bottom + this.lift;
    let lift = 0;
    for (const s of document.querySelectorAll<HTMLElement>('button[type="submit"], input[type="submit"], button:not([type])')) {
      if (typeof s.checkVisibility === 'function' && !s.checkVisibility()) continue;
      const q = s.getBoundingClientRect();
      if (q.width === 0 || q.bottom < top || q.top > bottom || q.right < r.left || q.left > r.right) continue;
      lift = Math.max(lift, bottom - q.top + 8);
    }
    lift = Math.min(lift, Math.max(0, top - 8));
    if (Math.abs(lift - this.lift) > 0.5) this.lift = Math.round(lift);
  }

  // ---- rendering --------------------------------------------------------------------------------------------

  private failureText(f: Failure, fallback: string): string {
    return sharedFailureText(f) ?? fallback;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const n = this.notice;
    if (!n) return nothing;
    switch (n.kind) {
      case 'resent':
        return html`<p part="notice">${t.resentText(n.email)}</p>`;
      case 'captcha':
        return html`<p part="notice">${t.captchaRefreshedText()}</p>`;
      case 'no-captcha':
        return html`<p part="notice">${t.noCaptchaText()}</p>`;
      case 'hand-off':
        return html`<p part="notice">${t.handOffText()}</p>`;
      case 'need-email':
        return html`<form part="form notice" @submit=${this.onResendEmail}>
          <p>${t.needEmailText()}</p>
          <label part="label" for="resend-email">${t.emailLabel()}</label>
          <input part="input" id="resend-email" type="email" autocomplete="email" name="email" required .value=${this.typedEmail} @input=${this.onEmailInput} />
          <button part="submit" type="submit">${t.sendLetterText()}</button>
        </form>`;
      case 'human-failed':
        return html`<p part="notice alert">${this.failureText(n.failure, t.humanFailedText())}</p>`;
      default:
        return html`<p part="notice alert">${this.failureText(n.failure, t.resendFailedText())}</p>`;
    }
  }

  private async onResendEmail(e: Event): Promise<void> {
    e.preventDefault();
    const rule = (this.rule ??= await loadValidation().catch(() => undefined));
    if (!rule || rule.emailIssue(this.typedEmail)) {
      this.renderRoot.querySelector<HTMLInputElement>('#resend-email')?.focus();
      return;
    }
    await this.resend();
  }

  private renderChat(): TemplateResult {
    const status = this.availability?.status;
    const handedOff = this.conversationStatus === 'queued' || this.conversationStatus === 'human';
    return html`${this.conversation
        ? html`<ae-conversation
            part="conversation"
            .conversationId=${this.conversation.id}
            .adapter=${this.adapter}
            .endpoint=${this.endpoint}
            theme=${this.theme ?? nothing}
            @ae-conversation-action=${this.onConversationAction}
            @ae-conversation-message=${this.onViewMessage}
            @ae-conversation-status=${this.onViewStatus}
          ></ae-conversation>`
        : nothing}
      <div class="notices" role="status">${this.renderNotice()}</div>
      <div part="toolbar">
        ${handedOff
          ? nothing
          : html`<button part="human" type="button" aria-disabled=${this.askingHuman ? 'true' : 'false'} @click=${() => void this.askHuman()}>
              ${status === 'offline' ? t.leaveQuestionText() : t.humanText()}
            </button>`}
        <button part="new-question" type="button" @click=${this.onNewQuestion}>${t.newQuestionText()}</button>
        ${status ? html`<p part="operator-status" data-status=${status}><span class="dot" aria-hidden="true"></span>${t.statusText(status, this.availability?.waitMinutes)}</p>` : nothing}
      </div>`;
  }

  private renderRecovery(): TemplateResult {
    return html`<div class="recovery">
      <button part="back" type="button" @click=${this.onBack}>${t.backToChatText()}</button>
      ${this.recoveryLoaded
        ? html`<ae-forgot-password
            .adapter=${this.adapter}
            .endpoint=${this.endpoint}
            .email=${this.knownEmail() ?? ''}
            theme=${this.theme ?? nothing}
            @ae-forgot-password-back=${this.onRecoveryBack}
          ></ae-forgot-password>`
        : nothing}
      <div class="notices" role="status">${this.renderNotice()}</div>
    </div>`;
  }

  private renderBody(): TemplateResult {
    const startAlert = this.startFailure
      ? html`<p part="alert" role="alert" tabindex="-1">${this.failureText(this.startFailure, t.startFailedText())}</p>`
      : nothing;
    switch (this.view) {
      case 'email':
        return emailStep({
          value: this.typedEmail,
          issue: this.emailSubmitted ? this.rule?.emailIssue(this.typedEmail) : undefined,
          rule: this.rule,
          starting: this.starting,
          alert: startAlert,
          onInput: (e) => this.onEmailInput(e),
          onSubmit: (e) => void this.onEmailSubmit(e),
          onBack: () => this.onBack(),
        });
      case 'chat':
        return html`${startAlert}${this.renderChat()}`;
      case 'offline':
        return offlineForm({
          signedIn: this.session.snapshot.status === 'signed-in',
          email: this.typedEmail,
          emailIssue: this.questionSubmitted ? this.rule?.emailIssue(this.typedEmail) : undefined,
          rule: this.rule,
          question: this.question,
          questionMissing: this.questionSubmitted && !this.question.trim(),
          sending: this.sendingQuestion,
          failure: this.questionFailure ? this.failureText(this.questionFailure, t.offlineFailedText()) : undefined,
          onEmailInput: (e) => this.onEmailInput(e),
          onQuestionInput: (e) => this.onQuestionInput(e),
          onSubmit: (e) => void this.onQuestionSubmit(e),
          onBack: () => this.onBack(),
        });
      case 'offline-done':
        return offlineDone({
          signedIn: this.session.snapshot.status === 'signed-in',
          email: maskEmail(this.typedEmail.trim()),
          ticket: this.ticket ?? '',
          onBack: () => this.onBack(),
        });
      case 'recovery':
        return this.renderRecovery();
      default:
        return topicPicker({ starting: this.starting ? this.chosenTopic : undefined, alert: startAlert, onTopic: (x) => this.onTopic(x) });
    }
  }

  protected override render(): TemplateResult {
    const locale = getLocale();
    const label = t.chatText();
    return html`<div part="base" lang=${locale}>
      <button part="launcher" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel" title=${label} @click=${this.onLauncher}>
        ${chatIcon}<span part="launcher-label">${label}</span>
        ${this.unread ? html`<span part="badge" aria-hidden="true">${this.unread}</span><span class="sr-only">, ${t.unreadText(this.unread)}</span>` : nothing}
      </button>
      <div part="panel" id="panel" role="dialog" aria-modal="false" aria-labelledby="title" ?hidden=${!this.open} @keydown=${this.onKeyDown}>
        <div part="header">
          <div>
            <h2 part="title" id="title" tabindex="-1">${label}</h2>
            <p part="subtitle">${t.agentLine()}</p>
          </div>
          <button part="close" type="button" aria-label=${t.closeText()} title=${t.closeText()} @click=${() => this.close()}>
            <svg viewBox="0 0 20 20" aria-hidden="true"><path d="M5 5l10 10M15 5L5 15"></path></svg>
          </button>
        </div>
        <div part="body">${keyed(this.view, this.renderBody())}</div>
      </div>
    </div>`;
  }
}
