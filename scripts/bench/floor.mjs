// The floor of `npm run bench`: what an element's first frame costs by itself, whatever library draws it. A bare
// Lit element that renders a COPY of the element's first frame (its light DOM, its shadow DOM and every style
// sheet adopted at that moment, captured from a load of the element's own page) and nothing else: no validation,
// no adapter, no localization, no controllers. Bundled with esbuild like the bare element.
//
// Read its ratio as the least any implementation of the same form, with the same look, can reach; the element's
// distance to it is what the library itself costs. Nested custom elements (the captcha, the social block) stay
// undefined and empty in the copy, as they are empty in the element's first frame (their renders come after).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';
import { addGraph, fileBundle, pageHtml } from './pages.mjs';
import { inFreshPage } from './cold-load.mjs';

const TAG = 'floor-copy';

/** Runs in the page before its scripts: once `spec.selector` is in `spec.host`, the first frame's DOM and sheets. */
function capture(spec) {
  const rules = (sheets) => sheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('\n'));
  // Lit's markers (comments) are how its templates find their parts again: the copy is static and needs none.
  const html = (root) => root.innerHTML.replace(/<!--\?lit\$\d+\$-->|<!---->/g, '');
  const observer = new MutationObserver(() => {
    const host = document.querySelector(spec.host);
    if (window.__aeFirstFrame || !(host?.querySelector(spec.selector) ?? host?.shadowRoot?.querySelector(spec.selector))) return;
    // Where each control is (this forces a layout; the capture is not timed): the copy must put them there too.
    const boxes = [...host.querySelectorAll('input, button'), ...(host.shadowRoot?.querySelectorAll('input, button') ?? [])].map((el) => {
      const b = el.getBoundingClientRect();
      return `${el.localName} ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
    });
    window.__aeFirstFrame = {
      light: html(host),
      shadow: host.shadowRoot ? html(host.shadowRoot) : '',
      documentSheets: rules(document.adoptedStyleSheets),
      shadowSheets: host.shadowRoot ? rules(host.shadowRoot.adoptedStyleSheets) : [],
      boxes,
    };
    observer.disconnect();
  });
  observer.observe(document, { subtree: true, childList: true });
  // A field in the shadow root (the captcha's): its root is watched from the moment it is attached.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observer.observe(root, { subtree: true, childList: true });
    return root;
  };
}

/**
 * The floor page of `page` (one of ourPages', its field in the host's light DOM or shadow root), served
 * from `origin` by the bench's server over `files`. Loads it once in `browser`, writes the copy's module, bundles
 * it and adds it to `files`. Returns the page (`{ id, label, url, base, field, graph }`). `esbuild`: more esbuild
 * options for the copy's bundle (bench:profile's `{ minify: false }`).
 */
export async function floorPage(files, browser, origin, page, esbuild = {}) {
  const firstFrame = (url, field) =>
    inFreshPage(browser, {}, async ({ page: tab }) => {
      await tab.evaluateOnNewDocument(capture, field);
      await tab.goto(new URL(url, origin).href, { waitUntil: 'domcontentloaded' });
      await tab.waitForFunction(() => window.__aeFirstFrame, { timeout: 30_000, polling: 50 });
      return tab.evaluate(() => window.__aeFirstFrame);
    });
  const frame = await firstFrame(page.url, page.field);
  // The sheets name the host's tag (the light-DOM rules are scoped to it): they name the copy's instead.
  const host = page.field.host;
  const retag = (css) => css.replaceAll(host, TAG);
  const dir = mkdtempSync(join(tmpdir(), 'ae-floor-'));
  try {
    const file = join(dir, 'floor.js');
    writeFileSync(
      file,
      `import { LitElement, html, render, unsafeCSS } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
const light = new CSSStyleSheet();
light.replaceSync(${JSON.stringify(frame.documentSheets.map(retag).join('\n'))});
class FloorCopy extends LitElement {
  static styles = [${frame.shadowSheets.map((css) => `unsafeCSS(${JSON.stringify(retag(css))})`).join(', ')}];
  connectedCallback() {
    if (!document.adoptedStyleSheets.includes(light)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, light];
    super.connectedCallback();
  }
  render() {
    return html\`\${unsafeHTML(${JSON.stringify(frame.shadow)})}\`;
  }
  update(changed) {
    super.update(changed);
    render(html\`\${unsafeHTML(${JSON.stringify(frame.light)})}\`, this);
  }
}
customElements.define('${TAG}', FloorCopy);
`,
    );
    const graph = await fileBundle(file, ROOT, { nodePaths: [join(ROOT, 'node_modules')], ...esbuild });
    const base = `/floor/${page.element.name}/`;
    addGraph(files, base, graph);
    // The element's own page, the copy in the element's place (the captcha's sits in a form with a button).
    const body = page.element.body.replaceAll(host, TAG);
    files.set(`${base}index.html`, pageHtml({ title: `${page.element.label}'s first frame, no library`, script: `./${graph.entry}`, body }));
    // A copy that lays out otherwise (a sheet lost, a rule that no longer matches) would measure another form.
    const field = { host: TAG, selector: page.field.selector };
    const copied = (await firstFrame(base, field)).boxes;
    if (copied.join() !== frame.boxes.join()) {
      throw new Error(`the floor of ${page.element.label} does not lay out as the element: [${copied.join('; ')}] against [${frame.boxes.join('; ')}]`);
    }
    return {
      id: `floor-${page.element.name}`,
      label: `${page.element.label}'s first frame copied into a bare Lit element (the floor: no library), esbuild`,
      url: base,
      base,
      field,
      graph,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
