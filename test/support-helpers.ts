/** Shared by the support and conversation tests: a MemoryAdapter whose agent answers at once, and DOM lookups. */
import { waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AeSupport } from '../src/components/support/support.js';
import type { AeConversation } from '../src/components/conversation/conversation.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { shownText } from './helpers/dom.js';

export const CAPTCHA = 'Ab3dE';

/** A MemoryAdapter with no latency; the support options (`agentDelayMs`, `operatorStatus`) are memory-support.ts's. */
export function supportAdapter(options: Record<string, unknown> = {}): MemoryAdapter {
  return new MemoryAdapter({ latency: 0, captchaAnswer: CAPTCHA, agentDelayMs: 0, operatorStatus: 'online', ...options } as MemoryAdapterOptions);
}

export async function mountSupport(adapter: unknown, attrs: Record<string, string> = {}): Promise<AeSupport> {
  const el = document.createElement('ae-support');
  el.adapter = adapter as AeSupport['adapter'];
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

export function part(root: ParentNode | null | undefined, name: string): HTMLElement | null {
  return root?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
}

export function parts(root: ParentNode | null | undefined, name: string): HTMLElement[] {
  return [...(root?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
}

export function launcher(el: AeSupport): HTMLButtonElement {
  return part(el.shadowRoot, 'launcher') as HTMLButtonElement;
}

export function panel(el: AeSupport): HTMLElement {
  return part(el.shadowRoot, 'panel')!;
}

export function conversationOf(el: AeSupport): AeConversation | null {
  return el.shadowRoot!.querySelector('ae-conversation');
}

/** The messages the conversation view shows, as `from: text` lines. */
export function messageLines(view: AeConversation | null): string[] {
  return parts(view?.shadowRoot, 'message').map((m) => {
    const from = [...m.getAttribute('part')!.split(' ')].find((p) => p.startsWith('from-'))!.slice(5);
    return `${from}: ${part(m, 'text')?.textContent ?? ''}`;
  });
}

export async function until(check: () => unknown, what: string, timeout = 4000): Promise<void> {
  await waitUntil(check, what, { timeout });
}

/** The focused node through open shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

export function isInside(node: Node | null, container: Node): boolean {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) if (n === container) return true;
  return false;
}

export function nameOf(b: Element): string {
  return (b.getAttribute('aria-label') ?? shownText(b)).replace(/\s+/g, ' ').trim();
}

/** Clears what one test leaves behind: the session store, the kept conversation id, the page's elements. */
export function cleanPage(): void {
  for (const el of document.querySelectorAll('ae-support, ae-conversation, ae-captcha, ae-register, form, input')) el.remove();
  sessionStorage.removeItem('ae-support:conversation');
  resetSessionStoreForTests();
}
