/**
 * `MemoryAdapter`'s account capability (see memory-core.ts): loaded on the first call of one of its methods.
 * (Placeholder while the implementation lands: every method rejects `unsupported`.)
 */
import type { MemoryCore } from './memory-core.js';
import { ACCOUNT_METHODS, type AccountCapability } from './account-types.js';

export function createMemoryExtension(core: MemoryCore): AccountCapability {
  const out: Record<string, () => Promise<never>> = {};
  for (const method of ACCOUNT_METHODS) out[method] = () => Promise.reject(core.error('unsupported', `${method} is not built yet`));
  return out as unknown as AccountCapability;
}
