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
import { maskEmail } from '../../internal/mask-email.js';
import { defineOnce } from '../../internal/define.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { CountdownController } from '../../internal/countdown.js';
import { PressGuard } from '../../internal/press-guard.js';
import { SupportOffer } from '../../internal/support-offer.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { needCapability } from '../../internal/need-capability.js';
import type { CaptchaCapability, RegistrationCapability, SignInCapability } from '../../adapter/types.js';
import { setSession } from '../../session/session-store.js';
import type { ValidationIssue } from '../../validation/validate.js';
import { getLocale } from '../../locales/localization.js';
import { connectionFailureText, retryWaitText, unsupportedText } from '../../locales/failure-messages.js';
import { secondsText } from '../../locales/units.js';
import { AeCaptcha } from '../captcha/captcha.js';
import { loginStyles } from './login.styles.js';
import { AeLoginErrorEvent, AeLoginForgotEvent, AeLoginRegisterEvent, AeLoginSuccessEvent } from '../../events/login-events.js';

type Field = 'email' | 'password';
const FIELDS: readonly Field[] = ['email', 'password'];
/** Failures after which "Try again" sends the same form again: the server did not judge what was typed. */
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);
/** Refusals after which a captcha shown with the form was spent: the next attempt gets a new picture. */
const JUDGED = new Set<AdapterErrorCode>(['invalid_credentials', 'not_activated', 'captcha_invalid', 'captcha_expired', 'validation']);

type Validation = typeof import('./login-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The e-mail rule and the messages, in their own chunk, requested as soon as the element connects. */
function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('./login-validation.js').catch((e: unknown) => {
    validationModule = undefined;
    throw e;
  }));
}

/**
 * The elements `<ae-login>` hands over to, each in a chunk of its own: the form shown in its place after "Forgot
 * password?" or "Create profile", and the social block next to the form. The module that defines the tag provides
 * them (define/ae-login.ts: all three; define/ae-login-linking.ts, the social block's link step: the password
 * recovery only), so that this module imports none of them. Were they here, every page that loads the social block
 * lazily would have a lazy loop back to its own element (`<ae-register>` → social block → `<ae-login>` →
 * `<ae-register>`). Vite 8.3 (Rolldown 1.2) then left the modules that the page's element shares with its lazy
 * elements out of the entry: `<ae-register>`'s first load was 9 files under it with this loop, 5 without it
 * (docs/perf/issue-14-research.md, section 14). Vite 8.4 (Rolldown 1.3) puts every first render into the entry
 * (section 15); the hand-offs stay in the defining modules, the layout every build was measured with since. On a
 * page that never imports `ae-auth-elements/login.js` but got `<ae-login>` from a link step (and shows it
 * elsewhere: a `<ae-forgot-password>`'s "Back to sign-in"), the login offers "Create profile" only where
 * `<ae-register>` is defined and no social block unless it is.
 */
export interface LoginHandOffs {
  register?: () => Promise<unknown>;
  forgot?: () => Promise<unknown>;
  social?: () => Promise<unknown>;
}
const handOffs: LoginHandOffs = {};
/** The connected `<ae-login>`s: told when hand-offs arrive after they rendered. */
const connected = new Set<AeLogin>();

/**
 * Called by the modules that define `<ae-login>`: the first loader given for each hand-off is kept (both define
 * modules give the same one for the recovery). A page where the link step defined the tag before it imported
 * `ae-auth-elements/login.js` gets the other hand-offs then: the connected elements render again ("Create
 * profile" appears) and request the social block. Two copies of the library on one page each keep their own.
 * @internal
 */
export function provideLoginHandOffs(given: LoginHandOffs): void {
  const socialBefore = !!handOffs.social;
  handOffs.register ??= given.register;
  handOffs.forgot ??= given.forgot;
  handOffs.social ??= given.social;
  for (const el of connected) el.requestUpdate();
  if (!socialBefore && [...connected].some((el) => el.social.trim() !== 'none')) loadSocial();
}

