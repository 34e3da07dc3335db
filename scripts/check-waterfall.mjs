#!/usr/bin/env node
// `npm run check:waterfall` (after `npm run build`), for CI: what a first visitor waits for before each element
// shows its first visible, usable field, counted where it does not depend on the machine's speed.
//
// For every element of ELEMENTS (scripts/bench/pages.mjs; add a future element there and a ceiling here) and
// every build a site uses (a consumer's app bundle with esbuild splitting, with and without modulepreload, the
// same with rollup splitting, a page built by Vite, the CDN file dist/cdn), two counts of SEQUENTIAL REQUEST
// LEVELS after the entry script before the field is there:
//  - static: from the bundler's chunk graph (esbuild metafile, rollup's and Vite's bundle, esbuild reading the
//    CDN file), with the files the page lists as <link rel="modulepreload"> fetched with the entry:
//    the entry's static imports are level 2, what those import and the entry does not is level 3, and so on.
//    The browser fetches all of them before the entry runs.
//  - observed: the page loaded in headless Chromium (fresh context, no cache) with 200 ms of latency emulated per
//    request (CDP), every request's initiator recorded, levels counted up to the moment the field is visible.
//    This adds what no graph shows: an `import()` (or any request) that the first render waits for. With
//    200 ms per request, a lazy chunk that is not awaited cannot arrive before the field, so the count is stable.
// and the bytes fetched before the field (gzip -9; brotli printed too). Exits 1 when an element's levels after
// the entry exceed LEVELS_AFTER_ENTRY, its bytes exceed its ceiling, or a page fetches more requests before the
// field than REQUESTS (rollup, Vite) or ESBUILD_REQUESTS (esbuild) allow.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, kB, gz } from './bench/bundle.mjs';
import { ELEMENTS, ourPages, snapshotPackage, staticLevels } from './bench/pages.mjs';
import { serve } from './bench/serve.mjs';
import { coldLoad, launch, weigh } from './bench/cold-load.mjs';

/** Issue 14: everything the first render needs within one round trip after the entry. */
const LEVELS_AFTER_ENTRY = 1;

/**
 * Requests before the field (the HTML included) of the builds that can put an element's first render into one
 * file: rollup, and Vite from 8.4 (Rolldown 1.3; Vite 8.3 split <ae-register> into 5 files, docs/perf/issue-14-research.md
 * section 15). A module graph that makes either split again fails here. esbuild splits by design (the README);
 * with our plugin (bundlers/esbuild.js) it writes the first render into the entry and one shared chunk: three
 * requests with the HTML, the plugin's whole point (research section 17).
 */
const REQUESTS = { rollup: 2, vite: 2, 'esbuild-plugin': 3, 'esbuild-plugin-preload': 3 };

/**
 * esbuild splits by design, one chunk per set of entries that share a module, so its requests are not one file;
 * but their number is deterministic, and a new shared import can add one more before the field (the index of
 * @lit/localize did: <ae-register> 21 files -> 20 once the locale modules imported `str` alone, research section
 * 15). Requests before the field, the HTML included, per element, with and without modulepreload: as measured.
 */
const ESBUILD_REQUESTS = {
  register: 21,
  'register-ru': 23,
  captcha: 8,
  activate: 9,
  login: 21,
  'forgot-password': 9,
  'social-login': 16,
  preferences: 8,
  support: 13,
  'support-link': 10,
};

/**
 * kB (1000 bytes) gzip fetched before the first visible field (the HTML page included), per element and build.
 * Set a little above what the tree measured when they were written; tighten them as the graph gets flatter.
 * An element without ceilings fails: give it its own line.
 */
