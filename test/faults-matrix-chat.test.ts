/**
 * The faults matrix (issue 19) for the chat and social sign-in: <ae-conversation>'s load and send, and
 * <ae-social-login view="linked">'s list of linked providers, under the harness's faults (helpers/faults.ts):
 * network, timeout, 500, 503, 429 with Retry-After, a broken body, a server clock 3 days off, removal in flight,
 * double actions. Each: a localized message, a working retry, nothing typed lost, one call.
 *
 * Adding an element: one entry in CASES (as in faults-matrix.test.ts). Real HTTP: HttpAdapter against the
 * contract server's support and social routes; the stream is the browser's own EventSource, given the
 * namespace as the query parameter the server reads (an EventSource cannot send the header).
 */
import { html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-conversation.js';
import '../src/define/ae-social-login.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { setSession } from '../src/session/session-store.js';
import { realClick } from './helpers/dom.js';
import { PASSWORD } from './server/auth-fixtures.js';
import { adapter, describeFaults, email, f, mountFixture, server, text, useNamespacedEventSource, type Case, type Flow } from './helpers/faults.js';

setSessionChannelName(`ae-test:faults-matrix-chat:${Math.random()}`);

useNamespacedEventSource();

const shadowOf = (el: Element, selector: string) => el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** A conversation of this browser (signed out, with an address), its greeting there. */
async function conversation(): Promise<string> {
  await server.control('POST', 'support/settings', { agentDelayMs: 0, operatorStatus: 'online' });
  const c = await f.adapter().startConversation({ topic: 'other', locale: 'en', email: email('chat') });
  return c.id;
}

/** VK linked to the signed-in profile over the contract server's fake provider (its consent page, allowed). */
async function linkVk(): Promise<void> {
  const redirectUri = `${location.origin}/__social/callback`;
  const started = await f.adapter().startSocial({ provider: 'vk', redirectUri, mode: 'popup', intent: 'link' });
  if (started.kind !== 'redirect') throw new Error('expected a redirect flow');
  const page = new DOMParser().parseFromString(await (await fetch(started.authorizationUrl)).text(), 'text/html');
  const form = page.querySelector('form')!;
  const body = new URLSearchParams({ request: form.querySelector<HTMLInputElement>('input[name=request]')!.value, decision: 'allow', subject: 'vk-100002' });
  const back = new URL((await fetch(new URL(form.getAttribute('action')!, started.authorizationUrl), { method: 'POST', body })).url);
  const done = await f.adapter().completeSocial({ provider: 'vk', flowId: started.flowId, state: back.searchParams.get('state')!, code: back.searchParams.get('code')!, ...(back.searchParams.get('device_id') ? { deviceId: back.searchParams.get('device_id')! } : {}) });
  if (done.status !== 'linked') throw new Error(done.status);
}

const CASES: Case[] = [
  {
    element: 'ae-conversation',
    call: 'sendMessage',
    path: '/support/conversations/{conversationId}/messages',
    sent: /^POST support\/conversations\/[^/]+\/messages$/,
    async prepare() {
      const id = await conversation();
      const el = await mountFixture<HTMLElement>(html`<ae-conversation .adapter=${adapter()} conversation-id=${id}></ae-conversation>`);
      await waitUntil(() => shadowOf(el, '[part~=message]') && shadowOf(el, 'textarea'), 'the conversation', { timeout: 6000 });
      const box = shadowOf(el, 'textarea') as HTMLTextAreaElement;
      box.focus();
      await sendKeys({ type: 'Where is my parcel' });
      const failed = () => shadowOf(el, '[part~=message][part~=failed]');
      const mine = () => [...(el.shadowRoot?.querySelectorAll('[part~=message][part~=from-person]') ?? [])];
      return {
        el,
        act: () => realClick(shadowOf(el, '[part=send]')!),
        retry: () => realClick(failed()!.querySelector('[part=retry]')!),
        // "Not sent", and for a connection or a wait what happened (then that is the message read).
        failure: () => text([...(failed()?.querySelectorAll('[part=meta] span') ?? [])].at(-1)),
        // The text typed: in the box until sent, then in the message that was not sent (with "Send again").
        typed: () => box.value || text(failed()?.querySelector('[part=text]')),
        done: () => mine().some((m) => !/failed|sending/.test(m.getAttribute('part')!) && text(m.querySelector('[part=text]')) === 'Where is my parcel'),
        pressTarget: () => shadowOf(el, '[part=send]')!,
        double: async () => {
          const send = shadowOf(el, '[part=send]')!;
          await Promise.all([realClick(send), realClick(send)]);
          // Enter held down in the box (auto-repeated keydowns) while the message is under way.
          box.focus();
          await sendKeys({ down: 'Enter' });
          await sendKeys({ down: 'Enter' });
          await sendKeys({ up: 'Enter' });
        },
        events: ['ae-conversation-message'],
        completesAfterRemoval: 'a message sent is delivered (idempotent by its client id) and shows when the conversation is opened again',
      };
    },
  },
  {
    element: 'ae-conversation',
    call: 'listMessages (the transcript on arrival)',
    path: '/support/conversations/{conversationId}/messages',
    sent: /^GET support\/conversations\/[^/]+\/messages$/,
    async prepare() {
      const id = await conversation();
      const error = () => shadowOf(flow.el, '[part=error]');
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-conversation .adapter=${adapter()} conversation-id=${id}></ae-conversation>`);
        },
        retry: () => realClick(shadowOf(flow.el, '[part=retry]')!),
        failure: () => text(error()?.querySelector('p')),
        typed: () => '',
        done: () => !!shadowOf(flow.el, '[part~=message]'),
        // A load has no press of its own: the same conversation set again while it loads.
        double: async () => {
          await flow.act();
          (flow.el as HTMLElement & { conversationId?: string }).conversationId = id;
          flow.el.setAttribute('conversation-id', id);
        },
        events: ['ae-conversation-message'],
      };
      return flow;
    },
  },
  {
    element: 'ae-social-login',
    call: 'listSocialLinks (the linked view)',
    path: '/social/links',
    sent: 'GET social/links',
    async prepare() {
      const address = email('social');
      await f.activeProfile(address);
      setSession(await f.adapter().signIn({ email: address, password: PASSWORD, remember: false }));
      const banner = () => flow.el.querySelector<HTMLElement>('.ae-social-linked .ae-banner');
      const flow: Flow = {
        el: document.createElement('div'),
        async act() {
          flow.el = await mountFixture<HTMLElement>(html`<ae-social-login .adapter=${adapter()} view="linked"></ae-social-login>`);
        },
        retry: () => realClick(banner()!.querySelector('button')!),
        failure: () => text(banner()?.querySelector('p')),
        typed: () => '',
        done: () => !!flow.el.querySelector('.ae-social-links'),
        double: async () => {
          await flow.act();
          flow.el.setAttribute('view', 'linked');
        },
        events: ['ae-social-success', 'ae-social-error'],
      };
      return flow;
    },
  },
  {
    element: 'ae-social-login',
    call: 'unlinkSocial (the linked view)',
    path: '/social/links/{provider}',
    sent: 'DELETE social/links/vk',
    async prepare() {
      const address = email('unlink');
      await f.activeProfile(address);
      setSession(await f.adapter().signIn({ email: address, password: PASSWORD, remember: false }));
      await linkVk();
      const el = await mountFixture<HTMLElement>(html`<ae-social-login .adapter=${adapter()} view="linked"></ae-social-login>`);
      const row = () => el.querySelector<HTMLElement>('.ae-social-link[data-provider="vk"]')!;
      await waitUntil(() => el.querySelector('.ae-social-links') && row().querySelector('.ae-button'), 'the links', { timeout: 5000 });
      const [{ displayName }] = await f.adapter().listSocialLinks();
      const unlink = () => row().querySelector<HTMLElement>('.ae-button')!;
      return {
        el,
        act: () => realClick(unlink()),
        // By design the row's message has no "Try again" of its own: the same Unlink button does it again.
        retry: () => realClick(unlink()),
        failure: () => text(row().querySelector('.ae-error')),
        typed: () => '',
        done: () => !text(row().querySelector('small')).includes(displayName!),
        pressTarget: unlink,
        events: ['ae-social-unlink', 'ae-social-error'],
      };
    },
  },
];

before(() => server.control('POST', 'social/provider', { redirectUris: [`${location.origin}/__social/callback`] }));

describeFaults(CASES);