type View = 'login' | 'forgot' | 'register';
const VIEW_TAG = { forgot: 'ae-forgot-password', register: 'ae-register' } as const;

/** Whether this page can show `view` in the element's place: its tag is defined, or a module can define it. */
function canShow(view: Exclude<View, 'login'>): boolean {
  return !!customElements.get(VIEW_TAG[view]) || !!handOffs[view];
}

function loadView(view: Exclude<View, 'login'>): Promise<unknown> {
  if (customElements.get(VIEW_TAG[view])) return Promise.resolve();
  const load = handOffs[view];
  return load ? load() : Promise.reject(new Error(`No module defines <${VIEW_TAG[view]}> on this page`));
}

/** The social sign-in block (`<ae-social-login>`): requested when the form connects, never awaited. */
function loadSocial(): void {
  if (!customElements.get('ae-social-login')) void handOffs.social?.().catch(() => undefined);
}

let instances = 0;

/**
 * @tagname ae-login
 * @summary Sign-in with e-mail and password: show/hide, Caps Lock warning, "Stay signed in", "Forgot password?",
 * a captcha only when the server asks for one, and the activation letter again for a profile not yet activated.
 *
 * The `<form>` and its `<input>`s are rendered into the element's light DOM, so password managers fill them
 * (`autocomplete="username"` and `current-password`); their look stays encapsulated (see `adoptLightStyles`).
 * A wrong address and a wrong password get the same answer ("Invalid e-mail or password"). After a sign-in the
 * page's one session store knows (`ae-session-change` on `document`); the element never holds a session token.
 *
 * @slot header - Logo and heading above the form. Default: the heading "Sign in".
 * @slot footer - Content under the form (terms, help).
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-login-max-width - Maximum width of the element (30rem).
 * @cssprop --ae-login-padding - Inner spacing of the frame.
 * @cssprop --ae-color-primary - Brand color of the submit button and links.
 *
 * @cssstate pending - A sign-in call is under way.
 * @cssstate captcha - The server asked for a captcha; it is shown.
 * @cssstate success - Signed in; the form is hidden.
 *
 * @fires ae-login-success - Signed in: `{ userId, email }` (no password, no token).
 * @fires ae-login-error - The server refused or could not be reached: `{ code }`.
 * @fires ae-login-forgot - "Forgot password?" (cancelable; default: `<ae-forgot-password>` in this place).
 * @fires ae-login-register - "Create profile" (cancelable; default: `<ae-register>` in this place). Not offered
 *   with `no-register`.
 */
export class AeLogin extends AeElement<SignInCapability & Partial<CaptchaCapability & RegistrationCapability>> {
  static override styles = loginStyles;
  static {
    defineOnce('ae-captcha', AeCaptcha);
  }

  private readonly uid = `ae-login-${++instances}`;
  private readonly internals = this.attachInternals();
  /** The wait the server asked for (`Retry-After`) before "Try again" works. */
  private readonly retryWait = new CountdownController(this);
  /** The wait before the activation letter can be sent again. */
  private readonly resendWait = new CountdownController(this);
  /** Holds a field's message back while a press inside the form is under way. */
  private readonly press = new PressGuard(this);
  /** After repeated failures of one kind: "Cannot sign in? Write to support" (issue 17). */
  private readonly offer = new SupportOffer(this, { flow: 'login', email: () => this.values.email, step: () => 'login' });
  private submitController?: AbortController;
  private resendController?: AbortController;
  private checking = false;

  @state() private values: Record<Field, string> = { email: '', password: '' };
  @state() private shown = new Set<Field>();
  @state() private topError?: Failure;
  @state() private pending = false;
  @state() private revealed = false;
  @state() private capsLock = false;
  @state() private captchaNeeded = false;
  /** The profile exists and the password was right, but it was never activated. */
  @state() private notActivated?: { email: string; sent: boolean; failure?: Failure };
  @state() private resending = false;
  @state() private success?: { firstName: string };
  @state() private view: View = 'login';
  @state() private v?: Validation;

