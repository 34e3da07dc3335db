import { msg } from '@lit/localize/init/install.js';
import type { AddressField, CountryAddressRules } from '../../validation/address-countries.js';

/** The label of an address field in `rules`' country (the region's and postal code's names differ). */
export function addressLabel(field: AddressField, rules: CountryAddressRules | undefined): string {
  switch (field) {
    case 'name':
      return msg('Recipient', { id: 'address.name.label', desc: 'Label of the recipient’s full name field of a shipping address.' });
    case 'phone':
      return msg('Phone', { id: 'address.phone.label', desc: 'Label of the phone field of a shipping address.' });
    case 'country':
      return msg('Country', { id: 'address.country.label', desc: 'Label of the country list of a shipping address.' });
    case 'region':
      switch (rules?.regionKind) {
        case 'state':
          return msg('State', { id: 'address.region.state', desc: 'Label of the state field (US, Brazil, Mexico, Australia).' });
        case 'province':
          return msg('Province', { id: 'address.region.province', desc: 'Label of the province field (Spain, Italy, Canada, Turkey, China, Korea).' });
        case 'prefecture':
          return msg('Prefecture', { id: 'address.region.prefecture', desc: 'Label of the prefecture field (Japan).' });
        case 'emirate':
          return msg('Emirate', { id: 'address.region.emirate', desc: 'Label of the emirate field (United Arab Emirates).' });
        case 'county':
          return msg('County', { id: 'address.region.county', desc: 'Label of the county field (United Kingdom, Romania).' });
        case 'oblast':
          return msg('Oblast', { id: 'address.region.oblast', desc: 'Label of the oblast field (Ukraine, Belarus): the region of the country.' });
        default:
          return msg('Region', { id: 'address.region.label', desc: 'Label of the region field of a shipping address (Russia, Bulgaria, Kazakhstan).' });
      }
    case 'city':
      return msg('City', { id: 'address.city.label', desc: 'Label of the city (town, village) field of a shipping address.' });
    case 'street':
      return msg('Street and house number', { id: 'address.street.label', desc: 'Label of the street and house number field of a shipping address.' });
    case 'apartment':
      return msg('Apartment, entrance, floor', { id: 'address.apartment.label', desc: 'Label of the apartment field of a shipping address.' });
    case 'postalCode':
      return rules?.postalKind === 'zip'
        ? msg('ZIP code', { id: 'address.zip.label', desc: 'Label of the ZIP code field (United States).' })
        : msg('Postal code', { id: 'address.postalCode.label', desc: 'Label of the postal code field of a shipping address.' });
  }
}

/** The `autocomplete` detail token of each field (WHATWG autofill), after `section-… shipping`. */
export const AUTOCOMPLETE: Readonly<Record<AddressField, string>> = {
  name: 'name',
  phone: 'tel',
  country: 'country',
  region: 'address-level1',
  city: 'address-level2',
  street: 'address-line1',
  apartment: 'address-line2',
  postalCode: 'postal-code',
};
