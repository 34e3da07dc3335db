import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { msg } from '@lit/localize/init/install.js';
import { setCustomState } from '../../internal/custom-state.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { formLightStyles } from '../../internal/form-light-styles.js';
import { capsLockText, field, revealButton, submitButton } from '../../internal/field.js';
import { defineOnce } from '../../internal/define.js';
import { CountdownController } from '../../internal/countdown.js';
import { failureOf, type Failure } from '../../internal/failure.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { needCapability } from '../../internal/need-capability.js';
import type { PasswordResetCapability } from '../../adapter/types.js';
import type { NewPasswordField, ValidationIssue } from '../../validation/validate.js';
import { PASSWORD_DEFAULTS } from '../../validation/limits.js';
import { getLocale } from '../../locales/localization.js';
import { charactersText } from '../../locales/units.js';
import { connectionFailureText, retryWaitText, unsupportedText } from '../../locales/failure-messages.js';
import {
  AeResetPasswordErrorEvent,
  AeResetPasswordRequestLinkEvent,
  AeResetPasswordSignInEvent,
  AeResetPasswordSuccessEvent,
} from '../../events/password-events.js';
import { PressGuard } from '../../internal/press-guard.js';
import { resetPasswordLightStyles, resetPasswordStyles } from './reset-password.styles.js';
import { takeTokenFromUrl } from '../../internal/token-from-url.js';
import { matchStatus } from '../../internal/match-status.js';
import { focusIsFree } from '../../internal/focus.js';

const FIELDS: readonly NewPasswordField[] = ['password', 'passwordRepeat'];
/** Answers that say the link cannot be used; each has its own state. */
type TokenCode = 'token_invalid' | 'token_expired' | 'token_used';
const TOKEN_CODES = new Set<AdapterErrorCode>(['token_invalid', 'token_expired', 'token_used']);
/** Failures after which "Try again" sends the same form again: the server did not judge what was typed. */
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);

/**
 * What the element shows: no token yet (`idle`), the link being checked, a check that could not be made
 * (`unchecked`: no connection, say), the form, one state per unusable link, and the changed password.
 */
type Phase = 'idle' | 'checking' | 'unchecked' | 'form' | TokenCode | 'done';

let instances = 0;

type Validation = typeof import('./reset-password-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The password rules and messages, in their own chunk (see reset-password-validation.ts). */
function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('./reset-password-validation.js').catch((e: unknown) => {
    validationModule = undefined; // a failed chunk load may succeed on the next try
    throw e;
  }));
}

/** `<ae-forgot-password>` is needed only after "Request a new link": it comes in its own chunk, loaded then. */
function loadForgotPassword(): Promise<unknown> {
  if (customElements.get('ae-forgot-password')) return Promise.resolve();
  return import('../forgot-password/forgot-password.js').then((m) => defineOnce('ae-forgot-password', m.AeForgotPassword));
}

/**
 * @tagname ae-reset-password
 * @summary The page a password reset letter's link opens: checks the link, then asks for the new password
 * twice (the registration's rules; the most common passwords refused), with "Sign out of all other devices",
 * and says that the password was changed. It does not sign the person in: it offers "Sign in". An unknown,
 * expired or used link gets its own state with "Request a new link". Works with no configuration on the
 * embedded `MemoryAdapter`.
 *
 * Give it `token`, or `token-from-url` to take the token from the page address (`#token=`, or `?token=`) and
 * remove it from there. The `<form>` and its `<input>`s are rendered into the element's light DOM
 * (`autocomplete="new-password"`), so password managers see them and offer to save the new password.
 * A new state moves focus to its heading when focus is not elsewhere on the page.
 *
 * @slot header - Logo and heading above the form. Default: the heading "Reset password".
 * @slot footer - Links under everything.
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-reset-password-max-width - Maximum width of the element (30rem).
 * @cssprop --ae-reset-password-padding - Inner spacing of the frame.
 * @cssprop --ae-reset-password-border-color - Border of the frame.
 * @cssprop --ae-color-primary - Brand color of the buttons and links.
 *
 * @cssstate pending - The link is being checked or the new password is being saved.
 * @cssstate link-error - The link is unknown, expired or used.
 * @cssstate done - The password was changed.
 *
 * @fires ae-reset-password-success - The password was changed: `{ signedOutOthers }`. Nobody is signed in.
 * @fires ae-reset-password-error - The link or the new password was refused, or the server could not be
 * reached: `{ code, field? }` (`token_invalid`, `token_expired`, `token_used`, `validation`, `network`…).
 * @fires ae-reset-password-request-link - "Request a new link". Cancelable; by default an
 * `<ae-forgot-password>` takes this element's place.
 * @fires ae-reset-password-sign-in - "Sign in". Cancelable; by default an `<ae-login>` takes this element's
 * place when that element is defined.
 */
