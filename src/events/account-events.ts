export interface NavigateDetail {
  /** The section to show (`'orders'`, `'profile'`, or a host section's `data-section`). */
  section: string;
  /** The item within it (an order id, a conversation id), when the move opens one. */
  item?: string;
  /** A filter carried by the move (the overview's "On the way" opens the orders of those statuses). */
  filter?: string;
}

/**
 * `<ae-account-panel>`: the person moved to another section (the navigation, a link inside a section, an
 * order opened). Cancelable: a host router calls `preventDefault()` and sets the panel's `section` (and `item`)
 * itself when its route changes; otherwise the panel shows it (and writes the URL's hash with `hash-routing`).
 * Setting `section` from code fires nothing.
 */
export class AeNavigateEvent extends CustomEvent<NavigateDetail> {
  static readonly eventName = 'ae-navigate' as const;
  constructor(detail: NavigateDetail) {
    const d: NavigateDetail = { section: detail.section };
    if (detail.item !== undefined) d.item = detail.item;
    if (detail.filter !== undefined) d.filter = detail.filter;
    super(AeNavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true, detail: Object.freeze(d) });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ae-navigate': AeNavigateEvent;
  }
}
