/**
 * A page that configured @lit/localize and switched it to Russian before our first element connected, without
 * useHostLocalization(): the page's runtime never tells us its locale. Plural rules and `lang` must follow the
 * language our strings are really rendered in. A page of its own (the runtime can be configured once per page).
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { configureLocalization } from '@lit/localize';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { getLocale } from '../src/locales/localization.js';
import type { AeRegister } from '../src/components/register/register.js';
import { captchaOf, captchaReady } from './helpers/dom.js';

const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['ru', 'bg'],
  loadLocale: (locale) => (locale === 'ru' ? import('../src/locales/generated/ru.js') : import('../src/locales/generated/bg.js')),
});

describe('a page already in Russian through its own @lit/localize when our element connects', () => {
  before(async () => {
    await host.setLocale('ru');
  });
  afterEach(() => fixtureCleanup());

  it('counts in Russian ("8 символов") and marks its nodes lang="ru"', async () => {
    const el = await fixture<AeRegister>(html`<ae-register .adapter=${new MemoryAdapter({ latency: 0 })}></ae-register>`);
    await captchaReady(captchaOf(el));
    await el.updateComplete;
    expect(getLocale()).to.equal('ru');
    const hint = el.querySelector('[id$="-password-hint"]')!.textContent!.replace(/[ \t\n]+/g, ' ').trim();
    // ru plural "many" for 8 (the law of the language, CLDR): символов; "other" would give the wrong "символа".
    expect(hint).to.contain('8\u00a0символов');
    expect(el.querySelector('.ae-root')!.getAttribute('lang')).to.equal('ru');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('ru');
    const captcha = captchaOf(el);
    await captcha.updateComplete;
    expect(captcha.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('ru');
  });
});
