#!/usr/bin/env node
// `npm run bench` (after `npm run build`): how fast the elements are where people are, against a bare Lit
// element and the peers, everything measured in this one run.
//
//  1. Cold loads, the way a first visitor gets a page: headless Chromium (puppeteer-core, the system browser),
//     a fresh browser context for every load (no HTTP cache, no code cache), the cache disabled through CDP,
//     pages INTERLEAVED (round-robin, starting one page further each round, so no page always goes first after a
//     context switch). Measured in the page: navigation start -> the first VISIBLE, USABLE field (an input with a
//     non-zero box, visible, not disabled; <ae-register>'s e-mail input in its light DOM, <ae-captcha>'s answer
//     input in its shadow root, the peers' first input), by a MutationObserver on the document and every shadow
//     root plus a requestAnimationFrame check (scripts/bench/cold-load.mjs). On the loopback, then with a mobile
//     network emulated through CDP (Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down and up).
//     Medians, the ratio to the bare Lit element of the same network, and the paired ratio (the median of each
//     load over the bare element's load of the same round, which cancels what drifts over a run). Before each
//     element's rows, its floor:
//     its first frame (its DOM and style sheets, captured in this run) copied into a bare Lit element
//     (scripts/bench/floor.mjs), what the form with its look costs whatever draws it.
//  2. Bytes as the browser fetches them, per page, from one more load with 150 ms latency: everything fetched
//     before the first visible field, and everything fetched by the time the form can be submitted (the network
//     idle after the field: <ae-register>'s validation chunk and adapter are in), gzip -9 and brotli; and the
//     SEQUENTIAL REQUEST LEVELS before the field (0 = the HTML, 1 = the entry script, 2 = what the entry imports,
//     …), from CDP's request initiators.
//  3. As before: sizes of esbuild bundles, the cost of one keystroke's validation, 1,000 mount/remove cycles and
//     the heap, in bench/index.html with the CDN file.
//
// Pages are served by the bench's own server (scripts/bench/serve.mjs: HTTP/2 over TLS, brotli/gzip as a CDN
// serves, no caching) from bundles built here, of a snapshot of dist/ (scripts/bench/pages.mjs). Peers are
// installed on first use into bench/.peers/ (git-ignored); offline afterwards; without them their rows say so.
// Options: --loopback=N (default 15) and --emulated=N (default 9) loads per page.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT, CONSUMER_ENTRIES, makeConsumer, esbuildBundle, splitLoad, requireDist, gz, kB } from './bench/bundle.mjs';
import { ELEMENTS, barePage, ourPages, snapshotPackage, writeEntry } from './bench/pages.mjs';
import { floorPage } from './bench/floor.mjs';
import { PEERS, PEERS_DIR, ensurePeers, peerPages } from './bench/peers.mjs';
import { serve } from './bench/serve.mjs';
import { MOBILE, coldLoad, launch, weigh } from './bench/cold-load.mjs';

const started = Date.now();
const arg = (name, fallback) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Math.max(1, Number(a.split('=')[1]) | 0) : fallback;
};
const LOOPBACK_LOADS = arg('loopback', 15);
const EMULATED_LOADS = arg('emulated', 9);
const BYTES_NETWORK = { offline: false, latency: MOBILE.latency, downloadThroughput: -1, uploadThroughput: -1 };
const UPDATES = 200;
const MOUNTS = 1000;
const LATIN_NAME = 'Wolfeschlegelsteinhausen-Bergerdorff Ivanova Petro'; // 50 characters
const CYRILLIC_NAME = 'Вольфешлегельштайнхаузен-Бергердорф Иванова Петров'; // 50 characters

const rows = [];
const row = (what, value, details = '') => rows.push([what, value, details]);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
/** A page label for a markdown table: bare tags in backticks, or they render as (invisible) HTML. */
const md = (label) => label.replace(/(?<!`)<([a-z][a-z0-9-]*)>(?!`)/g, '`<$1>`');
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const log = (...a) => console.error('[bench]', ...a);

