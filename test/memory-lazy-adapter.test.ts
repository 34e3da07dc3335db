/**
 * LazyAdapter, the loader in front of the embedded MemoryAdapter and the endpoint's HttpAdapter: every call
 * goes to the loaded adapter; a capability it lacks is an AdapterError `unsupported`, never a TypeError.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../src/adapter/adapter-error.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { CAPABILITY_METHODS, type AuthAdapter } from '../src/adapter/types.js';
import { createEmbeddedAdapter } from '../src/internal/default-adapter.js';
import { LazyAdapter, type EagerCapabilities } from '../src/internal/lazy-adapter.js';
import { needCapability } from '../src/internal/need-capability.js';
import { adapterError, rejection } from './helpers/adapter.js';

/** One call of every method the LazyAdapter forwards itself (the forms' capabilities), with harmless arguments. */
const everyCall: [keyof EagerCapabilities, (a: EagerCapabilities) => Promise<unknown>][] = [
  ['getCaptcha', (a) => a.getCaptcha()],
  ['register', (a) => a.register({ email: 'a@example.com', firstName: 'A', lastName: 'B', password: 'Pass-1234', captcha: { id: 'x', answer: 'y' } })],
  ['resendActivation', (a) => a.resendActivation('a@example.com')],
  ['activate', (a) => a.activate('no-such-token')],
  ['signIn', (a) => a.signIn({ email: 'a@example.com', password: 'Pass-1234', remember: false })],
  ['getSession', (a) => a.getSession()],
  ['signOut', (a) => a.signOut()],
  ['requestPasswordReset', (a) => a.requestPasswordReset('a@example.com')],
  ['checkResetToken', (a) => a.checkResetToken('no-such-token')],
  ['resetPassword', (a) => a.resetPassword({ token: 'no-such-token', password: 'Pass-1234', signOutOthers: false })],
];

describe('LazyAdapter', () => {
  it("has every method of the forms' capabilities", () => {
    const lazy = new LazyAdapter(async () => new MemoryAdapter());
    const { social, support, account, ...forms } = CAPABILITY_METHODS;
    void [social, support, account];
    const methods = Object.values(forms).flat();
    expect(methods).to.have.length(everyCall.length);
    for (const m of methods) expect(typeof lazy[m], m).to.equal('function');
  });

  it('hands every call, with its arguments and signal, to the loaded adapter, loaded once', async () => {
    const seen: string[] = [];
    const inner = new MemoryAdapter();
    const recording = Object.fromEntries(
      everyCall.map(([m]) => [
        m,
        (...args: unknown[]) => {
          seen.push(`${m}:${JSON.stringify(args[0] ?? null)}`);
          return (inner[m] as (...a: unknown[]) => Promise<unknown>)(...args).catch(() => undefined);
        },
      ]),
    ) as unknown as EagerCapabilities;
    let loads = 0;
    const lazy = new LazyAdapter(async () => (loads++, recording));
    for (const [, call] of everyCall) await call(lazy);
    expect(loads).to.equal(1);
    expect(seen.map((s) => s.split(':')[0])).to.deep.equal(everyCall.map(([m]) => m));
    expect(seen[3]).to.equal('activate:"no-such-token"');

    const reason = new Error('left the page');
    const signal = AbortSignal.abort(reason);
    expect(await rejection(new LazyAdapter(async () => inner).getSession({ signal }))).to.equal(reason);
  });

  it('rejects a call the loaded adapter cannot serve with unsupported, naming the missing methods', async () => {
    const registersOnly: Partial<AuthAdapter> = {
      getCaptcha: async () => ({ id: 'c', image: 'data:image/png;base64,', expiresAt: Date.now() + 1000 }),
      register: async (i) => ({ userId: 'u', email: i.email }),
      resendActivation: async () => undefined,
      // Half of a capability: the method that is there works, the missing one is reported with its capability.
      getSession: async () => null,
    };
    const lazy = new LazyAdapter(async () => registersOnly);
    expect((await lazy.getCaptcha()).id).to.equal('c');
    const expectations: [keyof EagerCapabilities, RegExp][] = [
      ['activate', /activation.*activate/],
      ['signIn', /signIn.*signIn/],
      ['signOut', /session.*signOut/],
      ['requestPasswordReset', /passwordReset.*requestPasswordReset, checkResetToken, resetPassword/],
      ['checkResetToken', /passwordReset/],
      ['resetPassword', /passwordReset/],
    ];
    expect(await lazy.getSession()).to.equal(null);
    for (const [method, message] of expectations) {
      const call = everyCall.find(([m]) => m === method)![1];
      const error = await adapterError(call(lazy), 'unsupported');
      expect(error, method).to.be.instanceOf(AdapterError);
      expect(error.message, method).to.match(message);
    }
  });

  it('loads again after a failed load', async () => {
    let attempts = 0;
    const lazy = new LazyAdapter(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return new MemoryAdapter();
    });
    expect(await rejection(lazy.getSession())).to.be.instanceOf(TypeError);
    expect(await lazy.getSession()).to.equal(null);
    expect(attempts).to.equal(2);
  });

  it('the embedded adapter serves every capability', async () => {
    const embedded = createEmbeddedAdapter({ protocol: 'http:', hostname: 'localhost' });
    for (const [method, call] of everyCall) {
      const error = await call(embedded).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error instanceof AdapterError && error.code === 'unsupported', `${method} unsupported`).to.equal(false);
      expect(error instanceof TypeError, `${method}: ${String(error)}`).to.equal(false);
    }
  });

  it('needCapability hands out the loaded adapter for the later capabilities, or says unsupported', async () => {
    const inner = new MemoryAdapter({ latency: 0 });
    const lazy = new LazyAdapter(async () => inner);
    expect((await needCapability(lazy, 'support', 'agentStatus')) === (inner as unknown)).to.equal(true);
    expect((await needCapability(lazy, 'account', 'getExchangeRates')) === (inner as unknown)).to.equal(true);
    // The forms' capabilities stay with the LazyAdapter itself.
    expect((await needCapability(lazy, 'session', 'getSession')) === (lazy as unknown)).to.equal(true);
    const formsOnly = new LazyAdapter(async () => ({ getSession: async () => null }));
    const error = await adapterError(needCapability(formsOnly, 'support', 'agentStatus'), 'unsupported');
    expect(error.message).to.match(/support/);
  });
});
