/**
 * The faults matrix (issue 19) for <ae-account-panel>'s wishes and favorite stores: a removal (the item goes at
 * once, and comes back with its reason shown beside it if the server refuses) and its Undo. Under the harness's
 * faults (helpers/faults.ts): network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3
 * days off, removal in flight (also watched from the removal on, helpers/faults-account.ts), double actions.
 * Each: a localized message shown (not only announced), a working retry, one call.
 *
 * Real HTTP: HttpAdapter against the contract server's account routes (test/server/routes-account.mjs). The
 * wishes and stores are the demo's long-time buyer's.
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setSession } from '../src/session/session-store.js';
import { realClick } from './helpers/dom.js';
import { ANSWER, adapter, describeFaults, f, mountFixture, net, sentTo, server, shadow, text, type Case } from './helpers/faults.js';
import { describeRemovalWatched, longTimeBuyer } from './helpers/faults-account.js';

setSessionChannelName(`ae-test:faults-matrix-account-saved:${Math.random()}`);

const panel = (section: string) => mountFixture<HTMLElement>(html`<ae-account-panel .adapter=${adapter()} section=${section}></ae-account-panel>`);
const items = (el: Element) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[data-saved]') ?? [])];

/** A saved list's "Remove" (wishes or stores): the item goes at once, and comes back with a visible reason if the server refuses. */
function savedRemove(section: 'wishes' | 'stores', route: string): Case {
  return {
    element: 'ae-account-panel',
    call: `remove (the ${section} section)`,
    path: `/account/${section}/{${route}}`,
    sent: new RegExp(`^DELETE account/${section}/[^/]+$`),
    async prepare() {
      await longTimeBuyer();
      const el = await panel(section);
      await waitUntil(() => items(el).length >= 2, `the ${section}`, { timeout: 6000 });
      const id = items(el)[0]!.dataset.saved!;
      const item = () => shadow(el, `[data-saved="${CSS.escape(id)}"]`);
      const remove = () => item()!.querySelector<HTMLElement>('.remove')!;
      const last = () => sentTo(new RegExp(`^DELETE account/${section}/${id}$`)).at(-1);
      return {
        el,
        act: () => realClick(remove()),
        // By design no "Try again": the item is back in its place with the reason beside it, and its own
        // "Remove" does it again.
        retry: () => realClick(remove()),
        failure: () => text(item()?.querySelector('[part="item-error"]')),
        typed: () => '',
        done: () => !item() && !!last()?.settled && text(shadow(el, '[part="toast"]')) !== '',
        pressTarget: remove,
        events: ['ae-navigate'],
      };
    },
  };
}

/** "Undo" after a removal: the item back; a refusal said in the toast, whose Undo does it again. */
function savedUndo(section: 'wishes' | 'stores', route: string): Case {
  return {
    element: 'ae-account-panel',
    call: `restore, "Undo" (the ${section} section)`,
    path: `/account/${section}/{${route}}/restore`,
    sent: new RegExp(`^POST account/${section}/[^/]+/restore$`),
    async prepare() {
      await longTimeBuyer();
      const el = await panel(section);
      await waitUntil(() => items(el).length >= 2, `the ${section}`, { timeout: 6000 });
      const id = items(el)[0]!.dataset.saved!;
      await realClick(items(el)[0]!.querySelector<HTMLElement>('.remove')!);
      await waitUntil(() => sentTo(`DELETE account/${section}/${id}`).at(-1)?.settled, 'removed', { timeout: 6000 });
      const undo = () => shadow(el, '[part="toast"] .undo')!;
      return {
        el,
        act: () => realClick(undo()),
        // By design no "Try again": the toast says what happened and its "Undo" does it again.
        retry: () => realClick(undo()),
        failure: () => text(shadow(el, '[part="toast"] .toast-error')),
        typed: () => '',
        done: () => !!shadow(el, `[data-saved="${CSS.escape(id)}"]`) && !shadow(el, '[part="toast"]'),
        pressTarget: undo,
        events: ['ae-navigate'],
      };
    },
  };
}

