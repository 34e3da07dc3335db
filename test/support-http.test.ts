/**
 * <ae-support> over real HTTP (HttpAdapter ↔ the contract server, Server-Sent Events for the answers): a topic,
 * the agent's answer over the stream, a message and its answer, then a "reload" (a new element on a new
 * HttpAdapter, the same browser) showing the same transcript, each message once.
 *
 * EventSource cannot send the namespace header: this file's EventSource adds it as the `?ns=` query parameter
 * the server also reads (as test/http-support.test.ts does).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-support.js';
import { setLocale } from '../src/locales/localization.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { authFixtures } from './server/auth-fixtures.js';
import { findButton, realClick } from './helpers/dom.js';
import { cleanPage, conversationOf, launcher, messageLines, mountSupport, panel, until } from './support-helpers.js';

setSessionChannelName(`ae-test:support-http:${Math.random()}`);
const NAMESPACE = `support-http-${Math.random().toString(36).slice(2)}`;
const f = await authFixtures(NAMESPACE);

const NativeEventSource = window.EventSource;
class NamespacedEventSource extends NativeEventSource {
  constructor(url: string | URL, init?: EventSourceInit) {
    const u = new URL(String(url), location.href);
    u.searchParams.set('ns', NAMESPACE);
    super(u, init);
  }
}

describe('<ae-support> over real HTTP', () => {
  beforeEach(async () => {
    await setLocale('en');
    window.EventSource = NamespacedEventSource;
    await f.server.reset({ resendCooldownMs: 0 });
    await f.server.control('POST', 'support/settings', { agentDelayMs: 0, operatorStatus: 'online' });
  });
  afterEach(async () => {
    cleanPage();
    window.EventSource = NativeEventSource;
    await f.signOutHere();
    await f.server.expectNoViolations();
  });

  it('talks with the agent over the stream and shows the same transcript after a reload', async () => {
    const el = await mountSupport(f.adapter());
    await realClick(launcher(el));
    await until(() => !panel(el).hidden, 'open');
    await realClick(findButton(el.shadowRoot!, 'The activation letter'));
    await until(() => el.shadowRoot!.querySelector('#support-email'), 'the e-mail step');
    el.shadowRoot!.querySelector<HTMLInputElement>('#support-email')!.focus();
    await sendKeys({ type: 'maria@example.com' });
    await sendKeys({ press: 'Enter' });
    await until(() => messageLines(conversationOf(el)).some((l) => l.startsWith('agent:')), 'the agent over the stream', 8000);
    const box = conversationOf(el)!.shadowRoot!.querySelector('textarea')!;
    box.focus();
    await sendKeys({ type: 'Still no letter' });
    await sendKeys({ press: 'Enter' });
    await until(() => {
      const lines = messageLines(conversationOf(el));
      const i = lines.indexOf('person: Still no letter');
      return i >= 0 && lines.slice(i + 1).some((l) => l.startsWith('agent:'));
    }, 'the answer to the message', 8000);
    const before = messageLines(conversationOf(el));
    expect(new Set(before).size, 'each message once').to.equal(before.length);
    el.remove();

    const again = await mountSupport(f.adapter());
    await realClick(launcher(again));
    await until(() => messageLines(conversationOf(again)).length === before.length, 'the transcript again', 8000);
    expect(messageLines(conversationOf(again)).join('\n')).to.equal(before.join('\n'));
  });
});
