/**
 * `HttpAdapter`'s support capability (see http-core.ts): loaded on the first call of one of its methods.
 */
import type { HttpCore } from './http-core.js';
import type { SupportCapability } from './support-types.js';

export function createHttpExtension(core: HttpCore): SupportCapability {
  void core;
  return {};
}
