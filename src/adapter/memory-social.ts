/**
 * `MemoryAdapter`'s social capability (see memory-core.ts): loaded on the first call of one of its methods.
 * (Being written: every method rejects `unsupported` for now.)
 */
import { AdapterError } from './adapter-error.js';
import type { MemoryCore } from './memory-core.js';
import type { SocialCapability } from './social-types.js';

export function createMemoryExtension(core: MemoryCore): SocialCapability {
  void core;
  const unsupported = (): Promise<never> => Promise.reject(new AdapterError('unsupported', 'Social sign-in is not built yet'));
  return {
    startSocial: unsupported,
    completeSocial: unsupported,
    completeSocialProfile: unsupported,
    linkSocial: unsupported,
    listSocialLinks: unsupported,
    unlinkSocial: unsupported,
  };
}
