import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { AeElement } from '../../internal/ae-element.js';
import { getLocale } from '../../locales/localization.js';
import { maskEmail } from '../../internal/mask-email.js';
import { activateStyles } from './activate.styles.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { failureOf, type Failure } from '../../internal/failure.js';
import { CountdownController } from '../../internal/countdown.js';
import { secondsText } from '../../locales/units.js';
import { connectionFailureText, retryWaitText, unsupportedText } from '../../locales/failure-messages.js';
import { needCapability } from '../../internal/need-capability.js';
import { takeTokenFromUrl } from '../../internal/token-from-url.js';
import { focusIsFree } from '../../internal/focus.js';
import type { ActivationCapability, RegistrationCapability } from '../../adapter/types.js';
import {
  AeActivateErrorEvent,
  AeActivateSuccessEvent,
  AeActivationResentEvent,
  AeActivateChangeEmailEvent,
} from '../../events/activate-events.js';

type EmailValidation = typeof import('./activate-validation.js');
let emailValidation: Promise<EmailValidation> | undefined;
function loadEmailValidation(): Promise<EmailValidation> {
  return (emailValidation ??= import('./activate-validation.js').catch((e: unknown) => {
    emailValidation = undefined;
    throw e;
  }));
}

/** What the element shows. */
type Phase = 'idle' | 'waiting' | 'verifying' | 'activated' | 'already' | 'error';

interface View {
  heading?: TemplateResult | string;
  headingPart?: string;
  status?: TemplateResult;
  alert?: TemplateResult;
  actions?: TemplateResult;
}

