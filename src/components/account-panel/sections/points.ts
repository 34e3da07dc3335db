import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { PointsInfo, PointsReason } from '../../../adapter/account-types.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, emptyState, resourceView } from '../section-states.js';
import { dateText, numberText } from '../formats.js';

function reasonText(r: PointsReason, orderNumber?: string): string {
  const order = orderNumber ?? '';
  switch (r) {
    case 'order':
      return msg(str`For order ${order}`, { id: 'account.points.order', desc: 'Points history: earned for an order; the placeholder is the order number.' });
    case 'review':
      return msg(str`For a review of order ${order}`, { id: 'account.points.review', desc: 'Points history: earned for reviewing an order.' });
    case 'redeemed':
      return msg(str`Spent on order ${order}`, { id: 'account.points.redeemed', desc: 'Points history: spent as a discount on an order.' });
    case 'expired':
      return msg('Expired', { id: 'account.points.expired', desc: 'Points history: points that expired.' });
    case 'bonus':
      return msg('Bonus', { id: 'account.points.bonus', desc: 'Points history: a bonus from the marketplace.' });
    case 'refund':
      return msg(str`Returned with the refund of order ${order}`, { id: 'account.points.refund', desc: 'Points history: points given back with a refund.' });
  }
}

/** "My points": the balance and its history, newest first, paged. */
class PointsView extends SectionView {
  private page = 1;
  private readonly info: Resource<PointsInfo>;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.info = new Resource(ctx.host, async (signal) => (await ctx.account('getPoints')).getPoints({ page: this.page, pageSize: 20 }, { signal }));
  }

  show(): void {
    if (this.info.status !== 'ready') void this.info.load();
  }

  override hide(): void {
    this.info.abort();
  }

  private more(): void {
    this.page++;
    void this.info.load(true);
  }

  render(): TemplateResult {
    const locale = this.ctx.locale();
    return html`<div class="points">
      ${resourceView(this.info, {
        rows: 4,
        ready: (p) => {
          const pages = Math.max(1, Math.ceil(p.history.total / p.history.pageSize));
          const page = p.history.page;
          return html`<p class="card balance">
              <span class="balance-value">${numberText(p.balance, locale)}</span>
              <span class="muted">${msg('points to spend', { id: 'account.points.balance', desc: 'After the points balance number (the big figure).' })}</span>
            </p>
            <h3>${msg('History', { id: 'account.points.history', desc: 'Heading of the points history.' })}</h3>
            ${p.history.items.length === 0
              ? emptyState(
                  msg('No points yet. You earn them with orders and reviews.', { id: 'account.points.empty', desc: 'Empty points history of a new buyer.' }),
                )
              : html`<ul class="list" role="list">
                    ${p.history.items.map(
                      (e) => html`<li class="card row entry" data-reason=${e.reason}>
                        <span>${reasonText(e.reason, e.orderNumber)}<br /><span class="muted">${dateText(e.at, locale)}</span></span>
                        <span class="delta" data-sign=${e.delta < 0 ? '-' : '+'}
                          >${new Intl.NumberFormat(locale, { signDisplay: 'always' }).format(e.delta)}</span
                        >
                      </li>`,
                    )}
                  </ul>
                  ${p.history.page < pages
                    ? html`<div class="row pager">
                        <span class="muted">${msg(str`Page ${page} of ${pages}`, { id: 'account.pager.position', desc: 'Which page of a list is shown ("Page 2 of 5").' })}</span>
                        <button type="button" class="button" @click=${() => this.more()}>
                          ${msg('Next', { id: 'account.pager.next', desc: 'Button: the next page of a list.' })}
                        </button>
                      </div>`
                    : ''}`}`;
        },
      })}
    </div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new PointsView(ctx);
}

export const styles = css`
  .points {
    display: grid;
    gap: var(--_s4);
  }
  .balance {
    display: flex;
    align-items: baseline;
    gap: var(--_s2);
    flex-wrap: wrap;
  }
  .balance-value {
    font-size: 2rem;
    font-weight: 700;
  }
  .delta {
    font-weight: 700;
    white-space: nowrap;
  }
  .delta[data-sign='+'] {
    color: var(--_success);
  }
`;
