/**
 * `HttpAdapter`'s account capability (see http-core.ts): loaded on the first call of one of its methods.
 * (Placeholder while the implementation lands: every method rejects `unsupported`.)
 */
import type { HttpCore } from './http-core.js';
import { AdapterError } from './adapter-error.js';
import { ACCOUNT_METHODS, type AccountCapability } from './account-types.js';

export function createHttpExtension(core: HttpCore): AccountCapability {
  void core;
  const out: Record<string, () => Promise<never>> = {};
  for (const method of ACCOUNT_METHODS) out[method] = () => Promise.reject(new AdapterError('unsupported', `${method} is not built yet`));
  return out as unknown as AccountCapability;
}
