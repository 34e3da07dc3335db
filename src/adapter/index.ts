export type { AuthAdapter, Captcha, RegisterInput, RegisterResult, ActivateResult, CallOptions } from './types.js';
export { AdapterError, ADAPTER_ERROR_CODES, isAdapterError, isAbortError } from './adapter-error.js';
export type { AdapterErrorCode, AdapterErrorOptions } from './adapter-error.js';
export { MemoryAdapter } from './memory-adapter.js';
export type {
  MemoryAdapterOptions,
  OutboxLetter,
  MemoryUser,
  FailNextOptions,
  AdapterMethod,
  MemoryAdapterState,
  MemoryStoredUser,
  StoredPassword,
} from './memory-adapter.js';
export { HttpAdapter, PROBLEM_TYPE_BASE } from './http-adapter.js';
export type { HttpAdapterOptions } from './http-adapter.js';
export { setDefaultAdapter, getDefaultAdapter, getEmbeddedAdapter } from '../internal/default-adapter.js';