const CASES: Case[] = [
  savedRemove('wishes', 'wishId'),
  savedUndo('wishes', 'wishId'),
  savedRemove('stores', 'storeId'),
  savedUndo('stores', 'storeId'),
];

describeFaults(CASES);
describeRemovalWatched(CASES);

describe('a refused removal, seen; a removal cut short by leaving the section', () => {
  beforeEach(async () => {
    net.offline = false;
    net.shortTimeout = false;
    net.sent = [];
    await server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0 });
    await longTimeBuyer();
  });
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await f.signOutHere();
    await server.expectNoViolations();
  });

  it('the wish is back in its place with the reason shown beside it, read with its "Remove", which has the focus', async () => {
    const el = await panel('wishes');
    await waitUntil(() => items(el).length >= 3, 'the wishes', { timeout: 6000 });
    const order = () => items(el).map((i) => i.dataset.saved).join(',');
    const before = order();
    // The last one: its line goes with it (the others' lines are reused, and the focus with them).
    const last = items(el).at(-1)!;
    const id = last.dataset.saved!;
    await server.fault({ kind: 'status', status: 500, path: '/account/wishes/{wishId}' });
    await realClick(last.querySelector<HTMLElement>('.remove')!);
    const reason = () => shadow(el, `[data-saved="${CSS.escape(id)}"] [part="item-error"]`);
    await waitUntil(reason, 'the reason beside the wish', { timeout: 6000 });
    expect(order(), 'back in its place').to.equal(before);
    expect(text(reason())).to.equal('Something went wrong on our side. Try again in a moment.');
    // Seen: laid out, not the screen readers' visually hidden text.
    const box = reason()!.getBoundingClientRect();
    expect(box.width > 20 && box.height > 5, `a visible box (${box.width}×${box.height})`).to.equal(true);
    expect(reason()!.closest('.sr-only')).to.equal(null);
    const remove = shadow(el, `[data-saved="${CSS.escape(id)}"] .remove`)!;
    expect(remove.getAttribute('aria-describedby')).to.equal(reason()!.id);
    await waitUntil(() => el.shadowRoot?.activeElement === remove, 'the focus on its "Remove"');
    // Heard once: through the panel's polite region (the reason itself has no live role of its own).
    await waitUntil(() => text(shadow(el, '[role="status"][aria-live="polite"]')) === text(reason()), 'announced');
    expect(reason()!.getAttribute('role')).to.equal(null);
  });

  it('leaving the section during a removal aborts it, and the list is asked again on return', async () => {
    const el = (await panel('stores')) as HTMLElement & { navigate(section: string): boolean };
    await waitUntil(() => items(el).length >= 2, 'the stores', { timeout: 6000 });
    const id = items(el)[0]!.dataset.saved!;
    await server.fault({ kind: 'hang', ms: 500, path: '/account/stores/{storeId}' });
    await realClick(items(el)[0]!.querySelector<HTMLElement>('.remove')!);
    await waitUntil(() => sentTo(`DELETE account/stores/${id}`).length === 1, 'the removal started');
    el.navigate('points');
    await waitUntil(() => sentTo(`DELETE account/stores/${id}`)[0]!.signal?.aborted, 'the removal aborted');
    const lists = sentTo('GET account/stores').length;
    await new Promise((r) => setTimeout(r, 700));
    el.navigate('stores');
    await waitUntil(() => sentTo('GET account/stores').length === lists + 1, 'the list asked again');
    // The server's answer decides: the hang ended and the removal went through there, or not.
    await waitUntil(() => items(el).length > 0, 'the list', { timeout: 6000 });
    const stores = await f.adapter().listFavoriteStores({ pageSize: 50 });
    expect(items(el).map((i) => i.dataset.saved).join(','), 'the list as the server has it').to.equal(stores.items.map((x) => x.id).join(','));
  });
});
