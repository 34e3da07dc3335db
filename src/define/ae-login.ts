import { AeLogin, provideLoginHandOffs } from '../components/login/login.js';
import { defineOnce } from '../internal/define.js';

export { AeLogin };
// The elements it hands over to, each loaded when first needed (see LoginHandOffs).
provideLoginHandOffs({
  register: () => import('./ae-register.js'),
  forgot: () => import('./ae-forgot-password.js'),
  social: () => import('./ae-social-login.js'),
});
defineOnce('ae-login', AeLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ae-login': AeLogin;
  }
}
