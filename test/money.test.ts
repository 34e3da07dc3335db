import { expect } from '@open-wc/testing';
import { convertMoney, currencyDisplayFor, describePrice, formatMoney, minorDigits } from '../src/internal/money.js';

/** Intl writes NBSP / narrow NBSP between number and sign; the tests compare the visible text. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

// The euro's fixed conversion rate for the lev (Council of the EU, 8 July 2025): 1 EUR = 1.95583 BGN.
const RATES = { base: 'EUR', rates: { EUR: 1, BGN: 1.95583, USD: 1.08, RUB: 98.5, JPY: 160 }, asOf: 0 };

describe('money', () => {
  describe('formatMoney: minor units in the UI locale', () => {
    it('writes euros the Bulgarian, Russian and English way', () => {
      expect(plain(formatMoney(1999, 'EUR', 'bg'))).to.equal('19,99 €');
      expect(plain(formatMoney(1999, 'EUR', 'ru'))).to.equal('19,99 €');
      expect(plain(formatMoney(1999, 'EUR', 'en'))).to.equal('€19.99');
    });

    it('writes roubles with ₽ and groups thousands in ru', () => {
      expect(plain(formatMoney(123456, 'RUB', 'ru'))).to.equal('1 234,56 ₽');
    });

    it('shows the ISO code where the symbol is ambiguous ($ is also CAD, AUD, MXN; ¥ is also CNY)', () => {
      expect(currencyDisplayFor('USD', 'en')).to.equal('code');
      expect(plain(formatMoney(1999, 'USD', 'en'))).to.equal('USD 19.99');
      expect(plain(formatMoney(1999, 'USD', 'ru'))).to.equal('19,99 USD');
      expect(plain(formatMoney(1200, 'JPY', 'en'))).to.equal('JPY 1,200');
    });

    it('keeps an unambiguous symbol (CA$, €, ₽, R$)', () => {
      expect(currencyDisplayFor('CAD', 'en')).to.equal('symbol');
      expect(plain(formatMoney(1999, 'CAD', 'en'))).to.equal('CA$19.99');
      expect(plain(formatMoney(1999, 'BRL', 'en'))).to.equal('R$19.99');
    });

    it('uses the ISO 4217 exponent: JPY has no minor unit, KWD three digits', () => {
      expect(minorDigits('JPY')).to.equal(0);
      expect(minorDigits('KWD')).to.equal(3);
      expect(minorDigits('EUR')).to.equal(2);
      expect(plain(formatMoney(1234, 'KWD', 'en'))).to.equal('KWD 1.234');
    });

    it('never throws on an unknown code', () => {
      expect(formatMoney(1999, 'XYZ', 'en')).to.contain('19.99');
    });

    it('creates one Intl.NumberFormat per locale, currency and display, however many prices are formatted', () => {
      const Original = Intl.NumberFormat;
      let created = 0;
      const Counting = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        created++;
        return new Original(...args);
      } as unknown as typeof Intl.NumberFormat;
      Intl.NumberFormat = Counting;
      try {
        for (let i = 0; i < 50; i++) formatMoney(i * 100, 'CHF', 'de');
      } finally {
        Intl.NumberFormat = Original;
      }
      // the display check (symbol + the narrow symbols of the others) and the formatter: a fixed number, not 50
      expect(created).to.be.greaterThan(0);
      expect(created).to.be.lessThan(45);
      let again = 0;
      Intl.NumberFormat = function (this: unknown, ...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        again++;
        return new Original(...args);
      } as unknown as typeof Intl.NumberFormat;
      try {
        for (let i = 0; i < 50; i++) formatMoney(i * 100, 'CHF', 'de');
      } finally {
        Intl.NumberFormat = Original;
      }
      expect(again).to.equal(0);
    });
  });

  describe('convertMoney: with the marketplace rates', () => {
    it('converts through the base with the official fixed lev rate', () => {
      expect(convertMoney(1000, 'EUR', 'BGN', RATES)).to.equal(1956); // 10 EUR = 19.5583 BGN
      expect(convertMoney(4782, 'BGN', 'EUR', RATES)).to.equal(2445); // 47.82 BGN = 24.4499… EUR
      expect(convertMoney(1000, 'USD', 'JPY', RATES)).to.equal(1481); // 10 USD = 1481.48 JPY, no minor unit
    });

    it('is the amount itself in the same currency, and unknown without a rate', () => {
      expect(convertMoney(1234, 'EUR', 'EUR', undefined)).to.equal(1234);
      expect(convertMoney(1234, 'EUR', 'GBP', RATES)).to.equal(undefined);
      expect(convertMoney(1234, 'EUR', 'USD', undefined)).to.equal(undefined);
    });
  });

  describe('describePrice: the converted price beside the store’s own', () => {
    it('shows the chosen currency first and keeps the store price', () => {
      const t = describePrice({ amount: 4782, currency: 'BGN' }, 'EUR', RATES, 'bg');
      expect(t.converted).to.equal(true);
      expect(plain(t.main)).to.equal('24,45 €');
      expect(plain(t.original ?? '')).to.equal('47,82 лв.');
    });

    it('shows the store price alone when it is in the chosen currency or no rate is known', () => {
      const same = describePrice({ amount: 1999, currency: 'EUR' }, 'EUR', RATES, 'en');
      expect(same.converted).to.equal(false);
      expect(same.original).to.equal(undefined);
      const none = describePrice({ amount: 1999, currency: 'GBP' }, 'EUR', RATES, 'en');
      expect(none.converted).to.equal(false);
      expect(plain(none.main)).to.equal('£19.99');
    });
  });
});
