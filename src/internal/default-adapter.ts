import type { AuthAdapter } from '../adapter/types.js';
import type { MemoryAdapter, PageLocation } from '../adapter/memory-adapter.js';
import { LazyAdapter } from './lazy-adapter.js';

let pageDefault: Partial<AuthAdapter> | undefined;
let embedded: LazyAdapter | undefined;

/** @internal Functions called after every {@link setDefaultAdapter}: an element adds one while it is connected. */
export const defaultWatchers = new Set<() => void>();

/**
 * Sets the adapter every ae-* element on the page uses when it has no `adapter` property of its own.
 * Call it once, best in the module that imports the elements (or before): the elements make their first calls
 * in a microtask after they connect, so those go to it. Set later (from another script), it serves every call
 * from then on, and a captcha that showed a picture of the former default asks the new one for its own; what
 * the other elements asked for at connect (the session, the saved addresses) is not asked again.
 * It may implement only the capabilities the page's elements call; an element that needs another one says so
 * (`unsupported`) instead of failing.
 */
export function setDefaultAdapter(adapter: Partial<AuthAdapter> | undefined): void {
  pageDefault = adapter;
  defaultWatchers.forEach((watcher) => watcher());
}

/**
 * The embedded `MemoryAdapter` as a {@link LazyAdapter}, for a page at `where`. When it loads (on its first
 * call) on a page that is not local (`isLocalPage`) and has no default of its own by then, it warns once in the
 * console that sign-ups stay in the page's memory. The check and the text come with the lazy chunk, so a page
 * with a real backend does not download them.
 * @internal Exported so that tests can give it a page address; the page itself shares one, see
 * {@link getDefaultAdapter}.
 */
export function createEmbeddedAdapter(where: PageLocation | undefined = globalThis.location): LazyAdapter {
  // LazyAdapter runs this once (again only after a failed import, which never got this far): one warning.
  return new LazyAdapter(async () => {
    const m = await import('../adapter/memory-adapter.js');
    if (!pageDefault) m.warnIfNotLocal(where);
    // The session is mirrored in localStorage ("stay signed in") or sessionStorage, as a cookie would be; a
    // reload forgets the profiles, and with them that session (see MemoryAdapterOptions.persistSession).
    return new m.MemoryAdapter({ latency: [150, 400], persistSession: true });
  });
}

function embeddedAdapter(): LazyAdapter {
  return (embedded ??= createEmbeddedAdapter());
}

/**
 * The page default if one was set, else the embedded `MemoryAdapter` shared by all elements of the page
 * (loaded on its first call, so a page with a real backend never downloads it).
 */
export function getDefaultAdapter(): Partial<AuthAdapter> {
  return pageDefault ?? embeddedAdapter();
}

/** The embedded `MemoryAdapter` itself (to read its `outbox` in a demo). */
export function getEmbeddedAdapter(): Promise<MemoryAdapter> {
  return embeddedAdapter().resolve() as Promise<MemoryAdapter>;
}
