/**
 * Reflow, text size, dark, forced colors and reduced motion (issue 19, accessibility) for the signed-in and
 * support elements: <ae-user-menu> (its menu open), <ae-support> (the launcher, and the panel open with a
 * conversation), <ae-support-link>, <ae-conversation>, <ae-account-panel> (overview, orders, profile). The
 * same facts as test/reflow-forms.test.ts, from test/reflow-checks.ts, at 320 px.
 */
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { html } from 'lit';
import '../src/define/ae-user-menu.js';
import '../src/define/ae-support.js';
import '../src/define/ae-support-link.js';
import '../src/define/ae-conversation.js';
import '../src/define/ae-account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AeSupport } from '../src/components/support/support.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { setLocale } from '../src/locales/localization.js';
import { describeReflowCases, leaveMode, place, removePlaced } from './reflow-checks.js';

setSessionChannelName(`ae-test:reflow-account:${Math.random().toString(36).slice(2)}`);

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
async function signedIn(options: Partial<MemoryAdapterOptions> = {}): Promise<MemoryAdapter> {
  const a = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN], agentDelayMs: 0, operatorStatus: 'online', ...options } as MemoryAdapterOptions);
  await a.signIn({ email: IVAN.email, password: IVAN.password, remember: false });
  return a;
}

const q = (el: Element, sel: string) => el.shadowRoot?.querySelector<HTMLElement>(sel) ?? null;

async function panel(section: string): Promise<Element> {
  const el = await place(html`<ae-account-panel .adapter=${await signedIn()} section=${section}></ae-account-panel>`, 'ae-account-panel');
  await waitUntil(
    () => {
      const s = q(el, 'section.section');
      return !!s && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
    },
    'the section loaded',
    { timeout: 5000 },
  );
  return el;
}

async function openSupport(chat: boolean): Promise<AeSupport> {
  const el = await place<AeSupport>(html`<ae-support .adapter=${await signedIn()}></ae-support>`, 'ae-support');
  await waitUntil(() => q(el, '[part~=launcher]'), 'the launcher', { timeout: 5000 });
  q(el, '[part~=launcher]')!.click();
  await waitUntil(() => q(el, '[part~=topics] button'), 'the topics', { timeout: 5000 });
  if (!chat) return el;
  q(el, '[part~=topics] button')!.click();
  const conversation = () => el.shadowRoot!.querySelector('ae-conversation')?.shadowRoot;
  await waitUntil(() => conversation()?.querySelector('textarea') && conversation()?.querySelector('[part~=message]'), 'the conversation', { timeout: 5000 });
  return el;
}

const CASES: Record<string, () => Promise<Element>> = {
  async 'user-menu, open'() {
    const el = await place(html`<ae-user-menu .adapter=${await signedIn()}></ae-user-menu>`, 'ae-user-menu');
    await waitUntil(() => q(el, '[part~=trigger]')?.textContent?.includes('Ivan'), 'the signed-in menu', { timeout: 5000 });
    await el.updateComplete;
    // The menu stays open when the page loses the focus to another tab (another test file's page brought to the
    // front): the click opens it whichever page has the focus. Bring this one to the front for its frames.
    const isOpen = () => !!(el as unknown as { open?: boolean }).open;
    const menu = () => q(el, '[part~=menu]');
    const shown = () => isOpen() && !!menu() && !menu()!.hidden && menu()!.getBoundingClientRect().height > 0;
    for (let i = 0; i < 3 && !shown(); i++) {
      await executeServerCommand('bring-to-front');
      if (!isOpen()) q(el, '[part~=trigger]')!.click();
      await waitUntil(shown, 'the menu open', { timeout: 2000 }).catch(() => undefined);
    }
    // What a failure needs to be understood (seen only in full runs, in forced colors).
    const state = () => `open ${isOpen()}, menu ${menu() ? (menu()!.hidden ? 'hidden' : `${menu()!.getBoundingClientRect().height}px high`) : 'absent'}, page focused ${document.hasFocus()}`;
    await waitUntil(shown, 'the menu open', { timeout: 1000 }).catch(() => {
      throw new Error(`the menu open: ${state()}`);
    });
    return el;
  },
  async 'user-menu, signed out'() {
    const el = await place(html`<ae-user-menu .adapter=${new MemoryAdapter({ latency: 0, persistSession: false })}></ae-user-menu>`, 'ae-user-menu');
    await waitUntil(() => q(el, '[part~=sign-in]'), 'sign-in', { timeout: 5000 });
    return el;
  },
  async 'support, the launcher'() {
    const el = await place<AeSupport>(html`<ae-support .adapter=${await signedIn()}></ae-support>`, 'ae-support');
    await waitUntil(() => q(el, '[part~=launcher]'), 'the launcher', { timeout: 5000 });
    return el;
  },
  'support, open: the topics': () => openSupport(false),
  'support, open: a conversation': () => openSupport(true),
  async 'support-link'() {
    const el = await place(html`<ae-support-link></ae-support-link>`, 'ae-support-link');
    await waitUntil(() => el.shadowRoot?.querySelector('button'), 'the link', { timeout: 5000 });
    return el;
  },
  async conversation() {
    const a = await signedIn();
    const { id } = await a.startConversation({ topic: 'orders', locale: 'en' });
    const el = await place(html`<ae-conversation .adapter=${a} .conversationId=${id}></ae-conversation>`, 'ae-conversation');
    await waitUntil(() => q(el, 'textarea') && el.shadowRoot!.querySelector('[part~=message]'), 'the text box and the agent’s first words', { timeout: 5000 });
    return el;
  },
  'account-panel, overview': () => panel('overview'),
  'account-panel, orders': () => panel('orders'),
  'account-panel, profile': () => panel('profile'),
};

describe('the account and support elements at 320 px, 200 % text, dark, forced colors and reduced motion', () => {
  beforeEach(async () => {
    resetSessionStoreForTests();
    resetPreferencesStoreForTests('en');
    sessionStorage.removeItem('ae-support:conversation');
    await setLocale('en');
  });
  afterEach(async () => {
    removePlaced();
    for (const s of document.querySelectorAll('ae-support')) s.remove();
    await leaveMode();
  });

  describeReflowCases(CASES, 'account');
});
