import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { charactersText } from '../locales/units.js';
import type { ValidationIssue } from './validate.js';
import type { AddressField, RegionKind, PostalKind } from './address-countries.js';

const n = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

/** What the field is called where it differs per country (the region's and postal code's names). */
export interface AddressFieldNaming {
  regionKind?: RegionKind | undefined;
  postalKind?: PostalKind | undefined;
}

/** "Enter …" for an empty required field, in the words of its label. */
function requiredText(field: AddressField, naming: AddressFieldNaming): string {
  switch (field) {
    case 'name':
      return msg('Enter the recipient’s full name', { id: 'address.error.name.required', desc: 'Error under the empty recipient name field of a shipping address.' });
    case 'phone':
      return msg('Enter a phone number for the courier', { id: 'address.error.phone.required', desc: 'Error under the empty phone field of a shipping address.' });
    case 'country':
      return msg('Choose a country', { id: 'address.error.country.required', desc: 'Error under the country list of a shipping address when none is chosen.' });
    case 'region':
      switch (naming.regionKind) {
        case 'state':
          return msg('Enter the state', { id: 'address.error.state.required', desc: 'Error under the empty state field (US, Brazil, Mexico, Australia).' });
        case 'province':
          return msg('Enter the province', { id: 'address.error.province.required', desc: 'Error under the empty province field (Spain, Italy, Canada, Turkey, China, Korea).' });
        case 'prefecture':
          return msg('Enter the prefecture', { id: 'address.error.prefecture.required', desc: 'Error under the empty prefecture field (Japan).' });
        case 'emirate':
          return msg('Enter the emirate', { id: 'address.error.emirate.required', desc: 'Error under the empty emirate field (United Arab Emirates).' });
        case 'county':
          return msg('Enter the county', { id: 'address.error.county.required', desc: 'Error under the empty county field (Romania).' });
        default:
          return msg('Enter the region', { id: 'address.error.region.required', desc: 'Error under the empty region (oblast) field.' });
      }
    case 'city':
      return msg('Enter the city, town or village', { id: 'address.error.city.required', desc: 'Error under the empty city field of a shipping address.' });
    case 'street':
      return msg('Enter the street and house number', { id: 'address.error.street.required', desc: 'Error under the empty street field of a shipping address.' });
    case 'postalCode':
      return naming.postalKind === 'zip'
        ? msg('Enter the ZIP code', { id: 'address.error.zip.required', desc: 'Error under the empty ZIP code field (United States).' })
        : msg('Enter the postal code', { id: 'address.error.postalCode.required', desc: 'Error under the empty postal code field.' });
    default:
      return msg('Fill in this field', { id: 'address.error.required', desc: 'Error under an empty required field of a shipping address.' });
  }
}

/**
 * The text of an address validation issue in the current UI locale (called at render time, so a locale switch
 * re-renders every message).
 */
export function addressMessage(issue: ValidationIssue, field: AddressField, naming: AddressFieldNaming = {}): string {
  const p = issue.params ?? {};
  const example = s(p.example);
  switch (issue.code) {
    case 'address.required':
      return requiredText(field, naming);
    case 'address.tooLong': {
      const max = charactersText(n(p.max, 100));
      return msg(str`This can be at most ${max} long`, {
        id: 'address.error.tooLong',
        desc: 'Error under an address field that is too long; the placeholder is a counted number of characters ("100 characters").',
      });
    }
    case 'address.cyrillic':
      return msg('Write it in Latin letters: the parcel travels through other countries', {
        id: 'address.error.cyrillic',
        desc: 'Error under an address field when Cyrillic was typed for an international shipment. A transliteration suggestion button may follow it.',
      });
    case 'address.latinOnly':
      return msg('Use Latin letters A–Z, digits and the signs . , - / # ( )', {
        id: 'address.error.latinOnly',
        desc: 'Error under an address field with letters of other alphabets or accents (José). Keep the signs as they are.',
      });
    case 'address.nameFormat':
      return msg('Write the name and surname in Latin letters; a space, hyphen, apostrophe or dot may join them', {
        id: 'address.error.nameFormat',
        desc: 'Error under the recipient name field when it holds digits or signs out of place.',
      });
    case 'address.characters':
      return msg('Remove signs such as < > { } @ $ % and emoji', {
        id: 'address.error.characters',
        desc: 'Error under an address field with signs that shipping labels cannot print. Keep the signs as they are.',
      });
    case 'postalCode.format':
      return naming.postalKind === 'zip'
        ? msg(str`Enter the ZIP code like ${example}`, {
            id: 'address.error.zip.format',
            desc: 'Error under a ZIP code in the wrong format; the placeholder is an example (95014).',
          })
        : msg(str`Enter the postal code like ${example}`, {
            id: 'address.error.postalCode.format',
            desc: 'Error under a postal code in the wrong format for the chosen country; the placeholder is an example (1000, 125009).',
          });
    case 'phone.invalid':
      return msg(str`Enter a phone number with the country code, like ${example}`, {
        id: 'address.error.phone.invalid',
        desc: 'Error under a phone number that is not valid; the placeholder is an example number of the chosen country (+359 88 123 4567).',
      });
    case 'country.unsupported':
      return msg('We do not ship to this country yet', {
        id: 'address.error.country.unsupported',
        desc: 'Error under the country when the marketplace does not ship there.',
      });
    case 'address.limit':
      return msg('You can keep up to 5 addresses. Remove one to add another.', {
        id: 'address.error.limit',
        desc: 'Message when five shipping addresses are saved and the person tries to add a sixth.',
      });
    default:
      return msg('Check this field', {
        id: 'validation.unknown',
        desc: 'Fallback error for a field when the server sent a code the library does not know.',
      });
  }
}
