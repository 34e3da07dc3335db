import type { SupportTopic } from '../../adapter/support-types.js';
import { SUPPORT_TOPICS } from '../../adapter/support-types.js';

/**
 * The one thing `<ae-support>` keeps across a reload: which conversation this tab had open (its id and topic), in
 * `sessionStorage` (the tab's, gone with it). Never a message text, an address or anything that grants access
 * beyond that conversation. Forgotten on sign-out and when the person starts a new question.
 */
const KEY = 'ae-support:conversation';

export interface StoredConversation {
  id: string;
  topic: SupportTopic;
}

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // storage blocked by the browser's settings: the transcript just does not survive a reload
  }
}

export function readConversation(): StoredConversation | undefined {
  try {
    const raw = storage()?.getItem(KEY);
    if (!raw) return undefined;
    const v = JSON.parse(raw) as Partial<StoredConversation>;
    if (typeof v.id !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(v.id)) return undefined;
    const topic = SUPPORT_TOPICS.includes(v.topic as SupportTopic) ? (v.topic as SupportTopic) : 'other';
    return { id: v.id, topic };
  } catch {
    return undefined;
  }
}

export function keepConversation(c: StoredConversation): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ id: c.id, topic: c.topic }));
  } catch {
    // Full or blocked: nothing to do.
  }
}

export function forgetConversation(): void {
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Blocked: nothing was kept.
  }
}
