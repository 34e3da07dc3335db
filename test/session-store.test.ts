import { expect, waitUntil } from '@open-wc/testing';
import type { SessionSnapshot } from '../src/session/session-store.js';
import { AdapterError } from '../src/adapter/adapter-error.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { CallOptions, Session, SessionCapability } from '../src/adapter/types.js';
import { adapterError, rejection } from './helpers/adapter.js';
import { frameWindow, openFrame } from './helpers/frames.js';
import type { SessionFrame } from './helpers/session-frame.js';

// The one session store of a page (src/session/session-store.ts), alone: its snapshot, its one request, its
// event on document, its subscribers, and the other tabs (a same-origin frame has its own module instances, so
// its own store, and shares BroadcastChannel and localStorage with this page).

// Every BroadcastChannel this page opens, closes and posts on (the store opens its channel lazily).
const opened: BroadcastChannel[] = [];
const closed = new Set<BroadcastChannel>();
const posted: { name: string; data: unknown }[] = [];
const Native = BroadcastChannel;
class RecordingChannel extends Native {
  constructor(name: string) {
    super(name);
    opened.push(this);
  }
  override postMessage(data: unknown): void {
    posted.push({ name: this.name, data });
    super.postMessage(data);
  }
  override close(): void {
    closed.add(this);
    super.close();
  }
}
window.BroadcastChannel = RecordingChannel;
const openChannels = () => opened.filter((c) => !closed.has(c));

// Imported only now, so that a channel opened on import would be one of ours, and counted.
const { getSessionSnapshot, refreshSession, resetSessionStoreForTests, setSession, signOut, subscribeSession } = await import(
  '../src/session/session-store.js'
);
const { getSessionChannelName, setSessionChannelName } = await import('../src/session/session-channel.js');
const DEFAULT_CHANNEL = getSessionChannelName();

// The test pages of a run are tabs of one origin: a channel of this file's own keeps theirs out.
const CHANNEL = `ae-test:session-store:${Math.random().toString(36).slice(2)}`;

const MARIA: Session = { userId: 'u-maria', email: 'maria@example.com', firstName: 'Maria', lastName: 'Ivanova' };
const IVAN: Session = { userId: 'u-ivan', email: 'ivan@example.com', firstName: 'Ivan', lastName: 'Petrov' };
const CAPTCHA = 'Ab3dE';
const PASSWORD = 'Sekret-2026';

/** A MemoryAdapter where Maria registered, activated her profile and signed in; and her session. */
async function signedInAdapter(): Promise<{ adapter: MemoryAdapter; session: Session }> {
  const adapter = new MemoryAdapter({ latency: 0, captchaAnswer: CAPTCHA });
  const captcha = await adapter.getCaptcha();
  await adapter.register({ ...MARIA, password: PASSWORD, captcha: { id: captcha.id, answer: CAPTCHA } });
  await adapter.activate(adapter.outbox[adapter.outbox.length - 1]!.token);
  const session = await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false });
  return { adapter, session };
}

/** A session adapter whose every `getSession` waits until the test answers it; counts the calls. */
function gatedAdapter() {
  const pending: { resolve: (s: Session | null) => void; reject: (e: unknown) => void; signal?: AbortSignal }[] = [];
  const calls = { getSession: 0, signOut: 0 };
  const adapter: SessionCapability = {
    getSession(o?: CallOptions) {
      calls.getSession++;
      return new Promise<Session | null>((resolve, reject) => {
        const entry = { resolve, reject, signal: o?.signal };
        pending.push(entry);
        o?.signal?.addEventListener('abort', () => reject(o.signal?.reason), { once: true });
      });
    },
    async signOut() {
      calls.signOut++;
    },
  };
  return {
    adapter,
    calls,
    pending,
    /** Answers the oldest waiting call. */
    answer(s: Session | null) {
      const next = pending.shift();
      if (!next) throw new Error('no getSession call is waiting');
      next.resolve(s);
    },
    fail(e: unknown) {
      const next = pending.shift();
      if (!next) throw new Error('no getSession call is waiting');
      next.reject(e);
    },
  };
}

