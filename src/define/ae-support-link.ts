import { AeSupportLink } from '../components/support/support-link.js';
import { defineOnce } from '../internal/define.js';

export { AeSupportLink };
defineOnce('ae-support-link', AeSupportLink);

declare global {
  interface HTMLElementTagNameMap {
    'ae-support-link': AeSupportLink;
  }
}
