import { expect } from '@open-wc/testing';
import { CAPTCHA_ALPHABET } from '../src/adapter/captcha-svg.js';
import {
  MemoryAdapter,
  verifyPassword,
  type MemoryAdapterOptions,
  type MemoryAdapterState,
  type OutboxLetter,
} from '../src/adapter/memory-adapter.js';
import type { Captcha, RegisterInput } from '../src/adapter/types.js';
import { adapterError, rejection } from './helpers/adapter.js';

const PASSWORD = 'Tr0ub4dor&3-horse';
const START = Date.UTC(2025, 0, 15, 12, 0, 0);

/** An adapter on a clock the test moves. */
function setup(options: MemoryAdapterOptions = {}) {
  let time = START;
  const adapter = new MemoryAdapter({ now: () => time, ...options });
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

function answerOf(adapter: MemoryAdapter, captcha: Captcha): string {
  const answer = adapter.debugCaptchaAnswer(captcha.id);
  if (answer === undefined) throw new Error('no such captcha');
  return answer;
}

function input(captcha: Captcha, answer: string, overrides: Partial<RegisterInput> = {}): RegisterInput {
  return {
    email: 'Maria.Ivanova@Example.com',
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: PASSWORD,
    captcha: { id: captcha.id, answer },
    ...overrides,
  };
}

/** Registers with a freshly solved captcha. */
async function registerUser(adapter: MemoryAdapter, overrides: Partial<RegisterInput> = {}) {
  const captcha = await adapter.getCaptcha();
  return adapter.register(input(captcha, answerOf(adapter, captcha), overrides));
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string) => new Uint8Array(Uint16Array.from(text, (c) => c.charCodeAt(0)).buffer);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Every leaf of the adapter's stored state, with its path: strings, numbers, byte arrays. */
function storedValues(state: MemoryAdapterState): [path: string, value: unknown][] {
  const out: [string, unknown][] = [];
  const walk = (value: unknown, path: string): void => {
    if (value instanceof Uint8Array || value === null || typeof value !== 'object') {
      out.push([path, value]);
      return;
    }
    for (const [key, inner] of Object.entries(value)) {
      out.push([`${path}.${key} (key)`, key]);
      walk(inner, `${path}.${key}`);
    }
  };
  walk(state, 'state');
  return out;
}

/** The texts a stored value can be read as: itself, or a byte array as UTF-8, Latin-1, hex and base64. */
function readings(value: unknown): string[] {
  if (value instanceof Uint8Array) {
    return [new TextDecoder().decode(value), String.fromCharCode(...value), hex(value), base64(value)];
  }
  return [String(value)];
}

function includesBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The `token` parameter of a link's fragment (`#token=…`). */
function fragmentToken(link: string): string | null {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token');
}

function swapCase(text: string): string {
  return Array.from(text, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

function svgSource(captcha: Captcha): string {
  const prefix = 'data:image/svg+xml;base64,';
  expect(captcha.image.startsWith(prefix)).to.equal(true);
  const binary = atob(captcha.image.slice(prefix.length));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

describe('MemoryAdapter', () => {
  describe('when a visitor registers and activates', () => {
    it('creates a pending profile, sends one letter, activates once, then answers already_active', async () => {
      const { adapter, now } = setup();
      const result = await registerUser(adapter, { email: '  Maria.Ivanova@Example.com ' });
      expect(result.email).to.equal('Maria.Ivanova@Example.com');
      expect(result.userId).to.be.a('string').with.length.above(0);
      expect(adapter.getUser('maria.ivanova@example.com')).to.deep.equal({
        userId: result.userId,
        email: 'Maria.Ivanova@Example.com',
        firstName: 'Maria',
        lastName: 'Ivanova',
        status: 'pending',
      });

      expect(adapter.outbox).to.have.length(1);
      const [letter] = adapter.outbox;
      expect(letter).to.include({
        to: 'Maria.Ivanova@Example.com',
        subject: 'Activate your profile',
        firstName: 'Maria',
        sentAt: now,
        kind: 'activation',
      });
      expect(letter.token.length).to.be.at.least(32);
      expect(fragmentToken(letter.link)).to.equal(letter.token);
      expect(new URL(letter.link).search).not.to.include(letter.token);

      const activated = await adapter.activate(letter.token);
      expect(activated).to.deep.equal({
        userId: result.userId,
        email: 'Maria.Ivanova@Example.com',
        firstName: 'Maria',
        lastName: 'Ivanova',
      });
      expect(adapter.getUser('MARIA.IVANOVA@EXAMPLE.COM')?.status).to.equal('active');

      await adapterError(adapter.activate(letter.token), 'already_active');
    });

    it('links to the current page with #token= by default, so no server log or Referer sees it', async () => {
      const { adapter } = setup();
      await registerUser(adapter);
      const [letter] = adapter.outbox;
      expect(letter.link).to.equal(`${location.origin}${location.pathname}#token=${letter.token}`);
    });

    it('builds links from an activationUrl string or function', async () => {
      const base = setup({ activationUrl: 'https://shop.example/activate?lang=bg' }).adapter;
      await registerUser(base);
      const token = base.outbox[0].token;
      expect(base.outbox[0].link).to.equal(`https://shop.example/activate?lang=bg#token=${token}`);

      // A fragment already there is kept; a token the base carried, in its query or fragment, is not.
      const anchored = setup({ activationUrl: 'https://shop.example/activate?token=old&lang=bg#top&token=x' }).adapter;
      await registerUser(anchored);
      expect(anchored.outbox[0].link).to.equal(
        `https://shop.example/activate?lang=bg#top&token=${anchored.outbox[0].token}`,
      );

      const relative = setup({ activationUrl: '/activate' }).adapter;
      await registerUser(relative);
      expect(relative.outbox[0].link).to.equal(`${location.origin}/activate#token=${relative.outbox[0].token}`);

      const template = setup({ activationUrl: 'https://shop.example/a/{token}#top' }).adapter;
      await registerUser(template);
      expect(template.outbox[0].link).to.equal(`https://shop.example/a/${template.outbox[0].token}#top`);

      const fn = setup({ activationUrl: (t) => `app://activate/${t}` }).adapter;
      await registerUser(fn);
      expect(fn.outbox[0].link).to.equal(`app://activate/${fn.outbox[0].token}`);
    });

    it('announces every letter with a letter event and the onLetter option', async () => {
      const seen: OutboxLetter[] = [];
      const { adapter } = setup({ onLetter: (letter) => seen.push(letter) });
      const events: OutboxLetter[] = [];
      adapter.addEventListener('letter', (event) => events.push(event.detail));
      await registerUser(adapter);
      expect(events).to.deep.equal(adapter.outbox);
      expect(seen).to.deep.equal(adapter.outbox);
    });

    it('hands out copies: changing a result does not change the adapter', async () => {
      const { adapter } = setup();
      await registerUser(adapter);
      const outbox = adapter.outbox as OutboxLetter[];
      const token = outbox[0].token;
      outbox[0].token = 'forged';
      outbox.length = 0;
      expect(adapter.outbox).to.have.length(1);
      expect(adapter.outbox[0].token).to.equal(token);
      const user = adapter.getUser('maria.ivanova@example.com');
      if (user) user.status = 'active';
      expect(adapter.getUser('maria.ivanova@example.com')?.status).to.equal('pending');
    });
  });

  describe('when the captcha is checked', () => {
    it('generates 5–6 characters of the look-alike-free alphabet, in mixed case', async () => {
      const { adapter } = setup();
      for (let i = 0; i < 40; i++) {
        const answer = answerOf(adapter, await adapter.getCaptcha());
        expect(answer.length).to.be.within(5, 6);
        for (const char of answer) expect(CAPTCHA_ALPHABET).to.include(char);
        expect(answer).to.match(/[A-Z]/).and.to.match(/[a-z]/);
      }
      for (const lookAlike of '0OoQD1lIijJ5Ss8B6Gb9gqZzCcKkPpUuVvWwXxY') expect(CAPTCHA_ALPHABET).not.to.include(lookAlike);
    });

    it('hands out long, distinct ids and expiresAt = now + captchaTtlMs', async () => {
      const { adapter, now } = setup({ captchaTtlMs: 30_000 });
      const ids = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const captcha = await adapter.getCaptcha();
        expect(captcha.id.length).to.be.at.least(20);
        expect(captcha.expiresAt).to.equal(now + 30_000);
        ids.add(captcha.id);
      }
      expect(ids.size).to.equal(20);
    });

    it('is single-use: a wrong answer uses it up, and so does a right one', async () => {
      const { adapter } = setup();
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      const wrong = await adapterError(adapter.register(input(captcha, 'nope')), 'captcha_invalid');
      expect(wrong.field).to.equal('captcha');
      await adapterError(adapter.register(input(captcha, answer)), 'captcha_invalid');

      const second = await adapter.getCaptcha();
      const secondAnswer = answerOf(adapter, second);
      await adapter.register(input(second, secondAnswer));
      await adapterError(
        adapter.register(input(second, secondAnswer, { email: 'other@example.com' })),
        'captcha_invalid',
      );
      expect(adapter.getUser('other@example.com')).to.equal(undefined);
    });

    it('compares case-sensitively and forgives only surrounding white space', async () => {
      const { adapter } = setup();
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      expect(swapCase(answer)).not.to.equal(answer);
      await adapterError(adapter.register(input(captcha, swapCase(answer))), 'captcha_invalid');

      const again = await adapter.getCaptcha();
      await adapter.register(input(again, ` ${answerOf(adapter, again)}\t`));
      expect(adapter.outbox).to.have.length(1);
    });

    it('rejects an expired captcha with captcha_expired', async () => {
      const { adapter, advance } = setup({ captchaTtlMs: 120_000 });
      const late = await adapter.getCaptcha();
      const lateAnswer = answerOf(adapter, late);
      const inTime = await adapter.getCaptcha();
      const inTimeAnswer = answerOf(adapter, inTime);

      advance(119_999);
      await adapter.register(input(inTime, inTimeAnswer));
      advance(1);
      const error = await adapterError(
        adapter.register(input(late, lateAnswer, { email: 'late@example.com' })),
        'captcha_expired',
      );
      expect(error.field).to.equal('captcha');
      expect(adapter.getUser('late@example.com')).to.equal(undefined);
    });

    it('rejects an unknown id with captcha_invalid', async () => {
      const { adapter } = setup();
      await adapter.getCaptcha();
      await adapterError(
        adapter.register({ ...input({ id: 'made-up', image: '', expiresAt: 0 }, 'abcde') }),
        'captcha_invalid',
      );
    });

    it('uses the captchaAnswer option as a fixed, still single-use and expiring, answer', async () => {
      const { adapter, advance } = setup({ captchaAnswer: 'Tr7ha' });
      const captcha = await adapter.getCaptcha();
      const expired = await adapter.getCaptcha();
      await adapter.register(input(captcha, 'Tr7ha'));
      await adapterError(adapter.register(input(captcha, 'Tr7ha', { email: 'b@example.com' })), 'captcha_invalid');
      advance(120_000);
      await adapterError(adapter.register(input(expired, 'Tr7ha', { email: 'c@example.com' })), 'captcha_expired');
    });

    it('is reproducible with a seed', async () => {
      const a = setup({ seed: 42 }).adapter;
      const b = setup({ seed: 42 }).adapter;
      const c = setup({ seed: 43 }).adapter;
      const [ca, cb, cc] = [await a.getCaptcha(), await b.getCaptcha(), await c.getCaptcha()];
      // The spoken code is a function made per challenge (it speaks on first use): equal by what it says.
      const { audio: audioA, ...pictureA } = ca;
      const { audio: audioB, ...pictureB } = cb;
      expect(pictureB).to.deep.equal(pictureA);
      expect(typeof audioA === 'function' && typeof audioB === 'function', 'both spoken').to.equal(true);
      expect(answerOf(b, cb)).to.equal(answerOf(a, ca));
      expect(cc.id).not.to.equal(ca.id);

      await a.register(input(ca, answerOf(a, ca)));
      await b.register(input(cb, answerOf(b, cb)));
      expect(b.outbox[0].token).to.equal(a.outbox[0].token);
    });
  });

  describe('when the captcha picture is shown', () => {
    it('is an image a browser can decode, 160 × 56', async () => {
      const { adapter } = setup();
      const img = new Image();
      img.src = (await adapter.getCaptcha()).image;
      await img.decode();
      expect(img.naturalWidth).to.equal(160);
      expect(img.naturalHeight).to.equal(56);
    });

    it('draws each character on its own and never spells the answer in its source', async () => {
      for (let seed = 1; seed <= 30; seed++) {
        const { adapter } = setup({ seed });
        const captcha = await adapter.getCaptcha();
        const answer = answerOf(adapter, captcha);
        const svg = svgSource(captcha);
        expect(svg).not.to.include(answer);
        const glyphs = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
        expect(glyphs).to.have.length(answer.length);
        expect([...glyphs].sort()).to.deep.equal([...answer].sort());
        expect(svg.replace(/<[^>]*>/g, '')).not.to.include(answer);
      }
    });

    it('renders something visible: the picture is not blank', async () => {
      const { adapter } = setup({ seed: 7 });
      const img = new Image();
      img.src = (await adapter.getCaptcha()).image;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 56;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(0, 0, 160, 56);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 300) dark++;
      // Glyph strokes cover a good share of the picture; noise alone does not.
      expect(dark).to.be.above(400);
    });
  });

  describe('when the address is already registered', () => {
    it('rejects email_taken on the email field, ignoring case and surrounding spaces', async () => {
      const { adapter } = setup();
      await registerUser(adapter, { email: 'Maria.Ivanova@Example.com' });
      const error = await adapterError(registerUser(adapter, { email: ' maria.IVANOVA@example.COM  ' }), 'email_taken');
      expect(error.field).to.equal('email');
      expect(adapter.outbox).to.have.length(1);
      expect(adapter.getUser('maria.ivanova@example.com')?.email).to.equal('Maria.Ivanova@Example.com');
    });
  });

  describe('when server-side validation fails', () => {
    it('rejects validation with fieldErrors, creates nothing and uses up the captcha', async () => {
      const seen: RegisterInput[] = [];
      const { adapter } = setup({
        validate: (value) => {
          seen.push(value);
          return value.firstName.trim() ? undefined : { firstName: 'required', lastName: 'too_short' };
        },
      });
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      const error = await adapterError(adapter.register(input(captcha, answer, { firstName: ' ' })), 'validation');
      expect(error.fieldErrors).to.deep.equal({ firstName: 'required', lastName: 'too_short' });
      expect(error.field).to.equal('firstName');
      expect(adapter.getUser('maria.ivanova@example.com')).to.equal(undefined);
      expect(adapter.outbox).to.have.length(0);
      await adapterError(adapter.register(input(captcha, answer)), 'captcha_invalid');

      await registerUser(adapter);
      expect(seen).to.have.length(2);
      expect(adapter.outbox).to.have.length(1);
    });

    it('checks the captcha before validation', async () => {
      const { adapter } = setup({ validate: () => ({ email: 'invalid' }) });
      const captcha = await adapter.getCaptcha();
      await adapterError(adapter.register(input(captcha, 'wrong')), 'captcha_invalid');
    });
  });

  describe('when the activation letter is asked for again', () => {
    it('rate-limits per address with retryAfter in whole seconds, then sends a new token that voids the old', async () => {
      const { adapter, advance } = setup({ resendCooldownMs: 60_000 });
      await registerUser(adapter);
      const first = adapter.outbox[0];

      // Registering does not start the limit (that would tell a fresh registration from an unknown address).
      await adapter.resendActivation('maria.ivanova@example.com');
      expect(adapter.outbox).to.have.length(2);
      const early = await adapterError(adapter.resendActivation('maria.ivanova@example.com'), 'rate_limited');
      expect(early.retryAfter).to.equal(60);
      advance(30_500);
      const later = await adapterError(adapter.resendActivation('Maria.Ivanova@Example.com'), 'rate_limited');
      expect(later.retryAfter).to.equal(30);
      expect(adapter.outbox).to.have.length(2);

      advance(29_500);
      await adapter.resendActivation('MARIA.IVANOVA@example.com');
      expect(adapter.outbox).to.have.length(3);
      const second = adapter.outbox[2];
      expect(second.to).to.equal('Maria.Ivanova@Example.com');
      expect(second.token).not.to.equal(first.token);
      await adapterError(adapter.resendActivation('maria.ivanova@example.com'), 'rate_limited');

      await adapterError(adapter.activate(first.token), 'token_invalid');
      await adapter.activate(second.token);
      expect(adapter.getUser('maria.ivanova@example.com')?.status).to.equal('active');
    });

    it('resolves without a letter for unknown and already active addresses', async () => {
      const { adapter, advance } = setup();
      await adapter.resendActivation('nobody@example.com');
      expect(adapter.outbox).to.have.length(0);

      await registerUser(adapter);
      await adapter.activate(adapter.outbox[0].token);
      advance(60_000);
      await adapter.resendActivation('maria.ivanova@example.com');
      expect(adapter.outbox).to.have.length(1);
    });

    it('limits unknown addresses the same way, so the answer reveals nothing', async () => {
      const { adapter } = setup();
      await adapter.resendActivation('nobody@example.com');
      const error = await adapterError(adapter.resendActivation('nobody@example.com'), 'rate_limited');
      expect(error.retryAfter).to.equal(60);
    });
  });

  describe('when the activation link is used', () => {
    it('rejects an unknown token with token_invalid', async () => {
      const { adapter } = setup();
      await adapterError(adapter.activate('no-such-token'), 'token_invalid');
      await adapterError(adapter.activate(''), 'token_invalid');
    });

    it('rejects an expired token with token_expired and keeps the profile pending', async () => {
      const { adapter, advance } = setup({ tokenTtlMs: 60 * 60 * 1000 });
      await registerUser(adapter);
      advance(60 * 60 * 1000);
      await adapterError(adapter.activate(adapter.outbox[0].token), 'token_expired');
      expect(adapter.getUser('maria.ivanova@example.com')?.status).to.equal('pending');

      await adapter.resendActivation('maria.ivanova@example.com');
      await adapter.activate(adapter.outbox[1].token);
    });

    it('answers already_active for a used link even after it has expired', async () => {
      const { adapter, advance } = setup();
      await registerUser(adapter);
      await adapter.activate(adapter.outbox[0].token);
      advance(48 * 60 * 60 * 1000);
      await adapterError(adapter.activate(adapter.outbox[0].token), 'already_active');
    });
  });

  describe('when a failure is injected', () => {
    it('fails only the named method, the given number of times, before any state change', async () => {
      const { adapter } = setup();
      adapter.failNext('network', { method: 'register', times: 2 });
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      await adapterError(adapter.register(input(captcha, answer)), 'network');
      await adapterError(adapter.register(input(captcha, answer)), 'network');
      expect(adapter.debugCaptchaAnswer(captcha.id)).to.equal(answer);
      await adapter.register(input(captcha, answer));
      expect(adapter.outbox).to.have.length(1);
    });

    it('fails the next call of any method when no method is named, with useful defaults', async () => {
      const { adapter } = setup({ resendCooldownMs: 90_000 });
      adapter.failNext('rate_limited');
      const limited = await adapterError(adapter.getCaptcha(), 'rate_limited');
      expect(limited.retryAfter).to.equal(90);
      await adapter.getCaptcha();

      adapter.failNext('email_taken', { method: 'register' });
      adapter.failNext('rate_limited', { method: 'resendActivation', retryAfter: 5 });
      adapter.failNext('validation', { method: 'register', fieldErrors: { email: 'invalid' } });
      expect((await adapterError(adapter.resendActivation('x@example.com'), 'rate_limited')).retryAfter).to.equal(5);
      expect((await adapterError(registerUser(adapter), 'email_taken')).field).to.equal('email');
      const validation = await adapterError(registerUser(adapter), 'validation');
      expect(validation.fieldErrors).to.deep.equal({ email: 'invalid' });
      await registerUser(adapter);
    });

    it('clears faults, users, captchas and letters on reset()', async () => {
      const { adapter } = setup();
      await registerUser(adapter);
      const captcha = await adapter.getCaptcha();
      adapter.failNext('server', { times: 5 });
      adapter.reset();
      expect(adapter.outbox).to.have.length(0);
      expect(adapter.getUser('maria.ivanova@example.com')).to.equal(undefined);
      expect(adapter.debugCaptchaAnswer(captcha.id)).to.equal(undefined);
      await registerUser(adapter);
      expect(adapter.outbox).to.have.length(1);
    });
  });

  describe('when a call is aborted', () => {
    it('rejects with an AbortError during the latency and changes nothing', async () => {
      const { adapter } = setup({ latency: 200 });
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      const controller = new AbortController();
      const pending = adapter.register(input(captcha, answer), { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      const started = performance.now();
      const error = await rejection(pending);
      expect(performance.now() - started).to.be.below(150);
      expect(error).to.be.instanceOf(DOMException);
      expect((error as DOMException).name).to.equal('AbortError');

      expect(adapter.debugCaptchaAnswer(captcha.id)).to.equal(answer);
      expect(adapter.getUser('maria.ivanova@example.com')).to.equal(undefined);
      expect(adapter.outbox).to.have.length(0);
      await adapter.register(input(captcha, answer));
      expect(adapter.outbox).to.have.length(1);
    });

    it('rejects at once with the reason of an already aborted signal', async () => {
      const { adapter } = setup({ latency: [20, 40] });
      const reason = new Error('left the page');
      const error = await rejection(adapter.getCaptcha({ signal: AbortSignal.abort(reason) }));
      expect(error).to.equal(reason);
    });

    it('keeps an injected fault for the next call that is not aborted', async () => {
      const { adapter } = setup({ latency: 100 });
      adapter.failNext('server');
      const controller = new AbortController();
      const pending = adapter.getCaptcha({ signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)) as DOMException).to.have.property('name', 'AbortError');
      await adapterError(adapter.getCaptcha(), 'server');
    });

    it('waits within the latency range', async () => {
      const { adapter } = setup({ latency: [30, 50] });
      const started = performance.now();
      await adapter.getCaptcha();
      expect(performance.now() - started).to.be.at.least(29);
    });
  });

  describe('when it stores a password', () => {
    const OTHER = 'Maria.Petrova@Example.com';

    /** Two profiles with one and the same password, and what the adapter then keeps. */
    async function twoUsersOnePassword(password = PASSWORD) {
      const { adapter } = setup();
      await registerUser(adapter, { password });
      await registerUser(adapter, { email: OTHER, password });
      const state = adapter.debugState();
      const record = (email: string) => {
        const user = state.users.find((u) => u.email === email);
        if (!user) throw new Error(`no stored profile for ${email}`);
        return user.password;
      };
      return { adapter, state, first: record('Maria.Ivanova@Example.com'), second: record(OTHER) };
    }

    it('gives two profiles with the same password different salts and different hashes', async () => {
      const { first, second } = await twoUsersOnePassword();
      expect(first.salt).to.have.length(16);
      expect(second.salt).to.have.length(16);
      expect(hex(first.salt)).not.to.equal(hex(second.salt));
      expect(first.hash).to.have.length(32);
      expect(hex(first.hash)).not.to.equal(hex(second.hash));
    });

    it('keeps PBKDF2-HMAC-SHA-256 of the password with that salt, at least 100 000 iterations', async () => {
      const { first } = await twoUsersOnePassword();
      expect(first.algorithm).to.equal('PBKDF2-SHA-256');
      expect(first.iterations).to.be.at.least(100_000);
      // Derived here with WebCrypto, from the definition, not with the adapter's code.
      const key = await crypto.subtle.importKey('raw', utf8(PASSWORD), 'PBKDF2', false, ['deriveBits']);
      const salt = first.salt as Uint8Array<ArrayBuffer>;
      const params = { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: first.iterations };
      const expected = new Uint8Array(await crypto.subtle.deriveBits(params, key, 256));
      expect(hex(first.hash)).to.equal(hex(expected));
    });

    it('keeps no unsalted digest of the password', async () => {
      const { state } = await twoUsersOnePassword();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(PASSWORD)));
      const forms = [hex(digest), hex(digest).toUpperCase(), base64(digest), base64(digest).replace(/=+$/, '')];
      for (const [path, value] of storedValues(state)) {
        for (const text of readings(value)) {
          for (const form of forms) expect(text.includes(form), `${path} holds SHA-256(password)`).to.equal(false);
        }
        if (value instanceof Uint8Array) {
          expect(includesBytes(value, digest), `${path} holds SHA-256(password)`).to.equal(false);
        }
      }
    });

    it('keeps the password in no stored value, in no encoding', async () => {
      // Two passwords: one ASCII, one that UTF-8 and UTF-16 spell differently.
      for (const password of [PASSWORD, 'Пароль-2025-ёж']) {
        const { state } = await twoUsersOnePassword(password);
        const bytes = utf8(password);
        const forms = [
          password,
          password.toLowerCase(),
          encodeURIComponent(password),
          hex(bytes),
          hex(bytes).toUpperCase(),
          base64(bytes).replace(/=+$/, ''),
          base64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'),
        ];
        let seen = 0;
        for (const [path, value] of storedValues(state)) {
          seen++;
          for (const text of readings(value)) {
            for (const form of forms) expect(text.includes(form), `${path} holds the password`).to.equal(false);
          }
          if (value instanceof Uint8Array) {
            expect(includesBytes(value, bytes), `${path} holds the password's bytes`).to.equal(false);
            expect(includesBytes(value, utf16(password)), `${path} holds the password's UTF-16`).to.equal(false);
          }
        }
        // The walk reached the stored records, hashes included (it is not looking at an empty object).
        expect(seen).to.be.above(20);
      }
    });

    it('verifies the right password and no other', async () => {
      const { first, second } = await twoUsersOnePassword();
      expect(await verifyPassword(first, PASSWORD)).to.equal(true);
      expect(await verifyPassword(second, PASSWORD)).to.equal(true);
      for (const wrong of ['', 'tr0ub4dor&3-horse', `${PASSWORD} `, PASSWORD.slice(0, -1), 'Tr0ub4dor&3-hors3']) {
        expect(await verifyPassword(first, wrong), JSON.stringify(wrong)).to.equal(false);
      }
      // One profile's record does not accept another's salt.
      expect(await verifyPassword({ ...first, salt: second.salt }, PASSWORD)).to.equal(false);
    });

    it('shows no password data in what it hands out: results, letters, events, getUser', async () => {
      const events: string[] = [];
      const { adapter } = setup({ onLetter: (letter) => events.push(JSON.stringify(letter)) });
      adapter.addEventListener('letter', (event) => events.push(JSON.stringify(event.detail)));
      const result = await registerUser(adapter);
      const user = adapter.getUser('maria.ivanova@example.com');
      const activated = await adapter.activate(adapter.outbox[0].token);
      const exposed = [adapter.outbox, user, result, activated, ...events].map((v) =>
        typeof v === 'string' ? v : JSON.stringify(v),
      );
      expect(events).to.have.length(2);
      for (const text of exposed) {
        expect(text).not.to.include(PASSWORD);
        expect(text.toLowerCase()).not.to.include('password');
        expect(text).not.to.include('salt');
      }
    });

    it('refuses to register, changing nothing, where crypto.subtle is missing (an insecure page)', async () => {
      const { adapter } = setup();
      const captcha = await adapter.getCaptcha();
      const answer = answerOf(adapter, captcha);
      const errors: unknown[][] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      Object.defineProperty(crypto, 'subtle', { value: undefined, configurable: true });
      try {
        expect(crypto.subtle).to.equal(undefined);
        const error = await adapterError(adapter.register(input(captcha, answer)), 'server');
        expect(error.message).to.include('secure context');
        await adapterError(adapter.register(input(captcha, answer)), 'server');
      } finally {
        Reflect.deleteProperty(crypto, 'subtle');
        console.error = original;
      }
      expect(crypto.subtle).not.to.equal(undefined);
      expect(errors, 'one console error per adapter').to.have.length(1);
      expect(String(errors[0][0])).to.include('crypto.subtle');
      expect(adapter.getUser('maria.ivanova@example.com')).to.equal(undefined);
      expect(adapter.debugCaptchaAnswer(captcha.id)).to.equal(answer);
      await adapter.register(input(captcha, answer));
      expect(adapter.outbox).to.have.length(1);
    });
  });
});
