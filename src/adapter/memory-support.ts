/**
 * `MemoryAdapter`'s support capability (see memory-core.ts): loaded on the first call of one of its methods.
 */
import type { MemoryCore } from './memory-core.js';
import type { SupportCapability } from './support-types.js';

export function createMemoryExtension(core: MemoryCore): SupportCapability {
  void core;
  return {};
}
