import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { setCustomState } from '../../internal/custom-state.js';
import { needCapability } from '../../internal/need-capability.js';
import { LazyAdapter } from '../../internal/lazy-adapter.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { maskEmail } from '../../internal/mask-email.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import type { SessionCapability, SignInCapability } from '../../adapter/types.js';
import type {
  CompleteSocialInput,
  SocialCapability,
  SocialCompletion,
  SocialProfileCompletion,
  SocialProvider,
  SocialStart,
} from '../../adapter/social-types.js';
import { getSessionSnapshot, setSession } from '../../session/session-store.js';
import type { TranslitSystem } from '../../translit/translit.js';
import { getLocale } from '../../locales/localization.js';
import { AeSocialErrorEvent, AeSocialStartEvent, AeSocialSuccessEvent, AeSocialUnlinkEvent } from '../../events/social-events.js';
import type { SocialErrorCode } from '../../events/social-events.js';
import { brandMark, parseProviders } from './brand-marks.js';
import {
  FlowError,
  callbackInUrl,
  defaultRedirectUri,
  dropRedirect,
  openPopup,
  originOf,
  redirectReturnPending,
  relayPopupCallback,
  saveRedirect,
  takeRedirectReturn,
  waitForPopup,
} from './social-flow.js';
import type { CallbackAnswer } from './social-flow.js';
import { ProfileForm, loadValidation } from './social-profile.js';
import type { ProfileHost } from './social-profile.js';
import { LinkedView } from './social-linked.js';
import type { LinkedHost } from './social-linked.js';
import { socialFormStyles, socialLightStyles, socialShadowStyles } from './social-login.styles.js';
import * as t from './social-texts.js';

type Intent = 'sign-in' | 'link';

/** Where the element is in a flow. */
type Stage =
  | { kind: 'idle' }
  | { kind: 'popup'; provider: SocialProvider; popup: Window }
  | { kind: 'working'; provider: SocialProvider }
  | { kind: 'relay' }
  | { kind: 'profile'; provider: SocialProvider; signupToken: string }
  | { kind: 'link'; provider: SocialProvider; linkToken: string; email: string; typedEmail?: string; linking: boolean; failure?: Failure }
  | { kind: 'verify'; provider: SocialProvider; email: string }
  | { kind: 'done'; provider: SocialProvider; firstName: string };

/** Adapters seen answering with an in-page consent step (or known to): no popup is opened for them. */
const inlineAdapters = new WeakSet<object>();

/**
 * `MemoryAdapter` (its public test hooks `failNext` and `outbox` tell it apart) shows its consent inside the
 * page: a press must not open a window for it. Any other adapter is learnt from its first `startSocial`.
 */
function simulatesProvider(adapter: object): boolean {
  const a = adapter as { failNext?: unknown; outbox?: unknown };
  return typeof a.failNext === 'function' && Array.isArray(a.outbox);
}

/** Learns, off the first render, whether `adapter` (or the adapter a LazyAdapter loads) shows an in-page consent. */
function learnPresentation(adapter: object): void {
  if (inlineAdapters.has(adapter)) return;
  if (simulatesProvider(adapter)) {
    inlineAdapters.add(adapter);
    return;
  }
  if (adapter instanceof LazyAdapter) {
    void adapter.resolve().then(
      (loaded) => {
        if (simulatesProvider(loaded)) inlineAdapters.add(adapter);
      },
      () => undefined,
    );
  }
}

/**
 * `<ae-login>` is needed only for linking an existing profile: its own chunk, loaded then. The link step's module
 * (define/ae-login-linking.ts) leaves out `<ae-login>`'s hand-offs to registration and to this block: the
 * profile exists, and without them no page has a lazy loop back to its own element (see LoginHandOffs).
 */
function loadLogin(): Promise<unknown> {
  return customElements.get('ae-login') ? Promise.resolve() : import('../../define/ae-login-linking.js');
}

/** The person the page's session store has signed in, if any. */
function signedInUser(): { userId: string; firstName: string } | undefined {
  const s = getSessionSnapshot();
  return s.status === 'signed-in' ? s.session : undefined;
}

