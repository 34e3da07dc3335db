/**
 * The faults matrix (issue 19) for the actions of <ae-account-panel> not in
 * faults-matrix-account.test.ts: "Sign out there" (endSession), "Sign out of all other devices", the e-mail
 * change, "Write to support" in the message center (startConversation); and <ae-address-form>'s removal
 * (deleteAddress). Under the harness's faults (helpers/faults.ts):
 * network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days off, removal in flight
 * (also watched from the removal on, helpers/faults-account.ts), double actions. Each: a localized message, a
 * working retry, nothing typed lost, one call. The wishes' and stores' removal and Undo are in
 * faults-matrix-account-saved.test.ts, the sections' loads in faults-matrix-account-more.test.ts.
 *
 * Real HTTP: HttpAdapter against the contract server's account routes (test/server/routes-account.mjs).
 */
import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-address-form.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setSession } from '../src/session/session-store.js';
import { input, realClick } from './helpers/dom.js';
import { PASSWORD } from './server/auth-fixtures.js';
import { ANSWER, adapter, banner, describeFaults, email, f, mountFixture, net, sentTo, server, shadow, signedIn, text, typeIn, type Case, type Flow } from './helpers/faults.js';
import { describeRemovalWatched } from './helpers/faults-account.js';

setSessionChannelName(`ae-test:faults-matrix-account-actions:${Math.random()}`);

const panel = (section: string) => mountFixture<HTMLElement>(html`<ae-account-panel .adapter=${adapter()} section=${section}></ae-account-panel>`);
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
  await settled(el);
  return el;
}

/**
 * "Profile and security" drawn in full: its profile and the linked accounts loaded (each moves what is below it;
 * a press computed before that lands elsewhere).
 */
async function settled(el: HTMLElement): Promise<void> {
  await waitUntil(
    () => shadow(el, '.profile > .resource[data-status="ready"]') && shadow(el, 'ae-social-login')?.querySelector('section[aria-busy="false"]'),
    'the profile and its linked accounts',
    { timeout: 6000 },
  );
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Two presses in a row, as fast as the input pipeline delivers them; done when the call started. */
async function doubleClick(target: HTMLElement, sent: string | RegExp): Promise<void> {
  const before = sentTo(sent).length;
  await Promise.all([realClick(target), realClick(target)]);
  await waitUntil(() => sentTo(sent).length > before, 'the call started', { timeout: 3000 });
}

const CASES: Case[] = [
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
        // A double click; returns once the call started (an answer of the capability check can take a moment
        // on a loaded machine, and the harness counts 100 ms after).
        double: () => doubleClick(end(), /^DELETE account\/sessions\/[^/]+$/),
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
        double: () => doubleClick(others(), 'POST account/sessions/sign-out-others'),
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
      await settled(el);
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
    element: 'ae-account-panel',
    call: 'signOut ("Sign out" in Profile and security)',
    path: '/sign-out',
    sent: 'POST sign-out',
    async prepare() {
      await signedIn('sign-out');
      const el = await panel('profile');
      await waitUntil(() => sessionsBlock(el)?.querySelector('.session'), 'the sessions', { timeout: 6000 });
      await settled(el);
      const out = () => shadow(el, '.sign-out')!;
      return {
        el,
        act: () => realClick(out()),
        // By design no "Try again": the message is under the button, which signs out again.
        retry: () => realClick(out()),
        failure: () => text(shadow(el, '.sign-out-block .error p')),
        typed: () => '',
        // Signed out: the panel shows the sign-in in place of the account.
        done: () => !!el.querySelector('.ae-account-login'),
        double: () => doubleClick(out(), 'POST sign-out'),
        events: ['ae-navigate'],
        completesAfterRemoval: 'a sign-out pressed is carried out even if the panel goes meanwhile (a shared computer ends signed out)',
      };
    },
  },
  {
    element: 'ae-account-panel',
    call: 'startConversation ("Write to support" in the message center)',
    path: '/support/conversations',
    sent: 'POST support/conversations',
    async prepare() {
      await signedIn('support-start');
      const el = await panel('messages');
      const start = () => shadow(el, '.messages > .row .button')!;
      await waitUntil(() => shadow(el, '.messages .resource[data-status="ready"]'), 'the message center', { timeout: 6000 });
      const error = () => shadow(el, '.messages > [part="error"]');
      return {
        el,
        act: () => realClick(start()),
        retry: () => realClick(error()!.querySelector('button')!),
        failure: () => text(error()?.querySelector('p')),
        typed: () => '',
        // Opened: the conversation's view with its way back to the list.
        done: () => !!shadow(el, '.messages .back'),
        pressTarget: start,
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
describeRemovalWatched(CASES, { addressReauth: 'never' });

describe('what a refused action says', () => {
  beforeEach(async () => {
    net.offline = false;
    net.shortTimeout = false;
    net.sent = [];
    await server.reset({ captchaAnswer: ANSWER, resendCooldownMs: 0 });
  });
  afterEach(async () => {
    fixtureCleanup();
    setSession(null);
    await f.signOutHere();
    await server.expectNoViolations();
  });

  for (const call of ['requestEmailChange (the e-mail form)', 'endSession ("Sign out there")']) {
    it(`${call}, a server error: "went wrong on our side", not a section that "could not be loaded"`, async () => {
      const c = CASES.find((x) => x.call === call)!;
      const flow = await c.prepare();
      await server.fault({ kind: 'status', status: 500, path: c.path });
      await flow.act();
      await waitUntil(() => flow.failure() !== '', 'the message', { timeout: 6000 });
      expect(flow.failure()).to.equal('Something went wrong on our side. Try again in a moment.');
    });
  }
});
