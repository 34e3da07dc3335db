/**
 * MemoryAdapter sign-in and sessions, beyond what the conformance suite asks of every adapter: the configured
 * thresholds, the lock, what a session keeps, its lifetime, and the timing of known and unknown addresses.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { SignInInput } from '../src/adapter/types.js';
import { adapterError } from './helpers/adapter.js';

const PASSWORD = 'Sign-in-2026';
const EMAIL = 'Maria.Ivanova@Example.com';
const START = Date.UTC(2025, 0, 15, 12, 0, 0);
const MINUTE = 60_000;

/** An adapter on a clock the test moves, with captchas whose answer the test knows. */
function setup(options: MemoryAdapterOptions = {}) {
  let time = START;
  const adapter = new MemoryAdapter({ now: () => time, captchaAnswer: 'Ab3dE', ...options });
  return {
    adapter,
    advance(ms: number) {
      time += ms;
    },
    get now() {
      return time;
    },
  };
}

/** Registers (and by default activates) a profile. */
async function addUser(adapter: MemoryAdapter, email = EMAIL, { activate = true } = {}) {
  const captcha = await adapter.getCaptcha();
  const result = await adapter.register({
    email,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: PASSWORD,
    captcha: { id: captcha.id, answer: 'Ab3dE' },
  });
  if (activate) await adapter.activate(adapter.outbox.filter((l) => l.kind === 'activation').at(-1)!.token);
  return result;
}

const attempt = (adapter: MemoryAdapter, email: string, password: string, extra: Partial<SignInInput> = {}) =>
  adapter.signIn({ email, password, remember: false, ...extra });

