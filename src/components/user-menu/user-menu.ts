import { html, nothing, render, svg } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { setCustomState } from '../../internal/custom-state.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { SessionController } from '../../internal/session-controller.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import type { AuthAdapter, SessionCapability } from '../../adapter/types.js';
import { refreshSession, signOut } from '../../session/session-store.js';
import type { SessionSnapshot } from '../../session/session-store.js';
import { getLocale } from '../../locales/localization.js';
import {
  AeUserMenuAccountEvent,
  AeUserMenuRegisterEvent,
  AeUserMenuSignInEvent,
} from '../../events/session-events.js';
import type { AeSessionChangeEvent } from '../../events/session-events.js';
import { userMenuStyles } from './user-menu.styles.js';
import { userMenuLightStyles } from './user-menu-light-styles.js';
import { accountText, failureText, greetingText, registerText, retryText, signInText, signOutText } from './user-menu-texts.js';
import { menuMove } from './menu-navigation.js';
import { dialogTemplate, loadForm } from './user-menu-dialog.js';
import type { DialogKind } from './user-menu-dialog.js';

/** What the element shows: the state of the store, or why it does not know it. */
type View = 'unknown' | 'failed' | 'signed-out' | 'signed-in';
/** Where focus goes after the next render. */
type FocusTarget = 'trigger' | 'sign-in' | 'register' | 'retry' | 'first' | 'last';

/** The node focused in this document, through open shadow roots. */
function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const caret = svg`<path d="M2 4.5l4 4 4-4"></path>`;

/**
 * @tagname ae-user-menu
 * @summary The header's corner for the session: "Sign in" and "Register" when signed out, "Hello, Maria" and a
 * menu with "My account" and "Sign out" when signed in. Follows the page's one session store, so a sign-in
 * anywhere on the page, or a sign-out in another tab, shows here at once.
 *
 * While the session is not known yet (the first call to the adapter's `getSession`), a placeholder of the
 * buttons' height holds the place, hidden from screen readers. The menu follows the WAI-ARIA menu button
 * pattern: Enter, Space or ArrowDown open it on its first item, ArrowUp on its last; ArrowUp/ArrowDown (with
 * wrap), Home and End move; a letter moves to the next item starting with it; Escape closes and returns to the
 * button; Tab, a click outside, or focus leaving close it.
 *
 * "Sign in" and "Register" fire a cancelable event (a host router takes over with `preventDefault()`);
 * otherwise the element opens `<ae-login>` or `<ae-register>` (loaded then) in a modal `<dialog>` with this
 * element's `adapter` and `endpoint`. The dialog is rendered into the element's light DOM, since password
 * managers only fill forms outside shadow roots; it closes when someone signs in, with Escape, its close
 * button, or a click on the backdrop, and focus returns to the button that opened it (or to the menu button
 * after a sign-in). Its light-DOM nodes have classes to style: `ae-user-menu-dialog`,
 * `ae-user-menu-dialog-close`.
 *
 * The element holds no session token: it shows what the store knows (`Session`: names, e-mail, id).
 *
 * @slot dialog - Used by the element itself for its dialog; put nothing there.
 *
 * @csspart base - The row holding the buttons or the menu button.
 * @csspart placeholder - The empty box shown while the session is asked for.
 * @csspart sign-in - The "Sign in" button.
 * @csspart register - The "Register" button.
 * @csspart trigger - The menu button ("Hello, Maria").
 * @csspart avatar - The round initial in the menu button.
 * @csspart name - The text of the menu button.
 * @csspart caret - The arrow of the menu button.
 * @csspart menu - The menu.
 * @csspart item - Each menu item; also `account` or `sign-out`.
 * @csspart account - The "My account" item.
 * @csspart sign-out - The "Sign out" item.
 * @csspart alert - The message when the session could not be asked for, or the sign-out failed.
 * @csspart retry - "Try again" after such a failure.
 *
 * @cssprop --ae-user-menu-height - Height of the buttons and the placeholder (the control height, 2.75rem).
 * @cssprop --ae-user-menu-placeholder-width - Width of the placeholder (11rem).
 * @cssprop --ae-user-menu-name-max-width - The name is cut with an ellipsis beyond this width (12rem).
 * @cssprop --ae-user-menu-z-index - Stacking of the open menu (20).
 * @cssprop --ae-user-menu-dialog-width - Width of the dialog (30rem, at most the viewport's).
 * @cssprop --ae-user-menu-backdrop - Backdrop of the dialog.
 * @cssprop --ae-color-primary - Brand color of the buttons and the initial.
 *
 * @cssstate unknown - The session is being asked for (the placeholder shows).
 * @cssstate signed-out - "Sign in" and "Register" show.
 * @cssstate signed-in - The menu button shows.
 * @cssstate open - The menu is open.
 * @cssstate pending - A sign-out is under way.
 *
 * @fires ae-user-menu-sign-in - "Sign in" was pressed (cancelable; default: `<ae-login>` in a dialog). No detail.
 * @fires ae-user-menu-register - "Register" was pressed (cancelable; default: `<ae-register>` in a dialog). No detail.
 * @fires ae-user-menu-account - "My account" was chosen (cancelable; default: follow `account-href` if set). No detail.
 */
