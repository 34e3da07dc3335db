/**
 * An English page that imports the Russian preset (a site whose visitor may switch): nothing of the rest part
 * (the account area's texts, scripts/build/locale-parts.mjs) is requested while the page is English; on
 * setLocale('ru') the account panel asks for it, once, and shows its texts in Russian. A page of its own.
 */
import { expect, waitUntil } from '@open-wc/testing';
import './helpers/resource-timing.js';
import '../src/define/ru.js';
import '../src/define/ae-account-panel.js';
import { setLocale } from '../src/locales/localization.js';
import { mountNow, requested, restTexts, shadowText, untilLocalizedRest } from './helpers/preset-page.js';

document.documentElement.lang = 'en';
const panel = mountNow('ae-account-panel');
const restRequests = () => requested(/ru-rest/).length;

describe('the Russian preset on an English page', () => {
  it('asks for the rest part only when the page switches to Russian', async () => {
    const shown = () => shadowText(panel.el);
    await waitUntil(() => /Sign in to see your account/.test(shown()), 'the panel in English', { timeout: 5000 });
    // The panel has updated in English (its signed-out view): it asked for nothing of Russian.
    expect(restRequests(), 'requests of the rest part on the English page').to.equal(0);

    await setLocale('ru');
    const { localized } = await restTexts('ru', () => import('../src/locales/generated/ru-rest.js'));
    await untilLocalizedRest(panel.el, localized);
    expect(shown()).not.to.match(/Sign in to see your account/);
    expect(restRequests(), 'one request of the rest part').to.equal(1);
  });
});
