import type { AuthAdapter } from '../adapter/types.js';
import type { MemoryAdapter } from '../adapter/memory-adapter.js';
import { LazyAdapter } from './lazy-adapter.js';

let pageDefault: AuthAdapter | undefined;
let embedded: LazyAdapter | undefined;

/**
 * Sets the adapter every ae-* element on the page uses when it has no `adapter` property of its own.
 * Call it once, before or after the elements connect.
 */
export function setDefaultAdapter(adapter: AuthAdapter | undefined): void {
  pageDefault = adapter;
}

function embeddedAdapter(): LazyAdapter {
  return (embedded ??= new LazyAdapter(() =>
    import('../adapter/memory-adapter.js').then((m) => new m.MemoryAdapter({ latency: [150, 400] })),
  ));
}

/**
 * The page default if one was set, else the embedded `MemoryAdapter` shared by all elements of the page
 * (loaded on its first call, so a page with a real backend never downloads it).
 */
export function getDefaultAdapter(): AuthAdapter {
  return pageDefault ?? embeddedAdapter();
}

/** The embedded `MemoryAdapter` itself (to read its `outbox` in a demo). */
export function getEmbeddedAdapter(): Promise<MemoryAdapter> {
  return embeddedAdapter().resolve() as Promise<MemoryAdapter>;
}
