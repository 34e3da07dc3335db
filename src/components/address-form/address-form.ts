import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { setCustomState } from '../../internal/custom-state.js';
import { field, revealButton, submitButton } from '../../internal/field.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { needCapability } from '../../internal/need-capability.js';
import { latinSuggestionButton, applySuggestion } from '../../internal/latin-suggestion.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import { MAX_ADDRESSES } from '../../adapter/account-types.js';
import type { AccountCapability, AddressInput, ShippingAddress } from '../../adapter/account-types.js';
import { addressFieldsOf, countryRules, isRequired } from '../../validation/address-countries.js';
import type { AddressField, CountryAddressRules } from '../../validation/address-countries.js';
import type { ValidationIssue } from '../../validation/validate.js';
import { getLocale } from '../../locales/localization.js';
import { sharedFailureText } from '../../locales/shared-failure-text.js';
import { AeAddressChangeEvent, AeAddressErrorEvent } from '../../events/address-events.js';
import { accountFormLightStyles, selectLightStyles } from '../preferences/account-light-styles.js';
import { selectField } from '../preferences/select-field.js';
import { countryName, sortedCountries } from '../preferences/display-names.js';
import { getPreferencesSnapshot } from '../../session/preferences-store.js';
import { addressFormStyles, addressLightStyles } from './address-form.styles.js';
import { AUTOCOMPLETE, addressLabel } from './address-form-texts.js';

type AddressCalls = Pick<AccountCapability, 'listAddresses' | 'saveAddress' | 'deleteAddress' | 'setDefaultAddress'>;
type Values = Record<AddressField, string>;
const TEXT_FIELDS: readonly AddressField[] = ['name', 'phone', 'region', 'city', 'street', 'apartment', 'postalCode'];
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);
/** Codes that mean the address itself is Latin-checked and a suggestion may be offered. */
const SUGGESTING = new Set(['address.cyrillic', 'address.latinOnly']);

type Validation = typeof import('./address-form-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The schema, libphonenumber-js/min and the messages, in their own chunk, requested as soon as the element connects. */
function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('./address-form-validation.js').catch((e: unknown) => {
    validationModule = undefined;
    throw e;
  }));
}

let instances = 0;

function emptyValues(country: string): Values {
  return { name: '', phone: '', country, region: '', city: '', street: '', apartment: '', postalCode: '' };
}

/**
 * @tagname ae-address-form
 * @summary The buyer's shipping addresses: up to five, one default; add, edit, remove, make default. Fields in the
 * order and with the required ones of the chosen country, in Latin letters for international shipping, with a
 * one-click transliteration suggestion for Cyrillic ("София" → "Sofia"), the phone checked per country.
 *
 * The `<form>` and its `<input>`s are in the element's light DOM with `autocomplete` tokens in one
 * `section-… shipping` group, so browsers fill them. Adding an address may ask for the password again (the
 * adapter answers `reauth_required`): the prompt appears in the form, the password goes to the adapter only and
 * is emptied after. A failed save keeps every field.
 *
 * @slot header - Heading above everything. Default: "Shipping addresses".
 * @slot footer - Content under everything.
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-address-form-max-width - Maximum width of the element (36rem).
 * @cssprop --ae-address-form-padding - Inner spacing of the frame.
 * @cssprop --ae-address-form-border-color - Border of the frame.
 *
 * @cssstate loading - The saved addresses are being loaded.
 * @cssstate editing - The form for a new or changed address is shown.
 * @cssstate pending - A save is under way.
 * @cssstate reauth - The password is asked for.
 *
 * @fires ae-address-change - An address was added, edited, removed or made the default: `{ action, addressId, country? }`.
 * @fires ae-address-error - A call was refused or failed: `{ code, action }`.
 */
export class AeAddressForm extends AeElement<AddressCalls> {
  static override styles = addressFormStyles;
  /** @internal Its texts are in a locale preset's rest part (src/locales/preload.ts, scripts/build/locale-parts.mjs). */
  static readonly localeTexts = 'rest';

  private readonly uid = `ae-address-${++instances}`;
  private readonly internals = this.attachInternals();
  private controller?: AbortController;
  /** The saved addresses' load in flight (aborted when the element is removed). */
  private loadController?: AbortController;

