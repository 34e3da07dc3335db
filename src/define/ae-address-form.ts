import { AeAddressForm } from '../components/address-form/address-form.js';
import { defineOnce } from '../internal/define.js';

export { AeAddressForm };
defineOnce('ae-address-form', AeAddressForm);

declare global {
  interface HTMLElementTagNameMap {
    'ae-address-form': AeAddressForm;
  }
}
