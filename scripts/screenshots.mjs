// `npm run screenshots`: the README's and Storybook's pictures (docs/*.png), made from the current build so they
// cannot go stale. Loads dist/cdn/ae-auth-elements.js and dist/themes/<theme>.css (run `npm run build` first;
// the npm script does) in headless Chromium, drives <ae-register> the way a person does (real typing, a real
// click) on a seeded MemoryAdapter, and saves the element with a margin of its page around it.
//
// Every picture shows the same state: the form filled with mistakes and submitted (the error summary, a message
// under each field, the transliteration offer for a Cyrillic last name, the captcha row with its error), in
//   en, ru, bg  ×  neutral, dark, marketplace  ×  a 1280 px and a 360 px wide page
// as docs/register-<locale>-<theme>-<width>.png (18 files), plus docs/register-ru.png and docs/register-bg.png
// (copies of the neutral 1280 px ones, the names the README has always linked).
//
// Deterministic: a seeded adapter (the same captcha picture every run), no text caret, no animation or
// transition, reduced motion and a light system scheme emulated, device scale 1. An unchanged UI gives
// byte-identical files on one machine (fonts are the system's).
// Chromium: CHROME_PATH, else /usr/bin/chromium (or chromium-browser, google-chrome).
//   node scripts/screenshots.mjs              every picture
//   node scripts/screenshots.mjs ru dark      only those whose name contains every word given
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { findChrome } from './find-chrome.mjs';

const ENTRY = 'dist/cdn/ae-auth-elements.js';
/** SCREENSHOTS_OUT=dir writes elsewhere (to compare two runs, say). */
const OUT = process.env.SCREENSHOTS_OUT ?? 'docs';
const LOCALES = ['en', 'ru', 'bg'];
/** Each theme: the file the package ships (none for the built-in neutral look) and the class that turns it on. */
const THEMES = {
  neutral: { file: undefined, className: '' },
  dark: { file: 'dist/themes/dark.css', className: 'ae-theme-dark' },
  marketplace: { file: 'dist/themes/marketplace.css', className: 'ae-theme-marketplace' },
};
const WIDTHS = [1280, 360];
/** Space of the page shown around the element. */
const MARGIN = 24;
/** The README's two old names, kept as copies. */
const ALIASES = { 'register-ru': 'register-ru-neutral-1280', 'register-bg': 'register-bg-neutral-1280' };

if (!existsSync(ENTRY)) {
  console.error(`${ENTRY} is missing: run npm run build first (npm run screenshots does).`);
  process.exit(1);
}
const missingThemes = Object.entries(THEMES).filter(([, t]) => t.file && !existsSync(t.file));
if (missingThemes.length) {
  console.warn(
    `warning: ${missingThemes.map(([, t]) => t.file).join(', ')} missing: ` +
      `the ${missingThemes.map(([n]) => n).join(' and ')} pictures show the neutral look.`,
  );
}

/**
 * A page of `theme`: the theme's stylesheet and class, a page background from the same public tokens, the
 * built library, a seeded MemoryAdapter and one <ae-register>.
 */
function pageHtml(theme) {
  const { file, className } = THEMES[theme];
  return `<!doctype html>
<html lang="en" class="${className}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
${file && existsSync(file) ? `<link rel="stylesheet" href="/${file}">` : ''}
<style>
  :root { color-scheme: var(--ae-color-scheme, light dark); }
  html, body { margin: 0; }
  body {
    padding: ${MARGIN}px 16px;
    background: light-dark(
      var(--ae-color-surface-alt, #f3f4f6),
      color-mix(in srgb, var(--ae-color-surface-dark, #1f2126) 70%, #000)
    );
  }
  ae-register { margin-inline: auto; }
  *, *::before, *::after {
    caret-color: transparent !important;
    animation: none !important;
    transition: none !important;
  }
</style>
<script type="module">
  import { MemoryAdapter, setDefaultAdapter, setLocale } from '/${ENTRY.replace('ae-auth-elements.js', 'api.js')}';
  setDefaultAdapter(new MemoryAdapter({ captchaAnswer: 'Ab3dE', seed: 7 }));
  window.shot = { setLocale };
  document.body.append(document.createElement('ae-register'));
</script>
</head>
<body></body>
</html>`;
}

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://x');
  if (url.pathname === '/') {
    const theme = url.searchParams.get('theme') ?? 'neutral';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pageHtml(theme in THEMES ? theme : 'neutral'));
    return;
  }
  const file = normalize(join('.', decodeURIComponent(url.pathname)));
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

