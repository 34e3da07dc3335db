/**
 * The countries a shipping address may be in, with what differs between them: the order of the address fields,
 * which are required, the region's and the postal code's name, the postal code's format and an example, the
 * currency (the default of `<ae-preferences>` for the country) and whether the address is written in Latin
 * letters (international shipping) or may be in the country's own script (domestic carriers).
 *
 * Plain data, no zod: `<ae-address-form>` draws its fields from it on the first render; the schema
 * (address.ts, loaded lazily) checks with it; `MemoryAdapter` runs the same schema.
 *
 * Sources: the field order, required fields and postal code patterns follow Google's address data
 * (libaddressinput, chromium-i18n.appspot.com/ssl-address: `fmt`/`lfmt`, `require`, `zip`), written in their
 * Latin (`lfmt`) order; the postal formats were checked against the national posts' own descriptions
 * (Bulgarian Posts: 4 digits; Russian Post: 6; Ukrposhta: 5; Kazpost: 6; Belpochta: 6; Poczta Polska: NN-NNN;
 * Correios CEP: NNNNN-NNN; Israel Post: 7 digits, 5 still in use; Royal Mail PAF; Canada Post: ANA NAN).
 */
import type { TranslitSystem } from '../translit/translit.js';

/** The fields of a shipping address (the contract's `AddressFields`, account-types.ts). */
export type AddressField = 'name' | 'phone' | 'country' | 'region' | 'city' | 'street' | 'apartment' | 'postalCode';

/** The fields whose position differs per country (name, phone and country are always there). */
export type AddressLineField = 'region' | 'city' | 'street' | 'apartment' | 'postalCode';

/** What the region is called in the country (the label of `address-level1`). */
export type RegionKind = 'state' | 'province' | 'region' | 'oblast' | 'county' | 'prefecture' | 'emirate';

/** What the postal code is called (`zip` in the US, `postal` elsewhere). */
export type PostalKind = 'zip' | 'postal';

