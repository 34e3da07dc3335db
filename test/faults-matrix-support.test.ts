/**
 * The faults matrix (issue 19) for the support chat: <ae-support>'s calls under the harness's faults
 * (helpers/faults.ts): network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days
 * off, removal in flight, double actions. Real HTTP: HttpAdapter against the contract server's support routes;
 * the conversation view's stream is the browser's EventSource, given the namespace as the `?ns=` query parameter
 * the server reads.
 *
 * startConversation, requestHuman and leaveOfflineMessage show a message when they fail: they are CASES of the
 * shared matrix. None of the three has a "Try again" of its own, by design: the same button (Continue, Talk to a
 * person, Send) does it again, and what was typed stays in its field.
 *
 * agentStatus (asked each time the panel opens) and listConversations (whether a conversation kept over a reload
 * is still ours, and its unread count) fail silently by design: the operators' status is then unknown and "Talk
 * to a person" still asks; the kept conversation stays as it is and its view shows its own failure to load. Their
 * own tests below check that silence (no message, nothing lost, the panel still works), the retry (the next
 * opening; the next mount) and removal in flight.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-support.js';
import type { AeSupport } from '../src/components/support/support.js';
import { forgetConversation, keepConversation } from '../src/components/support/support-storage.js';
import { setLocale } from '../src/locales/localization.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { realClick } from './helpers/dom.js';
import { adapter, DAY, describeFaults, email, f, FAULTS, mountFixture, net, plant, sentTo, server, text, useNamespacedEventSource, type Case, type Flow } from './helpers/faults.js';
import { fixtureCleanup } from '@open-wc/testing';

setSessionChannelName(`ae-test:faults-matrix-support:${Math.random()}`);

useNamespacedEventSource();

const sh = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
const EVENTS = ['ae-support-open', 'ae-support-close', 'ae-support-message', 'ae-support-action'];

async function settings(operatorStatus: 'online' | 'offline'): Promise<void> {
  await server.control('POST', 'support/settings', { agentDelayMs: 0, operatorStatus });
}

/** <ae-support> mounted on the faults adapter, nothing kept from an earlier test. */
async function mount(): Promise<AeSupport> {
  forgetConversation();
  return mountFixture<AeSupport>(html`<ae-support .adapter=${adapter()}></ae-support>`);
}

/** Opened, a conversation started (signed out, its address given by the page), the operators' status shown. */
async function inChat(status: 'online' | 'offline', topic = 'other'): Promise<AeSupport> {
  await settings(status);
  const el = await mount();
  el.email = email('support');
  await realClick(sh(el, '[part=launcher]')!);
  await waitUntil(() => sh(el, `[part=topic][data-topic=${topic}]`), 'the topics', { timeout: 5000 });
  await realClick(sh(el, `[part=topic][data-topic=${topic}]`)!);
  await waitUntil(() => sh(el, 'ae-conversation') && sh(el, `[part=operator-status][data-status=${status}]`) && sh(el, '[part=human]'), 'the chat and the status', { timeout: 6000 });
  return el;
}

