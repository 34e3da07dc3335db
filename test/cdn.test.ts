/**
 * The CDN build (dist/cdn/ae-auth-elements.js and the captcha's own dist/cdn/captcha.js, from
 * rollup.cdn.config.mjs) as a page without a bundler uses it.
 * This test builds nothing: `npm run build` must have run before. A missing build fails, it does not skip.
 * The page of this test file imports nothing else from the library, so the CDN copy is the only one here;
 * examples/cdn.html runs in an iframe, a window of its own.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { frameClick } from './helpers/frames.js';

const CDN = '/dist/cdn/ae-auth-elements.js';
const MISSING = `${CDN} is missing: run \`npm run build\` (it runs rollup -c rollup.cdn.config.mjs) before the tests.`;

type Library = typeof import('../src/index.js');
type LitWindow = Window & typeof globalThis & { litIssuedWarnings?: Set<string>; litElementVersions?: string[] };

let source: string | undefined;

async function cdnSource(): Promise<string> {
  if (source !== undefined) return source;
  const res = await fetch(CDN, { cache: 'no-store' });
  const text = res.ok ? await res.text() : '';
  // The dev server may answer a missing file with a page of its own: only a module that exports counts.
  if (!res.ok || !/\bexport\s*\{/.test(text)) throw new Error(`${MISSING} (HTTP ${res.status})`);
  return (source = text);
}

/** Every module specifier in a (minified) ES module: static imports, re-exports, dynamic imports. */
function specifiers(code: string): { statics: string[]; dynamics: string[] } {
  const statics = [...code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+)["']/g)].map((m) => m[1]!);
  const dynamics = [...code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]!);
  return { statics, dynamics };
}

const chunkRequests = (win: Window, part: string) =>
  win.performance.getEntriesByType('resource').filter((e) => e.name.includes(`/dist/cdn/chunks/${part}`));
/** Requests of dist/cdn/ru.js or bg.js: the texts of a locale (its preset, or loaded when <html lang> asks). */
const localeRequests = (win: Window, locale: 'ru' | 'bg') =>
  win.performance.getEntriesByType('resource').filter((e) => e.name.includes(`/dist/cdn/${locale}.js`));

async function openExample(): Promise<{ frame: HTMLIFrameElement; win: LitWindow; doc: Document }> {
  await cdnSource();
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 40rem; height: 60rem; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = '/examples/cdn.html';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as LitWindow;
  await waitUntil(() => !!win.customElements.get('ae-register'), `<ae-register> defined by ${CDN}`, { timeout: 5000 });
  return { frame, win, doc: frame.contentDocument! };
}

type Recording = LitWindow & { seen: string[]; warnings: string[] };

/**
 * A page of its own (an iframe) with `scripts` in its head, after a script that records, from the start, every
 * text added to the document or to any shadow root (`seen`) and every console warning (`warnings`).
 */
async function openPage(lang: string, scripts: string[], body: string): Promise<{ frame: HTMLIFrameElement; win: Recording; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 40rem; height: 60rem; border: 0';
  // Before the modules run: every shadow root is watched from the moment it is attached, the light DOM too.
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><script>
    window.seen = [];
    window.warnings = [];
    const warn = console.warn;
    console.warn = (...args) => { window.warnings.push(args.join(' ')); warn.apply(console, args); };
    const take = (n) => { const t = (n.textContent || '').replace(/\\s+/g, ' ').trim(); if (t) window.seen.push(t); };
    const watch = (root) => new MutationObserver((rs) => rs.forEach((r) => { r.addedNodes.forEach(take); if (r.type === 'characterData') take(r.target); }))
      .observe(root, { childList: true, subtree: true, characterData: true });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) { const root = attach.call(this, init); watch(root); return root; };
    watch(document.documentElement);
  </script>
  ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n')}</head>
  <body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as Recording, doc: frame.contentDocument! };
}

/**
 * Follows every `import()` of `entry` (dist/cdn/…) and of what they load: each must request, together with its
 * target, every chunk the target imports that the page does not have yet (one round trip per lazy part, never a
 * chain). Returns the number of `import()` sites checked.
 */
