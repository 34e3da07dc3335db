import type { AuthAdapter, Capability } from '../adapter/types.js';
import type { CapabilityOf } from '../adapter/capability.js';
import { LazyAdapter } from './lazy-adapter.js';

/**
 * `adapter` as capability `C` when it has `method` (the one about to be called), else the `unsupported`
 * rejection of `requireCapability`, loaded only then: an element's first load does not carry the capability
 * table and its message for a setup mistake that a working page never makes. A {@link LazyAdapter} (the embedded
 * adapter, an `endpoint`'s) forwards the forms' capabilities itself; for the others it is loaded and the loaded
 * adapter is handed out.
 */
export async function needCapability<C extends Capability>(
  adapter: Partial<AuthAdapter>,
  capability: C,
  method: keyof CapabilityOf<C>,
): Promise<CapabilityOf<C>> {
  if (typeof adapter[method as keyof AuthAdapter] === 'function') return adapter as CapabilityOf<C>;
  if (adapter instanceof LazyAdapter) {
    const loaded = await adapter.resolve();
    if (typeof loaded[method as keyof AuthAdapter] === 'function') return loaded as CapabilityOf<C>;
    adapter = loaded;
  }
  return (await import('../adapter/capability.js')).requireCapability(adapter, capability);
}
