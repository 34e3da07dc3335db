import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { msg } from '@lit/localize/init/install.js';
import { setCustomState } from '../../internal/custom-state.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { maskEmail } from '../../internal/mask-email.js';
import { registerStyles } from './register.styles.js';
import { formLightStyles } from '../../internal/form-light-styles.js';
import { capsLockText, field, revealButton, submitButton } from '../../internal/field.js';
import { AeCaptcha } from '../captcha/captcha.js';
import { defineOnce } from '../../internal/define.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { failureOf } from '../../internal/failure.js';
import { needCapability } from '../../internal/need-capability.js';
import { matchStatus } from '../../internal/match-status.js';
import { PressGuard } from '../../internal/press-guard.js';
import { NameSuggestions } from '../../internal/name-suggestion.js';
import { SupportOffer } from '../../internal/support-offer.js';
import type { ActivationCapability, CaptchaCapability, RegistrationCapability } from '../../adapter/types.js';
import { CountdownController } from '../../internal/countdown.js';
import type { RegistrationField, ValidationIssue } from '../../validation/validate.js';
import { PASSWORD_DEFAULTS } from '../../validation/limits.js';
import type { TranslitSystem } from '../../translit/translit.js';
import { getLocale } from '../../locales/localization.js';
import { charactersText } from '../../locales/units.js';
import { connectionFailureText, retryWaitText, unsupportedText } from '../../locales/failure-messages.js';
import { AeRegisterErrorEvent, AeRegisterSuccessEvent } from '../../events/register-events.js';

type TextField = Exclude<RegistrationField, 'captcha'>;
const TEXT_FIELDS: readonly TextField[] = ['email', 'firstName', 'lastName', 'password', 'passwordRepeat'];
const NAME_FIELDS = new Set<RegistrationField>(['firstName', 'lastName']);
const PASSWORD_FIELDS = new Set<RegistrationField>(['password', 'passwordRepeat']);
const FORM_FIELDS: readonly string[] = [...TEXT_FIELDS, 'captcha'];
/** Failures after which "Try again" sends the same form again: the server did not judge what was typed. */
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);

interface TopError {
  code: AdapterErrorCode;
  retryAfter?: number;
}

let instances = 0;

type Validation = typeof import('./register-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The schemas, messages and transliteration, in their own chunk (see register-validation.ts). */
function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('./register-validation.js').catch((e: unknown) => {
    validationModule = undefined; // a failed chunk load may succeed on the next try
    throw e;
  }));
}

/** `<ae-activate>` is needed only after a success: it comes in its own chunk, loaded then. */
function loadActivate(): Promise<unknown> {
  if (customElements.get('ae-activate')) return Promise.resolve();
  return import('../activate/activate.js').then((m) => defineOnce('ae-activate', m.AeActivate));
}

/** The social sign-up block (`<ae-social-login>`): its own chunk, requested when the form connects, never awaited. */
function loadSocial(): void {
  if (!customElements.get('ae-social-login')) void import('../../define/ae-social-login.js').catch(() => undefined);
}

/**
 * @tagname ae-register
 * @summary The sign-up form: e-mail, first and last name in Latin letters, password twice, an image captcha and
 * "Create profile". Works with no configuration on the embedded `MemoryAdapter`.
 *
 * The `<form>` and its `<input>`s are rendered into the element's light DOM, so password managers and
 * autofill see them; their look stays encapsulated (scoped, adopted styles; see `adoptLightStyles`).
 *
 * @slot header - Logo and heading above the form. Default: the heading "Registration".
 * @slot terms - Terms of use under the form.
 * @slot footer - Links under everything ("Already have a profile? Sign in").
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-register-max-width - Maximum width of the element (30rem).
 * @cssprop --ae-register-padding - Inner spacing of the frame.
 * @cssprop --ae-register-border-color - Border of the frame.
 * @cssprop --ae-color-primary - Brand color of the submit button and links.
 *
 * @cssstate pending - A registration call is under way.
 * @cssstate invalid - The error summary is shown (a submit found problems).
 * @cssstate success - The profile was created; the form is hidden.
 *
 * @fires ae-register-success - A profile was created: `{ userId, email, firstName, lastName }` (no password).
 * @fires ae-register-error - The server refused or could not be reached: `{ code, field? }`.
 * @fires ae-activation-resent - (from the embedded `<ae-activate>`) the letter was sent again.
 * @fires ae-activate-change-email - (from the embedded `<ae-activate>`) "Wrong address?": the form is shown again.
 */