export class AeResetPassword extends AeElement<PasswordResetCapability> {
  static override styles = resetPasswordStyles;

  private readonly uid = `ae-reset-password-${++instances}`;
  private readonly internals = this.attachInternals();
  /** The wait the server asked for (`Retry-After`) before "Try again" works. */
  private readonly retryWait = new CountdownController(this);
  private readonly press = new PressGuard(this);
  private checkController?: AbortController;
  private submitController?: AbortController;
  /** The token the check was started for; the form sends it. Never rendered, never in an event. */
  private activeToken?: string;
  /** The token taken from the page address (`token-from-url`). */
  private urlToken?: string;
  private urlChecked = false;
  private checking = false;
  /** The state shown at the last render; a different one moves focus to its heading. */
  private lastView?: string;

  @state() private phase: Phase = 'idle';
  /** Why the link could not be checked (`unchecked`). */
  @state() private checkFailure?: Failure;
  /** The masked address the link was issued for. */
  @state() private maskedEmail = '';
  /** What the password fields hold (mirrored from their `input` events; their values are never bound). */
  @state() private values: Record<NewPasswordField, string> = { password: '', passwordRepeat: '' };
  /** Fields whose message is shown (touched and changed, or after a submit). */
  @state() private shown = new Set<NewPasswordField>();
  /** Errors the server reported per field; cleared when the field changes. */
  @state() private serverIssues: Partial<Record<NewPasswordField, ValidationIssue>> = {};
  /** The answer of the common-password list for a typed password. */
  @state() private common?: { value: string; issue: ValidationIssue | undefined };
  @state() private topError?: Failure;
  @state() private pending = false;
  @state() private revealed = false;
  @state() private capsLock?: NewPasswordField;
  /** "Sign out of all other devices" (checked by default: after a reset, whoever knew the old password is out). */
  @state() private signOutOthers = true;
  /** What the successful reset did. */
  @state() private signedOutOthers = false;
  /** The element shown in this one's place. */
  @state() private swap?: 'forgot' | 'login';
  /** "Request a new link" could not load `<ae-forgot-password>`. */
  @state() private swapFailed = false;
  /** The validation module, once loaded (right after connecting). */
  @state() private v?: Validation;

  /** The token from the reset letter's link. Setting it checks the link, once per token. */
  @property() token?: string;
  /** Takes the token from the page address (`#token=`, or `?token=`) and removes it from there. */
  @property({ type: Boolean, attribute: 'token-from-url' }) tokenFromUrl = false;
  /** Minimum password length (default 8): the same rule as the registration's. */
  @property({ type: Number, attribute: 'password-min-length' }) passwordMinLength: number = PASSWORD_DEFAULTS.minLength;
  /** Maximum password length (default 128). */
  @property({ type: Number, attribute: 'password-max-length' }) passwordMaxLength: number = PASSWORD_DEFAULTS.maxLength;
  /** Disables the form. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override connectedCallback(): void {
    adoptLightStyles(this, formLightStyles);
    adoptLightStyles(this, resetPasswordLightStyles);
    super.connectedCallback();
  }

  protected override startLoads(): void {
    void this.ensureValidation().catch(() => undefined);
    // Reconnected: check again a link whose check a disconnect aborted.
    if (this.hasUpdated) this.syncToken();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.checkController?.abort();
    this.submitController?.abort();
    this.pending = false;
    // A password is not left behind in a form that left the page.
    this.clearPasswords();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('tokenFromUrl')) this.syncToken();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.pending || this.phase === 'checking');
    setCustomState(this.internals, 'link-error', TOKEN_CODES.has(this.phase as AdapterErrorCode));
    setCustomState(this.internals, 'done', this.phase === 'done');
    // The form lives in the light DOM (password managers), next to any slotted content of the page.
    render(this.renderLight(), this, { host: this });
  }

  protected override updated(): void {
    const view = this.swap ?? this.phase;
    if (this.lastView !== undefined && view !== this.lastView && focusIsFree(this)) {
      const target = this.swap
        ? this.querySelector<HTMLElement>('ae-forgot-password, ae-login')
        : this.querySelector<HTMLElement>('.ae-root [tabindex="-1"]');
      target?.focus();
    }
    this.lastView = view;
  }

  /** The `<form>` element (light DOM), while the form is shown. */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  private async ensureValidation(): Promise<Validation> {
    return (this.v ??= await loadValidation());
  }