  /** The saved addresses; undefined while loading. */
  @state() private addresses?: ShippingAddress[];
  @state() private loadError?: Failure;
  /** The form is open: for a new address (no id) or a saved one. */
  @state() private editing?: { id?: string; wasDefault: boolean };
  @state() private values: Values = emptyValues('BG');
  @state() private makeDefault = false;
  @state() private shown = new Set<AddressField>();
  @state() private serverIssues: Partial<Record<AddressField, ValidationIssue>> = {};
  @state() private summary: AddressField[] = [];
  @state() private topError?: Failure & { action: 'save' | 'remove' | 'default' };
  @state() private pending = false;
  /** The adapter asked for the password again. */
  @state() private reauth = false;
  @state() private passwordError?: 'required' | 'wrong';
  @state() private revealed = false;
  @state() private confirmRemove?: string;
  @state() private notice?: 'saved' | 'removed' | 'default';
  @state() private v?: Validation;

  /** Disables every control. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Hides the default heading (the account panel shows its own). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  override connectedCallback(): void {
    adoptLightStyles(this, accountFormLightStyles);
    adoptLightStyles(this, selectLightStyles);
    adoptLightStyles(this, addressLightStyles);
    super.connectedCallback();
  }

  protected override startLoads(): void {
    if (!this.v) void loadValidation().then((v) => (this.v = v), () => undefined);
    // In parallel with the first render (which shows the loading state).
    if (!this.addresses) void this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.loadController?.abort();
    this.pending = false;
    this.clearPassword();
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'loading', !this.addresses && !this.loadError);
    setCustomState(this.internals, 'editing', !!this.editing);
    setCustomState(this.internals, 'pending', this.pending);
    setCustomState(this.internals, 'reauth', this.reauth);
    render(this.renderLight(), this, { host: this });
  }

  /** The editing `<form>` (light DOM), when open. */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  /** Loads the saved addresses again. */
  async reload(): Promise<void> {
    this.loadError = undefined;
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    try {
      const api = await needCapability(this.resolvedAdapter, 'account', 'listAddresses');
      const addresses = await api.listAddresses({ signal: controller.signal });
      // Removed (or reloaded) meanwhile: nothing more to show.
      if (controller.signal.aborted) return;
      this.addresses = addresses;
    } catch (err) {
      if (controller.signal.aborted) return;
      this.loadError = failureOf(err);
      this.dispatchEvent(new AeAddressErrorEvent({ code: this.loadError.code, action: 'load' }));
    }
  }

  /** Opens the form for a new address (the country of the page's preferences, or the first saved address's). */
  add(): void {
    if ((this.addresses?.length ?? 0) >= MAX_ADDRESSES) return;
    const prefs = getPreferencesSnapshot(getLocale());
    const country = countryRules(prefs.country)?.code ?? 'BG';
    this.open(undefined, emptyValues(country), false);
  }

  /** Opens the form on a saved address. */
  edit(id: string): void {
    const a = this.addresses?.find((x) => x.id === id);
    if (!a) return;
    const { name, phone, country, region, city, street, apartment, postalCode } = a;
    this.open(id, { name, phone, country, region, city, street, apartment, postalCode }, a.isDefault);
  }

  // ---- state helpers -------------------------------------------------------------------------------------

  private open(id: string | undefined, values: Values, isDefault: boolean): void {
    this.editing = id ? { id, wasDefault: isDefault } : { wasDefault: false };
    this.values = values;
    this.makeDefault = false;
    this.shown = new Set();
    this.serverIssues = {};
    this.summary = [];
    this.topError = undefined;
    this.reauth = false;
    this.passwordError = undefined;
    this.notice = undefined;
    this.confirmRemove = undefined;
    void this.updateComplete.then(() => {
      // Every input gets its value once; typing owns it from then on (field.ts never binds a value).
      for (const f of TEXT_FIELDS) {
        const input = this.inputOf(f);
        if (input) input.value = this.values[f];
      }
      this.querySelector<HTMLElement>('.ae-editor-title')?.focus();
    });
  }

  private get rules(): CountryAddressRules | undefined {
    return countryRules(this.values.country);
  }

  private fieldId(name: string): string {
    return `${this.uid}-${name}`;
  }

