/**
 * The one session store of the page: who is signed in, as every element shows it. Elements read it
 * (`getSessionSnapshot`, `subscribeSession`, or `SessionController` in a Lit element), tell it what they did
 * (`setSession` after a sign-in, `signOut`), and ask the adapter when nobody knows yet (`refreshSession`).
 *
 * It never holds a session token: only the person as the elements may show them (`Session`: id, e-mail, names).
 * The session itself lives where the adapter keeps it (the server's HttpOnly cookie for `HttpAdapter`).
 *
 * Every change reaches the subscribers of this page and `ae-session-change` on `document`; a sign-in or
 * sign-out done here reaches the other tabs of this origin too (BroadcastChannel `ae-auth-elements:session`,
 * or `storage` events where there is none), as `{ signedIn, userId? }` only. A tab that hears:
 * - "signed out": is signed out at once (the server's session is gone for every tab sharing its cookie);
 * - "signed in as X" while it shows someone else or nobody: asks its adapter (the last one used in this tab)
 *   for the person, since a message names nobody and proves nothing; until the answer it shows what it showed.
 *   With no adapter used yet in this tab, it goes back to `unknown`, so that the next element asks.
 * The channel is open only while someone subscribes (and for the moment of a `setSession` otherwise): a tab
 * without a subscriber hears nothing, so a first subscriber after such a pause has the last adapter checked
 * again (the snapshot stays on screen meanwhile).
 */
import type { Session, SessionCapability } from '../adapter/types.js';
import { needCapability } from '../internal/need-capability.js';
import { AdapterError } from '../adapter/adapter-error.js';
import { AeSessionChangeEvent } from '../events/session-events.js';
import { openSessionChannel } from './session-channel.js';
import type { SessionChannel, SessionMessage } from './session-channel.js';

export type SessionSnapshot =
  | { status: 'unknown' } // not asked yet
  | { status: 'signed-out' }
  | { status: 'signed-in'; session: Session };

type Listener = (s: SessionSnapshot) => void;

const UNKNOWN: SessionSnapshot = Object.freeze({ status: 'unknown' });
const SIGNED_OUT: SessionSnapshot = Object.freeze({ status: 'signed-out' });

/** One `getSession` call, shared by the callers that asked while it ran. */
interface Request {
  adapter: SessionCapability;
  /** The {@link generation} it started in: an answer from before a later change is dropped. */
  generation: number;
  controller: AbortController;
  /** Callers still waiting; when the last one gives up (its signal aborts), the call is aborted. */
  waiters: number;
  done: Promise<void>;
}

let current: SessionSnapshot = UNKNOWN;
/** One entry per subscription (the same function subscribed twice is two subscriptions). */
const listeners = new Set<{ listener: Listener }>();
let channel: SessionChannel | undefined;
/** Grows with every change that makes an answer under way stale (a sign-in, a sign-out, another tab). */
let generation = 0;
/** The adapter last passed to `refreshSession` or `signOut`: the one asked when another tab signs in. */
let lastAdapter: SessionCapability | undefined;
const requests = new Map<SessionCapability, Request>();

/** What the store knows now. */
export function getSessionSnapshot(): SessionSnapshot {
  return current;
}

/** Called with every change (not with the current value); returns the unsubscribe function. */
export function subscribeSession(listener: (s: SessionSnapshot) => void): () => void {
  const entry = { listener };
  listeners.add(entry);
  if (!channel) {
    openChannel();
    // Nothing was heard while nobody listened: what is shown may be stale.
    if (current.status !== 'unknown' && lastAdapter) revalidate(lastAdapter);
  }
  return () => {
    if (!listeners.delete(entry)) return;
    if (listeners.size === 0) closeChannel();
  };
}

/** After an element signed in (session) or out (null): updates every subscriber, fires `ae-session-change` on document, tells the other tabs. */
export function setSession(session: Session | null): void {
  generation++;
  const next = session ? signedIn(session) : SIGNED_OUT;
  commit(next, true);
  const line = channel ?? openChannel();
  line.post(session ? { signedIn: true, userId: session.userId } : { signedIn: false });
  if (listeners.size === 0) closeChannel();
}

