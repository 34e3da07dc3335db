import { msg } from '@lit/localize/init/install.js';
import type { OrderStatus } from '../../adapter/account-types.js';

/** Dates of the panel in the UI locale ("12 Nov 2026"), with the time where it matters. */
export function dateText(at: number, locale: string, withTime = false): string {
  return new Intl.DateTimeFormat(locale, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(at);
}

/** "in 3 days", "tomorrow", "in 5 hours" (Intl.RelativeTimeFormat, numeric auto). */
export function relativeText(at: number, now: number, locale: string): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const diff = at - now;
  const hour = 3_600_000;
  const day = 24 * hour;
  if (Math.abs(diff) < day) return rtf.format(Math.round(diff / hour), 'hour');
  return rtf.format(Math.round(diff / day), 'day');
}

/** A whole number in the UI locale. */
export function numberText(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

export function orderStatusText(status: OrderStatus): string {
  switch (status) {
    case 'awaiting_payment':
      return msg('Awaiting payment', { id: 'account.status.awaitingPayment', desc: 'Order status: placed, not paid yet.' });
    case 'awaiting_shipment':
      return msg('Awaiting shipment', { id: 'account.status.awaitingShipment', desc: 'Order status: paid, the store has not shipped it yet.' });
    case 'shipped':
      return msg('Shipped', { id: 'account.status.shipped', desc: 'Order status: on its way with the carrier.' });
    case 'delivered':
      return msg('Delivered, confirm receipt', {
        id: 'account.status.delivered',
        desc: 'Order status: the carrier delivered it; the buyer should confirm receipt.',
      });
    case 'awaiting_review':
      return msg('Awaiting your review', { id: 'account.status.awaitingReview', desc: 'Order status: received; the buyer may rate it.' });
    case 'completed':
      return msg('Completed', { id: 'account.status.completed', desc: 'Order status: finished.' });
    case 'dispute':
      return msg('Dispute open', { id: 'account.status.dispute', desc: 'Order status: the buyer opened a dispute (not received, not as described).' });
    case 'cancelled':
      return msg('Cancelled', { id: 'account.status.cancelled', desc: 'Order status: cancelled.' });
  }
}
