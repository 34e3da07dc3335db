/**
 * For the account faults-matrix suites (issue 19): the demo's long-time buyer signed in, and a removal test that
 * watches the element from its removal on, beside the harness's (helpers/faults.ts), which watches from 50 ms
 * after it.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { setSession } from '../../src/session/session-store.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { DEMO_LONG_TIME_BUYER } from '../../src/adapter/account-seed.js';
import { PASSWORD } from '../server/auth-fixtures.js';
import { ANSWER, f, net, sentTo, server, type Case } from './faults.js';

/** The demo's long-time buyer (orders, wishes, stores, points seeded for that address on every server), signed in on this page. */
export async function longTimeBuyer(): Promise<void> {
  await f.activeProfile(DEMO_LONG_TIME_BUYER);
  setSession(await f.adapter().signIn({ email: DEMO_LONG_TIME_BUYER, password: PASSWORD, remember: false }));
  resetPreferencesStoreForTests('en');
  choosePreferences({ country: 'BG', currency: 'EUR' });
}

const unhandledHere: unknown[] = [];
window.addEventListener('unhandledrejection', (e) => unhandledHere.push(e.reason));

/**
 * The harness's removal test watches the element from 50 ms after its removal on; a call that rejects at once
 * when aborted has updated by then (a section drawing its error on a removed panel passes there). Here the
 * watch starts before the removal: not one change of the element or its shadow root after it.
 */
export function describeRemovalWatched(cases: Case[], reset: Record<string, unknown> = {}): void {
  describe('removed while the call is in flight, watched from the removal on', () => {
    beforeEach(async () => {
      net.offline = false;
      net.shortTimeout = false;
      net.sent = [];
      unhandledHere.length = 0;
      await server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0, ...reset });
    });
    afterEach(async () => {
      fixtureCleanup();
      setSession(null);
      await f.signOutHere();
      await server.expectNoViolations();
    });
    for (const c of cases) {
      it(`${c.element} → ${c.call}: aborted, no change at all after the removal, no unhandled rejection`, async () => {
        const flow = await c.prepare();
        await server.fault({ kind: 'hang', ms: 500, path: c.path });
        const key = c.sent ?? c.path;
        const before = sentTo(key).length;
        await flow.act();
        await waitUntil(() => sentTo(key).length > before, 'the call started');
        const call = sentTo(key).at(-1)!;
        const el = flow.el;
        const changes: string[] = [];
        // Each change with the element it belongs to (the nearest custom element around it: an embedded one's own).
        const owner = (node: Node) => {
          for (let n: Node | null = node; n && n !== el; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null))
            if (n instanceof Element && n.localName.includes('-')) return n.localName;
          return el.localName;
        };
        const observer = new MutationObserver((records) =>
          changes.push(...records.map((r) => `${r.type} ${r.target.nodeName} ${r.attributeName ?? ''} (in ${owner(r.target)})`.replace('  ', ' '))),
        );
        const options = { subtree: true, childList: true, attributes: true, characterData: true };
        observer.observe(el, options);
        if (el.shadowRoot) observer.observe(el.shadowRoot, options);
        el.remove();
        // Longer than the server would have taken to answer.
        await new Promise((r) => setTimeout(r, 800));
        observer.disconnect();
        expect(call.signal?.aborted, 'the request was aborted').to.equal(true);
        expect(changes, 'changes after the removal').to.deep.equal([]);
        expect(unhandledHere.map(String), 'unhandled rejections').to.deep.equal([]);
      });
    }
  });
}
