import { AeResetPassword } from '../components/reset-password/reset-password.js';
import { defineOnce } from '../internal/define.js';

export { AeResetPassword };
defineOnce('ae-reset-password', AeResetPassword);

declare global {
  interface HTMLElementTagNameMap {
    'ae-reset-password': AeResetPassword;
  }
}