export class AeUserMenu extends AeElement<SessionCapability> {
  static override styles = userMenuStyles;

  private readonly internals = this.attachInternals();
  private readonly session = new SessionController(this, (s) => this.onSnapshot(s));
  private refreshController?: AbortController;
  private signOutController?: AbortController;
  private focusAfterUpdate?: FocusTarget;
  /** Focus was in the element when its control went away and nothing took it yet. */
  private focusOwed = false;
  /** The view of the last render; another one moves focus along if focus was in the element. */
  private lastView?: View;
  /** The dialog's opener, where focus returns when the dialog closes while still signed out. */
  private dialogOpener: 'sign-in' | 'register' = 'sign-in';
  /** The pointer went down on the dialog's backdrop (a click there closes the dialog). */
  private backdropDown = false;
  /**
   * Sees the dialog close, whatever closed it. Its `close` event comes with the next animation frame, and a
   * page in a background tab gets none: the `open` attribute goes at once.
   */
  private dialogObserver?: MutationObserver;
  /** `openDialog` was called: the next render shows the dialog (once, not again after it closed). */
  private dialogToOpen = false;

  @state() private open = false;
  /** Why the session could not be asked for (shown instead of the buttons). */
  @state() private failure?: Failure;
  @state() private signOutFailure?: Failure;
  @state() private signingOut = false;
  @state() private dialog?: DialogKind;
  /** The form of the open dialog could not be loaded. */
  @state() private dialogFailed = false;

  /** Where "My account" leads. Without it, "My account" only fires `ae-user-menu-account`. */
  @property({ attribute: 'account-href' }) accountHref?: string;

  override connectedCallback(): void {
    adoptLightStyles(this, userMenuLightStyles);
    super.connectedCallback();
    document.addEventListener('ae-session-change', this.onSessionChange);
  }

  protected override startLoads(): void {
    if (this.session.snapshot.status === 'unknown') void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('ae-session-change', this.onSessionChange);
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    this.refreshController?.abort();
    this.signOutController?.abort();
    this.signingOut = false;
    this.open = false;
    this.dialogObserver?.disconnect();
    // The dialog's form (and a password typed into it) leaves with the element.
    this.dialog = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const view = this.view;
    if (this.lastView !== undefined && view !== this.lastView) {
      this.open = false;
      // The node that had focus is about to go: its successor takes it (the placeholder has none: the next
      // view's control does, unless the person moved on meanwhile).
      const active = deepActiveElement();
      const owed = this.focusOwed && (!active || active === document.body);
      if (owed || (active && this.shadowRoot?.contains(active))) {
        this.focusOwed = view === 'unknown';
        if (view !== 'unknown') this.focusAfterUpdate ??= this.primaryControl(view);
      }
    }
    if (changed.has('open')) {
      if (this.open) document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
      else document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    }
  }

