/**
 * `<ae-address-form>` (another engineer's element): loaded when "Shipping addresses" opens. Until its define
 * module lands this rejects, and the section shows its error with "Try again".
 */
export async function loadAddressForm(): Promise<void> {
  if (customElements.get('ae-address-form')) return;
  throw new Error('<ae-address-form> is not part of this build yet');
}
