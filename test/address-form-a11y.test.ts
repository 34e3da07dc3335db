/**
 * <ae-address-form>, accessibility and layout (the behaviours are in address-form.test.ts), on a MemoryAdapter with a signed-in new buyer: real typing (sendKeys) and real clicks.
 * Per-country fields and validation, the Latin suggestion, autofill tokens, re-authentication, failures that keep
 * every field, the five-address limit, the default switch, removal, axe in each state × en/ru/bg, 360 px.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { realClick, shownText } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';
import { BUYER, SOFIA, fillSofia, mount, openNewAddress as openNew, pickCountry, resetAroundEachTest, signedIn, submit, typeIn } from './helpers/address-fixtures.js';

setSessionChannelName(`ae-test:address-form-a11y:${Math.random().toString(36).slice(2)}`);

describe('<ae-address-form> accessibility and layout', () => {
  resetAroundEachTest();

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
