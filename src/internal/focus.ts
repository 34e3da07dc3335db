/** `ancestor` is `node` or holds it, across shadow boundaries. */
function isComposedAncestor(ancestor: Node, node: Node): boolean {
  for (let n: Node | null = node; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (n === ancestor) return true;
  }
  return false;
}

/**
 * Focus is in `host`, or nowhere in particular (on an ancestor such as `<body>`): a new state of `host` may take
 * it.
 */
export function focusIsFree(host: HTMLElement): boolean {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return true;
  return host.contains(active) || !!host.shadowRoot?.contains(active) || isComposedAncestor(active, host);
}
