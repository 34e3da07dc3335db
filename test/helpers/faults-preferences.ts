/**
 * <ae-preferences>' calls as faults-matrix cases (issue 19, helpers/faults.ts): saving the choice
 * (setPreferences), and the store's own load on arrival (loadPreferences: getPreferences and getExchangeRates in
 * parallel). Used by faults-matrix-account.test.ts and faults-matrix-preferences.test.ts.
 */
import { html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/ae-preferences.js';
import { getPreferencesSnapshot } from '../../src/session/preferences-store.js';
import { realClick } from './dom.js';
import { setSession } from '../../src/session/session-store.js';
import { resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { EUR_RATES } from '../../src/adapter/account-seed.js';
import { PASSWORD } from '../server/auth-fixtures.js';
import { adapter, banner, email, f, formFlow, mountFixture, signedIn, submitOf, text, type Case, type Flow } from './faults.js';

const select = (el: Element, name: string) => el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;

/** What the form shows, for the log of a failed run. */
export function preferencesState(el: Element): string {
  const form = el.querySelector('form');
  return JSON.stringify({
    busy: form?.getAttribute('aria-busy'),
    submit: text(submitOf(el)),
    banner: text(banner(el)),
    notice: text(el.querySelector('.ae-notice')),
    fieldErrors: [...el.querySelectorAll('.ae-error')].map((e) => text(e)),
    chosen: [select(el, 'country')?.value, select(el, 'currency')?.value],
    focus: document.activeElement?.outerHTML.slice(0, 80),
  });
}

/** "Save" of <ae-preferences>: a currency picked with the keyboard, saved; its banner's "Try again". */
export const preferencesSave: Case = {
  element: 'ae-preferences',
  call: 'setPreferences',
  path: '/account/preferences',
  sent: 'PUT account/preferences',
  async prepare() {
    await signedIn('prefs');
    const el = await mountFixture<HTMLElement>(html`<ae-preferences .adapter=${adapter()}></ae-preferences>`);
    await waitUntil(() => el.querySelector('select[name="currency"]'), 'the form');
    // The list a person picks from is the rates' currencies once they are loaded (the built-in list until
    // then): picked before they arrive, two steps down is a currency the server refuses (ARS, "choose
    // another"), after it one it takes. A person reads the list first: the choice is made once it is final.
    await waitUntil(() => getPreferencesSnapshot().rates, 'the rates (the list of currencies)', { timeout: 6000 });
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const currency = select(el, 'currency');
    currency.focus();
    // A person's choice from the list: the keyboard, as a person picks it.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const chosen = () => JSON.stringify([select(el, 'country').value, select(el, 'currency').value]);
    return formFlow(el, {
      typed: chosen,
      done: () => !!el.querySelector('.ae-notice'),
      events: ['ae-preferences-change', 'ae-preferences-error'],
      state: () => preferencesState(el),
    });
  },
};

/** A buyer whose saved choice is Romania and RON, signed in on this page; the store knows nothing yet (a new page). */
export async function buyerWithSavedChoice(): Promise<void> {
  const address = email('prefs-load');
  await f.activeProfile(address);
  const a = f.adapter();
  setSession(await a.signIn({ email: address, password: PASSWORD, remember: false }));
  await a.setPreferences({ country: 'RO', currency: 'RON' });
  resetPreferencesStoreForTests('en');
}

const loadBanner = (el: Element) => el.querySelector<HTMLElement>('.ae-prefs-load');

/**
 * The store's load on arrival (loadPreferences: the saved choice and the rates in parallel) as `<ae-preferences>`
 * shows it: its message above the form and "Try again"; loaded, the saved choice (Romania) and the rates' list.
 */
function preferencesLoad(call: 'getPreferences' | 'getExchangeRates', path: string, sent: string): Case {
  return {
    element: 'ae-preferences',
    call: `${call} (loadPreferences, on arrival)`,
    path,
    sent,
    async prepare() {
      await buyerWithSavedChoice();
      // One adapter for every element of the page: their loads are one.
      const a = adapter();
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-preferences .adapter=${a}></ae-preferences>`);
        },
        retry: () => realClick(loadBanner(flow.el)!.querySelector('button')!),
        failure: () => text(loadBanner(flow.el)?.querySelector('p')),
        typed: () => '',
        // Loaded, as a person sees it: no message, the saved country, the rates' currencies listed.
        done: () =>
          !loadBanner(flow.el) &&
          select(flow.el, 'country')?.value === 'RO' &&
          select(flow.el, 'currency')?.value === 'RON' &&
          select(flow.el, 'currency')?.options.length === Object.keys(EUR_RATES).length,
        // A second <ae-preferences> of the page while it loads (the account panel's, say): the same load.
        double: async () => {
          await flow.act();
          await mountFixture<HTMLElement>(html`<ae-preferences .adapter=${a}></ae-preferences>`);
        },
        events: ['ae-preferences-change', 'ae-preferences-error'],
        state: () => preferencesState(flow.el),
      };
      return flow;
    },
  };
}

export const preferencesLoads: Case[] = [
  preferencesLoad('getPreferences', '/account/preferences', 'GET account/preferences'),
  preferencesLoad('getExchangeRates', '/account/exchange-rates', 'GET account/exchange-rates'),
];
