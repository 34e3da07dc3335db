import type { ActivateResult, AuthAdapter, CallOptions, Captcha, RegisterInput, RegisterResult } from '../adapter/types.js';

/**
 * An adapter whose implementation is loaded on its first call (a dynamic import), so an element's first
 * render never pays for a backend it may not use: the embedded MemoryAdapter with its captcha generator, or
 * the HttpAdapter behind `endpoint`.
 */
export class LazyAdapter implements AuthAdapter {
  #loading?: Promise<AuthAdapter>;

  constructor(private readonly load: () => Promise<AuthAdapter>) {}

  /** The real adapter (loaded once). */
  resolve(): Promise<AuthAdapter> {
    this.#loading ??= this.load().catch((e: unknown) => {
      this.#loading = undefined; // a failed chunk load may succeed on the next call
      throw e;
    });
    return this.#loading;
  }

  async getCaptcha(o?: CallOptions): Promise<Captcha> {
    return (await this.resolve()).getCaptcha(o);
  }
  async register(input: RegisterInput, o?: CallOptions): Promise<RegisterResult> {
    return (await this.resolve()).register(input, o);
  }
  async resendActivation(email: string, o?: CallOptions): Promise<void> {
    return (await this.resolve()).resendActivation(email, o);
  }
  async activate(token: string, o?: CallOptions): Promise<ActivateResult> {
    return (await this.resolve()).activate(token, o);
  }
}
