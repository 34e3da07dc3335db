/**
 * The faults matrix (issue 19) for the preferences store's own load: `loadPreferences`
 * (src/session/preferences-store.ts) asks the adapter for the saved choice (getPreferences) and the exchange
 * rates (getExchangeRates) in parallel when <ae-preferences> arrives. Under the harness's faults
 * (helpers/faults.ts): network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days
 * off, removal in flight, two elements loading at once. Each: a localized message above the form, a working
 * "Try again", one call; and what the person picked meanwhile stays.
 *
 * The account panel asks the same load when signed in, silently by design (prices show in the stores'
 * currencies until the rates come); its "Location and currency" section is this element, which says it.
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setSession } from '../src/session/session-store.js';
import { realClick } from './helpers/dom.js';
import { adapter, describeFaults, f, mountFixture, net, sentTo, server, text } from './helpers/faults.js';
import { buyerWithSavedChoice, preferencesLoads } from './helpers/faults-preferences.js';

setSessionChannelName(`ae-test:faults-matrix-preferences:${Math.random()}`);

describeFaults(preferencesLoads);

describe('<ae-preferences> when its load failed', () => {
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await f.signOutHere();
  });

  it('a currency picked meanwhile stays when "Try again" brings the saved choice and the rates', async () => {
    net.sent = [];
    await server.reset({});
    await buyerWithSavedChoice();
    await server.fault({ kind: 'status', status: 500, path: '/account/preferences' });
    const el = await mountFixture<HTMLElement>(html`<ae-preferences .adapter=${adapter()}></ae-preferences>`);
    const message = () => el.querySelector<HTMLElement>('.ae-prefs-load');
    await waitUntil(() => message(), 'the message', { timeout: 6000 });
    expect(text(message()!.querySelector('p'))).to.equal('Your saved location and currency could not be loaded. Try again in a moment.');
    const currency = el.querySelector<HTMLSelectElement>('select[name="currency"]')!;
    currency.focus();
    await sendKeys({ press: 'ArrowDown' });
    const picked = currency.value;
    expect(picked, 'a currency picked from the built-in list').not.to.equal('USD');
    await realClick(message()!.querySelector('button')!);
    await waitUntil(() => !message() && sentTo('GET account/exchange-rates').length === 2 && sentTo('GET account/exchange-rates').every((s) => s.settled), 'loaded', { timeout: 6000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.querySelector<HTMLSelectElement>('select[name="currency"]')!.value, 'the pick stays').to.equal(picked);
  });
});
