import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { AeElement } from '../../internal/ae-element.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { setCustomState } from '../../internal/custom-state.js';
import { submitButton } from '../../internal/field.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { needCapability } from '../../internal/need-capability.js';
import { PreferencesController } from '../../internal/preferences-controller.js';
import { MARKETPLACE_CURRENCIES, formatMoney } from '../../internal/money.js';
import { isAbortError } from '../../adapter/adapter-error.js';
import type { AdapterErrorCode } from '../../adapter/adapter-error.js';
import type { AccountCapability } from '../../adapter/account-types.js';
import { choosePreferences, loadPreferences, savePreferences } from '../../session/preferences-store.js';
import type { PreferencesApi, PreferencesValue } from '../../session/preferences-store.js';
import { countryRules } from '../../validation/address-countries.js';
import { getLocale } from '../../locales/localization.js';
import { sharedFailureText } from '../../locales/shared-failure-text.js';
import { AePreferencesChangeEvent, AePreferencesErrorEvent } from '../../events/preferences-events.js';
import { accountFormLightStyles, selectLightStyles } from './account-light-styles.js';
import { preferencesStyles } from './preferences.styles.js';
import { selectField } from './select-field.js';
import { currencyName, currencyTag, preferencesLabel, sortedCountries } from './display-names.js';

type PreferencesCalls = Pick<AccountCapability, 'getPreferences' | 'setPreferences' | 'getExchangeRates'>;
const RETRYABLE = new Set<AdapterErrorCode>(['network', 'timeout', 'server', 'rate_limited']);
/** The currencies listed first, after the country's own. */
const FIRST = ['USD', 'EUR'];
/** The example price of the preview line: 12.99 in the chosen currency's major units. */
const EXAMPLE_MAJOR = 12.99;

let instances = 0;

/**
 * @tagname ae-preferences
 * @summary Location and currency: where the buyer lives and orders to, and the currency every price of the page
 * is shown in. Defaults from the UI language (ru → Russia/RUB, bg → Bulgaria/EUR, en → United States/USD), country
 * names in the UI language, "Bulgaria (EUR €)" labels; saved through the adapter's `setPreferences`.
 *
 * The choice goes to the page's one preferences store at once (src/session/preferences-store.ts): every price
 * rendered through `PreferencesController` follows without a reload. The `<form>` and its `<select>`s are in the
 * element's light DOM (autofill: `country`, `transaction-currency`).
 *
 * @slot header - Heading above the form. Default: "Location and currency".
 * @slot footer - Content under the form.
 *
 * @csspart base - The frame around everything.
 * @csspart heading - The default heading.
 *
 * @cssprop --ae-preferences-max-width - Maximum width of the element (30rem).
 * @cssprop --ae-preferences-padding - Inner spacing of the frame.
 * @cssprop --ae-preferences-border-color - Border of the frame.
 *
 * @cssstate pending - Saving.
 * @cssstate saved - The choice was saved (the notice is shown).
 *
 * @fires ae-preferences-change - The choice was applied and saved (or kept for this visit when signed out): `{ country, currency }`.
 * @fires ae-preferences-error - Saving failed: `{ code }` (the choice stays applied on this page).
 */
export class AePreferences extends AeElement<PreferencesCalls> {
  static override styles = preferencesStyles;

  private readonly uid = `ae-preferences-${++instances}`;
  private readonly internals = this.attachInternals();
  /** Re-renders with the store: the saved choice arriving, the rates, a choice made elsewhere on the page (the form
   * follows the store until the person changes a field). */
  private readonly prefs = new PreferencesController(this);
  private saveController?: AbortController;
  private loadController?: AbortController;

  /** What the form shows; follows the store until the person changes a field. */
  @state() private values?: PreferencesValue;
  /** The person picked a currency: a new country no longer brings its own. */
  @state() private currencyTouched = false;
  @state() private pending = false;
  @state() private topError?: Failure;
  @state() private fieldErrors: Partial<Record<'country' | 'currency', string>> = {};
  @state() private saved?: { local: boolean };
  /** The saved choice and the rates could not be loaded: said above the form, with "Try again". */
  @state() private loadFailure?: Failure;

  /** Hides the default heading (the account panel shows its own). */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;
  /** Disables the form. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override connectedCallback(): void {
    adoptLightStyles(this, accountFormLightStyles);
    adoptLightStyles(this, selectLightStyles);
    super.connectedCallback();
  }

  protected override startLoads(): void {
    // In parallel with the first render, which shows the locale's defaults meanwhile.
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.saveController?.abort();
    this.loadController?.abort();
    this.pending = false;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    setCustomState(this.internals, 'pending', this.pending);
    setCustomState(this.internals, 'saved', !!this.saved);
    render(this.renderLight(), this, { host: this });
  }

  /** The `<form>` element (light DOM). */
  get form(): HTMLFormElement | null {
    return this.querySelector('form.ae-form');
  }