export interface CountryAddressRules {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** ISO 4217: what the country pays in (the preference's default currency). */
  currency: string;
  /** The address fields in the country's order. A field missing here is not shown (no region in Germany). */
  lines: readonly AddressLineField[];
  /** The address fields that must be filled (name, phone, country and street are required everywhere). */
  required: readonly AddressLineField[];
  regionKind?: RegionKind;
  postalKind?: PostalKind;
  /** The postal code's format (whole value, case-insensitive); absent where the country has none. */
  postal?: RegExp;
  /** A valid postal code, for the message that shows the format. */
  postalExample?: string;
  /** A phone number of the country in international form, for the phone message. */
  phoneExample: string;
  /**
   * The address must be written in Latin letters (international shipping). False where the marketplace's
   * carriers deliver within the country and read its own script too.
   */
  latin: boolean;
  /** The passport transliteration the Latin suggestion uses for Cyrillic typed into this country's address. */
  translit?: TranslitSystem;
}

const L = (
  code: string,
  currency: string,
  lines: readonly AddressLineField[],
  required: readonly AddressLineField[],
  o: Omit<CountryAddressRules, 'code' | 'currency' | 'lines' | 'required' | 'latin'> & { latin?: boolean },
): CountryAddressRules => Object.freeze({ code, currency, lines, required, latin: o.latin ?? true, ...o });

// Common orders (Latin formats of the address data).
const STREET_POSTAL_CITY = ['street', 'apartment', 'postalCode', 'city'] as const;
const STREET_POSTAL_CITY_REGION = ['street', 'apartment', 'postalCode', 'city', 'region'] as const;
const STREET_CITY_REGION_POSTAL = ['street', 'apartment', 'city', 'region', 'postalCode'] as const;
const STREET_CITY_POSTAL = ['street', 'apartment', 'city', 'postalCode'] as const;
const CITY_POSTAL = ['street', 'city', 'postalCode'] as const;
const CITY_REGION_POSTAL = ['street', 'city', 'region', 'postalCode'] as const;

/** Every country the form offers, by code. */
export const ADDRESS_COUNTRIES: Readonly<Record<string, CountryAddressRules>> = Object.freeze(
  Object.fromEntries(
    [
      // Europe
      L('BG', 'EUR', STREET_POSTAL_CITY_REGION, ['city', 'postalCode'], { regionKind: 'region', postal: /^\d{4}$/, postalExample: '1000', phoneExample: '+359 88 123 4567', translit: 'bg' }),
      L('RU', 'RUB', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'region', postal: /^\d{6}$/, postalExample: '125009', phoneExample: '+7 912 345-67-89', translit: 'ru' }),
      L('UA', 'UAH', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'oblast', postal: /^\d{5}$/, postalExample: '01001', phoneExample: '+380 50 123 4567', translit: 'ua' }),
      L('BY', 'BYN', STREET_POSTAL_CITY_REGION, CITY_POSTAL, { regionKind: 'oblast', postal: /^\d{6}$/, postalExample: '220030', phoneExample: '+375 29 123-45-67', translit: 'ru' }),
      L('KZ', 'KZT', ['postalCode', 'region', 'city', 'street', 'apartment'], CITY_POSTAL, { regionKind: 'region', postal: /^\d{6}$/, postalExample: '050000', phoneExample: '+7 701 123 4567', translit: 'ru' }),
      L('MD', 'MDL', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^(?:MD-?)?\d{4}$/i, postalExample: 'MD-2001', phoneExample: '+373 621 12 345', translit: 'ru' }),
      L('PL', 'PLN', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{2}-\d{3}$/, postalExample: '00-950', phoneExample: '+48 512 345 678' }),
      L('DE', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{5}$/, postalExample: '10117', phoneExample: '+49 1512 3456789' }),
      L('AT', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{4}$/, postalExample: '1010', phoneExample: '+43 664 123456' }),
      L('FR', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{2} ?\d{3}$/, postalExample: '75008', phoneExample: '+33 6 12 34 56 78' }),
      L('ES', 'EUR', STREET_POSTAL_CITY_REGION, ['city', 'region', 'postalCode'], { regionKind: 'province', postal: /^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$/, postalExample: '28039', phoneExample: '+34 612 34 56 78' }),
      L('IT', 'EUR', STREET_POSTAL_CITY_REGION, ['city', 'region', 'postalCode'], { regionKind: 'province', postal: /^\d{5}$/, postalExample: '00144', phoneExample: '+39 312 345 6789' }),
      L('PT', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{4}-\d{3}$/, postalExample: '2725-079', phoneExample: '+351 912 345 678' }),
      L('NL', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{4} ?(?!SA|SD|SS)[A-Z]{2}$/i, postalExample: '1234 AB', phoneExample: '+31 6 12345678' }),
      L('BE', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{4}$/, postalExample: '1000', phoneExample: '+32 470 12 34 56' }),
      L('GR', 'EUR', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{3} ?\d{2}$/, postalExample: '151 24', phoneExample: '+30 691 234 5678' }),
      L('CZ', 'CZK', STREET_POSTAL_CITY, CITY_POSTAL, { postal: /^\d{3} ?\d{2}$/, postalExample: '100 00', phoneExample: '+420 601 123 456' }),
      L('RO', 'RON', ['street', 'apartment', 'city', 'region', 'postalCode'], CITY_REGION_POSTAL, { regionKind: 'county', postal: /^\d{6}$/, postalExample: '060274', phoneExample: '+40 712 345 678' }),
      L('GB', 'GBP', ['street', 'apartment', 'city', 'region', 'postalCode'], CITY_POSTAL, {
        regionKind: 'county',
        // Royal Mail's outward + inward code (BS 7666), and the Girobank's GIR 0AA.
        postal: /^(?:GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRVWXY]?) ?\d[ABD-HJLNP-UW-Z]{2})$/i,
        postalExample: 'SW1A 1AA',
        phoneExample: '+44 7400 123456',
      }),
      L('TR', 'TRY', STREET_POSTAL_CITY_REGION, ['city', 'region', 'postalCode'], { regionKind: 'province', postal: /^\d{5}$/, postalExample: '34000', phoneExample: '+90 501 234 56 78' }),
      // Americas
      L('US', 'USD', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'state', postalKind: 'zip', postal: /^\d{5}(?:[ -]\d{4})?$/, postalExample: '95014', phoneExample: '+1 201 555 0123' }),
      L('CA', 'CAD', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'province', postal: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, postalExample: 'H3Z 2Y7', phoneExample: '+1 506 234 5678' }),
      L('MX', 'MXN', STREET_POSTAL_CITY_REGION, CITY_REGION_POSTAL, { regionKind: 'state', postal: /^\d{5}$/, postalExample: '02860', phoneExample: '+52 222 123 4567' }),
      L('BR', 'BRL', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'state', postal: /^\d{5}-?\d{3}$/, postalExample: '40301-110', phoneExample: '+55 11 96123 4567' }),
      L('CL', 'CLP', STREET_CITY_REGION_POSTAL, ['city', 'region'], { regionKind: 'region', postal: /^\d{7}$/, postalExample: '8340457', phoneExample: '+56 9 6123 4567' }),
      // Middle East, Asia, Oceania
      L('IL', 'ILS', STREET_CITY_POSTAL, CITY_POSTAL, { postal: /^\d{5}(?:\d{2})?$/, postalExample: '9614303', phoneExample: '+972 50 234 5678' }),
      L('SA', 'SAR', STREET_CITY_POSTAL, ['city'], { postal: /^\d{5}(?:-\d{4})?$/, postalExample: '11564', phoneExample: '+966 51 234 5678' }),
      L('AE', 'AED', ['street', 'apartment', 'city', 'region'], ['city', 'region'], { regionKind: 'emirate', phoneExample: '+971 50 123 4567' }),
      L('KR', 'KRW', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'province', postal: /^\d{5}$/, postalExample: '03051', phoneExample: '+82 10 2000 0000' }),
      L('JP', 'JPY', ['street', 'apartment', 'city', 'region', 'postalCode'], ['region', 'postalCode'], { regionKind: 'prefecture', postal: /^\d{3}-?\d{4}$/, postalExample: '154-0023', phoneExample: '+81 90 1234 5678' }),
      L('CN', 'CNY', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'province', postal: /^\d{6}$/, postalExample: '200000', phoneExample: '+86 131 2345 6789', latin: false }),
      L('AU', 'AUD', STREET_CITY_REGION_POSTAL, CITY_REGION_POSTAL, { regionKind: 'state', postal: /^\d{4}$/, postalExample: '2060', phoneExample: '+61 412 345 678' }),
    ].map((c) => [c.code, c]),
  ),
);

/** The country codes the form offers. */
export const ADDRESS_COUNTRY_CODES: readonly string[] = Object.freeze(Object.keys(ADDRESS_COUNTRIES));

/** The rules of `country` (any case), or undefined for a country the form does not offer. */
export function countryRules(country: string | undefined): CountryAddressRules | undefined {
  return country ? ADDRESS_COUNTRIES[country.trim().toUpperCase()] : undefined;
}

/** The fields of `country`'s form in order: country, name, its address lines, phone. */
export function addressFieldsOf(rules: CountryAddressRules): readonly AddressField[] {
  return ['country', 'name', ...rules.lines, 'phone'];
}

/** Whether `field` must be filled in `rules`' country. */
export function isRequired(rules: CountryAddressRules, field: AddressField): boolean {
  if (field === 'name' || field === 'phone' || field === 'country' || field === 'street') return true;
  return (rules.required as readonly string[]).includes(field);
}

/** The longest value each field takes (what carriers' label systems print). */
export const ADDRESS_MAX_LENGTH: Readonly<Record<AddressField, number>> = Object.freeze({
  name: 80,
  phone: 32,
  country: 2,
  region: 60,
  city: 60,
  street: 100,
  apartment: 60,
  postalCode: 12,
});
