// The pages that `npm run bench` and `npm run check:waterfall` load in headless Chromium, and the chunk graphs
// behind them. Every page is what a site would serve: an HTML file with one `<script type="module">` in its head
// and the element in its body, no <link rel="modulepreload"> (esbuild and rollup write none), except where a build
// writes them: the page Vite builds lists the entry's static imports, and the esbuild + modulepreload page does what
// an esbuild app can do with its metafile.
//
// The package is measured from a snapshot of dist/ taken when the script starts (snapshotPackage), so a
// concurrent `npm run build` of a colleague cannot change the files halfway through a run.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join, posix, relative, resolve } from 'node:path';
import { ROOT, esbuildBundle, makeConsumer, rollupBundle, viteBundle } from './bundle.mjs';

/**
 * The elements CI checks, one page each. `field` is what a person waits for: the first `selector` match inside
 * `host` (its light DOM and its shadow roots, nested ones too) that is rendered with a non-zero size, visible and
 * not disabled. Add a future element here and both scripts measure it.
 */
export const ELEMENTS = [
  {
    name: 'register',
    label: '<ae-register>',
    entry: "import 'ae-auth-elements/register.js';\n",
    body: '<ae-register></ae-register>',
    // Its e-mail input, in its light DOM (the form is rendered into the element for password managers).
    field: { host: 'ae-register', selector: 'input[name="email"]' },
  },
  {
    // The product's own audience: a Russian page with the Russian preset before the element (README, "Russian
    // and Bulgarian"), so the first frame is in Russian; on the CDN, dist/cdn/ru.js before the elements' file.
    name: 'register-ru',
    label: '<ae-register>, Russian page',
    entry: "import 'ae-auth-elements/ru.js';\nimport 'ae-auth-elements/register.js';\n",
    lang: 'ru',
    cdnBefore: ['ru.js'],
    define: 'register',
    body: '<ae-register></ae-register>',
    field: { host: 'ae-register', selector: 'input[name="email"]' },
  },
  {
    name: 'captcha',
    label: '<ae-captcha>',
    entry: "import 'ae-auth-elements/captcha.js';\n",
    body: '<form><ae-captcha name="captcha"></ae-captcha> <button>Send</button></form>',
    // On the CDN, the captcha's own file (src/cdn-captcha.ts): a page with the captcha alone loads it, not the
    // elements' file (whose <ae-register> comes at once; a captcha inside that form is the register's row).
    cdnEntry: 'captcha.js',
    // Its answer input, in its shadow root.
    field: { host: 'ae-captcha', selector: 'input' },
  },
  {
    name: 'activate',
    label: '<ae-activate>',
    entry: "import 'ae-auth-elements/activate.js';\n",
    // Right after a registration: "we sent a letter"; its first control is "Send again" (no cooldown here).
    body: '<ae-activate email="ada@example.com" cooldown="0"></ae-activate>',
    field: { host: 'ae-activate', selector: 'button' },
  },
  {
    name: 'login',
    label: '<ae-login>',
    entry: "import 'ae-auth-elements/login.js';\n",
    body: '<ae-login></ae-login>',
    field: { host: 'ae-login', selector: 'input[name="email"]' },
  },
  {
    name: 'forgot-password',
    label: '<ae-forgot-password>',
    entry: "import 'ae-auth-elements/forgot-password.js';\n",
    body: '<ae-forgot-password></ae-forgot-password>',
    field: { host: 'ae-forgot-password', selector: 'input[name="email"]' },
  },
  {
    name: 'social-login',
    label: '<ae-social-login>',
    entry: "import 'ae-auth-elements/social-login.js';\n",
    body: '<ae-social-login></ae-social-login>',
    // The first provider's button ("VK ID").
    field: { host: 'ae-social-login', selector: 'button' },
  },
  {
    name: 'preferences',
    label: '<ae-preferences>',
    entry: "import 'ae-auth-elements/preferences.js';\n",
    // Shows the locale's defaults until the saved choice is in.
    body: '<ae-preferences></ae-preferences>',
    field: { host: 'ae-preferences', selector: 'select' },
  },
  {
    name: 'support',
    label: '<ae-support>',
    entry: "import 'ae-auth-elements/support.js';\n",
    // The "Online chat" launcher.
    body: '<ae-support></ae-support>',
    field: { host: 'ae-support', selector: 'button' },
  },
  {
    name: 'support-link',
    label: '<ae-support-link>',
    entry: "import 'ae-auth-elements/support-link.js';\n",
    body: '<p>Trouble signing up? <ae-support-link></ae-support-link></p>',
    field: { host: 'ae-support-link', selector: 'button' },
  },
  // <ae-reset-password> first checks its link with the server (a state per answer), <ae-user-menu> and
  // <ae-account-panel> ask the session, <ae-address-form> the saved addresses, <ae-conversation> its
  // conversation: each shows a placeholder until the adapter answers, so its first control waits for a call by
  // design and is not measured here.
];

