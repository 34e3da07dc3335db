import { AeSupport } from '../components/support/support.js';
import { defineOnce } from '../internal/define.js';

export { AeSupport };
defineOnce('ae-support', AeSupport);

declare global {
  interface HTMLElementTagNameMap {
    'ae-support': AeSupport;
  }
}