  /** The country and currency the form shows now. */
  get value(): PreferencesValue {
    const s = this.values ?? this.prefs.snapshot;
    return { country: s.country, currency: s.currency };
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private async api(method: keyof PreferencesCalls): Promise<PreferencesApi> {
    return (await needCapability(this.resolvedAdapter, 'account', method)) as unknown as PreferencesApi;
  }

  private async load(): Promise<void> {
    this.loadController?.abort();
    const controller = (this.loadController = new AbortController());
    this.loadFailure = undefined;
    try {
      await loadPreferences(await this.api('getPreferences'), { locale: getLocale(), signal: controller.signal });
    } catch (error) {
      // Gone from the page (or loading again): nothing to say here.
      if (controller.signal.aborted) return;
      // The locale's defaults and the built-in currency list stand meanwhile, and what the person picks stays.
      // A failure a retry can mend (the connection, the server, too many requests) is said, with "Try again";
      // any other (signed out: nothing saved to show; an adapter without preferences: the save says so) is not.
      const failure = failureOf(error);
      if (RETRYABLE.has(failure.code)) this.loadFailure = failure;
    } finally {
      if (this.loadController === controller) this.loadController = undefined;
    }
  }

  private currencies(country: string): string[] {
    const rates = this.prefs.snapshot.rates;
    const all = rates ? [...new Set([rates.base, ...Object.keys(rates.rates)])] : [...MARKETPLACE_CURRENCIES];
    const own = countryRules(country)?.currency;
    const locale = getLocale();
    const collator = new Intl.Collator(locale);
    const head = [own, ...FIRST].filter((c, i, a): c is string => !!c && all.includes(c) && a.indexOf(c) === i);
    const rest = all.filter((c) => !head.includes(c)).sort((a, b) => collator.compare(currencyName(a, locale), currencyName(b, locale)));
    return [...head, ...rest];
  }

  // ---- handlers --------------------------------------------------------------------------------------------

  private readonly onCountry = (e: Event): void => {
    const country = (e.target as HTMLSelectElement).value;
    const current = this.value;
    const own = countryRules(country)?.currency;
    const currency = !this.currencyTouched && own && this.currencies(country).includes(own) ? own : current.currency;
    this.values = { country, currency };
    this.saved = undefined;
    this.fieldErrors = {};
  };

  private readonly onCurrency = (e: Event): void => {
    this.values = { ...this.value, currency: (e.target as HTMLSelectElement).value };
    this.currencyTouched = true;
    this.saved = undefined;
    this.fieldErrors = {};
  };

  private readonly onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.pending || this.disabled) return;
    const choice = this.value;
    this.topError = undefined;
    this.fieldErrors = {};
    this.saved = undefined;
    this.pending = true;
    const controller = (this.saveController = new AbortController());
    try {
      const api = await this.api('setPreferences');
      const result = await savePreferences(api, choice, { signal: controller.signal });
      this.values = { country: result.country, currency: result.currency };
      this.saved = { local: false };
      this.dispatchEvent(new AePreferencesChangeEvent(result));
    } catch (err) {
      if (isAbortError(err) && controller.signal.aborted) return;
      const failure = failureOf(err);
      if (failure.code === 'forbidden') {
        // Nobody is signed in: the choice holds for this visit (every price shows it already).
        choosePreferences(choice);
        this.saved = { local: true };
        this.dispatchEvent(new AePreferencesChangeEvent(choice));
      } else {
        this.dispatchEvent(new AePreferencesErrorEvent({ code: failure.code }));
        const fe = failure.fieldErrors ?? {};
        if (failure.code === 'validation' && (fe.country || fe.currency)) {
          this.fieldErrors = { ...(fe.country ? { country: fe.country } : {}), ...(fe.currency ? { currency: fe.currency } : {}) };
        } else this.topError = failure;
      }
    } finally {
      if (this.saveController === controller) this.pending = false;
    }
    await this.updateComplete;
    const target = this.saved ? '.ae-notice' : this.fieldErrors.country ? 'select[name="country"]' : this.fieldErrors.currency ? 'select[name="currency"]' : '.ae-banner';
    this.querySelector<HTMLElement>(target)?.focus();
  };

  private readonly onRetry = (): void => this.form?.requestSubmit();

  private readonly onLoadRetry = (): void => void this.load();

  // ---- rendering -------------------------------------------------------------------------------------------

  private fieldErrorText(code: string): string {
    return code === 'currency.unsupported'
      ? msg('Prices cannot be shown in this currency yet: choose another', {
          id: 'prefs.error.currency',
          desc: 'Error under the currency list when the server does not support the chosen currency.',
        })
      : msg('We do not ship to this country yet', {
          id: 'address.error.country.unsupported',
          desc: 'Error under the country when the marketplace does not ship there.',
        });
  }

  private topErrorText(f: Failure): string {
    return (
      sharedFailureText(f) ??
      msg('Your choice is shown on this page but was not saved. Try again.', {
        id: 'prefs.error.save',
        desc: 'Banner when saving location and currency failed; prices already show the new currency on this page.',
      })
    );
  }

  private loadErrorText(f: Failure): string {
    return (
      sharedFailureText(f) ??
      msg('Your saved location and currency could not be loaded. Try again in a moment.', {
        id: 'prefs.error.load',
        desc: 'Banner above the location and currency form when the saved choice and the exchange rates could not be loaded (a server error); a "Try again" button follows.',
      })
    );
  }


  private renderLight(): TemplateResult {
    const locale = getLocale();
    const { country, currency } = this.value;
    const countries = sortedCountries(locale);
    const listed = this.currencies(country);
    // A currency chosen elsewhere (or saved earlier) that the rates no longer list is still shown as chosen.
    if (!listed.includes(currency)) listed.unshift(currency);
    const currencies = listed.map((c) => ({ value: c, label: `${currencyName(c, locale)} (${currencyTag(c, locale)})` }));
    const label = preferencesLabel(country, currency, locale);
    const example = formatMoney(Math.round(EXAMPLE_MAJOR * 100), currency, locale);
    return html`<div class="ae-root" lang=${locale}>
      <form class="ae-form" method="post" novalidate aria-busy=${this.pending ? 'true' : 'false'} @submit=${this.onSubmit}>
        ${this.loadFailure
          ? html`<div class="ae-banner ae-prefs-load" role="alert">
              <p>${this.loadErrorText(this.loadFailure)}</p>
              <button class="ae-button" type="button" @click=${this.onLoadRetry}>
                ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
              </button>
            </div>`
          : nothing}
        ${this.topError
          ? html`<div class="ae-banner" role="alert" tabindex="-1">
              <p>${this.topErrorText(this.topError)}</p>
              ${RETRYABLE.has(this.topError.code)
                ? html`<button class="ae-button" type="button" @click=${this.onRetry}>
                    ${msg('Try again', { id: 'register.retry', desc: 'Button that sends the form again after a connection or server error.' })}
                  </button>`
                : nothing}
            </div>`
          : nothing}
        ${this.saved
          ? html`<div class="ae-notice" role="status" tabindex="-1">
              <p>
                ${this.saved.local
                  ? msg(str`${label} is used on this visit. Sign in to keep it.`, {
                      id: 'prefs.saved.local',
                      desc: 'Notice after choosing location and currency while signed out; the placeholder is like "Bulgaria (EUR €)".',
                    })
                  : msg(str`Saved: ${label}`, {
                      id: 'prefs.saved',
                      desc: 'Notice after location and currency were saved; the placeholder is like "Bulgaria (EUR €)".',
                    })}
              </p>
            </div>`
          : nothing}
        <fieldset class="ae-fieldset" ?disabled=${this.disabled}>
          ${selectField({
            id: `${this.uid}-country`,
            name: 'country',
            label: msg('Location', { id: 'prefs.country.label', desc: 'Label of the country list: where the buyer lives and orders to.' }),
            hint: msg('Where you live and want your orders delivered.', {
              id: 'prefs.country.hint',
              desc: 'Hint under the Location label.',
            }),
            autocomplete: 'country',
            value: country,
            options: countries,
            ...(this.fieldErrors.country ? { error: this.fieldErrorText(this.fieldErrors.country) } : {}),
            onChange: this.onCountry,
          })}
          ${selectField({
            id: `${this.uid}-currency`,
            name: 'currency',
            label: msg('Currency', { id: 'prefs.currency.label', desc: 'Label of the currency list: the currency prices are shown in.' }),
            hint: msg('Prices are shown in this currency. Stores charge in their own; the conversion is approximate.', {
              id: 'prefs.currency.hint',
              desc: 'Hint under the Currency label.',
            }),
            autocomplete: 'transaction-currency',
            value: currency,
            options: currencies,
            ...(this.fieldErrors.currency ? { error: this.fieldErrorText(this.fieldErrors.currency) } : {}),
            onChange: this.onCurrency,
          })}
          <p class="ae-note ae-prefs-preview" data-preview>
            ${msg(str`${label}: a price reads ${example}`, {
              id: 'prefs.preview',
              desc: 'Preview under the lists; first placeholder like "Bulgaria (EUR €)", second an example price like "12,99 €".',
            })}
          </p>
        </fieldset>
        ${submitButton(
          this.pending,
          this.disabled,
          msg('Save', { id: 'prefs.submit', desc: 'Button that saves location and currency.' }),
          msg('Saving…', { id: 'prefs.submitting', desc: 'The save button while saving.' }),
        )}
      </form>
    </div>`;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" lang=${getLocale()}>
      <slot name="header"
        >${this.noHeading
          ? nothing
          : html`<h2 part="heading">
              ${msg('Location and currency', { id: 'prefs.heading', desc: 'Heading of the location and currency form.' })}
            </h2>`}</slot
      >
      <slot></slot>
      <slot name="footer"></slot>
    </div>`;
  }
}
