import type { TemplateResult } from 'lit';
import type { Money } from '../../adapter/account-types.js';
import type { PreferencesController } from '../../internal/preferences-controller.js';
import type { PriceFormatter } from './section.js';

/**
 * The sections' prices through the page's one preferences store (PreferencesController, money.ts): in the
 * chosen currency, converted with the rates, the store's own price beside a converted one. The panel subscribes
 * to the store, so a change of currency re-renders every section's prices at once.
 */
export function priceFormatter(prefs: PreferencesController): PriceFormatter {
  return {
    price: (money: Money): TemplateResult => prefs.price(money),
    text: (money: Money): string => prefs.priceText(money).main,
  };
}