let instances = 0;

/**
 * @tagname ae-social-login
 * @summary Sign-up and sign-in with VK ID, Google and Facebook: the buttons with their brand marks, the
 * privacy note, the popup or redirect flow (authorization code with PKCE, `state`; the backend holds every
 * secret), the profile form of a new person (names in Latin, with the passport spelling of a Cyrillic name
 * to accept), linking to an existing profile after its password sign-in, and the `linked` view.
 *
 * The redirect URI is a page with this element on it: by default the page itself (its URL without query and
 * fragment; `redirect-uri` overrides it), registered with the backend. In the popup, that page finds the
 * provider's answer in its URL and an opener of its own origin: it posts the answer to the opener (target
 * origin: its own) and closes. In redirect mode the element completes the flow from the URL and removes the
 * parameters from the address bar. The popup's flow lives in memory only; the redirect's waits in
 * `sessionStorage` while the page is at the provider and is removed on return. No code, state, verifier or
 * token ever reaches an event or an attribute.
 *
 * @slot - (rendered by the element) the buttons, notices and forms; light DOM so autofill sees the profile form.
 *
 * @csspart base - The frame around everything.
 *
 * @cssprop --ae-social-login-max-width - Maximum width (30rem).
 * @cssprop --ae-social-vk-background - The VK ID button's blue (#0070F0, a shade under #0077FF for 4.5:1 text).
 * @cssprop --ae-social-facebook-background - The Facebook button's blue (#166FE5).
 *
 * @cssstate pending - A flow is under way (the popup is open, or the backend is asked).
 * @cssstate profile - The profile form of a new person is shown.
 * @cssstate link - Waiting for the password sign-in that links an existing profile.
 * @cssstate success - Signed in (or the profile was created and waits for its letter).
 * @cssstate engaged - The profile form, the link step or an outcome is shown (a host's e-mail form hides then).
 *
 * @fires ae-social-start - A button was pressed: `{ provider }`. Cancelable: the host runs its own flow.
 * @fires ae-social-success - Signed in or linked: `{ userId, provider, isNew }`.
 * @fires ae-social-error - The flow stopped: `{ provider, code }` (`popup_blocked`, `popup_closed`, `denied`,
 * `state_mismatch`, `email_in_use`, `network`, `server`…).
 * @fires ae-social-unlink - A provider was unlinked in the `linked` view: `{ provider }`.
 */
export class AeSocialLogin extends AeElement<SocialCapability & Partial<SignInCapability & SessionCapability>> implements ProfileHost, LinkedHost {
  static override styles = socialShadowStyles;

  private readonly uid = `ae-social-${++instances}`;
  private readonly internals = this.attachInternals();
  private readonly profileForm = new ProfileForm(this);
  private readonly linkedView = new LinkedView(this);
  private flow?: AbortController;
  /** The profile form's and the linking's calls: aborted when the element leaves the page or starts over. */
  private calls?: AbortController;

  @state() private stage: Stage = { kind: 'idle' };
  @state() private error?: { provider: SocialProvider; code: SocialErrorCode };
  /** `popup-blocked="tell"`: the provider whose window the browser refused. */
  @state() private blocked?: SocialProvider;

