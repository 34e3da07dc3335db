import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { getPreferencesSnapshot, subscribePreferences } from '../session/preferences-store.js';
import type { PreferencesSnapshot } from '../session/preferences-store.js';
import { describePrice, formatMoney } from './money.js';
import type { MoneyValue, PriceText } from './money.js';
import { getLocale } from '../locales/localization.js';

/**
 * Keeps a Lit element in step with the page's preferences store (location, currency, rates): subscribed while
 * the element is connected, an update requested at every change, so every price it renders follows a currency
 * change at once.
 *
 *   private readonly prefs = new PreferencesController(this);
 *   render() { return html`<p>${this.prefs.price(order.total)}</p>`; }
 */
export class PreferencesController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly onChange?: (snapshot: PreferencesSnapshot) => void;
  private unsubscribe?: () => void;

  /** `onChange` runs at every change while connected, before the host's update. */
  constructor(host: ReactiveControllerHost, onChange?: (snapshot: PreferencesSnapshot) => void) {
    this.host = host;
    this.onChange = onChange;
    host.addController(this);
  }

  /** What the store knows now (defaults of the UI locale until something is known). */
  get snapshot(): PreferencesSnapshot {
    return getPreferencesSnapshot(getLocale());
  }

  /** `price` as text in the chosen currency, with the store's own price when converted (see `describePrice`). */
  priceText(price: MoneyValue): PriceText {
    const s = this.snapshot;
    return describePrice(price, s.currency, s.rates, getLocale());
  }

  /** An amount in its own currency, never converted (a coupon's minimum order in the store's currency, say). */
  own(price: MoneyValue): string {
    return formatMoney(price.amount, price.currency, getLocale());
  }

  /**
   * The price as every element shows it: `≈ 24,45 €` and, beside it, the store's own `BGN 47.82`; or the store's
   * price alone when it is in the chosen currency or no rate is known. `part`s: `price`, `price-converted`,
   * `price-original`.
   */
  price(price: MoneyValue): TemplateResult {
    const t = this.priceText(price);
    const converted = t.main;
    const original = t.original;
    if (!t.converted) return html`<span class="ae-price" part="price" data-ae-price>${t.main}</span>`;
    return html`<span class="ae-price" part="price" data-ae-price
      ><span part="price-converted">${msg(str`≈ ${converted}`, {
        id: 'money.approx',
        desc: 'A price converted into the currency the buyer chose; an approximation (the store charges its own currency). Keep the sign ≈ or write "about".',
      })}</span
      >${original
        ? html` <span part="price-original"
            >${msg(str`(store price ${original})`, {
              id: 'money.storePrice',
              desc: 'After a converted price: the price in the store’s own currency, which is what is charged.',
            })}</span
          >`
        : nothing}</span
    >`;
  }

  hostConnected(): void {
    this.unsubscribe ??= subscribePreferences((snapshot) => {
      this.onChange?.(snapshot);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
