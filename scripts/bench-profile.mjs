#!/usr/bin/env node
// `npm run bench:profile` (after `npm run build`): WHICH CODE runs before the first visible field. `npm run
// bench:phases` says how long each phase takes; this takes V8's sampling profiler over the same cold loads and
// adds up each source module's self time, so that work on the loopback ratio starts from the module that costs.
//
// The pages are the bench's (the bare Lit element; an app bundle of `import 'ae-auth-elements/<element>.js'`),
// bundled by esbuild WITHOUT minification, so every module keeps its `// path` header and its function names:
// a sample is charged to the module whose header precedes its line. Cold loads in fresh contexts, interleaved,
// on the loopback, the CPU slowed down through CDP (4x by default, as bench:phases). Samples are counted up to
// the moment the field has a box: the probe marks that moment with a short busy function the profile can see,
// and times the forced style and layout of its getBoundingClientRect() (printed on its own: the probe's
// callback is charged with it in the profile).
// Options: --loads=N (default 7, one warm-up more, not counted), --cpu=N (default 4; 1 = none),
// --only=register,captcha (elements of scripts/bench/pages.mjs), --top=N (modules per page, default 14),
// --functions=N (also the N functions with the most self time per page, as `module function:line`).
import { join } from 'node:path';
import { ELEMENTS, pageHtml, snapshotPackage } from './bench/pages.mjs';
import { ROOT, esbuildBundle, makeConsumer } from './bench/bundle.mjs';
import { serve } from './bench/serve.mjs';
import { inFreshPage, interleaved, launch } from './bench/cold-load.mjs';
import { floorPage } from './bench/floor.mjs';

const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const LOADS = Math.max(1, Number(arg('loads', 7)) | 0);
const CPU = Math.max(1, Number(arg('cpu', 4)));
const ONLY = arg('only', 'register,captcha').split(',');
const TOP = Math.max(1, Number(arg('top', 14)) | 0);
const FUNCTIONS = Math.max(0, Number(arg('functions', 0)) | 0);
const MARK = 'AE_BENCH_FIELD_MARK';
const log = (...a) => console.error('[profile]', ...a);