async function checkParallelImports(entry: string): Promise<number> {
  const code = new Map<string, string>();
  const read = async (file: string): Promise<string> => {
    if (!code.has(file)) {
      const res = await fetch(`/dist/cdn/${file}`, { cache: 'no-store' });
      expect(res.ok, `${file} is served`).to.equal(true);
      code.set(file, await res.text());
    }
    return code.get(file)!;
  };
  const resolve = (from: string, spec: string) => new URL(spec, `https://x/${from}`).pathname.slice(1);
  const staticImports = (file: string, text: string) =>
    [...text.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => resolve(file, m[1]!));
  const closure = async (file: string, into = new Set<string>()): Promise<Set<string>> => {
    for (const dep of staticImports(file, await read(file))) {
      if (into.has(dep)) continue;
      into.add(dep);
      await closure(dep, into);
    }
    return into;
  };
  let checked = 0;
  const seen = new Set<string>();
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = await read(file);
    const have = await closure(file, new Set([file]));
    // Every import() site: a bare `import("x")`, or the group the build writes, `Promise.all([import("x"), …])`
    // (the test server reprints the file: spaces allowed).
    const groups: string[][] = [];
    const rest = text.replace(/Promise\.all\(\[\s*((?:import\(\s*"[^"]+"\s*\)\s*,?\s*)+)\]\)/g, (_, list: string) => {
      groups.push([...list.matchAll(/import\(\s*"([^"]+)"\s*\)/g)].map((m) => resolve(file, m[1]!)));
      return '';
    });
    for (const m of rest.matchAll(/\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g)) groups.push([resolve(file, m[1]!)]);
    for (const [target, ...together] of groups) {
      const needed = [...(await closure(target!))].filter((f) => !have.has(f));
      const missing = needed.filter((f) => !together.includes(f));
      expect(missing, `${file}: import("${target}") also requests what it imports`).to.deep.equal([]);
      checked++;
      await visit(target!);
    }
  };
  await visit(entry);
  return checked;
}

describe('the CDN build in a page without a bundler', () => {
  it('exists (built by npm run build)', async () => {
    expect(await cdnSource()).to.be.a('string');
  });

  it('is one self-contained file at first load: no bare imports, lazy parts only as relative chunks', async () => {
    const { statics, dynamics } = specifiers(await cdnSource());
    expect(statics, 'static imports of the entry').to.deep.equal([]);
    expect(dynamics.length, 'lazy chunks (transliteration, ru, bg)').to.be.at.least(3);
    // A chunk in chunks/, or the texts of a locale (dist/cdn/ru.js, bg.js: also a page's preset, see below).
    for (const d of dynamics) expect(d, 'a lazy chunk next to the file').to.match(/^\.\/(chunks\/[\w.-]+|ru|bg)\.js$/);
    expect(await cdnSource()).not.to.include('Lit is in dev mode');
  });

  describe('examples/cdn.html', () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => frame?.remove());

    it('renders <ae-register> with its form and a captcha picture', async () => {
      const opened = await openExample();
      frame = opened.frame;
      const el = opened.doc.querySelector('ae-register')!;
      await el.updateComplete;
      const form = el.querySelector('form');
      expect(form?.tagName, 'the <form> in the light DOM').to.equal('FORM');
      const names = [...form!.querySelectorAll('input')].map((i) => i.name);
      expect(names).to.deep.equal(['email', 'firstName', 'lastName', 'password', 'passwordRepeat']);
      expect(el.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Registration');
      const captcha = el.querySelector('ae-captcha')!;
      await waitUntil(
        () => {
          const img = captcha.shadowRoot?.querySelector<HTMLImageElement>('img[part=image]');
          return !!img && img.complete && img.naturalWidth > 0;
        },
        'the captcha picture is shown and decoded',
        { timeout: 5000 },
      );
    });

    it('runs Lit in production mode (no dev-mode warnings)', async () => {
      const opened = await openExample();
      frame = opened.frame;
      expect(opened.win.litElementVersions, 'Lit loaded').to.have.length(1);
      expect(opened.win.litIssuedWarnings, 'dev-mode Lit keeps a set of issued warnings').to.equal(undefined);
    });

    it('fetches a locale from the chunk next to it only when <html lang> asks for it', async () => {
      const { frame: f, win, doc } = await openExample();
      frame = f;
      const el = doc.querySelector('ae-register')!;
      await el.updateComplete;
      expect(localeRequests(win, 'ru')).to.have.length(0);
      doc.documentElement.lang = 'ru';
      await waitUntil(
        () => el.shadowRoot!.querySelector('[part=heading]')?.textContent === 'Регистрация',
        'the heading in Russian',
        { timeout: 5000 },
      );
      expect(localeRequests(win, 'ru')).to.have.length(1);
      expect(localeRequests(win, 'bg')).to.have.length(0);
    });
  });

  describe('a Russian page with dist/cdn/ru.js beside the file', () => {
    let frame: HTMLIFrameElement | undefined;
    afterEach(() => frame?.remove());

    it('shows its first frame in Russian: no English text ever appears, the texts need no request of their own', async () => {
      await cdnSource();
      const opened = await openPage('ru', [CDN.replace('ae-auth-elements.js', 'ru.js'), CDN], '<ae-register></ae-register>');
      frame = opened.frame;
      const win = opened.win;
      const el = opened.doc.querySelector('ae-register') as HTMLElement & { updateComplete?: Promise<unknown> };
      await waitUntil(() => el.shadowRoot?.querySelector('[part=heading]')?.textContent === 'Регистрация', 'the Russian heading', {
        timeout: 5000,
      });
      const seen = win.seen.join(' | ');
      expect(seen.length, 'texts recorded').to.be.above(100);
      expect(seen).not.to.match(/Registration|E-mail|First name|Create profile/);
      expect(localeRequests(win, 'ru'), 'the texts: ru.js itself').to.have.length(1);
      expect(chunkRequests(win, ''), 'no chunk before the form: no locale chunk, no configure chunk').to.satisfy((es: PerformanceEntry[]) =>
        es.every((e) => !/chunks\/(ru|bg|configure)-/.test(e.name)),
      );
    });
  });

  describe('the module API', () => {
    it('exports the elements and the light API; the heavy API is in api.js beside it, sharing one copy', async () => {
      await cdnSource();
      const url: string = CDN;
      const lib = (await import(/* @vite-ignore */ url)) as Partial<Library>;
      expect(customElements.get('ae-register')).to.equal(lib.AeRegister);
      expect(customElements.get('ae-captcha')).to.equal(lib.AeCaptcha);
      expect(customElements.get('ae-login')).to.equal(lib.AeLogin);
      // Defined when their tag appears (see below), so not exported by the elements' file.
      // (Booleans: chai's message for a class or a node can take minutes to print.)
      expect('AeActivate' in lib, 'AeActivate exported').to.equal(false);
      expect('AeUserMenu' in lib, 'AeUserMenu exported').to.equal(false);
      expect(lib.setLocale, 'the locale switch').to.be.a('function');
      expect(lib.setDefaultAdapter, 'the default adapter').to.be.a('function');
      expect(lib.AdapterError, 'the error class').to.be.a('function');
      // Not in the elements' file: the adapter classes, schemas and transliteration (zod and the tables).
      expect(lib.MemoryAdapter).to.equal(undefined);
      expect(lib.HttpAdapter).to.equal(undefined);
      expect(lib.transliterateName).to.equal(undefined);
      expect(await cdnSource()).not.to.match(/PBKDF2|X-CSRF-Token|\$ZodType/);
      const apiUrl = CDN.replace('ae-auth-elements.js', 'api.js');
      const api = (await import(/* @vite-ignore */ apiUrl)) as Library;
      // One copy: api.js re-exports the elements' file rather than carrying its own.
      expect(api.AeRegister).to.equal(lib.AeRegister);
      expect(api.AdapterError).to.equal(lib.AdapterError);
      expect(new api.MemoryAdapter()).to.be.an.instanceOf(api.MemoryAdapter);
      expect(api.HttpAdapter).to.be.a('function');
      // Table letters need no download.
      expect(await api.transliterateName('Шишков', 'bg')).to.equal('Shishkov');
      expect(chunkRequests(window, 'transliteration-')).to.have.length(0);
      // Ł is outside every passport table: the full package is fetched for it.
      expect(await api.transliterateName('Łukasz', 'ru')).to.equal('Lukasz');
      expect(chunkRequests(window, 'transliteration-')).to.have.length(1);
    });

    it('defines the other elements only when their tag appears, from chunks next to it', async () => {
      await cdnSource();
      const url: string = CDN;
      await import(/* @vite-ignore */ url);
      // This page has no account panel and no user menu: nothing of them was fetched.
      for (const tag of ['ae-account-panel', 'ae-user-menu', 'ae-activate']) {
        expect(customElements.get(tag) === undefined, `<${tag}> not defined before use`).to.equal(true);
        expect(chunkRequests(window, `${tag}-`), `no chunk of <${tag}>`).to.have.length(0);
      }
      const chat = document.createElement('ae-support');
      const menu = document.createElement('ae-user-menu');
      document.body.append(chat, menu);
      await waitUntil(() => customElements.get('ae-support') && customElements.get('ae-user-menu'), 'both defined once in the page', {
        timeout: 5000,
      });
      expect(chunkRequests(window, 'ae-support-').length).to.be.above(0);
      expect(chunkRequests(window, 'ae-user-menu-').length).to.be.above(0);
      expect(customElements.get('ae-account-panel') === undefined, 'still not the panel').to.equal(true);
      // <ae-register> loads <ae-activate> after a sign-up from the same module: one chunk for both ways.
      const act = document.createElement('ae-activate');
      document.body.append(act);
      await waitUntil(() => customElements.get('ae-activate'), '<ae-activate> defined', { timeout: 5000 });
      chat.remove();
      menu.remove();
      act.remove();
    });

    it('requests a lazy chunk together with every chunk it imports: one round trip per lazy part, never a chain', async () => {
      const checked = await checkParallelImports('ae-auth-elements.js');
      expect(checked, 'import() sites checked (the lazily defined elements, validation, adapters, locales)').to.be.above(20);
    });
  });
});

const CAPTCHA_FILE = '/dist/cdn/captcha.js';
const CAPTCHA_TEXTS = {
  en: { label: 'Code from the picture', refresh: 'Refresh code' },
  ru: { label: 'Код с картинки', refresh: 'Обновить код' },
  bg: { label: 'Код от картинката', refresh: 'Актуализиране на кода' },
} as const;

const captchaPicture = (captcha: Element) => {
  const img = captcha.shadowRoot?.querySelector<HTMLImageElement>('img[part=image]');
  return !!img && img.complete && img.naturalWidth > 0;
};

describe("the captcha's own CDN file, dist/cdn/captcha.js", () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  const read = async (path: string) => {
    const res = await fetch(path, { cache: 'no-store' });
    const text = res.ok ? await res.text() : '';
    if (!res.ok || !/\bexport\s*\{/.test(text)) throw new Error(`${path} is missing: run \`npm run build\` before the tests (HTTP ${res.status})`);
    return text;
  };

  it('is one self-contained file: no imports at first load, its lazy parts in captcha-chunks/ only', async () => {
    const code = await read(CAPTCHA_FILE);
    const { statics, dynamics } = specifiers(code);
    expect(statics, 'static imports').to.deep.equal([]);
    expect(dynamics.length, 'lazy chunks (extras, adapters, locales)').to.be.at.least(5);
    // Its own copy: nothing of the elements' file or its chunks.
    for (const d of dynamics) expect(d, 'a chunk of its own').to.match(/^\.\/captcha-chunks\/[\w.-]+\.js$/);
    expect(code).not.to.include('Lit is in dev mode');
    // Not the sign-up form, not the sign-in: the register's heading and the login's texts are not in it.
    expect(code).not.to.match(/Create profile|Forgot your password/);
    const checked = await checkParallelImports('captcha.js');
    expect(checked, 'import() sites checked (the extras, the adapters, the locales)').to.be.at.least(5);
  });

  it('examples/cdn-captcha.html: <ae-captcha> alone in a form; empty, it stops the submit; typed, the answer and its id are posted', async () => {
    await read(CAPTCHA_FILE);
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 40rem; height: 40rem; border: 0';
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    frame.src = '/examples/cdn-captcha.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as LitWindow;
    const doc = frame.contentDocument!;
    await waitUntil(() => !!win.customElements.get('ae-captcha'), '<ae-captcha> defined', { timeout: 5000 });
    for (const tag of ['ae-register', 'ae-login', 'ae-activate']) {
      expect(win.customElements.get(tag) === undefined, `<${tag}> not defined`).to.equal(true);
    }
    const captcha = doc.querySelector('ae-captcha')!;
    await waitUntil(() => captchaPicture(captcha), 'the picture is shown and decoded', { timeout: 5000 });
    expect(captcha.shadowRoot!.textContent).to.include(CAPTCHA_TEXTS.en.label);
    const send = doc.querySelector('form button')!;
    const posted = doc.querySelector('output')!;
    // No answer: the browser does not submit the form, and the captcha says why.
    await frameClick(frame, send);
    await waitUntil(() => captcha.shadowRoot!.querySelector('[part=error]'), 'the message of the empty answer', { timeout: 5000 });
    expect(captcha.shadowRoot!.querySelector('[part=error]')!.textContent).to.equal('Enter the code from the picture');
    expect(posted.value, 'nothing posted').to.equal('');
    // A new picture on "Refresh code" (a real click), then a typed answer goes with the form.
    const first = captcha.shadowRoot!.querySelector<HTMLImageElement>('img[part=image]')!.src;
    const refresh = captcha.shadowRoot!.querySelector('button[part=refresh]')!;
    expect(refresh.getAttribute('aria-label')).to.equal(CAPTCHA_TEXTS.en.refresh);
    await frameClick(frame, refresh);
    await waitUntil(
      () => captchaPicture(captcha) && captcha.shadowRoot!.querySelector<HTMLImageElement>('img[part=image]')!.src !== first,
      'a new picture after "Refresh code"',
      { timeout: 5000 },
    );
    captcha.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'Ab3' });
    await frameClick(frame, send);
    await waitUntil(() => posted.value !== '', 'the form submitted', { timeout: 5000 });
    const data = new URLSearchParams(posted.value);
    expect(data.get('captcha'), 'the answer, as typed').to.equal('Ab3');
    expect(String(data.get('captchaId')).length, "the picture's id").to.be.above(0);
    // Only the captcha's own files were fetched: the elements' file never.
    const files = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/cdn/'));
    expect(files.filter((p) => !p.startsWith('/dist/cdn/captcha')), "files of the elements' build").to.deep.equal([]);
  });

  for (const lang of ['ru', 'bg'] as const) {
    it(`shows its first frame in the page's language (${lang}) with its texts inside: no English, no request for them`, async () => {
      await read(CAPTCHA_FILE);
      const opened = await openPage(lang, [CAPTCHA_FILE], '<form><ae-captcha name="captcha"></ae-captcha></form>');
      frame = opened.frame;
      const captcha = opened.doc.querySelector('ae-captcha')!;
      await waitUntil(() => captchaPicture(captcha), 'the picture', { timeout: 5000 });
      const seen = opened.win.seen.join(' | ');
      expect(seen, 'the label in the page language').to.include(CAPTCHA_TEXTS[lang].label);
      const refresh = captcha.shadowRoot!.querySelector('button[part=refresh]')!;
      expect(refresh.getAttribute('aria-label'), 'the refresh button in the page language').to.equal(CAPTCHA_TEXTS[lang].refresh);
      for (const text of Object.values(CAPTCHA_TEXTS.en)) expect(seen, 'no English frame first').not.to.include(text);
      // Every text, the lazy extras' help line included, in the page's language: not a Latin word anywhere.
      expect(seen).not.to.match(/[A-Za-z]{3,}/);
      expect(seen, "the extras' help line").to.include(lang === 'ru' ? 'Напишите в поддержку' : 'Пишете на поддръжката');
      const locales = opened.win.performance.getEntriesByType('resource').filter((e) => /captcha-chunks\/(ru|bg)-/.test(e.name));
      expect(locales.map((e) => e.name), 'no locale chunk').to.deep.equal([]);
    });
  }

  it('switches when <html lang> changes later, loading that locale from its own chunks', async () => {
    await read(CAPTCHA_FILE);
    const opened = await openPage('en', [CAPTCHA_FILE], '<ae-captcha></ae-captcha>');
    frame = opened.frame;
    const { win, doc } = opened;
    const captcha = doc.querySelector('ae-captcha')!;
    await waitUntil(() => captcha.shadowRoot?.querySelector('button[part=refresh]'), 'the first frame', { timeout: 5000 });
    const refresh = () => captcha.shadowRoot!.querySelector('button[part=refresh]')!.getAttribute('aria-label');
    expect(refresh()).to.equal(CAPTCHA_TEXTS.en.refresh);
    const chunks = (locale: string) =>
      win.performance.getEntriesByType('resource').filter((e) => e.name.includes(`/dist/cdn/captcha-chunks/${locale}-`));
    expect(chunks('bg'), 'no Bulgarian texts fetched on an English page').to.have.length(0);
    doc.documentElement.lang = 'bg';
    await waitUntil(() => refresh() === CAPTCHA_TEXTS.bg.refresh, 'the Bulgarian button', { timeout: 5000 });
    expect(chunks('bg').length, 'the Bulgarian chunks').to.be.above(0);
    expect(chunks('ru'), 'not the Russian ones').to.have.length(0);
  });

  it("warns once when the elements' file is on the page too, and keeps one <ae-captcha>", async () => {
    await read(CAPTCHA_FILE);
    await cdnSource();
    const opened = await openPage('en', [CDN, CAPTCHA_FILE], '<ae-captcha></ae-captcha>');
    frame = opened.frame;
    const { win } = opened;
    await waitUntil(() => win.warnings.some((w) => w.includes('<ae-captcha> is already defined')), 'the warning of the second copy', {
      timeout: 5000,
    });
    expect(win.warnings.filter((w) => w.includes('<ae-captcha>'))).to.have.length(1);
    // The elements' file ran first: its class holds the tag, and its sign-up form is there as well.
    expect(!!win.customElements.get('ae-register'), '<ae-register> of the elements file').to.equal(true);
  });
});