/** The CDN file and its chunk folder, as `npm run build` writes them. */
export const CDN_DIR = 'dist/cdn';
export const CDN_ENTRY = 'ae-auth-elements.js';

/**
 * A copy of the built package (package.json + dist/) in a temp folder, with node_modules pointing at the
 * repository's, so consumer bundles resolve `ae-auth-elements/*` through its `exports` map and `sideEffects`.
 */
export function snapshotPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'ae-snapshot-'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  cpSync(join(ROOT, 'bundlers'), join(dir, 'bundlers'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A chunk graph: Map of served path -> { code, imports: [paths], dynamicImports: [paths], modules: [ids] },
 * paths relative to the page folder ('chunk-X.js', 'chunks/ru-Y.js'); plus the entry's path (and, set by
 * ourPages, `preload`: the paths its page lists as <link rel="modulepreload">).
 */
export function graphOf(chunks, pathOf) {
  const byName = new Map(chunks.map((c) => [c.fileName, pathOf(c)]));
  const graph = new Map();
  for (const c of chunks) {
    graph.set(pathOf(c), {
      code: c.code,
      imports: c.imports.map((n) => byName.get(n)).filter(Boolean),
      dynamicImports: c.dynamicImports.map((n) => byName.get(n)).filter(Boolean),
      modules: c.moduleIds ?? [],
    });
  }
  const entry = chunks.find((c) => c.isEntry);
  return { graph, entry: pathOf(entry) };
}

/**
 * A consumer's app bundle of `entryCode`, with code splitting: esbuild (as scripts/size.mjs does), esbuild with
 * our plugin (`esbuild-plugin`: `ae-auth-elements/esbuild` of `packageDir`, as the README tells), or rollup.
 */
export async function appBundle(bundler, name, entryCode, packageDir) {
  const app = makeConsumer(packageDir);
  try {
    const file = app.entry(name, entryCode);
    if (bundler === 'esbuild') return graphOf(await esbuildBundle(file, app.dir), (c) => c.outPath);
    if (bundler === 'esbuild-plugin') {
      const { alreadyLoaded } = await import(pathToFileURL(join(packageDir, 'bundlers', 'esbuild.js')).href);
      return graphOf(await esbuildBundle(file, app.dir, { plugins: [alreadyLoaded()] }), (c) => c.outPath);
    }
    return graphOf(await rollupBundle(file), (c) => c.fileName);
  } finally {
    app.dispose();
  }
}

/** `vite build` of a consumer's page of element `el` (see BUILDS): `{ graph, html }`. */
export async function vitePage(el, packageDir, extra) {
  const app = makeConsumer(packageDir);
  try {
    const html = pageHtml({ title: `${el.label}, vite`, script: './main.js', body: el.body, lang: el.lang });
    const built = await viteBundle(app.dir, html, el.entry, extra);
    const graph = graphOf(built.chunks, (c) => c.fileName);
    graph.preload = [...built.html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g)].map((m) => m[1]);
    return { graph, html: built.html };
  } finally {
    app.dispose();
  }
}

