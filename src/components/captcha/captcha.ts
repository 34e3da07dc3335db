import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { setCustomState } from '../../internal/custom-state.js';
import { AeElement } from '../../internal/ae-element.js';
import { defaultWatchers } from '../../internal/default-adapter.js';
import { getLocale } from '../../locales/localization.js';
import { captchaStyles } from './captcha.styles.js';
import type { Captcha, CaptchaCapability } from '../../adapter/types.js';
import { isAbortError } from '../../adapter/is-abort-error.js';
import { captchaAnswerIssue } from '../../validation/captcha-rule.js';
import { captchaMessage } from '../../validation/captcha-messages.js';
import type { ValidationIssue } from '../../validation/validate.js';
import { AeCaptchaRefreshEvent } from '../../events/captcha-events.js';
import type { CaptchaRefreshDetail } from '../../events/captcha-events.js';
import type { CaptchaExtras } from './captcha-extras.js';

/** The listen button and the help link (captcha-extras.ts): one chunk, requested once, beside the first picture. */
let extras: Promise<typeof import('./captcha-extras.js')> | undefined;

/**
 * @tagname ae-captcha
 * @summary An image captcha: the picture, a "Refresh code" button and the answer field. Letter case matters.
 * Form-associated: inside any `<form>` it submits `captcha` (the answer, case kept) and `captchaId`.
 * When the adapter offers the code spoken (`Captcha.audio`), a "Listen to the code" button plays it (never by
 * itself; pressed while playing it stops, pressed again it plays from the start); "Can't read or hear the code?
 * Write to support" opens the page's `<ae-support>` (see `ae-captcha-help`). Both come in a chunk of their own
 * (captcha-extras.ts), requested when the element connects; its first picture is shown with them.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The field's label.
 * @csspart row - The picture and the refresh button.
 * @csspart image - The captcha picture (`<img>`).
 * @csspart placeholder - Shown instead of the picture while it loads or when it failed to load.
 * @csspart refresh - The "Refresh code" button.
 * @csspart listen - The "Listen to the code" button (only when the captcha has audio).
 * @csspart help - "Can't read or hear the code? Write to support".
 * @csspart input - The answer field.
 * @csspart hint - "Letter case matters".
 * @csspart error - The error message.
 *
 * @cssprop --ae-captcha-image-background - Background behind the picture.
 *
 * @cssstate pending - A new picture is loading.
 * @cssstate playing - The code is being spoken.
 * @cssstate invalid - The answer is missing (when required) or was rejected.
 * @cssstate user-invalid - Invalid, and the person has interacted with the field or tried to submit.
 *
 * @fires ae-captcha-refresh - A new picture is shown (`detail.captchaId`, `detail.reason`).
 * @fires ae-captcha-help - The help link was pressed (`detail.captchaId`, `detail.audio`); cancelable: the default
 * opens the page's `<ae-support>` on the captcha topic, if the page has one.
 * @fires input - The answer changed (native, composed).
 * @fires change - The answer was committed.
 */