const CASES: Case[] = [
  {
    element: 'ae-support',
    call: 'startConversation (the e-mail step)',
    path: '/support/conversations',
    sent: 'POST support/conversations',
    async prepare() {
      await settings('online');
      const el = await mount();
      await realClick(sh(el, '[part=launcher]')!);
      await waitUntil(() => sh(el, '[part=topic][data-topic=other]'), 'the topics', { timeout: 5000 });
      await realClick(sh(el, '[part=topic][data-topic=other]')!);
      await waitUntil(() => sh(el, '#support-email'), 'the e-mail step', { timeout: 5000 });
      const field = sh(el, '#support-email') as HTMLInputElement;
      field.focus();
      await sendKeys({ type: email('start') });
      const submit = () => sh(el, '[part=submit]')!;
      return {
        el,
        act: () => realClick(submit()),
        // By design no "Try again" of its own: the same Continue button starts it again.
        retry: () => realClick(submit()),
        failure: () => text(sh(el, '[part=alert]')),
        typed: () => (sh(el, '#support-email') as HTMLInputElement | null)?.value ?? '',
        done: () => !!sh(el, 'ae-conversation') && !sh(el, '#support-email'),
        pressTarget: submit,
        enterField: () => sh(el, '#support-email') as HTMLInputElement,
        events: EVENTS,
      };
    },
  },
  {
    element: 'ae-support',
    call: 'requestHuman (Talk to a person)',
    path: '/support/conversations/{conversationId}/human',
    sent: /^POST support\/conversations\/[^/]+\/human$/,
    async prepare() {
      const el = await inChat('online');
      const view = sh(el, 'ae-conversation')!;
      await waitUntil(() => view.shadowRoot?.querySelector('textarea'), 'the text box', { timeout: 6000 });
      const box = view.shadowRoot!.querySelector('textarea')!;
      box.focus();
      await sendKeys({ type: 'Hello there' });
      const human = () => sh(el, '[part=human]')!;
      const flow: Flow = {
        el,
        act: () => realClick(human()),
        // By design no "Try again" of its own: the same "Talk to a person" asks again.
        retry: () => realClick(human()),
        failure: () => text(sh(el, '.notices [part~=alert]')),
        typed: () => box.value,
        // Handed off: the button goes, the notice says an operator was asked.
        done: () => !sh(el, '[part=human]') && !!sh(el, '.notices [part=notice]'),
        pressTarget: human,
        events: EVENTS,
      };
      return flow;
    },
  },
  {
    element: 'ae-support',
    call: 'leaveOfflineMessage (no operator works)',
    path: '/support/offline-messages',
    sent: 'POST support/offline-messages',
    async prepare() {
      const el = await inChat('offline');
      // "Leave a question": no call, the form.
      await realClick(sh(el, '[part=human]')!);
      await waitUntil(() => sh(el, '#support-question') && sh(el, '#support-email'), 'the offline form');
      const question = sh(el, '#support-question') as HTMLTextAreaElement;
      question.focus();
      await sendKeys({ type: 'Where is my order' });
      const submit = () => sh(el, '[part=submit]')!;
      return {
        el,
        act: () => realClick(submit()),
        // By design no "Try again" of its own: the same Send button sends it again.
        retry: () => realClick(submit()),
        failure: () => text(sh(el, '[part=alert]')),
        typed: () => `${(sh(el, '#support-email') as HTMLInputElement | null)?.value ?? ''} | ${(sh(el, '#support-question') as HTMLTextAreaElement | null)?.value ?? ''}`,
        done: () => !sh(el, '#support-question') && !!sh(el, '[part=notice]'),
        pressTarget: submit,
        enterField: () => sh(el, '#support-email') as HTMLInputElement,
        events: EVENTS,
      };
    },
  },
  {
    element: 'ae-support',
    call: 'resendActivation (the agent’s "Send the letter again")',
    path: '/activation/resend',
    sent: 'POST activation/resend',
    async prepare() {
      // The activation topic: the agent's answer offers to send the letter again (to the chat's address).
      const el = await inChat('online', 'activation');
      const view = sh(el, 'ae-conversation')!;
      const resend = () => [...(view.shadowRoot?.querySelectorAll<HTMLElement>('[part=action]') ?? [])].find((b) => text(b) === 'Send the letter again') ?? null;
      await waitUntil(() => resend() && view.shadowRoot?.querySelector('textarea'), 'the agent’s offer', { timeout: 6000 });
      const box = view.shadowRoot!.querySelector('textarea')!;
      box.focus();
      await sendKeys({ type: 'Still nothing' });
      return {
        el,
        act: () => realClick(resend()!),
        // By design no "Try again" of its own: the agent's same button sends it again.
        retry: () => realClick(resend()!),
        failure: () => text(sh(el, '.notices [part~=alert]')),
        typed: () => box.value,
        // Sent: the notice names the (masked) address.
        done: () => /@example\.test/.test(text(sh(el, '.notices [part=notice]'))),
        pressTarget: () => resend()!,
        events: EVENTS,
      };
    },
  },
];

describeFaults(CASES);

// ---- the silent calls ----------------------------------------------------------------------------------------

const unhandled: unknown[] = [];
window.addEventListener('unhandledrejection', (e) => unhandled.push(e.reason));

/** Removed while `key`'s call hangs: aborted, no update and no event after the removal, no unhandled rejection. */
async function removedInFlight(el: HTMLElement, key: string): Promise<void> {
  await waitUntil(() => sentTo(key).length > 0, 'the call started', { timeout: 4000 });
  const call = sentTo(key).at(-1)!;
  const events: string[] = [];
  for (const name of EVENTS) el.addEventListener(name, () => events.push(name));
  el.remove();
  await new Promise((r) => setTimeout(r, 50));
  expect(call.signal?.aborted, `${key}: the request was aborted`).to.equal(true);
  const changes: string[] = [];
  const observer = new MutationObserver((records) => changes.push(...records.map((r) => `${r.type} ${(r.target as Element).nodeName}`)));
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  observer.observe(el, options);
  observer.observe(el.shadowRoot!, options);
  await new Promise((r) => setTimeout(r, 800));
  observer.disconnect();
  expect(changes, 'updates after removal').to.deep.equal([]);
  expect(events, 'events after removal').to.deep.equal([]);
}

