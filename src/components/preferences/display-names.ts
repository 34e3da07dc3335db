import { ADDRESS_COUNTRY_CODES } from '../../validation/address-countries.js';
import { currencySign } from '../../internal/money.js';

/** Country and currency names in the UI language (`Intl.DisplayNames`, one per locale and type, cached). */
const names = new Map<string, Intl.DisplayNames | null>();

function displayNames(locale: string, type: 'region' | 'currency'): Intl.DisplayNames | null {
  const key = `${locale}|${type}`;
  if (!names.has(key)) {
    let d: Intl.DisplayNames | null = null;
    try {
      d = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    } catch {
      d = null; // no Intl.DisplayNames: the codes stand in
    }
    names.set(key, d);
  }
  return names.get(key) ?? null;
}

/** "Bulgaria" / "Болгария" / "България" for `BG`. */
export function countryName(code: string, locale: string): string {
  return displayNames(locale, 'region')?.of(code.toUpperCase()) ?? code.toUpperCase();
}

/** "Euro" / "евро" / "Евро" for `EUR`. */
export function currencyName(code: string, locale: string): string {
  return displayNames(locale, 'currency')?.of(code.toUpperCase()) ?? code.toUpperCase();
}

/** "EUR €", or "KZT" alone where the locale writes the code as the sign. */
export function currencyTag(code: string, locale: string): string {
  const c = code.toUpperCase();
  const sign = currencySign(c, locale);
  return sign === c ? c : `${c} ${sign}`;
}

/** "Bulgaria (EUR €)": a location with its currency. */
export function preferencesLabel(country: string, currency: string, locale: string): string {
  return `${countryName(country, locale)} (${currencyTag(currency, locale)})`;
}

/** The marketplace's countries sorted by their names in `locale`. */
export function sortedCountries(locale: string, codes: readonly string[] = ADDRESS_COUNTRY_CODES): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return codes
    .map((value) => ({ value, label: countryName(value, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