/** What a person does before each picture: mistakes in every field, then "Create profile". */
async function fillWithMistakes(page) {
  await type(page, 'email', 'maria@');
  await type(page, 'firstName', 'Maria');
  // Cyrillic: the field says Latin letters only and offers the passport spelling.
  await type(page, 'lastName', 'Иванова');
  await type(page, 'password', 'sekret');
  await type(page, 'passwordRepeat', 'sekret-1');
  await page.waitForFunction(() => document.querySelector('ae-register')?.textContent?.includes('Ivanova'));
  // The captcha is left empty: its row shows its own error.
  await page.click('ae-register button[type="submit"]');
  await page.waitForSelector('ae-register [aria-invalid="true"]');
}

async function type(page, name, text) {
  await page.click(`ae-register input[name="${name}"]`);
  await page.keyboard.type(text);
}

const words = process.argv.slice(2);
const shots = [];
for (const locale of LOCALES) {
  for (const theme of Object.keys(THEMES)) {
    for (const width of WIDTHS) {
      const name = `register-${locale}-${theme}-${width}`;
      if (words.every((w) => name.includes(w))) shots.push({ name, locale, theme, width });
    }
  }
}

const rootArgs = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
const browser = await puppeteer.launch({
  executablePath: findChrome(),
  headless: true,
  args: [...rootArgs, '--disable-gpu', '--hide-scrollbars', '--font-render-hinting=none', '--force-color-profile=srgb'],
});
try {
  mkdirSync(OUT, { recursive: true });
  for (const shot of shots) {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await tab.setViewport({ width: shot.width, height: 1800, deviceScaleFactor: 1 });
    await tab.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: 'light' },
      { name: 'prefers-reduced-motion', value: 'reduce' },
    ]);
    await tab.goto(`${origin}/?theme=${shot.theme}`, { waitUntil: 'networkidle0' });
    await tab.evaluate((locale) => {
      document.documentElement.lang = locale;
      return window.shot.setLocale(locale);
    }, shot.locale);
    // The captcha picture is on display and decoded.
    await tab.waitForFunction(() => {
      const img = document.querySelector('ae-captcha')?.shadowRoot?.querySelector('img');
      return img?.complete && img.naturalWidth > 0;
    });
    await fillWithMistakes(tab);
    // Let focus moves, live regions and the last render settle.
    await tab.evaluate(async () => {
      await document.querySelector('ae-register').updateComplete;
      await document.fonts.ready;
    });
    await new Promise((r) => setTimeout(r, 300));
    if (errors.length) throw new Error(`${shot.name}: the page reported errors:\n  ${errors.join('\n  ')}`);
    const box = await tab.$eval('ae-register', (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.left, y: r.top, width: r.width, height: r.height };
    });
    const x = Math.max(0, Math.floor(box.x - MARGIN));
    const clip = {
      x,
      y: Math.max(0, Math.floor(box.y - MARGIN)),
      width: Math.min(shot.width - x, Math.ceil(box.width + 2 * MARGIN)),
      height: Math.ceil(box.height + 2 * MARGIN),
    };
    const file = `${OUT}/${shot.name}.png`;
    await tab.screenshot({ path: file, clip, captureBeyondViewport: true });
    console.log(`${file}: ${shot.locale}, ${shot.theme}, ${shot.width} px page (${clip.width}×${clip.height})`);
    await tab.close();
  }
  for (const [alias, source] of Object.entries(ALIASES)) {
    if (!shots.some((s) => s.name === source)) continue;
    copyFileSync(`${OUT}/${source}.png`, `${OUT}/${alias}.png`);
    console.log(`${OUT}/${alias}.png: a copy of ${source}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
