import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { Coupon } from '../../adapter/account-types.js';
import type { PanelContext } from './section.js';
import { dateText, relativeText } from './formats.js';

/** Copies `text`: the Clipboard API, else a selected hidden field and `execCommand('copy')` (older or insecure pages). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied (no focus, no permission): the fallback below.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.cssText = 'position:fixed;inset-block-start:0;opacity:0;pointer-events:none';
  document.body.append(field);
  const active = document.activeElement as HTMLElement | null;
  field.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  active?.focus();
  return ok;
}

/** What a coupon takes off: "5,00 €" or "10 %". */
export function couponValueText(ctx: PanelContext, c: Coupon): TemplateResult | string {
  if (c.value.kind === 'money') return ctx.prices.price(c.value.money);
  return new Intl.NumberFormat(ctx.locale(), { style: 'percent', maximumFractionDigits: 1 }).format(c.value.percent / 100);
}

async function onCopy(ctx: PanelContext, code: string): Promise<void> {
  const ok = await copyText(code);
  ctx.announce(
    ok
      ? msg(str`Code ${code} copied`, { id: 'account.coupon.copied', desc: 'Announced after the coupon code was copied to the clipboard.' })
      : msg(str`Could not copy. The code is ${code}`, {
          id: 'account.coupon.copyFailed',
          desc: 'Announced when the browser refused to copy the coupon code; the code follows so the buyer can write it down.',
        }),
  );
}

/** One coupon: code (copyable), value, minimum order, expiry in the locale and relative ("in 3 days"), the store. */
export function couponLine(ctx: PanelContext, c: Coupon, withStore = true): TemplateResult {
  const locale = ctx.locale();
  const now = Date.now();
  const value = couponValueText(ctx, c);
  const code = c.code;
  const when = relativeText(c.expiresAt, now, locale);
  const date = dateText(c.expiresAt, locale);
  const minimum = c.minimumOrder ? ctx.prices.text(c.minimumOrder) : '';
  const store = c.store?.name ?? '';
  return html`<li class="card coupon" data-coupon=${c.id} data-state=${c.state}>
    <div class="row">
      <span class="coupon-value">${value}</span>
      <span class="row coupon-code-row">
        <code class="coupon-code">${c.code}</code>
        ${c.state === 'active'
          ? html`<button
              type="button"
              class="button copy"
              aria-label=${msg(str`Copy code ${code}`, { id: 'account.coupon.copyLabel', desc: 'Accessible name of the copy button; the placeholder is the coupon code.' })}
              @click=${() => void onCopy(ctx, c.code)}
            >
              ${msg('Copy', { id: 'account.coupon.copy', desc: 'Button that copies the coupon code.' })}
            </button>`
          : nothing}
      </span>
    </div>
    <div class="row muted">
      <span
        >${c.minimumOrder
          ? msg(str`On orders from ${minimum}`, {
              id: 'account.coupon.minimum',
              desc: 'Coupon: the smallest order it applies to; the placeholder is a price.',
            })
          : msg('On any order', { id: 'account.coupon.anyOrder', desc: 'Coupon without a minimum order.' })}</span
      >
      <span class="expiry"
        >${c.state === 'active'
          ? msg(str`Expires ${when}, ${date}`, {
              id: 'account.coupon.expires',
              desc: 'Coupon expiry: first relative ("in 3 days", "tomorrow", from Intl.RelativeTimeFormat), then the date.',
            })
          : c.state === 'used'
            ? msg('Used', { id: 'account.coupon.used', desc: 'Coupon state: already used.' })
            : msg(str`Expired ${date}`, { id: 'account.coupon.expired', desc: 'Coupon state: expired on the date given.' })}</span
      >
    </div>
    ${withStore
      ? html`<p class="muted">
          ${c.store
            ? msg(str`In ${store}`, { id: 'account.coupon.store', desc: 'Coupon valid in one store; the placeholder is its name.' })
            : msg('In every store', { id: 'account.coupon.everyStore', desc: 'A marketplace coupon valid in every store.' })}
        </p>`
      : nothing}
  </li>`;
}

