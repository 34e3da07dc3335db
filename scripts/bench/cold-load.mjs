// One cold page load in headless Chromium, the way a first visitor gets it: a fresh browser context (no HTTP
// cache, no code cache, no service worker), the cache disabled, optionally a slow network emulated through the
// Chrome DevTools Protocol. Measured in the page: the time from navigation start to the first VISIBLE, USABLE
// field; recorded through CDP: every request with its initiator, so the sequential request levels can be counted.
import { existsSync } from 'node:fs';

/** The emulated mobile network of issue 14: 150 ms latency, 1.6 Mbit/s down and up. */
export const MOBILE = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };

/** Puppeteer and the system Chromium, or a reason why not. */
export async function launch() {
  let puppeteer;
  try {
    puppeteer = (await import('puppeteer-core')).default;
  } catch {
    return { why: 'puppeteer-core not installed (npm ci)' };
  }
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
    .filter(Boolean)
    .find((p) => existsSync(p));
  if (!executablePath) return { why: 'no Chromium: set CHROME_PATH' };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // The bench server's certificate is self-signed (scripts/bench/serve.mjs).
    acceptInsecureCerts: true,
    args: [
      '--ignore-certificate-errors',
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-dev-shm-usage',
      '--js-flags=--expose-gc',
    ],
  });
  return { browser };
}

/**
 * Runs in the page before any of its scripts (evaluateOnNewDocument). Watches the DOM, including every shadow
 * root (attachShadow is wrapped, so closed roots are seen too), with a MutationObserver, and checks once per
 * animation frame as well (a stylesheet that makes the field visible is no mutation). The first time a match of
 * `spec.selector` inside `spec.host` has a non-zero box, is visible (checkVisibility with opacity and
 * visibility) and is neither disabled nor aria-disabled, `window.__aeField` gets performance.now() (ms since
 * navigation start), the resources that had finished loading by then and when the last of them (or the HTML) had
 * its last byte.
 */
