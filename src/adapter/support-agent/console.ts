/**
 * The support desk's side of `MemoryAdapter`, for tests and demos: what a human operator would do in their
 * own tool (answer in a conversation, close it) and the switches of the simulation (operators' status, the
 * agent's typing time). Pass `createSupportConsole()` as the `supportConsole` option; its methods work once
 * the adapter's support module is loaded (after the first support call).
 *
 * The contract server reaches the same console of a namespace through a registry on `globalThis`, keyed by
 * the adapter's `now` option (see routes-support.mjs); nothing is registered unless that registry exists.
 */
import type { AgentStatus, ConversationKind, ConversationStatus, SupportAction, SupportContext, SupportMessage } from '../support-types.js';

/** What the support module lends the console (set by memory-support.ts). */
export interface SupportDesk {
  /** Posts as the conversation's operator (support: joins it, status `human`) or as its store. */
  post(conversationId: string, text: string, options?: { name?: string; actions?: Omit<SupportAction, 'id'>[] }): SupportMessage;
  /** Sets a conversation's status (an operator taking it, closing it). */
  setStatus(conversationId: string, status: ConversationStatus): void;
  /** Every conversation of the server, as a desk lists them (newest first). */
  conversations(): DeskConversation[];
}

export interface DeskConversation {
  id: string;
  kind: ConversationKind;
  status: ConversationStatus;
  title: string;
  /** The address given signed out, or the profile's. */
  email?: string;
  userId?: string;
  context?: SupportContext;
  messages: number;
  updatedAt: number;
}

/** The console link (plain data, so the contract server can make one without this module). */
export interface SupportConsoleLink {
  settings: { operatorStatus?: AgentStatus; agentDelayMs?: number | [number, number] };
  desk?: SupportDesk;
}

export interface SupportConsole extends SupportConsoleLink {
  /** Fixes the operators' status; undefined: back to the adapter's options. */
  setOperatorStatus(status: AgentStatus | undefined): void;
  /** The agent's typing time, ms; undefined: back to the adapter's options. */
  setAgentDelay(ms: number | [number, number] | undefined): void;
  post: SupportDesk['post'];
  setStatus: SupportDesk['setStatus'];
  conversations: SupportDesk['conversations'];
}

export const CONSOLE_REGISTRY = Symbol.for('ae-auth-elements.support-consoles');

export function createSupportConsole(): SupportConsole {
  const desk = (): SupportDesk => {
    if (!handle.desk) throw new Error('The support module is not loaded yet: call a support method of the adapter first');
    return handle.desk;
  };
  const handle: SupportConsole = {
    settings: {},
    setOperatorStatus: (status) => {
      handle.settings.operatorStatus = status;
    },
    setAgentDelay: (ms) => {
      handle.settings.agentDelayMs = ms;
    },
    post: (...args) => desk().post(...args),
    setStatus: (...args) => desk().setStatus(...args),
    conversations: () => desk().conversations(),
  };
  return handle;
}

/** The console of an adapter: its `supportConsole` option, else the contract server's registry entry. */
export function consoleOf(options: Readonly<Record<string, unknown>>): SupportConsoleLink | undefined {
  const own = options.supportConsole;
  if (isLink(own)) return own;
  const registry = (globalThis as Record<symbol, unknown>)[CONSOLE_REGISTRY];
  if (registry instanceof WeakMap && typeof options.now === 'function') {
    const found: unknown = registry.get(options.now as object);
    if (isLink(found)) return found;
  }
  return undefined;
}

function isLink(value: unknown): value is SupportConsoleLink {
  return typeof value === 'object' && value !== null && typeof (value as SupportConsoleLink).settings === 'object';
}
