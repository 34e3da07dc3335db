/**
 * <ae-preferences> and the one preferences store: defaults from the locale, Intl.DisplayNames labels, saving
 * through MemoryAdapter, every price of the page following a currency change at once, failures, axe, 360 px.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement, html, render } from 'lit';
import type { TemplateResult } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/define/ae-preferences.js';
import type { AePreferences } from '../src/components/preferences/preferences.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import { PreferencesController } from '../src/internal/preferences-controller.js';
import { choosePreferences, defaultPreferences, getPreferencesSnapshot, resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import type { AePreferencesChangeEvent } from '../src/events/preferences-events.js';
import { clickButton, findButton, realClick, shownText } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';

setSessionChannelName(`ae-test:preferences:${Math.random().toString(36).slice(2)}`);

// A new buyer (no saved preferences); MemoryAdapter's demo long-time buyer has BG/EUR saved.
const IVAN = { email: 'maria.ivanova@example.com', password: 'Rakia-2026', firstName: 'Maria', lastName: 'Ivanova' };
const plain = (s: string | null | undefined) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();

/** A price on the page the way every account element renders one: through PreferencesController. */
class TestPrice extends LitElement {
  static override properties = { amount: { type: Number }, currency: {} };
  declare amount: number;
  declare currency: string;
  private readonly prefs = new PreferencesController(this);
  protected override render(): TemplateResult {
    return html`${this.prefs.price({ amount: this.amount, currency: this.currency })}`;
  }
}
customElements.define('test-price', TestPrice);

async function signedIn(options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ latency: 0, users: [IVAN], ...options });
  await adapter.signIn({ email: IVAN.email, password: IVAN.password, remember: false });
  return adapter;
}

const placed: HTMLElement[] = [];
async function mount(adapter: MemoryAdapter, extra: TemplateResult = html``): Promise<AePreferences> {
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(html`<ae-preferences .adapter=${adapter}></ae-preferences>${extra}`, c);
  const el = c.querySelector('ae-preferences')!;
  await el.updateComplete;
  return el;
}

const select = (el: Element, name: string) => el.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
const optionText = (el: Element, name: string, value: string) =>
  plain([...select(el, name).options].find((o) => o.value === value)?.textContent);

/** Picks an option by typing its first letters into the focused list, as a keyboard user does. */
async function typeIntoSelect(el: Element, name: string, text: string): Promise<void> {
  select(el, name).focus();
  await sendKeys({ type: text });
}

async function loaded(el: AePreferences): Promise<void> {
  await waitUntil(() => !!getPreferencesSnapshot().rates, 'rates loaded', { timeout: 4000 });
  await el.updateComplete;
}

