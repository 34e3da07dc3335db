import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions, type OutboxLetter } from '../src/adapter/memory-adapter.js';
import type { Captcha, CaptchaCapability, RegistrationCapability } from '../src/adapter/types.js';
import { describeAdapterConformance, type ConformanceHarness } from '../src/testing/adapter-conformance.js';

const CAPTCHA_TTL_MS = 120_000;
const TOKEN_TTL_MS = 24 * 60 * 60 * 1000;
const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

/** The token of the newest letter of `kind` to `email`. */
function newestToken(adapter: MemoryAdapter, email: string, kind: OutboxLetter['kind']): string {
  const key = email.trim().toLowerCase();
  const newest = adapter.outbox.filter((l) => l.kind === kind && l.to.toLowerCase() === key).at(-1);
  if (!newest) throw new Error(`no ${kind} letter to ${email}`);
  return newest.token;
}

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
    readActivationToken: (email) => newestToken(adapter, email, 'activation'),
    readResetToken: (email) => newestToken(adapter, email, 'reset'),
    expireToken() {
      offset += TOKEN_TTL_MS;
    },
    expireCaptcha() {
      offset += CAPTCHA_TTL_MS;
    },
    expireResetToken() {
      offset += RESET_TOKEN_TTL_MS;
    },
    secondClient: () => adapter.newDevice(),
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

const everything = {
  expireToken: true,
  expireCaptcha: true,
  expireResetToken: true,
  secondClient: true,
  report: (line: string) => console.log(line),
};

describeAdapterConformance('MemoryAdapter', () => memoryHarness(), everything);

describeAdapterConformance(
  'MemoryAdapter with a fixed captcha text and latency',
  () => memoryHarness({ captchaAnswer: 'Ab3dE', latency: [1, 5] }),
  everything,
);

describeAdapterConformance('MemoryAdapter without clock control', () => {
  const adapter = new MemoryAdapter({ seed: 7 });
  return {
    adapter,
    solveCaptcha: (captcha) => adapter.debugCaptchaAnswer(captcha.id) ?? '',
    readActivationToken: (email) => newestToken(adapter, email, 'activation'),
    readResetToken: (email) => newestToken(adapter, email, 'reset'),
    reset: () => adapter.reset(),
  };
});

// A custom adapter of a page that only registers: the suite checks what it has, and nothing else.
describeAdapterConformance(
  'a custom adapter with only captcha and registration',
  () => {
    const inner = new MemoryAdapter();
    const adapter: CaptchaCapability & RegistrationCapability = {
      getCaptcha: (o) => inner.getCaptcha(o),
      register: (i, o) => inner.register(i, o),
      resendActivation: (e, o) => inner.resendActivation(e, o),
    };
    return {
      adapter,
      solveCaptcha: (captcha) => inner.debugCaptchaAnswer(captcha.id) ?? '',
      reset: () => inner.reset(),
    };
  },
  { capabilities: ['captcha', 'registration'] },
);

describe('describeAdapterConformance, declared wrongly', () => {
  it('refuses a capability without the ones its checks build on', () => {
    const setup = () => memoryHarness();
    expect(() => describeAdapterConformance('x', setup, { capabilities: ['captcha', 'signIn'] })).to.throw(
      /signIn checks build on activation/,
    );
    expect(() => describeAdapterConformance('x', setup, { capabilities: ['session'] })).to.throw(/build on signIn/);
  });
});