/** Each module's first line in a non-minified esbuild file: `[[line, module], …]` from its `// path` headers. */
function moduleMarks(code) {
  const marks = [];
  code.split('\n').forEach((line, i) => {
    const m = /^\/\/ (\S+\.m?[jt]s)$/.exec(line);
    if (m) marks.push([i, m[1].replace(/.*node_modules\//, '').replace(/.*\/dist\//, 'dist/').replace(/.*\/ae-floor-[^/]+\//, 'the floor\'s ')]);
  });
  return marks;
}

/** Serves `chunks` (esbuildBundle's) under `base` and returns the page's URL; `headers` gets each file's modules. */
function addPage(files, headers, base, chunks, { title, body, lang }) {
  for (const c of chunks) {
    files.set(base + c.outPath, c.code);
    headers.set(base + c.outPath, moduleMarks(c.code));
  }
  const entry = chunks.find((c) => c.isEntry);
  files.set(`${base}index.html`, pageHtml({ title, script: `./${entry.outPath}`, body, lang }));
  return base;
}

/** Runs in the page before its scripts: the field's box, the time its forced style and layout took, and the mark. */
function probe(spec) {
  const check = () => {
    if (window.__aeProfile) return;
    for (const host of document.querySelectorAll(spec.host)) {
      const el = host.querySelector(spec.selector) ?? host.shadowRoot?.querySelector(spec.selector);
      if (!el) continue;
      const t0 = performance.now();
      const box = el.getBoundingClientRect();
      const t1 = performance.now();
      if (!(box.width > 0 && box.height > 0)) continue;
      window.__aeProfile = { t: t1, layout: t1 - t0 };
      // A function the sampling profiler sees (5 ms, about 100 samples): where the counted part of the profile ends. Its
      // name is MARK's.
      (function AE_BENCH_FIELD_MARK() {
        for (const end = performance.now() + 5; performance.now() < end; );
      })();
      return;
    }
  };
  const observer = new MutationObserver(check);
  const options = { subtree: true, childList: true, attributes: true };
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    observer.observe(root, options);
    return root;
  };
  observer.observe(document, options);
}

const files = new Map();
const headers = new Map();
const pages = [];
log('bundling the pages (esbuild, not minified)');
pages.push({
  id: 'bare',
  label: 'a bare Lit element (an input + a button)',
  url: addPage(files, headers, '/bare/', await esbuildBundle(join(ROOT, 'bench', 'pages', 'bare-lit.js'), ROOT, { minify: false }), { title: 'bare', body: '<bare-form></bare-form>' }),
  field: { host: 'bare-form', selector: 'input' },
});
const snapshot = snapshotPackage();
const app = makeConsumer(snapshot.dir);
try {
  for (const el of ELEMENTS.filter((e) => ONLY.includes(e.name))) {
    const chunks = await esbuildBundle(app.entry(el.name, el.entry), app.dir, { minify: false });
    const url = addPage(files, headers, `/${el.name}/`, chunks, { title: el.label, body: el.body, lang: el.lang });
    pages.push({ id: el.name, element: el, label: `${el.label}, app bundle (esbuild)`, url, field: el.field });
  }
} finally {
  app.dispose();
  snapshot.dispose();
}

/** The module a profile's call frame belongs to. */
function moduleOf({ url, lineNumber, functionName }) {
  if (!/^https?:/.test(url)) return url ? url : `(${functionName || 'native'})`;
  const path = new URL(url).pathname;
  let name = path;
  for (const [line, m] of headers.get(path) ?? []) {
    if (line > lineNumber) break;
    name = m;
  }
  return name;
}

const { browser, why } = await launch();
if (!browser) {
  console.error(`bench:profile needs headless Chromium: ${why}`);
  process.exit(2);
}
const server = await serve(files);
// The floor (scripts/bench/floor.mjs): <ae-register>'s first frame copied into a bare Lit element, captured now.
const register = pages.find((p) => p.id === 'register');
if (register) {
  const floor = await floorPage(files, browser, server.origin, register, { minify: false });
  for (const [path, c] of floor.graph.graph) headers.set(floor.base + path, moduleMarks(c.code));
  pages.splice(1, 0, { ...floor, label: `${register.element.label}'s first frame copied into a bare Lit element (the floor)` });
}
const results = new Map(pages.map((p) => [p.id, []]));
try {
  log(`${LOADS} rounds (+1 warm-up) of ${pages.length} pages, CPU ${CPU}x slower`);
  await interleaved(pages, LOADS, (p, counted) =>
    inFreshPage(browser, { cpu: CPU }, async ({ page, cdp }) => {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      await page.evaluateOnNewDocument(probe, p.field);
      await cdp.send('Profiler.start');
      await page.goto(new URL(p.url, server.origin).href, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction(() => window.__aeProfile, { timeout: 30_000, polling: 50 });
      const at = await page.evaluate(() => window.__aeProfile);
      const { profile } = await cdp.send('Profiler.stop');
      if (counted) results.get(p.id).push({ ...at, ...selfTimes(profile) });
    }),
  );
} finally {
  await browser.close();
  await server.close();
}

/** Self time (ms) per module up to the mark, and their sum. */
function selfTimes(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const end = profile.samples.findIndex((id) => nodes.get(id).callFrame.functionName === MARK);
  const modules = new Map();
  const functions = new Map();
  let total = 0;
  let program = 0;
  for (let i = 0; i < end; i++) {
    const { callFrame } = nodes.get(profile.samples[i]);
    // Idle and the bench's polling (puppeteer's waitForFunction) are not the page's work.
    if (callFrame.functionName === '(idle)' || callFrame.url.startsWith('pptr:')) continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    // The renderer outside script (the navigation, parsing HTML, compiling modules): a row, not in the total.
    if (callFrame.functionName === '(program)') {
      program += ms;
      continue;
    }
    const m = moduleOf(callFrame);
    modules.set(m, (modules.get(m) ?? 0) + ms);
    const f = `${m} ${callFrame.functionName || '(anonymous)'}:${callFrame.lineNumber + 1}`;
    functions.set(f, (functions.get(f) ?? 0) + ms);
    total += ms;
  }
  return { modules, functions, total, program, marked: end >= 0 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
console.log(
  `What runs before the first visible field (loopback, CPU ${CPU}x slower through CDP; esbuild bundles, not minified; medians of ${LOADS} cold loads, ms of main-thread self time):\n`,
);
for (const p of pages) {
  // A load whose profile missed the mark cannot be cut at the field: left out of the module table.
  const all = results.get(p.id);
  const rs = all.filter((r) => r.marked);
  const unmarked = all.length - rs.length;
  if (!rs.length) {
    console.log(`${p.label}: no profile had the mark\n`);
    continue;
  }
  console.log(
    `${p.label}: field at ${median(rs.map((r) => r.t)).toFixed(0)} ms; script ${median(rs.map((r) => r.total)).toFixed(0)} ms; ` +
      `the renderer outside script ("(program)": navigation, HTML, compiling) ${median(rs.map((r) => r.program)).toFixed(0)} ms; ` +
      `the field's forced style and layout ${median(rs.map((r) => r.layout)).toFixed(1)} ms (charged to "check" below)` +
      (unmarked ? `; ${unmarked} of ${all.length} profiles missed the mark and are left out` : ''),
  );
  const names = new Set(rs.flatMap((r) => [...r.modules.keys()]));
  const rows = [...names].map((n) => [n, median(rs.map((r) => r.modules.get(n) ?? 0))]).sort((a, b) => b[1] - a[1]);
  console.log('| module | ms |\n|---|---:|');
  for (const [n, ms] of rows.slice(0, TOP)) console.log(`| ${n.replace('(check)', 'check (the probe: style and layout)')} | ${ms.toFixed(1)} |`);
  console.log(`| the other ${Math.max(0, rows.length - TOP)} | ${rows.slice(TOP).reduce((s, [, ms]) => s + ms, 0).toFixed(1)} |\n`);
  if (!FUNCTIONS) continue;
  const fnames = new Set(rs.flatMap((r) => [...r.functions.keys()]));
  const frows = [...fnames].map((n) => [n, median(rs.map((r) => r.functions.get(n) ?? 0))]).sort((a, b) => b[1] - a[1]);
  console.log('| function (module, name, line in the non-minified bundle) | ms |\n|---|---:|');
  for (const [n, ms] of frows.slice(0, FUNCTIONS)) console.log(`| ${n} | ${ms.toFixed(1)} |`);
  console.log('');
}
