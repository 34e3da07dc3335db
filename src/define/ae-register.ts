import { AeRegister } from '../components/register/register.js';
import { AeCaptcha } from '../components/captcha/captcha.js';
import { defineOnce } from '../internal/define.js';

export { AeRegister, AeCaptcha };
defineOnce('ae-captcha', AeCaptcha);
defineOnce('ae-register', AeRegister);

declare global {
  interface HTMLElementTagNameMap {
    'ae-register': AeRegister;
  }
}
