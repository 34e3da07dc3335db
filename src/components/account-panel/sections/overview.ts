import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import type { AccountSummary, Coupon, OrderSummary, Page } from '../../../adapter/account-types.js';
import { SUMMARY_STATUSES } from '../../../adapter/account-types.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, emptyState, resourceView } from '../section-states.js';
import { orderLine } from '../order-line.js';
import { numberText } from '../formats.js';
import { couponLine } from '../coupon-line.js';

type CountKey = keyof AccountSummary['counts'];

/** Each count and where its link leads. */
const TILES: readonly { key: CountKey; section: string; filter?: string }[] = [
  { key: 'awaitingPayment', section: 'orders', filter: SUMMARY_STATUSES.awaitingPayment.join(',') },
  { key: 'shipping', section: 'orders', filter: SUMMARY_STATUSES.shipping.join(',') },
  { key: 'awaitingReview', section: 'orders', filter: SUMMARY_STATUSES.awaitingReview.join(',') },
  { key: 'disputes', section: 'orders', filter: SUMMARY_STATUSES.disputes.join(',') },
  { key: 'wishes', section: 'wishes' },
  { key: 'stores', section: 'stores' },
  { key: 'coupons', section: 'coupons' },
  { key: 'points', section: 'points' },
];

function countLabel(key: CountKey): string {
  switch (key) {
    case 'awaitingPayment':
      return msg('Awaiting payment', { id: 'account.count.awaitingPayment', desc: 'Overview tile: how many orders wait for payment.' });
    case 'shipping':
      return msg('On the way', { id: 'account.count.shipping', desc: 'Overview tile: how many orders are being shipped or delivered.' });
    case 'awaitingReview':
      return msg('Awaiting review', { id: 'account.count.awaitingReview', desc: 'Overview tile: how many received orders the buyer may rate.' });
    case 'disputes':
      return msg('Disputes', { id: 'account.count.disputes', desc: 'Overview tile: how many orders have an open dispute.' });
    case 'wishes':
      return msg('Wishes', { id: 'account.count.wishes', desc: 'Overview tile: how many products are saved in the wish list.' });
    case 'stores':
      return msg('Favorite stores', { id: 'account.count.stores', desc: 'Overview tile: how many stores are saved.' });
    case 'coupons':
      return msg('Coupons', { id: 'account.count.coupons', desc: 'Overview tile: how many coupons can be used now.' });
    case 'points':
      return msg('Points', { id: 'account.count.points', desc: 'Overview tile: the points balance.' });
  }
}

/** "My account": who, the counts (each a link into its section), the latest orders, coupons expiring soon; each tile loads and fails alone. */
class OverviewView extends SectionView {
  private readonly summary: Resource<AccountSummary>;
  private readonly latest: Resource<Page<OrderSummary>>;
  private readonly coupons: Resource<Page<Coupon>>;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.summary = new Resource(ctx.host, async (signal) => (await ctx.account('getAccountSummary')).getAccountSummary({ signal }));
    this.latest = new Resource(ctx.host, async (signal) => (await ctx.account('listOrders')).listOrders({ pageSize: 5 }, { signal }));
    this.coupons = new Resource(ctx.host, async (signal) =>
      (await ctx.account('listCoupons')).listCoupons({ state: 'active', pageSize: 3 }, { signal }),
    );
  }

  show(): void {
    // Fresh counts each time the overview is opened; what was there stays on screen meanwhile.
    void this.summary.load(true);
    void this.latest.load(true);
    void this.coupons.load(true);
  }

  override hide(): void {
    this.summary.abort();
    this.latest.abort();
    this.coupons.abort();
  }

  render(): TemplateResult {
    const s = this.ctx.session;
    const locale = this.ctx.locale();
    return html`<div class="overview">
      <div class="card who">
        <p class="who-name">${`${s.firstName} ${s.lastName}`.trim()}</p>
        <p class="muted">${s.email}</p>
      </div>
      <div class="tile-block" data-tile="counts">
        ${resourceView(this.summary, {
          rows: 8,
          kind: 'tiles',
          ready: (d) => html`<ul class="tiles" role="list">
            ${TILES.map(
              (t) => html`<li>
                <button
                  type="button"
                  class="tile"
                  data-count=${t.key}
                  @click=${() => this.ctx.navigate(t.section, undefined, t.filter)}
                >
                  <span class="tile-value">${numberText(d.counts[t.key], locale)}</span>
                  <span class="tile-label">${countLabel(t.key)}</span>
                </button>
              </li>`,
            )}
          </ul>`,
        })}
      </div>
      <section class="tile-block" data-tile="latest" aria-labelledby="latest-heading">
        <div class="row">
          <h3 id="latest-heading">${msg('Latest orders', { id: 'account.overview.latest', desc: 'Overview: heading of the five most recent orders.' })}</h3>
          <button type="button" class="link" @click=${() => this.ctx.navigate('orders')}>
            ${msg('All orders', { id: 'account.overview.allOrders', desc: 'Overview: link to "My orders".' })}
          </button>
        </div>
        ${resourceView(this.latest, {
          rows: 3,
          isEmpty: (p) => p.items.length === 0,
          empty: () =>
            emptyState(
              msg('No orders yet. What you buy will show here.', {
                id: 'account.overview.noOrders',
                desc: 'Overview: empty state of the latest orders for a new buyer.',
              }),
            ),
          ready: (p) => html`<ul class="list" role="list">${p.items.map((o) => orderLine(this.ctx, o))}</ul>`,
        })}
      </section>
      <section class="tile-block" data-tile="coupons" aria-labelledby="coupons-heading">
        <h3 id="coupons-heading">${msg('Coupons to use', { id: 'account.overview.coupons', desc: 'Overview: heading of the coupons that expire soonest.' })}</h3>
        ${resourceView(this.coupons, {
          rows: 2,
          isEmpty: (p) => p.items.length === 0,
          empty: () =>
            emptyState(msg('No coupons right now.', { id: 'account.overview.noCoupons', desc: 'Overview: no usable coupons.' })),
          ready: (p) => html`<ul class="list" role="list">${p.items.map((c) => couponLine(this.ctx, c, false))}</ul>`,
        })}
      </section>
      ${nothing}
    </div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new OverviewView(ctx);
}

export const styles = css`
  .overview {
    display: grid;
    gap: var(--_s5);
  }
  .who-name {
    font-weight: 600;
    font-size: 1.125rem;
  }
  .tile-block {
    display: grid;
    gap: var(--_s3);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr));
    gap: var(--_s3);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .tile {
    box-sizing: border-box;
    display: grid;
    gap: var(--_s1);
    inline-size: 100%;
    block-size: 100%;
    padding: var(--_s3) var(--_s4);
    border: 1px solid var(--_line);
    border-radius: var(--_radius-large);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .tile:hover {
    border-color: var(--_primary);
  }
  .tile-value {
    font-size: var(--_large);
    font-weight: 700;
  }
  .tile-label {
    color: var(--_muted);
    font-size: var(--_small);
  }
`;
