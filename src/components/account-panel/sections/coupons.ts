import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import type { Coupon, CouponState, Page } from '../../../adapter/account-types.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, emptyState, resourceView } from '../section-states.js';
import { couponLine } from '../coupon-line.js';

const STATES: readonly CouponState[] = ['active', 'used', 'expired'];

function stateLabel(s: CouponState): string {
  return s === 'active'
    ? msg('Active', { id: 'account.coupons.active', desc: 'Coupons filter: coupons that can be used now.' })
    : s === 'used'
      ? msg('Used', { id: 'account.coupon.used', desc: 'Coupon state: already used.' })
      : msg('Expired', { id: 'account.coupons.expiredTab', desc: 'Coupons filter: coupons that expired.' });
}

/** "My coupons": active ones (soonest expiry first), used and expired ones; copy a code. */
class CouponsView extends SectionView {
  private state: CouponState = 'active';
  private readonly list: Resource<Page<Coupon>>;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.list = new Resource(ctx.host, async (signal) => (await ctx.account('listCoupons')).listCoupons({ state: this.state, pageSize: 50 }, { signal }));
  }

  show(): void {
    if (this.list.status !== 'ready') void this.list.load();
  }

  override hide(): void {
    this.list.abort();
  }

  private pick(s: CouponState): void {
    if (s === this.state) return;
    this.state = s;
    void this.list.load();
  }

  render(): TemplateResult {
    return html`<div class="coupons">
      <div class="row states" role="group" aria-label=${msg('Show coupons', { id: 'account.coupons.filter', desc: 'Accessible name of the coupon state buttons.' })}>
        ${STATES.map(
          (s) => html`<button type="button" class="button" aria-pressed=${s === this.state ? 'true' : 'false'} @click=${() => this.pick(s)}>
            ${stateLabel(s)}
          </button>`,
        )}
      </div>
      ${resourceView(this.list, {
        rows: 3,
        isEmpty: (p) => p.items.length === 0,
        empty: () =>
          emptyState(
            this.state === 'active'
              ? msg('No coupons to use right now. Stores send them with offers and after orders.', { id: 'account.coupons.empty', desc: 'Empty state of "My coupons" (active).' })
              : msg('Nothing here.', { id: 'account.coupons.emptyOther', desc: 'Empty state of the used or expired coupons.' }),
          ),
        ready: (p) => html`<ul class="list" role="list">${p.items.map((c) => couponLine(this.ctx, c))}</ul>`,
      })}
    </div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new CouponsView(ctx);
}

export const styles = css`
  .coupons {
    display: grid;
    gap: var(--_s4);
  }
  .states {
    justify-content: flex-start;
  }
  .states .button[aria-pressed='true'] {
    border-color: var(--_primary);
    box-shadow: inset 0 -3px 0 var(--_primary);
  }
`;
