import type { AuthAdapter, Capability } from '../adapter/types.js';
import type { CapabilityOf } from '../adapter/capability.js';

/**
 * `adapter` as capability `C` when it has `method` (the one about to be called), else the `unsupported`
 * rejection of `requireCapability`, loaded only then: an element's first load does not carry the capability
 * table and its message for a setup mistake that a working page never makes.
 */
export async function needCapability<C extends Capability>(
  adapter: Partial<AuthAdapter>,
  capability: C,
  method: keyof CapabilityOf<C>,
): Promise<CapabilityOf<C>> {
  if (typeof adapter[method as keyof AuthAdapter] === 'function') return adapter as CapabilityOf<C>;
  return (await import('../adapter/capability.js')).requireCapability(adapter, capability);
}
