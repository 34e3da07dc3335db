import { expect } from '@open-wc/testing';
import { normalizeAddress, phoneE164, validateAddress, validateAddressField } from '../src/validation/address.js';
import type { AddressValues } from '../src/validation/address.js';
import { ADDRESS_COUNTRIES, addressFieldsOf, countryRules } from '../src/validation/address-countries.js';
import { transliterateAddressSync } from '../src/validation/address-translit.js';

const code = (field: Parameters<typeof validateAddressField>[0], values: Partial<AddressValues>) =>
  validateAddressField(field, values)?.code;

/** A complete, valid address of each country the issue names (postal codes are the posts' own examples). */
const VALID: Record<string, Partial<AddressValues>> = {
  BG: { name: 'Ivan Petrov', phone: '+359 88 123 4567', city: 'Sofia', street: 'ul. Shipka 6', postalCode: '1504' },
  RU: { name: 'Ivan Petrov', phone: '+7 912 345-67-89', region: 'Moskva', city: 'Moskva', street: 'ul. Tverskaya 7', postalCode: '125009' },
  UA: { name: 'Olena Shevchenko', phone: '+380 50 123 4567', region: 'Kyivska', city: 'Kyiv', street: 'vul. Khreshchatyk 22', postalCode: '01001' },
  US: { name: 'John Smith', phone: '+1 650 253 0000', region: 'CA', city: 'Mountain View', street: '1600 Amphitheatre Pkwy', postalCode: '94043' },
  GB: { name: 'Jane Doe', phone: '+44 20 7946 0958', city: 'London', street: '10 Downing Street', postalCode: 'SW1A 2AA' },
  DE: { name: 'Max Mustermann', phone: '+49 30 227 0', city: 'Berlin', street: 'Platz der Republik 1', postalCode: '11011' },
  FR: { name: 'Marie Dupont', phone: '+33 1 42 68 53 00', city: 'Paris', street: '55 Rue du Faubourg Saint-Honore', postalCode: '75008' },
  ES: { name: 'Lucia Garcia', phone: '+34 912 34 56 78', region: 'Madrid', city: 'Madrid', street: 'Calle de Alcala 1', postalCode: '28014' },
  IT: { name: 'Marco Rossi', phone: '+39 06 6982', region: 'RM', city: 'Roma', street: 'Via del Corso 1', postalCode: '00186' },
  PL: { name: 'Anna Kowalska', phone: '+48 22 123 45 67', city: 'Warszawa', street: 'ul. Marszalkowska 1', postalCode: '00-950' },
  BR: { name: 'Joao Silva', phone: '+55 11 96123 4567', region: 'SP', city: 'Sao Paulo', street: 'Av. Paulista 1000', postalCode: '01310-100' },
  IL: { name: 'David Cohen', phone: '+972 50 234 5678', city: 'Tel Aviv', street: 'Rothschild Blvd 1', postalCode: '6688101' },
  KZ: { name: 'Aigul Nurlanova', phone: '+7 701 123 4567', city: 'Almaty', street: 'pr. Abaya 1', postalCode: '050000' },
  BY: { name: 'Ivan Ivanov', phone: '+375 29 123-45-67', city: 'Minsk', street: 'pr. Nezavisimosti 1', postalCode: '220030' },
  TR: { name: 'Ayse Yilmaz', phone: '+90 501 234 56 78', region: 'Istanbul', city: 'Kadikoy', street: 'Bagdat Cd. 1', postalCode: '34710' },
  CA: { name: 'Paul Martin', phone: '+1 613 555 0199', region: 'ON', city: 'Ottawa', street: '111 Wellington St', postalCode: 'K1A 0A9' },
  AU: { name: 'Kate Brown', phone: '+61 2 9374 4000', region: 'NSW', city: 'Sydney', street: '1 Macquarie St', postalCode: '2000' },
};

