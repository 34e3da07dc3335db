// `npm run screenshots`: the README's pictures (docs/*.png), made from the current build so they cannot go stale.
// Loads dist/cdn/ae-auth-elements.js (run `npm run build` first; the npm script does) in headless Chromium,
// drives <ae-register> the way a person does (real typing, a real click) on a seeded MemoryAdapter, and saves
// a screenshot of the element. Chromium: CHROME_PATH, else /usr/bin/chromium (or chromium-browser, google-chrome).
//   node scripts/screenshots.mjs            every picture
//   node scripts/screenshots.mjs register-ru   only the ones named
import { createServer } from 'node:http';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.mjs';

const ENTRY = 'dist/cdn/ae-auth-elements.js';
const OUT = 'docs';
const WIDTH = 448;

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run npm run build first (npm run screenshots does).`);
  process.exit(1);
}


/**
 * The page: nothing but the element on a white background, the built library, a seeded MemoryAdapter (the same
 * captcha picture every run) and no text caret, so that an unchanged UI gives an unchanged picture.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<style>
  html, body { margin: 0; background: #fff; }
  body { padding: 0; width: ${WIDTH}px; }
  * { caret-color: transparent !important; }
</style>
<script type="module">
  import { MemoryAdapter, setDefaultAdapter, setLocale } from '/${ENTRY}';
  setDefaultAdapter(new MemoryAdapter({ captchaAnswer: 'Ab3dE', seed: 7 }));
  window.shot = { setLocale };
  document.body.append(document.createElement('ae-register'));
</script>
</head>
<body></body>
</html>`;

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };
const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    return;
  }
  const file = normalize(join('.', decodeURIComponent(path)));
  if (!file.startsWith('dist/')) {
    res.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': `${TYPES[extname(file)] ?? 'application/octet-stream'}; charset=utf-8` });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** Each picture: its file, locale, and what a person does before it is taken. */
const SHOTS = [
  {
    name: 'register-bg',
    locale: 'bg',
    what: 'Bulgarian: a submit with problems (the error summary, a message under each field)',
    async act(page) {
      await type(page, 'email', 'maria@');
      await type(page, 'firstName', 'Maria');
      await type(page, 'password', 'short');
      await page.click('ae-register button[type="submit"]');
      await page.waitForSelector('ae-register [aria-invalid="true"]');
    },
  },
  {
    name: 'register-ru',
    locale: 'ru',
    what: 'Russian: a name typed in Cyrillic, with the passport spelling offered',
    async act(page) {
      await type(page, 'email', 'yulia@example.com');
      await type(page, 'firstName', 'Юлия');
      await type(page, 'lastName', 'Щукина');
      await page.waitForFunction(() => document.querySelector('ae-register')?.textContent?.includes('Shchukina'));
    },
  },
];

async function type(page, name, text) {
  await page.click(`ae-register input[name="${name}"]`);
  await page.keyboard.type(text);
}

const only = process.argv.slice(2);
const rootArgs = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: [...rootArgs, '--disable-gpu', '--hide-scrollbars', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of SHOTS) {
    if (only.length && !only.includes(shot.name)) continue;
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewport({ width: WIDTH, height: 800, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(origin, { waitUntil: 'networkidle0' });
    await page.evaluate((locale) => window.shot.setLocale(locale), shot.locale);
    // The captcha picture is on display and decoded.
    await page.waitForFunction(() => {
      const img = document.querySelector('ae-captcha')?.shadowRoot?.querySelector('img');
      return img?.complete && img.naturalWidth > 0;
    });
    await shot.act(page);
    // Let focus moves, live regions and the last render settle.
    await page.evaluate(() => document.querySelector('ae-register').updateComplete);
    await new Promise((r) => setTimeout(r, 300));
    if (errors.length) throw new Error(`${shot.name}: the page reported errors:\n  ${errors.join('\n  ')}`);
    const el = await page.$('ae-register');
    const file = `${OUT}/${shot.name}.png`;
    await el.screenshot({ path: file });
    console.log(`${file}: ${shot.what}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