/** Asks the adapter once (concurrent calls share one request) and stores the answer; a failure leaves the snapshot as it was and rejects. */
export function refreshSession(adapter: SessionCapability, o?: { signal?: AbortSignal }): Promise<SessionSnapshot> {
  lastAdapter = adapter;
  const signal = o?.signal;
  if (signal?.aborted) return Promise.reject(signal.reason);
  let request = requests.get(adapter);
  if (!request || request.generation !== generation) request = startRequest(adapter);
  const r = request;
  r.waiters++;
  return new Promise<SessionSnapshot>((resolve, reject) => {
    let settled = false;
    const onAbort = () => {
      if (settled) return;
      settled = true;
      leave(r);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    r.done.then(
      () => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        resolve(current);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** adapter.signOut(), then setSession(null). */
export async function signOut(adapter: SessionCapability, o?: { signal?: AbortSignal }): Promise<void> {
  lastAdapter = adapter;
  const session = typeof adapter.signOut === 'function' ? adapter : await needCapability(adapter, 'session', 'signOut');
  await session.signOut(o?.signal ? { signal: o.signal } : undefined);
  setSession(null);
}

/**
 * Back to `unknown` with no adapter remembered, calls under way aborted; subscribers hear it. For tests.
 * @internal
 */
export function resetSessionStoreForTests(): void {
  generation++;
  lastAdapter = undefined;
  for (const r of requests.values()) r.controller.abort();
  requests.clear();
  commit(UNKNOWN, false);
}

// ---- internals --------------------------------------------------------------------------------------------

function startRequest(adapter: SessionCapability): Request {
  const controller = new AbortController();
  const r: Request = { adapter, generation, controller, waiters: 0, done: Promise.resolve() };
  r.done = (async () => {
    try {
      // The call starts in this task when the adapter has the method (needCapability loads the capability
      // table only for the 'unsupported' answer to an adapter that lacks it).
      const session =
        typeof adapter.getSession === 'function' ? adapter : await needCapability(adapter, 'session', 'getSession');
      const answer = await session.getSession({ signal: controller.signal });
      if (controller.signal.aborted || r.generation !== generation) return;
      const next = answer === null ? SIGNED_OUT : signedIn(checked(answer));
      commit(next, identity(current) !== identity(next));
    } finally {
      if (requests.get(adapter) === r) requests.delete(adapter);
    }
  })();
  r.done.catch(() => undefined);
  requests.set(adapter, r);
  return r;
}

/** A caller gave up; the last one to give up aborts the call. */
function leave(r: Request): void {
  r.waiters--;
  if (r.waiters > 0) return;
  r.controller.abort();
  if (requests.get(r.adapter) === r) requests.delete(r.adapter);
}

/** Asks in the background; a failure keeps what is shown. */
function revalidate(adapter: SessionCapability): void {
  refreshSession(adapter).catch(() => undefined);
}

/** What `getSession` answered, if it is a session. */
function checked(answer: unknown): Session {
  const s = answer as Partial<Session> | undefined;
  if (typeof s !== 'object' || s === null || typeof s.userId !== 'string' || s.userId === '') {
    throw new AdapterError('server', 'getSession() answered neither a session nor null');
  }
  return s as Session;
}

/** The person as the store keeps them: these four fields and nothing else an adapter may have added. */
function signedIn(session: Session): SessionSnapshot {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const copy: Session = Object.freeze({
    userId: text(session.userId),
    email: text(session.email),
    firstName: text(session.firstName),
    lastName: text(session.lastName),
  });
  return Object.freeze({ status: 'signed-in', session: copy });
}

/** Who is signed in, as `ae-session-change` tells it; `undefined` while unknown. */
function identity(s: SessionSnapshot): string | undefined {
  if (s.status === 'unknown') return undefined;
  return s.status === 'signed-in' ? `in:${s.session.userId}` : 'out';
}

function same(a: SessionSnapshot, b: SessionSnapshot): boolean {
  if (a.status !== b.status) return false;
  if (a.status !== 'signed-in' || b.status !== 'signed-in') return true;
  const x = a.session;
  const y = b.session;
  return x.userId === y.userId && x.email === y.email && x.firstName === y.firstName && x.lastName === y.lastName;
}

/** Stores `next`; subscribers hear it if it differs; `announce` fires `ae-session-change`. */
function commit(next: SessionSnapshot, announce: boolean): void {
  const changed = !same(current, next);
  current = next;
  if (changed) {
    for (const { listener } of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        // One broken subscriber does not keep the others from hearing it.
        report(error);
      }
    }
  }
  if (announce && next.status !== 'unknown' && typeof document !== 'undefined') {
    document.dispatchEvent(
      new AeSessionChangeEvent(next.status === 'signed-in' ? { signedIn: true, userId: next.session.userId } : { signedIn: false }),
    );
  }
}

function onMessage(message: SessionMessage): void {
  if (!message.signedIn) {
    if (current.status === 'signed-out') return;
    generation++;
    commit(SIGNED_OUT, true);
    return;
  }
  if (current.status === 'signed-in' && current.session.userId === message.userId) return;
  // An answer under way may be from before that sign-in: it is dropped, and the adapter asked again.
  generation++;
  if (lastAdapter) revalidate(lastAdapter);
  else commit(UNKNOWN, false);
}

function openChannel(): SessionChannel {
  channel = openSessionChannel(onMessage);
  return channel;
}

function closeChannel(): void {
  channel?.close();
  channel = undefined;
}

function report(error: unknown): void {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else setTimeout(() => {
    throw error;
  });
}