requireDist('dist/define/ae-register.js', 'dist/cdn/ae-auth-elements.js', 'dist/cdn/captcha.js');
const peers = ensurePeers(log);
const snapshot = snapshotPackage();

// ---- sizes (esbuild, as before) ---------------------------------------------------------------------------------
function lazyDetails(r) {
  if (!r.lazy.length) return '';
  const total = r.lazy.reduce((n, c) => n + c.gzip, 0);
  // Grouped, so the row stays readable: what loads on demand, by kind.
  const kind = (label) =>
    /transliteration/.test(label) ? 'transliteration'
    : /^locale /.test(label) ? 'locales'
    : /memory-adapter|http-adapter/.test(label) ? 'adapters'
    : /activate/.test(label) ? '<ae-activate>'
    : /@lit\/localize/.test(label) ? 'locale runtime'
    : 'other';
  const groups = new Map();
  for (const c of r.lazy) groups.set(kind(c.label), (groups.get(kind(c.label)) ?? 0) + c.gzip);
  const parts = [...groups].map(([k, n]) => `${k} ${kB(n)}`).join(', ');
  return `; lazy +${kB(total)} gz (${parts})`;
}

log('sizes: bundling with esbuild');
{
  const app = makeConsumer(snapshot.dir);
  const ours = {};
  try {
    for (const [name, code] of Object.entries(CONSUMER_ENTRIES)) {
      ours[name] = splitLoad(await esbuildBundle(app.entry(name, code), app.dir));
    }
  } finally {
    app.dispose();
  }
  const size = (r) => `${kB(r.firstGzip)} kB gz`;
  const sized = (label, r) => row(label, size(r), `${kB(r.firstBytes)} kB min${lazyDetails(r)}`);
  sized('size: whole library, every element (import "ae-auth-elements")', ours.library);
  sized('size: every element + every API export', ours.api);
  sized('size: <ae-register> alone (register.js)', ours.register);
  sized('size: <ae-register> with the Russian preset (ru.js + register.js)', ours.registerRu);
  sized('size: <ae-captcha> alone (captcha.js)', ours.captcha);
  sized('size: <ae-activate> alone (activate.js)', ours.activate);
  const code = readFileSync(join(snapshot.dir, 'dist/cdn/ae-auth-elements.js'), 'utf8');
  row('size: CDN file dist/cdn/ae-auth-elements.js', `${kB(gz(code))} kB gz`, `${kB(Buffer.byteLength(code))} kB min; as built by rollup + terser`);
  const captchaCode = readFileSync(join(snapshot.dir, 'dist/cdn/captcha.js'), 'utf8');
  row("size: CDN file dist/cdn/captcha.js (the captcha's own)", `${kB(gz(captchaCode))} kB gz`, `${kB(Buffer.byteLength(captchaCode))} kB min; as built by rollup + terser`);
  for (const p of PEERS) {
    const label = `size: peer ${p.name} ${p.version}`;
    if (!peers.includes(p)) {
      row(label, 'not installed', p.label.replace('{version}', p.version));
      continue;
    }
    try {
      const file = writeEntry(join(PEERS_DIR, 'entries'), `${p.id}.js`, p.entry);
      const r = splitLoad(await esbuildBundle(file, PEERS_DIR, p.esbuild));
      row(label, size(r), `${kB(r.firstBytes)} kB min${lazyDetails(r)}; ${p.label.replace('{version}', p.version)}`);
    } catch (e) {
      row(label, 'bundle failed', String(e.message).split('\n')[0]);
    }
  }
}

