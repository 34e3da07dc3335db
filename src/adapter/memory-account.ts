/**
 * `MemoryAdapter`'s account capability (see memory-core.ts): loaded on the first call of one of its methods.
 */
import type { MemoryCore } from './memory-core.js';
import type { AccountCapability } from './account-types.js';

export function createMemoryExtension(core: MemoryCore): AccountCapability {
  void core;
  return {};
}
