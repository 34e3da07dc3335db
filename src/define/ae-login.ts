import { AeLogin } from '../components/login/login.js';
import { defineOnce } from '../internal/define.js';

export { AeLogin };
defineOnce('ae-login', AeLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ae-login': AeLogin;
  }
}
