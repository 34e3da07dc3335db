import { onFreshStack } from './fresh-stack.js';

/**
 * Loads an element's module when its tag first appears in the document (parsed, or added later), the way
 * Shoelace's autoloader does: for the CDN file, whose page may use only a few of the elements. A tag already
 * defined is left alone. Tags inside our elements' shadow roots need nothing: each element loads what it shows.
 */
export function defineWhenUsed(loaders: Readonly<Record<string, () => Promise<unknown>>>): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const pending = new Map(Object.entries(loaders));
  const selector = [...pending.keys()].join(',');
  const load = (tag: string): void => {
    const loader = pending.get(tag);
    if (!loader || customElements.get(tag)) return void pending.delete(tag);
    pending.delete(tag);
    // On a stack of its own: the first scan runs in the CDN file's top-level code (internal/fresh-stack.ts).
    onFreshStack(loader).catch((error: unknown) => {
      // A failed chunk may load on the next appearance of the tag.
      pending.set(tag, loader);
      console.error(`ae-auth-elements: could not load <${tag}>`, error);
    });
  };
  const scan = (root: ParentNode): void => {
    if (pending.size === 0) return;
    for (const el of root.querySelectorAll(selector)) load(el.localName);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (pending.has(node.localName)) load(node.localName);
        scan(node);
      }
    }
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
}
