/**
 * Defines a custom element once. The library may be loaded twice on one page (an embed next to a bundle):
 * the second definition of a tag is skipped instead of throwing. A different class already holding the tag
 * is reported once on the console, since its version may differ from ours.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`[ae-auth-elements] <${tag}> is already defined by another copy of the library; keeping that one.`);
  }
}
