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
import { adapter, banner, bannerRetry, mountFixture, signedIn, submitOf, text, type Case } from './faults.js';

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
    await el.updateComplete;
    const currency = select(el, 'currency');
    currency.focus();
    // A person's choice from the list: the keyboard, as a person picks it.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const chosen = () => JSON.stringify([select(el, 'country').value, select(el, 'currency').value]);
    return {
      el,
      act: () => realClick(submitOf(el)),
      retry: () => realClick(bannerRetry(el)!),
      retryControl: () => bannerRetry(el),
      failure: () => text(banner(el)?.querySelector('p')),
      typed: chosen,
      done: () => !!el.querySelector('.ae-notice'),
      pressTarget: () => submitOf(el),
      events: ['ae-preferences-change', 'ae-preferences-error'],
      state: () => preferencesState(el),
    };
  },
};
