import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, resourceView } from '../section-states.js';

/**
 * "Payments": a link out to the payment provider's own page (the `payments-url` attribute, else the adapter's
 * `getPaymentsLink`). This library never shows, asks for nor stores card data.
 */
class PaymentsView extends SectionView {
  private readonly link: Resource<{ url: string }>;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.link = new Resource(ctx.host, async (signal) => {
      if (ctx.paymentsUrl) return { url: ctx.paymentsUrl };
      return (await ctx.account('getPaymentsLink')).getPaymentsLink({ signal });
    });
  }

  show(): void {
    if (this.link.status !== 'ready') void this.link.load();
  }

  override hide(): void {
    this.link.abort();
  }

  render(): TemplateResult {
    return html`<div class="payments card">
      <p>
        ${msg('Your cards and payment methods are kept by our payment provider. You manage them on its secure page.', {
          id: 'account.payments.intro',
          desc: 'Payments section: cards are handled by the payment provider, not on this page.',
        })}
      </p>
      ${resourceView(this.link, {
        rows: 1,
        kind: 'line',
        ready: (l) => html`<p>
          <a class="button primary" part="payments-link" href=${l.url} target="_blank" rel="noopener noreferrer">
            ${msg('Manage payment methods', { id: 'account.payments.link', desc: 'Link (a button look) to the payment provider’s page.' })}
            <span class="sr-only">${msg('(opens in a new tab)', { id: 'account.newTab', desc: 'Read after a link that opens in a new tab.' })}</span>
          </a>
        </p>`,
      })}
    </div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new PaymentsView(ctx);
}
