// The demo store's catalogue: prices in euro cents, shown in the currency of the library's preferences store
// (the one every price of the account panel follows) with the library's money formatting; pictures drawn inline (nothing is downloaded). The shapes use
// currentColor and the card's --art-* colors, so every theme recolors them.
import type { ProductId } from './strings.js';
import { convertMoney, formatMoney } from '../src/internal/money.js';
import type { Rates } from '../src/internal/money.js';

/** The header's quick currency choice (the account's "Location and currency" offers every currency). */
export const CURRENCIES: readonly string[] = ['EUR', 'USD', 'RUB'];

export interface Product {
  id: ProductId;
  /** Price in euro cents. */
  cents: number;
  /** Two colors of the picture: background tint and the object. */
  tint: string;
  ink: string;
  /** SVG markup inside a 0 0 120 90 view box. */
  art: string;
}

export const PRODUCTS: readonly Product[] = [
  {
    id: 'tote',
    cents: 1890,
    tint: '#efe6d6',
    ink: '#8a6a3f',
    art: `<path d="M40 34c0-12 8-20 20-20s20 8 20 20" fill="none" stroke="currentColor" stroke-width="4"/>
      <path d="M30 34h60l-6 44H36z" fill="currentColor"/><path d="M46 50h28" stroke="#fff8" stroke-width="3"/>`,
  },
  {
    id: 'mug',
    cents: 1250,
    tint: '#dbe7ef',
    ink: '#2f5f86',
    art: `<path d="M38 28h38v36a10 10 0 0 1-10 10H48a10 10 0 0 1-10-10z" fill="currentColor"/>
      <path d="M76 38h6a9 9 0 0 1 0 18h-6" fill="none" stroke="currentColor" stroke-width="5"/>
      <path d="M50 16c-4 4 4 6 0 10M62 16c-4 4 4 6 0 10" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/>`,
  },
  {
    id: 'scarf',
    cents: 3400,
    tint: '#f2dcdc',
    ink: '#9c3340',
    art: `<path d="M34 20h52v14H34z" fill="currentColor"/><path d="M62 34h16v40H62z" fill="currentColor"/>
      <path d="M62 46h16M62 58h16" stroke="#fff8" stroke-width="3"/>
      <path d="M64 74v8M70 74v8M76 74v8" stroke="currentColor" stroke-width="2"/>`,
  },
  {
    id: 'lamp',
    cents: 4900,
    tint: '#f3ecd2',
    ink: '#9a7a1c',
    art: `<path d="M44 16h28l10 22H34z" fill="currentColor"/><path d="M58 38v34" stroke="currentColor" stroke-width="4"/>
      <path d="M42 76h32" stroke="currentColor" stroke-width="6" stroke-linecap="round"/>
      <circle cx="58" cy="44" r="4" fill="#fff6"/>`,
  },
  {
    id: 'notebook',
    cents: 790,
    tint: '#e2ecdf',
    ink: '#3f6b3a',
    art: `<rect x="38" y="14" width="46" height="62" rx="4" fill="currentColor"/>
      <path d="M46 14v62" stroke="#fff8" stroke-width="2"/>
      <path d="M54 30h22M54 40h22M54 50h16" stroke="#fff8" stroke-width="2.5" stroke-dasharray="1 4" stroke-linecap="round"/>`,
  },
  {
    id: 'tea',
    cents: 540,
    tint: '#e8eed8',
    ink: '#5d7a2a',
    art: `<path d="M60 16c16 8 22 24 12 40-4 6-8 10-12 20-4-10-8-14-12-20-10-16-4-32 12-40z" fill="currentColor"/>
      <path d="M60 24v52" stroke="#fff8" stroke-width="2.5"/><path d="M60 40l8-6M60 52l-8-6" stroke="#fff8" stroke-width="2"/>`,
  },
];

/** Demo rates from euro, for the store's own catalogue until the adapter's rates are known (not market data). */
export const DEMO_RATES: Rates = { base: 'EUR', rates: { EUR: 1, USD: 1.08, RUB: 96, BGN: 1.95583, GBP: 0.85 } };

/**
 * A catalogue price (euro cents) in `currency`, written the way `locale` writes money (money.ts, the library's
 * formatting), converted with `rates` (the adapter's, through the preferences store) or the demo's own.
 */
export function formatPrice(cents: number, currency: string, locale: string, rates?: Rates): string {
  const amount = convertMoney(cents, 'EUR', currency, rates) ?? convertMoney(cents, 'EUR', currency, DEMO_RATES);
  return amount === undefined ? formatMoney(cents, 'EUR', locale) : formatMoney(amount, currency, locale);
}
