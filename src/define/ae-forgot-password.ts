import { AeForgotPassword } from '../components/forgot-password/forgot-password.js';
import { defineOnce } from '../internal/define.js';

export { AeForgotPassword };
defineOnce('ae-forgot-password', AeForgotPassword);

declare global {
  interface HTMLElementTagNameMap {
    'ae-forgot-password': AeForgotPassword;
  }
}
