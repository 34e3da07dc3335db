/**
 * <ae-address-form> on a MemoryAdapter with a signed-in new buyer: real typing (sendKeys) and real clicks.
 * Per-country fields and validation, the Latin suggestion, autofill tokens, re-authentication, failures that keep
 * every field, the five-address limit, the default switch, removal (axe and 360 px: address-form-a11y.test.ts).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AeAddressForm } from '../src/components/address-form/address-form.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import type { AeAddressChangeEvent } from '../src/events/address-events.js';
import { assertFocused, errorText, findButton, input, realClick } from './helpers/dom.js';
import { BUYER, SOFIA, fillSofia, mount, openNewAddress, pickCountry, resetAroundEachTest, signedIn, submit, typeIn } from './helpers/address-fixtures.js';

setSessionChannelName(`ae-test:address-form:${Math.random().toString(36).slice(2)}`);

const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
/** The new-address form opened by the button's English name. */
const openNew = (el: AeAddressForm) => openNewAddress(el, findButton(el, 'Add address'));
const fieldOrder = (el: AeAddressForm) => [...el.querySelectorAll('form .ae-field')].map((f) => f.getAttribute('data-field'));
const values = (el: AeAddressForm) => ['name', 'street', 'postalCode', 'city', 'phone'].map((n) => input(el, n).value).join('|');

