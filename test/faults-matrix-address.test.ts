/**
 * The faults matrix (issue 19) for <ae-address-form>: the saved addresses' load, a new address's save and
 * "Make default", under the harness's faults (helpers/faults.ts): network, timeout, 500, 503, 429 with
 * Retry-After, a broken body, a server clock 3 days off, removal in flight, double actions. Each: a localized
 * message, a working retry, nothing typed lost, one call.
 *
 * Adding an element: one entry in CASES (as in faults-matrix.test.ts). Real HTTP: HttpAdapter against the
 * contract server's account routes, signed in by its cookie; addresses saved without the password prompt
 * (that prompt's own test is address-form.test.ts): the faults are about the calls.
 */
import { html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-address-form.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { findButton, input, realClick } from './helpers/dom.js';
import { adapter, banner, describeFaults, f, formFlow, mountFixture, signedIn, text, typeIn, type Case, type Flow } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix-address:${Math.random()}`);

const ADDRESS_FIELDS = ['name', 'street', 'postalCode', 'city', 'phone'];

const CASES: Case[] = [
  {
    element: 'ae-address-form',
    call: 'saveAddress',
    path: '/account/addresses',
    sent: 'POST account/addresses',
    async prepare() {
      await signedIn('address');
      const el = await mountFixture<HTMLElement>(html`<ae-address-form .adapter=${adapter()}></ae-address-form>`);
      await waitUntil(() => el.querySelector('.ae-add'), 'the list', { timeout: 6000 });
      await realClick(findButton(el, 'Add address'));
      await waitUntil(() => el.querySelector('form.ae-form') && (el as unknown as { v?: unknown }).v, 'the form and its rules', { timeout: 6000 });
      await typeIn(el, 'name', 'Ivan Petrov');
      await typeIn(el, 'street', 'ul. Shipka 6');
      await typeIn(el, 'postalCode', '1504');
      await typeIn(el, 'city', 'Sofia');
      await typeIn(el, 'phone', '088 123 4567');
      return formFlow(el, {
        typed: () => JSON.stringify(ADDRESS_FIELDS.map((n) => input(el, n).value)),
        done: () => !!el.querySelector('.ae-notice'),
        enterField: () => input(el, 'city'),
        events: ['ae-address-change'],
      });
    },
  },
  {
    element: 'ae-address-form',
    call: 'listAddresses',
    path: '/account/addresses',
    sent: 'GET account/addresses',
    async prepare() {
      await signedIn('address-list');
      const list = () => flow.el.querySelector<HTMLElement>('.ae-banner');
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-address-form .adapter=${adapter()}></ae-address-form>`);
        },
        retry: () => realClick(list()!.querySelector('button')!),
        failure: () => text(list()?.querySelector('p')),
        typed: () => '',
        done: () => !!flow.el.querySelector('.ae-add'),
        double: async () => {
          await flow.act();
        },
        events: ['ae-address-change'],
      };
      return flow;
    },
  },
  {
    element: 'ae-address-form',
    call: 'setDefaultAddress',
    path: '/account/addresses/{addressId}/default',
    sent: /^POST account\/addresses\/[^/]+\/default$/,
    async prepare() {
      await signedIn('address-default');
      const a = f.adapter();
      const home = { name: 'Ivan Petrov', phone: '+359888123456', country: 'BG', region: '', city: 'Sofia', street: 'ul. Shipka 6', apartment: '', postalCode: '1504' };
      await a.saveAddress(home);
      const work = await a.saveAddress({ ...home, street: 'bul. Vitosha 1', postalCode: '1000' });
      const el = await mountFixture<HTMLElement>(html`<ae-address-form .adapter=${adapter()}></ae-address-form>`);
      await waitUntil(() => el.querySelector(`[data-address-id="${work.id}"]`), 'the saved addresses', { timeout: 6000 });
      // Edit, Make default, Remove.
      const makeDefault = () => el.querySelectorAll<HTMLElement>(`[data-address-id="${work.id}"] .ae-address-actions button`)[1]!;
      return {
        el,
        act: () => realClick(makeDefault()),
        // By design no "Try again" in the message for this one-button action: the same button does it again.
        retry: () => realClick(makeDefault()),
        failure: () => text(banner(el)?.querySelector('p')),
        typed: () => '',
        done: () => el.querySelector(`[data-address-id="${work.id}"]`)?.hasAttribute('data-default') ?? false,
        pressTarget: makeDefault,
        events: ['ae-address-change', 'ae-address-error'],
      };
    },
  },
];

describeFaults(CASES, { addressReauth: 'never' });
