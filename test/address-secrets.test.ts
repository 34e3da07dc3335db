/**
 * The password that <ae-address-form> asks for before a new address is saved goes to the adapter and nowhere
 * else: not into an event, an attribute, storage, a URL or the console; after a wrong one and after the right
 * one the field is emptied. The recorder is installed before the element is imported (test/helpers/secrets.ts).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder } from './helpers/secrets.js';
import type { LeakRecorder } from './helpers/secrets.js';
import { input, realClick } from './helpers/dom.js';

const recorder: LeakRecorder = installLeakRecorder();
await import('../src/define/ae-address-form.js');
const { MemoryAdapter } = await import('../src/adapter/memory-adapter.js');
const { setSessionChannelName } = await import('../src/session/session-channel.js');
const { choosePreferences } = await import('../src/session/preferences-store.js');
setSessionChannelName(`ae-test:address-secrets:${Math.random().toString(36).slice(2)}`);

const PASSWORD = 'Vault-Key-2026';
const WRONG = 'Guess-Wrong-77';
const BUYER = { email: 'secret.buyer@example.com', password: PASSWORD, firstName: 'Nova', lastName: 'Dimitrova' };

async function typeIn(el: Element, name: string, text: string): Promise<void> {
  const i = input(el, name);
  i.focus();
  await sendKeys({ type: text });
}

describe('the password of <ae-address-form>’s prompt is found nowhere', () => {
  it('after a wrong and then the right password', async () => {
    const adapter = new MemoryAdapter({ latency: 0, users: [BUYER] });
    await adapter.signIn({ email: BUYER.email, password: PASSWORD, remember: false });
    choosePreferences({ country: 'BG', currency: 'EUR' }); // the new address's country
    recorder.clear();
    const c = document.createElement('div');
    document.body.append(c);
    render(html`<ae-address-form .adapter=${adapter}></ae-address-form>`, c);
    const el = c.querySelector('ae-address-form')!;
    await el.updateComplete;
    await waitUntil(() => el.querySelector('.ae-add'), 'the list', { timeout: 8000 });
    await realClick(el.querySelector('.ae-add')!);
    await waitUntil(() => (el as unknown as { v?: unknown }).v && el.querySelector('form'), 'the form', { timeout: 8000 });
    for (const [k, v] of [['name', 'Ivan Petrov'], ['street', 'ul. Shipka 6'], ['postalCode', '1504'], ['city', 'Sofia'], ['phone', '088 123 4567']]) {
      await typeIn(el, k!, v!);
    }
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => el.querySelector('input[name="password"]'), 'the prompt');
    await typeIn(el, 'password', WRONG);
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => el.querySelector('.ae-field[data-field="password"] .ae-error'), 'wrong password');
    expect(input(el, 'password').value).to.equal('');
    expect(await recorder.find(WRONG), 'the wrong password').to.deep.equal([]);
    await typeIn(el, 'password', PASSWORD);
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => el.querySelector('.ae-notice'), 'saved');
    expect(await recorder.find(PASSWORD), 'the password').to.deep.equal([]);
    c.remove();
  });
});
