import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { charactersText } from '../locales/units.js';
import type { ValidationIssue } from './validate.js';
import { captchaMessage } from './captcha-messages.js';

const n = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

/**
 * The text of a validation issue in the current UI locale. Called at render time, so a locale switch
 * re-renders every message. `field` picks the wording where it differs per field ("Enter your first name").
 */
export function validationMessage(issue: ValidationIssue, field?: string): string {
  const captcha = captchaMessage(issue);
  if (captcha !== undefined) return captcha;
  const p = issue.params ?? {};
  switch (issue.code) {
    case 'email.required':
      return msg('Enter your e-mail address', { id: 'validation.email.required', desc: 'Error under the empty e-mail field.' });
    case 'email.invalid':
      return msg('Enter an e-mail address like name@example.com', {
        id: 'validation.email.invalid',
        desc: 'Error under the e-mail field when the address is malformed. Keep name@example.com as is.',
      });
    case 'email.tooLong':
      return msg(str`The e-mail address can be at most ${charactersText(n(p.max, 254))} long`, {
        id: 'validation.email.tooLong',
        desc: 'Error under the e-mail field; the placeholder is a counted number of characters ("254 characters").',
      });
    case 'email.taken':
      return msg('This e-mail is already registered', {
        id: 'validation.email.taken',
        desc: 'Error under the e-mail field when the server says a profile with this address exists.',
      });
    case 'name.required':
      return field === 'lastName'
        ? msg('Enter your last name', { id: 'validation.lastName.required', desc: 'Error under the empty last name field.' })
        : msg('Enter your first name', { id: 'validation.firstName.required', desc: 'Error under the empty first name field.' });
    case 'name.tooLong':
      return field === 'lastName'
        ? msg(str`The last name can be at most ${charactersText(n(p.max, 50))} long`, {
            id: 'validation.lastName.tooLong',
            desc: 'Error under the last name field; the placeholder is a counted number of characters ("50 characters").',
          })
        : msg(str`The first name can be at most ${charactersText(n(p.max, 50))} long`, {
            id: 'validation.firstName.tooLong',
            desc: 'Error under the first name field; the placeholder is a counted number of characters ("50 characters").',
          });
    case 'name.cyrillic':
      return msg('Write the name in Latin letters, as in your foreign passport', {
        id: 'validation.name.cyrillic',
        desc: 'Error under a name field when Cyrillic was typed. A transliteration suggestion button follows it.',
      });
    case 'name.latinOnly':
      return msg('Use only Latin letters A–Z; a space, hyphen or apostrophe may join parts of the name', {
        id: 'validation.name.latinOnly',
        desc: 'Error under a name field when it holds digits, accented letters, emoji or other signs.',
      });
    case 'name.format':
      return msg('A space, hyphen or apostrophe may stand only between two letters, one at a time', {
        id: 'validation.name.format',
        desc: 'Error under a name field for "Anna--Maria" or "-Anna".',
      });
    case 'password.required':
      return msg('Enter a password', { id: 'validation.password.required', desc: 'Error under the empty password field.' });
    case 'password.tooShort':
      return msg(str`The password needs at least ${charactersText(n(p.min, 8))}`, {
        id: 'validation.password.tooShort',
        desc: 'Error under the password field; the placeholder is a counted number of characters ("8 characters").',
      });
    case 'password.tooLong':
      return msg(str`The password can be at most ${charactersText(n(p.max, 128))} long`, {
        id: 'validation.password.tooLong',
        desc: 'Error under the password field; the placeholder is a counted number of characters ("128 characters").',
      });
    case 'password.letter':
      return msg('Add at least one letter to the password', {
        id: 'validation.password.letter',
        desc: 'Error under the password field when it has no letter.',
      });
    case 'password.digit':
      return msg('Add at least one digit to the password', {
        id: 'validation.password.digit',
        desc: 'Error under the password field when it has no digit.',
      });
    case 'password.common':
      return msg('This password is one of the most common ones: choose another', {
        id: 'validation.password.common',
        desc: 'Error under the new password field when it is on the list of the most used (leaked) passwords.',
      });
    case 'passwordRepeat.required':
      return msg('Type the password again', {
        id: 'validation.passwordRepeat.required',
        desc: 'Error under the empty "password again" field.',
      });
    case 'passwordRepeat.mismatch':
      return msg('The passwords do not match', {
        id: 'validation.passwordRepeat.mismatch',
        desc: 'Error under the "password again" field when it differs from the password.',
      });
    default:
      return msg('Check this field', {
        id: 'validation.unknown',
        desc: 'Fallback error for a field when the server sent a code the library does not know.',
      });
  }
}
