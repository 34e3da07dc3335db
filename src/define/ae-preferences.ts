import { AePreferences } from '../components/preferences/preferences.js';
import { defineOnce } from '../internal/define.js';

export { AePreferences };
defineOnce('ae-preferences', AePreferences);

declare global {
  interface HTMLElementTagNameMap {
    'ae-preferences': AePreferences;
  }
}
