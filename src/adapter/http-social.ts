/**
 * `HttpAdapter`'s social capability (see http-core.ts): loaded on the first call of one of its methods.
 */
import type { HttpCore } from './http-core.js';
import type { SocialCapability } from './social-types.js';

export function createHttpExtension(core: HttpCore): SocialCapability {
  void core;
  return {};
}