  /** Which providers, in which order: `"vk google facebook"` (the default). */
  @property() providers = 'vk google facebook';
  /** `popup` (the default: a window over the page, redirect when the browser blocks it) or `redirect` (the whole page goes to the provider and back). */
  @property() mode: 'popup' | 'redirect' = 'popup';
  /** When the browser blocks the window: `redirect` (the default: go on in this page) or `tell` (say so, offer both). */
  @property({ attribute: 'popup-blocked' }) popupBlocked: 'redirect' | 'tell' = 'redirect';
  /** The redirect URI registered with the backend; default: this page without query and fragment. */
  @property({ attribute: 'redirect-uri' }) redirectUri = '';
  /** `buttons` (the default) or `linked`: the providers linked to the signed-in profile, to link and unlink. */
  @property() view: 'buttons' | 'linked' = 'buttons';
  /** Google's button: `light`, `dark` or `neutral`; unset follows the element's color scheme (light/dark). */
  @property({ attribute: 'google-theme' }) googleTheme?: 'light' | 'dark' | 'neutral';
  /** "Stay signed in" for the session a flow makes. */
  @property({ type: Boolean }) remember = false;
  /** The "or with e-mail" divider: `after` the buttons, `before` them, or `none` (the default). */
  @property() divider: 'before' | 'after' | 'none' = 'none';
  /** Hides the privacy note (a host that says it elsewhere). */
  @property({ type: Boolean, attribute: 'no-privacy-note' }) noPrivacyNote = false;
  /** Passport transliteration for the name suggestions; by default it follows the UI locale. */
  @property() translit?: TranslitSystem;
  /** Disables the buttons and forms. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  // ---- hosts of the views --------------------------------------------------------------------------------

  get fieldPrefix(): string {
    return this.uid;
  }

  get translitSystem(): TranslitSystem | undefined {
    return this.translit;
  }

  get formDisabled(): boolean {
    return this.disabled;
  }

  /** The providers shown, from `providers`. */
  get providerList(): readonly SocialProvider[] {
    return parseProviders(this.providers);
  }

  /** A flow is under way. */
  get busy(): boolean {
    return this.stage.kind === 'popup' || this.stage.kind === 'working' || this.stage.kind === 'relay';
  }

  social(method: keyof SocialCapability): Promise<SocialCapability> {
    return needCapability(this.resolvedAdapter, 'social', method);
  }

  // ---- lifecycle -----------------------------------------------------------------------------------------

  override connectedCallback(): void {
    adoptLightStyles(this, socialFormStyles);
    adoptLightStyles(this, socialLightStyles);
    super.connectedCallback();
    // The callback page inside the popup: hand the answer to the opener and close.
    if (relayPopupCallback()) {
      this.stage = { kind: 'relay' };
      return;
    }
    // Back from the provider in redirect mode: the flow completes here (after the first render).
    if (redirectReturnPending()) {
      this.stage = { kind: 'working', provider: this.providerList[0] ?? 'vk' };
      void this.updateComplete.then(() => this.completeRedirect());
    } else if (!callbackInUrl()) {
      // Back on a page without an answer (the person left the provider with Back): that redirect flow is over.
      dropRedirect();
    }
  }