// ---- pages --------------------------------------------------------------------------------------------------------
log('building the pages: bare Lit, ours (esbuild, esbuild + modulepreload, esbuild + our plugin, with and without modulepreload, rollup, Vite, CDN), peers');
const files = new Map();
const routes = [];
const bare = await barePage(files);
const shown = ELEMENTS.filter((e) => e.name === 'register' || e.name === 'captcha');
const ourList = await ourPages(files, snapshot.dir, shown);
// A Russian page with the preset (the first frame in Russian), from the best app bundle and from the CDN: what
// the locale's texts cost next to the English rows of the same builds.
ourList.push(...(await ourPages(files, snapshot.dir, ELEMENTS.filter((e) => e.name === 'register-ru'), ['rollup', 'cdn'])));
const peerList = await peerPages(files, routes, peers);
// bench/index.html + bench.js with the CDN file at ../dist/cdn/, for the keystroke and heap rows.
for (const f of ['index.html', 'bench.js']) files.set(`/bench/${f}`, readFileSync(join(ROOT, 'bench', f)));
const cdnDir = join(snapshot.dir, 'dist', 'cdn');
const walk = (d) =>
  readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
for (const f of walk(cdnDir)) files.set(`/dist/cdn/${relative(cdnDir, f).replaceAll('\\', '/')}`, readFileSync(f));
snapshot.dispose();

// In the table: each of ours, then the peers it compares with.
const byId = new Map([bare, ...ourList, ...peerList].map((p) => [p.id, p]));
const order = [
  'bare',
  'register-esbuild',
  'register-esbuild-preload',
  'register-esbuild-plugin',
  'register-esbuild-plugin-preload',
  'register-rollup',
  'register-vite',
  'register-cdn',
  'register-ru-rollup',
  'register-ru-cdn',
  ...peerList.filter((p) => p.peer.versus === 'register').map((p) => p.id),
  'captcha-esbuild',
  'captcha-esbuild-preload',
  'captcha-esbuild-plugin',
  'captcha-esbuild-plugin-preload',
  'captcha-rollup',
  'captcha-vite',
  'captcha-cdn',
  ...peerList.filter((p) => p.peer.versus === 'captcha').map((p) => p.id),
];
const pages = order.map((id) => byId.get(id)).filter(Boolean);
const missingPeers = PEERS.filter((p) => !peers.includes(p));