describe('<ae-preferences>', () => {
  beforeEach(() => {
    resetPreferencesStoreForTests('en');
    resetSessionStoreForTests();
  });
  afterEach(async () => {
    for (const c of placed.splice(0)) c.remove();
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  describe('defaults from the locale', () => {
    it('proposes United States / USD in English, Russia / RUB in Russian, Bulgaria / EUR in Bulgarian', async () => {
      for (const [locale, country, currency] of [
        ['en', 'US', 'USD'],
        ['ru', 'RU', 'RUB'],
        ['bg', 'BG', 'EUR'],
      ] as const) {
        await setLocale(locale);
        resetPreferencesStoreForTests(locale);
        const el = await mount(new MemoryAdapter({ latency: 0 }));
        expect(select(el, 'country').value, locale).to.equal(country);
        expect(select(el, 'currency').value, locale).to.equal(currency);
      }
    });

    it('takes the region of the browser’s language when the marketplace ships there', () => {
      expect(defaultPreferences('en', ['en-GB'])).to.deep.equal({ country: 'GB', currency: 'GBP' });
      expect(defaultPreferences('en', ['de-AT', 'en-CA'])).to.deep.equal({ country: 'CA', currency: 'CAD' });
      expect(defaultPreferences('bg', [])).to.deep.equal({ country: 'BG', currency: 'EUR' });
      expect(defaultPreferences('en', ['en-ZZ'])).to.deep.equal({ country: 'US', currency: 'USD' });
    });
  });

  describe('labels from Intl.DisplayNames in the UI language', () => {
    it('names the countries and currencies in en, ru and bg, "Bulgaria (EUR €)" style', async () => {
      const expected = {
        en: { bg: 'Bulgaria', de: 'Germany', eur: 'Euro (EUR €)' },
        ru: { bg: 'Болгария', de: 'Германия', eur: 'евро (EUR €)' },
        bg: { bg: 'България', de: 'Германия', eur: 'евро (EUR €)' },
      } as const;
      for (const locale of ['en', 'ru', 'bg'] as const) {
        await setLocale(locale);
        resetPreferencesStoreForTests(locale);
        choosePreferences({ country: 'BG', currency: 'EUR' });
        const el = await mount(new MemoryAdapter({ latency: 0 }));
        await el.updateComplete;
        expect(optionText(el, 'country', 'BG'), locale).to.equal(expected[locale].bg);
        expect(optionText(el, 'country', 'DE'), locale).to.equal(expected[locale].de);
        expect(optionText(el, 'currency', 'EUR').toLowerCase(), locale).to.equal(expected[locale].eur.toLowerCase());
        expect(plain(el.querySelector('[data-preview]')?.textContent), locale).to.contain(`${expected[locale].bg} (EUR €)`);
      }
    });

    it('sorts the countries by their names in the UI language', async () => {
      await setLocale('ru');
      const el = await mount(new MemoryAdapter({ latency: 0 }));
      const names = [...select(el, 'country').options].map((o) => o.textContent ?? '');
      expect(names.join('|')).to.equal([...names].sort((a, b) => a.localeCompare(b, 'ru')).join('|'));
    });
  });

  describe('choosing and saving', () => {
    it('saves the chosen country with its currency and announces it', async () => {
      const adapter = await signedIn();
      const el = await mount(adapter);
      await loaded(el);
      await typeIntoSelect(el, 'country', 'Bulg');
      await el.updateComplete;
      expect(select(el, 'country').value).to.equal('BG');
      expect(select(el, 'currency').value).to.equal('EUR');
      const events: AePreferencesChangeEvent[] = [];
      el.addEventListener('ae-preferences-change', (e) => events.push(e));
      await clickButton(el, 'Save');
      await waitUntil(() => events.length === 1, 'ae-preferences-change');
      expect(events[0]!.detail).to.deep.equal({ country: 'BG', currency: 'EUR' });
      expect(await adapter.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
      await el.updateComplete;
      expect(plain(el.querySelector('.ae-notice')?.textContent)).to.equal('Saved: Bulgaria (EUR €)');
      expect(document.activeElement === el.querySelector('.ae-notice')).to.equal(true);
    });

    it('keeps a currency picked by hand when the country changes', async () => {
      const el = await mount(await signedIn());
      await loaded(el);
      await typeIntoSelect(el, 'currency', 'Czech');
      await el.updateComplete;
      expect(select(el, 'currency').value).to.equal('CZK');
      await typeIntoSelect(el, 'country', 'Germ');
      await el.updateComplete;
      expect(select(el, 'country').value).to.equal('DE');
      expect(select(el, 'currency').value).to.equal('CZK');
    });

    it('shows the saved choice of a returning buyer', async () => {
      const adapter = await signedIn();
      await adapter.setPreferences({ country: 'PL', currency: 'PLN' });
      const el = await mount(adapter);
      await waitUntil(() => getPreferencesSnapshot().source === 'saved', 'saved preferences loaded');
      await el.updateComplete;
      expect(select(el, 'country').value).to.equal('PL');
      expect(select(el, 'currency').value).to.equal('PLN');
    });

    it('fires nothing when set from code', async () => {
      const el = await mount(await signedIn());
      let fired = 0;
      el.addEventListener('ae-preferences-change', () => fired++);
      el.disabled = true;
      el.noHeading = true;
      await el.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('every price of the page', () => {
    it('is shown in the new currency at once, beside the store’s own price, when the currency changes', async () => {
      const adapter = await signedIn();
      const el = await mount(
        adapter,
        html`<p>
          <test-price amount="4782" currency="BGN"></test-price>
          <test-price amount="1999" currency="USD"></test-price>
          <test-price amount="1250" currency="EUR"></test-price>
          <test-price amount="99900" currency="RUB"></test-price>
        </p>`,
      );
      await loaded(el);
      const prices = [...document.querySelectorAll<TestPrice>('test-price')];
      await Promise.all(prices.map((p) => p.updateComplete));
      // US / USD (the en default): the dollar price as it is, the others converted beside their own.
      expect(plain(prices[1]!.renderRoot.textContent)).to.equal('USD 19.99');
      expect(plain(prices[0]!.renderRoot.textContent)).to.match(/^≈ USD [\d.]+ \(store price 47,82 лв\.|^≈ USD [\d.]+ \(store price BGN 47\.82\)/);
      await typeIntoSelect(el, 'currency', 'Euro');
      await el.updateComplete;
      expect(select(el, 'currency').value).to.equal('EUR');
      await clickButton(el, 'Save');
      // One change of the store: every price re-renders in the same task, none waits for the save.
      await Promise.all(prices.map((p) => p.updateComplete));
      const texts = prices.map((p) => plain(shownText(p.renderRoot)));
      expect(texts[2]).to.equal('€12.50');
      for (const i of [0, 1, 3]) expect(texts[i], texts[i]).to.match(/^≈ €[\d,.]+ \(store price /);
      // 47.82 BGN at the fixed 1.95583 = 24.45 EUR (MemoryAdapter's rates are EUR-based with the euro-day rate).
      expect(texts[0]).to.contain('≈ €24.45');
      expect(texts[1]).to.contain('store price USD 19.99');
    });
  });

  describe('when saving fails', () => {
    it('keeps the choice on the page, says it was not saved, and "Try again" saves it', async () => {
      const adapter = await signedIn();
      const el = await mount(adapter);
      await loaded(el);
      await typeIntoSelect(el, 'country', 'Bulg');
      adapter.failNext('server', { method: 'setPreferences' });
      await clickButton(el, 'Save');
      await waitUntil(() => el.querySelector('.ae-banner'), 'error banner');
      expect(getPreferencesSnapshot().currency).to.equal('EUR');
      expect(select(el, 'country').value).to.equal('BG');
      expect(document.activeElement === el.querySelector('.ae-banner')).to.equal(true);
      await realClick(findButton(el.querySelector('.ae-banner')!, 'Try again'));
      await waitUntil(() => el.querySelector('.ae-notice'), 'saved notice');
      expect(await adapter.getPreferences()).to.deep.equal({ country: 'BG', currency: 'EUR' });
    });

    it('signed out: the choice holds for this visit and is announced', async () => {
      const el = await mount(new MemoryAdapter({ latency: 0 }));
      await typeIntoSelect(el, 'country', 'Pol');
      let detail: unknown;
      el.addEventListener('ae-preferences-change', (e) => (detail = e.detail));
      await clickButton(el, 'Save');
      await waitUntil(() => el.querySelector('.ae-notice'), 'notice');
      expect(detail).to.deep.equal({ country: 'PL', currency: 'PLN' });
      expect(getPreferencesSnapshot().currency).to.equal('PLN');
      expect(plain(el.querySelector('.ae-notice')?.textContent)).to.contain('Sign in to keep it');
      // Signed out, nothing saved could be shown: the failed load of the saved choice is no message.
      expect(el.querySelector('.ae-prefs-load') === null, 'no "could not be loaded" banner for a signed-out visitor').to.equal(true);
    });
  });

  describe('accessibility and layout', () => {
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`is axe-clean in every state in ${locale}`, async () => {
        await setLocale(locale);
        const adapter = await signedIn();
        const el = await mount(adapter);
        await loaded(el);
        await expectAccessible(el, `initial ${locale}`);
        adapter.failNext('network', { method: 'setPreferences' });
        await realClick(el.querySelector('button[type=submit]')!);
        await waitUntil(() => el.querySelector('.ae-banner'), 'banner');
        await expectAccessible(el, `error ${locale}`);
        await realClick(el.querySelector('.ae-banner button')!);
        await waitUntil(() => el.querySelector('.ae-notice'), 'notice');
        await expectAccessible(el, `saved ${locale}`);
      });
    }

    const LOAD_FAILED = {
      en: 'Your saved location and currency could not be loaded',
      ru: 'Не удалось загрузить сохранённые местоположение и валюту',
      bg: 'Запазените местоположение и валута не се заредиха',
    };
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`says in ${locale} when the saved choice could not be loaded, axe-clean, and "Try again" loads it`, async () => {
        await setLocale(locale);
        const adapter = await signedIn();
        await adapter.setPreferences({ country: 'PL', currency: 'PLN' });
        adapter.failNext('server', { method: 'getPreferences' });
        const el = await mount(adapter);
        await waitUntil(() => el.querySelector('.ae-prefs-load'), 'the load message', { timeout: 4000 });
        expect(plain(el.querySelector('.ae-prefs-load p')?.textContent)).to.contain(LOAD_FAILED[locale]);
        await expectAccessible(el, `load failed ${locale}`);
        await realClick(el.querySelector<HTMLButtonElement>('.ae-prefs-load button')!);
        await waitUntil(() => !el.querySelector('.ae-prefs-load') && getPreferencesSnapshot().currency === 'PLN', 'the saved choice', { timeout: 4000 });
        expect(select(el, 'country').value).to.equal('PL');
      });
    }

    it('at 360 px no field is narrower than 240 px', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await mount(await signedIn());
      await loaded(el);
      for (const s of el.querySelectorAll('select')) expect(s.getBoundingClientRect().width, s.name).to.be.at.least(240);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    });
  });
});
