/**
 * `HttpAdapter`'s social capability (see http-core.ts): loaded on the first call of one of its methods.
 * (Being written: every method rejects `unsupported` for now.)
 */
import { AdapterError } from './adapter-error.js';
import type { HttpCore } from './http-core.js';
import type { SocialCapability } from './social-types.js';

export function createHttpExtension(core: HttpCore): SocialCapability {
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
