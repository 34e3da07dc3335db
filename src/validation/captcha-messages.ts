import { msg } from '@lit/localize/init/install.js';
import type { ValidationIssue } from './validate.js';

/** Texts of the captcha codes (`validationMessage` delegates here for them). */
export function captchaMessage(issue: ValidationIssue): string | undefined {
  switch (issue.code) {
    case 'captcha.required':
      return msg('Enter the code from the picture', {
        id: 'validation.captcha.required',
        desc: 'Error under the empty captcha answer field.',
      });
    case 'captcha.invalid':
      return msg('Wrong code, try the new one', {
        id: 'validation.captcha.invalid',
        desc: 'Error under the captcha after the server rejected the answer; a new picture is already shown.',
      });
    case 'captcha.expired':
      return msg('The code has expired, enter the new one', {
        id: 'validation.captcha.expired',
        desc: 'Error under the captcha when the old picture expired; a new picture is already shown.',
      });
    default:
      return undefined;
  }
}
