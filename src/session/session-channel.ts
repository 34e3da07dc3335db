/**
 * The session store's line to the other tabs of this origin: a `BroadcastChannel`, or where there is none,
 * `storage` events of `localStorage` (a message is written and removed at once, so nothing stays stored).
 * A message says only whether someone is signed in and who (`userId`): never a name, an e-mail address or a
 * token, since every script of the origin can read it.
 */

/** What one tab tells the others. */
export interface SessionMessage {
  signedIn: boolean;
  userId?: string;
}

/** The name of the channel (and the `localStorage` key of the fallback). */
export const SESSION_CHANNEL_NAME = 'ae-auth-elements:session';

let channelName = SESSION_CHANNEL_NAME;

/**
 * Uses another channel name from the next opening of the channel on. For tests (each test page is a tab of
 * one origin, and pages running side by side would hear each other), and for two independent apps on one
 * origin whose sign-ins must not mix.
 * @internal
 */
export function setSessionChannelName(name: string): void {
  channelName = name;
}

/** The name the next channel opens with. @internal */
export function getSessionChannelName(): string {
  return channelName;
}

/** The message in `data` if it is one, else `undefined` (anything else on the channel is ignored). */
function messageOf(data: unknown): SessionMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { signedIn, userId } = data as { signedIn?: unknown; userId?: unknown };
  if (typeof signedIn !== 'boolean') return undefined;
  if (!signedIn) return { signedIn };
  return typeof userId === 'string' && userId.length > 0 && userId.length <= 200 ? { signedIn, userId } : { signedIn };
}

/** The only fields a message carries, whatever the caller passed. */
function wire(message: SessionMessage): SessionMessage {
  return message.signedIn && message.userId ? { signedIn: true, userId: message.userId } : { signedIn: message.signedIn };
}

export interface SessionChannel {
  post(message: SessionMessage): void;
  close(): void;
}

/** Opens the line to the other tabs; `onMessage` hears what they post (never what this tab posts). */
export function openSessionChannel(onMessage: (message: SessionMessage) => void): SessionChannel {
  const name = channelName;
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (e: MessageEvent) => {
      const message = messageOf(e.data);
      if (message) onMessage(message);
    };
    return {
      post: (message) => channel.postMessage(wire(message)),
      close: () => {
        channel.onmessage = null;
        channel.close();
      },
    };
  }
  return openStorageChannel(name, onMessage);
}

/** The fallback: a `storage` event fires in every other document of the origin that shares `localStorage`. */
function openStorageChannel(name: string, onMessage: (message: SessionMessage) => void): SessionChannel {
  let storage: Storage | undefined;
  try {
    storage = globalThis.localStorage;
  } catch {
    // Storage disabled (a sandboxed frame, strict privacy settings): this tab neither hears nor tells.
  }
  const onStorage = (e: StorageEvent) => {
    if (e.key !== name || e.newValue === null || (storage && e.storageArea !== storage)) return;
    let data: unknown;
    try {
      data = JSON.parse(e.newValue);
    } catch {
      return;
    }
    const message = messageOf(data);
    if (message) onMessage(message);
  };
  if (typeof addEventListener === 'function') addEventListener('storage', onStorage);
  return {
    post(message) {
      if (!storage) return;
      try {
        // A nonce makes every message a change of the value (the same message twice is still heard).
        storage.setItem(name, JSON.stringify({ ...wire(message), nonce: Math.random().toString(36).slice(2) }));
        storage.removeItem(name);
      } catch {
        // Full or disabled storage: the other tabs learn it at their next check.
      }
    },
    close() {
      if (typeof removeEventListener === 'function') removeEventListener('storage', onStorage);
    },
  };
}
