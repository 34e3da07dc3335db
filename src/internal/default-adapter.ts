import type { AuthAdapter } from '../adapter/types.js';
import { MemoryAdapter } from '../adapter/memory-adapter.js';

let pageDefault: AuthAdapter | undefined;
let embedded: MemoryAdapter | undefined;

/**
 * Sets the adapter every ae-* element on the page uses when it has no `adapter` property of its own.
 * Call it once, before or after the elements connect.
 */
export function setDefaultAdapter(adapter: AuthAdapter | undefined): void {
  pageDefault = adapter;
}

/** The page default if one was set, else the embedded `MemoryAdapter` shared by all elements of the page. */
export function getDefaultAdapter(): AuthAdapter {
  return pageDefault ?? (embedded ??= new MemoryAdapter({ latency: [150, 400] }));
}
