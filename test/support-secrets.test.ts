/**
 * Secrets after the support chat (issue 19, "Secrets": "after every flow … support chat …"): a person signs in
 * with <ae-login> (the password typed for real), opens <ae-support>, starts a conversation, writes, gets the
 * agent's answers, asks for a person; then the password is nowhere a page script could read: not in an event's
 * detail, an attribute, storage, cookies, the URL or history, a request's URL, or the console. The recorder is
 * installed before the elements' modules load (test/helpers/secrets.ts).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder } from './helpers/secrets.js';
import type { LeakRecorder } from './helpers/secrets.js';
import { findButton, input, realClick } from './helpers/dom.js';

const recorder: LeakRecorder = installLeakRecorder();
await import('../src/define/ae-login.js');
await import('../src/define/ae-support.js');
const { setSessionChannelName } = await import('../src/session/session-channel.js');
const { resetSessionStoreForTests } = await import('../src/session/session-store.js');
const { conversationOf, launcher, messageLines, panel, supportAdapter, until } = await import('./support-helpers.js');
setSessionChannelName(`ae-test:support-secrets:${Math.random().toString(36).slice(2)}`);

const PASSWORD = 'Chat-Vault-2026';
const BUYER = { email: 'chat.buyer@example.com', password: PASSWORD, firstName: 'Nova', lastName: 'Dimitrova' };

after(() => {
  sessionStorage.removeItem('ae-support:conversation');
  resetSessionStoreForTests();
});

describe('the password is found nowhere after a support chat', () => {
  it('signed in through <ae-login>, a conversation with the agent, a message, a request for a person', async function () {
    this.timeout(20_000);
    const adapter = supportAdapter({ users: [BUYER], persistSession: false });
    recorder.clear();

    const login = document.createElement('ae-login');
    (login as unknown as { adapter: unknown }).adapter = adapter;
    document.body.append(login);
    await (login as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    input(login, 'email').focus();
    await sendKeys({ type: BUYER.email });
    input(login, 'password').focus();
    await sendKeys({ type: PASSWORD });
    await sendKeys({ press: 'Enter' });
    await until(() => login.querySelector('.ae-notice, [role=status]')?.textContent?.includes('signed in'), 'signed in', 6000);
    expect(login.querySelector<HTMLInputElement>('input[name="password"]')?.value ?? '', 'no password left in a field').to.equal('');

    const chat = document.createElement('ae-support') as HTMLElement & { updateComplete: Promise<unknown> };
    (chat as unknown as { adapter: unknown }).adapter = adapter;
    document.body.append(chat);
    await chat.updateComplete;
    const el = chat as unknown as Parameters<typeof launcher>[0];
    await realClick(launcher(el));
    await until(() => !panel(el).hidden, 'the panel');
    await realClick(findButton(chat.shadowRoot!, 'Orders'));
    await until(() => messageLines(conversationOf(el)).some((l) => l.startsWith('agent:')), 'the agent’s first answer', 6000);
    const box = conversationOf(el)!.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    box.focus();
    await sendKeys({ type: 'Where is my order?' });
    await sendKeys({ press: 'Enter' });
    await until(() => messageLines(conversationOf(el)).filter((l) => l.startsWith('agent:')).length >= 2, 'the agent’s answer', 6000);
    await realClick(findButton(chat.shadowRoot!, 'Talk to a person'));
    await until(() => messageLines(conversationOf(el)).length >= 4, 'the hand-off', 6000);

    expect(await recorder.find(PASSWORD), 'the password').to.deep.equal([]);
    chat.remove();
    login.remove();
  });
});