  /** Prefills the e-mail field (a host that knows the address, or the address from a previous form). */
  @property() email = '';
  /** Seconds before the activation letter can be sent again (default 60, as `<ae-activate>`). */
  @property({ type: Number, attribute: 'resend-cooldown' }) resendCooldown = 60;
  /** Disables the whole form. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** The social sign-in under the form (it arrives later and must not move the form): the providers in order (`"vk google facebook"`, the default), or `none`. */
  @property() social = 'vk google facebook';
  /** No "New here? Create profile" under the form (the social block's link step: that profile exists). */
  @property({ type: Boolean, attribute: 'no-register' }) noRegister = false;

  override connectedCallback(): void {
    adoptLightStyles(this, formLightStyles);
    super.connectedCallback();
    connected.add(this);
    document.addEventListener('ae-session-change', this.onSessionChange);
  }

  protected override startLoads(): void {
    void this.ensureValidation().catch(() => undefined);
    if (this.social.trim() !== 'none') loadSocial();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    document.removeEventListener('ae-session-change', this.onSessionChange);
    this.submitController?.abort();
    this.resendController?.abort();
    this.pending = false;
    this.resending = false;
    // A password is not left behind in a form that left the page.
    this.clearPassword();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('email') && this.email && !this.values.email) {
      this.values = { ...this.values, email: this.email };
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.pending);
    setCustomState(this.internals, 'captcha', this.captchaNeeded);
    setCustomState(this.internals, 'success', !!this.success);
    setCustomState(this.internals, 'swapped', this.view !== 'login');
    render(this.renderLight(), this, { host: this });
    // The prefilled address goes into the field once; typing owns it from then on.
    const email = this.inputOf('email');
    if (email && !email.value && this.values.email && !email.matches(':focus')) email.value = this.values.email;
  }

  /** The `<form>` element (light DOM). */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  /** Signed out elsewhere (the page's menu, another tab): "You are signed in" is no longer true. */
  private readonly onSessionChange = (e: Event): void => {
    if (this.success && !(e as CustomEvent<{ signedIn: boolean }>).detail.signedIn) this.reset();
  };

  /** Shows the empty sign-in form again (after a success, or from another view). */
  reset(): void {
    this.view = 'login';
    this.success = undefined;
    this.topError = undefined;
    this.notActivated = undefined;
    this.shown = new Set();
    this.values = { email: '', password: '' };
    this.form?.reset();
  }

  // ---- state helpers -------------------------------------------------------------------------------------

  private async ensureValidation(): Promise<Validation> {
    return (this.v ??= await loadValidation());
  }

  private fieldId(name: string): string {
    return `${this.uid}-${name}`;
  }

  private inputOf(name: Field): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  }

  private get captchaEl(): AeCaptcha | null {
    return this.querySelector('ae-captcha');
  }

  private issueFor(name: Field): ValidationIssue | undefined {
    const v = this.v;
    if (!v) return undefined;
    return name === 'email' ? v.validateValue(v.emailSchema, this.values.email) : this.values.password ? undefined : { code: 'password.required' };
  }

  private visibleIssue(name: Field): ValidationIssue | undefined {
    return this.shown.has(name) ? this.issueFor(name) : undefined;
  }

  private clearPassword(): void {
    const el = this.inputOf('password');
    if (el) el.value = '';
    this.values = { ...this.values, password: '' };
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private onInput(e: Event): void {
    const input = e.target as HTMLInputElement;
    const name = input.name as Field;
    if (!FIELDS.includes(name)) return;
    this.values = { ...this.values, [name]: input.value };
    // A refusal of the credentials is about what was typed: typing again makes it stale.
    if (this.topError?.code === 'invalid_credentials' || this.topError?.code === 'validation') this.topError = undefined;
    if (name === 'email' && this.notActivated) this.notActivated = undefined;
  }

  private onChange(e: Event): void {
    const name = (e.target as HTMLInputElement).name as Field;
    // After a press that took the focus (the submit button), so the button does not move before the release.
    if (FIELDS.includes(name) && !this.shown.has(name)) this.press.run(() => (this.shown = new Set(this.shown).add(name)));
  }

  private onKey(e: KeyboardEvent): void {
    if (typeof e.getModifierState === 'function') this.capsLock = e.getModifierState('CapsLock');
  }

  private onPasswordBlur(): void {
    this.capsLock = false;
  }

  private readonly togglePassword = (): void => {
    this.revealed = !this.revealed;
  };

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    // One call per submission, however many clicks or Enter presses arrive while it runs.
    if (this.pending || this.disabled || this.checking) return;
    if (!this.v) {
      this.checking = true;
      try {
        await this.ensureValidation();
      } catch {
        this.topError = { code: 'network' };
        return;
      } finally {
        this.checking = false;
      }
    }
    this.shown = new Set(FIELDS);
    const invalid = FIELDS.find((f) => this.issueFor(f));
    const captcha = this.captchaNeeded ? this.captchaEl : null;
    captcha?.markTouched();
    if (invalid) {
      await this.updateComplete;
      this.inputOf(invalid)?.focus();
      return;
    }
    if (captcha && (!captcha.captchaId || !captcha.value)) {
      if (!captcha.captchaId) await captcha.refresh('initial');
      captcha.focus();
      return;
    }
    const email = this.values.email.trim();
    const remember = !!this.querySelector<HTMLInputElement>('input[name="remember"]')?.checked;
    this.topError = undefined;
    this.pending = true;
    const controller = (this.submitController = new AbortController());
    try {
      const session = await (await needCapability(this.resolvedAdapter, 'signIn', 'signIn')).signIn(
        {
          email,
          password: this.values.password,
          remember,
          ...(captcha?.captchaId ? { captcha: { id: captcha.captchaId, answer: captcha.value } } : {}),
        },
        { signal: controller.signal },
      );
      this.clearPassword();
      this.offer.success();
      this.captchaNeeded = false;
      this.notActivated = undefined;
      this.success = { firstName: session.firstName };
      setSession(session);
      this.dispatchEvent(new AeLoginSuccessEvent({ userId: session.userId, email: session.email }));
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-success')?.focus();
    } catch (err) {
      if (isAbortError(err) && controller.signal.aborted) return;
      await this.handleFailure(err, email);
    } finally {
      if (this.submitController === controller) this.pending = false;
    }
  }

  private async handleFailure(err: unknown, email: string): Promise<void> {
    const failure = failureOf(err);
    const { code } = failure;
    this.offer.failure(code);
    this.dispatchEvent(new AeLoginErrorEvent({ code }));
    const captcha = this.captchaEl;
    // The server spent the captcha with every answer that judged the form: a new picture for the next try.
    if (captcha && JUDGED.has(code)) void captcha.refresh('rejected');
    if (code === 'captcha_required') {
      this.captchaNeeded = true;
      this.topError = failure;
      await this.updateComplete;
      this.captchaEl?.focus();
      return;
    }
    if (captcha && (code === 'captcha_invalid' || code === 'captcha_expired')) {
      await captcha.updateComplete;
      captcha.error = { code: code === 'captcha_invalid' ? 'captcha.invalid' : 'captcha.expired' };
      captcha.focus();
      return;
    }
    if (code === 'not_activated') {
      this.notActivated = { email, sent: false };
      this.topError = undefined;
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-notice')?.focus();
      return;
    }
    this.topError = failure;
    this.retryWait.start(code === 'rate_limited' ? (failure.retryAfter ?? 0) : 0);
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ae-banner')?.focus();
  }

  private onRetry(): void {
    if (!this.retryWait.left) this.form?.requestSubmit();
  }

  private async onResend(): Promise<void> {
    const pending = this.notActivated;
    if (!pending || this.resending || this.resendWait.left) return;
    const controller = (this.resendController = new AbortController());
    this.resending = true;
    try {
      await (await needCapability(this.resolvedAdapter, 'registration', 'resendActivation')).resendActivation(pending.email, {
        signal: controller.signal,
      });
      this.notActivated = { email: pending.email, sent: true };
      this.offer.failure('letter_not_arrived');
      this.resendWait.start(this.resendCooldown);
    } catch (err) {
      if (controller.signal.aborted) return;
      const failure = failureOf(err);
      this.notActivated = { ...pending, failure };
      if (failure.code === 'rate_limited') this.resendWait.start(failure.retryAfter ?? this.resendCooldown);
    } finally {
      if (this.resendController === controller) this.resending = false;
    }
  }

  private async go(view: Exclude<View, 'login'>): Promise<void> {
    const email = this.values.email.trim();
    const event =
      view === 'forgot' ? new AeLoginForgotEvent({ email }) : new AeLoginRegisterEvent({ email });
    if (!this.dispatchEvent(event)) return;
    try {
      await loadView(view);
    } catch {
      this.topError = { code: 'network' };
      return;
    }
    this.clearPassword();
    this.view = view;
    await this.updateComplete;
    (this.querySelector(view === 'forgot' ? 'ae-forgot-password' : 'ae-register') as HTMLElement | null)?.focus();
  }

  /** Back from the form shown in this place ("Back to sign-in"): the sign-in form, focus on its e-mail field. */
  private async back(e: Event): Promise<void> {
    e.preventDefault();
    e.stopPropagation();
    this.view = 'login';
    await this.updateComplete;
    this.inputOf('email')?.focus();
  }

  // ---- texts -----------------------------------------------------------------------------------------------

  private topErrorText(f: Failure): string {
    switch (f.code) {
      case 'invalid_credentials':
        return msg('Invalid e-mail or password', {
          id: 'login.error.credentials',
          desc: 'Shown above the sign-in form for a wrong address or a wrong password alike (never says which).',
        });
      case 'captcha_required':
        return msg('Too many attempts. To continue, also type the code from the picture.', {
          id: 'login.captchaRequired',
          desc: 'Shown above the sign-in form when the server asks for a captcha after failed attempts.',
        });
      case 'network':
      case 'timeout':
        return connectionFailureText(f.code);
      case 'rate_limited':
        return retryWaitText(this.retryWait.left, f.retryAfter !== undefined);
      case 'unsupported':
        return unsupportedText();
      case 'validation':
        return msg('Check the e-mail and the password and try again.', {
          id: 'login.error.validation',
          desc: 'Shown above the sign-in form when the server refused the form itself.',
        });
      default:
        return msg('Something went wrong on our side. Try again: what you typed is kept.', {
          id: 'register.error.server',
          desc: 'Message at the top of the form when the server failed; what was typed is kept.',
        });
    }
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private renderField(name: Field): TemplateResult {
    const issue = this.visibleIssue(name);
    const isPassword = name === 'password';
    return field({
      id: this.fieldId(name),
      name,
      label: isPassword
        ? msg('Password', { id: 'register.password.label', desc: 'Label of the password field.' })
        : msg('E-mail', { id: 'register.email.label', desc: 'Label of the e-mail field.' }),
      type: isPassword ? (this.revealed ? 'text' : 'password') : 'email',
      autocomplete: isPassword ? 'current-password' : 'username',
      ...(isPassword ? {} : { inputmode: 'email' }),
      ...(issue && this.v ? { error: this.v.validationMessage(issue, name) } : {}),
      ...(isPassword && this.capsLock ? { warning: capsLockText() } : {}),
      ...(isPassword ? { trailing: revealButton(this.revealed, this.fieldId('password'), this.togglePassword) } : {}),
      onInput: this.onInput,
      onChange: this.onChange,
      ...(isPassword ? { onKey: this.onKey, onBlur: this.onPasswordBlur } : {}),
    });
  }

  private renderBanner(): TemplateResult | typeof nothing {
    const f = this.topError;
    if (!f) return nothing;
    return html`<div class="ae-banner" role="alert" tabindex="-1" data-code=${f.code}>
      <p>${this.topErrorText(f)}</p>
      ${RETRYABLE.has(f.code)
        ? html`<button class="ae-button" type="button" aria-disabled=${this.retryWait.left ? 'true' : 'false'} @click=${this.onRetry}>
            ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderNotActivated(): TemplateResult | typeof nothing {
    const n = this.notActivated;
    if (!n) return nothing;
    const left = this.resendWait.left;
    const masked = maskEmail(n.email);
    return html`<div class="ae-notice ae-not-activated" role="status" tabindex="-1">
      <p>
        <strong
          >${msg('The profile is not activated yet', {
            id: 'login.notActivated.title',
            desc: 'Title shown after a correct sign-in of a profile whose activation letter was not opened yet.',
          })}</strong
        >
      </p>
      <p>
        ${n.sent
          ? msg(str`We sent a new letter to ${masked}. Open it and press “Activate profile”, then sign in.`, {
              id: 'login.notActivated.sent',
              desc: 'After the activation letter was sent again from the sign-in form; the placeholder is the masked address.',
            })
          : msg(str`Open the letter we sent to ${masked} and press “Activate profile”, then sign in.`, {
              id: 'login.notActivated.text',
              desc: 'Under the not-activated title; the placeholder is the masked address. "Activate profile" is the button in the letter.',
            })}
      </p>
      ${n.failure
        ? html`<p class="ae-error">
            ${n.failure.code === 'rate_limited'
              ? msg('Too many attempts. Send again when the countdown on the button ends.', {
                  id: 'activate.resend.rateLimited',
                  desc: 'Shown when the server refused to send a new letter so soon; the "Send again" button counts the seconds down.',
                })
              : n.failure.code === 'network' || n.failure.code === 'timeout'
                ? connectionFailureText(n.failure.code)
                : n.failure.code === 'unsupported'
                  ? unsupportedText()
                  : msg('Something went wrong on our side. Try again in a moment.', {
                      id: 'activate.error.server',
                      desc: 'Shown when the server failed (checking the link or sending a new letter).',
                    })}
          </p>`
        : nothing}
      <button
        class="ae-button"
        type="button"
        aria-disabled=${left || this.resending ? 'true' : 'false'}
        @click=${this.onResend}
      >
        ${left
          ? msg(str`Send the letter again in ${secondsText(left)}`, {
              id: 'login.resend.wait',
              desc: 'Button text while the activation letter cannot be sent again yet; the placeholder is a duration ("30 seconds", ru accusative after "через").',
            })
          : msg('Send the letter again', {
              id: 'login.resend',
              desc: 'Button that sends the activation letter again from the sign-in form.',
            })}
      </button>
    </div>`;
  }

  private renderForm(): TemplateResult {
    return html`<form
      class="ae-form"
      method="post"
      .submit=${this.guardedSubmit}
      novalidate
      aria-busy=${this.pending ? 'true' : 'false'}
      @submit=${this.onSubmit}
      @pointerdown=${this.press.onPointerDown}
    >
      ${this.renderBanner()} ${this.renderNotActivated()}
      <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
        ${this.renderField('email')} ${this.renderField('password')}
        <div class="ae-login-options">
          <label class="ae-check">
            <input type="checkbox" name="remember" />
            <span>${msg('Stay signed in', { id: 'login.remember', desc: 'Checkbox: keep the session after the browser is closed.' })}</span>
          </label>
          <button class="ae-link" type="button" @click=${() => this.go('forgot')}>
            ${msg('Forgot password?', { id: 'login.forgot', desc: 'Link-like button under the password field that opens password recovery.' })}
          </button>
        </div>
        ${this.captchaNeeded
          ? html`<ae-captcha
              id=${this.fieldId('captcha')}
              name="captcha"
              required
              theme=${this.theme ?? nothing}
              .adapter=${this.resolvedAdapter as CaptchaCapability}
            ></ae-captcha>`
          : nothing}
      </fieldset>
      ${submitButton(
        this.pending,
        this.disabled,
        msg('Sign in', { id: 'login.submit', desc: 'Submit button of the sign-in form.' }),
        msg('Signing in…', { id: 'login.submitting', desc: 'Submit button text while signing in.' }),
      )}
      ${!this.noRegister && canShow('register')
        ? html`<p class="ae-note">
            ${msg('New here?', { id: 'login.new', desc: 'Before the "Create profile" link under the sign-in form.' })}
            <button class="ae-link" type="button" @click=${() => this.go('register')}>
              ${msg('Create profile', { id: 'login.register', desc: 'Link-like button under the sign-in form that opens registration.' })}
            </button>
          </p>`
        : nothing}
    </form>`;
  }

  private renderSuccess(firstName: string): TemplateResult {
    return html`<div class="ae-notice ae-success" role="status" tabindex="-1">
      <h3>
        ${firstName
          ? msg(str`Hello, ${firstName}!`, { id: 'login.success.title', desc: 'Heading after signing in; the placeholder is the first name.' })
          : msg('You are signed in', { id: 'login.success.titleNoName', desc: 'Heading after signing in when the name is unknown.' })}
      </h3>
      <p>${msg('You are signed in.', { id: 'login.success.text', desc: 'Text under the heading after signing in.' })}</p>
    </div>`;
  }

  /** `form.submit()` from a page script fires no submit event: it goes through the same path as a press. */
  private readonly guardedSubmit = (): void => this.form?.requestSubmit();

  private renderLight(): TemplateResult {
    const back = msg('Back to sign-in', { id: 'login.back', desc: 'Link back from registration or password recovery to the sign-in form.' });
    return html`<div class="ae-root" lang=${getLocale()}>
      ${this.view === 'forgot'
        ? html`<ae-forgot-password
            tabindex="-1"
            email=${this.values.email}
            theme=${this.theme ?? nothing}
            .adapter=${this.resolvedAdapter}
            @ae-forgot-password-back=${this.back}
          ></ae-forgot-password>`
        : nothing}
      ${this.view === 'register'
        ? html`<ae-register tabindex="-1" theme=${this.theme ?? nothing} .adapter=${this.resolvedAdapter}>
            <p slot="footer">
              ${msg('Already have a profile?', { id: 'login.haveProfile', desc: 'Before the "Back to sign-in" link under registration.' })}
              <a href="#" class="ae-link ae-back" @click=${this.back}>${back}</a>
            </p>
          </ae-register>`
        : nothing}
      <div class="ae-login-main" ?hidden=${this.view !== 'login'}>
        ${this.success ? this.renderSuccess(this.success.firstName) : this.renderForm()}
        ${this.social.trim() === 'none' || this.success
          ? nothing
          : html`<ae-social-login
              providers=${this.social}
              divider="before"
              theme=${this.theme ?? nothing}
              ?disabled=${this.disabled}
              .adapter=${this.resolvedAdapter}
            ></ae-social-login>`}
        ${this.success ? nothing : this.offer.render()}
      </div>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header" ?hidden=${this.view !== 'login'}
        ><h2 part="heading">${msg('Sign in', { id: 'login.heading', desc: 'Default heading of the sign-in form.' })}</h2></slot
      >
      <slot></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
