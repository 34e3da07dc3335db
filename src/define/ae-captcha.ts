import { AeCaptcha } from '../components/captcha/captcha.js';
import { defineOnce } from '../internal/define.js';

export { AeCaptcha };
defineOnce('ae-captcha', AeCaptcha);

declare global {
  interface HTMLElementTagNameMap {
    'ae-captcha': AeCaptcha;
  }
}
