import { AeUserMenu } from '../components/user-menu/user-menu.js';
import { defineOnce } from '../internal/define.js';

export { AeUserMenu };
defineOnce('ae-user-menu', AeUserMenu);

declare global {
  interface HTMLElementTagNameMap {
    'ae-user-menu': AeUserMenu;
  }
}
