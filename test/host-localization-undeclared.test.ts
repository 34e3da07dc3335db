/**
 * A page that configured @lit/localize before our elements asked for a locale, without calling
 * useHostLocalization(): configureLocalization() can run once per page, so ours fails. The library then warns
 * once, leaves the locale to the page, and follows it. A page of its own (see host-localization.test.ts).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { getLocale, setLocale } from '../src/locales/localization.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import { captchaReady } from './helpers/dom.js';

const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['ru', 'bg'],
  loadLocale: (locale) => (locale === 'ru' ? import('../src/locales/generated/ru.js') : import('../src/locales/generated/bg.js')),
});

const label = (el: AeCaptcha) => el.shadowRoot!.querySelector('[part=label]')!.textContent;

describe('a page that configured @lit/localize without useHostLocalization()', () => {
  afterEach(() => fixtureCleanup());

  it("warns once, then follows the page's locale; our setLocale() is refused after that", async () => {
    const el = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${new MemoryAdapter({ latency: 0 })}></ae-captcha>`);
    await captchaReady(el);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      // Our runtime cannot be configured: the call ends without switching anything.
      await setLocale('ru');
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('@lit/localize is already configured by this page');
    expect(warnings[0]).to.contain('useHostLocalization()');
    await el.updateComplete;
    expect(label(el), 'still in the page locale').to.equal('Code from the picture');
    expect(getLocale(), 'the page has not switched yet').to.equal('en');

    await host.setLocale('bg');
    await waitUntil(() => label(el) === 'Код от картинката', 'the label in Bulgarian', { timeout: 5000 });
    expect(getLocale()).to.equal('bg');

    let error: unknown;
    await setLocale('ru').catch((e: unknown) => (error = e));
    expect(String(error)).to.contain('the host app owns localization');
    await host.setLocale('en');
    expect(getLocale()).to.equal('en');
  });
});
