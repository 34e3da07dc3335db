/**
 * For the account faults-matrix suites (issue 19): the demo's long-time buyer signed in, a section's load as a
 * case, and a removal test that watches the element from its removal on, beside the harness's
 * (helpers/faults.ts), which watches from 50 ms after it.
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setSession } from '../../src/session/session-store.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { DEMO_LONG_TIME_BUYER } from '../../src/adapter/account-seed.js';
import { PASSWORD } from '../server/auth-fixtures.js';
import { realClick } from './dom.js';
import { ANSWER, adapter, f, mountFixture, net, sentTo, server, text, type Case, type Flow } from './faults.js';

/** The demo's long-time buyer (orders, wishes, stores, points seeded for that address on every server), signed in on this page. */
export async function longTimeBuyer(): Promise<void> {
  await f.activeProfile(DEMO_LONG_TIME_BUYER);
  setSession(await f.adapter().signIn({ email: DEMO_LONG_TIME_BUYER, password: PASSWORD, remember: false }));
  resetPreferencesStoreForTests('en');
  choosePreferences({ country: 'BG', currency: 'EUR' });
}

/**
 * Presses `button` once it has stayed where it is on the page for 150 ms (at most 2 s, then as it is). A
 * section's other parts arrive on their own and move what lies below them: in the profile, the linked accounts
 * (a lazy element with its own call) sit above the sessions' "Try again", and a press aimed just before they grow
 * lands beside the button (seen three times as "the call for timeout" never made).
 */
async function pressWhenStill(button: HTMLElement): Promise<void> {
  let last = '';
  for (let i = 0, still = 0; i < 40 && still < 3; i++) {
    const r = button.getBoundingClientRect();
    const at = `${Math.round(r.left + scrollX)},${Math.round(r.top + scrollY)},${Math.round(r.width)}x${Math.round(r.height)}`;
    still = at === last ? still + 1 : 0;
    last = at;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await realClick(button);
}

/**
 * A section's load as a person sees it: `scope` is where its error and "Try again" show (the section, or one
 * tile of the overview, or the sessions block of the profile; the other loads there succeed; '' for the section
 * itself), `ready` what shows once loaded.
 */
export function sectionLoad(section: string, call: string, path: string, sent: string, scope: string, ready: string): Case {
  return {
    element: 'ae-account-panel',
    call: `${call} (the ${section} section)`,
    path,
    sent,
    async prepare() {
      await longTimeBuyer();
      const where = () => flow.el.shadowRoot?.querySelector<HTMLElement>(`section.section ${scope}`) ?? null;
      const error = () => where()?.querySelector<HTMLElement>('[part="error"]') ?? null;
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-account-panel .adapter=${adapter()} section=${section}></ae-account-panel>`);
        },
        retry: () => pressWhenStill(error()!.querySelector('button')!),
        failure: () => text(error()?.querySelector('p')),
        typed: () => '',
        done: () => !!where()?.querySelector(ready),
        // A load has no press of its own: the section chosen again (its navigation item, the attribute) while it loads.
        double: async () => {
          await flow.act();
          const panel = flow.el as HTMLElement & { navigate(section: string): boolean };
          panel.navigate(section);
          panel.setAttribute('section', section);
          await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        },
        events: ['ae-navigate'],
      };
      return flow;
    },
  };
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
        if (flow.completesAfterRemoval) expect(call.signal?.aborted ?? false, `not aborted: ${flow.completesAfterRemoval}`).to.equal(false);
        else expect(call.signal?.aborted, 'the request was aborted').to.equal(true);
        expect(changes, 'changes after the removal').to.deep.equal([]);
        expect(unhandledHere.map(String), 'unhandled rejections').to.deep.equal([]);
      });
    }
  });
}
