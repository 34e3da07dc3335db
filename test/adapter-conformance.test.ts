import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { Captcha } from '../src/adapter/types.js';
import { describeAdapterConformance, type ConformanceHarness } from '../src/testing/adapter-conformance.js';

const CAPTCHA_TTL_MS = 120_000;
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

/** A MemoryAdapter on a clock the harness moves; a new adapter for every test. */
function memoryHarness(options: MemoryAdapterOptions = {}): ConformanceHarness {
  let offset = 0;
  let adapter = new MemoryAdapter();
  const harness: ConformanceHarness = {
    get adapter() {
      return adapter;
    },
    solveCaptcha(captcha: Captcha) {
      const answer = adapter.debugCaptchaAnswer(captcha.id);
      if (answer === undefined) throw new Error(`no unused captcha ${captcha.id}`);
      return answer;
    },
    readActivationToken(email: string) {
      const letters = adapter.outbox.filter((l) => l.to.toLowerCase() === email.trim().toLowerCase());
      const newest = letters.at(-1);
      if (!newest) throw new Error(`no letter to ${email}`);
      return newest.token;
    },
    expireToken() {
      offset += TOKEN_TTL_MS;
    },
    expireCaptcha() {
      offset += CAPTCHA_TTL_MS;
    },
    reset() {
      offset = 0;
      adapter = new MemoryAdapter({
        captchaTtlMs: CAPTCHA_TTL_MS,
        tokenTtlMs: TOKEN_TTL_MS,
        ...options,
        now: () => Date.now() + offset,
      });
    },
  };
  return harness;
}

describeAdapterConformance('MemoryAdapter', () => memoryHarness(), { expireToken: true, expireCaptcha: true });

describeAdapterConformance('MemoryAdapter with a fixed captcha text and latency', () =>
  memoryHarness({ captchaAnswer: 'Ab3dE', latency: [1, 5] }), { expireToken: true, expireCaptcha: true });

describeAdapterConformance('MemoryAdapter without clock control', () => {
  const adapter = new MemoryAdapter({ seed: 7 });
  return {
    adapter,
    solveCaptcha: (captcha) => adapter.debugCaptchaAnswer(captcha.id) ?? '',
    readActivationToken: (email) =>
      adapter.outbox.filter((l) => l.to.toLowerCase() === email.toLowerCase()).at(-1)?.token ?? '',
    reset: () => adapter.reset(),
  };
});