describe('the shipping address schema, per country', () => {
  it('accepts a complete address of every country the issue names', () => {
    for (const [country, v] of Object.entries(VALID)) {
      const issues = validateAddress({ ...v, country });
      expect(Object.keys(issues), `${country}: ${JSON.stringify(issues)}`).to.deep.equal([]);
    }
  });

  it('knows every country the marketplace ships to, each with a valid example of its own formats', () => {
    for (const c of Object.values(ADDRESS_COUNTRIES)) {
      expect(code('phone', { country: c.code, phone: c.phoneExample }), `${c.code} phone example`).to.equal(undefined);
      if (c.postal) expect(code('postalCode', { country: c.code, postalCode: c.postalExample ?? '' }), `${c.code} postal example`).to.equal(undefined);
    }
  });

  describe('postal codes', () => {
    const cases: [string, string, boolean][] = [
      ['BG', '1000', true], ['BG', '100', false], ['BG', '10000', false], ['BG', 'A100', false],
      ['RU', '125009', true], ['RU', '12500', false], ['RU', '1250091', false],
      ['UA', '01001', true], ['UA', '0100', false], ['UA', '010011', false],
      ['US', '94043', true], ['US', '94043-1351', true], ['US', '9404', false],
      ['GB', 'SW1A 2AA', true], ['GB', 'sw1a2aa', true], ['GB', 'EC1A 1BB', true], ['GB', 'SW1A', false], ['GB', 'QQ1 1AA', false],
      ['CA', 'K1A 0A9', true], ['CA', 'K1A0A9', true], ['CA', 'D1A 0A9', false],
      ['PL', '00-950', true], ['PL', '00950', false],
      ['BR', '01310-100', true], ['BR', '01310100', true], ['BR', '0131-100', false],
      ['NL', '1012 JS', true], ['NL', '1012 SA', false],
      ['DE', '11011', true], ['DE', '1101', false],
      ['IL', '6688101', true], ['IL', '66881', true], ['IL', '668810', false],
      ['KZ', '050000', true], ['BY', '220030', true], ['TR', '34710', true], ['AU', '2000', true], ['AU', '200', false],
    ];
    for (const [country, postal, ok] of cases) {
      it(`${country} ${ok ? 'accepts' : 'refuses'} ${postal}`, () => {
        const issue = validateAddressField('postalCode', { country, postalCode: postal });
        if (ok) expect(issue).to.equal(undefined);
        else {
          expect(issue?.code).to.equal('postalCode.format');
          expect(issue?.params?.example).to.equal(countryRules(country)?.postalExample);
        }
      });
    }
  });

  describe('required fields and their order', () => {
    it('asks for the state, city and ZIP in the US, in that order after the street', () => {
      const issues = validateAddress({ country: 'US', name: 'John Smith', phone: '+1 650 253 0000', street: '1600 Amphitheatre Pkwy' });
      expect(Object.keys(issues)).to.deep.equal(['city', 'region', 'postalCode']);
      expect(Object.values(issues).every((i) => i?.code === 'address.required')).to.equal(true);
    });

    it('has no region field in Germany and puts the postal code before the city', () => {
      const fields = addressFieldsOf(countryRules('DE')!);
      expect(fields.includes('region')).to.equal(false);
      expect(fields.indexOf('postalCode')).to.be.lessThan(fields.indexOf('city'));
      expect(code('region', { country: 'DE', region: '' })).to.equal(undefined);
    });

    it('leaves the region optional in Bulgaria but requires it in Russia and Ukraine', () => {
      expect(code('region', { country: 'BG', region: '' })).to.equal(undefined);
      expect(code('region', { country: 'RU', region: '' })).to.equal('address.required');
      expect(code('region', { country: 'UA', region: '' })).to.equal('address.required');
    });

    it('never requires the apartment; always requires recipient, phone and street', () => {
      for (const country of Object.keys(ADDRESS_COUNTRIES)) {
        expect(code('apartment', { country, apartment: '' })).to.equal(undefined);
        for (const f of ['name', 'phone', 'street'] as const) expect(code(f, { country, [f]: '' }), `${country} ${f}`).to.equal('address.required');
      }
    });

    it('refuses a country the marketplace does not ship to', () => {
      expect(code('country', { country: 'XX' })).to.equal('country.unsupported');
      expect(validateAddress({ country: 'XX' }).country?.code).to.equal('country.unsupported');
    });
  });

  describe('phone numbers (libphonenumber-js, per country)', () => {
    it('reads a national number as the address country’s and stores it in E.164', () => {
      expect(phoneE164('088 123 4567', 'BG')).to.equal('+359881234567');
      expect(phoneE164('8 (912) 345-67-89', 'RU')).to.equal('+79123456789');
      expect(phoneE164('050 123 4567', 'UA')).to.equal('+380501234567');
      expect(phoneE164('(650) 253-0000', 'US')).to.equal('+16502530000');
    });

    it('refuses numbers that no country has', () => {
      expect(code('phone', { country: 'RU', phone: '+7 012 345-67-89' })).to.equal('phone.invalid');
      expect(code('phone', { country: 'US', phone: '+1 011 555 0143' })).to.equal('phone.invalid');
      expect(code('phone', { country: 'BG', phone: '+359 12 345' })).to.equal('phone.invalid');
      expect(code('phone', { country: 'BG', phone: '12345' })).to.equal('phone.invalid');
      expect(code('phone', { country: 'BG', phone: 'call me' })).to.equal('phone.invalid');
    });

    it('takes a foreign number with its + code (a recipient may use one) and shows the country’s example otherwise', () => {
      expect(code('phone', { country: 'BG', phone: '+7 912 345-67-89' })).to.equal(undefined);
      expect(validateAddressField('phone', { country: 'BG', phone: '123' })?.params?.example).to.equal('+359 88 123 4567');
    });
  });

  describe('Latin letters for international shipping (per country)', () => {
    it('suggests the passport transliteration of the country for Cyrillic', () => {
      const city = validateAddressField('city', { country: 'BG', city: 'София' });
      expect(city?.code).to.equal('address.cyrillic');
      expect(city?.params?.suggestion).to.equal('Sofia');
      expect(validateAddressField('street', { country: 'BG', street: 'ул. Шипка 6' })?.params?.suggestion).to.equal('ul. Shipka 6');
      expect(validateAddressField('city', { country: 'RU', city: 'Москва' })?.params?.suggestion).to.equal('Moskva');
      expect(validateAddressField('region', { country: 'BG', region: 'България' })?.params?.suggestion).to.equal('Bulgaria');
      expect(validateAddressField('name', { country: 'BG', name: 'Иван Петров' })?.params?.suggestion).to.equal('Ivan Petrov');
      expect(validateAddressField('street', { country: 'UA', street: 'вул. Хрещатик 22' })?.params?.suggestion).to.equal('vul. Khreshchatyk 22');
    });

    it('points out other alphabets and accents, with a suggestion where one exists', () => {
      const street = validateAddressField('street', { country: 'ES', street: 'Calle José 1' });
      expect(street?.code).to.equal('address.latinOnly');
      expect(street?.params?.suggestion).to.equal('Calle Jose 1');
      expect(code('street', { country: 'DE', street: 'Main St <1>' })).to.equal('address.characters');
    });

    it('takes the country’s own script where the marketplace delivers domestically (China)', () => {
      expect(code('city', { country: 'CN', city: '北京市' })).to.equal(undefined);
      expect(code('city', { country: 'BG', city: '北京市' })).to.equal('address.latinOnly');
      expect(code('city', { country: 'CN', city: 'Beijing 😀' })).to.equal('address.characters');
    });

    it('keeps digits and signs as typed when transliterating an address', () => {
      expect(transliterateAddressSync('ж.к. Люлин, бл. 305, вх. Б, ет. 3, ап. 12', 'bg')).to.equal('zh.k. Lyulin, bl. 305, vh. B, et. 3, ap. 12');
      expect(transliterateAddressSync('ул. Тверская, д. 7, кв. 5', 'ru')).to.equal('ul. Tverskaia, d. 7, kv. 5') // ICAO: я → ia;
      expect(transliterateAddressSync('дом № 7', 'ru')).to.equal('dom No. 7');
    });
  });

  it('normalizes a saved address: trimmed, country and postal code upper case, the phone in E.164, no field the country lacks', () => {
    const a = normalizeAddress({ country: 'gb', name: '  Jane   Doe ', phone: '020 7946 0958', city: 'London', street: '10 Downing Street', postalCode: 'sw1a 2aa', region: '' });
    expect(a.country).to.equal('GB');
    expect(a.name).to.equal('Jane Doe');
    expect(a.phone).to.equal('+442079460958');
    expect(a.postalCode).to.equal('SW1A 2AA');
    const de = normalizeAddress({ country: 'DE', region: 'Berlin', name: 'Max Mustermann' });
    expect(de.region).to.equal('');
  });
});
