#!/usr/bin/env node
// `npm run bench` (after `npm run build`): one table, everything measured in this run.
//  - Sizes, all bundled the same way with esbuild (minified ESM for the browser, code splitting), gzip -9:
//    our whole library, each element alone, and peers (installed on first use into bench/.peers/, git-ignored).
//    The CDN file is measured as built (rollup + terser).
//  - In headless Chromium (puppeteer-core, the system browser), bench/index.html loading the CDN file: first render
//    of <ae-register>, cost per keystroke of validation, heap growth over 1,000 mounts.
// Offline except for the one-time peer install; without peers their rows say "not installed".
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import {
  ROOT,
  CONSUMER_ENTRIES,
  makeConsumer,
  esbuildBundle,
  splitLoad,
  requireDist,
  gz,
  kB,
} from './bench/bundle.mjs';

const started = Date.now();
const PAGE_LOADS = 15;
const UPDATES = 200;
const MOUNTS = 1000;
const LATIN_NAME = 'Wolfeschlegelsteinhausen-Bergerdorff Ivanova Petro'; // 50 characters
const CYRILLIC_NAME = 'Вольфешлегельштайнхаузен-Бергердорф Иванова Петров'; // 50 characters

const PEERS_DIR = join(ROOT, 'bench', '.peers');
const PEERS = [
  {
    name: '@teamhanko/hanko-elements',
    version: '2.7.0',
    what: 'register() of all its elements',
    versus: '<ae-register>',
    entry: "import { register } from '@teamhanko/hanko-elements';\nwindow.__peer = register;\n",
  },
  {
    name: 'auth0-lock',
    version: '14.3.0',
    what: 'Auth0Lock widget',
    versus: '<ae-register>',
    entry: "import Auth0Lock from 'auth0-lock';\nwindow.__peer = Auth0Lock;\n",
  },
  { name: 'altcha', version: '3.2.2', what: '<altcha-widget>', versus: '<ae-captcha>', entry: "import 'altcha';\n" },
];

const rows = [];
const row = (what, value, details = '') => rows.push([what, value, details]);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const log = (...a) => console.error('[bench]', ...a);

requireDist('dist/define/ae-register.js');
const CDN_FILE = join(ROOT, 'dist/cdn/ae-auth-elements.js');
const cdnBuilt = existsSync(CDN_FILE);