  /**
   * The menu hangs from the trigger's end edge; where that would leave the screen (a menu near the start edge
   * of a narrow screen), it hangs from the start edge instead (`data-flip`).
   */
  private keepMenuOnScreen(): void {
    const menu = this.renderRoot.querySelector<HTMLElement>('[part~="menu"]');
    if (!menu) return;
    menu.removeAttribute('data-flip');
    const r = menu.getBoundingClientRect();
    if (r.left < 0 || r.right > document.documentElement.clientWidth) menu.setAttribute('data-flip', '');
  }

  protected override update(changed: PropertyValues): void {
    super.update(changed);
    const view = this.view;
    setCustomState(this.internals, 'unknown', view === 'unknown' || view === 'failed');
    setCustomState(this.internals, 'signed-out', view === 'signed-out');
    setCustomState(this.internals, 'signed-in', view === 'signed-in');
    setCustomState(this.internals, 'open', this.open);
    setCustomState(this.internals, 'pending', this.signingOut);
    // The dialog lives in the light DOM: the forms in it hold credentials (password managers).
    render(this.renderLight(), this, { host: this });
  }

  protected override updated(changed: PropertyValues): void {
    this.lastView = this.view;
    if (changed.has('open') && this.open) this.keepMenuOnScreen();
    const dialog = this.dialogElement;
    if (dialog && this.dialog && this.dialogToOpen) {
      this.dialogToOpen = false;
      if (!dialog.open) dialog.showModal();
      this.dialogObserver?.disconnect();
      this.dialogObserver = new MutationObserver(() => {
        if (!dialog.open) this.onDialogClose();
      });
      this.dialogObserver.observe(dialog, { attributes: true, attributeFilter: ['open'] });
      void this.focusDialogForm(this.dialog);
    }
    const target = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    if (target) this.focusTarget(target);
  }

  // ---- state ----------------------------------------------------------------------------------------------

  private get snapshot(): SessionSnapshot {
    return this.session.snapshot;
  }

  private get view(): View {
    const s = this.snapshot;
    if (s.status === 'unknown') return this.failure ? 'failed' : 'unknown';
    return s.status;
  }

  private get dialogElement(): HTMLDialogElement | null {
    return this.querySelector(':scope > dialog.ae-user-menu-dialog');
  }

  private primaryControl(view: Exclude<View, 'unknown'>): FocusTarget {
    return view === 'signed-in' ? 'trigger' : view === 'failed' ? 'retry' : 'sign-in';
  }

  private async refresh(): Promise<void> {
    this.refreshController?.abort();
    const controller = (this.refreshController = new AbortController());
    this.failure = undefined;
    try {
      await refreshSession(this.resolvedAdapter, { signal: controller.signal });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.failure = failureOf(error);
    }
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    if (snapshot.status !== 'unknown') {
      this.failure = undefined;
      this.signOutFailure = undefined;
    } else if (this.isConnected) {
      // The store forgot (another tab signed in and this page had asked no adapter yet): ask.
      void this.refresh();
    }
  }

  // ---- menu -----------------------------------------------------------------------------------------------

  private get items(): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  private openMenu(focus: 'first' | 'last'): void {
    if (this.signingOut) return;
    this.open = true;
    this.focusAfterUpdate = focus;
  }

  private closeMenu(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    if (returnFocus) this.focusAfterUpdate = 'trigger';
  }

  private focusTarget(target: FocusTarget): void {
    const root = this.shadowRoot;
    if (!root) return;
    if (target === 'first' || target === 'last') {
      const items = this.items;
      (target === 'first' ? items[0] : items[items.length - 1])?.focus();
      return;
    }
    root.querySelector<HTMLElement>(`[part~="${target}"]`)?.focus();
  }

  /** Focuses the item a key of the menu pattern moves to; whether it was such a key. */
  private moveFocus(key: string): boolean {
    const items = this.items;
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    const next = menuMove(key, index, items.map((i) => i.textContent ?? ''), getLocale());
    if (next === undefined) return false;
    items[next]?.focus();
    return true;
  }

  // ---- handlers -------------------------------------------------------------------------------------------

