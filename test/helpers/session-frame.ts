// The page script of session-frame.html: a second "tab" for the session tests. It subscribes to its own
// session store at once (so its channel is open) and records what it hears; with `namespace`, it shows an
// <ae-user-menu> on an HttpAdapter of the contract server (the cookie jar is the test page's).
import * as store from '../../src/session/session-store.js';
import { setSessionChannelName } from '../../src/session/session-channel.js';
import type { SessionSnapshot } from '../../src/session/session-store.js';
import type { AeUserMenu } from '../../src/components/user-menu/user-menu.js';
import type { AuthFixtures } from '../server/auth-fixtures.js';

export interface SessionFrame {
  /** Resolves when the frame is set up (the user menu connected, if any). */
  ready: Promise<void>;
  store: typeof store;
  /** Every snapshot this frame's store announced to its subscriber, oldest first. */
  heard: SessionSnapshot[];
  /** `ae-session-change` details fired on this frame's document. */
  events: { signedIn: boolean; userId?: string }[];
  menu?: AeUserMenu;
  fixtures?: AuthFixtures;
}

const params = new URLSearchParams(location.search);
if (params.get('fallback') === 'storage') Reflect.deleteProperty(window, 'BroadcastChannel');
const channel = params.get('channel');
if (!channel) throw new Error('session-frame.html needs ?channel=');
setSessionChannelName(channel);

const frame: SessionFrame = { ready: Promise.resolve(), store, heard: [], events: [] };
document.addEventListener('ae-session-change', (e) => frame.events.push({ ...e.detail }));
store.subscribeSession((s) => frame.heard.push(s));

const namespace = params.get('namespace');
frame.ready = (async () => {
  if (!namespace) return;
  const { authFixtures } = await import('../server/auth-fixtures.js');
  await import('../../src/define/ae-user-menu.js');
  frame.fixtures = await authFixtures(namespace);
  const menu = document.createElement('ae-user-menu');
  menu.adapter = frame.fixtures.adapter();
  document.body.append(menu);
  frame.menu = menu;
  await menu.updateComplete;
})();

(window as Window & { sessionFrame?: SessionFrame }).sessionFrame = frame;
