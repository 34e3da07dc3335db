/**
 * The fixture of the tests that go from a form to support (register-support, captcha-help-forms): a MemoryAdapter
 * whose virtual agent answers at once, reporting to a support desk's console, so that a test reads what the
 * server side received (the conversation, its topic and context); a signed-up buyer for <ae-login>; and the page
 * put back after each test (a form creates the page's <ae-support> when there is none).
 */
import { fixtureCleanup } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../../src/adapter/memory-adapter.js';
import { createSupportConsole } from '../../src/adapter/support-agent/console.js';

export type SupportDesk = ReturnType<typeof createSupportConsole>;
export type DeskConversation = ReturnType<SupportDesk['conversations']>[number];

export const PASSWORD = 'Sekret-2026';
/** A buyer with an account, for the sign-in form. */
export const MARIA = { email: 'maria@example.com', password: PASSWORD, firstName: 'Maria', lastName: 'Ivanova' };

/** A new desk and a MemoryAdapter (no latency, the agent at once, `options` on top) that reports to it. */
export function adapterWithDesk(options: MemoryAdapterOptions = {}): { desk: SupportDesk; adapter: MemoryAdapter } {
  const desk = createSupportConsole();
  const adapter = new MemoryAdapter({ latency: 0, agentDelayMs: 0, supportConsole: desk, ...options });
  return { desk, adapter };
}

/** The desk's conversations, once the adapter's support module is loaded (empty before). */
export function deskConversations(desk: SupportDesk): DeskConversation[] {
  try {
    return desk.conversations();
  } catch {
    return [];
  }
}

/** The topic of the desk's `conversation` as the adapter lists it to the person. */
export async function listedTopic(adapter: MemoryAdapter, conversation: DeskConversation): Promise<string | undefined> {
  const [listed] = await adapter.listConversations({ ids: [conversation.id] });
  return listed?.topic;
}

/** After each test: the fixtures, every <ae-support> and the stored conversation gone. */
export function cleanUpAfterEach(): void {
  afterEach(() => {
    fixtureCleanup();
    for (const el of document.querySelectorAll('ae-support')) el.remove();
    sessionStorage.clear();
  });
}
