import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { ORDER_STATUSES } from '../../../adapter/account-types.js';
import type { Order, OrderStatus, OrderSummary, Page } from '../../../adapter/account-types.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, emptyState, resourceView } from '../section-states.js';
import { orderLine } from '../order-line.js';
import { dateText, numberText, orderStatusText } from '../formats.js';

const PAGE_SIZE = 10;

function parseFilter(filter: string | undefined): OrderStatus[] {
  if (!filter) return [];
  return filter.split(',').filter((s): s is OrderStatus => (ORDER_STATUSES as readonly string[]).includes(s));
}

/** "My orders": a page of orders, filtered by status; an order's detail (items, delivery, totals) at `item`. */
class OrdersView extends SectionView {
  private page = 1;
  private statuses: OrderStatus[] = [];
  private readonly list: Resource<Page<OrderSummary>>;
  private readonly detail: Resource<Order>;
  private detailId?: string;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.list = new Resource(ctx.host, async (signal) =>
      (await ctx.account('listOrders')).listOrders(
        { page: this.page, pageSize: PAGE_SIZE, ...(this.statuses.length ? { status: this.statuses } : {}) },
        { signal },
      ),
    );
    this.detail = new Resource(ctx.host, async (signal) => (await ctx.account('getOrder')).getOrder(this.detailId!, { signal }));
  }

  show(): void {
    const item = this.ctx.item;
    if (item) {
      if (item !== this.detailId || this.detail.status !== 'ready') {
        this.detailId = item;
        void this.detail.load();
      }
      return;
    }
    const statuses = parseFilter(this.ctx.filter);
    if (statuses.join() !== this.statuses.join()) {
      this.statuses = statuses;
      this.page = 1;
      void this.list.load();
    } else if (this.list.status !== 'ready') void this.list.load(true);
  }

  override hide(): void {
    this.list.abort();
    this.detail.abort();
  }

  private onFilter(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    this.ctx.navigate('orders', undefined, value || undefined);
  }

  private goTo(page: number): void {
    this.page = page;
    void this.list.load(true);
  }

  private renderFilter(): TemplateResult {
    const current = this.statuses.join(',');
    const single = this.statuses.length <= 1;
    return html`<div class="filter row">
      <label for="order-status">${msg('Status', { id: 'account.orders.filter', desc: 'Label of the select that filters orders by status.' })}</label>
      <select id="order-status" class="select" @change=${this.onFilter}>
        <option value="" ?selected=${current === ''}>
          ${msg('All orders', { id: 'account.orders.filterAll', desc: 'Option of the status filter: every order.' })}
        </option>
        ${single
          ? nothing
          : html`<option value=${current} selected>
              ${msg('On the way', { id: 'account.count.shipping', desc: 'Overview tile: how many orders are being shipped or delivered.' })}
            </option>`}
        ${ORDER_STATUSES.map((s) => html`<option value=${s} ?selected=${single && current === s}>${orderStatusText(s)}</option>`)}
      </select>
    </div>`;
  }

  private renderPager(p: Page<OrderSummary>): TemplateResult | typeof nothing {
    const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
    const page = p.page;
    if (pages <= 1) return nothing;
    return html`<nav class="pager row" aria-label=${msg('Pages of orders', { id: 'account.orders.pages', desc: 'Accessible name of the orders’ page navigation.' })}>
      <button type="button" class="button" ?disabled=${p.page <= 1} @click=${() => this.goTo(p.page - 1)}>
        ${msg('Previous', { id: 'account.pager.previous', desc: 'Button: the previous page of a list.' })}
      </button>
      <span class="muted" aria-live="polite">${msg(str`Page ${page} of ${pages}`, { id: 'account.pager.position', desc: 'Which page of a list is shown ("Page 2 of 5").' })}</span>
      <button type="button" class="button" ?disabled=${p.page >= pages} @click=${() => this.goTo(p.page + 1)}>
        ${msg('Next', { id: 'account.pager.next', desc: 'Button: the next page of a list.' })}
      </button>
    </nav>`;
  }

  private renderList(): TemplateResult {
    return html`${this.renderFilter()}
    ${resourceView(this.list, {
      rows: 5,
      isEmpty: (p) => p.items.length === 0,
      empty: () =>
        this.statuses.length
          ? emptyState(
              msg('No orders with this status.', { id: 'account.orders.noneFiltered', desc: 'Empty state of "My orders" with a status filter on.' }),
              html`<button type="button" class="link" @click=${() => this.ctx.navigate('orders')}>
                ${msg('Show all orders', { id: 'account.orders.clearFilter', desc: 'Link that removes the status filter.' })}
              </button>`,
            )
          : emptyState(
              msg('You have no orders yet. When you buy something, you can follow it here.', {
                id: 'account.orders.empty',
                desc: 'Empty state of "My orders" for a new buyer.',
              }),
            ),
      ready: (p) => {
        const total = numberText(p.total, this.ctx.locale());
        return html`<p class="muted">
          ${msg(str`Orders: ${total}`, { id: 'account.orders.total', desc: 'How many orders the list has (after the filter).' })}
        </p>
        <ul class="list" role="list">${p.items.map((o) => orderLine(this.ctx, o))}</ul>
        ${this.renderPager(p)}`;
      },
    })}`;
  }

  private renderDetail(): TemplateResult {
    const locale = this.ctx.locale();
    const back = html`<button type="button" class="link back" @click=${() => this.ctx.navigate('orders', undefined, this.statuses.join(',') || undefined)}>
      ${msg('Back to orders', { id: 'account.order.back', desc: 'Link from an order’s detail back to the list.' })}
    </button>`;
    return html`${back}
    ${resourceView(this.detail, {
      rows: 4,
      ready: (o) => {
        const d = o.delivery;
        const number = o.number;
        const a = d.address;
        return html`<article class="order-detail" data-order=${o.id}>
          <div class="row">
            <h3>${msg(str`Order ${number}`, { id: 'account.order.number', desc: 'Link to an order’s detail; the placeholder is the order number.' })}</h3>
            <span class="badge status" data-status=${o.status}>${orderStatusText(o.status)}</span>
          </div>
          <dl class="facts">
            <dt>${msg('Placed', { id: 'account.order.placed', desc: 'Order detail: the date the order was placed.' })}</dt>
            <dd>${dateText(o.placedAt, locale, true)}</dd>
            <dt>${msg('Store', { id: 'account.order.store', desc: 'Order detail: the store (seller).' })}</dt>
            <dd>${o.store.name}</dd>
            ${o.paidAt
              ? html`<dt>${msg('Paid', { id: 'account.order.paid', desc: 'Order detail: when it was paid.' })}</dt>
                  <dd>${dateText(o.paidAt, locale, true)}</dd>`
              : nothing}
          </dl>
          <h4>${msg('Items', { id: 'account.order.items', desc: 'Order detail: heading of the products in the order.' })}</h4>
          <ul class="list" role="list">
            ${o.items.map(
              (i) => html`<li class="card item row">
                <span>${i.title}${i.variant ? html` <span class="muted">${i.variant}</span>` : nothing}</span>
                <span class="muted">× ${i.quantity}</span>
                ${this.ctx.prices.price(i.total)}
              </li>`,
            )}
          </ul>
          <dl class="facts totals">
            <dt>${msg('Items total', { id: 'account.order.itemsTotal', desc: 'Order detail: the sum of the items.' })}</dt>
            <dd>${this.ctx.prices.price(o.totals.items)}</dd>
            <dt>${msg('Shipping', { id: 'account.order.shipping', desc: 'Order detail: the shipping cost.' })}</dt>
            <dd>${this.ctx.prices.price(o.totals.shipping)}</dd>
            ${o.totals.discount.amount
              ? html`<dt>${msg('Discount', { id: 'account.order.discount', desc: 'Order detail: what coupons and discounts took off.' })}</dt>
                  <dd>− ${this.ctx.prices.price(o.totals.discount)}</dd>`
              : nothing}
            <dt>${msg('Total', { id: 'account.order.total', desc: 'Order detail: what the buyer pays.' })}</dt>
            <dd class="total">${this.ctx.prices.price(o.totals.total)}</dd>
          </dl>
          <h4>${msg('Delivery', { id: 'account.order.delivery', desc: 'Order detail: heading of the delivery facts.' })}</h4>
          <dl class="facts delivery">
            <dt>${msg('Method', { id: 'account.order.method', desc: 'Order detail: how it is delivered.' })}</dt>
            <dd>
              ${d.method === 'express'
                ? msg('Express', { id: 'account.delivery.express', desc: 'Delivery method: express.' })
                : d.method === 'pickup'
                  ? msg('Pickup point', { id: 'account.delivery.pickup', desc: 'Delivery method: to a pickup point or locker.' })
                  : msg('Standard', { id: 'account.delivery.standard', desc: 'Delivery method: standard.' })}
              ${d.carrier ? html`· ${d.carrier}` : nothing}
            </dd>
            ${d.trackingNumber
              ? html`<dt>${msg('Tracking number', { id: 'account.order.tracking', desc: 'Order detail: the carrier’s tracking number.' })}</dt>
                  <dd><code>${d.trackingNumber}</code></dd>`
              : nothing}
            ${d.deliveredAt
              ? html`<dt>${msg('Delivered', { id: 'account.order.deliveredAt', desc: 'Order detail: when it was delivered.' })}</dt>
                  <dd>${dateText(d.deliveredAt, locale)}</dd>`
              : d.estimatedAt
                ? html`<dt>${msg('Expected', { id: 'account.order.expected', desc: 'Order detail: the expected arrival date.' })}</dt>
                    <dd>${dateText(d.estimatedAt, locale)}</dd>`
                : nothing}
            <dt>${msg('Address', { id: 'account.order.address', desc: 'Order detail: the shipping address.' })}</dt>
            <dd>
              <address>
                ${a.name}<br />${a.street}${a.apartment ? `, ${a.apartment}` : ''}<br />${a.postalCode} ${a.city}${a.region
                  ? `, ${a.region}`
                  : ''}<br />${new Intl.DisplayNames(locale, { type: 'region' }).of(a.country) ?? a.country}
              </address>
            </dd>
          </dl>
        </article>`;
      },
    })}`;
  }

  render(): TemplateResult {
    return html`<div class="orders">${this.ctx.item ? this.renderDetail() : this.renderList()}</div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new OrdersView(ctx);
}

export const styles = css`
  .orders,
  .order-detail {
    display: grid;
    gap: var(--_s4);
  }
  .filter {
    justify-content: flex-start;
  }
  .select {
    min-block-size: var(--_control);
    padding: 0 var(--_s3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    max-inline-size: 100%;
  }
  /* On a narrow screen or with large text, the select takes the row: a long option never widens the page. */
  @media (max-width: 30em) {
    .select {
      inline-size: 100%;
    }
  }
  .back {
    justify-self: start;
  }
  h4 {
    margin: 0;
    font-size: 1rem;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) minmax(0, 1fr);
    gap: var(--_s2) var(--_s4);
    margin: 0;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  address {
    font-style: normal;
  }
  .pager {
    justify-content: flex-start;
  }
  .pager .button[disabled] {
    opacity: 0.5;
    cursor: default;
  }
`;
