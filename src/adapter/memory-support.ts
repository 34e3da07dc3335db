/**
 * `MemoryAdapter`'s support capability (see memory-core.ts): loaded on the first call of one of its methods.
 * (Being written: every method rejects `unsupported` until then.)
 */
import type { MemoryCore } from './memory-core.js';
import { SUPPORT_METHODS, type SupportCapability } from './support-types.js';

export function createMemoryExtension(core: MemoryCore): SupportCapability {
  const notYet = (): Promise<never> => Promise.reject(core.error('unsupported', 'support: not yet'));
  return Object.fromEntries(SUPPORT_METHODS.map((m) => [m, notYet])) as unknown as SupportCapability;
}