  private readonly onSessionChange = (e: AeSessionChangeEvent): void => {
    if (e.detail.signedIn && this.dialog) this.closeDialog();
  };

  private readonly onDocumentPointerDown = (e: PointerEvent): void => {
    if (!e.composedPath().includes(this)) this.closeMenu(false);
  };

  private onTriggerKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === ' ' || e.key === 'ArrowDown') {
      e.preventDefault();
      this.openMenu('first');
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      this.openMenu('last');
    }
  }

  private onTriggerClick(): void {
    if (this.open) this.closeMenu(true);
    else this.openMenu('first');
  }

  private onMenuKeydown(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        this.closeMenu(true);
        break;
      case 'Tab':
        // Forward: focus moves on by itself and focusout closes the menu. Backward: to the menu button.
        if (e.shiftKey) {
          e.preventDefault();
          this.closeMenu(true);
        }
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        (e.target as HTMLElement).click();
        break;
      default:
        // Arrows, Home/End (and PageUp/PageDown), a letter (typeahead).
        if (this.moveFocus(e.key)) e.preventDefault();
    }
  }

  private onMenuFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && this.shadowRoot?.contains(to)) return;
    // The window or the tab lost the focus (another window, a password manager): the menu stays as it was, and
    // the browser gives its item the focus back when the person returns. A click or Tab elsewhere in the page
    // closes it.
    if (!to && !document.hasFocus()) return;
    this.closeMenu(false);
  }

  private onAccount(e: MouseEvent): void {
    const event = new AeUserMenuAccountEvent();
    this.dispatchEvent(event);
    if (event.defaultPrevented || !this.accountHref) e.preventDefault();
    this.closeMenu(true);
  }

  private async onSignOut(): Promise<void> {
    this.closeMenu(true);
    if (this.signingOut) return;
    this.signOutController?.abort();
    const controller = (this.signOutController = new AbortController());
    this.signingOut = true;
    this.signOutFailure = undefined;
    try {
      await signOut(this.resolvedAdapter, { signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) this.signOutFailure = failureOf(error);
    } finally {
      if (this.signOutController === controller) this.signingOut = false;
    }
  }

  private onSignIn(): void {
    const event = new AeUserMenuSignInEvent();
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.openDialog('login', 'sign-in');
  }

  private onRegister(): void {
    const event = new AeUserMenuRegisterEvent();
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.openDialog('register', 'register');
  }

  private openDialog(kind: DialogKind, opener: 'sign-in' | 'register'): void {
    this.dialogOpener = opener;
    this.dialogFailed = false;
    this.dialog = kind;
    this.dialogToOpen = true;
  }

  private closeDialog(): void {
    this.dialogElement?.close();
    this.onDialogClose();
  }

  /** Loads the dialog's form and puts focus in its first field. */
  private async focusDialogForm(kind: DialogKind): Promise<void> {
    try {
      await loadForm(kind);
    } catch {
      if (this.dialog === kind) this.dialogFailed = true;
      return;
    }
    const form = this.dialogElement?.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
      kind === 'login' ? 'ae-login' : 'ae-register',
    );
    await form?.updateComplete;
    if (this.dialog !== kind || !form) return;
    // Unless the person already moved on inside the dialog.
    const active = deepActiveElement();
    if (active && form.contains(active)) return;
    form.querySelector<HTMLElement>('input:not([type="hidden"]), select, textarea')?.focus();
  }

  private onDialogRetry(): void {
    const kind = this.dialog;
    if (!kind) return;
    this.dialogFailed = false;
    void this.focusDialogForm(kind);
  }

  private onDialogClose(): void {
    if (!this.dialog) return;
    this.dialogObserver?.disconnect();
    this.dialogToOpen = false;
    this.dialog = undefined;
    this.dialogFailed = false;
    this.focusAfterUpdate = this.view === 'signed-in' ? 'trigger' : this.view === 'signed-out' ? this.dialogOpener : undefined;
  }

  private onDialogPointerDown(e: PointerEvent): void {
    this.backdropDown = e.target === e.currentTarget;
  }

  private onDialogClick(e: MouseEvent): void {
    // The dialog box has no padding: a click whose target is the dialog itself is on the backdrop.
    if (e.target === e.currentTarget && this.backdropDown) this.closeDialog();
    this.backdropDown = false;
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  private renderAlert(): TemplateResult {
    const failure = this.view === 'failed' ? this.failure : this.view === 'signed-in' ? this.signOutFailure : undefined;
    const text = failure ? failureText(failure, this.view === 'failed' ? 'session' : 'signOut') : '';
    return html`<span part="alert" role="alert">${text}</span>`;
  }

  private renderSignedOut(): TemplateResult {
    return html`<button part="sign-in" type="button" @click=${this.onSignIn}>${signInText()}</button
      ><button part="register" type="button" @click=${this.onRegister}>${registerText()}</button>`;
  }

  private renderSignedIn(s: Extract<SessionSnapshot, { status: 'signed-in' }>): TemplateResult {
    const name = s.session.firstName.trim();
    const label = greetingText(name);
    const initial = [...(name || s.session.email)][0] ?? '';
    const accountLabel = accountText();
    const signOutLabel = signOutText();
    return html`<button
        part="trigger"
        id="trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="menu"
        aria-disabled=${this.signingOut ? 'true' : 'false'}
        @keydown=${this.onTriggerKeydown}
        @click=${this.onTriggerClick}
      >
        ${initial ? html`<span part="avatar" aria-hidden="true">${initial}</span>` : nothing}<span part="name">${label}</span
        ><svg part="caret" viewBox="0 0 12 12" aria-hidden="true">${caret}</svg>
      </button>
      <div
        part="menu"
        id="menu"
        role="menu"
        aria-labelledby="trigger"
        ?hidden=${!this.open}
        @keydown=${this.onMenuKeydown}
        @focusout=${this.onMenuFocusOut}
      >
        ${this.accountHref
          ? html`<a part="item account" role="menuitem" tabindex="-1" href=${this.accountHref} @click=${this.onAccount}
              >${accountLabel}</a
            >`
          : html`<button part="item account" role="menuitem" tabindex="-1" type="button" @click=${this.onAccount}>
              ${accountLabel}
            </button>`}
        <button part="item sign-out" role="menuitem" tabindex="-1" type="button" @click=${this.onSignOut}>${signOutLabel}</button>
      </div>`;
  }

  private renderFailed(failure: Failure): TemplateResult | typeof nothing {
    // Nothing the person can retry when the page's adapter cannot answer at all.
    if (failure.code === 'unsupported') return nothing;
    return html`<button part="retry" type="button" @click=${() => void this.refresh()}>
      ${retryText()}
    </button>`;
  }

  private renderDialog(kind: DialogKind): TemplateResult {
    return dialogTemplate({
      kind,
      failed: this.dialogFailed,
      // The forms work on this element's backend; one without their capability says so itself.
      adapter: this.adapter as AuthAdapter | undefined,
      endpoint: this.endpoint,
      theme: this.theme,
      lang: getLocale(),
      onClose: this.onDialogClose,
      onCloseButton: this.closeDialog,
      onPointerDown: this.onDialogPointerDown,
      onClick: this.onDialogClick,
      onRetry: this.onDialogRetry,
    });
  }

  private renderLight(): TemplateResult | typeof nothing {
    return this.dialog ? this.renderDialog(this.dialog) : nothing;
  }

  protected override render(): TemplateResult {
    const s = this.snapshot;
    const view = this.view;
    let content: TemplateResult | typeof nothing;
    if (view === 'unknown') content = html`<span part="placeholder" aria-hidden="true"></span>`;
    else if (view === 'failed') content = this.failure ? this.renderFailed(this.failure) : nothing;
    else if (s.status === 'signed-in') content = this.renderSignedIn(s);
    else content = this.renderSignedOut();
    return html`<div part="base" lang=${getLocale()} aria-busy=${this.signingOut ? 'true' : 'false'}>
        ${content}${this.renderAlert()}
      </div>
      <slot name="dialog"></slot>`;
  }
}
