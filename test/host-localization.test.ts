/**
 * A page that runs @lit/localize itself and says so (useHostLocalization(), as the README shows): our elements
 * follow the page's setLocale(), with our templates merged into its loadLocale. A page of its own: the locale
 * runtime can be configured once per page. The page that does not say so: host-localization-undeclared.test.ts.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { getLocale, setLocale, useHostLocalization } from '../src/locales/localization.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { captchaReady } from './helpers/dom.js';

useHostLocalization();

// The host app's own strings, next to ours.
const hostTemplates = { ru: { 'app.title': 'Магазин' }, bg: { 'app.title': 'Магазин' } } as const;
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['ru', 'bg'],
  loadLocale: async (locale) => {
    const ours = locale === 'ru' ? await import('../src/locales/generated/ru.js') : await import('../src/locales/generated/bg.js');
    return { templates: { ...ours.templates, ...hostTemplates[locale as 'ru' | 'bg'] } };
  },
});

const label = (el: AeCaptcha) => el.shadowRoot!.querySelector('[part=label]')!.textContent;
const lang = (el: AeCaptcha) => el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang');

describe('a host app that runs @lit/localize and calls useHostLocalization()', () => {
  afterEach(() => fixtureCleanup());

  it("follows the host's setLocale(): our strings, getLocale() and the lang of our nodes", async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const el = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${new MemoryAdapter({ latency: 0 })}></ae-captcha>`);
      await captchaReady(el);
      expect(label(el)).to.equal('Code from the picture');
      await host.setLocale('bg');
      await waitUntil(() => label(el) === 'Код от картинката', 'the label in Bulgarian', { timeout: 5000 });
      expect(getLocale()).to.equal('bg');
      await el.updateComplete;
      expect(lang(el)).to.equal('bg');
      await host.setLocale('ru');
      await waitUntil(() => label(el) === 'Код с картинки', 'the label in Russian', { timeout: 5000 });
      expect(getLocale()).to.equal('ru');
      await el.updateComplete;
      expect(lang(el)).to.equal('ru');
    } finally {
      console.warn = warn;
    }
    expect(warnings, 'no warning: the page said it runs @lit/localize').to.deep.equal([]);
  });

  it('leaves the locale to the host: our setLocale() rejects and <html lang> changes nothing', async () => {
    const el = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${new MemoryAdapter({ latency: 0 })}></ae-captcha>`);
    await captchaReady(el);
    const before = label(el);
    let error: unknown;
    await setLocale('en').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('the host app owns localization');
    document.documentElement.lang = 'en';
    await new Promise((r) => setTimeout(r, 100));
    await el.updateComplete;
    expect(label(el)).to.equal(before);
    expect(getLocale()).to.equal(host.getLocale());
    document.documentElement.removeAttribute('lang');
    await host.setLocale('en');
  });
});