async function withCaptcha(adapter: MemoryAdapter): Promise<{ id: string; answer: string }> {
  return { id: (await adapter.getCaptcha()).id, answer: 'Ab3dE' };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

describe('MemoryAdapter sign-in', () => {
  describe('when the input is malformed', () => {
    it('answers validation with the field codes, before any check of the address', async () => {
      const { adapter } = setup();
      const error = await adapterError(attempt(adapter, 'not-an-address', ''), 'validation');
      expect(error.fieldErrors).to.deep.equal({ email: 'email.invalid', password: 'password.required' });
      const empty = await adapterError(attempt(adapter, '   ', PASSWORD), 'validation');
      expect(empty.fieldErrors).to.deep.equal({ email: 'email.required' });
      expect(adapter.debugState().signInFailures).to.have.length(0);
    });
  });

  describe('when the address is typed differently', () => {
    it('normalizes it as register does: case and surrounding spaces', async () => {
      const { adapter } = setup();
      const { userId } = await addUser(adapter);
      const session = await attempt(adapter, '  maria.IVANOVA@example.COM ', PASSWORD);
      expect(session).to.deep.equal({ userId, email: EMAIL, firstName: 'Maria', lastName: 'Ivanova' });
    });
  });

  describe('after failed attempts', () => {
    it('asks for a captcha after captchaAfterFailures failures, counted per address whether registered or not', async () => {
      const { adapter } = setup({ captchaAfterFailures: 2 });
      await addUser(adapter);
      for (const email of [EMAIL, 'nobody@example.com']) {
        await adapterError(attempt(adapter, email, 'Wrong-pass-1'), 'invalid_credentials');
        await adapterError(attempt(adapter, email, 'Wrong-pass-1'), 'invalid_credentials');
        const required = await adapterError(attempt(adapter, email, PASSWORD), 'captcha_required');
        expect(required.field).to.equal('captcha');
      }
      // Another address is not affected.
      await addUser(adapter, 'other@example.com');
      await attempt(adapter, 'other@example.com', PASSWORD);
    });

    it('keeps asking for a captcha on every attempt until a sign-in succeeds, then forgets the failures', async () => {
      const { adapter } = setup();
      await addUser(adapter);
      for (let i = 0; i < 3; i++) await adapterError(attempt(adapter, EMAIL, 'Wrong-pass-1'), 'invalid_credentials');
      await adapterError(attempt(adapter, EMAIL, 'Wrong-pass-1', { captcha: await withCaptcha(adapter) }), 'invalid_credentials');
      await adapterError(attempt(adapter, EMAIL, PASSWORD), 'captcha_required');
      await attempt(adapter, EMAIL, PASSWORD, { captcha: await withCaptcha(adapter) });
      expect(adapter.debugState().signInFailures).to.have.length(0);
      await attempt(adapter, EMAIL, PASSWORD);
    });

    it('forgets the failures failureWindowMs after the last one', async () => {
      const { adapter, advance } = setup({ failureWindowMs: 10 * MINUTE });
      await addUser(adapter);
      for (let i = 0; i < 3; i++) await adapterError(attempt(adapter, EMAIL, 'Wrong-pass-1'), 'invalid_credentials');
      advance(10 * MINUTE - 1);
      await adapterError(attempt(adapter, EMAIL, PASSWORD), 'captcha_required');
      advance(1);
      await attempt(adapter, EMAIL, PASSWORD);
    });

    it('locks the address after lockAfterFailures failures, right password or not, for lockoutMs; the captcha stays', async () => {
      const { adapter, advance } = setup({ captchaAfterFailures: 2, lockAfterFailures: 4, lockoutMs: 5 * MINUTE });
      await addUser(adapter);
      for (let i = 0; i < 4; i++) {
        const captcha = i >= 2 ? { captcha: await withCaptcha(adapter) } : {};
        await adapterError(attempt(adapter, EMAIL, 'Wrong-pass-1', captcha), 'invalid_credentials');
      }
      const locked = await adapterError(attempt(adapter, EMAIL, PASSWORD, { captcha: await withCaptcha(adapter) }), 'rate_limited');
      expect(locked.retryAfter).to.equal(300);
      advance(2 * MINUTE + 500);
      const later = await adapterError(attempt(adapter, EMAIL, PASSWORD), 'rate_limited');
      expect(later.retryAfter).to.equal(180);
      advance(3 * MINUTE - 500);
      await adapterError(attempt(adapter, EMAIL, PASSWORD), 'captcha_required');
      await attempt(adapter, EMAIL, PASSWORD, { captcha: await withCaptcha(adapter) });
    });

    it('locks an unknown address the same way, so a lock tells nothing', async () => {
      const { adapter } = setup({ captchaAfterFailures: 1, lockAfterFailures: 2 });
      const answers: string[] = [];
      for (const email of ['nobody@example.com', EMAIL]) {
        if (email === EMAIL) await addUser(adapter);
        await adapterError(attempt(adapter, email, 'Wrong-pass-1'), 'invalid_credentials');
        await adapterError(attempt(adapter, email, 'Wrong-pass-1', { captcha: await withCaptcha(adapter) }), 'invalid_credentials');
        const error = await adapterError(attempt(adapter, email, 'Wrong-pass-1'), 'rate_limited');
        answers.push(`${error.code} ${error.retryAfter} ${error.message}`);
      }
      expect(answers[0]).to.equal(answers[1]);
    });

    it('a wrong captcha is captcha_invalid and counts no failure; a pending profile with the right password is not_activated', async () => {
      const { adapter } = setup({ captchaAfterFailures: 1 });
      await addUser(adapter, EMAIL, { activate: false });
      await adapterError(attempt(adapter, EMAIL, 'Wrong-pass-1'), 'invalid_credentials');
      const wrong = await adapterError(attempt(adapter, EMAIL, PASSWORD, { captcha: { id: (await adapter.getCaptcha()).id, answer: 'nope' } }), 'captcha_invalid');
      expect(wrong.field).to.equal('captcha');
      expect(adapter.debugState().signInFailures[0].count).to.equal(1);
      await adapterError(attempt(adapter, EMAIL, PASSWORD, { captcha: await withCaptcha(adapter) }), 'not_activated');
    });
  });

  describe('the session it starts', () => {
    it('keeps remember and a lifetime of sessionTtlMs, or rememberTtlMs with "stay signed in"', async () => {
      const { adapter, advance, now } = setup({ sessionTtlMs: 60 * MINUTE, rememberTtlMs: 24 * 60 * MINUTE });
      await addUser(adapter);
      await attempt(adapter, EMAIL, PASSWORD);
      const [{ publicId, ...first }, ...more] = adapter.debugState().sessions;
      expect(more).to.have.length(0);
      // A public name for "active sessions", never the session's secret id.
      expect(publicId).to.match(/^ses_[A-Za-z0-9_-]{12}$/);
      expect(first).to.deep.equal({
        userId: adapter.getUser(EMAIL)!.userId,
        remember: false,
        createdAt: now,
        expiresAt: now + 60 * MINUTE,
        current: true,
      });
      advance(60 * MINUTE);
      expect(await adapter.getSession()).to.equal(null);

      await attempt(adapter, EMAIL, PASSWORD, { remember: true });
      const [session] = adapter.debugState().sessions;
      expect(session.remember).to.equal(true);
      expect(session.expiresAt).to.equal(now + 60 * MINUTE + 24 * 60 * MINUTE);
      advance(24 * 60 * MINUTE - 1);
      expect((await adapter.getSession())?.email).to.equal(EMAIL);
      advance(1);
      expect(await adapter.getSession()).to.equal(null);
      expect(adapter.debugState().sessions).to.have.length(0);
    });

    it('a new sign-in on the device replaces its session (a new id); other devices keep theirs', async () => {
      const { adapter } = setup();
      await addUser(adapter);
      const phone = adapter.newDevice();
      await attempt(adapter, EMAIL, PASSWORD);
      await phone.signIn({ email: EMAIL, password: PASSWORD, remember: true });
      await attempt(adapter, EMAIL, PASSWORD);
      const sessions = adapter.debugState().sessions;
      expect(sessions.map((s) => [s.remember, s.current])).to.deep.equal([
        [true, false],
        [false, true],
      ]);
      expect((await phone.getSession())?.email).to.equal(EMAIL);
      await phone.signOut();
      expect((await adapter.getSession())?.email).to.equal(EMAIL);
      expect(adapter.debugState().sessions).to.have.length(1);
    });

    it('reset() ends every session', async () => {
      const { adapter } = setup();
      await addUser(adapter);
      await attempt(adapter, EMAIL, PASSWORD);
      adapter.reset();
      expect(await adapter.getSession()).to.equal(null);
    });
  });

  describe('timing', () => {
    it('a wrong password, an unknown address and a pending profile take comparable time (PBKDF2 each)', async function () {
      this.timeout(60_000);
      const { adapter } = setup({ captchaAfterFailures: 1000, lockAfterFailures: 1000 });
      await addUser(adapter);
      await addUser(adapter, 'pending@example.com', { activate: false });
      const samples = { registered: [] as number[], unknown: [] as number[], pending: [] as number[], success: [] as number[] };
      const calls: [keyof typeof samples, () => Promise<unknown>][] = [
        ['registered', () => attempt(adapter, EMAIL, 'Wrong-pass-1')],
        ['unknown', () => attempt(adapter, `nobody-${Math.random()}@example.com`, 'Wrong-pass-1')],
        ['pending', () => attempt(adapter, 'pending@example.com', 'Wrong-pass-1')],
        ['success', () => attempt(adapter, EMAIL, PASSWORD)],
      ];
      for (let round = 0; round <= 15; round++) {
        for (const [name, call] of calls) {
          const started = performance.now();
          await call().catch(() => undefined);
          if (round > 0) samples[name].push(performance.now() - started);
        }
      }
      const medians = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<keyof typeof samples, number>;
      console.log(
        `MemoryAdapter sign-in, medians of 15: wrong password ${medians.registered.toFixed(1)} ms, unknown address ` +
          `${medians.unknown.toFixed(1)} ms, pending profile ${medians.pending.toFixed(1)} ms, success ${medians.success.toFixed(1)} ms`,
      );
      // What the answer does not tell must not show in the time (a success says who it is anyway).
      for (const other of ['unknown', 'pending'] as const) {
        const ratio = medians.registered / medians[other];
        expect(ratio, `wrong password against ${other}`).to.be.within(0.5, 2);
      }
      // The derivation dominates: each answer costs at least a few ms (a shortcut would answer in microseconds).
      expect(medians.unknown).to.be.above(3);
    });
  });
});