// ---- browser -------------------------------------------------------------------------------------------------------
const { browser, why } = await launch();
let browserVersion;
let protocol;
// Per page: the loads' times in the order they came, and by round (`byRound.loopback[i]`), for the paired ratios.
const newTiming = () => ({ loopback: [], cpu: [], emulated: [], failures: [], byRound: { loopback: [], emulated: [] } });
const timing = new Map(pages.map((p) => [p.id, newTiming()]));
const bytes = new Map();
if (!browser) {
  row('browser: all rows', 'skipped', why);
} else {
  const server = await serve(files, routes);
  try {
    browserVersion = await browser.version();

    // Before each element's rows: its first frame copied into a bare Lit element (scripts/bench/floor.mjs), captured
    // now from a load of its rollup page. What the form costs by itself; the distance from it is the library's.
    for (const name of ['register', 'captcha']) {
      try {
        const floor = await floorPage(files, browser, server.origin, byId.get(`${name}-rollup`));
        pages.splice(pages.indexOf(byId.get(`${name}-esbuild`)), 0, floor);
        timing.set(floor.id, newTiming());
      } catch (e) {
        row(`browser: the floor page of ${name}`, 'failed', String(e.message).split('\n')[0]);
      }
    }

    /** One cold load of every page, in an order that starts one page further each round. */
    async function round(i, network, key) {
      for (let k = 0; k < pages.length; k++) {
        const page = pages[(i + k) % pages.length];
        const t = timing.get(page.id);
        try {
          const r = await coldLoad(browser, server.origin + page.url, { field: page.field, network });
          protocol ??= r.protocol;
          if (key) {
            t[key].push(r.ms);
            t.byRound[key][i] = r.ms;
          }
          if (key === 'loopback') t.cpu.push(r.afterLastByte);
        } catch (e) {
          t.failures.push(`${key ?? 'warm-up'}: ${String(e.message).split('\n')[0]}`);
        }
      }
    }
    log(`cold loads: warm-up round (not counted), then ${LOOPBACK_LOADS} rounds on the loopback of ${pages.length} pages`);
    await round(0, undefined, undefined);
    for (let i = 0; i < LOOPBACK_LOADS; i++) await round(i, undefined, 'loopback');
    log(`cold loads: ${EMULATED_LOADS} rounds with ${MOBILE.latency} ms latency, ${(MOBILE.downloadThroughput * 8) / 1e6} Mbit/s`);
    for (let i = 0; i < EMULATED_LOADS; i++) await round(i, MOBILE, 'emulated');

    log(`bytes and request levels: one load per page with ${BYTES_NETWORK.latency} ms latency, until the network is idle`);
    for (const page of pages) {
      try {
        const r = await coldLoad(browser, server.origin + page.url, { field: page.field, network: BYTES_NETWORK, afterField: 'idle' });
        bytes.set(page.id, { before: weigh(r, r.before, server), ready: weigh(r, r.all, server) });
      } catch (e) {
        bytes.set(page.id, { error: String(e.message).split('\n')[0] });
      }
    }

    await microRows(server.origin + '/bench/index.html');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Per-keystroke validation, mount/remove cycles and heap, in bench/index.html (the CDN file), as before. */
async function microRows(url) {
  async function load() {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setCacheEnabled(false);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.firstRender, { timeout: 20_000 });
    const first = await page.evaluate(() => window.firstRender);
    if (first.error || errors.length) throw new Error(first.error ?? errors[0]);
    return { context, page };
  }

  log(`updates: ${UPDATES} input events, Latin and Cyrillic`);
  {
    const { context, page } = await load();
    const settle = await page.evaluate((n) => window.benchSettle(n), UPDATES);
    for (const [label, text] of [
      ['Latin', LATIN_NAME],
      ['Cyrillic (+ Latin suggestion)', CYRILLIC_NAME],
    ]) {
      const times = await page.evaluate((t, n) => window.benchUpdates(t, n), text, UPDATES);
      row(
        `browser: per keystroke, last name, ${label}`,
        ms(median(times)),
        `median of ${UPDATES} input events -> settled (p90 ${ms(quantile(times, 0.9))}; the settle yield alone ${ms(median(settle))})`,
      );
    }
    await context.close();
  }

  log(`heap: ${MOUNTS} mount + remove cycles`);
  {
    const { context, page } = await load();
    const cdp = await page.createCDPSession();
    const measure = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      return { used: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
    };
    await page.evaluate(() => document.querySelector('ae-register')?.remove());
    await page.evaluate(() => window.mountCycles(20)); // warm-up: code compiled, caches filled
    const heap = [await measure()];
    const cycleMs = [];
    // Two rounds: the first also holds V8's tier-up (optimized code, feedback) for the code it runs; the
    // second shows what a page that keeps mounting and removing the form accumulates (a leak shows there).
    for (let r = 0; r < 2; r++) {
      const t = Date.now();
      await page.evaluate((n) => window.mountCycles(n), MOUNTS);
      cycleMs.push((Date.now() - t) / MOUNTS);
      heap.push(await measure());
    }
    const delta = (a, b) => {
      const g = (b.used - a.used) / 1000;
      return `${g >= 0 ? '+' : ''}${g.toFixed(1)} kB`;
    };
    const counters = (a, b) => `DOM nodes ${a.nodes} -> ${b.nodes}, listeners ${a.listeners} -> ${b.listeners}`;
    row(
      `browser: heap growth, ${MOUNTS} mount+remove of <ae-register>`,
      delta(heap[0], heap[1]),
      `after GC ${kB(heap[0].used)} -> ${kB(heap[1].used)} kB, includes JIT warm-up; ${counters(heap[0], heap[1])}; ${ms(cycleMs[0])} per cycle`,
    );
    row(
      `browser: heap growth, ${MOUNTS} more (steady state)`,
      delta(heap[1], heap[2]),
      `after GC ${kB(heap[1].used)} -> ${kB(heap[2].used)} kB; ${counters(heap[1], heap[2])}; ${ms(cycleMs[1])} per cycle`,
    );
    await context.close();
  }
}

// ---- the tables ----------------------------------------------------------------------------------------------------
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
console.log(
  `${pkg.name} ${pkg.version} bench: Node ${process.version}, ${browserVersion ?? 'no browser'}, ${cpus().length} cores, ` +
    `pages over ${protocol ?? '?'} from 127.0.0.1. One run; shared machine, noisy: compare rows of one run only.`,
);

if (browser) {
  const baseLoop = median(timing.get('bare').loopback);
  const baseEmu = median(timing.get('bare').emulated);
  const cell = (xs) => (xs.length ? `${median(xs).toFixed(0)} ms` : '—');
  const ratio = (xs, base) => (xs.length && base ? (median(xs) / base).toFixed(2) : '—');
  // Each load over the bare element's load of the same round (loaded seconds apart), then the median: what
  // drifts over a run (another process, the machine's clock) falls on both sides of each quotient.
  const paired = (id, key) => {
    const bare = timing.get('bare').byRound[key];
    const qs = timing.get(id).byRound[key].flatMap((ms, i) => (ms !== undefined && bare[i] ? [ms / bare[i]] : []));
    return qs.length ? median(qs).toFixed(2) : '—';
  };
  const note = (id) => {
    const t = timing.get(id);
    return t.failures.length ? ` (${t.failures.length} loads failed: ${t.failures[0]})` : '';
  };
  console.log(
    `\nFirst visible, usable field after navigation start, cold loads in fresh contexts, interleaved; medians of ` +
      `${LOOPBACK_LOADS} loads on the loopback and ${EMULATED_LOADS} with an emulated mobile network ` +
      `(${MOBILE.latency} ms latency, ${(MOBILE.downloadThroughput * 8) / 1e6} Mbit/s); ratio to the bare Lit element; ` +
      '"paired": the median of each load divided by the bare element\'s load of the same round; ' +
      '"after the last byte": on the loopback, from the last byte of what was fetched before the field to the field ' +
      '(parse, run, first render).\n',
  );
  console.log('| page | loopback | ratio | paired | of which after the last byte | emulated mobile | ratio | paired |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of pages) {
    const t = timing.get(p.id);
    console.log(
      `| ${md(p.label)}${note(p.id)} | ${cell(t.loopback)} | ${ratio(t.loopback, baseLoop)} | ${paired(p.id, 'loopback')} | ${cell(t.cpu)} | ` +
        `${cell(t.emulated)} | ${ratio(t.emulated, baseEmu)} | ${paired(p.id, 'emulated')} |`,
    );
  }
  for (const p of missingPeers) console.log(`| ${p.label.replace('{version}', p.version)}: not installed (bench/.peers) | — | — | — | — | — | — | — |`);

  console.log(
    `\nBytes as the browser fetched them (HTML, scripts and API answers; gzip -9 / brotli 11, 1 kB = 1000 B) and ` +
      `sequential request levels (0 = the HTML, 1 = the entry script, 2 = what it imports, …), one load with ` +
      `${BYTES_NETWORK.latency} ms latency: before the first visible field, and once the network is idle after it ` +
      `(the form can be submitted).\n`,
  );
  console.log('| page | levels before the field | requests | kB before the field, gzip / brotli | levels until idle | requests | kB until idle, gzip / brotli |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const p of pages) {
    const b = bytes.get(p.id);
    if (!b || b.error) {
      console.log(`| ${md(p.label)} | ${b?.error ?? 'not measured'} | | | | | |`);
      continue;
    }
    const kb = (x) => `${kB(x.gzip)} / ${kB(x.brotli)}`;
    console.log(
      `| ${md(p.label)} | ${b.before.level} | ${b.before.requests} | ${kb(b.before)} | ${b.ready.level} | ${b.ready.requests} | ${kb(b.ready)} |`,
    );
  }
}

const head = ['measurement', 'value', 'details'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 1 ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  ').trimEnd();
console.log('\nSizes: esbuild bundle+minify, ESM, browser, code splitting; gzip -9; first load = entry + static imports; 1 kB = 1000 B.');
console.log(line(head));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
rows.forEach((r) => console.log(line(r)));
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
