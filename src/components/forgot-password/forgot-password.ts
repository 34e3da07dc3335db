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
import { field, submitButton } from '../../internal/field.js';
import { maskEmail } from '../../internal/mask-email.js';
import { CountdownController } from '../../internal/countdown.js';
import { failureOf, type Failure } from '../../internal/failure.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { needCapability } from '../../internal/need-capability.js';
import type { PasswordResetCapability } from '../../adapter/types.js';
import type { ValidationIssue } from '../../validation/validate.js';
import { getLocale } from '../../locales/localization.js';
import { secondsText } from '../../locales/units.js';
import { connectionFailureText, retryWaitText, unsupportedText } from '../../locales/failure-messages.js';
import {
  AeForgotPasswordErrorEvent,
  AeForgotPasswordBackEvent,
  AeResetRequestedEvent,
} from '../../events/password-events.js';
import { forgotPasswordLightStyles, forgotPasswordStyles } from './forgot-password.styles.js';
import { PressGuard } from '../../internal/press-guard.js';

/** Failures after which "Try again" sends the same request again: the server did not judge the address. */
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);

let instances = 0;

type Validation = typeof import('./forgot-password-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The e-mail schema and messages, in their own chunk (see forgot-password-validation.ts). */
function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('./forgot-password-validation.js').catch((e: unknown) => {
    validationModule = undefined; // a failed chunk load may succeed on the next try
    throw e;
  }));
}

/** `ancestor` holds `node`, across shadow boundaries. */
function insideOf(localName: string, node: Node): boolean {
  for (let n: Node | null = node.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n instanceof Element && n.localName === localName) return true;
  }
  return false;
}

function seconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * @tagname ae-forgot-password
 * @summary "Forgot password?": the e-mail address, "Send link", and then, whatever the address, the same
 * answer: "If i***@example.com is registered, a letter with a link is on its way", with "Send again" after a
 * cooldown and "Use another address". "Back to sign-in" under it. Works with no configuration on the
 * embedded `MemoryAdapter`.
 *
 * The answer never tells whether the address is registered (OWASP Forgot Password cheat sheet): a registered
 * and an unknown address get the same state and the same event. The `<form>` and its `<input>` are rendered
 * into the element's light DOM, so autofill and password managers see them (`autocomplete="username"`: the
 * address here is the identifier the person signs in with, the one the password manager keeps for this site).
 *
 * @slot header - Logo and heading above the form. Default: the heading "Forgot password?".
 * @slot footer - Links under everything.
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-forgot-password-max-width - Maximum width of the element (30rem).
 * @cssprop --ae-forgot-password-padding - Inner spacing of the frame.
 * @cssprop --ae-forgot-password-border-color - Border of the frame.
 * @cssprop --ae-color-primary - Brand color of the buttons and links.
 *
 * @cssstate pending - The request is under way.
 * @cssstate sent - The answer is shown ("a letter with a link is on its way").
 *
 * @fires ae-reset-requested - A letter was asked for (the first or "Send again"): `{ email }`, the address as
 * typed, for a registered and an unknown address alike.
 * @fires ae-forgot-password-error - The request failed: `{ code, field? }`; what was typed is kept.
 * @fires ae-forgot-password-back - "Back to sign-in": `{ email }`. Cancelable; by default an `<ae-login>`
 * (when defined, and this element is not inside one) takes this element's place.
 */
export class AeForgotPassword extends AeElement<PasswordResetCapability> {
  static override styles = forgotPasswordStyles;

  private readonly uid = `ae-forgot-password-${++instances}`;
  private readonly internals = this.attachInternals();
  /** The wait the server asked for (`Retry-After`) before "Try again" works. */
  private readonly retryWait = new CountdownController(this);
  /** The wait before "Send again" works: the `cooldown` after a letter, or the server's `Retry-After`. */
  private readonly resendWait = new CountdownController(this);
  private readonly press = new PressGuard(this);
  private submitController?: AbortController;
  private resendController?: AbortController;
  private checking = false;
  private cooldownStartedAt = 0;
  private cooldownFromServer = false;
  /** A value of `email` to put into the field at the next render. */
  private prefill?: string;

