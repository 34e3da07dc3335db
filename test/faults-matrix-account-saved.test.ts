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
import { html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-account-panel.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { realClick } from './helpers/dom.js';
import { adapter, describeFaults, mountFixture, sentTo, shadow, text, type Case } from './helpers/faults.js';
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
