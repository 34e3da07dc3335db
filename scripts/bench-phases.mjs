#!/usr/bin/env node
// `npm run bench:phases` (after `npm run build`): WHERE the time to the first visible field goes, for the pages of
// `npm run bench`, so that a change aimed at the loopback ratio can be aimed. `npm run bench` says how long a
// first visitor waits; this says what the CPU did meanwhile.
//
// The same pages (a snapshot of dist/ bundled by esbuild and rollup with splitting, and the CDN file; the bare
// Lit element as the baseline), cold loads in fresh contexts, interleaved, on the loopback, with the CPU slowed
// down through CDP (Emulation.setCPUThrottlingRate, 4x by default: a mid-range phone, and what the CPU does
// stands out of this machine's noise). Marks taken in the page by a script that runs before any other:
//   bytes    the last byte of the scripts fetched before the element was defined (resource timing)
//   define   the first customElements.define() of the page's tag: the static graph is in, compiled, evaluated
//   upgrade  the element's attachShadow() (its constructor runs in define when the tag is in the page)
//   inDom    the field is in the DOM (a MutationObserver on the document and every shadow root)
//   visible  the same callback, after getBoundingClientRect() gave it a box: style and layout forced there
// Medians (ms since navigation start) and the phases between them. Options: --loads=N (default 9, one warm-up
// more, not counted), --cpu=N (throttling rate, default 4; 1 = none), --only=register,captcha (elements).
import { ELEMENTS, barePage, ourPages, snapshotPackage } from './bench/pages.mjs';
import { serve } from './bench/serve.mjs';
import { inFreshPage, interleaved, launch } from './bench/cold-load.mjs';
import { floorPage } from './bench/floor.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LOADS = Math.max(1, Number(arg('loads', 9)) | 0);
const CPU = Math.max(1, Number(arg('cpu', 4)));
const ONLY = arg('only', 'register,captcha').split(',');
const log = (...a) => console.error('[phases]', ...a);

/** Runs in the page before its scripts: the marks described above, in window.__aePhases. */
function marks(spec) {
  const at = {};
  const mark = (name) => void (at[name] ??= performance.now());
  window.__aePhases = at;
  const define = customElements.define.bind(customElements);
  customElements.define = (name, ctor, options) => {
    if (name === spec.host) {
      mark('define');
      const scripts = performance.getEntriesByType('resource').filter((e) => e.initiatorType === 'script' || e.initiatorType === 'other' || /\.m?js(\?|$)/.test(e.name));
      at.bytes = Math.max(performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0, ...scripts.map((e) => e.responseEnd));
    }
    return define(name, ctor, options);
  };
  const check = (root) => {
    if (at.visible !== undefined) return;
    const el = root.querySelector(spec.selector);
    if (!el) return;
    mark('inDom');
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) mark('visible');
  };
  const watch = (root) => new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true, attributes: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    if (this.localName === spec.host) mark('upgrade');
    watch(root);
    return root;
  };
  watch(document);
}

const snapshot = snapshotPackage();
const files = new Map();
let pages;
try {
  log('bundling the pages');
  pages = [await barePage(files), ...(await ourPages(files, snapshot.dir, ELEMENTS.filter((e) => ONLY.includes(e.name))))];
} finally {
  snapshot.dispose();
}
const { browser, why } = await launch();
if (!browser) {
  console.error(`bench:phases needs headless Chromium: ${why}`);
  process.exit(2);
}
const server = await serve(files);
// Before each element's rows, its floor (scripts/bench/floor.mjs): its first frame copied into a bare Lit element.
for (const name of ONLY) {
  const rollup = pages.find((p) => p.id === `${name}-rollup`);
  if (rollup) pages.splice(pages.findIndex((p) => p.element?.name === name), 0, await floorPage(files, browser, server.origin, rollup));
}
const results = new Map(pages.map((p) => [p.id, []]));
try {
  log(`${LOADS} rounds (+1 warm-up) of ${pages.length} pages, CPU ${CPU}x slower`);
  await interleaved(pages, LOADS, (p, counted) =>
    inFreshPage(browser, { cpu: CPU }, async ({ page }) => {
      await page.evaluateOnNewDocument(marks, p.field);
      await page.goto(new URL(p.url, server.origin).href, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__aePhases?.visible !== undefined, { timeout: 30_000, polling: 50 });
      const at = await page.evaluate(() => window.__aePhases);
      if (counted) results.get(p.id).push(at);
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)}` : '-');
const STEPS = [
  ['bytes → define', 'bytes', 'define', 'compile and evaluate the static graph'],
  ['define → upgrade', 'define', 'upgrade', 'the constructor'],
  ['upgrade → inDom', 'upgrade', 'inDom', 'connectedCallback and the first render'],
  ['inDom → visible', 'inDom', 'visible', 'style and layout'],
];
console.log(
  `Where the time to the first visible field goes (loopback, CPU ${CPU}x slower through CDP, medians of ${LOADS} cold loads, ms since navigation start; the phases are medians of each load's own differences):\n`,
);
const head = ['page', 'bytes in', 'visible', ...STEPS.map((s) => s[0])];
const rows = pages.map((p) => {
  const rs = results.get(p.id);
  return [
    p.label,
    ms(median(rs.map((r) => r.bytes))),
    ms(median(rs.map((r) => r.visible))),
    ...STEPS.map(([, from, to]) => ms(median(rs.map((r) => r[to] - r[from])))),
  ];
});
console.log(`| ${head.join(' | ')} |\n|---|${head.slice(1).map(() => '---:').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(`\n${STEPS.map(([n, , , what]) => `${n}: ${what}`).join('; ')}.`);
