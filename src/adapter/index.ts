export type {
  AuthAdapter,
  Captcha,
  RegisterInput,
  RegisterResult,
  ActivateResult,
  CallOptions,
  SignInInput,
  Session,
  ResetPasswordInput,
  ResetTokenInfo,
  CaptchaCapability,
  RegistrationCapability,
  ActivationCapability,
  SignInCapability,
  SessionCapability,
  PasswordResetCapability,
  Capability,
} from './types.js';
export { CAPABILITY_METHODS } from './types.js';
export { hasCapability, requireCapability } from './capability.js';
export type { CapabilityOf } from './capability.js';
export { AdapterError, ADAPTER_ERROR_CODES, isAdapterError, isAbortError } from './adapter-error.js';
export type { AdapterErrorCode, AdapterErrorOptions } from './adapter-error.js';
export { MemoryAdapter, MAX_RESET_TOKEN_TTL_MS } from './memory-adapter.js';
export type {
  MemoryAdapterOptions,
  OutboxLetter,
  MemoryUser,
  FailNextOptions,
  AdapterMethod,
  MemoryAdapterState,
  MemoryStoredUser,
  StoredPassword,
  MemoryStoredToken,
  MemoryStoredResetToken,
  MemoryStoredSession,
} from './memory-adapter.js';
export { HttpAdapter, PROBLEM_TYPE_BASE, CSRF_HEADER, CSRF_COOKIE } from './http-adapter.js';
export type { HttpAdapterOptions } from './http-adapter.js';
export { setDefaultAdapter, getDefaultAdapter, getEmbeddedAdapter } from '../internal/default-adapter.js';