function probe(spec) {
  const roots = new WeakMap();
  const options = { subtree: true, childList: true, attributes: true, characterData: false };
  const usable = (el) => {
    if (!el.isConnected || el.disabled || el.readOnly || el.getAttribute('aria-disabled') === 'true') return false;
    if (el.matches(':disabled')) return false;
    const box = el.getBoundingClientRect();
    if (!(box.width > 0 && box.height > 0)) return false;
    return el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
  };
  const find = (root) => {
    for (const el of root.querySelectorAll(spec.selector)) if (usable(el)) return el;
    for (const el of root.querySelectorAll('*')) {
      const shadow = el.shadowRoot ?? roots.get(el);
      const hit = shadow && find(shadow);
      if (hit) return hit;
    }
    return undefined;
  };
  let observer;
  const check = (how) => {
    if (window.__aeField) return true;
    for (const host of document.querySelectorAll(spec.host)) {
      const shadow = host.shadowRoot ?? roots.get(host);
      const el = find(host) ?? (shadow && find(shadow));
      if (!el) continue;
      const t = performance.now();
      const done = performance.getEntriesByType('resource').filter((e) => e.responseEnd > 0 && e.responseEnd <= t);
      const lastByte = Math.max(performance.getEntriesByType('navigation')[0]?.responseEnd ?? 0, ...done.map((e) => e.responseEnd));
      window.__aeField = { t, how, lastByte, resources: done.map((e) => e.name) };
      observer.disconnect();
      return true;
    }
    return false;
  };
  observer = new MutationObserver(() => check('mutation'));
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    roots.set(this, root);
    if (!window.__aeField) observer.observe(root, options);
    return root;
  };
  observer.observe(document, options);
  const frame = () => {
    if (!check('frame')) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * A fresh browser context (no HTTP cache, no code cache, no service worker) and a page in it with the cache
 * disabled through CDP; `network`: CDP emulateNetworkConditions, `cpu`: a CPU throttling rate (1 = none). The
 * caller closes `context`.
 */
export async function freshPage(browser, { network, cpu = 1 } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (network) await cdp.send('Network.emulateNetworkConditions', network);
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    return { context, page, cdp };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** Runs `fn({ context, page, cdp })` in a fresh page (freshPage's `options`) and closes its context after. */
export async function inFreshPage(browser, options, fn) {
  const fresh = await freshPage(browser, options);
  try {
    return await fn(fresh);
  } finally {
    await fresh.context.close();
  }
}

/**
 * `rounds` + 1 rounds of cold loads of every page, interleaved: each round starts one page further, so no page
 * always comes first after a context switch. The first round warms up: `load(page, counted)` gets `counted` false.
 */
export async function interleaved(pages, rounds, load) {
  for (let round = 0; round <= rounds; round++) {
    for (let k = 0; k < pages.length; k++) await load(pages[(round + k) % pages.length], round > 0);
  }
}

/**
 * Loads `url` cold. `field`: `{ host, selector }`. `network`: CDP emulateNetworkConditions or undefined.
 * `afterField`: 'close' (timing only) or 'idle' (then wait until the network is idle, for the bytes by the time
 * the form can be submitted). Returns `{ ms, afterLastByte, how, before: [urls], all: [urls], requests }` (`afterLastByte`:
 * from the last byte of what was fetched before the field to the field: parse, run, render) where `requests` maps
 * a URL to `{ initiator, level }` (level 0 = the HTML, 1 = the entry script, 2 = what it imports, …).
 */
export async function coldLoad(browser, url, { field, network, afterField = 'close', timeout = 30_000 }) {
  const { context, page, cdp } = await freshPage(browser, { network });
  try {
    const requests = new Map(); // requestId -> { url, type, from, byScript, sent, finished }
    cdp.on('Network.requestWillBeSent', (e) => {
      if (requests.has(e.requestId) || !/^https?:/.test(e.request.url)) return;
      requests.set(e.requestId, {
        url: e.request.url,
        method: e.request.method,
        resourceType: e.type,
        type: e.initiator.type,
        from: initiatorUrl(e.initiator),
        byScript: !!e.initiator.stack,
        sent: e.timestamp,
      });
    });
    const finish = (e) => {
      const r = requests.get(e.requestId);
      if (r && r.finished === undefined) r.finished = e.timestamp;
    };
    let protocol;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Document') protocol ??= e.response.protocol;
    });
    cdp.on('Network.loadingFinished', finish);
    cdp.on('Network.loadingFailed', finish);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluateOnNewDocument(probe, field);
    const navigated = page.goto(url, { waitUntil: 'domcontentloaded', timeout });
    let found;
    try {
      await page.waitForFunction(() => window.__aeField, { timeout, polling: 50 });
      found = await page.evaluate(() => window.__aeField);
    } catch (e) {
      await navigated.catch(() => {});
      const why = errors[0] ?? e.message;
      throw new Error(`no visible field (${field.host} ${field.selector}) at ${url}: ${why}`);
    }
    await navigated;
    let all;
    if (afterField === 'idle') {
      await page.waitForNetworkIdle({ idleTime: 750, timeout }).catch(() => {});
      all = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    }
    const table = levels([...requests.values()].filter((r) => !r.url.endsWith('/favicon.ico')));
    return { ms: found.t, afterLastByte: found.t - found.lastByte, how: found.how, before: [url, ...found.resources], all: all && [url, ...all], requests: table, errors, protocol };
  } finally {
    await context.close();
  }
}

/**
 * Sequential request levels: the document is 0; a request the parser or a static `import` found is one more
 * than the file that named it; a request made by running script (`import()`, fetch, XHR, a modulepreload link a
 * script inserts) is also at least one
 * more than the request that finished last before it was sent (the answer it waited for: the entry runs only
 * once all its static imports are in, a flow's second call goes out after the first one's answer).
 * Returns Map of URL -> { …request, level }.
 */
function levels(requests) {
  const byUrl = new Map();
  const done = [];
  for (const r of [...requests].sort((a, b) => a.sent - b.sent)) {
    // Everything but the document is at least level 1 (a parser-found script, a <link rel="modulepreload">).
    let level = r.resourceType === 'Document' ? 0 : 1;
    const from = r.from && r.from !== r.url ? byUrl.get(r.from) : undefined;
    if (from) level = from.level + 1;
    // A script's request. CDP gives no stack for a <link rel="modulepreload"> that a script inserts (Vite's
    // preload helper), only the initiator type `script`: it waited for the same answers as one with a stack.
    if (r.byScript || r.type === 'script') {
      let last;
      for (const d of done) if (d.finished <= r.sent && (!last || d.finished > last.finished)) last = d;
      if (last) level = Math.max(level, last.level + 1);
    }
    const row = { ...r, level };
    if (!byUrl.has(r.url)) byUrl.set(r.url, row);
    if (r.finished !== undefined) done.push(row);
  }
  return byUrl;
}

/** The URL that caused a request: the parser's document, or the script on top of the initiator's stack. */
function initiatorUrl(initiator) {
  if (initiator.url) return initiator.url;
  for (let s = initiator.stack; s; s = s.parent) {
    const frame = s.callFrames?.find((f) => f.url);
    if (frame) return frame.url;
  }
  return undefined;
}

/**
 * What a load fetched, from the server's own copies: `{ requests, raw, gzip, brotli }` of the URLs in `urls`
 * (each counted once), and the deepest request level among them (see levels()).
 */
export function weigh(load, urls, server) {
  const total = { requests: 0, raw: 0, gzip: 0, brotli: 0, level: 0, files: [] };
  for (const u of new Set(urls)) {
    const path = new URL(u).pathname;
    const sizes = server.sizes(path);
    const level = load.requests.get(u)?.level ?? 0;
    if (!sizes) continue;
    total.requests++;
    total.raw += sizes.raw;
    total.gzip += sizes.gzip;
    total.brotli += sizes.brotli;
    total.level = Math.max(total.level, level);
    total.files.push({ path, level, ...sizes });
  }
  total.files.sort((a, b) => a.level - b.level || a.path.localeCompare(b.path));
  return total;
}