  protected override startLoads(): void {
    if (this.stage.kind === 'relay') return;
    if (this.view === 'linked') void this.linkedView.load();
    learnPresentation(this.resolvedAdapter);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelFlow();
    this.linkedView.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('view') && changed.get('view') !== undefined && this.view === 'linked' && this.isConnected) void this.linkedView.load();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.busy);
    setCustomState(this.internals, 'profile', this.stage.kind === 'profile');
    setCustomState(this.internals, 'link', this.stage.kind === 'link');
    setCustomState(this.internals, 'success', this.stage.kind === 'done' || this.stage.kind === 'verify');
    // Inside <ae-register> / <ae-login>: while this block shows a form or an outcome, the host's own form steps aside.
    setCustomState(this.internals, 'engaged', ['profile', 'link', 'done', 'verify'].includes(this.stage.kind));
    render(this.renderLight(), this, { host: this });
    if (this.stage.kind === 'profile') this.profileForm.afterRender();
  }

  /** Back to the buttons (after a success, or to start over). */
  reset(): void {
    this.cancelFlow();
    this.stage = { kind: 'idle' };
    this.error = undefined;
    this.blocked = undefined;
  }

  // ---- the flow ------------------------------------------------------------------------------------------

  private get redirect(): string {
    return this.redirectUri || defaultRedirectUri();
  }

  private cancelFlow(): void {
    this.flow?.abort();
    this.flow = undefined;
    this.calls?.abort();
    this.calls = undefined;
    if (this.stage.kind === 'popup') this.stage.popup.close();
  }

  /**
   * A press on a provider's button. Everything up to `window.open` runs in the press itself: a browser lets a
   * page open a window only from a user activation, so the window opens empty first and is sent to the
   * provider once the backend answered.
   */
  private press(provider: SocialProvider, intent: Intent = 'sign-in'): void {
    if (this.busy || this.disabled) return;
    if (!this.dispatchEvent(new AeSocialStartEvent({ provider }))) return;
    this.error = undefined;
    this.blocked = undefined;
    const adapter = this.resolvedAdapter;
    if (this.mode === 'redirect') {
      void this.run(provider, intent, 'redirect', null);
      return;
    }
    if (inlineAdapters.has(adapter) || simulatesProvider(adapter)) {
      void this.run(provider, intent, 'popup', null);
      return;
    }
    const popup = openPopup(provider);
    if (!popup) {
      if (this.popupBlocked === 'tell') {
        this.blocked = provider;
        this.fail(provider, 'popup_blocked');
        return;
      }
      this.dispatchEvent(new AeSocialErrorEvent({ provider, code: 'popup_blocked' }));
      void this.run(provider, intent, 'redirect', null);
      return;
    }
    void this.run(provider, intent, 'popup', popup);
  }

  private readonly linkPress = (provider: SocialProvider): void => this.press(provider, 'link');

  linkProvider(provider: SocialProvider): void {
    this.linkPress(provider);
  }

  private async run(provider: SocialProvider, intent: Intent, mode: 'popup' | 'redirect', popup: Window | null): Promise<void> {
    const controller = (this.flow = new AbortController());
    const { signal } = controller;
    this.stage = popup ? { kind: 'popup', provider, popup } : { kind: 'working', provider };
    let started: SocialStart | undefined;
    try {
      const api = await this.social('startSocial');
      started = await api.startSocial({ provider, redirectUri: this.redirect, mode, intent, remember: this.remember }, { signal });
      let answer: CallbackAnswer;
      if (started.kind === 'inline') {
        popup?.close();
        inlineAdapters.add(this.resolvedAdapter);
        this.stage = { kind: 'working', provider };
        answer = await started.authorize(signal);
      } else if (popup) {
        popup.location.replace(started.authorizationUrl);
        const origin = originOf(this.redirect) ?? location.origin;
        answer = await waitForPopup(popup, origin, started.state, signal);
        this.stage = { kind: 'working', provider };
      } else {
        // Redirect mode (chosen, or the popup was blocked): the flow waits in this tab's sessionStorage.
        saveRedirect({ provider, flowId: started.flowId, state: started.state, intent, expiresAt: started.expiresAt });
        location.assign(started.authorizationUrl);
        return;
      }
      await this.complete(provider, intent, { ...answer, provider, flowId: started.flowId }, signal);
    } catch (err) {
      popup?.close();
      if (signal.aborted && isAbortError(err)) return;
      if (this.flow !== controller) return;
      const code: SocialErrorCode = err instanceof FlowError ? err.code : failureOf(err).code;
      this.fail(provider, code);
    } finally {
      if (this.flow === controller) this.flow = undefined;
    }
  }

  /** Back from the provider in redirect mode: the URL is cleaned and the stored flow removed before anything else. */
  private async completeRedirect(): Promise<void> {
    const back = takeRedirectReturn();
    if (!back) {
      if (this.stage.kind === 'working') this.stage = { kind: 'idle' };
      return;
    }
    const provider = back.flow?.provider ?? this.providerList[0] ?? 'vk';
    if (!back.flow) {
      this.fail(provider, 'state_mismatch');
      return;
    }
    const controller = (this.flow = new AbortController());
    try {
      await this.complete(provider, back.flow.intent, { ...back.answer, provider, flowId: back.flow.flowId }, controller.signal);
    } catch (err) {
      if (controller.signal.aborted && isAbortError(err)) return;
      this.fail(provider, failureOf(err).code);
    } finally {
      dropRedirect();
      if (this.flow === controller) this.flow = undefined;
    }
  }

  private async complete(provider: SocialProvider, intent: Intent, input: CompleteSocialInput, signal: AbortSignal): Promise<void> {
    this.stage = { kind: 'working', provider };
    const api = await this.social('completeSocial');
    const result: SocialCompletion = await api.completeSocial(input, { signal });
    await this.outcome(provider, intent, result);
  }

  private async outcome(provider: SocialProvider, intent: Intent, result: SocialCompletion | SocialProfileCompletion, typedEmail?: string): Promise<void> {
    switch (result.status) {
      case 'signed_in':
        setSession(result.session);
        this.stage = { kind: 'done', provider, firstName: result.session.firstName };
        this.dispatchEvent(new AeSocialSuccessEvent({ userId: result.session.userId, provider, isNew: result.isNew }));
        await this.focusAfter('.ae-success');
        return;
      case 'profile_required':
        void loadValidation().catch(() => undefined);
        this.profileForm.open(provider, result.profile);
        this.stage = { kind: 'profile', provider, signupToken: result.signupToken };
        await this.focusAfter('.ae-social-profile .ae-social-heading');
        return;
      case 'link_required': {
        const stage: Stage = { kind: 'link', provider, linkToken: result.linkToken, email: result.email, linking: false };
        if (typedEmail) stage.typedEmail = typedEmail;
        void loadLogin().catch(() => undefined);
        this.stage = stage;
        this.dispatchEvent(new AeSocialErrorEvent({ provider, code: 'email_in_use' }));
        await this.focusAfter('.ae-social-linking .ae-social-heading');
        return;
      }
      case 'linked': {
        this.stage = { kind: 'idle' };
        this.linkedView.linked(provider, result.links);
        const userId = signedInUser()?.userId ?? '';
        this.dispatchEvent(new AeSocialSuccessEvent({ userId, provider, isNew: false }));
        await this.focusAfter(`.ae-social-link[data-provider="${provider}"] .ae-button`);
        return;
      }
      case 'verify_email':
        this.stage = { kind: 'verify', provider, email: result.email };
        await this.focusAfter('.ae-success');
        return;
      default:
        void intent;
    }
  }

  private async focusAfter(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

  private fail(provider: SocialProvider, code: SocialErrorCode): void {
    if (this.stage.kind !== 'profile' && this.stage.kind !== 'link') this.stage = { kind: 'idle' };
    this.error = { provider, code };
    this.dispatchEvent(new AeSocialErrorEvent({ provider, code }));
  }

  // ---- profile form and linking ------------------------------------------------------------------------

  async sendProfile(values: { email: string; firstName: string; lastName: string }): Promise<SocialProfileCompletion> {
    const stage = this.stage;
    if (stage.kind !== 'profile') throw new Error('no profile form');
    const signal = (this.calls ??= new AbortController()).signal;
    const api = await this.social('completeSocialProfile');
    return api.completeSocialProfile({ signupToken: stage.signupToken, ...values }, { signal });
  }

  profileDone(result: SocialProfileCompletion, typedEmail: string): void {
    const provider = this.stage.kind === 'profile' ? this.stage.provider : result.provider;
    void this.outcome(provider, 'sign-in', result, typedEmail);
  }

  profileFailed(failure: Failure): void {
    const provider = this.stage.kind === 'profile' ? this.stage.provider : 'vk';
    this.stage = { kind: 'idle' };
    this.fail(provider, failure.code);
  }

  startOver(): void {
    const back = this.stage.kind !== 'idle';
    this.reset();
    if (back) void this.focusAfter('.ae-social-button');
  }

  unlinked(provider: SocialProvider): void {
    this.dispatchEvent(new AeSocialUnlinkEvent({ provider }));
  }

  /** The password sign-in of the existing profile succeeded (`<ae-login>` published the session): link now. */
  private async onLinkSignedIn(e: Event): Promise<void> {
    e.stopPropagation();
    const stage = this.stage;
    if (stage.kind !== 'link' || stage.linking) return;
    this.stage = { ...stage, linking: true, failure: undefined } as Stage;
    const signal = (this.calls ??= new AbortController()).signal;
    try {
      const api = await this.social('linkSocial');
      await api.linkSocial({ linkToken: stage.linkToken }, { signal });
      if (signal.aborted) return;
      const session = signedInUser();
      this.stage = { kind: 'done', provider: stage.provider, firstName: session?.firstName ?? '' };
      this.dispatchEvent(new AeSocialSuccessEvent({ userId: session?.userId ?? '', provider: stage.provider, isNew: false }));
      await this.focusAfter('.ae-success');
    } catch (err) {
      if (signal.aborted && isAbortError(err)) return;
      const failure = failureOf(err);
      if (failure.code === 'token_invalid' || failure.code === 'token_expired' || failure.code === 'forbidden') {
        this.stage = { kind: 'idle' };
        this.fail(stage.provider, failure.code);
        return;
      }
      this.stage = { ...stage, linking: false, failure };
      await this.focusAfter('.ae-social-linking .ae-banner');
    }
  }

  private readonly onLinkRetry = (): void => {
    const stage = this.stage;
    if (stage.kind === 'link') void this.onLinkSignedIn(new Event('retry'));
  };

  /** The privacy note's link inside `<ae-register>`: to its e-mail field. */
  private hostEmail(): HTMLInputElement | null {
    return this.closest('ae-register')?.querySelector<HTMLInputElement>('form.ae-form:not(.ae-social-profile) input[name="email"]') ?? null;
  }

  private readonly toEmailForm = (e: Event): void => {
    e.preventDefault();
    const email = this.hostEmail();
    email?.focus();
    email?.scrollIntoView?.({ block: 'center' });
  };

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderButton(provider: SocialProvider): TemplateResult {
    const stage = this.stage;
    const mine = (stage.kind === 'popup' || stage.kind === 'working') && stage.provider === provider;
    const off = this.busy || this.disabled;
    return html`<li>
      <button
        class="ae-social-button"
        type="button"
        part="button"
        data-provider=${provider}
        data-look=${provider === 'google' ? (this.googleTheme ?? nothing) : nothing}
        ?data-busy=${mine}
        aria-disabled=${off ? 'true' : 'false'}
        @click=${() => this.press(provider)}
      >
        ${mine ? html`<span class="ae-spinner" aria-hidden="true"></span>` : brandMark(provider)}
        <span>${t.buttonText(provider)}</span>
      </button>
    </li>`;
  }

  private renderStatus(): TemplateResult {
    const stage = this.stage;
    let text = '';
    let actions: TemplateResult | typeof nothing = nothing;
    if (stage.kind === 'popup') {
      text = t.waitingText(stage.provider);
      actions = html`<span class="ae-social-actions">
        <button class="ae-button" type="button" @click=${() => stage.popup.focus()}>${t.showWindowText()}</button>
        <button class="ae-button" type="button" @click=${this.onCancel}>${t.cancelText()}</button>
      </span>`;
    } else if (stage.kind === 'working') text = t.connectingText(stage.provider);
    return html`<p class="ae-social-status" role="status">${text ? html`<span>${text}</span>` : nothing}${actions}</p>`;
  }

  private readonly onCancel = (): void => {
    const stage = this.stage;
    if (stage.kind !== 'popup') return;
    this.cancelFlow();
    this.stage = { kind: 'idle' };
    void this.focusAfter(`.ae-social-button[data-provider="${stage.provider}"]`);
  };

  private renderError(): TemplateResult | typeof nothing {
    const e = this.error;
    if (!e) return nothing;
    const blocked = this.blocked === e.provider && e.code === 'popup_blocked';
    return html`<div class="ae-banner" role="alert" data-code=${e.code}>
      <p>${t.errorText(e.code, e.provider)}</p>
      ${blocked
        ? html`<span class="ae-social-actions">
            <button class="ae-button" type="button" @click=${() => this.continueHere(e.provider)}>${t.samePageText()}</button>
            <button class="ae-button" type="button" @click=${() => this.press(e.provider)}>${t.tryAgainText()}</button>
          </span>`
        : nothing}
    </div>`;
  }

  private continueHere(provider: SocialProvider): void {
    if (this.busy) return;
    this.error = undefined;
    this.blocked = undefined;
    void this.run(provider, 'sign-in', 'redirect', null);
  }

  private renderPrivacy(): TemplateResult | typeof nothing {
    if (this.noPrivacyNote) return nothing;
    const inRegister = !!this.closest('ae-register');
    const target = inRegister ? this.hostEmail()?.id : undefined;
    return html`<p class="ae-social-privacy">
      ${t.privacyDetail()} ${t.privacyText()}
      ${inRegister
        ? html`<a class="ae-link" href=${target ? `#${target}` : '#'} @click=${this.toEmailForm}>${t.privacyAction()}</a>`
        : html`<span>${t.privacyAction()}.</span>`}
    </p>`;
  }

  private renderButtons(): TemplateResult {
    const divider = html`<p class="ae-social-divider">${t.dividerText(this.divider === 'before')}</p>`;
    return html`<div class="ae-social" role="group" aria-label=${t.groupLabel()} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.divider === 'before' ? divider : nothing}
      <ul class="ae-social-list">
        ${this.providerList.map((p) => this.renderButton(p))}
      </ul>
      ${this.renderStatus()} ${this.renderError()} ${this.renderPrivacy()}
      ${this.divider === 'after' ? divider : nothing}
    </div>`;
  }

  private renderLinking(stage: Extract<Stage, { kind: 'link' }>): TemplateResult {
    const title = `${this.uid}-link-title`;
    return html`<section class="ae-social ae-social-linking" aria-labelledby=${title}>
      <h3 class="ae-social-heading" id=${title} tabindex="-1">${t.linkTitle(stage.provider)}</h3>
      <p>${t.linkText(stage.email, stage.provider)}</p>
      ${stage.failure
        ? html`<div class="ae-banner" role="alert" tabindex="-1">
            <p>${t.errorText(stage.failure.code, stage.provider)}</p>
            <button class="ae-button" type="button" @click=${this.onLinkRetry}>${t.tryAgainText()}</button>
          </div>`
        : nothing}
      ${stage.linking ? html`<p class="ae-social-status" role="status">${t.linkingText(stage.provider)}</p>` : nothing}
      <ae-login
        email=${stage.typedEmail ?? ''}
        theme=${this.theme ?? nothing}
        social="none"
        no-register
        .adapter=${this.resolvedAdapter}
        @ae-login-success=${this.onLinkSignedIn}
      ></ae-login>
      <p class="ae-note">
        <button class="ae-link" type="button" @click=${() => this.startOver()}>${t.startOverText()}</button>
      </p>
    </section>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const stage = this.stage;
    if (stage.kind === 'done') {
      return html`<div class="ae-notice ae-success" role="status" tabindex="-1">
        <h3>${t.signedInTitle(stage.firstName)}</h3>
        <p>${t.signedInText()}</p>
      </div>`;
    }
    if (stage.kind === 'verify') {
      return html`<div class="ae-notice ae-success" role="status" tabindex="-1">
        <h3>${t.verifyTitle()}</h3>
        <p>${t.verifyText(maskEmail(stage.email))}</p>
      </div>`;
    }
    return nothing;
  }

  private renderLight(): TemplateResult {
    const stage = this.stage;
    let body: TemplateResult | typeof nothing;
    if (stage.kind === 'relay') body = html`<p class="ae-social-status" role="status">${t.connectingText(this.providerList[0] ?? 'vk')}</p>`;
    else if (stage.kind === 'profile') body = this.profileForm.render();
    else if (stage.kind === 'link') body = this.renderLinking(stage);
    else if (stage.kind === 'done' || stage.kind === 'verify') body = this.renderOutcome();
    else if (this.view === 'linked') body = html`${this.linkedView.render(this.uid)}${this.renderStatus()}${this.renderError()}`;
    else body = this.renderButtons();
    return html`<div class="ae-root" lang=${getLocale()}>${body}</div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" lang=${getLocale()}><slot></slot></div>`;
  }
}
