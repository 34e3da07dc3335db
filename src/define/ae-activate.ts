import { AeActivate } from '../components/activate/activate.js';
import { defineOnce } from '../internal/define.js';

export { AeActivate };
defineOnce('ae-activate', AeActivate);

declare global {
  interface HTMLElementTagNameMap {
    'ae-activate': AeActivate;
  }
}
