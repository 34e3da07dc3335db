import { AeSocialLogin } from '../components/social-login/social-login.js';
import { defineOnce } from '../internal/define.js';

export { AeSocialLogin };
defineOnce('ae-social-login', AeSocialLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ae-social-login': AeSocialLogin;
  }
}