function seconds(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * @tagname ae-activate
 * @summary Profile activation after sign-up: "We sent a letter to i***@example.com" with "Send again" and
 * "Wrong address?" while the person waits for the letter; then, with the token from the letter's link,
 * the check of the link and "Hello, Maria! Your e-mail address … is confirmed", or what went wrong and
 * what to do next (a new letter, "Try again").
 *
 * Give it `email` right after registration (waiting for the letter), or `token` / `token-from-url` on the
 * page the letter's link opens. Works with no configuration on the embedded `MemoryAdapter`.
 * A change of state moves focus to the new heading when focus is not elsewhere on the page, and is
 * announced: texts in a polite live region, errors in an alert region.
 *
 * @slot activated - Shown under the confirmation once the profile is active (a "Sign in" or "Continue" link).
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The heading of every state (focused when the state changes).
 * @csspart greeting - The heading of the activated state ("Hello, Maria!"); also has the part `heading`.
 * @csspart spinner - The progress indicator while the link is checked.
 * @csspart status - Polite live region holding the texts of the state.
 * @csspart alert - Alert live region holding the errors.
 * @csspart message - The main text of a state.
 * @csspart confirmation - "Your e-mail address … is confirmed"; also has the part `message`.
 * @csspart hint - A secondary text (what to do next).
 * @csspart notice - "We sent a new letter".
 * @csspart error - An error of "Send again".
 * @csspart actions - The row of buttons.
 * @csspart resend - The "Send again" button (also the submit button of the e-mail form).
 * @csspart change-email - The "Wrong address?" button.
 * @csspart retry - The "Try again" button after a connection or server error.
 * @csspart email-form - The small form asking for the address when a new letter is needed and none is known.
 * @csspart label - The label of its e-mail field.
 * @csspart input - Its e-mail field.
 * @csspart field-hint - The hint under its label.
 * @csspart field-error - The error under its field.
 *
 * @cssprop --ae-activate-max-width - Maximum width of the element (28rem).
 * @cssprop --ae-activate-padding - Inner spacing of the frame.
 * @cssprop --ae-activate-border-color - Border of the frame.
 * @cssprop --ae-color-primary - Brand color of the buttons and links.
 *
 * @fires ae-activate-success - The profile was activated: `{ userId, email }` (never the token).
 * @fires ae-activate-error - The link did not activate the profile: `{ code }` (`already_active` included).
 * @fires ae-activation-resent - A new letter was sent on request: `{ email }`.
 * @fires ae-activate-change-email - "Wrong address?" was pressed: `{ email }`; the page shows its form again.
 */
export class AeActivate extends AeElement<ActivationCapability & RegistrationCapability> {
  static override styles = activateStyles;

  /** The wait the server asked for (`Retry-After`) before "Try again" checks the link again. */
  private readonly retryWait = new CountdownController(this);
  /** The wait before "Send again" works: the `cooldown` after a letter, or the server's `Retry-After`. */
  private readonly resendWait = new CountdownController(this);
  private verifyController?: AbortController;
  private resendController?: AbortController;
  /** The token whose activation was started; each token is sent once. */
  private startedToken?: string;
  /** The token taken from the page address (`token-from-url`). */
  private urlToken?: string;
  private urlChecked = false;
  private cooldownStartedAt = 0;
  /** The running cooldown came from the server (`retryAfter`), not from the `cooldown` property. */
  private cooldownFromServer = false;
  /** The state shown at the last render; a different one moves focus to its heading. */
  private lastView?: string;

  /** The e-mail rule for the inline form, loaded when that form first shows. */
  @state() private emailRule?: EmailValidation;
  @state() private phase: Phase = 'idle';
  @state() private result?: { firstName: string; email: string };
  @state() private failure?: Failure;
  @state() private resending = false;
  @state() private resendFailure?: Failure;
  /** A new letter was sent while waiting: shows "We sent a new letter". */
  @state() private resent = false;
  /** The address typed into the element's own form, once a letter was sent to it. */
  @state() private typedEmail?: string;
  @state() private formValue = '';
  @state() private formSubmitted = false;

  /** The address the letter went to: shown masked (i***@example.com); "Send again" sends to it. */
  @property() email?: string;
  /** The token from the letter's link. Setting it starts the activation, once per token. */
  @property() token?: string;
  /** Takes the token from the page address (`#token=`, or `?token=` of older letters) and removes it from there. */
  @property({ type: Boolean, attribute: 'token-from-url' }) tokenFromUrl = false;
  /** Seconds before "Send again" works once `email` is set (the server starts such a wait at registration). */
  @property({ type: Number }) cooldown = 60;

  protected override startLoads(): void {
    // Reconnected: resume an activation that a disconnect aborted (the countdowns resume by themselves).
    if (this.hasUpdated) this.syncToken();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.verifyController?.abort();
    this.resendController?.abort();
    this.resending = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('tokenFromUrl')) this.syncToken();
    if (changed.has('email') && (changed.get('email') ?? '') !== (this.email ?? '')) this.onEmailChange();
    if (changed.has('cooldown') && this.cooldownStartedAt > 0 && !this.cooldownFromServer) {
      this.resendWait.start(seconds(this.cooldown) - (Date.now() - this.cooldownStartedAt) / 1000);
    }
  }

  protected override updated(): void {
    const view = this.viewKey;
    if (this.lastView !== undefined && view !== this.lastView && this.phase !== 'idle' && focusIsFree(this)) {
      this.focus();
    }
    this.lastView = view;
  }

  /** Moves focus to the heading of the current state. */
  override focus(options?: FocusOptions): void {
    const heading = this.shadowRoot?.querySelector<HTMLElement>('[part~="heading"]');
    if (heading) heading.focus(options);
    else super.focus(options);
  }

  // ---- reactions -------------------------------------------------------------------------------------------

  /** Starts the activation when the effective token changed; returns to waiting when it was removed. */
  private syncToken(): void {
    if (this.tokenFromUrl && !this.urlChecked) {
      this.urlChecked = true;
      this.urlToken = takeTokenFromUrl();
    }
    const token = this.token || this.urlToken || undefined;
    // A check that a disconnect aborted counts as not done.
    const interrupted = this.phase === 'verifying' && !!this.verifyController?.signal.aborted;
    if (token) {
      if (token !== this.startedToken || interrupted) void this.verify(token);
      return;
    }
    if (this.startedToken === undefined) return;
    this.verifyController?.abort();
    this.startedToken = undefined;
    this.result = undefined;
    this.failure = undefined;
    this.phase = this.email ? 'waiting' : 'idle';
  }

  private onEmailChange(): void {
    this.resendController?.abort();
    this.resending = false;
    this.resent = false;
    this.resendFailure = undefined;
    this.typedEmail = undefined;
    // With a token the address only serves "Send again" if the link fails.
    if (this.startedToken) return;
    this.phase = this.email ? 'waiting' : 'idle';
    if (this.email) this.startCooldown(this.cooldown, false);
  }

  private async verify(token: string): Promise<void> {
    this.verifyController?.abort();
    const controller = (this.verifyController = new AbortController());
    this.startedToken = token;
    this.phase = 'verifying';
    this.result = undefined;
    this.failure = undefined;
    this.resent = false;
    this.resendFailure = undefined;
    try {
      const result = await (await needCapability(this.resolvedAdapter, 'activation', 'activate')).activate(token, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.result = { firstName: result.firstName, email: result.email };
      this.phase = 'activated';
      this.dispatchEvent(new AeActivateSuccessEvent({ userId: result.userId, email: result.email }));
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = failureOf(error);
      this.failure = failure;
      this.phase = failure.code === 'already_active' ? 'already' : 'error';
      this.retryWait.start(failure.code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
      this.dispatchEvent(new AeActivateErrorEvent({ code: failure.code }));
    }
  }

  private async resend(email: string, typed: boolean): Promise<void> {
    if (this.resending || this.cooldownLeft() > 0) return;
    const controller = (this.resendController = new AbortController());
    this.resending = true;
    this.resent = false;
    this.resendFailure = undefined;
    try {
      await (await needCapability(this.resolvedAdapter, 'registration', 'resendActivation')).resendActivation(email, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (this.phase === 'waiting') this.resent = true;
      else this.phase = 'waiting';
      this.typedEmail = typed ? email : undefined;
      this.startCooldown(this.cooldown, false);
      this.dispatchEvent(new AeActivationResentEvent({ email }));
    } catch (error) {
      if (controller.signal.aborted) return;
      const failure = failureOf(error);
      this.resendFailure = failure;
      if (failure.code === 'rate_limited') {
        this.startCooldown(failure.retryAfter ?? this.cooldown, failure.retryAfter !== undefined);
      }
    } finally {
      if (this.resendController === controller) this.resending = false;
    }
  }

  // ---- countdown -------------------------------------------------------------------------------------------

  private startCooldown(duration: number, fromServer: boolean): void {
    this.cooldownStartedAt = Date.now();
    this.cooldownFromServer = fromServer;
    this.resendWait.start(seconds(duration));
  }

  /** Whole seconds until "Send again" works, from the end time (right after the tab slept, too). */
  private cooldownLeft(): number {
    return this.resendWait.left;
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** Names the state on display; a new one gets a new heading node, focused and so announced. */
  private get viewKey(): string {
    return this.phase === 'error' ? `error:${this.failure?.code}` : this.phase;
  }

  /** The address "Send again" sends to. */
  private get address(): string | undefined {
    return this.typedEmail ?? (this.email || undefined);
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private onResendClick(): void {
    const address = this.address;
    if (address) void this.resend(address, this.typedEmail !== undefined);
  }

  private onChangeEmail(): void {
    if (this.typedEmail !== undefined) {
      // The address was typed into this element's form: show that form again instead of leaving the page.
      this.formValue = this.typedEmail;
      this.typedEmail = undefined;
      this.resent = false;
      this.resendFailure = undefined;
      this.startCooldown(0, false);
      this.phase = 'error';
      void this.updateComplete.then(() => this.shadowRoot?.querySelector('input')?.focus());
      return;
    }
    this.dispatchEvent(new AeActivateChangeEmailEvent({ email: this.email ?? '' }));
  }

  private onRetry(): void {
    if (this.startedToken && !this.retryWait.left) void this.verify(this.startedToken);
  }

  private onFormInput(e: Event): void {
    this.formValue = (e.target as HTMLInputElement).value;
  }

  private async onFormSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.resending || this.cooldownLeft() > 0) return;
    const v = (this.emailRule ??= await loadEmailValidation());
    this.formSubmitted = true;
    if (v.emailIssue(this.formValue)) {
      await this.updateComplete;
      this.shadowRoot?.querySelector('input')?.focus();
      return;
    }
    await this.resend(this.formValue.trim(), true);
  }

  // ---- texts -----------------------------------------------------------------------------------------------

  private connectionText(code: AdapterErrorCode): string {
    switch (code) {
      case 'network':
      case 'timeout':
        return connectionFailureText(code);
      case 'unsupported':
        return unsupportedText();
      default:
        return msg('Something went wrong on our side. Try again in a moment.', {
          id: 'activate.error.server',
          desc: 'Shown when the server failed (checking the link or sending a new letter).',
        });
    }
  }

  private verifyErrorText(failure: Failure): string {
    return failure.code === 'rate_limited'
      ? retryWaitText(this.retryWait.left, failure.retryAfter !== undefined)
      : this.connectionText(failure.code);
  }

  private resendErrorText(failure: Failure): string {
    if (failure.code !== 'rate_limited') return this.connectionText(failure.code);
    return msg('Too many attempts. Send again when the countdown on the button ends.', {
      id: 'activate.resend.rateLimited',
      desc: 'Shown when the server refused to send a new letter so soon; the "Send again" button counts the seconds down.',
    });
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderResendButton(submit: boolean): TemplateResult {
    const left = this.cooldownLeft();
    const unavailable = this.resending || left > 0;
    const label = this.resending
      ? msg('Sending…', { id: 'activate.resend.sending', desc: 'The "Send again" button while the new letter is being sent.' })
      : left > 0
        ? msg(str`Send again in ${secondsText(left)}`, {
            id: 'activate.resend.cooldown',
            desc: 'The "Send again" button while it waits; the placeholder is a duration counting down, like "42 seconds" (ru: через 42 секунды).',
          })
        : msg('Send again', { id: 'activate.resend', desc: 'Button that sends the activation letter again.' });
    return html`<button
      part="resend"
      type=${submit ? 'submit' : 'button'}
      aria-disabled=${unavailable ? 'true' : 'false'}
      @click=${submit ? nothing : this.onResendClick}
    >
      ${label}
    </button>`;
  }

  private renderResendError(): TemplateResult | typeof nothing {
    return this.resendFailure
      ? html`<p part="error">${this.resendErrorText(this.resendFailure)}</p>`
      : nothing;
  }

  private renderEmailForm(): TemplateResult {
    if (!this.emailRule) void loadEmailValidation().then((v) => (this.emailRule = v));
    const issue = this.formSubmitted ? this.emailRule?.emailIssue(this.formValue) : undefined;
    return html`<form part="email-form" novalidate @submit=${this.onFormSubmit}>
      <label part="label" for="email"
        >${msg('E-mail', { id: 'activate.email.label', desc: 'Label of the e-mail field that asks where to send a new activation letter.' })}</label
      >
      <span part="field-hint" id="email-hint"
        >${msg('The address you registered with', {
          id: 'activate.email.hint',
          desc: 'Hint under the label of the e-mail field that asks where to send a new activation letter.',
        })}</span
      >
      <input
        part="input"
        id="email"
        name="email"
        type="email"
        autocomplete="email"
        inputmode="email"
        autocapitalize="off"
        spellcheck="false"
        required
        .value=${this.formValue}
        aria-invalid=${issue ? 'true' : 'false'}
        aria-describedby=${issue ? 'email-hint email-error' : 'email-hint'}
        @input=${this.onFormInput}
      />
      ${issue && this.emailRule
        ? html`<p part="field-error" id="email-error">${this.emailRule.validationMessage(issue, 'email')}</p>`
        : nothing}
      <div part="actions">${this.renderResendButton(true)}</div>
    </form>`;
  }

  private waitingView(): View {
    const address = this.address ?? '';
    return {
      heading: msg('Confirm your e-mail address', {
        id: 'activate.waiting.heading',
        desc: 'Heading while the person waits for the activation letter.',
      }),
      status: html`<p part="message">
          ${msg(str`We sent a letter to ${maskEmail(address)}`, {
            id: 'activate.waiting.sent',
            desc: 'The placeholder is the masked e-mail address (i***@example.com).',
          })}
        </p>
        <p part="hint">
          ${msg('Open it and press “Activate profile” to finish the registration.', {
            id: 'activate.waiting.instruction',
            desc: '"Activate profile" is the button in the letter (ru: «Активировать профиль», bg: „Активиране на профил“). Use the quotation marks of your language.',
          })}
        </p>
        <p part="hint">
          ${msg('No letter after a few minutes? Look in the spam folder or send it again.', {
            id: 'activate.waiting.spam',
            desc: 'Hint while waiting for the activation letter, above the "Send again" button.',
          })}
        </p>
        ${this.resent
          ? html`<p part="notice">
              ${msg('We sent a new letter. Only the link in the newest letter works.', {
                id: 'activate.resend.done',
                desc: 'Confirmation after "Send again" succeeded; a new letter voids the links of the older ones.',
              })}
            </p>`
          : nothing}`,
      alert: html`${this.renderResendError()}`,
      actions: html`<div part="actions">
        ${this.renderResendButton(false)}
        <button part="change-email" type="button" @click=${this.onChangeEmail}>
          ${msg('Wrong address?', {
            id: 'activate.changeEmail',
            desc: 'Link-style button under "Send again" that goes back to the registration form to correct the e-mail address.',
          })}
        </button>
      </div>`,
    };
  }

  private verifyingView(): View {
    return {
      heading: html`<span part="spinner" aria-hidden="true"></span>${msg('Checking the link…', {
          id: 'activate.verifying',
          desc: 'Heading while the activation link from the letter is being checked.',
        })}`,
    };
  }

  private activatedView(result: { firstName: string; email: string }): View {
    return {
      heading: result.firstName
        ? msg(str`Hello, ${result.firstName}!`, {
            id: 'activate.greeting',
            desc: 'Greeting after activation; the placeholder is the first name in Latin letters (ru: Здравствуйте, Maria!).',
          })
        : msg('Hello!', {
            id: 'activate.greeting.noName',
            desc: 'Greeting after activation when the first name is unknown (ru: Здравствуйте!).',
          }),
      headingPart: 'heading greeting',
      status: html`<p part="message confirmation">
        ${msg(str`Your e-mail address ${result.email} is confirmed`, {
          id: 'activate.confirmed',
          desc: 'Second line after activation; the placeholder is the full e-mail address.',
        })}
      </p>`,
      actions: html`<slot name="activated"></slot>`,
    };
  }

  private alreadyView(): View {
    return {
      heading: msg('Your profile is already active', {
        id: 'activate.already.heading',
        desc: 'Heading when the activation link was used before and the profile is active.',
      }),
      status: html`<p part="message">
        ${msg('This link was used before. Sign in with your e-mail address and password.', {
          id: 'activate.already.text',
          desc: 'Shown under "Your profile is already active".',
        })}
      </p>`,
      actions: html`<slot name="activated"></slot>`,
    };
  }

  private errorView(failure: Failure): View {
    if (failure.code === 'token_invalid' || failure.code === 'token_expired') {
      const expired = failure.code === 'token_expired';
      return {
        heading: expired
          ? msg('The link has expired', {
              id: 'activate.expired.heading',
              desc: 'Heading when the activation link is too old.',
            })
          : msg('This link is not valid', {
              id: 'activate.invalid.heading',
              desc: 'Heading when the activation link is unknown or was replaced by a newer letter.',
            }),
        alert: html`<p part="message">
            ${expired
              ? msg('We can send you a new letter with a fresh link.', {
                  id: 'activate.expired.hint',
                  desc: 'Shown under "The link has expired", above the "Send again" button or the e-mail field.',
                })
              : msg('Open the link from the newest letter we sent: a new letter makes the older links stop working.', {
                  id: 'activate.invalid.hint',
                  desc: 'Shown under "This link is not valid", above the "Send again" button or the e-mail field.',
                })}
          </p>
          ${this.renderResendError()}`,
        actions: this.address
          ? html`<div part="actions">${this.renderResendButton(false)}</div>`
          : this.renderEmailForm(),
      };
    }
    return {
      heading: msg('Could not check the link', {
        id: 'activate.failed.heading',
        desc: 'Heading when the activation link could not be checked because of a connection or server problem.',
      }),
      alert: html`<p part="message">${this.verifyErrorText(failure)}</p>`,
      actions: html`<div part="actions">
        <button part="retry" type="button" aria-disabled=${this.retryWait.left ? 'true' : 'false'} @click=${this.onRetry}>
          ${msg('Try again', { id: 'activate.retry', desc: 'Button that checks the activation link again after a connection or server error.' })}
        </button>
      </div>`,
    };
  }

  private currentView(): View {
    switch (this.phase) {
      case 'waiting':
        return this.waitingView();
      case 'verifying':
        return this.verifyingView();
      case 'activated':
        return this.result ? this.activatedView(this.result) : {};
      case 'already':
        return this.alreadyView();
      case 'error':
        return this.failure ? this.errorView(this.failure) : {};
      default:
        return {};
    }
  }

  protected override render(): TemplateResult {
    const view = this.currentView();
    // One template for every state: the live regions stay the same nodes, so their new content is announced.
    return html`<div part="base" lang=${getLocale()} ?hidden=${this.phase === 'idle'} aria-busy=${this.phase === 'verifying' ? 'true' : 'false'}>
      ${view.heading
        ? keyed(this.viewKey, html`<h2 part=${view.headingPart ?? 'heading'} tabindex="-1">${view.heading}</h2>`)
        : nothing}
      <div part="status" role="status">${view.status ?? nothing}</div>
      <div part="alert" role="alert">${view.alert ?? nothing}</div>
      ${view.actions ?? nothing}
    </div>`;
  }
}
