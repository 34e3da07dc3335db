/**
 * MemoryAdapter's `persistSession`: the session mirrored where a browser keeps a server's cookie, and what is
 * (never) in it.
 */
import { expect } from '@open-wc/testing';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';

const PASSWORD = 'Stored-nowhere-77';
const EMAIL = 'Maria.Ivanova@Example.com';
const KEY = `ae-test-session-${Math.random().toString(36).slice(2)}`;

function adapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ captchaAnswer: 'Ab3dE', persistSession: true, sessionStorageKey: KEY, ...options });
}

async function signedIn(a: MemoryAdapter, remember: boolean) {
  const captcha = await a.getCaptcha();
  await a.register({
    email: EMAIL,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: PASSWORD,
    captcha: { id: captcha.id, answer: 'Ab3dE' },
  });
  await a.activate(a.outbox[0].token);
  return a.signIn({ email: EMAIL, password: PASSWORD, remember });
}

/** Every key and value of both storages, as one text. */
function everythingStored(): string {
  const out: string[] = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      out.push(key, storage.getItem(key) ?? '');
    }
  }
  return out.join('\n');
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('MemoryAdapter with persistSession', () => {
  afterEach(() => {
    localStorage.removeItem(KEY);
    sessionStorage.removeItem(KEY);
  });

  it('"stay signed in" goes to localStorage, a browser session to sessionStorage; signOut removes it', async () => {
    const a = adapter();
    const session = await signedIn(a, true);
    const stored = JSON.parse(localStorage.getItem(KEY)!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).to.deep.equal(['expiresAt', 'sid', 'userId']);
    expect(stored.userId).to.equal(session.userId);
    expect(stored.sid).to.be.a('string').with.length.at.least(32);
    expect(sessionStorage.getItem(KEY)).to.equal(null);

    await a.signIn({ email: EMAIL, password: PASSWORD, remember: false });
    expect(localStorage.getItem(KEY), 'the remembered session ended with the new sign-in').to.equal(null);
    expect(JSON.parse(sessionStorage.getItem(KEY)!).userId).to.equal(session.userId);

    await a.signOut();
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('stores no password, no hash of it, no salt and no name', async () => {
    const a = adapter();
    await signedIn(a, true);
    const [user] = a.debugState().users;
    const text = everythingStored();
    const bytes = new TextEncoder().encode(PASSWORD);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const forbidden = [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      hex(bytes),
      base64(bytes).replace(/=+$/, ''),
      hex(digest),
      base64(digest).replace(/=+$/, ''),
      hex(user.password.hash),
      base64(user.password.hash).replace(/=+$/, ''),
      hex(user.password.salt),
      base64(user.password.salt).replace(/=+$/, ''),
      'Maria',
      'Ivanova',
    ];
    expect(text).to.include(KEY);
    for (const form of forbidden) expect(text.includes(form), `storage holds ${form}`).to.equal(false);
    expect(text.toLowerCase()).not.to.include('password');
  });

  it('does not survive a reload: a new adapter finds the entry, drops it, and is signed out', async () => {
    await signedIn(adapter(), true);
    expect(localStorage.getItem(KEY)).not.to.equal(null);
    const reloaded = adapter();
    expect(localStorage.getItem(KEY), 'the stale entry').to.equal(null);
    expect(await reloaded.getSession()).to.equal(null);
  });

  it('removes the entry when a reset with signOutOthers ends the session, and when the session expires', async () => {
    const a = adapter();
    await signedIn(a, false);
    await a.requestPasswordReset(EMAIL);
    const token = a.outbox.find((l) => l.kind === 'reset')!.token;
    await a.resetPassword({ token, password: 'Another-pass-88', signOutOthers: true });
    expect(sessionStorage.getItem(KEY)).to.equal(null);

    let time = Date.now();
    const b = adapter({ now: () => time, sessionTtlMs: 1000 });
    await signedIn(b, false);
    expect(sessionStorage.getItem(KEY)).not.to.equal(null);
    time += 1000;
    expect(await b.getSession()).to.equal(null);
    expect(sessionStorage.getItem(KEY)).to.equal(null);
  });

  it('writes nothing without persistSession, and a second device never writes', async () => {
    const before = everythingStored();
    const a = adapter({ persistSession: false });
    await signedIn(a, true);
    expect(everythingStored()).to.equal(before);

    const persisted = adapter();
    const phone = persisted.newDevice();
    await signedIn(phone, true);
    expect(everythingStored()).to.equal(before);
  });
});
