/**
 * The password that <ae-address-form> asks for before a new address is saved goes to the adapter and nowhere
 * else: not into an event, an attribute, storage, a URL or the console; after a wrong one and after the right
 * one the field is emptied. The recorder is installed before the element is imported (test/helpers/secrets.ts).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { installLeakRecorder } from './helpers/secrets.js';
import type { LeakRecorder } from './helpers/secrets.js';
import { input, realClick, typeInto } from './helpers/dom.js';

const recorder: LeakRecorder = installLeakRecorder();
// The element and the adapter come with the fixtures, after the recorder.
const { fillSofia, mount, openNewAddress, signedIn, submit, unmountAll } = await import('./helpers/address-fixtures.js');
const { setSessionChannelName } = await import('../src/session/session-channel.js');
const { choosePreferences } = await import('../src/session/preferences-store.js');
setSessionChannelName(`ae-test:address-secrets:${Math.random().toString(36).slice(2)}`);

const PASSWORD = 'Vault-Key-2026';
const WRONG = 'Guess-Wrong-77';
const BUYER = { email: 'secret.buyer@example.com', password: PASSWORD, firstName: 'Nova', lastName: 'Dimitrova' };

describe('the password of <ae-address-form>’s prompt is found nowhere', () => {
  it('after a wrong and then the right password', async () => {
    const adapter = await signedIn({}, BUYER);
    choosePreferences({ country: 'BG', currency: 'EUR' }); // the new address's country
    recorder.clear();
    const el = await mount(adapter);
    await openNewAddress(el);
    await fillSofia(el);
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('input[name="password"]'), 'the prompt');
    await typeInto(el, 'password', WRONG);
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-field[data-field="password"] .ae-error'), 'wrong password');
    expect(input(el, 'password').value).to.equal('');
    expect(await recorder.find(WRONG), 'the wrong password').to.deep.equal([]);
    await typeInto(el, 'password', PASSWORD);
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
    expect(await recorder.find(PASSWORD), 'the password').to.deep.equal([]);
    unmountAll();
  });
});
