import { AdapterError } from './adapter-error.js';
import { CAPABILITY_METHODS } from './types.js';
import type { AuthAdapter, Capability } from './types.js';

/** The methods that make capability `C`. */
export type CapabilityOf<C extends Capability> = Pick<AuthAdapter, (typeof CAPABILITY_METHODS)[C][number]>;

/** Whether `adapter` has every method of `capability`. */
export function hasCapability<C extends Capability>(adapter: unknown, capability: C): adapter is CapabilityOf<C> {
  return (
    typeof adapter === 'object' &&
    adapter !== null &&
    CAPABILITY_METHODS[capability].every((m) => typeof (adapter as Record<string, unknown>)[m] === 'function')
  );
}

/**
 * `adapter` as capability `C`, or an `AdapterError` with code `unsupported` that names what is missing: an
 * element meeting a custom adapter that does not implement what it calls reports it instead of crashing.
 */
export function requireCapability<C extends Capability>(adapter: unknown, capability: C): CapabilityOf<C> {
  if (hasCapability(adapter, capability)) return adapter;
  const missing = CAPABILITY_METHODS[capability].filter(
    (m) => typeof (adapter as Record<string, unknown> | null)?.[m] !== 'function',
  );
  throw new AdapterError(
    'unsupported',
    `The adapter does not implement the ${capability} capability (missing: ${missing.join(', ')}).`,
  );
}
