import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { OrderSummary } from '../../adapter/account-types.js';
import type { PanelContext } from './section.js';
import { dateText, orderStatusText } from './formats.js';

/** One order in a list (the overview's latest, "My orders"): number, status, date, store, total; opens its detail. */
export function orderLine(ctx: PanelContext, o: OrderSummary): TemplateResult {
  const locale = ctx.locale();
  const more = o.itemCount > 1 ? o.itemCount - 1 : 0;
  const number = o.number;
  return html`<li class="card order" data-order=${o.id} data-status=${o.status}>
    <div class="row">
      <button type="button" class="link order-open" @click=${() => ctx.navigate('orders', o.id)}>
        ${msg(str`Order ${number}`, { id: 'account.order.number', desc: 'Link to an order’s detail; the placeholder is the order number.' })}
      </button>
      <span class="badge status" data-status=${o.status}>${orderStatusText(o.status)}</span>
    </div>
    <div class="row">
      <span
        >${o.firstItemTitle}${more
          ? html` <span class="muted"
              >${msg(str`and ${more} more`, { id: 'account.order.more', desc: 'After the first product of an order: how many more pieces follow ("and 2 more"); no noun, so no plural form is needed.' })}</span
            >`
          : ''}</span
      >
      ${ctx.prices.price(o.total)}
    </div>
    <div class="row muted">
      <span><time datetime=${new Date(o.placedAt).toISOString()}>${dateText(o.placedAt, locale)}</time></span>
      <span class="store">${o.store.name}</span>
    </div>
  </li>`;
}