  /** What the e-mail field holds (mirrored from its `input` events; the field's value is never bound). */
  @state() private typed = '';
  /** The field's message is shown (touched and changed, or after a submit). */
  @state() private shown = false;
  /** The error the server reported for the address; cleared when the field changes. */
  @state() private serverIssue?: ValidationIssue;
  @state() private topError?: Failure;
  @state() private pending = false;
  /** The address the letter was asked for: the answer is shown. */
  @state() private sent?: { email: string };
  @state() private resending = false;
  @state() private resent = false;
  @state() private resendFailure?: Failure;
  /** An `<ae-login>` took this element's place ("Back to sign-in"). */
  @state() private signingIn = false;
  /** The validation module, once loaded (right after connecting). */
  @state() private v?: Validation;

  /** The address to start from (the sign-in form's e-mail, say). Setting it fills the field. */
  @property() email?: string;
  /** Seconds before "Send again" works after a letter was asked for (default 60). */
  @property({ type: Number }) cooldown = 60;
  /** Disables the form. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override connectedCallback(): void {
    adoptLightStyles(this, formLightStyles);
    adoptLightStyles(this, forgotPasswordLightStyles);
    super.connectedCallback();
  }

  protected override startLoads(): void {
    void this.ensureValidation().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.submitController?.abort();
    this.resendController?.abort();
    this.pending = false;
    this.resending = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('email') && (this.email ?? '') !== (changed.get('email') ?? '')) {
      this.typed = this.email ?? '';
      this.prefill = this.typed;
      this.serverIssue = undefined;
    }
    if (changed.has('cooldown') && this.cooldownStartedAt > 0 && !this.cooldownFromServer) {
      this.resendWait.start(seconds(this.cooldown) - (Date.now() - this.cooldownStartedAt) / 1000);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.pending || this.resending);
    setCustomState(this.internals, 'sent', !!this.sent);
    // The form lives in the light DOM (autofill, password managers), next to any slotted content of the page.
    render(this.renderLight(), this, { host: this });
    if (this.prefill !== undefined) {
      const input = this.emailInput;
      if (input) input.value = this.prefill;
      this.prefill = undefined;
    }
  }

  /** The `<form>` element (light DOM). */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  private get emailInput(): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>('input[name="email"]');
  }

  private async ensureValidation(): Promise<Validation> {
    return (this.v ??= await loadValidation());
  }

  // ---- state helpers -------------------------------------------------------------------------------------

  private issue(): ValidationIssue | undefined {
    return this.serverIssue ?? this.v?.emailIssue(this.typed);
  }

  private visibleIssue(): ValidationIssue | undefined {
    return this.shown || this.serverIssue ? this.issue() : undefined;
  }

  private startCooldown(duration: number, fromServer: boolean): void {
    this.cooldownStartedAt = Date.now();
    this.cooldownFromServer = fromServer;
    this.resendWait.start(seconds(duration));
  }

  // ---- the request -----------------------------------------------------------------------------------------

  /** Asks for the letter; the first time from the form (`again` false), then from "Send again". */
  private async request(email: string, again: boolean): Promise<void> {
    const controller = new AbortController();
    if (again) {
      this.resendController = controller;
      this.resending = true;
      this.resent = false;
      this.resendFailure = undefined;
    } else {
      this.submitController = controller;
      this.pending = true;
      this.topError = undefined;
    }
    try {
      await (await needCapability(this.resolvedAdapter, 'passwordReset', 'requestPasswordReset')).requestPasswordReset(email, {
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.sent = { email };
      this.resent = again;
      this.startCooldown(this.cooldown, false);
      this.dispatchEvent(new AeResetRequestedEvent({ email }));
      if (!again) {
        await this.updateComplete;
        this.querySelector<HTMLElement>('.ae-success h3')?.focus();
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = failureOf(error);
      this.dispatchEvent(new AeForgotPasswordErrorEvent(failure.field ? { code: failure.code, field: failure.field } : { code: failure.code }));
      if (again) {
        this.resendFailure = failure;
        if (failure.code === 'rate_limited') {
          this.startCooldown(failure.retryAfter ?? this.cooldown, failure.retryAfter !== undefined);
        }
      } else await this.handleFailure(failure);
    } finally {
      if (again && this.resendController === controller) this.resending = false;
      if (!again && this.submitController === controller) this.pending = false;
    }
  }

  private async handleFailure(failure: Failure): Promise<void> {
    const emailCode = failure.fieldErrors?.email ?? (failure.field === 'email' ? 'email.invalid' : undefined);
    if (failure.code === 'validation' && emailCode) {
      this.serverIssue = { code: emailCode };
      this.shown = true;
      await this.updateComplete;
      this.emailInput?.focus();
      return;
    }
    this.topError = failure;
    this.retryWait.start(failure.code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ae-banner')?.focus();
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private onInput(e: Event): void {
    this.typed = (e.target as HTMLInputElement).value;
    this.serverIssue = undefined;
  }

  private onChange(): void {
    if (!this.shown) this.press.run(() => (this.shown = true));
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // One call per submission, however many clicks or Enter presses arrive while it runs.
    if (this.pending || this.disabled || this.checking) return;
    if (!this.v) {
      this.checking = true;
      try {
        await this.ensureValidation();
      } catch {
        this.topError = { code: 'network' }; // the validation chunk could not be loaded
        return;
      } finally {
        this.checking = false;
      }
    }
    this.topError = undefined;
    this.shown = true;
    if (this.issue()) {
      await this.updateComplete;
      this.emailInput?.focus();
      return;
    }
    await this.request(this.typed.trim(), false);
  }

  /** `form.submit()` from a page script fires no submit event: it goes through the same path as a press. */
  private readonly guardedSubmit = (): void => this.form?.requestSubmit();

  private onRetry(): void {
    if (!this.retryWait.left) this.form?.requestSubmit();
  }

  private onResend(): void {
    if (!this.sent || this.resending || this.resendWait.left > 0) return;
    void this.request(this.sent.email, true);
  }

  private onAnotherAddress(): void {
    this.resendController?.abort();
    this.resending = false;
    this.sent = undefined;
    this.resent = false;
    this.resendFailure = undefined;
    void this.updateComplete.then(() => {
      const input = this.emailInput;
      input?.focus();
      input?.select();
    });
  }

  private onSignIn(): void {
    const event = new AeForgotPasswordBackEvent({ email: this.typed.trim() });
    this.dispatchEvent(event);
    if (event.defaultPrevented || !customElements.get('ae-login') || insideOf('ae-login', this)) return;
    this.submitController?.abort();
    this.resendController?.abort();
    this.signingIn = true;
  }

  // ---- texts -----------------------------------------------------------------------------------------------

  private failureText(failure: Failure, left: number): string {
    switch (failure.code) {
      case 'network':
      case 'timeout':
        return connectionFailureText(failure.code);
      case 'rate_limited':
        return retryWaitText(left, failure.retryAfter !== undefined);
      case 'unsupported':
        return unsupportedText();
      case 'validation':
        return msg('Some of the details were not accepted. Check the form and try again.', {
          id: 'register.error.validation',
          desc: 'Message at the top of the form when the server refused a field this form cannot point at.',
        });
      default:
        return msg('Something went wrong on our side. Try again: what you typed is kept.', {
          id: 'forgot.error.server',
          desc: 'Message at the top of the "forgot password" form when the server failed; the typed address is kept.',
        });
    }
  }

  private resendErrorText(failure: Failure): string {
    if (failure.code !== 'rate_limited') return this.failureText(failure, 0);
    return msg('Too many attempts. Send again when the countdown on the button ends.', {
      id: 'activate.resend.rateLimited',
      desc: 'Shown when the server refused to send a new letter so soon; the "Send again" button counts the seconds down.',
    });
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderResendButton(): TemplateResult {
    const left = this.resendWait.left;
    const label = this.resending
      ? msg('Sending…', { id: 'forgot.resend.sending', desc: 'The "Send again" button while the new reset letter is asked for.' })
      : left > 0
        ? msg(str`Send again in ${secondsText(left)}`, {
            id: 'forgot.resend.cooldown',
            desc: 'The "Send again" button (a new password reset letter) while it waits; the placeholder is a duration counting down, like "42 seconds" (ru: через 42 секунды).',
          })
        : msg('Send again', { id: 'forgot.resend', desc: 'Button that asks for the password reset letter again.' });
    return html`<button
      class="ae-button ae-resend"
      type="button"
      aria-disabled=${this.resending || left > 0 ? 'true' : 'false'}
      @click=${this.onResend}
    >
      ${label}
    </button>`;
  }

  private renderSent(email: string): TemplateResult {
    const titleId = `${this.uid}-sent-title`;
    return html`<div class="ae-success" data-state="sent">
      <h3 id=${titleId} tabindex="-1">
        ${msg('Check your e-mail', { id: 'forgot.sent.heading', desc: 'Heading after a password reset letter was asked for.' })}
      </h3>
      <div class="ae-success" role="status">
        <p>
          ${msg(str`If ${maskEmail(email)} is registered, a letter with a link is on its way.`, {
            id: 'forgot.sent.text',
            desc: 'The same answer for any address (it must not tell whether the address is registered). The placeholder is the masked address (i***@example.com).',
          })}
        </p>
        <p class="ae-hint">
          ${msg('The link works once and only for a short time. No letter after a few minutes? Look in the spam folder or send it again.', {
            id: 'forgot.sent.hint',
            desc: 'Hint under the answer, above the "Send again" button.',
          })}
        </p>
        ${this.resent
          ? html`<div class="ae-notice">
              <p>
                ${msg('If this address is registered, a new letter is on its way. Only the link in the newest letter works.', {
                  id: 'forgot.resend.done',
                  desc: 'Shown after "Send again"; a new letter voids the links of the older ones. Must not tell whether the address is registered.',
                })}
              </p>
            </div>`
          : nothing}
      </div>
      <div role="alert">
        ${this.resendFailure ? html`<p class="ae-error">${this.resendErrorText(this.resendFailure)}</p>` : nothing}
      </div>
      <div class="ae-actions">
        ${this.renderResendButton()}
        <button class="ae-link" type="button" @click=${this.onAnotherAddress}>
          ${msg('Use another address', {
            id: 'forgot.changeEmail',
            desc: 'Link-style button that shows the e-mail field again to ask for the letter for another address.',
          })}
        </button>
      </div>
    </div>`;
  }

  private renderTopError(failure: Failure): TemplateResult {
    return html`<div class="ae-banner" role="alert" tabindex="-1">
      <p>${this.failureText(failure, this.retryWait.left)}</p>
      ${RETRYABLE.has(failure.code)
        ? html`<button
            class="ae-button"
            type="button"
            aria-disabled=${this.retryWait.left ? 'true' : 'false'}
            @click=${this.onRetry}
          >
            ${msg('Try again', { id: 'forgot.retry', desc: 'Button that asks for the reset letter again after a connection or server error.' })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderLight(): TemplateResult {
    if (this.signingIn) {
      return html`<ae-login .adapter=${this.resolvedAdapter} .email=${this.typed.trim()} theme=${this.theme ?? nothing}></ae-login>`;
    }
    const issue = this.visibleIssue();
    return html`<div class="ae-root" lang=${getLocale()}>
      ${this.sent ? this.renderSent(this.sent.email) : nothing}
      <form
        class="ae-form"
        method="post"
        .submit=${this.guardedSubmit}
        ?hidden=${!!this.sent}
        novalidate
        aria-busy=${this.pending ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @pointerdown=${this.press.onPointerDown}
      >
        <p class="ae-hint" id=${`${this.uid}-intro`}>
          ${msg('Enter the e-mail address of your profile. We will send you a link to choose a new password.', {
            id: 'forgot.intro',
            desc: 'Text above the e-mail field of the "forgot password" form.',
          })}
        </p>
        ${this.topError ? this.renderTopError(this.topError) : nothing}
        <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
          ${field({
            id: `${this.uid}-email`,
            name: 'email',
            label: msg('E-mail', { id: 'forgot.email.label', desc: 'Label of the e-mail field of the "forgot password" form.' }),
            type: 'email',
            autocomplete: 'username',
            inputmode: 'email',
            describedBy: `${this.uid}-intro`,
            ...(issue && this.v ? { error: this.v.validationMessage(issue, 'email') } : {}),
            onInput: this.onInput,
            onChange: this.onChange,
          })}
        </fieldset>
        ${submitButton(
          this.pending,
          this.disabled,
          msg('Send link', { id: 'forgot.submit', desc: 'Submit button of the "forgot password" form: sends the letter with the reset link.' }),
          msg('Sending…', { id: 'forgot.submitting', desc: 'Submit button text while the reset letter is asked for.' }),
        )}
      </form>
      <p class="ae-note ae-back">
        <button class="ae-link" type="button" @click=${this.onSignIn}>
          ${msg('Back to sign-in', { id: 'login.back', desc: 'Link back from registration or password recovery to the sign-in form.' })}
        </button>
      </p>
    </div>`;
  }

  protected override render(): TemplateResult {
    // With an <ae-login> in its place, no frame of its own: the sign-in form brings its own.
    if (this.signingIn) return html`<slot></slot>`;
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header"
        ><h2 part="heading">${msg('Forgot password?', { id: 'forgot.heading', desc: 'Default heading of the "forgot password" form.' })}</h2></slot
      >
      <slot></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