/** Counts a real adapter's session calls. */
function counting(base: SessionCapability) {
  const calls = { getSession: 0, signOut: 0 };
  const adapter: SessionCapability = {
    getSession: (o) => {
      calls.getSession++;
      return base.getSession(o);
    },
    signOut: (o) => {
      calls.signOut++;
      return base.signOut(o);
    },
  };
  return { adapter, calls };
}

const status = () => getSessionSnapshot().status;
const userOf = (s: SessionSnapshot) => (s.status === 'signed-in' ? s.session.userId : s.status);

/** `ae-session-change` details on document, in order. */
let changes: { signedIn: boolean; userId?: string; keys: string; bubbles: boolean; onDocument: boolean }[] = [];
const onChange = (e: Event) => {
  const ce = e as CustomEvent<{ signedIn: boolean; userId?: string }>;
  changes.push({
    ...ce.detail,
    keys: Object.keys(ce.detail).sort().join(','),
    bubbles: ce.bubbles,
    onDocument: ce.target === document,
  });
};

/** Subscriptions made by a test, ended after it. */
let unsubscribers: (() => void)[] = [];
function subscribe(): SessionSnapshot[] {
  const heard: SessionSnapshot[] = [];
  unsubscribers.push(subscribeSession((s) => heard.push(s)));
  return heard;
}

before(() => setSessionChannelName(CHANNEL));
beforeEach(() => {
  changes = [];
  document.addEventListener('ae-session-change', onChange);
});
afterEach(() => {
  document.removeEventListener('ae-session-change', onChange);
  for (const u of unsubscribers) u();
  unsubscribers = [];
  resetSessionStoreForTests();
});

