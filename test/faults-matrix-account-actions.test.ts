/**
 * The faults matrix (issue 19) for the actions of <ae-account-panel> not in faults-matrix-account.test.ts: a
 * wish's and a favorite store's removal and its Undo, "Sign out there" (endSession), "Sign out of all other
 * devices", the e-mail change; and <ae-address-form>'s removal (deleteAddress). Under the harness's faults
 * (helpers/faults.ts): network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days
 * off, removal in flight, double actions. Each: a localized message shown (not only announced), a working
 * retry, nothing typed lost, one call. The sections' loads are in faults-matrix-account-more.test.ts.
 *
 * Real HTTP: HttpAdapter against the contract server's account routes (test/server/routes-account.mjs). The
 * wishes and stores are the demo's long-time buyer's (seeded for that address on every server).
 */
import { html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-address-form.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setSession } from '../src/session/session-store.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { DEMO_LONG_TIME_BUYER } from '../src/adapter/account-seed.js';
import { input, realClick } from './helpers/dom.js';
import { PASSWORD } from './server/auth-fixtures.js';
import { adapter, banner, describeFaults, email, f, mountFixture, sentTo, shadow, signedIn, text, typeIn, type Case, type Flow } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix-account-actions:${Math.random()}`);

/** The demo's long-time buyer, signed in on this page (wishes, stores, orders seeded). */
async function longTimeBuyer(): Promise<void> {
  await f.activeProfile(DEMO_LONG_TIME_BUYER);
  setSession(await f.adapter().signIn({ email: DEMO_LONG_TIME_BUYER, password: PASSWORD, remember: false }));
  resetPreferencesStoreForTests('en');
  choosePreferences({ country: 'BG', currency: 'EUR' });
}

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

const sessionsBlock = (el: Element) => shadow(el, 'section[aria-labelledby="sessions-title"]');
/** The message of a failed session action (the list's own load error is inside `.resource`). */
const sessionsFailure = (el: Element) => text(sessionsBlock(el)?.querySelector(':scope > .error p'));
const otherSessions = (el: Element) => sessionsBlock(el)?.querySelectorAll('.session[data-current="false"]').length ?? 0;

/** Signed in here and on two other devices, the profile section open with the sessions listed. */
async function withOtherSessions(tag: string): Promise<HTMLElement> {
  const address = await signedIn(tag);
  for (const device of ['phone', 'tablet']) await f.otherBrowser(`${device}-${tag}`).signIn({ email: address, password: PASSWORD, remember: false });
  const el = await panel('profile');
  await waitUntil(() => otherSessions(el) === 2, 'the other sessions', { timeout: 6000 });
  return el;
}

const CASES: Case[] = [
  savedRemove('wishes', 'wishId'),
  savedUndo('wishes', 'wishId'),
  savedRemove('stores', 'storeId'),
  savedUndo('stores', 'storeId'),
  {
    element: 'ae-account-panel',
    call: 'endSession ("Sign out there")',
    path: '/account/sessions/{sessionId}',
    sent: /^DELETE account\/sessions\/[^/]+$/,
    async prepare() {
      const el = await withOtherSessions('end-session');
      const end = () => sessionsBlock(el)!.querySelector<HTMLElement>('.session[data-current="false"] .end')!;
      return {
        el,
        act: () => realClick(end()),
        // By design no "Try again": the message says what happened, the same "Sign out there" does it again.
        retry: () => realClick(end()),
        failure: () => sessionsFailure(el),
        typed: () => '',
        done: () => otherSessions(el) === 1 && sessionsFailure(el) === '',
        pressTarget: end,
        events: ['ae-navigate'],
      };
    },
  },
  {
    element: 'ae-account-panel',
    call: 'signOutOtherSessions ("Sign out of all other devices")',
    path: '/account/sessions/sign-out-others',
    sent: 'POST account/sessions/sign-out-others',
    async prepare() {
      const el = await withOtherSessions('sign-out-others');
      const others = () => sessionsBlock(el)!.querySelector<HTMLElement>('.others')!;
      return {
        el,
        act: () => realClick(others()),
        // By design no "Try again": the same button does it again.
        retry: () => realClick(others()),
        failure: () => sessionsFailure(el),
        typed: () => '',
        done: () => otherSessions(el) === 0 && !!sessionsBlock(el)?.querySelector('.session') && sessionsFailure(el) === '',
        pressTarget: others,
        events: ['ae-navigate'],
      };
    },
  },
  {
    element: 'ae-account-panel',
    call: 'requestEmailChange (the e-mail form)',
    path: '/account/email-change',
    sent: 'POST account/email-change',
    async prepare() {
      await signedIn('email-change');
      const el = await panel('profile');
      await waitUntil(() => el.querySelector('form[data-form="email"] input[name="emailPassword"]'), 'the e-mail form', { timeout: 6000 });
      input(el, 'newEmail').focus();
      document.execCommand('insertText', false, email('new'));
      await typeIn(el, 'emailPassword', PASSWORD);
      const form = () => el.querySelector<HTMLElement>('form[data-form="email"]')!;
      const send = () => form().querySelector<HTMLElement>('button[type=submit]')!;
      return {
        el,
        act: () => realClick(send()),
        // The e-mail form has no "Try again" of its own: its message says what happened, the same button sends again.
        retry: () => realClick(send()),
        failure: () => text(form().querySelector('.ae-banner p')),
        typed: () => JSON.stringify([input(el, 'newEmail').value, input(el, 'emailPassword').value]),
        done: () => text(form().querySelector('.ae-success')) !== '',
        pressTarget: send,
        enterField: () => input(el, 'newEmail'),
        events: ['ae-navigate'],
      };
    },
  },
  {
    element: 'ae-address-form',
    call: 'deleteAddress',
    path: '/account/addresses/{addressId}',
    sent: /^DELETE account\/addresses\/[^/]+$/,
    async prepare() {
      await signedIn('address-delete');
      const a = f.adapter();
      const home = { name: 'Ivan Petrov', phone: '+359888123456', country: 'BG', region: '', city: 'Sofia', street: 'ul. Shipka 6', apartment: '', postalCode: '1504' };
      await a.saveAddress(home);
      const work = await a.saveAddress({ ...home, street: 'bul. Vitosha 1', postalCode: '1000' });
      const el = await mountFixture<HTMLElement>(html`<ae-address-form .adapter=${adapter()}></ae-address-form>`);
      const card = () => el.querySelector<HTMLElement>(`[data-address-id="${work.id}"]`);
      await waitUntil(card, 'the saved addresses', { timeout: 6000 });
      // Edit, Make default, Remove; then "Yes, remove".
      const remove = () => card()!.querySelectorAll<HTMLElement>('.ae-address-actions button')[2]!;
      const yes = () => card()?.querySelector<HTMLElement>('.ae-confirm .ae-danger') ?? null;
      const ask = async () => {
        await realClick(remove());
        await waitUntil(yes, 'the question');
      };
      const flow: Flow = {
        el,
        act: async () => {
          await ask();
          await realClick(yes()!);
        },
        // By design no "Try again" in the message: the address's own "Remove" asks and removes again.
        retry: () => flow.act(),
        failure: () => text(banner(el)?.querySelector('p')),
        typed: () => '',
        done: () => !card() && !!el.querySelector('.ae-notice'),
        double: async () => {
          await ask();
          const target = yes()!;
          await Promise.all([realClick(target), realClick(target)]);
        },
        events: ['ae-address-change', 'ae-address-error'],
      };
      return flow;
    },
  },
];

describeFaults(CASES, { addressReauth: 'never' });
