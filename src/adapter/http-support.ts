/**
 * `HttpAdapter`'s support capability (see http-core.ts): loaded on the first call of one of its methods.
 * (Being written: every method rejects `unsupported` until then.)
 */
import { AdapterError } from './adapter-error.js';
import type { HttpCore } from './http-core.js';
import { SUPPORT_METHODS, type SupportCapability } from './support-types.js';

export function createHttpExtension(core: HttpCore): SupportCapability {
  void core;
  const notYet = (): Promise<never> => Promise.reject(new AdapterError('unsupported', 'support: not yet'));
  return Object.fromEntries(SUPPORT_METHODS.map((m) => [m, notYet])) as unknown as SupportCapability;
}
