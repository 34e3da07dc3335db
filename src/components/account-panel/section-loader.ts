import type { CSSResult } from 'lit';
import type { BuiltInSection, SectionModule } from './section.js';

/** A section's chunk: its view and, optionally, its own styles (adopted into the panel's shadow root). */
export type SectionChunk = SectionModule & { styles?: CSSResult };

/**
 * One chunk per section, written out literally so that the bundler splits each into its own file. Opening the
 * panel requests only the shown section's (the overview by default).
 */
const IMPORTS: Record<BuiltInSection, () => Promise<SectionChunk>> = {
  overview: () => import('./sections/overview.js'),
  orders: () => import('./sections/orders.js'),
  messages: () => import('./sections/messages.js'),
  wishes: () => import('./sections/saved.js').then((m) => m.wishes),
  stores: () => import('./sections/saved.js').then((m) => m.stores),
  coupons: () => import('./sections/coupons.js'),
  points: () => import('./sections/points.js'),
  payments: () => import('./sections/payments.js'),
  preferences: () => import('./sections/settings.js').then((m) => m.preferences),
  addresses: () => import('./sections/settings.js').then((m) => m.addresses),
  profile: () => import('./sections/profile.js'),
};

const loaded = new Map<BuiltInSection, Promise<SectionChunk>>();

/** The section's chunk, loaded once; a failed load is forgotten, so a retry loads again. */
export function loadSection(section: BuiltInSection): Promise<SectionChunk> {
  let p = loaded.get(section);
  if (!p) {
    p = IMPORTS[section]().catch((e: unknown) => {
      loaded.delete(section);
      throw e;
    });
    loaded.set(section, p);
  }
  return p;
}