const CEILINGS = {
  // Measured 2026-12-01 after the designed look and the sign-in elements (esbuild / rollup / CDN): register
  // 21.0 / 18.9 / 52.5, captcha 11.6 / 10.9 / 52.5, activate 15.1 / 13.9 / 52.5, login 23.8 / 19.1 / 52.5,
  // forgot-password 16.9 / 15.6 / 52.5. The CDN file holds all seven elements (about 52 kB gzip).
  // Later the same day, with social sign-in and the support offer embedded in register and login (issues 16, 17)
  // and seven more elements: register 24.8 / 20.0 / 58.5, login 27.1 / 21.5 / 58.5. The CDN file defines the
  // forms at once and the account, support, social and address elements when their tag appears (src/cdn.ts);
  // with all fourteen inside it was 92.7. The growth of register and login under esbuild (+3.8, +3.3 kB) is the
  // split of the modules they now share with the lazily loaded social element: issue 14's sealed leaves.
  // The CDN file without the heavy API (adapter classes, schemas, transliteration: now dist/cdn/api.js): 41.3;
  // with the locale runtime's set-up (dist/cdn/ru.js, bg.js) and issue 19's fixes, 42.7. Under esbuild the same
  // fixes and the captcha's listen/help glue: register 25.4, captcha 12.0, login 27.8.
  // The CDN file defines only register, captcha and login at once, the rest when their tag appears, each lazy
  // chunk fetched together with its own imports (scripts/build/parallel-imports.mjs): 28.2 before those
  // three; <ae-activate> and <ae-forgot-password> now add their chunks, in the same single level: 33.9, 32.0.
  // The esbuild bundle with the entry's chunks as <link rel="modulepreload"> in the page: the same bytes.
  // With our esbuild plugin (bundlers/esbuild.js, 2026-12-06), esbuild's tree-shaking unchanged, its chunks
  // fewer: register 25.0 -> 20.4 (rollup 20.2), its Russian page 35.3 -> 30.7, captcha 11.9 -> 11.1, login
  // 26.5 -> 21.5; the measure + 0.4.
  register: { esbuild: 25.4, 'esbuild-preload': 25.7, 'esbuild-plugin': 20.7, 'esbuild-plugin-preload': 20.8, rollup: 20.3, vite: 21.7, cdn: 28.2 },
  // 2026-12-03 (session 34): a Russian page with the preset (`ru.js` before `register.js`; on the CDN, dist/cdn/ru.js
  // before the elements' file), measured the first time, once the preset holds only the first frames' texts
  // (scripts/build/locale-parts.mjs; the account area's come after the field, in the same level as the other lazy
  // parts): esbuild 36.0, + modulepreload 36.3, rollup 29.0, Vite 34.9, CDN 34.9 (27.5 + ru.js 7.2; with every
  // text, ru.js was 10.9). One level after the entry in every build.
  'register-ru': { esbuild: 36.4, 'esbuild-preload': 36.7, 'esbuild-plugin': 31.1, 'esbuild-plugin-preload': 31.1, rollup: 29.4, vite: 30.6, cdn: 35.3 },
  // 2026-12-04 (session 38): the captcha's page on the CDN loads the captcha's own file, dist/cdn/captcha.js
  // (src/cdn-captcha.ts, its ru/bg texts inside), not the elements' file: 28.0 -> 14.0, one file. Measure + 0.4.
  captcha: { esbuild: 12.3, 'esbuild-preload': 12.3, 'esbuild-plugin': 11.5, 'esbuild-plugin-preload': 11.6, rollup: 11.2, vite: 12.3, cdn: 14.4 },
  activate: { esbuild: 15.5, 'esbuild-preload': 15.5, 'esbuild-plugin': 14.7, 'esbuild-plugin-preload': 14.8, rollup: 14.3, vite: 15.5, cdn: 34 },
  login: { esbuild: 26.8, 'esbuild-preload': 27, 'esbuild-plugin': 21.9, 'esbuild-plugin-preload': 22, rollup: 21.4, vite: 22.8, cdn: 28.2 },
  'forgot-password': { esbuild: 17.4, 'esbuild-preload': 17.4, 'esbuild-plugin': 16.2, 'esbuild-plugin-preload': 16.3, rollup: 16, vite: 17, cdn: 32 },
  // 2026-12-02: the other elements whose first control needs no adapter answer, measured the first time
  // (esbuild / + modulepreload / rollup / CDN): social-login 29.4 / 29.6 / 24.5 / 38.9, preferences 19.0 / 19.1 /
  // 18.0 / 36.3, support 23.9 / 24.1 / 20.4 / 39.0, support-link 9.8 / 9.9 / 8.3 / 30.1. Each meets the one
  // level after the entry in every build (the CDN file: its own lazy chunk, with that chunk's imports at once).
  // 2026-12-02 (session 31): a page built by Vite 8.3.8 (Rolldown), measured the first time: register 26.6,
  // captcha 11.9, activate 15.1, login 27.3, forgot-password 16.6, social-login 30.7, preferences 19.0, support 24.8,
  // support-link 9.6. One level like the others (Vite lists the entry's chunks as modulepreload), in up to 20 files.
  // 2026-12-03 (session 32): the session store no longer imports the capability table (adapter/capability.js) at
  // once but through needCapability, like the elements: Rolldown had put its runtime into that chunk, so every
  // Vite page imported it and the four capability lists with it; the CDN file and esbuild pages carried them
  // through the session store. Measured: register vite 25.7 (16 files, was 17), login 21.0 / 26.4 esbuild (22
  // files, was 26) / 25.9 vite (15, was 19), social-login 23.9 / 28.3 / 29.4, support 19.9 / 22.8 / 23.6; every
  // CDN page 0.6-0.7 lower (register 27.5). Ceilings lowered to the measure + 0.4 where they dropped.
  // 2026-12-04 (session 35): each Lit decorator imported from its own module, and <ae-login>'s hand-offs to
  // registration and the social block set by its define module, not imported by the element (no page has a lazy
  // loop back to its own element): Vite, kB / requests with the HTML, register 25.7 / 16 -> 22.0 / 6, Russian
  // register 34.9 -> 33.0 / 11, login 25.9 / 15 -> 25.4 / 12, social-login 29.4 / 15 -> 25.7 / 6, support
  // 23.6 / 9 -> 21.9 / 6, support-link 9.5 / 3; esbuild register 25.0 / 22 (was 25.4 / 23), social-login 27.6.
  // The CDN support page 39.2 (was under 39): the query decorator, which came with lit/decorators.js into the
  // elements' file, is now a 0.3 kB chunk of the support and conversation elements. Ceilings: measure + 0.4.
  // The same day, after a review: <ae-login>'s hand-offs given through provideLoginHandOffs (which re-renders the
  // logins already connected) and its `no-register`: the CDN file, which carries <ae-login>, 27.6 -> 27.7 kB; the
  // CDN pages (register 27.9, captcha 28.0, activate 33.7, login 27.9, forgot-password 31.7, social-login 39.0,
  // preferences 36.0, support-link 29.9) were at their ceilings: those raised to the measure + 0.3.
  // 2026-12-04 (session 36): Vite 8.3.8 -> 8.4.1 (Rolldown 1.2.19 -> 1.3.4) folds every page's first render into its
  // entry: two requests with the HTML (REQUESTS above). Vite, kB / requests: register 22.0 / 6 -> 21.3 / 2, Russian
  // register 33.0 / 11 -> 30.2 / 2, login 25.4 / 12 -> 22.4 / 2, social-login 25.7 / 6 -> 25.0 / 2, support
  // 21.9 / 6 -> 21.2 / 2, support-link 9.2 / 2. Vite ceilings where they dropped: the measure + 0.4.
  'social-login': { esbuild: 28, 'esbuild-preload': 28.2, 'esbuild-plugin': 24.7, 'esbuild-plugin-preload': 24.7, rollup: 24.3, vite: 25.4, cdn: 39.3 },
  preferences: { esbuild: 19.5, 'esbuild-preload': 19.5, 'esbuild-plugin': 18.7, 'esbuild-plugin-preload': 18.8, rollup: 18.4, vite: 19.4, cdn: 36.3 },
  support: { esbuild: 23.2, 'esbuild-preload': 23.3, 'esbuild-plugin': 20.9, 'esbuild-plugin-preload': 21, rollup: 20.3, vite: 21.6, cdn: 39.6 },
  'support-link': { esbuild: 10.3, 'esbuild-preload': 10.3, 'esbuild-plugin': 9.4, 'esbuild-plugin-preload': 9.4, rollup: 8.7, vite: 9.6, cdn: 30.2 },
};

