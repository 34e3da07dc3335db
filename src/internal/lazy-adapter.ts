import type {
  ActivateResult,
  ActivationCapability,
  AuthAdapter,
  CallOptions,
  Capability,
  Captcha,
  CaptchaCapability,
  PasswordResetCapability,
  RegisterInput,
  RegistrationCapability,
  RegisterResult,
  ResetPasswordInput,
  ResetTokenInfo,
  Session,
  SessionCapability,
  SignInCapability,
  SignInInput,
} from '../adapter/types.js';
import { onFreshStack } from './fresh-stack.js';

/** The capabilities a {@link LazyAdapter} forwards itself: those of the sign-up, sign-in and recovery forms. */
export type EagerCapabilities = CaptchaCapability &
  RegistrationCapability &
  ActivationCapability &
  SignInCapability &
  SessionCapability &
  PasswordResetCapability;

/**
 * An adapter whose implementation is loaded on its first call (a dynamic import), so an element's first
 * render never pays for a backend it may not use: the embedded MemoryAdapter with its captcha generator, or
 * the HttpAdapter behind `endpoint`.
 *
 * It offers every method of the forms' capabilities ({@link EagerCapabilities}); a call of a method the loaded
 * adapter lacks rejects with an `AdapterError` of code `unsupported` that names its capability and the missing
 * methods (never a `TypeError`). Only the method called is checked: the other half of a half-implemented
 * capability still works. The later capabilities (social, support, account) are not copied here, so that every
 * element's first load does not carry their method lists: `needCapability` (internal/need-capability.ts), which
 * every element calls through, hands out the loaded adapter for them ({@link resolve}).
 */
export class LazyAdapter implements EagerCapabilities {
  #loading?: Promise<Partial<AuthAdapter>>;

  constructor(private readonly load: () => Promise<Partial<AuthAdapter>>) {}

  /**
   * The real adapter (loaded once). The load starts on a stack of its own: the first call often comes from an
   * element's `connectedCallback` (internal/fresh-stack.ts).
   */
  resolve(): Promise<Partial<AuthAdapter>> {
    this.#loading ??= onFreshStack(this.load).catch((e: unknown) => {
      this.#loading = undefined; // a failed chunk load may succeed on the next call
      throw e;
    });
    return this.#loading;
  }

  /**
   * Calls `method` of the loaded adapter. When it has none, the `unsupported` rejection comes from
   * `requireCapability`, loaded only then: the elements' first load does not carry the error classes and the
   * capability table for a mistake that a working page never makes.
   */
  async #call<M extends keyof AuthAdapter>(
    capability: Capability,
    method: M,
    ...args: Parameters<AuthAdapter[M]>
  ): Promise<Awaited<ReturnType<AuthAdapter[M]>>> {
    const adapter = await this.resolve();
    const f = adapter[method] as ((...a: Parameters<AuthAdapter[M]>) => ReturnType<AuthAdapter[M]>) | undefined;
    if (typeof f !== 'function') {
      (await import('../adapter/capability.js')).requireCapability(adapter, capability);
    }
    return (await f!.apply(adapter, args)) as Awaited<ReturnType<AuthAdapter[M]>>;
  }

  getCaptcha(o?: CallOptions): Promise<Captcha> {
    return this.#call('captcha', 'getCaptcha', o);
  }
  register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    return this.#call('registration', 'register', input, o);
  }
  resendActivation(email: string, o?: CallOptions): Promise<void> {
    return this.#call('registration', 'resendActivation', email, o);
  }
  activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    return this.#call('activation', 'activate', token, o);
  }
  signIn(input: SignInInput, o?: CallOptions): Promise<Session> {
    return this.#call('signIn', 'signIn', input, o);
  }
  getSession(o?: CallOptions): Promise<Session | null> {
    return this.#call('session', 'getSession', o);
  }
  signOut(o?: CallOptions): Promise<void> {
    return this.#call('session', 'signOut', o);
  }
  requestPasswordReset(email: string, o?: CallOptions): Promise<void> {
    return this.#call('passwordReset', 'requestPasswordReset', email, o);
  }
  checkResetToken(token: string, o?: CallOptions): Promise<ResetTokenInfo> {
    return this.#call('passwordReset', 'checkResetToken', token, o);
  }
  resetPassword(input: ResetPasswordInput, o?: CallOptions): Promise<void> {
    return this.#call('passwordReset', 'resetPassword', input, o);
  }
}
