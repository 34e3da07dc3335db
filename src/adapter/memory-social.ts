/**
 * `MemoryAdapter`'s social capability (see memory-core.ts): loaded on the first call of one of its methods.
 */
import type { MemoryCore } from './memory-core.js';
import type { SocialCapability } from './social-types.js';

export function createMemoryExtension(core: MemoryCore): SocialCapability {
  void core;
  return {};
}