  private inputOf(name: string): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  }

  /** The fields of the chosen country's form, in its order. */
  private get fields(): readonly AddressField[] {
    const rules = this.rules;
    return rules ? addressFieldsOf(rules) : ['country', 'name', 'street', 'apartment', 'city', 'postalCode', 'phone'];
  }

  private issueFor(f: AddressField): ValidationIssue | undefined {
    if (this.serverIssues[f]) return this.serverIssues[f];
    return this.v?.validateAddressField(f, this.values, { locale: getLocale() });
  }

  private visibleIssue(f: AddressField): ValidationIssue | undefined {
    const issue = this.issueFor(f);
    if (!issue) return undefined;
    // Cyrillic is pointed out at once, with its suggestion: the person is typing it right now.
    if (this.shown.has(f) || this.serverIssues[f] || issue.code === 'address.cyrillic') return issue;
    return undefined;
  }

  private message(issue: ValidationIssue, f: AddressField): string {
    const r = this.rules;
    return this.v ? this.v.addressMessage(issue, f, { regionKind: r?.regionKind, postalKind: r?.postalKind }) : '';
  }

  private clearPassword(): void {
    const p = this.inputOf('password');
    if (p) p.value = '';
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private readonly onInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const name = input.name as AddressField;
    if (input.name === 'password') {
      this.passwordError = undefined;
      return;
    }
    if (!TEXT_FIELDS.includes(name)) return;
    this.values = { ...this.values, [name]: input.value };
    if (this.serverIssues[name]) {
      const { [name]: _gone, ...rest } = this.serverIssues;
      this.serverIssues = rest;
    }
  };

  private readonly onChange = (e: Event): void => {
    const name = (e.target as HTMLInputElement).name as AddressField;
    if (!TEXT_FIELDS.includes(name) || this.shown.has(name)) return;
    this.shown = new Set(this.shown).add(name);
  };

  private readonly onCountry = (e: Event): void => {
    const country = (e.target as HTMLSelectElement).value;
    this.values = { ...this.values, country };
    const { country: _c, ...rest } = this.serverIssues;
    this.serverIssues = rest;
    // The fields the new country has keep what was typed; the order and the rules follow the country.
    void this.updateComplete.then(() => {
      for (const f of TEXT_FIELDS) {
        const input = this.inputOf(f);
        if (input && input.value !== this.values[f]) input.value = this.values[f];
      }
    });
  };

  private applyLatin(f: AddressField, suggestion: string): void {
    const input = this.inputOf(f);
    if (!input) return;
    applySuggestion(input, suggestion);
    this.shown = new Set(this.shown).add(f);
  }

  private readonly onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.pending || this.disabled || !this.editing) return;
    if (!this.v) {
      try {
        this.v = await loadValidation();
      } catch {
        this.topError = { code: 'network', action: 'save' };
        return;
      }
    }
    this.topError = undefined;
    const fields = this.fields;
    this.shown = new Set(fields);
    const invalid = fields.filter((f) => this.issueFor(f));
    this.summary = invalid;
    let password: string | undefined;
    if (this.reauth) {
      password = this.inputOf('password')?.value ?? '';
      if (!password) this.passwordError = 'required';
    }
    if (invalid.length || this.passwordError) {
      await this.updateComplete;
      this.focusProblem(invalid[0]);
      return;
    }
    // As it is saved: trimmed, the phone in E.164, '' for the fields the country's form does not have.
    const input: AddressInput = { ...this.v.normalizeAddress(this.values) };
    if (this.editing.id) input.id = this.editing.id;
    if (this.makeDefault) input.makeDefault = true;
    this.pending = true;
    const controller = (this.controller = new AbortController());
    try {
      const api = await needCapability(this.resolvedAdapter, 'account', 'saveAddress');
      const saved = await api.saveAddress(input, password ? { signal: controller.signal, password } : { signal: controller.signal });
      password = undefined;
      this.clearPassword();
      this.reauth = false;
      const action = this.editing?.id ? 'edit' : 'add';
      this.editing = undefined;
      this.dispatchEvent(new AeAddressChangeEvent({ action, addressId: saved.id, country: saved.country }));
      await this.reloadAfter('saved');
    } catch (err) {
      if (isAbortError(err) && controller.signal.aborted) return;
      await this.handleSaveFailure(failureOf(err));
    } finally {
      if (this.controller === controller) this.pending = false;
    }
  };

  private async handleSaveFailure(failure: Failure): Promise<void> {
    this.dispatchEvent(new AeAddressErrorEvent({ code: failure.code, action: 'save' }));
    if (failure.code === 'reauth_required') {
      this.reauth = true;
      this.passwordError = undefined;
      await this.updateComplete;
      this.inputOf('password')?.focus();
      return;
    }
    if (failure.code === 'invalid_credentials') {
      this.reauth = true;
      this.passwordError = 'wrong';
      this.clearPassword();
      await this.updateComplete;
      this.inputOf('password')?.focus();
      return;
    }
    if (failure.code === 'validation' && failure.fieldErrors) {
      const issues: Partial<Record<AddressField, ValidationIssue>> = {};
      let unplaced = false;
      for (const [f, code] of Object.entries(failure.fieldErrors)) {
        if (this.fields.includes(f as AddressField)) issues[f as AddressField] = { code };
        else unplaced = true;
      }
      this.serverIssues = { ...this.serverIssues, ...issues };
      const placed = Object.keys(issues) as AddressField[];
      this.summary = this.fields.filter((f) => placed.includes(f));
      if (unplaced || !placed.length) this.topError = { ...failure, action: 'save' };
      await this.updateComplete;
      if (placed.length) this.focusProblem(this.summary[0]);
      else this.querySelector<HTMLElement>('.ae-banner')?.focus();
      return;
    }
    this.topError = { ...failure, action: 'save' };
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ae-banner')?.focus();
  }

  private focusProblem(f: AddressField | undefined): void {
    const target: HTMLElement | null = f
      ? f === 'country'
        ? this.querySelector('select[name="country"]')
        : this.inputOf(f)
      : this.passwordError
        ? this.inputOf('password')
        : null;
    target?.focus();
    target?.scrollIntoView?.({ block: 'center' });
  }

  private async reloadAfter(notice: 'saved' | 'removed' | 'default'): Promise<void> {
    await this.reload();
    this.notice = notice;
    await this.updateComplete;
    this.querySelector<HTMLElement>('.ae-notice')?.focus();
  }

  private readonly onCancel = (): void => {
    this.controller?.abort();
    this.pending = false;
    this.clearPassword();
    this.editing = undefined;
    this.reauth = false;
    void this.updateComplete.then(() => this.querySelector<HTMLElement>('.ae-add')?.focus());
  };

  private async removeAddress(id: string): Promise<void> {
    this.confirmRemove = undefined;
    await this.call('remove', id, async (api, signal) => api.deleteAddress(id, { signal }));
  }

  private async setDefault(id: string): Promise<void> {
    await this.call('default', id, async (api, signal) => api.setDefaultAddress(id, { signal }));
  }

  private async call(action: 'remove' | 'default', id: string, run: (api: AddressCalls, signal: AbortSignal) => Promise<void>): Promise<void> {
    if (this.pending) return;
    this.topError = undefined;
    this.notice = undefined;
    this.pending = true;
    // Aborted when the element is removed (disconnectedCallback), as the save is.
    const controller = (this.controller = new AbortController());
    try {
      const api = await needCapability(this.resolvedAdapter, 'account', action === 'remove' ? 'deleteAddress' : 'setDefaultAddress');
      await run(api, controller.signal);
      if (controller.signal.aborted) return;
      this.dispatchEvent(new AeAddressChangeEvent({ action, addressId: id }));
      await this.reloadAfter(action === 'remove' ? 'removed' : 'default');
    } catch (err) {
      if (controller.signal.aborted) return;
      const failure = failureOf(err);
      this.dispatchEvent(new AeAddressErrorEvent({ code: failure.code, action }));
      this.topError = { ...failure, action };
      await this.updateComplete;
      this.querySelector<HTMLElement>('.ae-banner')?.focus();
    } finally {
      this.pending = false;
    }
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private failureText(f: Failure): string {
    const shared = sharedFailureText(f);
    if (shared) return shared;
    switch (f.code) {
      case 'forbidden':
        return msg('Sign in to manage your addresses.', { id: 'address.error.signedOut', desc: 'Shown when the person is not signed in.' });
      case 'not_found':
        return msg('This address was removed meanwhile. The list is up to date now.', {
          id: 'address.error.notFound',
          desc: 'Shown when an address was removed in another tab or device before this change.',
        });
      case 'validation':
        return f.fieldErrors?.addresses === 'address.limit'
          ? msg('You can keep up to 5 addresses. Remove one to add another.', {
              id: 'address.error.limit',
              desc: 'Message when five shipping addresses are saved and the person tries to add a sixth.',
            })
          : msg('Some of the details were not accepted. Check the form and try again.', {
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

  private renderBanner(): TemplateResult | typeof nothing {
    const e = this.topError;
    if (!e) return nothing;
    return html`<div class="ae-banner" role="alert" tabindex="-1">
      <p>${this.failureText(e)}</p>
      ${RETRYABLE.has(e.code) && e.action === 'save'
        ? html`<button class="ae-button" type="button" @click=${() => this.form?.requestSubmit()}>
            ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderField(f: AddressField, rules: CountryAddressRules | undefined): TemplateResult {
    if (f === 'country') {
      const issue = this.visibleIssue('country');
      return selectField({
        id: this.fieldId('country'),
        name: 'country',
        label: addressLabel('country', rules),
        autocomplete: `section-${this.uid} shipping country`,
        value: this.values.country,
        options: sortedCountries(getLocale()),
        ...(issue ? { error: this.message(issue, 'country') } : {}),
        onChange: this.onCountry,
      });
    }
    const issue = this.visibleIssue(f);
    const suggestion = issue && SUGGESTING.has(issue.code) ? (issue.params?.suggestion as string | undefined) : undefined;
    const numericPostal = f === 'postalCode' && /^\d+$/.test(rules?.postalExample ?? '');
    const phoneExample = rules?.phoneExample ?? '+359 88 123 4567';
    const postalExample = rules?.postalExample;
    const hint =
      f === 'phone'
        ? msg(str`With the country code, like ${phoneExample}`, {
            id: 'address.phone.hint',
            desc: 'Hint under the phone label; the placeholder is an example number of the chosen country.',
          })
        : f === 'postalCode' && postalExample
          ? msg(str`For example, ${postalExample}`, { id: 'address.postalCode.hint', desc: 'Hint under the postal code label; the placeholder is an example code.' })
          : undefined;
    return field({
      id: this.fieldId(f),
      name: f,
      label: addressLabel(f, rules),
      type: f === 'phone' ? 'tel' : 'text',
      autocomplete: `section-${this.uid} shipping ${AUTOCOMPLETE[f]}`,
      ...(f === 'phone' ? { inputmode: 'tel' } : numericPostal ? { inputmode: 'numeric' } : {}),
      autocapitalize: f === 'postalCode' ? 'characters' : f === 'phone' ? 'off' : 'words',
      optional: rules ? !isRequired(rules, f) : f === 'apartment',
      ...(hint ? { hint } : {}),
      ...(rules?.latin && f !== 'phone' && f !== 'postalCode' ? { describedBy: this.fieldId('latin-hint') } : {}),
      ...(issue ? { error: this.message(issue, f) } : {}),
      after: suggestion ? latinSuggestionButton(suggestion, () => this.applyLatin(f, suggestion)) : nothing,
      onInput: this.onInput,
      onChange: this.onChange,
    });
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const items = this.summary
      .map((f) => ({ f, issue: this.issueFor(f) }))
      .filter((x): x is { f: AddressField; issue: ValidationIssue } => !!x.issue);
    if (!items.length) return nothing;
    const titleId = this.fieldId('summary-title');
    const rules = this.rules;
    return html`<div class="ae-summary" role="alert" aria-labelledby=${titleId}>
      <h4 class="ae-summary-title" id=${titleId}>
        ${msg('There is a problem', { id: 'register.summary.title', desc: 'Title of the list of errors shown at the top of the form after a submit.' })}
      </h4>
      <ul class="ae-summary-list">
        ${items.map(
          ({ f, issue }) =>
            html`<li>
              <a class="ae-link" href="#${this.fieldId(f)}" @click=${(e: Event) => (e.preventDefault(), this.focusProblem(f))}
                >${addressLabel(f, rules)}: ${this.message(issue, f)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderReauth(): TemplateResult | typeof nothing {
    if (!this.reauth) return nothing;
    const error =
      this.passwordError === 'wrong'
        ? msg('Wrong password. Try again.', { id: 'address.reauth.wrong', desc: 'Error under the password field of the address form when the password is wrong.' })
        : this.passwordError === 'required'
          ? msg('Enter a password', { id: 'validation.password.required', desc: 'Error under the empty password field.' })
          : undefined;
    return html`<fieldset class="ae-group ae-reauth">
      <legend class="ae-legend">
        ${msg('Confirm it is you', { id: 'address.reauth.legend', desc: 'Legend over the password prompt shown before a new shipping address is saved.' })}
      </legend>
      ${field({
        id: this.fieldId('password'),
        name: 'password',
        label: msg('Password', { id: 'register.password.label', desc: 'Label of the password field.' }),
        hint: msg('For your safety, enter your password to save a new shipping address.', {
          id: 'address.reauth.hint',
          desc: 'Hint of the password prompt in the address form: why the password is asked for.',
        }),
        type: this.revealed ? 'text' : 'password',
        autocomplete: 'current-password',
        ...(error ? { error } : {}),
        trailing: revealButton(this.revealed, this.fieldId('password'), () => (this.revealed = !this.revealed)),
        onInput: this.onInput,
      })}
    </fieldset>`;
  }

  private renderEditor(): TemplateResult {
    const rules = this.rules;
    const fields = this.fields;
    const title = this.editing?.id
      ? msg('Edit address', { id: 'address.edit.title', desc: 'Heading of the form that changes a saved shipping address.' })
      : msg('New address', { id: 'address.add.title', desc: 'Heading of the form that adds a shipping address.' });
    return html`<form class="ae-form" method="post" novalidate aria-busy=${this.pending ? 'true' : 'false'} @submit=${this.onSubmit}>
      <h3 class="ae-editor-title" tabindex="-1">${title}</h3>
      ${this.renderSummary()} ${this.renderBanner()}
      <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
        ${rules?.latin
          ? html`<p class="ae-hint" id=${this.fieldId('latin-hint')}>
              ${msg('In Latin letters: the parcel travels through other countries.', {
                id: 'address.latin.hint',
                desc: 'Hint at the top of the address form: the address is typed in Latin letters for international shipping.',
              })}
            </p>`
          : nothing}
        ${fields.map((f) => this.renderField(f, rules))}
        ${this.editing?.wasDefault
          ? nothing
          : html`<label class="ae-check">
              <input
                type="checkbox"
                name="makeDefault"
                .checked=${this.makeDefault}
                @change=${(e: Event) => (this.makeDefault = (e.target as HTMLInputElement).checked)}
              />
              <span>${msg('Use as my default address', { id: 'address.makeDefault.check', desc: 'Checkbox in the address form: make this the default shipping address.' })}</span>
            </label>`}
      </fieldset>
      ${this.renderReauth()}
      <div class="ae-actions">
        ${submitButton(
          this.pending,
          this.disabled,
          this.reauth
            ? msg('Confirm and save', { id: 'address.submit.reauth', desc: 'Submit button of the address form when the password is asked for.' })
            : msg('Save address', { id: 'address.submit', desc: 'Submit button of the address form.' }),
          msg('Saving…', { id: 'prefs.submitting', desc: 'The save button while saving.' }),
        )}
        <button class="ae-button" type="button" @click=${this.onCancel}>
          ${msg('Cancel', { id: 'address.cancel', desc: 'Button that closes the address form without saving.' })}
        </button>
      </div>
    </form>`;
  }

  private addressLines(a: ShippingAddress): string[] {
    const rules = countryRules(a.country);
    const order = rules?.lines ?? ['street', 'apartment', 'city', 'region', 'postalCode'];
    const lines: string[] = [];
    const cityLine = order.filter((f) => f === 'postalCode' || f === 'city').map((f) => a[f]).filter(Boolean).join(' ');
    for (const f of order) {
      if (f === 'city' || f === 'postalCode') {
        if (cityLine && !lines.includes(cityLine)) lines.push(cityLine);
      } else if (a[f]) lines.push(a[f]);
    }
    lines.push(countryName(a.country, getLocale()));
    return lines;
  }

  private renderCard(a: ShippingAddress): TemplateResult {
    const titleId = this.fieldId(`card-${a.id}`);
    const confirming = this.confirmRemove === a.id;
    return html`<li class="ae-address" data-address-id=${a.id} ?data-default=${a.isDefault}>
      <p class="ae-address-title" id=${titleId}>
        <strong>${a.name}</strong>${a.isDefault
          ? html` <span class="ae-badge">${msg('Default', { id: 'address.default.badge', desc: 'Badge on the default shipping address.' })}</span>`
          : nothing}
      </p>
      <p class="ae-address-lines">${this.addressLines(a).map((l, i) => (i ? html`<br />${l}` : l))}</p>
      <p class="ae-address-phone">${a.phone}</p>
      ${confirming
        ? html`<div class="ae-confirm" role="group" aria-labelledby=${`${titleId}-confirm`}>
            <p id=${`${titleId}-confirm`}>${msg('Remove this address?', { id: 'address.remove.confirm', desc: 'Question before a shipping address is removed.' })}</p>
            <button class="ae-button ae-danger" type="button" aria-describedby=${titleId} @click=${() => this.removeAddress(a.id)}>
              ${msg('Yes, remove', { id: 'address.remove.yes', desc: 'Button that confirms removing a shipping address.' })}
            </button>
            <button class="ae-button" type="button" @click=${() => (this.confirmRemove = undefined)}>
              ${msg('Keep it', { id: 'address.remove.no', desc: 'Button that cancels removing a shipping address.' })}
            </button>
          </div>`
        : html`<div class="ae-address-actions">
            <button class="ae-button" type="button" aria-describedby=${titleId} ?disabled=${this.disabled} @click=${() => this.edit(a.id)}>
              ${msg('Edit', { id: 'address.edit', desc: 'Button on a saved shipping address that opens it for changes.' })}
            </button>
            ${a.isDefault
              ? nothing
              : html`<button class="ae-button" type="button" aria-describedby=${titleId} ?disabled=${this.disabled} @click=${() => this.setDefault(a.id)}>
                  ${msg('Make default', { id: 'address.makeDefault', desc: 'Button on a saved shipping address that makes it the default.' })}
                </button>`}
            <button class="ae-button" type="button" aria-describedby=${titleId} ?disabled=${this.disabled} @click=${() => (this.confirmRemove = a.id)}>
              ${msg('Remove', { id: 'address.remove', desc: 'Button on a saved shipping address that removes it (asks first).' })}
            </button>
          </div>`}
    </li>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    if (!this.notice) return nothing;
    const text =
      this.notice === 'saved'
        ? msg('Address saved', { id: 'address.notice.saved', desc: 'Notice after a shipping address was saved.' })
        : this.notice === 'removed'
          ? msg('Address removed', { id: 'address.notice.removed', desc: 'Notice after a shipping address was removed.' })
          : msg('Default address changed', { id: 'address.notice.default', desc: 'Notice after another address was made the default.' });
    return html`<div class="ae-notice" role="status" tabindex="-1"><p>${text}</p></div>`;
  }

  private renderList(): TemplateResult {
    if (this.loadError) {
      return html`<div class="ae-banner" role="alert" tabindex="-1">
        <p>${this.failureText(this.loadError)}</p>
        <button class="ae-button" type="button" @click=${() => this.reload()}>
          ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
        </button>
      </div>`;
    }
    if (!this.addresses) {
      return html`<p class="ae-note ae-loading" role="status">
        ${msg('Loading addresses…', { id: 'address.loading', desc: 'Shown while the saved shipping addresses load.' })}
      </p>`;
    }
    const full = this.addresses.length >= MAX_ADDRESSES;
    const limitId = this.fieldId('limit');
    return html`${this.renderNotice()} ${this.renderBanner()}
      ${this.addresses.length
        ? html`<ul class="ae-address-list">
            ${this.addresses.map((a) => this.renderCard(a))}
          </ul>`
        : html`<p class="ae-note ae-empty">
            ${msg('No addresses yet. Add one to check out faster.', { id: 'address.empty', desc: 'Shown when no shipping address is saved.' })}
          </p>`}
      <button
        class="ae-button ae-add"
        type="button"
        aria-disabled=${full || this.disabled ? 'true' : 'false'}
        aria-describedby=${full ? limitId : nothing}
        @click=${() => !full && !this.disabled && this.add()}
      >
        ${msg('Add address', { id: 'address.add', desc: 'Button that opens the form for a new shipping address.' })}
      </button>
      ${full
        ? html`<p class="ae-note" id=${limitId}>
            ${msg('You can keep up to 5 addresses. Remove one to add another.', {
              id: 'address.error.limit',
              desc: 'Message when five shipping addresses are saved and the person tries to add a sixth.',
            })}
          </p>`
        : nothing}`;
  }

  private renderLight(): TemplateResult {
    return html`<div class="ae-root" lang=${getLocale()}>${this.editing ? this.renderEditor() : this.renderList()}</div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header"
        >${this.noHeading
          ? nothing
          : html`<h2 part="heading">${msg('Shipping addresses', { id: 'address.heading', desc: 'Heading of the shipping addresses element.' })}</h2>`}</slot
      >
      <slot></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
