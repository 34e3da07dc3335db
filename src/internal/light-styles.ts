import type { CSSResult } from 'lit';

/**
 * Light-DOM styling. Form controls that a password manager must see live in the light DOM, where a shadow
 * root's styles cannot reach. Their look comes from one constructed stylesheet per element type, adopted once
 * by each root the element lives in (the document, or the shadow root of a host component). Every rule in
 * such a sheet sits under `@scope (tag)` and starts from `all: revert` on our own nodes, so a page's bare
 * `input { }` / `button { }` rules neither reach in, nor do ours leak out.
 */
const sheets = new WeakMap<CSSResult, CSSStyleSheet>();

export function adoptLightStyles(host: Element, styles: CSSResult): void {
  const root = host.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  let sheet = sheets.get(styles);
  if (!sheet) {
    sheet = styles.styleSheet ?? new CSSStyleSheet();
    if (!styles.styleSheet) sheet.replaceSync(styles.cssText);
    sheets.set(styles, sheet);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