export class AeCaptcha extends AeElement<CaptchaCapability> {
  static override styles = captchaStyles;
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...AeElement.shadowRootOptions, delegatesFocus: true };

  // What only this class uses is `#private`: every minifier shortens those names (esbuild and terser alike),
  // never a TS `private` one. The reactive state below stays a plain property (Lit makes accessors for it).
  readonly #internals: ElementInternals;
  #loadController?: AbortController;
  #expiryTimer?: ReturnType<typeof setTimeout>;
  #touched = false;
  /** Set while our own checkValidity() runs: its `invalid` event is no submit attempt. */
  #checkingValidity = false;
  /** The adapter the picture on display came from: a new adapter means a new picture. */
  #loadedFrom?: object;
  /** The listen button and the help link, once their chunk is here. */
  #extras?: CaptchaExtras;
  /** Settles when the chunk is here (or failed): a picture is shown with them, in one render, not before. */
  #extrasReady?: Promise<void>;

  static override properties: PropertyDeclarations = {
    captcha: { state: true },
    loading: { state: true },
    loadFailed: { state: true },
    announce: { state: true },
    formDisabled: { state: true },
    name: { reflect: true },
    value: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    error: { attribute: false },
  };

  get #input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }

  private captcha?: Captcha;
  private loading = false;
  private loadFailed = false;
  /** "A new code is shown" is in the live region (its text follows the locale). */
  private announce = false;
  /** Automatic refreshes in a row, since the last one the person or the form asked for. */
  #autoRefreshes = 0;
  /** Disabled by the form (an ancestor `<fieldset disabled>` or our own attribute), per formDisabledCallback. */
  private formDisabled = false;

  /** Name of the answer in form data; the challenge id is submitted as `${name}Id`. */
  name = 'captcha';
  /** The answer as typed, case kept. */
  value = '';
  /** Whether an answer is required for the form to be valid. */
  required = false;
  /** Disables the field and the refresh button. */
  disabled = false;
  /** An error to show under the field (for example the server rejected the answer). Cleared by typing. */
  declare error?: ValidationIssue;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // A submit attempt of the form (or form.reportValidity()) shows the message, as after a native field's.
    this.addEventListener('invalid', (e) => {
      if (e.isTrusted && !this.#checkingValidity) this.markTouched();
    });
  }

  /** The id of the challenge on display, if any. */
  get captchaId(): string | undefined {
    return this.captcha?.id;
  }
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    this.#checkingValidity = true;
    try {
      return this.#internals.checkValidity();
    } finally {
      this.#checkingValidity = false;
    }
  }
  reportValidity(): boolean {
    this.#touched = true;
    this.#syncValidity();
    return this.#internals.reportValidity();
  }

  protected override startLoads(): void {
    this.#extrasReady ??= (extras ??= import('./captcha-extras.js')).then(
      (m) => {
        this.#extras = new m.CaptchaExtras(this, this.#internals);
        this.requestUpdate();
      },
      () => {},
    );
    if (!this.captcha || this.captcha.expiresAt <= Date.now()) void this.refresh(this.captcha ? 'expired' : 'initial');
    else this.#scheduleExpiry();
    // A picture is checked by the server that drew it: a page default set after it was asked for draws anew.
    defaultWatchers.add(this.#followAdapter);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#extras?.hush();
    this.#loadController?.abort();
    clearTimeout(this.#expiryTimer);
    defaultWatchers.delete(this.#followAdapter);
  }

  protected override updated(): void {
    // Form value, validity and states follow every render (value, name, required, error, the challenge,
    // loading): cheap, and nothing can fall out of step.
    this.#syncValidity();
    setCustomState(this.#internals, 'pending', this.loading);
    // A new `adapter` or `endpoint`, or a new page default (the watcher above).
    this.#followAdapter();
  }

  /** A new picture when the adapter the last one came from is no longer the one in use. */
  #followAdapter = (): void => {
    if (this.#loadedFrom && this.#loadedFrom !== this.resolvedAdapter) void this.refresh('initial');
  };

  /** Focuses the answer field (not the first focusable node, which is the refresh button). */
  override focus(options?: FocusOptions): void {
    if (this.#input) this.#input.focus(options);
    else super.focus(options);
  }

  /** Loads a new picture; the answer is emptied. Can be called any number of times. */
  async refresh(reason: CaptchaRefreshDetail['reason'] = 'user'): Promise<void> {
    this.#loadController?.abort();
    const controller = (this.#loadController = new AbortController());
    clearTimeout(this.#expiryTimer);
    this.#extras?.hush();
    this.loading = true;
    this.loadFailed = false;
    // Emptied while loading, so that the same "A new code is shown" is a change, and spoken again.
    this.announce = false;
    this.#autoRefreshes = reason === 'expired' ? this.#autoRefreshes + 1 : 0;
    const adapter = (this.#loadedFrom = this.resolvedAdapter);
    try {
      const captcha = await adapter.getCaptcha({ signal: controller.signal });
      // Requested at connect, beside the picture: the help link must not appear under a picture already shown.
      await this.#extrasReady;
      if (controller.signal.aborted) return;
      this.captcha = captcha;
      this.value = '';
      if (reason !== 'rejected') this.error = undefined;
      this.announce = reason !== 'initial';
      this.#scheduleExpiry();
      this.dispatchEvent(new AeCaptchaRefreshEvent({ captchaId: captcha.id, reason }));
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) return;
      this.captcha = undefined;
      this.loadFailed = true;
    } finally {
      if (this.#loadController === controller) this.loading = false;
    }
  }

  /** Marks the field as interacted with, so its message shows (used on a form submit). */
  markTouched(): void {
    this.#touched = true;
    this.#syncValidity();
    this.requestUpdate();
  }

  formResetCallback(): void {
    this.value = '';
    this.error = undefined;
    this.#touched = false;
  }

  formDisabledCallback(disabled: boolean): void {
    // Not `this.disabled = disabled`: the reflected attribute would keep the element disabled after the
    // fieldset is enabled again (the browser then sees our own `disabled` attribute and never calls back).
    this.formDisabled = disabled;
  }

  /** Disabled by its own property or attribute, or by the form (a `<fieldset disabled>` around it). */
  get #isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  #scheduleExpiry(): void {
    clearTimeout(this.#expiryTimer);
    if (!this.captcha || !this.isConnected) return;
    // An expiry read on a skewed clock (or sent in seconds) must not become a stream of requests: never sooner
    // than 5 s, doubled by each automatic refresh in a row, and after 3 in a row none until the person acts
    // (a submit of an expired code still brings a new picture, with its message).
    if (this.#autoRefreshes > 2) return;
    const ms = Math.max(this.captcha.expiresAt - Date.now(), 5e3 * 2 ** this.#autoRefreshes);
    // setTimeout caps at 2^31-1 ms; a far expiry needs no timer at all.
    if (ms < 2 ** 31 - 1) this.#expiryTimer = setTimeout(() => void this.refresh('expired'), ms);
  }

  /** The issue to show: the host's error first, else the schema's verdict (when required). */
  get #currentIssue(): ValidationIssue | undefined {
    if (this.error) return this.error;
    if (!this.required && this.value === '') return undefined;
    return captchaAnswerIssue(this.value);
  }

  #syncValidity(): void {
    const data = new FormData();
    data.append(this.name, this.value);
    if (this.captcha) data.append(`${this.name}Id`, this.captcha.id);
    this.#internals.setFormValue(data);
    const issue = this.#currentIssue;
    if (issue) {
      const flags: ValidityStateFlags =
        issue.code === 'captcha.required' ? { valueMissing: true } : { customError: true };
      this.#internals.setValidity(flags, this.#issueText(issue), this.#input ?? undefined);
    } else {
      this.#internals.setValidity({});
    }
    setCustomState(this.#internals, 'invalid', !!issue);
    setCustomState(this.#internals, 'user-invalid', !!issue && this.#touched);
  }

  /** Captcha codes have their own texts; anything else a host sets falls back to a generic one. */
  #issueText(issue: ValidationIssue): string {
    return (
      captchaMessage(issue) ??
      msg('Check the code', { id: 'captcha.error.other', desc: 'Error under the captcha for an unexpected problem.' })
    );
  }

  #onInput(e: Event): void {
    this.value = (e.target as HTMLInputElement).value;
    this.error = undefined;
  }

  #onChange(): void {
    this.#touched = true;
    this.#syncValidity();
    this.requestUpdate();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /**
   * Enter in the answer field: implicit submission, as the HTML standard defines it for a text field. The form's
   * default button (its first submit button) gets a click, so the submit event names it as the submitter and
   * its own click handlers run; a disabled default button means no submission. A form without a submit button
   * is submitted (the standard would not when other text fields are in it; we keep the byte budget instead).
   */
  #onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const form = this.#internals.form;
    if (!form) return;
    e.preventDefault();
    const button = ([...form.elements] as HTMLInputElement[]).find((f) => f.type === 'submit' || f.type === 'image');
    if (!button) form.requestSubmit();
    else if (!button.matches(':disabled')) button.click();
  }

  #onRefreshClick(): void {
    void this.refresh('user').then(() => this.#input?.focus());
  }

  protected override render(): TemplateResult {
    const issue = this.#touched || this.error ? this.#currentIssue : undefined;
    const describedBy = issue ? 'hint error' : 'hint';
    const refresh = msg('Refresh code', { id: 'captcha.refresh', desc: 'Button that loads a new captcha picture (its name and tooltip).' });
    return html`<div part="base" lang=${getLocale()}>
      <label part="label" for="answer"
        >${msg('Code from the picture', { id: 'captcha.label', desc: 'Label of the captcha answer field.' })}</label
      >
      <span part="hint" id="hint"
        >${msg('Letter case matters', {
          id: 'captcha.hint.case',
          desc: 'Hint between the captcha label and the picture: capital and small letters are different.',
        })}</span
      >
      <div part="card">
        <div part="row">
          ${this.captcha && !this.loadFailed
            ? html`<img
                part="image"
                src=${this.captcha.image}
                width="160"
                height="56"
                alt=${msg('Picture with a code of letters and digits', {
                  id: 'captcha.image.alt',
                  desc: 'Text alternative of the captcha picture.',
                })}
              />`
            : html`<div part="placeholder" role="status" ?data-loading=${!this.loadFailed}>
                ${this.loadFailed
                  ? msg('Could not load the code', {
                      id: 'captcha.loadFailed',
                      desc: 'Shown instead of the captcha picture when it failed to load; the refresh button retries.',
                    })
                  : msg('Loading the code…', { id: 'captcha.loading', desc: 'Shown while the captcha picture loads.' })}
              </div>`}
          <button
            part="refresh"
            type="button"
            aria-label=${refresh}
            title=${refresh}
            ?disabled=${this.#isDisabled || this.loading}
            @click=${this.#onRefreshClick}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M20 12a8 8 0 1 1-2.34-5.66M20 4v4.5h-4.5"></path>
            </svg>
          </button>
          ${this.#extras?.listen(this.loadFailed ? undefined : this.captcha, this.#isDisabled || this.loading)}
        </div>
        ${this.#extras?.help()}
        <input
          part="input"
          id="answer"
          type="text"
          autocomplete="off"
          autocapitalize="off"
          autocorrect="off"
          spellcheck="false"
          .value=${this.value}
          ?disabled=${this.#isDisabled}
          ?required=${this.required}
          aria-invalid=${issue ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${this.#onInput}
          @change=${this.#onChange}
          @keydown=${this.#onKeydown}
        />
      </div>
      ${issue ? html`<span part="error" id="error">${this.#issueText(issue)}</span>` : nothing}
      <span class="visually-hidden" role="status" aria-live="polite"
        >${this.#extras?.status() ??
        (this.announce
          ? msg('A new code is shown', {
              id: 'captcha.announce.new',
              desc: 'Announced to screen readers when a new captcha picture replaced the old one.',
            })
          : '')}</span
      >
    </div>`;
  }
}
