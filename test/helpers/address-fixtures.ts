/**
 * The fixtures of the <ae-address-form> tests (address-form, address-form-a11y, address-secrets): a signed-in new
 * buyer on a MemoryAdapter, the element mounted and its list loaded, the new-address form opened, fields typed
 * with real keys (sendKeys), a country picked from the list, Sofia's address filled in, and the page put back
 * after each test. address-secrets.test.ts imports this module after its leak recorder is installed (it loads
 * the element and the adapter).
 */
import { waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/define/ae-address-form.js';
import type { AeAddressForm } from '../../src/components/address-form/address-form.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../../src/adapter/memory-adapter.js';
import type { AddressInput } from '../../src/adapter/account-types.js';
import { setLocale } from '../../src/locales/localization.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { resetSessionStoreForTests } from '../../src/session/session-store.js';
import { input, realClick } from './dom.js';

export interface Buyer {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
}

export const BUYER: Buyer = { email: 'nova.buyer@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

/** A complete Bulgarian address, as the adapter stores it. */
export const SOFIA: AddressInput = {
  name: 'Ivan Petrov', phone: '+359881234567', country: 'BG', region: '', city: 'Sofia', street: 'ul. Shipka 6', apartment: '', postalCode: '1504',
};

/** A MemoryAdapter with no latency on which `buyer` (a new one: no address yet) is signed in. */
export async function signedIn(options: MemoryAdapterOptions = {}, buyer: Buyer = BUYER): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ latency: 0, users: [buyer], ...options });
  await adapter.signIn({ email: buyer.email, password: buyer.password, remember: false });
  return adapter;
}

const placed: HTMLElement[] = [];

/** <ae-address-form> on `adapter`, in a container of its own, once its list (or its load error) shows. */
export async function mount(adapter: MemoryAdapter): Promise<AeAddressForm> {
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(html`<ae-address-form .adapter=${adapter}></ae-address-form>`, c);
  const el = c.querySelector('ae-address-form')!;
  await el.updateComplete;
  await waitUntil(() => el.querySelector('.ae-add, .ae-banner'), 'addresses loaded', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

/** The containers `mount` made, taken out of the page. */
export function unmountAll(): void {
  for (const c of placed.splice(0)) c.remove();
}

/**
 * Opens the new-address form with a real click on `add` (by default the button found by its class, whatever the
 * page's language) and waits for the form and for its validation.
 */
export async function openNewAddress(el: AeAddressForm, add: HTMLElement = el.querySelector<HTMLButtonElement>('button.ae-add')!): Promise<void> {
  await realClick(add);
  await waitUntil(() => el.querySelector('form.ae-form'), 'the form');
  // The schema chunk (zod + libphonenumber) arrives in parallel; the form is usable before it.
  await waitUntil(() => (el as unknown as { v?: unknown }).v, 'validation loaded', { timeout: 8000 });
}

/** Focuses the field `name`, selects what it holds and types `text` over it with real keys. */
export async function typeIn(el: Element, name: string, text: string): Promise<void> {
  const i = input(el, name);
  i.focus();
  i.select();
  await sendKeys({ type: text });
}

let lastPick = 0;
/** Picks a country by typing the start of its name into the focused list (the list's type-ahead). */
export async function pickCountry(el: AeAddressForm, typed: string): Promise<void> {
  // The list's type-ahead forgets what was typed a second after the last key: a quick second pick starts afresh.
  const wait = lastPick + 1100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  el.querySelector<HTMLSelectElement>('select[name="country"]')!.focus();
  await sendKeys({ type: typed });
  lastPick = Date.now();
  await el.updateComplete;
}

/** Types a valid address in Sofia (SOFIA's values, the phone as a person writes it) into the open form. */
export async function fillSofia(el: AeAddressForm): Promise<void> {
  await typeIn(el, 'name', 'Ivan Petrov');
  await typeIn(el, 'street', 'ul. Shipka 6');
  await typeIn(el, 'postalCode', '1504');
  await typeIn(el, 'city', 'Sofia');
  await typeIn(el, 'phone', '088 123 4567');
  await el.updateComplete;
}

export const submit = (el: AeAddressForm) => el.querySelector<HTMLButtonElement>('button[type=submit]')!;

/**
 * In a `describe`: each test starts with English preferences, Bulgaria and euros chosen and no session, and
 * ends with the forms unmounted, the locale back to English and the viewport back to 800 × 600.
 */
export function resetAroundEachTest(): void {
  beforeEach(() => {
    resetPreferencesStoreForTests('en');
    resetSessionStoreForTests();
    choosePreferences({ country: 'BG', currency: 'EUR' });
  });
  afterEach(async () => {
    unmountAll();
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
  });
}