describe('the session store', () => {
  describe('before anybody asked', () => {
    it("is 'unknown' and opens no channel", () => {
      expect(status()).to.equal('unknown');
      expect(opened.length, 'a channel opened on import').to.equal(0);
    });
  });

  describe('when an element asks the adapter (refreshSession)', () => {
    it("goes from 'unknown' to what the adapter says, tells each subscriber once and fires ae-session-change", async () => {
      const { adapter, session } = await signedInAdapter();
      const heard = subscribe();
      const snapshot = await refreshSession(adapter);
      expect(snapshot.status).to.equal('signed-in');
      expect(snapshot === getSessionSnapshot(), 'resolves with the stored snapshot').to.equal(true);
      expect(snapshot.status === 'signed-in' && snapshot.session.firstName).to.equal('Maria');
      expect(heard.map(userOf)).to.deep.equal([session.userId]);
      expect(changes.map((c) => `${c.signedIn}:${c.userId}`)).to.deep.equal([`true:${session.userId}`]);
      // The same answer again changes nothing.
      await refreshSession(adapter);
      expect(heard).to.have.length(1);
      expect(changes).to.have.length(1);
      await adapter.signOut();
      await refreshSession(adapter);
      expect(heard.map(userOf)).to.deep.equal([session.userId, 'signed-out']);
      expect(changes.map((c) => c.signedIn)).to.deep.equal([true, false]);
    });

    it('sends one request for calls made while one is under way, and all of them get its answer', async () => {
      const gate = gatedAdapter();
      const calls = [refreshSession(gate.adapter), refreshSession(gate.adapter), refreshSession(gate.adapter)];
      expect(gate.calls.getSession).to.equal(1);
      gate.answer(MARIA);
      const results = await Promise.all(calls);
      expect(results.map(userOf)).to.deep.equal(['u-maria', 'u-maria', 'u-maria']);
      // Once answered, the next call asks again.
      const again = refreshSession(gate.adapter);
      expect(gate.calls.getSession).to.equal(2);
      gate.answer(null);
      expect(userOf(await again)).to.equal('signed-out');
    });

    it('keeps the snapshot when the adapter fails, and rejects with its error', async () => {
      const gate = gatedAdapter();
      setSession(MARIA);
      const heard = subscribe();
      changes = [];
      const call = refreshSession(gate.adapter);
      gate.fail(new AdapterError('network', 'offline'));
      await adapterError(call, 'network');
      expect(userOf(getSessionSnapshot())).to.equal('u-maria');
      expect(heard, 'nobody was told of a change').to.have.length(0);
      expect(changes).to.have.length(0);
    });

    it("rejects with 'unsupported' for an adapter without getSession, and the snapshot stays", async () => {
      const noSession = { signIn: async () => MARIA } as unknown as SessionCapability;
      await adapterError(refreshSession(noSession), 'unsupported');
      expect(status()).to.equal('unknown');
      await adapterError(signOut(noSession), 'unsupported');
    });

    it('keeps only the four fields of a Session, whatever else an adapter answered', async () => {
      const leaky: SessionCapability = {
        getSession: async () => ({ ...MARIA, token: 'bearer-XYZ-123', password: PASSWORD }) as Session,
        signOut: async () => undefined,
      };
      const s = await refreshSession(leaky);
      expect(s.status === 'signed-in' && Object.keys(s.session).sort().join(',')).to.equal('email,firstName,lastName,userId');
      expect(JSON.stringify(getSessionSnapshot())).not.to.contain('bearer-XYZ-123');
      expect(Object.isFrozen(s) && s.status === 'signed-in' && Object.isFrozen(s.session), 'frozen').to.equal(true);
    });

    it('drops an answer that was under way when an element signed in (the older answer does not undo it)', async () => {
      const gate = gatedAdapter();
      const call = refreshSession(gate.adapter);
      setSession(MARIA);
      gate.answer(null); // what the server said before the sign-in
      expect(userOf(await call), 'the call resolves with what the store knows').to.equal('u-maria');
      expect(userOf(getSessionSnapshot())).to.equal('u-maria');
      // A call after the sign-in does not join the stale request.
      const fresh = refreshSession(gate.adapter);
      expect(gate.calls.getSession).to.equal(2);
      gate.answer(MARIA);
      await fresh;
    });

    it("rejects an aborted caller at once, lets the others wait, and aborts the request when every caller gave up", async () => {
      const gate = gatedAdapter();
      const a = new AbortController();
      const b = new AbortController();
      const first = refreshSession(gate.adapter, { signal: a.signal });
      const second = refreshSession(gate.adapter, { signal: b.signal });
      a.abort();
      expect(((await rejection(first)) as Error).name).to.equal('AbortError');
      expect(gate.pending[0]!.signal!.aborted, 'still running for the second caller').to.equal(false);
      b.abort();
      expect(((await rejection(second)) as Error).name).to.equal('AbortError');
      expect(gate.pending[0]!.signal!.aborted, 'nobody waits: the call is aborted').to.equal(true);
      expect(status()).to.equal('unknown');
      // An already aborted signal does not even ask.
      const c = new AbortController();
      c.abort();
      await rejection(refreshSession(gate.adapter, { signal: c.signal }));
      expect(gate.calls.getSession).to.equal(1);
    });
  });

  describe('when an element signs in or out (setSession, signOut)', () => {
    it('tells every subscriber, and fires ae-session-change on document with { signedIn, userId } only', () => {
      const one = subscribe();
      const two = subscribe();
      setSession(MARIA);
      expect(one.map(userOf)).to.deep.equal(['u-maria']);
      expect(two.map(userOf)).to.deep.equal(['u-maria']);
      setSession(null);
      expect(one.map(userOf)).to.deep.equal(['u-maria', 'signed-out']);
      expect(changes.map((c) => c.keys)).to.deep.equal(['signedIn,userId', 'signedIn']);
      expect(changes.every((c) => c.onDocument && c.bubbles)).to.equal(true);
      const text = JSON.stringify(changes);
      for (const secret of [MARIA.email, MARIA.firstName, MARIA.lastName]) expect(text).not.to.contain(secret);
    });

    it('does not call a new subscriber with the current value, and an unsubscribed one hears nothing more', () => {
      setSession(MARIA);
      const heard: SessionSnapshot[] = [];
      const unsubscribe = subscribeSession((s) => heard.push(s));
      expect(heard).to.have.length(0);
      setSession(IVAN);
      unsubscribe();
      unsubscribe(); // twice is harmless
      setSession(null);
      expect(heard.map(userOf)).to.deep.equal(['u-ivan']);
    });

    it('keeps telling the others when one subscriber throws', () => {
      const errors: unknown[] = [];
      // The error is reported (window 'error'), not thrown at the caller: held here, away from mocha's handler.
      const mochaHandler = window.onerror;
      window.onerror = (_m, _s, _l, _c, error) => {
        errors.push(error);
        return true;
      };
      try {
        unsubscribers.push(
          subscribeSession(() => {
            throw new Error('a broken subscriber');
          }),
        );
        const heard = subscribe();
        setSession(MARIA);
        expect(heard.map(userOf)).to.deep.equal(['u-maria']);
        expect(errors.map((e) => (e as Error).message)).to.deep.equal(['a broken subscriber']);
      } finally {
        window.onerror = mochaHandler;
      }
    });

    it('signOut asks the adapter, then the store is signed out; a failed sign-out keeps the session', async () => {
      const { adapter, session } = await signedInAdapter();
      const counted = counting(adapter);
      await refreshSession(counted.adapter);
      const failing: SessionCapability = {
        getSession: (o) => adapter.getSession(o),
        signOut: async () => {
          throw new AdapterError('server', 'down');
        },
      };
      await adapterError(signOut(failing), 'server');
      expect(userOf(getSessionSnapshot())).to.equal(session.userId);
      await signOut(counted.adapter);
      expect(counted.calls.signOut).to.equal(1);
      expect(status()).to.equal('signed-out');
      expect(await adapter.getSession(), 'the adapter ended its session').to.equal(null);
      expect(changes.map((c) => c.signedIn)).to.deep.equal([true, false]);
    });
  });

  describe('the channel to the other tabs', () => {
    it('is named ae-auth-elements:session unless told otherwise', () => {
      setSessionChannelName(DEFAULT_CHANNEL);
      try {
        // Opening only: this test posts nothing where the other test pages of the run would hear it.
        const unsubscribe = subscribeSession(() => undefined);
        expect(openChannels().map((c) => c.name)).to.deep.equal(['ae-auth-elements:session']);
        unsubscribe();
      } finally {
        setSessionChannelName(CHANNEL);
      }
    });

    it('opens with the first subscriber, stays one channel, and closes when the last one leaves', () => {
      const before = opened.length;
      expect(openChannels()).to.have.length(0);
      const a = subscribeSession(() => undefined);
      const b = subscribeSession(() => undefined);
      expect(opened.length - before).to.equal(1);
      a();
      expect(openChannels(), 'one subscriber is left').to.have.length(1);
      b();
      expect(openChannels(), 'no subscriber is left').to.have.length(0);
    });

    it('is opened for a setSession without subscribers, posts, and is closed again', () => {
      const before = posted.length;
      setSession(MARIA);
      expect(posted.slice(before).map((p) => p.name)).to.deep.equal([CHANNEL]);
      expect(openChannels()).to.have.length(0);
    });

    it('carries { signedIn, userId } only: no name, e-mail or token', () => {
      const before = posted.length;
      subscribe();
      setSession(MARIA);
      setSession(null);
      const sent = posted.slice(before).map((p) => p.data as Record<string, unknown>);
      expect(sent.map((d) => Object.keys(d).sort().join(','))).to.deep.equal(['signedIn,userId', 'signedIn']);
      expect(sent.map((d) => `${String(d.signedIn)}:${String(d.userId)}`)).to.deep.equal(['true:u-maria', 'false:undefined']);
    });
  });

  describe('when another tab of this origin signs in or out', () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => {
      frame?.remove();
      frame = undefined;
      window.BroadcastChannel = RecordingChannel;
    });

    async function secondTab(query = ''): Promise<SessionFrame> {
      frame = await openFrame(`/test/helpers/session-frame.html?channel=${encodeURIComponent(CHANNEL)}${query}`);
      const tab = frameWindow<{ sessionFrame: SessionFrame }>(frame).sessionFrame;
      await tab.ready;
      return tab;
    }

    it('a sign-out there is a sign-out here at once, with ae-session-change; our sign-out reaches it', async () => {
      const tab = await secondTab();
      const heard = subscribe();
      tab.store.setSession(null);
      await waitUntil(() => status() === 'signed-out', 'signed out here', { timeout: 2000 });
      setSession(MARIA);
      // The message names nobody and that tab has no adapter to ask: it no longer knows.
      await waitUntil(() => tab.store.getSessionSnapshot().status === 'unknown', 'the other tab heard it', { timeout: 2000 });
      tab.store.setSession(null);
      await waitUntil(() => status() === 'signed-out', 'signed out here again', { timeout: 2000 });
      expect(heard.map(userOf)).to.deep.equal(['signed-out', 'u-maria', 'signed-out']);
      expect(changes.map((c) => c.signedIn)).to.deep.equal([false, true, false]);
      setSession(MARIA);
      await waitUntil(() => tab.store.getSessionSnapshot().status === 'unknown', 'the other tab heard the sign-in', { timeout: 2000 });
      setSession(null);
      await waitUntil(() => tab.store.getSessionSnapshot().status === 'signed-out', 'the other tab heard the sign-out', {
        timeout: 2000,
      });
      expect(tab.events.map((e) => e.signedIn), "that tab's own ae-session-change").to.deep.equal([false, false, false]);
    });

    it('a sign-in there makes this tab ask its own adapter (the message proves nothing), and shows its answer', async () => {
      const { adapter, session } = await signedInAdapter();
      const counted = counting(adapter);
      await adapter.signOut();
      const heard = subscribe();
      await refreshSession(counted.adapter); // signed out; this adapter is the one to ask
      expect(counted.calls.getSession).to.equal(1);
      const tab = await secondTab();
      // Our adapter is signed out: the other tab's claim does not sign this one in.
      tab.store.setSession(session);
      await waitUntil(() => counted.calls.getSession === 2, 'asked the adapter', { timeout: 2000 });
      await new Promise((r) => setTimeout(r, 50));
      expect(status()).to.equal('signed-out');
      expect(heard.map(userOf), 'nothing changed').to.deep.equal(['signed-out']);
      // Signed in for real (as with a cookie both tabs share): the next message shows the person here.
      await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false });
      tab.store.setSession(session);
      await waitUntil(() => status() === 'signed-in', 'signed in here', { timeout: 2000 });
      expect(counted.calls.getSession).to.equal(3);
      const now = getSessionSnapshot();
      expect(now.status === 'signed-in' && now.session.firstName).to.equal('Maria');
      expect(changes.map((c) => c.signedIn)).to.deep.equal([false, true]);
    });

    it('without BroadcastChannel, goes through storage events and leaves nothing in localStorage', async () => {
      // This page without BroadcastChannel too (the store picks the line when it opens it).
      (window as { BroadcastChannel?: unknown }).BroadcastChannel = undefined;
      const tab = await secondTab('&fallback=storage');
      expect(typeof frameWindow<{ BroadcastChannel?: unknown }>(frame!).BroadcastChannel).to.equal('undefined');
      const before = opened.length;
      const heard = subscribe();
      tab.store.setSession(null);
      await waitUntil(() => status() === 'signed-out', 'their sign-out heard here', { timeout: 2000 });
      setSession(MARIA);
      await waitUntil(() => tab.store.getSessionSnapshot().status === 'unknown', 'our sign-in heard there', { timeout: 2000 });
      tab.store.setSession(null);
      await waitUntil(() => status() === 'signed-out', 'their second sign-out heard here', { timeout: 2000 });
      expect(heard.map(userOf)).to.deep.equal(['signed-out', 'u-maria', 'signed-out']);
      expect(opened.length, 'no BroadcastChannel').to.equal(before);
      expect(localStorage.getItem(CHANNEL), 'the message was removed').to.equal(null);
    });
  });
});
