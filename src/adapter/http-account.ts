/**
 * `HttpAdapter`'s account capability (see http-core.ts): loaded on the first call of one of its methods.
 */
import type { HttpCore } from './http-core.js';
import type { AccountCapability } from './account-types.js';

export function createHttpExtension(core: HttpCore): AccountCapability {
  void core;
  return {};
}
