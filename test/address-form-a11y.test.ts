/**
 * <ae-address-form>, accessibility and layout (the behaviours are in address-form.test.ts), on a MemoryAdapter with a signed-in new buyer: real typing (sendKeys) and real clicks.
 * Per-country fields and validation, the Latin suggestion, autofill tokens, re-authentication, failures that keep
 * every field, the five-address limit, the default switch, removal, axe in each state × en/ru/bg, 360 px.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define/ae-address-form.js';
import type { AeAddressForm } from '../src/components/address-form/address-form.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AddressInput } from '../src/adapter/account-types.js';
import { setLocale } from '../src/locales/localization.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { input, realClick, shownText } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';

setSessionChannelName(`ae-test:address-form-a11y:${Math.random().toString(36).slice(2)}`);

const BUYER = { email: 'nova.buyer@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

async function signedIn(options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ latency: 0, users: [BUYER], ...options });
  await adapter.signIn({ email: BUYER.email, password: BUYER.password, remember: false });
  return adapter;
}

const SOFIA: AddressInput = {
  name: 'Ivan Petrov', phone: '+359881234567', country: 'BG', region: '', city: 'Sofia', street: 'ul. Shipka 6', apartment: '', postalCode: '1504',
};

const placed: HTMLElement[] = [];
async function mount(adapter: MemoryAdapter): Promise<AeAddressForm> {
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

async function openNew(el: AeAddressForm): Promise<void> {
  // By its class: its text is in the page's language (en, ru or bg here).
  await realClick(el.querySelector<HTMLButtonElement>('button.ae-add')!);
  await waitUntil(() => el.querySelector('form.ae-form'), 'the form');
  // The schema chunk (zod + libphonenumber) arrives in parallel; the form is usable before it.
  await waitUntil(() => (el as unknown as { v?: unknown }).v, 'validation loaded', { timeout: 8000 });
}

async function typeIn(el: Element, name: string, text: string): Promise<void> {
  const i = input(el, name);
  i.focus();
  i.select();
  await sendKeys({ type: text });
}

let lastPick = 0;
async function pickCountry(el: AeAddressForm, typed: string): Promise<void> {
  // The list's type-ahead forgets what was typed a second after the last key: a quick second pick starts afresh.
  const wait = lastPick + 1100 - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  el.querySelector<HTMLSelectElement>('select[name="country"]')!.focus();
  await sendKeys({ type: typed });
  lastPick = Date.now();
  await el.updateComplete;
}

async function fillSofia(el: AeAddressForm): Promise<void> {
  await typeIn(el, 'name', 'Ivan Petrov');
  await typeIn(el, 'street', 'ul. Shipka 6');
  await typeIn(el, 'postalCode', '1504');
  await typeIn(el, 'city', 'Sofia');
  await typeIn(el, 'phone', '088 123 4567');
  await el.updateComplete;
}

const submit = (el: AeAddressForm) => el.querySelector<HTMLButtonElement>('button[type=submit]')!;

describe('<ae-address-form> accessibility and layout', () => {
  beforeEach(() => {
    resetPreferencesStoreForTests('en');
    resetSessionStoreForTests();
    choosePreferences({ country: 'BG', currency: 'EUR' });
  });
  afterEach(async () => {
    for (const c of placed.splice(0)) c.remove();
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`is axe-clean with no address, in the new form and with its errors, in ${locale}`, async () => {
        await setLocale(locale);
        const el = await mount(await signedIn());
        await expectAccessible(el, `empty ${locale}`);
        await openNew(el);
        await expectAccessible(el, `new ${locale}`);
        await typeIn(el, 'city', 'София');
        await realClick(submit(el));
        await el.updateComplete;
        await expectAccessible(el, `errors ${locale}`);
      });

      it(`is axe-clean with the password prompt, the saved list and the removal question, in ${locale}`, async () => {
        await setLocale(locale);
        // The password is asked at every addition (no window), so the prompt comes after the seeded address.
        const adapter = await signedIn({ reauthWindowMs: 0 } as MemoryAdapterOptions);
        await adapter.saveAddress(SOFIA, { password: BUYER.password });
        const el = await mount(adapter);
        await expectAccessible(el, `list ${locale}`);
        await realClick(el.querySelector('.ae-address-actions button:last-child')!);
        await el.updateComplete;
        await expectAccessible(el, `confirm remove ${locale}`);
        await openNew(el);
        await fillSofia(el);
        await realClick(submit(el));
        await waitUntil(() => el.querySelector('input[name="password"]'), 'password prompt');
        await expectAccessible(el, `reauth ${locale}`);
      });
    }

    it('at 360 px no field is narrower than 240 px and nothing overflows', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await mount(await signedIn());
      await openNew(el);
      await pickCountry(el, 'Russia');
      for (const c of el.querySelectorAll<HTMLElement>('form input:not([type=checkbox]), form select')) {
        expect(c.getBoundingClientRect().width, (c as HTMLInputElement).name).to.be.at.least(240);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
      expect(shownText(el).length).to.be.greaterThan(0);
    });
});