/** A bundle of an entry file that resolves its imports from `cwd` (the bare Lit page, the peers). */
export async function fileBundle(file, cwd, extra) {
  return graphOf(await esbuildBundle(file, cwd, extra), (c) => c.outPath);
}

/**
 * The CDN build as built (dist/cdn in `packageDir`): its import graph read with esbuild's metafile (static
 * `import` statements and `import()` with a literal path, exactly as the browser will follow them).
 */
export async function cdnGraph(packageDir, entry = CDN_ENTRY) {
  const esbuild = await import('esbuild');
  const dir = join(packageDir, CDN_DIR);
  const out = mkdtempSync(join(tmpdir(), 'ae-cdn-graph-'));
  try {
    const result = await esbuild.build({
      entryPoints: [join(dir, entry)],
      absWorkingDir: dir,
      bundle: true,
      splitting: true,
      format: 'esm',
      outdir: out,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const graph = new Map();
    const files = [];
    const walk = (d) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.js')) files.push(p);
      }
    };
    walk(dir);
    for (const p of files) {
      const key = relative(dir, p).replaceAll('\\', '/');
      const meta = result.metafile.inputs[key];
      const target = (i) => posix.normalize(i.path);
      graph.set(key, {
        code: readFileSync(p, 'utf8'),
        imports: (meta?.imports ?? []).filter((i) => i.kind === 'import-statement').map(target),
        dynamicImports: (meta?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map(target),
        modules: [],
      });
    }
    return { graph, entry };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * The static levels of a chunk graph: level 1 is the entry, level n+1 what level n imports statically and was not
 * requested earlier (the browser discovers a module's imports once it has it); what the page lists as
 * <link rel="modulepreload"> (`preload`: paths) is level 1 with the entry. Returns `[[paths of level 1],
 * [level 2], …]`. Everything in it is fetched before the entry runs.
 */
export function staticLevels({ graph, entry, preload = [] }) {
  const first = [entry, ...preload.filter((p) => p !== entry)];
  const levels = [first];
  const seen = new Set(first);
  for (;;) {
    const next = [];
    for (const p of levels.at(-1)) {
      for (const i of graph.get(p)?.imports ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        next.push(i);
      }
    }
    if (!next.length) return levels;
    levels.push(next);
  }
}

/** The HTML of a bench page. */
export function pageHtml({ title, script, scripts = [script], body, lang = 'en', preload = [] }) {
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${scripts.map((src) => `<script type="module" src="${src}"></script>`).join('\n    ')}${preload.map((href) => `\n    <link rel="modulepreload" href="${href}" />`).join('')}
  </head>
  <body>
    <main>
      ${body}
    </main>
  </body>
</html>
`;
}

/** Puts a graph's chunks into `files` (the server's map) under `base` ('/esbuild/register/'). */
export function addGraph(files, base, { graph }) {
  for (const [p, c] of graph) files.set(base + p, c.code);
}

/** Writes an entry file into `dir` (created) and returns its path. */
export function writeEntry(dir, name, code) {
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, name);
  writeFileSync(file, code);
  return file;
}

/** How each of our pages is built: a consumer's app bundle (esbuild, rollup, Vite; splitting) or the CDN file. */
export const BUILDS = [
  { id: 'esbuild', label: 'app bundle, esbuild splitting' },
  // The same bundle, its page listing the chunks the entry imports as <link rel="modulepreload">, which an esbuild
  // app writes from the metafile: esbuild puts the modules its entry shares with lazy chunks into chunks of their
  // own (evanw/esbuild#3780, open), a request level the browser otherwise finds only once the entry is in.
  { id: 'esbuild-preload', label: 'app bundle, esbuild splitting + modulepreload' },
  // The same with `ae-auth-elements/esbuild` (bundlers/esbuild.js), which tells esbuild what every lazy chunk
  // finds loaded: the first render in the entry and one shared chunk; without and with modulepreload (one link).
  { id: 'esbuild-plugin', label: 'app bundle, esbuild splitting + our plugin' },
  { id: 'esbuild-plugin-preload', label: 'app bundle, esbuild splitting + our plugin + modulepreload' },
  { id: 'rollup', label: 'app bundle, rollup splitting' },
  // `vite build` of the page (Vite 8: Rolldown, its own minifier), no config but `base: './'`: the HTML is Vite's,
  // with a <link rel="modulepreload"> for each chunk the entry imports; lazy chunks come through Vite's preload
  // helper together with their imports.
  { id: 'vite', label: 'app page, vite build' },
  { id: 'cdn', label: 'CDN file dist/cdn' },
];

/**
 * Our pages: for each element of `elements` and each build of `builds`, the page and its chunk graph.
 * Adds the files into `files` (the server's map). Returns `[{ id, element, build, label, url, base, field, graph }]`
 * (`base`: the folder the graph's paths are relative to).
 * The CDN file and its chunks are served once, at /cdn/, for every element's page.
 */
export async function ourPages(files, packageDir, elements = ELEMENTS, builds = BUILDS.map((b) => b.id)) {
  const pages = [];
  const cdn = new Map(); // entry file → its graph
  for (const el of elements) {
    for (const build of builds) {
      let graph;
      let url;
      let base = '/cdn/';
      if (build === 'cdn') {
        const entry = el.cdnEntry ?? CDN_ENTRY;
        if (!cdn.has(entry)) cdn.set(entry, await cdnGraph(packageDir, entry));
        const built = cdn.get(entry);
        if (!files.has(`/cdn/${entry}`)) addGraph(files, '/cdn/', built);
        // Scripts the page loads before the elements' file (a locale preset) are requested with it: level 1.
        graph = el.cdnBefore ? { ...built, preload: el.cdnBefore } : built;
        url = `/cdn/${el.name}.html`;
        const before = (el.cdnBefore ?? []).map((f) => `./${f}`);
        files.set(url, pageHtml({ title: `${el.label}, CDN file`, scripts: [...before, `./${entry}`], body: el.body, lang: el.lang }));
      } else if (build === 'vite') {
        base = `/vite/${el.name}/`;
        const built = await vitePage(el, packageDir);
        graph = built.graph;
        addGraph(files, base, graph);
        url = base;
        files.set(`${base}index.html`, built.html);
      } else {
        graph = await appBundle(build.replace(/-preload$/, ''), el.name, el.entry, packageDir);
        base = `/${build}/${el.name}/`;
        addGraph(files, base, graph);
        url = base;
        graph.preload = build.endsWith('-preload') ? staticLevels(graph).slice(1).flat() : [];
        const preload = graph.preload.map((p) => `./${p}`);
        files.set(`${base}index.html`, pageHtml({ title: `${el.label}, ${build}`, script: `./${graph.entry}`, body: el.body, preload, lang: el.lang }));
      }
      const how = BUILDS.find((b) => b.id === build).label;
      pages.push({ id: `${el.name}-${build}`, element: el, build, label: `${el.label}, ${how}`, url, base, field: el.field, graph });
    }
  }
  return pages;
}

/** The baseline page: bench/pages/bare-lit.js bundled with esbuild. */
export async function barePage(files) {
  const graph = await fileBundle(join(ROOT, 'bench', 'pages', 'bare-lit.js'), ROOT);
  addGraph(files, '/bare/', graph);
  files.set('/bare/index.html', pageHtml({ title: 'bare Lit element', script: `./${graph.entry}`, body: '<bare-form></bare-form>' }));
  return {
    id: 'bare',
    label: 'a bare Lit element (an input + a button), esbuild',
    url: '/bare/',
    base: '/bare/',
    field: { host: 'bare-form', selector: 'input' },
    graph,
  };
}