export class AeRegister extends AeElement<CaptchaCapability & RegistrationCapability & ActivationCapability> {
  static override styles = registerStyles;
  static {
    defineOnce('ae-captcha', AeCaptcha);
  }

  private readonly uid = `ae-register-${++instances}`;
  private readonly internals = this.attachInternals();
  /** The wait the server asked for (`Retry-After`) before "Try again" works. */
  private readonly retryWait = new CountdownController(this);
  /** Holds a field's message back while a press inside the form is under way. */
  private readonly press = new PressGuard(this);
  private submitController?: AbortController;
  /** The one-click passport spelling under the name fields (shared with <ae-social-login>'s profile form). */
  private readonly names = new NameSuggestions<RegistrationField>(this);
  /** After repeated failures of one kind: "Still cannot register? Write to support" (issue 17). */
  private readonly offer = new SupportOffer(this, {
    flow: 'register',
    email: () => this.values.email,
    step: () => (this.success ? 'register.activate' : 'register'),
  });

  @state() private values: Record<TextField, string> = {
    email: '',
    firstName: '',
    lastName: '',
    password: '',
    passwordRepeat: '',
  };
  /** Fields whose message is shown (touched and changed, or after a submit). */
  @state() private shown = new Set<RegistrationField>();
  /** Errors the server reported per field; cleared when the field changes. */
  @state() private serverIssues: Partial<Record<RegistrationField, ValidationIssue>> = {};
  @state() private summary: RegistrationField[] = [];
  @state() private topError?: TopError;
  @state() private pending = false;
  @state() private revealed = false;
  @state() private capsLock: RegistrationField | undefined;
  @state() private success?: { email: string };
  /** The validation module, once loaded (right after connecting). */
  @state() private v?: Validation;
  private checking = false;

  /** Passport transliteration for name suggestions; by default it follows the UI locale (bg → bg, ru → ru). */
  @property() translit?: TranslitSystem;
  /** Minimum password length (default 8). */
  @property({ type: Number, attribute: 'password-min-length' }) passwordMinLength: number = PASSWORD_DEFAULTS.minLength;
  /** Maximum password length (default 128). */
  @property({ type: Number, attribute: 'password-max-length' }) passwordMaxLength: number = PASSWORD_DEFAULTS.maxLength;
  /**
   * What follows a successful registration: `activate` hands over to `<ae-activate>` waiting for the letter
   * ("Send again", "Wrong address?"); `message` shows a short "check your e-mail" text.
   */
  @property({ attribute: 'after-success' }) afterSuccess: 'activate' | 'message' = 'activate';
  /** Seconds before `<ae-activate>` offers "Send again" after the hand-over (default 60). */
  @property({ type: Number, attribute: 'resend-cooldown' }) resendCooldown = 60;
  /** Disables the whole form. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The social sign-up under the form (it arrives later and must not move the form): the providers in order (`"vk google facebook"`, the default), or `none`. */
  @property() social = 'vk google facebook';

  override connectedCallback(): void {
    adoptLightStyles(this, formLightStyles);
    super.connectedCallback();
  }

  protected override startLoads(): void {
    void this.ensureValidation().catch(() => undefined);
    if (this.social.trim() !== 'none') loadSocial();
  }

