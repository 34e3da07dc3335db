/**
 * The faults matrix (issue 19) for <ae-user-menu>: its two adapter calls, the session asked on arrival
 * (getSession, through the page's session store) and "Sign out" from its menu, each under every fault of
 * helpers/faults.ts (no connection, no answer in time, 500, 503, 429 with Retry-After, a broken body, the server's
 * clock three days off), removed in flight, and doubled (two menus arriving together ask once; a double click on
 * "Sign out" signs out once).
 */
import { waitUntil } from '@open-wc/testing';
import '../src/define/ae-user-menu.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { realClick } from './helpers/dom.js';
import { adapter, describeFaults, shadow, signedIn, text, type Case } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix-user-menu:${Math.random()}`);

const EVENTS = ['ae-user-menu-sign-in', 'ae-user-menu-register', 'ae-user-menu-account'];

/** A container in the page for the menus of one case; the previous case's goes first (its menus would ask too). */
function container(): HTMLElement {
  document.querySelector('#fm-user-menu')?.remove();
  const c = Object.assign(document.createElement('div'), { id: 'fm-user-menu' });
  document.body.append(c);
  return c;
}

/** An <ae-user-menu> that calls `on` (not yet in the page). */
function menuOn(on: unknown): HTMLElement {
  const el = document.createElement('ae-user-menu');
  (el as unknown as { adapter: unknown }).adapter = on;
  return el;
}

const CASES: Case[] = [
  {
    element: 'ae-user-menu',
    call: 'getSession (on arrival, through the session store)',
    path: 'session',
    sent: 'GET session',
    async prepare() {
      const c = container();
      // Signed in on the server (its cookie), but this page's store does not know yet: the menu asks.
      await signedIn('menu-session');
      resetSessionStoreForTests();
      const shared = adapter();
      const el = menuOn(shared);
      return {
        el,
        // The menu arrives on the page: its connect asks for the session.
        act: async () => {
          c.append(el);
        },
        retry: () => realClick(shadow(el, '[part=retry]')!),
        retryControl: () => shadow(el, '[part=retry]'),
        failure: () => (shadow(el, '[part=retry]') ? text(shadow(el, '[part=alert]')) : ''),
        typed: () => '',
        done: () => !!shadow(el, '[part=trigger]') && !shadow(el, '[part=retry]'),
        events: EVENTS,
        // Two menus of the page arriving together (a header and a side bar): one request for both.
        double: async () => {
          c.append(el, menuOn(shared));
        },
      };
    },
  },
  {
    element: 'ae-user-menu',
    call: 'signOut ("Sign out" in its menu)',
    path: 'sign-out',
    async prepare() {
      const c = container();
      await signedIn('menu-sign-out');
      const el = menuOn(adapter());
      c.append(el);
      await waitUntil(() => shadow(el, '[part=trigger]'), 'the signed-in menu', { timeout: 5000 });
      const item = () => shadow(el, '[part~=sign-out]')!;
      const signOut = async () => {
        if (shadow(el, '[part=menu]')?.hidden !== false) await realClick(shadow(el, '[part=trigger]')!);
        await waitUntil(() => shadow(el, '[part=menu]')?.hidden === false, 'the menu open', { timeout: 3000 });
        await realClick(item());
      };
      return {
        el,
        act: signOut,
        // No "Try again" of its own: "Sign out" again, from the menu.
        retry: signOut,
        failure: () => text(shadow(el, '[part=alert]')),
        typed: () => '',
        done: () => !!shadow(el, '[part=sign-in]'),
        events: EVENTS,
        double: async () => {
          await realClick(shadow(el, '[part=trigger]')!);
          await waitUntil(() => shadow(el, '[part=menu]')?.hidden === false, 'the menu open', { timeout: 3000 });
          const target = item();
          await Promise.all([realClick(target), realClick(target)]);
        },
        state: () => `menu ${shadow(el, '[part=menu]')?.hidden === false ? 'open' : 'closed'}, alert "${text(shadow(el, '[part=alert]'))}"`,
      };
    },
  },
];

describeFaults(CASES);