// ---- peers ---------------------------------------------------------------------------------------------------
const installedVersion = (p) => {
  try {
    return JSON.parse(readFileSync(join(PEERS_DIR, 'node_modules', p.name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};
if (PEERS.some((p) => installedVersion(p) !== p.version)) {
  log(`installing peers into bench/.peers/ (${PEERS.map((p) => `${p.name}@${p.version}`).join(' ')})`);
  mkdirSync(PEERS_DIR, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      PEERS_DIR,
      '--no-save',
      '--no-audit',
      '--no-fund',
      // Offline, fail in seconds rather than after npm's minutes of retries.
      '--fetch-retries=1',
      '--fetch-timeout=30000',
      ...PEERS.map((p) => `${p.name}@${p.version}`),
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  if (res.status !== 0) {
    const why = (res.stderr ?? '').split('\n').find((l) => /npm error (code|errno|network|request)/i.test(l));
    log(`peer install failed (offline?): ${why ?? res.error?.message ?? `exit ${res.status}`}`);
  }
}

// ---- sizes -----------------------------------------------------------------------------------------------------
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

log('bundling with esbuild');
const app = makeConsumer();
const ours = {};
try {
  for (const [name, code] of Object.entries(CONSUMER_ENTRIES)) {
    ours[name] = splitLoad(await esbuildBundle(app.entry(name, code), app.dir));
  }
} finally {
  app.dispose();
}
const size = (r) => `${kB(r.firstGzip)} kB gz`;
row('size: whole library, every element (import "ae-auth-elements")', size(ours.library), `${kB(ours.library.firstBytes)} kB min${lazyDetails(ours.library)}`);
row('size: every element + every API export', size(ours.api), `${kB(ours.api.firstBytes)} kB min${lazyDetails(ours.api)}`);
row('size: <ae-register> alone (register.js)', size(ours.register), `${kB(ours.register.firstBytes)} kB min${lazyDetails(ours.register)}`);
row('size: <ae-captcha> alone (captcha.js)', size(ours.captcha), `${kB(ours.captcha.firstBytes)} kB min${lazyDetails(ours.captcha)}`);
row('size: <ae-activate> alone (activate.js)', size(ours.activate), `${kB(ours.activate.firstBytes)} kB min${lazyDetails(ours.activate)}`);
if (cdnBuilt) {
  const code = readFileSync(CDN_FILE, 'utf8');
  row('size: CDN file dist/cdn/ae-auth-elements.js', `${kB(gz(code))} kB gz`, `${kB(Buffer.byteLength(code))} kB min; as built by rollup + terser`);
} else {
  row('size: CDN file dist/cdn/ae-auth-elements.js', 'not built', 'run npm run build');
}

const entriesDir = join(PEERS_DIR, 'entries');
for (const p of PEERS) {
  const label = `size: peer ${p.name} ${p.version}`;
  if (installedVersion(p) !== p.version) {
    row(label, 'not installed', p.what);
    continue;
  }
  try {
    mkdirSync(entriesDir, { recursive: true });
    const file = join(entriesDir, `${p.name.replace(/[@/]/g, '_')}.js`);
    writeFileSync(file, p.entry);
    const r = splitLoad(await esbuildBundle(file, PEERS_DIR));
    row(label, size(r), `${kB(r.firstBytes)} kB min${lazyDetails(r)}; ${p.what}; compare ${p.versus}`);
  } catch (e) {
    row(label, 'bundle failed', String(e.message).split('\n')[0]);
  }
}

// ---- browser ---------------------------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves bench/ and dist/ of the repository on 127.0.0.1, nothing cached. */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(ROOT, path === '/' ? 'bench/index.html' : path));
    const allowed = [join(ROOT, 'bench') + sep, join(ROOT, 'dist') + sep].some((d) => file.startsWith(d));
    if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      // Cross-origin isolated: performance.now() resolves 5 µs instead of 100 µs.
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function browserRows() {
  if (!cdnBuilt) {
    row('browser: all rows', 'skipped', 'dist/cdn/ae-auth-elements.js not built: run npm run build');
    return;
  }
  let puppeteer;
  try {
    puppeteer = (await import('puppeteer-core')).default;
  } catch {
    row('browser: all rows', 'skipped', 'puppeteer-core not installed (npm install)');
    return;
  }
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
    .filter(Boolean)
    .find((p) => existsSync(p));
  if (!executablePath) {
    row('browser: all rows', 'skipped', 'no Chromium: set CHROME_PATH');
    return;
  }
  const server = await serve();
  const url = `http://127.0.0.1:${server.address().port}/bench/index.html`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--js-flags=--expose-gc',
    ],
  });
  try {
    const version = await browser.version();

    /** A fresh page in a fresh browser context (no cache, no code cache), loaded until firstRender is set. */
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
      return { context, page, first };
    }

    log(`first render: ${PAGE_LOADS} fresh page loads`);
    await (await load()).context.close(); // warm-up (browser processes), not counted
    const totals = [];
    const imports = [];
    for (let i = 0; i < PAGE_LOADS; i++) {
      const { context, first } = await load();
      totals.push(first.totalMs);
      imports.push(first.importMs);
      await context.close();
    }
    row(
      'browser: first render of <ae-register> (import() -> form)',
      ms(median(totals)),
      `median of ${PAGE_LOADS} fresh loads (min ${ms(Math.min(...totals))}, max ${ms(Math.max(...totals))}); of which import() ${ms(median(imports))}`,
    );

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
      for (let round = 0; round < 2; round++) {
        const t = Date.now();
        await page.evaluate((n) => window.mountCycles(n), MOUNTS);
        cycleMs.push((Date.now() - t) / MOUNTS);
        heap.push(await measure());
      }
      const delta = (a, b) => {
        const g = (b.used - a.used) / 1000;
        return `${g >= 0 ? '+' : ''}${g.toFixed(1)} kB`;
      };
      const counters = (a, b) =>
        `DOM nodes ${a.nodes} -> ${b.nodes}, listeners ${a.listeners} -> ${b.listeners}`;
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
    return version;
  } finally {
    await browser.close();
    server.close();
  }
}

let browserVersion;
try {
  browserVersion = await browserRows();
} catch (e) {
  row('browser: failed', 'error', String(e.message).split('\n')[0]);
}

// ---- the table ---------------------------------------------------------------------------------------------------
const table = rows;
const head = ['measurement', 'value', 'details'];
const w = head.map((h, i) => Math.max(h.length, ...table.map((r) => String(r[i]).length)));
const line = (r) => r.map((c, i) => (i === 1 ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join('  ').trimEnd();
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
console.log(
  `${pkg.name} ${pkg.version} bench: Node ${process.version}, ${browserVersion ?? 'no browser'}, ${cpus().length} cores. ` +
    'Shared machine, noisy: medians.',
);
console.log('Sizes: esbuild bundle+minify, ESM, browser, code splitting; gzip -9; first load = entry + static imports; 1 kB = 1000 B.');
console.log(line(head));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
table.forEach((r) => console.log(line(r)));
console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
