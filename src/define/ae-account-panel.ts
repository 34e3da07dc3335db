import { AeAccountPanel } from '../components/account-panel/account-panel.js';
import { defineOnce } from '../internal/define.js';

export { AeAccountPanel };
defineOnce('ae-account-panel', AeAccountPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ae-account-panel': AeAccountPanel;
  }
}
