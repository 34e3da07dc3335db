/**
 * Money as every element of the account shows it: an integer amount in the currency's minor units (the contract's
 * `Money`, account-types.ts) formatted with `Intl.NumberFormat` in the UI locale, converted with the marketplace's
 * rates, and the store's own price kept beside a converted one.
 *
 * How the currency is written (`currencyDisplay`):
 * - `symbol` (CLDR's symbol for the locale) by default: `€`, `₽`, `лв.`, `CA$`, `R$`, or the code where the
 *   locale has no symbol of its own (`KZT` in bg).
 * - `code` when that symbol is ambiguous on a worldwide marketplace: when it is also the narrow symbol of another
 *   currency the marketplace shows. `$` (USD in en/ru, but also CAD, AUD, MXN…) and `¥` (JPY, but also CNY) become
 *   `USD 12.50` / `12,50 USD`; `CA$` stays `CA$` (no other currency writes it), `€` stays `€`.
 *   The check is run per locale, on the locale's own symbols, so it follows the browser's CLDR data.
 * Never `narrowSymbol`: it writes `$` for a dozen currencies.
 *
 * Formatters are cached per locale + currency + display (creating one costs far more than formatting).
 */

/** An amount in a currency's minor units (the contract's `Money`). */
export interface MoneyValue {
  /** Integer, minor units (cents, stotinki, kopecks). */
  amount: number;
  /** ISO 4217, upper case. */
  currency: string;
}

/** Units of each currency per one unit of `base` (the contract's `ExchangeRates`). */
export interface Rates {
  base: string;
  rates: Readonly<Record<string, number>>;
  asOf?: number;
}

/**
 * The currencies the marketplace shows prices in when the adapter sends no rates yet; the ambiguity check
 * compares symbols against these and the rates' own currencies.
 */
export const MARKETPLACE_CURRENCIES: readonly string[] = [
  'USD', 'EUR', 'GBP', 'RUB', 'UAH', 'BYN', 'KZT', 'PLN', 'CZK', 'RON', 'TRY', 'ILS', 'BRL', 'MXN', 'CLP', 'CAD',
  'AUD', 'NZD', 'JPY', 'CNY', 'KRW', 'CHF', 'SEK', 'NOK', 'DKK', 'HUF', 'MDL', 'RSD', 'SAR', 'AED', 'INR', 'HKD',
  'SGD', 'ARS', 'COP',
];

/**
 * ISO 4217 minor-unit exponents that are not 2 (the ISO list is the source; CLDR's display digits differ for a
 * few, e.g. it shows IDR without decimals, so Intl's defaults are not used for the stored amount).
 */
const EXPONENT: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0,
  XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Digits after the decimal point in the currency's minor unit (ISO 4217): 2, or 0 (JPY), or 3 (KWD). */
export function minorDigits(currency: string): number {
  return EXPONENT[currency.toUpperCase()] ?? 2;
}

/** The major-unit value of `amount` minor units (1999 EUR → 19.99). */
export function toMajor(amount: number, currency: string): number {
  return amount / 10 ** minorDigits(currency);
}

type Display = 'symbol' | 'code';
const formatters = new Map<string, Intl.NumberFormat>();
const displays = new Map<string, Display>();

function formatter(locale: string, currency: string, display: Display | 'narrowSymbol'): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

function symbolOf(locale: string, currency: string, display: 'symbol' | 'narrowSymbol'): string {
  return formatter(locale, currency, display).formatToParts(1).find((p) => p.type === 'currency')?.value ?? currency;
}

/**
 * `symbol` or `code` for `currency` in `locale` (see the module's comment), cached. `others` are the currencies
 * the symbol must not be confused with (by default the marketplace's).
 */
export function currencyDisplayFor(currency: string, locale: string, others: readonly string[] = MARKETPLACE_CURRENCIES): Display {
  const code = currency.toUpperCase();
  const key = `${locale}|${code}|${others === MARKETPLACE_CURRENCIES ? '' : others.join()}`;
  let d = displays.get(key);
  if (!d) {
    const symbol = symbolOf(locale, code, 'symbol');
    const ambiguous =
      symbol !== code && others.some((o) => o.toUpperCase() !== code && symbolOf(locale, o.toUpperCase(), 'narrowSymbol') === symbol);
    d = ambiguous ? 'code' : 'symbol';
    displays.set(key, d);
  }
  return d;
}

/** The currency as a label writes it: `€`, `лв.`, `USD` (the same rule as {@link formatMoney}). */
export function currencySign(currency: string, locale: string): string {
  const code = currency.toUpperCase();
  return currencyDisplayFor(code, locale) === 'code' ? code : symbolOf(locale, code, 'symbol');
}

/**
 * `amount` minor units of `currency` in `locale`: `formatMoney(1999, 'EUR', 'bg')` → `19,99 €`,
 * `formatMoney(1999, 'USD', 'en')` → `USD 19.99` (the `$` alone is ambiguous). An unknown currency code gives the
 * amount with the code (`19.99 XYZ`) rather than throwing.
 */
export function formatMoney(amount: number, currency: string, locale: string): string {
  const code = currency.toUpperCase();
  try {
    return formatter(locale, code, currencyDisplayFor(code, locale)).format(toMajor(amount, code));
  } catch {
    return `${toMajor(amount, code).toFixed(minorDigits(code))} ${code}`;
  }
}

/**
 * `amount` minor units of `from` in minor units of `to`, rounded half away from zero; `undefined` when the rates
 * lack either currency. Same currency: the amount as is.
 */
export function convertMoney(amount: number, from: string, to: string, rates: Rates | undefined): number | undefined {
  const f = from.toUpperCase();
  const t = to.toUpperCase();
  if (f === t) return amount;
  if (!rates) return undefined;
  const rf = f === rates.base ? 1 : rates.rates[f];
  const rt = t === rates.base ? 1 : rates.rates[t];
  if (!(typeof rf === 'number' && rf > 0 && typeof rt === 'number' && rt > 0)) return undefined;
  const major = (toMajor(amount, f) / rf) * rt;
  const minor = major * 10 ** minorDigits(t);
  return Math.sign(minor) * Math.round(Math.abs(minor));
}

/** A price as shown: the chosen currency first, the store's own price beside it when they differ. */
export interface PriceText {
  /** In the chosen currency (converted), or the store's price when it is that currency or no rate is known. */
  main: string;
  /** The store's own price, present only when `main` is a conversion. */
  original?: string;
  /** `main` is a conversion (an approximation: the store charges `original`). */
  converted: boolean;
}

/**
 * The "converted beside the store's own price" helper: `price` (the store's currency) shown in `display` with
 * `rates`, in `locale`. With no rate for either currency, the store's price alone (never a wrong number).
 */
export function describePrice(price: MoneyValue, display: string | undefined, rates: Rates | undefined, locale: string): PriceText {
  const own = formatMoney(price.amount, price.currency, locale);
  if (!display || display.toUpperCase() === price.currency.toUpperCase()) return { main: own, converted: false };
  const amount = convertMoney(price.amount, price.currency, display, rates);
  if (amount === undefined) return { main: own, converted: false };
  return { main: formatMoney(amount, display, locale), original: own, converted: true };
}