const LATENCY = { offline: false, latency: 200, downloadThroughput: -1, uploadThroughput: -1 };
const LOADS = 2;
const log = (...a) => console.error('[waterfall]', ...a);

for (const f of ['dist/index.js', 'dist/cdn/ae-auth-elements.js', 'dist/cdn/captcha.js', ...ELEMENTS.map((e) => `dist/define/ae-${e.define ?? e.name}.js`)]) {
  if (!existsSync(join(ROOT, f))) {
    console.error(`${f} is missing: run \`npm run build\` first (this script measures the built package).`);
    process.exit(2);
  }
}

const snapshot = snapshotPackage();
const files = new Map();
let pages;
try {
  log('bundling: esbuild, rollup and Vite app bundles, and the CDN file');
  pages = await ourPages(files, snapshot.dir);
} finally {
  snapshot.dispose();
}

const { browser, why } = await launch();
if (!browser) {
  console.error(`check:waterfall needs headless Chromium: ${why}`);
  process.exit(2);
}
const server = await serve(files);
const results = [];
try {
  for (const page of pages) {
    const levels = staticLevels(page.graph);
    const staticFiles = levels.flat();
    const staticGzip = staticFiles.reduce((n, p) => n + gz(page.graph.graph.get(p).code), 0);
    const observed = [];
    for (let i = 0; i < LOADS; i++) {
      const load = await coldLoad(browser, server.origin + page.url, { field: page.field, network: LATENCY, afterField: 'idle' });
      observed.push({ load, before: weigh(load, load.before, server), ready: weigh(load, load.all, server) });
    }
    log(`${page.id}: static ${levels.length - 1} after the entry, observed ${observed.map((o) => o.before.level - 1).join('/')}`);
    const worst = observed.reduce((a, b) => (b.before.level > a.before.level || b.before.gzip > a.before.gzip ? b : a));
    results.push({
      page,
      levels,
      staticAfter: levels.length - 1,
      staticGzip,
      observedAfter: worst.before.level - 1,
      before: worst.before,
      ready: worst.ready,
      stable: observed.every((o) => o.before.level === worst.before.level && o.before.gzip === worst.before.gzip),
      protocol: worst.load.protocol,
    });
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- verdicts and the table -----------------------------------------------------------------------------------
const failures = [];
const rows = results.map((r) => {
  const after = Math.max(r.staticAfter, r.observedAfter);
  const ceiling = CEILINGS[r.page.element.name]?.[r.page.build];
  const problems = [];
  if (after > LEVELS_AFTER_ENTRY) problems.push(`${after} levels after the entry (limit ${LEVELS_AFTER_ENTRY})`);
  if (ceiling === undefined) problems.push(`no ceiling for ${r.page.element.name}/${r.page.build} in CEILINGS`);
  else if (r.before.gzip / 1000 > ceiling) problems.push(`${kB(r.before.gzip)} kB gzip before the field (ceiling ${ceiling})`);
  const esbuild = r.page.build === 'esbuild' || r.page.build === 'esbuild-preload';
  const maxRequests = esbuild ? ESBUILD_REQUESTS[r.page.element.name] : REQUESTS[r.page.build];
  if (esbuild && maxRequests === undefined) {
    problems.push(`no request count for ${r.page.element.name} in ESBUILD_REQUESTS`);
  }
  if (maxRequests !== undefined && r.before.requests > maxRequests) {
    problems.push(
      `${r.before.requests} requests before the field (limit ${maxRequests}: ` +
        (esbuild
          ? 'a new shared import split one more chunk out)'
          : r.page.build.startsWith('esbuild-plugin')
            ? 'the plugin no longer keeps the first render in the entry and one chunk)'
            : 'the first render split out of the entry)'),
    );
  }
  if (!r.stable) problems.push('two loads differed (see the log)');
  if (problems.length) failures.push(`${r.page.label}: ${problems.join('; ')}`);
  return [
    r.page.label,
    String(r.staticAfter),
    String(r.observedAfter),
    String(r.before.requests),
    kB(r.before.gzip),
    kB(r.before.brotli),
    kB(r.staticGzip),
    ceiling === undefined ? '-' : String(ceiling),
    problems.length ? 'FAIL' : 'ok',
    String(r.ready.level - 1),
    kB(r.ready.gzip),
  ];
});
const head = ['page', 'static levels', 'observed', 'requests', 'gzip kB', 'brotli kB', 'static gz', 'ceiling', '', 'idle: levels', 'gzip kB'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ').trimEnd();
console.log(
  `Waterfall before the first visible field: sequential request levels AFTER the entry script (limit ${LEVELS_AFTER_ENTRY}), ` +
    `static (chunk graph) and observed (headless Chromium, ${LATENCY.latency} ms latency per request, ${results[0]?.protocol ?? '?'}); ` +
    'bytes fetched before the field, HTML included (gzip -9 / brotli 11; "static gz" = entry + static imports only); 1 kB = 1000 B. ' +
    '"idle": the same once the network is idle after the field (validation, adapter: the form can be submitted), printed, not checked.',
);
console.log(line(head));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
rows.forEach((r) => console.log(line(r)));

// What forms the levels, for whoever flattens the graph: every level with its files and what is in them.
console.log('\nWhat each level holds until the network is idle (level 0 = the HTML, 1 = the entry script):');
for (const r of results) {
  console.log(`  ${r.page.label}:`);
  const byLevel = new Map();
  const before = new Set(r.before.files.map((f) => f.path));
  for (const f of r.ready.files) byLevel.set(f.level, [...(byLevel.get(f.level) ?? []), f]);
  for (const [level, fs] of [...byLevel].sort((a, b) => a[0] - b[0])) {
    if (level === 0) continue;
    for (const f of fs) {
      const when = before.has(f.path) ? '' : '  (after the field)';
      const node = f.path.startsWith(r.page.base) ? r.page.graph.graph.get(f.path.slice(r.page.base.length)) : undefined;
      console.log(`    L${level}  ${kB(f.gzip).padStart(5)} kB gz  ${f.path.split('/').pop()}  ${describe(node)}${when}`);
    }
  }
}
console.log(failures.length ? `\ncheck:waterfall: ${failures.length} failing\n  ${failures.join('\n  ')}` : '\ncheck:waterfall: all within limits');
process.exit(failures.length ? 1 : 0);

/** What a chunk holds, by package or by our module (largest first as the bundler listed them). */
function describe(node) {
  if (!node?.modules?.length) return '';
  const names = [];
  for (const id of node.modules) {
    const m = id.replaceAll('\\', '/');
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1];
    const name = pkg ?? m.replace(/^.*\/dist\//, '').replace(/\.js$/, '');
    if (!names.includes(name)) names.push(name);
  }
  const text = names.join(', ');
  return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}