describe('<ae-address-form>', () => {
  resetAroundEachTest();

  describe('autofill', () => {
    it('has light-DOM inputs with every shipping token in one section group, inside one form', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await pickCountry(el, 'Russia'); // a country with a region field
      const form = el.querySelector('form')!;
      const controls = [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[autocomplete], select[autocomplete]')].filter(
        (c) => c.name !== 'makeDefault',
      );
      const tokens = controls.map((c) => c.getAttribute('autocomplete')!.split(' '));
      const sections = new Set(tokens.map((t) => t[0]));
      expect(sections.size).to.equal(1);
      expect([...sections][0]).to.match(/^section-[\w-]+$/);
      expect(tokens.every((t) => t[1] === 'shipping')).to.equal(true);
      expect(tokens.map((t) => t[2]).sort()).to.deep.equal(
        ['address-level1', 'address-level2', 'address-line1', 'address-line2', 'country', 'name', 'postal-code', 'tel'].sort(),
      );
      expect(input(el, 'phone').type).to.equal('tel');
      // Light DOM: the page's document sees them (browsers do not autofill across shadow roots).
      expect(document.querySelector('ae-address-form input[name="postalCode"]') === input(el, 'postalCode')).to.equal(true);
    });
  });

  describe('fields of the chosen country', () => {
    it('puts Bulgaria’s postal code before the city, the US ZIP after the state, and marks what is optional', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      expect(fieldOrder(el)).to.deep.equal(['country', 'name', 'street', 'apartment', 'postalCode', 'city', 'region', 'phone']);
      expect(plain(el.querySelector('[data-field="region"] .ae-label')?.textContent)).to.equal('Region (optional)');
      await pickCountry(el, 'United S');
      expect(el.querySelector<HTMLSelectElement>('select[name="country"]')!.value).to.equal('US');
      expect(fieldOrder(el)).to.deep.equal(['country', 'name', 'street', 'apartment', 'city', 'region', 'postalCode', 'phone']);
      expect(plain(el.querySelector('[data-field="region"] .ae-label')?.textContent)).to.equal('State');
      expect(plain(el.querySelector('[data-field="postalCode"] .ae-label')?.textContent)).to.equal('ZIP code');
      await pickCountry(el, 'Germ');
      expect(fieldOrder(el).includes('region')).to.equal(false);
    });

    it('keeps what was typed when the country changes', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await typeIn(el, 'name', 'Ivan Petrov');
      await typeIn(el, 'city', 'Sofia');
      await pickCountry(el, 'Pol');
      expect(input(el, 'name').value).to.equal('Ivan Petrov');
      expect(input(el, 'city').value).to.equal('Sofia');
    });
  });

  describe('validation per country', () => {
    it('checks the postal code format of the chosen country (BG 4 digits, RU 6, UA 5)', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await typeIn(el, 'postalCode', '10000');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorText(el, 'postalCode')).to.equal('Enter the postal code like 1000');
      await pickCountry(el, 'Russia');
      await el.updateComplete;
      expect(errorText(el, 'postalCode')).to.equal('Enter the postal code like 125009');
      await typeIn(el, 'postalCode', '125009');
      await el.updateComplete;
      expect(errorText(el, 'postalCode')).to.equal(null);
      await pickCountry(el, 'Ukr');
      await el.updateComplete;
      expect(errorText(el, 'postalCode')).to.equal('Enter the postal code like 01001');
    });

    it('checks the phone number per country with libphonenumber', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await pickCountry(el, 'Russia');
      await typeIn(el, 'phone', '+7 012 345-67-89');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorText(el, 'phone')).to.equal('Enter a phone number with the country code, like +7 912 345-67-89');
      await typeIn(el, 'phone', '8 912 345-67-89');
      await el.updateComplete;
      expect(errorText(el, 'phone')).to.equal(null);
    });

    it('after a submit with empty fields: messages in the country’s words, focus on the first problem', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await pickCountry(el, 'United S');
      await realClick(submit(el));
      await el.updateComplete;
      assertFocused(input(el, 'name'), 'the first invalid field');
      expect(errorText(el, 'region')).to.equal('Enter the state');
      expect(errorText(el, 'postalCode')).to.equal('Enter the ZIP code');
      expect(errorText(el, 'apartment')).to.equal(null);
      expect(el.querySelectorAll('.ae-summary li').length).to.equal(6); // name, street, city, state, ZIP, phone
    });
  });

  describe('Latin letters with the one-click suggestion', () => {
    it('suggests "Sofia" for "София" and "ul. Shipka 6" for "ул. Шипка 6", and applies nothing until pressed', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await typeIn(el, 'city', 'София');
      await el.updateComplete;
      expect(input(el, 'city').value).to.equal('София');
      expect(errorText(el, 'city')).to.equal('Write it in Latin letters: the parcel travels through other countries');
      const button = findButton(el.querySelector('[data-field="city"]')!, 'Use “Sofia”');
      expect(input(el, 'city').value).to.equal('София'); // never applied silently
      await realClick(button);
      await el.updateComplete;
      expect(input(el, 'city').value).to.equal('Sofia');
      expect(errorText(el, 'city')).to.equal(null);
      assertFocused(input(el, 'city'));
      await typeIn(el, 'street', 'ул. Шипка 6');
      await el.updateComplete;
      await realClick(findButton(el.querySelector('[data-field="street"]')!, 'Use “ul. Shipka 6”'));
      expect(input(el, 'street').value).to.equal('ul. Shipka 6');
    });

    it('uses the country’s table: "Москва" → "Moskva" in Russia, "България" → "Bulgaria"', async () => {
      const el = await mount(await signedIn());
      await openNew(el);
      await typeIn(el, 'region', 'България');
      await el.updateComplete;
      expect(findButton(el.querySelector('[data-field="region"]')!, 'Use “Bulgaria”').dataset.suggestion).to.equal('Bulgaria');
      await pickCountry(el, 'Russia');
      await typeIn(el, 'city', 'Москва');
      await el.updateComplete;
      await realClick(findButton(el.querySelector('[data-field="city"]')!, 'Use “Moskva”'));
      expect(input(el, 'city').value).to.equal('Moskva');
    });
  });

  describe('adding an address asks for the password again', () => {
    it('wrong password: says so, keeps every field; right password: saves, empties the password', async () => {
      const adapter = await signedIn();
      const el = await mount(adapter);
      const events: AeAddressChangeEvent[] = [];
      el.addEventListener('ae-address-change', (e) => events.push(e));
      await openNew(el);
      await fillSofia(el);
      const typed = values(el);
      await realClick(submit(el));
      await waitUntil(() => el.querySelector('input[name="password"]'), 'the password prompt');
      await el.updateComplete;
      assertFocused(input(el, 'password'), 'the password field');
      expect(input(el, 'password').getAttribute('autocomplete')).to.equal('current-password');
      await sendKeys({ type: 'Wrong-pass-1' });
      await realClick(submit(el));
      await waitUntil(() => errorText(el, 'password'), 'wrong password message');
      expect(errorText(el, 'password')).to.equal('Wrong password. Try again.');
      expect(values(el)).to.equal(typed);
      expect(input(el, 'password').value).to.equal('');
      expect(events.length).to.equal(0);
      input(el, 'password').focus();
      await sendKeys({ type: BUYER.password });
      await realClick(submit(el));
      await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
      expect(el.querySelector('input[name="password"]')).to.equal(null);
      expect(events.length).to.equal(1);
      expect(events[0]!.detail.action).to.equal('add');
      expect(JSON.stringify(events[0]!.detail)).not.to.contain(BUYER.password);
      const [saved] = await adapter.listAddresses();
      expect(saved?.phone).to.equal('+359881234567');
      expect(saved?.isDefault).to.equal(true);
      expect(plain(el.querySelector('.ae-address')?.textContent)).to.contain('ul. Shipka 6');
    });
  });

  describe('when the save fails', () => {
    it('keeps every field and "Try again" saves', async () => {
      const adapter = await signedIn({ addressReauth: 'never' } as MemoryAdapterOptions);
      const el = await mount(adapter);
      await openNew(el);
      await fillSofia(el);
      const typed = values(el);
      adapter.failNext('server', { method: 'saveAddress' });
      await realClick(submit(el));
      await waitUntil(() => el.querySelector('.ae-banner'), 'banner');
      assertFocused(el.querySelector('.ae-banner'));
      expect(values(el)).to.equal(typed);
      await realClick(findButton(el.querySelector('.ae-banner')!, 'Try again'));
      await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
      expect((await adapter.listAddresses()).length).to.equal(1);
    });

    it('shows the server’s field errors on the fields', async () => {
      const adapter = await signedIn({ addressReauth: 'never' } as MemoryAdapterOptions);
      const el = await mount(adapter);
      await openNew(el);
      await fillSofia(el);
      // A postal code the form itself takes (no message before the submit): the message can only be the server's.
      expect(errorText(el, 'postalCode') ?? '', 'no message of the form itself').to.equal('');
      const sent: string[] = [];
      const save = adapter.saveAddress.bind(adapter);
      adapter.saveAddress = (address, o) => (sent.push(address.postalCode), save(address, o));
      adapter.failNext('validation', { method: 'saveAddress', fieldErrors: { postalCode: 'postalCode.format' } } as never);
      await realClick(submit(el));
      await waitUntil(() => errorText(el, 'postalCode'), 'the postal code message');
      expect(sent, 'the address reached the server, with the code as typed').to.deep.equal(['1504']);
      assertFocused(input(el, 'postalCode'));
      expect(input(el, 'postalCode').value).to.equal('1504');
      expect(input(el, 'city').value).to.equal('Sofia');
    });
  });

  describe('when set from code', () => {
    it('fires no event', async () => {
      const adapter = await signedIn();
      await adapter.saveAddress(SOFIA, { password: BUYER.password });
      const el = await mount(adapter);
      let fired = 0;
      el.addEventListener('ae-address-change', () => fired++);
      el.addEventListener('ae-address-error', () => fired++);
      el.disabled = true;
      el.noHeading = true;
      await el.reload();
      el.disabled = false;
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(el.querySelectorAll('.ae-address').length).to.equal(1);
    });
  });

  describe('the saved addresses', () => {
    it('allows five at most', async () => {
      const adapter = await signedIn();
      for (let i = 0; i < 5; i++) await adapter.saveAddress({ ...SOFIA, street: `ul. Shipka ${i + 1}` }, { password: BUYER.password });
      const el = await mount(adapter);
      expect(el.querySelectorAll('.ae-address').length).to.equal(5);
      const add = findButton(el, 'Add address');
      expect(add.getAttribute('aria-disabled')).to.equal('true');
      await realClick(add);
      await el.updateComplete;
      expect(el.querySelector('form')).to.equal(null);
      expect(plain(el.querySelector(`#${add.getAttribute('aria-describedby')}`)?.textContent)).to.equal(
        'You can keep up to 5 addresses. Remove one to add another.',
      );
    });

    it('switches the default and removes an address after asking', async () => {
      const adapter = await signedIn();
      await adapter.saveAddress(SOFIA, { password: BUYER.password });
      await adapter.saveAddress({ ...SOFIA, name: 'Maria Petrova', city: 'Plovdiv', postalCode: '4000', street: 'bul. Ruski 1' });
      const el = await mount(adapter);
      const cards = () => [...el.querySelectorAll<HTMLElement>('.ae-address')];
      expect(cards()[0]!.hasAttribute('data-default')).to.equal(true);
      const second = cards().find((c) => c.textContent?.includes('Plovdiv'))!;
      await realClick(findButton(second, 'Make default'));
      await waitUntil(() => el.querySelector('.ae-notice'), 'default changed');
      const def = cards().find((c) => c.hasAttribute('data-default'))!;
      expect(def.textContent).to.contain('Plovdiv');
      expect((await adapter.listAddresses()).find((a) => a.isDefault)?.city).to.equal('Plovdiv');
      const sofia = cards().find((c) => c.textContent?.includes('Sofia'))!;
      await realClick(findButton(sofia, 'Remove'));
      await el.updateComplete;
      await realClick(findButton(el, 'Yes, remove'));
      await waitUntil(() => cards().length === 1, 'removed');
      expect((await adapter.listAddresses()).length).to.equal(1);
    });

    it('opens a saved address with its values and saves the change', async () => {
      const adapter = await signedIn();
      await adapter.saveAddress(SOFIA, { password: BUYER.password });
      const el = await mount(adapter);
      await realClick(findButton(el.querySelector('.ae-address')!, 'Edit'));
      await waitUntil(() => el.querySelector('form'), 'the form');
      await el.updateComplete;
      expect(input(el, 'city').value).to.equal('Sofia');
      await typeIn(el, 'apartment', 'ap. 12');
      await realClick(submit(el));
      await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
      expect((await adapter.listAddresses())[0]?.apartment).to.equal('ap. 12');
    });
  });

});