  private async ensureValidation(): Promise<Validation> {
    return (this.v ??= await loadValidation());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.submitController?.abort();
    this.pending = false;
    // A password is not left behind in a form that left the page.
    this.clearPasswords();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.pending);
    setCustomState(this.internals, 'invalid', this.summary.length > 0 && !this.success);
    setCustomState(this.internals, 'success', !!this.success);
    // The form lives in the light DOM (password managers), next to any slotted content of the page.
    render(this.renderLight(), this, { host: this });
  }

  /** The `<form>` element (light DOM). */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  /** Shows the empty form again (after a success, or to start over). */
  reset(): void {
    this.success = undefined;
    this.values = { email: '', firstName: '', lastName: '', password: '', passwordRepeat: '' };
    this.shown = new Set();
    this.serverIssues = {};
    this.summary = [];
    this.topError = undefined;
    this.form?.reset();
  }

  // ---- state helpers -------------------------------------------------------------------------------------

  private get rules() {
    return { minLength: this.passwordMinLength, maxLength: this.passwordMaxLength };
  }

  private get captchaEl(): AeCaptcha | null {
    return this.querySelector('ae-captcha');
  }

  private issueFor(field: RegistrationField): ValidationIssue | undefined {
    if (this.serverIssues[field]) return this.serverIssues[field];
    const v = this.v;
    if (!v) return undefined; // nothing is shown before the person types, and a submit waits for the module
    if (field === 'captcha') {
      const c = this.captchaEl;
      return c ? v.validateRegistrationField('captcha', { captcha: c.value }) : undefined;
    }
    const system = v.pickSystem(this.values[field as TextField] ?? '', this.translit, getLocale());
    return v.validateRegistrationField(field, this.values, { ...this.rules, translit: system });
  }

  private message(issue: ValidationIssue, field: RegistrationField): string {
    return this.v ? this.v.validationMessage(issue, field) : '';
  }

  /** The issue shown for a field right now, or undefined. */
  private visibleIssue(field: RegistrationField): ValidationIssue | undefined {
    const issue = this.issueFor(field);
    if (!issue) return undefined;
    // A Cyrillic name is pointed out at once: the person is typing it right now.
    if (this.shown.has(field) || this.serverIssues[field] || issue.code === 'name.cyrillic') return issue;
    return undefined;
  }

  private fieldId(field: string): string {
    return `${this.uid}-${field}`;
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const field = input.name as TextField;
    if (!TEXT_FIELDS.includes(field)) return;
    this.values = { ...this.values, [field]: input.value };
    if (this.serverIssues[field]) {
      const { [field]: _removed, ...rest } = this.serverIssues;
      this.serverIssues = rest;
    }
    if (field === 'password' && this.shown.has('passwordRepeat')) this.requestUpdate();
    if (NAME_FIELDS.has(field) && this.v) {
      this.names.refine(field, this.values[field], this.issueFor(field), this.v, this.translit, () => this.values[field]);
    }
  }

  private onChange(e: Event): void {
    const name = (e.target as HTMLInputElement).name as RegistrationField;
    if (!TEXT_FIELDS.includes(name as TextField) || this.shown.has(name)) return;
    // The field may have lost focus to a press inside the form (the submit button, say): its message shows
    // after that press, so the button does not move away before the release (see PressGuard).
    this.press.run(() => (this.shown = new Set(this.shown).add(name)));
  }

  private onKey(e: KeyboardEvent): void {
    const field = (e.target as HTMLInputElement).name as RegistrationField;
    if (!PASSWORD_FIELDS.has(field) || typeof e.getModifierState !== 'function') return;
    const on = e.getModifierState('CapsLock');
    this.capsLock = on ? field : this.capsLock === field ? undefined : this.capsLock;
  }

  private onPasswordBlur(e: FocusEvent): void {
    if (this.capsLock === (e.target as HTMLInputElement).name) this.capsLock = undefined;
  }

  private applySuggestion(field: RegistrationField, suggestion: string): void {
    const input = this.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    if (!input) return;
    input.value = suggestion;
    this.values = { ...this.values, [field]: suggestion };
    this.shown = new Set(this.shown).add(field);
    input.focus();
  }

  private readonly togglePassword = (): void => {
    this.revealed = !this.revealed;
  };

  private focusField(field: RegistrationField): void {
    const target =
      field === 'captcha' ? this.captchaEl : this.querySelector<HTMLInputElement>(`input[name="${field}"]`);
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  private onSummaryLink(e: Event, field: RegistrationField): void {
    e.preventDefault();
    this.focusField(field);
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
    const captcha = this.captchaEl;
    this.topError = undefined;
    this.shown = new Set<RegistrationField>([...TEXT_FIELDS, 'captcha']);
    captcha?.markTouched();
    const invalid = ([...TEXT_FIELDS, 'captcha'] as RegistrationField[]).filter((f) => this.issueFor(f));
    this.summary = invalid;
    if (invalid.length) {
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-summary')?.focus();
      return;
    }
    if (!captcha?.captchaId) {
      await captcha?.refresh('initial');
      this.summary = ['captcha'];
      return;
    }
    const v = this.values;
    const input = {
      email: v.email.trim(),
      firstName: v.firstName.trim(),
      lastName: v.lastName.trim(),
      password: v.password,
      captcha: { id: captcha.captchaId, answer: captcha.value },
    };
    this.pending = true;
    const controller = (this.submitController = new AbortController());
    try {
      const result = await (await needCapability(this.resolvedAdapter, 'registration', 'register')).register(input, { signal: controller.signal });
      this.clearPasswords();
      this.offer.success();
      if (this.afterSuccess === 'activate') {
        // Should the chunk fail to load, the short message stands in for the hand-over.
        await loadActivate().catch(() => (this.afterSuccess = 'message'));
      }
      this.success = { email: result.email };
      this.dispatchEvent(
        new AeRegisterSuccessEvent({
          userId: result.userId,
          email: result.email,
          firstName: input.firstName,
          lastName: input.lastName,
        }),
      );
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-success')?.focus();
    } catch (err) {
      if (isAbortError(err) && controller.signal.aborted) return;
      await this.handleFailure(err);
    } finally {
      if (this.submitController === controller) this.pending = false;
    }
  }

  private clearPasswords(): void {
    for (const f of ['password', 'passwordRepeat'] as const) {
      const el = this.querySelector<HTMLInputElement>(`input[name="${f}"]`);
      if (el) el.value = '';
    }
    this.values = { ...this.values, password: '', passwordRepeat: '' };
  }

  private async handleFailure(err: unknown): Promise<void> {
    const failure = failureOf(err);
    const { code, field } = failure;
    this.offer.failure(code);
    this.dispatchEvent(new AeRegisterErrorEvent(field ? { code, field } : { code }));
    const captcha = this.captchaEl;
    if (RETRYABLE.has(code)) {
      // The server did not judge the form: the captcha answer stays, so "Try again" is one press. Had it
      // spent the code before failing, the retry answers captcha_invalid and a fresh picture comes then.
      this.topError = failure.retryAfter !== undefined ? { code, retryAfter: failure.retryAfter } : { code };
      this.retryWait.start(code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-banner')?.focus();
      return;
    }
    // Every other answer judged the form, and the server spent the captcha with it (the contract): the
    // person gets a new picture, so that the corrected form is not refused for a code typed right.
    const refreshed = captcha?.refresh('rejected');
    if (captcha && (code === 'captcha_invalid' || code === 'captcha_expired')) {
      await refreshed;
      captcha.error = { code: code === 'captcha_invalid' ? 'captcha.invalid' : 'captcha.expired' };
      captcha.focus();
      return;
    }
    if (code === 'email_taken') {
      this.serverIssues = { ...this.serverIssues, email: { code: 'email.taken' } };
      await this.updateComplete;
      this.focusField('email');
      return;
    }
    // `validation` (and any code this form has no place for): field messages where the form has the field,
    // and a message at the top for the rest, so that a refusal is never silent.
    const issues: Partial<Record<RegistrationField, ValidationIssue>> = {};
    const fields: RegistrationField[] = [];
    let unplaced = code !== 'validation';
    for (const [f, c] of Object.entries(failure.fieldErrors ?? {})) {
      if (!FORM_FIELDS.includes(f)) {
        unplaced = true;
        continue;
      }
      fields.push(f as RegistrationField);
      // The captcha shows its own message (and its new picture asks for a new answer anyway).
      if (f === 'captcha') {
        if (captcha) captcha.error = { code: c };
      } else issues[f as RegistrationField] = { code: c };
    }
    if (!fields.length) unplaced = true;
    this.serverIssues = { ...this.serverIssues, ...issues };
    this.summary = fields;
    this.topError = unplaced ? { code: 'validation' } : undefined;
    await this.updateComplete;
    this.querySelector<HTMLElement>(fields.length ? '.ae-summary' : '.ae-banner')?.focus();
  }

  private onRetry(): void {
    if (!this.retryWait.left) this.form?.requestSubmit();
  }

  /** `form.submit()` from a page script fires no submit event: it goes through the same path as a press. */
  private readonly guardedSubmit = (): void => this.form?.requestSubmit();

  // ---- rendering -------------------------------------------------------------------------------------------

  private label(field: RegistrationField): string {
    switch (field) {
      case 'email':
        return msg('E-mail', { id: 'register.email.label', desc: 'Label of the e-mail field.' });
      case 'firstName':
        return msg('First name', { id: 'register.firstName.label', desc: 'Label of the first (given) name field.' });
      case 'lastName':
        return msg('Last name', { id: 'register.lastName.label', desc: 'Label of the last (family) name field.' });
      case 'password':
        return msg('Password', { id: 'register.password.label', desc: 'Label of the password field.' });
      case 'passwordRepeat':
        return msg('Repeat password', {
          id: 'register.passwordRepeat.label',
          desc: 'Label of the second password field, where the password is typed again.',
        });
      default:
        return msg('Code from the picture', { id: 'captcha.label', desc: 'Label of the captcha answer field.' });
    }
  }

  private topErrorText(e: TopError): string {
    switch (e.code) {
      case 'network':
      case 'timeout':
        return connectionFailureText(e.code);
      case 'rate_limited':
        return retryWaitText(this.retryWait.left, e.retryAfter !== undefined);
      case 'unsupported':
        return unsupportedText();
      case 'validation':
        return msg('Some of the details were not accepted. Check the form and try again.', {
          id: 'register.error.validation',
          desc: 'Message at the top of the form when the server refused a field this form cannot point at.',
        });
      default:
        return msg('Something went wrong on our side. Try again: what you typed is kept.', {
          id: 'register.error.server',
          desc: 'Message at the top of the form when the server failed; what was typed is kept.',
        });
    }
  }

  private renderField(
    name: TextField,
    type: string,
    autocomplete: string,
    extra: { hint?: string; describedBy?: string; inputmode?: string } = {},
  ): TemplateResult {
    const issue = this.visibleIssue(name);
    const isPassword = PASSWORD_FIELDS.has(name);
    const suggestion = issue && NAME_FIELDS.has(name) ? this.names.suggestion(name, this.values[name], issue, this.v, this.translit) : undefined;
    return field({
      id: this.fieldId(name),
      name,
      label: this.label(name),
      type: isPassword && this.revealed ? 'text' : type,
      autocomplete,
      ...(extra.inputmode ? { inputmode: extra.inputmode } : {}),
      ...(extra.hint ? { hint: extra.hint } : {}),
      ...(extra.describedBy ? { describedBy: extra.describedBy } : {}),
      autocapitalize: NAME_FIELDS.has(name) ? 'words' : 'off',
      ...(issue ? { error: this.message(issue, name) } : {}),
      ...(this.capsLock === name ? { warning: capsLockText() } : {}),
      ...(name === 'passwordRepeat' && !issue ? matchStatus(this.values.password, this.values.passwordRepeat) : {}),
      ...(name === 'password'
        ? {
            trailing: revealButton(
              this.revealed,
              `${this.fieldId('password')} ${this.fieldId('passwordRepeat')}`,
              this.togglePassword,
            ),
          }
        : {}),
      after: suggestion
        ? html`<button class="ae-button ae-suggest" type="button" @click=${() => this.applySuggestion(name, suggestion)}>
            ${msg(str`Use “${suggestion}”`, {
              id: 'register.suggestion',
              desc: 'Button under a name field that puts the suggested Latin spelling into the field. Use the quotation marks of your language.',
            })}
          </button>`
        : nothing,
      onInput: this.onInput,
      onChange: this.onChange,
      ...(isPassword ? { onKey: this.onKey, onBlur: this.onPasswordBlur } : {}),
    });
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const items = this.summary
      .map((field) => ({ field, issue: this.issueFor(field) }))
      .filter((x): x is { field: RegistrationField; issue: ValidationIssue } => !!x.issue);
    if (!items.length) return nothing;
    const titleId = this.fieldId('summary-title');
    return html`<div class="ae-summary" role="alert" tabindex="-1" aria-labelledby=${titleId}>
      <h3 class="ae-summary-title" id=${titleId}>
        ${msg('There is a problem', { id: 'register.summary.title', desc: 'Title of the list of errors shown at the top of the form after a submit.' })}
      </h3>
      <ul class="ae-summary-list">
        ${items.map(
          ({ field, issue }) =>
            html`<li>
              <a
                class="ae-link"
                href="#${field === 'captcha' ? this.fieldId('captcha') : this.fieldId(field)}"
                @click=${(e: Event) => this.onSummaryLink(e, field)}
                >${this.label(field)}: ${this.message(issue, field)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private onChangeEmail(): void {
    this.success = undefined;
    // The previous attempt spent its captcha.
    void this.captchaEl?.refresh('initial');
    void this.updateComplete.then(() => {
      const email = this.querySelector<HTMLInputElement>('input[name="email"]');
      email?.focus();
      email?.select();
    });
  }

  /** Each "Send again" means the letter did not come; the second one offers the chat. */
  private readonly onLetterResent = (): void => this.offer.failure('letter_not_arrived');

  private renderSuccess(email: string): TemplateResult {
    if (this.afterSuccess === 'activate') {
      return html`<ae-activate
        class="ae-success"
        tabindex="-1"
        email=${email}
        cooldown=${this.resendCooldown}
        theme=${this.theme ?? nothing}
        .adapter=${this.resolvedAdapter}
        @ae-activate-change-email=${this.onChangeEmail}
        @ae-activation-resent=${this.onLetterResent}
      ></ae-activate>`;
    }
    return html`<div class="ae-success" tabindex="-1" role="status">
        <h3>${msg('Profile created', { id: 'register.success.title', desc: 'Heading shown after the profile was created.' })}</h3>
        <p>
          ${msg(str`We sent a letter to ${maskEmail(email)}. Open it and press “Activate profile” to finish.`, {
            id: 'register.success.text',
            desc: 'Shown after registration; the placeholder is the masked e-mail address (i***@example.com). "Activate profile" is the button in the letter.',
          })}
        </p>
      </div>`;
  }

  private renderLight(): TemplateResult {
    const namesHint = this.fieldId('names-hint');
    return html`<div class="ae-root" lang=${getLocale()}>
      ${this.success ? this.renderSuccess(this.success.email) : nothing}
      <form
        class="ae-form"
        method="post"
        .submit=${this.guardedSubmit}
        ?hidden=${!!this.success}
        novalidate
        aria-busy=${this.pending ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @pointerdown=${this.press.onPointerDown}
      >
        ${this.renderSummary()}
        ${this.topError
          ? html`<div class="ae-banner" role="alert" tabindex="-1">
              <p>${this.topErrorText(this.topError)}</p>
              ${RETRYABLE.has(this.topError.code)
                ? html`<button
                    class="ae-button"
                    type="button"
                    aria-disabled=${this.retryWait.left ? 'true' : 'false'}
                    @click=${this.onRetry}
                  >
                    ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
          ${this.renderField('email', 'email', 'email', {
            inputmode: 'email',
            hint: msg('We will write to this address about your orders and deliveries.', {
              id: 'register.email.hint',
              desc: 'Hint between the e-mail label and its field: what the address will be used for.',
            }),
          })}
          <fieldset class="ae-group" aria-describedby=${namesHint}>
            <legend class="ae-legend">
              ${msg('Name in Latin letters, as in your foreign passport', {
                id: 'register.names.legend',
                desc: 'Legend over the first and last name fields: both are typed in Latin letters, as in the passport for travel abroad.',
              })}
            </legend>
            <p class="ae-hint" id=${namesHint}>
              ${msg('Sellers abroad may not read Cyrillic.', {
                id: 'register.names.why',
                desc: 'Hint under the name legend: why the names are typed in Latin letters.',
              })}
            </p>
            <div class="ae-row">
              ${this.renderField('firstName', 'text', 'given-name', { describedBy: namesHint })}
              ${this.renderField('lastName', 'text', 'family-name', { describedBy: namesHint })}
            </div>
          </fieldset>
          ${this.renderField('password', 'password', 'new-password', {
            hint: msg(str`At least ${charactersText(this.passwordMinLength)}, with at least one letter and one digit.`, {
              id: 'register.password.hint',
              desc: 'Hint between the password label and its field; the placeholder is a counted number of characters ("8 characters").',
            }),
          })}
          ${this.renderField('passwordRepeat', 'password', 'new-password')}
          <ae-captcha
            id=${this.fieldId('captcha')}
            name="captcha"
            required
            theme=${this.theme ?? nothing}
            .adapter=${this.resolvedAdapter}
          ></ae-captcha>
        </fieldset>
        ${submitButton(
          this.pending,
          this.disabled,
          msg('Create profile', { id: 'register.submit', desc: 'Submit button of the registration form.' }),
          msg('Creating profile…', { id: 'register.submitting', desc: 'Submit button text while the profile is being created.' }),
        )}
        <p class="ae-note">${msg('Registration is free', { id: 'register.free', desc: 'Small note under the submit button.' })}</p>
      </form>
      ${this.social.trim() === 'none' || this.success
        ? nothing
        : html`<ae-social-login
            providers=${this.social}
            divider="before"
            theme=${this.theme ?? nothing}
            ?disabled=${this.disabled}
            .adapter=${this.resolvedAdapter}
          ></ae-social-login>`}
      ${this.offer.render()}
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header"
        ><h2 part="heading">${msg('Registration', { id: 'register.heading', desc: 'Default heading of the registration form.' })}</h2></slot
      >
      <slot></slot>
      <slot name="terms"></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