describe('faults: the silent calls of <ae-support>', () => {
  beforeEach(async () => {
    net.offline = false;
    net.shortTimeout = false;
    net.sent = [];
    unhandled.length = 0;
    await server.reset({ resendCooldownMs: 0, clockOffsetMs: 3 * DAY });
    await settings('online');
  });
  afterEach(async () => {
    fixtureCleanup();
    forgetConversation();
    net.offline = false;
    net.shortTimeout = false;
    await setLocale('en');
    await f.signOutHere();
    await server.expectNoViolations();
    expect(unhandled.map(String), 'unhandled rejections').to.deep.equal([]);
  });

  it('agentStatus fails silently under every fault (no message, the topics still work), and the next opening asks again', async () => {
    const el = await mount();
    const launcher = sh(el, '[part=launcher]')!;
    for (const fault of FAULTS) {
      await plant(fault, '/support/status');
      const before = sentTo('GET support/status').length;
      await realClick(launcher);
      await waitUntil(() => sentTo('GET support/status').length > before && sentTo('GET support/status').every((s) => s.settled), `the call for ${fault}`, { timeout: 4000 });
      await new Promise((r) => setTimeout(r, 50));
      net.offline = false;
      net.shortTimeout = false;
      expect(sentTo('GET support/status').length - before, `one call for ${fault}`).to.equal(1);
      expect(text(sh(el, '[part=alert]')), `no message for ${fault}: the status is just unknown`).to.equal('');
      expect(sh(el, '[part=topic]')!.getAttribute('aria-disabled'), `the topics work after ${fault}`).to.equal('false');
      await realClick(sh(el, '[part=close]')!);
      await waitUntil(() => !el.open, 'closed');
    }
    await new Promise((r) => setTimeout(r, 1_100));
    // The next opening asks again, and the status it got shows in the chat.
    const before = sentTo('GET support/status').length;
    await realClick(launcher);
    await waitUntil(() => sentTo('GET support/status').length > before, 'asked on the next opening');
    el.email = email('status');
    await realClick(sh(el, '[part=topic][data-topic=other]')!);
    await waitUntil(() => sh(el, '[part=operator-status][data-status=online]'), 'the status, in the chat', { timeout: 5000 });
  });

  it('requestHuman: a failure of ours speaks of the operator, not of a letter', async () => {
    const el = await inChat('online');
    await server.fault({ kind: 'status', status: 500, path: '/support/conversations/{conversationId}/human' });
    await realClick(sh(el, '[part=human]')!);
    await waitUntil(() => text(sh(el, '.notices [part~=alert]')) !== '', 'the message', { timeout: 4000 });
    expect(text(sh(el, '.notices [part~=alert]'))).to.equal('Could not call an operator. Try again in a moment.');
  });

  it('agentStatus: removed while it is in flight, the call is aborted, no update, no event', async () => {
    const el = await mount();
    await server.fault({ kind: 'hang', ms: 500, path: '/support/status' });
    el.open = true;
    await removedInFlight(el, 'GET support/status');
    expect(unhandled.map(String)).to.deep.equal([]);
  });

  it('listConversations (a kept conversation) fails silently under every fault: the conversation stays, no message; the next mount asks again', async () => {
    const { id } = await f.adapter().startConversation({ topic: 'other', locale: 'en', email: email('kept') });
    for (const fault of FAULTS) {
      await plant(fault, '/support/conversations');
      keepConversation({ id, topic: 'other' });
      const before = sentTo('GET support/conversations').length;
      const el = await mountFixture<AeSupport>(html`<ae-support .adapter=${adapter()}></ae-support>`);
      await waitUntil(() => sentTo('GET support/conversations').length > before && sentTo('GET support/conversations').every((s) => s.settled), `the call for ${fault}`, { timeout: 4000 });
      await new Promise((r) => setTimeout(r, 50));
      net.offline = false;
      net.shortTimeout = false;
      expect(sentTo('GET support/conversations').length - before, `one call for ${fault}`).to.equal(1);
      expect(el.conversationId, `the conversation stays after ${fault}`).to.equal(id);
      expect(!!sh(el, 'ae-conversation'), `its view stays after ${fault}`).to.equal(true);
      expect(text(sh(el, '[part=alert]')), `no message of its own for ${fault}`).to.equal('');
      el.remove();
    }
    await new Promise((r) => setTimeout(r, 1_100));
    keepConversation({ id, topic: 'other' });
    const before = sentTo('GET support/conversations').length;
    const el = await mountFixture<AeSupport>(html`<ae-support .adapter=${adapter()}></ae-support>`);
    await waitUntil(() => sentTo('GET support/conversations').length > before && sentTo('GET support/conversations').every((s) => s.settled), 'the call on the next mount', { timeout: 4000 });
    expect(el.conversationId).to.equal(id);
  });

  it('listConversations: removed while it is in flight, the call is aborted, no update, no event', async () => {
    const { id } = await f.adapter().startConversation({ topic: 'other', locale: 'en', email: email('kept') });
    keepConversation({ id, topic: 'other' });
    await server.fault({ kind: 'hang', ms: 500, path: '/support/conversations' });
    const el = await mountFixture<AeSupport>(html`<ae-support .adapter=${adapter()}></ae-support>`);
    await removedInFlight(el, 'GET support/conversations');
    expect(unhandled.map(String)).to.deep.equal([]);
  });
});
