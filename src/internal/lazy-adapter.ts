import { requireCapability, type CapabilityOf } from '../adapter/capability.js';
import type {
  ActivateResult,
  AuthAdapter,
  CallOptions,
  Capability,
  Captcha,
  RegisterInput,
  RegisterResult,
  ResetPasswordInput,
  ResetTokenInfo,
  Session,
  SignInInput,
} from '../adapter/types.js';

/**
 * An adapter whose implementation is loaded on its first call (a dynamic import), so an element's first
 * render never pays for a backend it may not use: the embedded MemoryAdapter with its captcha generator, or
 * the HttpAdapter behind `endpoint`.
 *
 * It offers every method of {@link AuthAdapter}; a call whose capability the loaded adapter lacks rejects with
 * an `AdapterError` of code `unsupported` that names the missing methods (never a `TypeError`).
 */
export class LazyAdapter implements AuthAdapter {
  #loading?: Promise<Partial<AuthAdapter>>;

  constructor(private readonly load: () => Promise<Partial<AuthAdapter>>) {}

  /** The real adapter (loaded once). */
  resolve(): Promise<Partial<AuthAdapter>> {
    this.#loading ??= this.load().catch((e: unknown) => {
      this.#loading = undefined; // a failed chunk load may succeed on the next call
      throw e;
    });
    return this.#loading;
  }

  /** The loaded adapter as `capability`, or the `unsupported` rejection. */
  async #as<C extends Capability>(capability: C): Promise<CapabilityOf<C>> {
    return requireCapability(await this.resolve(), capability);
  }

  async getCaptcha(o?: CallOptions): Promise<Captcha> {
    return (await this.#as('captcha')).getCaptcha(o);
  }
  async register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    return (await this.#as('registration')).register(input, o);
  }
  async resendActivation(email: string, o?: CallOptions): Promise<void> {
    return (await this.#as('registration')).resendActivation(email, o);
  }
  async activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    return (await this.#as('activation')).activate(token, o);
  }
  async signIn(input: SignInInput, o?: CallOptions): Promise<Session> {
    return (await this.#as('signIn')).signIn(input, o);
  }
  async getSession(o?: CallOptions): Promise<Session | null> {
    return (await this.#as('session')).getSession(o);
  }
  async signOut(o?: CallOptions): Promise<void> {
    return (await this.#as('session')).signOut(o);
  }
  async requestPasswordReset(email: string, o?: CallOptions): Promise<void> {
    return (await this.#as('passwordReset')).requestPasswordReset(email, o);
  }
  async checkResetToken(token: string, o?: CallOptions): Promise<ResetTokenInfo> {
    return (await this.#as('passwordReset')).checkResetToken(token, o);
  }
  async resetPassword(input: ResetPasswordInput, o?: CallOptions): Promise<void> {
    return (await this.#as('passwordReset')).resetPassword(input, o);
  }
}