  // ---- the link --------------------------------------------------------------------------------------------

  /** Checks the link when the effective token changed; shows `idle` when it was removed. */
  private syncToken(): void {
    if (this.tokenFromUrl && !this.urlChecked) {
      this.urlChecked = true;
      this.urlToken = takeTokenFromUrl();
    }
    const token = this.token || this.urlToken || undefined;
    // A check that a disconnect aborted counts as not done.
    const interrupted = this.phase === 'checking' && !!this.checkController?.signal.aborted;
    if (token) {
      if (token !== this.activeToken || interrupted) void this.check(token);
      return;
    }
    if (this.activeToken === undefined) return;
    this.checkController?.abort();
    this.submitController?.abort();
    this.activeToken = undefined;
    this.resetForm();
    this.phase = 'idle';
  }

  private async check(token: string): Promise<void> {
    this.checkController?.abort();
    this.submitController?.abort();
    const controller = (this.checkController = new AbortController());
    this.activeToken = token;
    this.resetForm();
    this.swap = undefined;
    this.checkFailure = undefined;
    this.phase = 'checking';
    try {
      const info = await (await needCapability(this.resolvedAdapter, 'passwordReset', 'checkResetToken')).checkResetToken(token, {
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.maskedEmail = info.email;
      this.phase = 'form';
      // The list of common passwords, so that the submit does not wait for it.
      void this.ensureValidation()
        .then((v) => v.preloadCommonPasswords())
        .catch(() => undefined);
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = failureOf(error);
      this.dispatchEvent(new AeResetPasswordErrorEvent({ code: failure.code }));
      if (TOKEN_CODES.has(failure.code)) {
        this.phase = failure.code as TokenCode;
        return;
      }
      this.checkFailure = failure;
      this.retryWait.start(failure.code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
      this.phase = 'unchecked';
    }
  }

  // ---- the form --------------------------------------------------------------------------------------------

  private get rules() {
    return { minLength: this.passwordMinLength, maxLength: this.passwordMaxLength };
  }

  private issueFor(field: NewPasswordField): ValidationIssue | undefined {
    if (this.serverIssues[field]) return this.serverIssues[field];
    const v = this.v;
    if (!v) return undefined;
    const issue = v.validateNewPassword(this.values, this.rules)[field];
    if (issue) return issue;
    if (field === 'password' && this.common?.value === this.values.password) return this.common.issue;
    return undefined;
  }

  private visibleIssue(field: NewPasswordField): ValidationIssue | undefined {
    return this.shown.has(field) || this.serverIssues[field] ? this.issueFor(field) : undefined;
  }

  /** Looks the password up in the list of common passwords (its chunk is preloaded when the form appears). */
  private async checkCommon(value: string): Promise<void> {
    const v = this.v;
    if (!v || (this.common && this.common.value === value)) return;
    let issue: ValidationIssue | undefined;
    try {
      issue = await v.commonPasswordIssue(value);
    } catch {
      return; // the list could not be loaded: the server checks too
    }
    if (this.values.password === value) this.common = { value, issue };
  }

  private clearPasswords(): void {
    for (const input of this.querySelectorAll<HTMLInputElement>('input[type="password"], input[name^="password"]')) {
      input.value = '';
    }
    this.values = { password: '', passwordRepeat: '' };
    this.common = undefined;
  }

  /** The form as new: for a new link, or after it was used. */
  private resetForm(): void {
    this.clearPasswords();
    this.shown = new Set();
    this.serverIssues = {};
    this.topError = undefined;
    this.pending = false;
    this.revealed = false;
    this.capsLock = undefined;
    this.signOutOthers = true;
    this.swapFailed = false;
  }

  private focusField(field: NewPasswordField): void {
    const input = this.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    input?.focus();
    input?.scrollIntoView?.({ block: 'center' });
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const name = input.name as NewPasswordField;
    if (!FIELDS.includes(name)) return;
    this.values = { ...this.values, [name]: input.value };
    if (this.serverIssues[name]) {
      const { [name]: _removed, ...rest } = this.serverIssues;
      this.serverIssues = rest;
    }
  }

  private onChange(e: Event): void {
    const name = (e.target as HTMLInputElement).name as NewPasswordField;
    if (!FIELDS.includes(name)) return;
    if (name === 'password') void this.checkCommon(this.values.password);
    if (!this.shown.has(name)) this.press.run(() => (this.shown = new Set(this.shown).add(name)));
  }

  private onKey(e: KeyboardEvent): void {
    const name = (e.target as HTMLInputElement).name as NewPasswordField;
    if (!FIELDS.includes(name) || typeof e.getModifierState !== 'function') return;
    const on = e.getModifierState('CapsLock');
    this.capsLock = on ? name : this.capsLock === name ? undefined : this.capsLock;
  }

  private onPasswordBlur(e: FocusEvent): void {
    if (this.capsLock === (e.target as HTMLInputElement).name) this.capsLock = undefined;
  }

  private readonly togglePassword = (): void => {
    this.revealed = !this.revealed;
  };

  private onSignOutOthers(e: Event): void {
    this.signOutOthers = (e.target as HTMLInputElement).checked;
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // One call per submission, however many clicks or Enter presses arrive while it runs.
    if (this.pending || this.disabled || this.checking || !this.activeToken) return;
    this.checking = true;
    try {
      const v = await this.ensureValidation();
      this.topError = undefined;
      this.shown = new Set(FIELDS);
      if (!v.validateNewPassword(this.values, this.rules).password) await this.checkCommon(this.values.password);
    } catch {
      this.topError = { code: 'network' }; // the validation chunk could not be loaded
      return;
    } finally {
      this.checking = false;
    }
    const invalid = FIELDS.find((f) => this.issueFor(f));
    if (invalid) {
      await this.updateComplete;
      this.focusField(invalid);
      return;
    }
    const token = this.activeToken;
    const signOutOthers = this.signOutOthers;
    this.pending = true;
    const controller = (this.submitController = new AbortController());
    try {
      await (await needCapability(this.resolvedAdapter, 'passwordReset', 'resetPassword')).resetPassword(
        { token, password: this.values.password, signOutOthers },
        { signal: controller.signal },
      );
      if (controller.signal.aborted) return;
      this.clearPasswords();
      this.signedOutOthers = signOutOthers;
      this.phase = 'done';
      this.dispatchEvent(new AeResetPasswordSuccessEvent({ signedOutOthers: signOutOthers }));
    } catch (error) {
      if (controller.signal.aborted) return;
      await this.handleFailure(failureOf(error));
    } finally {
      if (this.submitController === controller) this.pending = false;
    }
  }

  private async handleFailure(failure: Failure): Promise<void> {
    const { code, field } = failure;
    this.dispatchEvent(new AeResetPasswordErrorEvent(field ? { code, field } : { code }));
    if (TOKEN_CODES.has(code)) {
      // The link stopped working meanwhile (expired, used in another tab): the form has nothing left to do.
      this.clearPasswords();
      this.phase = code as TokenCode;
      return;
    }
    if (code === 'validation') {
      const issues: Partial<Record<NewPasswordField, ValidationIssue>> = {};
      for (const [f, c] of Object.entries(failure.fieldErrors ?? {})) {
        if ((FIELDS as readonly string[]).includes(f)) issues[f as NewPasswordField] = { code: c };
      }
      const first = FIELDS.find((f) => issues[f]);
      if (first) {
        this.serverIssues = { ...this.serverIssues, ...issues };
        this.shown = new Set(FIELDS);
        await this.updateComplete;
        this.focusField(first);
        return;
      }
    }
    this.topError = failure;
    this.retryWait.start(code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ae-banner')?.focus();
  }

  private onRetry(): void {
    if (!this.retryWait.left) this.form?.requestSubmit();
  }

  private onRetryCheck(): void {
    if (this.activeToken && !this.retryWait.left) void this.check(this.activeToken);
  }

  /** `form.submit()` from a page script fires no submit event: it goes through the same path as a press. */
  private readonly guardedSubmit = (): void => this.form?.requestSubmit();

  private async onRequestLink(): Promise<void> {
    const event = new AeResetPasswordRequestLinkEvent();
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.swapFailed = false;
    try {
      await loadForgotPassword();
    } catch {
      this.swapFailed = true;
      return;
    }
    this.swap = 'forgot';
  }

  private onSignIn(): void {
    const event = new AeResetPasswordSignInEvent();
    this.dispatchEvent(event);
    if (event.defaultPrevented || !customElements.get('ae-login')) return;
    this.swap = 'login';
  }

  // ---- texts -----------------------------------------------------------------------------------------------

  /** The text of a failure: of the check of the link (nothing typed yet), or of saving the new password. */
  private failureText(failure: Failure, during: 'check' | 'save' = 'save'): string {
    switch (failure.code) {
      case 'network':
      case 'timeout':
        return connectionFailureText(failure.code);
      case 'rate_limited':
        return retryWaitText(this.retryWait.left, failure.retryAfter !== undefined);
      case 'unsupported':
        return unsupportedText();
      case 'validation':
        return msg('Some of the details were not accepted. Check the form and try again.', {
          id: 'register.error.validation',
          desc: 'Message at the top of the form when the server refused a field this form cannot point at.',
        });
      default:
        if (during === 'check') {
          return msg('Something went wrong on our side. Try again in a moment.', {
            id: 'reset.check.server',
            desc: 'Shown when the server failed while the password reset link was being checked; a "Try again" button follows.',
          });
        }
        return msg('Something went wrong on our side. Try again: what you typed is kept.', {
          id: 'reset.error.server',
          desc: 'Message at the top of the new-password form when the server failed; the typed passwords are kept.',
        });
    }
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderRequestLink(): TemplateResult {
    return html`<button class="ae-button ae-submit" type="button" @click=${this.onRequestLink}>
      ${msg('Request a new link', {
        id: 'reset.requestLink',
        desc: 'Button under an unknown, expired or used reset link: opens the form that sends a new letter.',
      })}
    </button>`;
  }

  private renderSignIn(primary: boolean): TemplateResult {
    return html`<button class=${primary ? 'ae-button ae-submit' : 'ae-link'} type="button" @click=${this.onSignIn}>
      ${msg('Sign in', { id: 'reset.signIn', desc: 'Button that opens the sign-in form after the password was changed (or after a used link).' })}
    </button>`;
  }

  /** A state with a heading (focused when it appears), its texts and its way forward. */
  private renderState(kind: string, heading: string, texts: string[], actions: TemplateResult): TemplateResult {
    return html`<div class="ae-success" data-state=${kind}>
      <h3 tabindex="-1">${heading}</h3>
      ${texts.map((t) => html`<p>${t}</p>`)}
      <div role="alert">${this.swapFailed ? html`<p class="ae-error">${connectionFailureText('network')}</p>` : nothing}</div>
      <div class="ae-actions">${actions}</div>
    </div>`;
  }

  private renderLinkState(code: TokenCode | 'idle'): TemplateResult {
    switch (code) {
      case 'token_expired':
        return this.renderState(
          'expired',
          msg('The link has expired', { id: 'reset.expired.heading', desc: 'Heading when the password reset link is too old.' }),
          [
            msg('For your safety a reset link works only for a short time. Ask for a new letter with a fresh link.', {
              id: 'reset.expired.text',
              desc: 'Shown under "The link has expired", above "Request a new link".',
            }),
          ],
          this.renderRequestLink(),
        );
      case 'token_used':
        return this.renderState(
          'used',
          msg('This link was already used', { id: 'reset.used.heading', desc: 'Heading when the password reset link was used before.' }),
          [
            msg('Each link works once. If you have just set a new password, sign in with it; otherwise ask for a new letter.', {
              id: 'reset.used.text',
              desc: 'Shown under "This link was already used", above "Request a new link" and "Sign in".',
            }),
          ],
          html`${this.renderRequestLink()} ${this.renderSignIn(false)}`,
        );
      case 'token_invalid':
        return this.renderState(
          'invalid',
          msg('This link is not valid', {
            id: 'reset.invalid.heading',
            desc: 'Heading when the password reset link is unknown (mistyped, or replaced by a newer letter).',
          }),
          [
            msg('Open the link from the newest letter we sent: a new letter makes the older links stop working. Or ask for a new letter.', {
              id: 'reset.invalid.text',
              desc: 'Shown under "This link is not valid", above "Request a new link".',
            }),
          ],
          this.renderRequestLink(),
        );
      default:
        return this.renderState(
          'idle',
          msg('Open the link from the letter', { id: 'reset.idle.heading', desc: 'Heading when the page was opened without a reset link.' }),
          [
            msg('To choose a new password, open the link from the letter we sent you. No letter? Ask for a new one.', {
              id: 'reset.idle.text',
              desc: 'Shown when the page was opened without a reset link, above "Request a new link".',
            }),
          ],
          this.renderRequestLink(),
        );
    }
  }

  private renderUnchecked(failure: Failure): TemplateResult {
    const titleId = `${this.uid}-unchecked`;
    return html`<div class="ae-banner" role="alert" tabindex="-1" aria-labelledby=${titleId} data-state="unchecked">
      <h3 class="ae-summary-title" id=${titleId}>
        ${msg('Could not check the link', {
          id: 'reset.unchecked.heading',
          desc: 'Heading when the password reset link could not be checked because of a connection or server problem.',
        })}
      </h3>
      <p>${this.failureText(failure, 'check')}</p>
      ${RETRYABLE.has(failure.code)
        ? html`<button class="ae-button" type="button" aria-disabled=${this.retryWait.left ? 'true' : 'false'} @click=${this.onRetryCheck}>
            ${msg('Try again', { id: 'reset.retryCheck', desc: 'Button that checks the reset link again after a connection or server error.' })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderDone(): TemplateResult {
    const texts = [
      ...(this.signedOutOthers
        ? [
            msg('You were signed out on all other devices.', {
              id: 'reset.done.signedOut',
              desc: 'Shown after the password was changed with "Sign out of all other devices" checked.',
            }),
          ]
        : []),
      msg('Sign in with your new password.', { id: 'reset.done.text', desc: 'Shown after the password was changed, above "Sign in".' }),
    ];
    return html`<div role="status">
      ${this.renderState(
        'done',
        msg('Your password is changed', { id: 'reset.done.heading', desc: 'Heading after the new password was saved.' }),
        texts,
        this.renderSignIn(true),
      )}
    </div>`;
  }

  private renderField(name: NewPasswordField): TemplateResult {
    const issue = this.visibleIssue(name);
    const id = `${this.uid}-${name}`;
    return field({
      id,
      name,
      label:
        name === 'password'
          ? msg('New password', { id: 'reset.password.label', desc: 'Label of the new password field.' })
          : msg('Repeat password', {
              id: 'reset.passwordRepeat.label',
              desc: 'Label of the second new password field, where the new password is typed again.',
            }),
      type: this.revealed ? 'text' : 'password',
      autocomplete: 'new-password',
      ...(name === 'password'
        ? {
            hint: msg(str`At least ${charactersText(this.passwordMinLength)}, with at least one letter and one digit.`, {
              id: 'register.password.hint',
              desc: 'Hint between the password label and its field; the placeholder is a counted number of characters ("8 characters").',
            }),
            trailing: revealButton(this.revealed, `${this.uid}-password ${this.uid}-passwordRepeat`, this.togglePassword),
          }
        : {}),
      ...(issue && this.v ? { error: this.v.validationMessage(issue, name) } : {}),
      ...(this.capsLock === name ? { warning: capsLockText() } : {}),
      ...(name === 'passwordRepeat' && !issue ? matchStatus(this.values.password, this.values.passwordRepeat) : {}),
      onInput: this.onInput,
      onChange: this.onChange,
      onKey: this.onKey,
      onBlur: this.onPasswordBlur,
    });
  }

  private renderForm(): TemplateResult {
    const hintId = `${this.uid}-sign-out-hint`;
    return html`<p class="ae-greeting" tabindex="-1">
        ${msg(str`Choose a new password for ${this.maskedEmail}.`, {
          id: 'reset.greeting',
          desc: 'Above the new password fields; the placeholder is the masked e-mail address of the profile (i***@example.com).',
        })}
      </p>
      <form
        class="ae-form"
        method="post"
        .submit=${this.guardedSubmit}
        novalidate
        aria-busy=${this.pending ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @pointerdown=${this.press.onPointerDown}
      >
        ${this.topError
          ? html`<div class="ae-banner" role="alert" tabindex="-1">
              <p>${this.failureText(this.topError)}</p>
              ${RETRYABLE.has(this.topError.code)
                ? html`<button class="ae-button" type="button" aria-disabled=${this.retryWait.left ? 'true' : 'false'} @click=${this.onRetry}>
                    ${msg('Try again', { id: 'reset.retry', desc: 'Button that sends the new password again after a connection or server error.' })}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
          ${this.renderField('password')} ${this.renderField('passwordRepeat')}
          <div class="ae-option">
            <label class="ae-check">
              <input
                type="checkbox"
                name="signOutOthers"
                .checked=${this.signOutOthers}
                aria-describedby=${hintId}
                @change=${this.onSignOutOthers}
              />
              <span>${msg('Sign out of all other devices', { id: 'reset.signOutOthers', desc: 'Checkbox under the new password fields (checked by default).' })}</span>
            </label>
            <p class="ae-hint" id=${hintId}>
              ${msg('Recommended if someone else may know your old password.', {
                id: 'reset.signOutOthers.hint',
                desc: 'Hint under the "Sign out of all other devices" checkbox.',
              })}
            </p>
          </div>
        </fieldset>
        ${submitButton(
          this.pending,
          this.disabled,
          msg('Save password', { id: 'reset.submit', desc: 'Submit button of the new password form.' }),
          msg('Saving…', { id: 'reset.submitting', desc: 'Submit button text while the new password is being saved.' }),
        )}
      </form>`;
  }

  private renderPhase(): TemplateResult {
    switch (this.phase) {
      case 'checking':
        return html`<p class="ae-checking" role="status">
          <span class="ae-spinner" aria-hidden="true"></span>${msg('Checking the link…', {
            id: 'reset.checking',
            desc: 'Shown while the password reset link from the letter is being checked.',
          })}
        </p>`;
      case 'unchecked':
        return this.checkFailure ? this.renderUnchecked(this.checkFailure) : html``;
      case 'form':
        return this.renderForm();
      case 'done':
        return this.renderDone();
      default:
        return this.renderLinkState(this.phase);
    }
  }

  private renderLight(): TemplateResult {
    if (this.swap === 'forgot') {
      return html`<ae-forgot-password tabindex="-1" .adapter=${this.resolvedAdapter} theme=${this.theme ?? nothing}></ae-forgot-password>`;
    }
    if (this.swap === 'login') {
      return html`<ae-login tabindex="-1" .adapter=${this.resolvedAdapter} theme=${this.theme ?? nothing}></ae-login>`;
    }
    return html`<div class="ae-root" lang=${getLocale()} aria-busy=${this.phase === 'checking' ? 'true' : 'false'}>
      ${this.renderPhase()}
    </div>`;
  }

  protected override render(): TemplateResult {
    // With another element in its place, no frame of its own: that element brings its own.
    if (this.swap) return html`<slot></slot>`;
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header"
        ><h2 part="heading">${msg('Reset password', { id: 'reset.heading', desc: 'Default heading of the page that sets a new password from the reset link.' })}</h2></slot
      >
      <slot></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
