// Shared by scripts/size.mjs, scripts/check-tree-shaking.mjs, scripts/bench.mjs and rollup.cdn.config.mjs:
// bundle what a consumer writes (`import 'ae-auth-elements/captcha.js'`) the way a consumer's bundler would,
// minify, gzip -9, and add up what the browser fetches at first load (entry + static imports; lazy chunks apart).
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** terser settings of the CDN build and of every rollup measurement. */
export const TERSER_OPTIONS = {
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  // The licence notice of the bundled common-password list stays (MIT asks for it).
  format: { comments: /@license/ },
};

/** gzip -9 size in bytes. */
export function gz(code) {
  return gzipSync(Buffer.from(code), { level: 9 }).length;
}

export const kB = (bytes) => (bytes / 1000).toFixed(1);

/** Fails with a clear message when `npm run build` has not written dist/. */
export function requireDist(...files) {
  for (const f of ['dist/index.js', ...files]) {
    if (!existsSync(join(ROOT, f))) {
      throw new Error(`${f} is missing: run \`npm run build\` first (this script measures the built package).`);
    }
  }
}

/**
 * A throw-away consumer project: `node_modules/ae-auth-elements` is a symlink to this repository, so
 * `ae-auth-elements/captcha.js` goes through the package's `exports` map and its `sideEffects` list exactly as
 * in an app. Entry files are written into it; `dispose()` removes it. `packageDir`: another copy of the package
 * (scripts/bench/pages.mjs measures a snapshot of dist/, so a concurrent `npm run build` cannot change it).
 */
export function makeConsumer(packageDir = ROOT) {
  const dir = mkdtempSync(join(tmpdir(), 'ae-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(packageDir, join(dir, 'node_modules', 'ae-auth-elements'), 'dir');
  return {
    dir,
    entry(name, code) {
      const file = join(dir, `${name}.js`);
      writeFileSync(file, code);
      return file;
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What a consumer writes to get each piece. */
export const CONSUMER_ENTRIES = {
  // The package root for its side effects: every element registered (what a page with all the tags loads).
  library: "import 'ae-auth-elements';\n",
  // Every export kept as well (a page that also uses the whole API: both adapters, schemas, transliteration).
  api: "export * from 'ae-auth-elements';\n",
  captcha: "import 'ae-auth-elements/captcha.js';\n",
  register: "import 'ae-auth-elements/register.js';\n",
  // A Russian page's first frame in Russian: the preset's texts and locale runtime in the static graph.
  registerRu: "import 'ae-auth-elements/ru.js';\nimport 'ae-auth-elements/register.js';\n",
  activate: "import 'ae-auth-elements/activate.js';\n",
  login: "import 'ae-auth-elements/login.js';\n",
  forgot: "import 'ae-auth-elements/forgot-password.js';\n",
  reset: "import 'ae-auth-elements/reset-password.js';\n",
  userMenu: "import 'ae-auth-elements/user-menu.js';\n",
  socialLogin: "import 'ae-auth-elements/social-login.js';\n",
  support: "import 'ae-auth-elements/support.js';\n",
  supportLink: "import 'ae-auth-elements/support-link.js';\n",
  conversation: "import 'ae-auth-elements/conversation.js';\n",
  accountPanel: "import 'ae-auth-elements/account-panel.js';\n",
  preferences: "import 'ae-auth-elements/preferences.js';\n",
  addressForm: "import 'ae-auth-elements/address-form.js';\n",
};

/** A name for a lazy chunk, from the modules inside it. */
export function lazyLabel(moduleIds) {
  const ids = moduleIds.map((id) => id.replaceAll('\\', '/'));
  if (ids.some((id) => id.includes('/node_modules/transliteration/'))) return 'transliteration (lazy)';
  const locale = ids.map((id) => /\/locales\/generated\/([a-z-]+)\.[jt]s$/i.exec(id)?.[1]).find(Boolean);
  if (locale) return `locale ${locale} (lazy)`;
  return `lazy: ${ids.map((id) => relative(ROOT, id)).join(', ')}`;
}

/**
 * Splits chunks `{ fileName, code, isEntry, imports, dynamicImports, moduleIds }` into the first load of the entry
 * (entry + everything it imports statically) and the lazy chunks that first load can reach through `import()`
 * (with their own static imports). A chunk nothing reaches (esbuild still writes one for an `import()` that
 * tree-shaking removed) is neither.
 */
export function splitLoad(chunks) {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = chunks.find((c) => c.isEntry);
  const closure = (roots, exclude) => {
    const seen = new Set();
    const walk = (c) => {
      if (!c || seen.has(c) || exclude.has(c)) return;
      seen.add(c);
      c.imports.forEach((n) => walk(byName.get(n)));
    };
    roots.forEach(walk);
    return seen;
  };
  const first = closure([entry], new Set());
  const lazySet = new Set();
  for (let grew = true; grew; ) {
    grew = false;
    const targets = [...first, ...lazySet].flatMap((c) => c.dynamicImports.map((n) => byName.get(n)));
    for (const c of closure(targets, first)) {
      if (lazySet.has(c)) continue;
      lazySet.add(c);
      grew = true;
    }
  }
  const firstLoad = [...first];
  return {
    entry,
    firstLoad,
    firstBytes: firstLoad.reduce((n, c) => n + Buffer.byteLength(c.code), 0),
    firstGzip: firstLoad.reduce((n, c) => n + gz(c.code), 0),
    lazy: [...lazySet].map((c) => ({
      ...c,
      label: lazyLabel(c.moduleIds),
      bytes: Buffer.byteLength(c.code),
      gzip: gz(c.code),
    })),
  };
}

const quietWarnings = new Set(['CIRCULAR_DEPENDENCY', 'INVALID_ANNOTATION', 'THIS_IS_UNDEFINED']);

/** The chunks of a rollup or Rolldown (Vite) output, as splitLoad takes them: both write the same fields. */
function chunkRecords(output) {
  return output
    .filter((o) => o.type === 'chunk')
    .map((c) => ({
      fileName: c.fileName,
      code: c.code,
      isEntry: c.isEntry,
      imports: c.imports,
      dynamicImports: c.dynamicImports,
      moduleIds: c.moduleIds,
      // Each module's code as rendered into the chunk (tree-shaken, before minification), for diagnostics.
      modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [id, m.code ?? ''])),
    }));
}

/** rollup + nodeResolve({ browser: true }) + terser, in memory. Returns the chunks (see splitLoad). */
export async function rollupBundle(input) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const terser = (await import('@rollup/plugin-terser')).default;
  const bundle = await rollup({
    input,
    plugins: [nodeResolve({ browser: true }), terser(TERSER_OPTIONS)],
    onwarn(w, warn) {
      if (!quietWarnings.has(w.code)) warn(w);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name]-[hash].js' });
    return chunkRecords(output);
  } finally {
    await bundle.close();
  }
}

/**
 * esbuild, minified ESM for the browser, with code splitting (so lazy `import()`s stay lazy). `absWorkingDir`
 * is where bare imports are resolved from; `extra`: more esbuild options (a peer's `alias`). Returns the chunks (see
 * splitLoad).
 */
export async function esbuildBundle(entryFile, absWorkingDir, extra = {}) {
  const esbuild = await import('esbuild');
  const outdir = mkdtempSync(join(tmpdir(), 'ae-esbuild-'));
  try {
    const result = await esbuild.build({
      entryPoints: [entryFile],
      absWorkingDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      loader: { '.css': 'text', '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.png': 'dataurl' },
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      ...extra,
    });
    const files = new Map(result.outputFiles.map((f) => [f.path, f.text]));
    return Object.entries(result.metafile.outputs)
      .filter(([name]) => name.endsWith('.js'))
      .map(([name, meta]) => ({
        fileName: name,
        // Where the file would be written, relative to the output folder (what a page serves and imports).
        outPath: relative(outdir, resolve(absWorkingDir, name)).replaceAll('\\', '/'),
        code: files.get(join(absWorkingDir, name)) ?? files.get(name) ?? '',
        // esbuild marks every dynamic import target as an entry point too: only ours is the entry.
        isEntry: !!meta.entryPoint && resolve(absWorkingDir, meta.entryPoint) === resolve(entryFile),
        imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
        dynamicImports: meta.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
        moduleIds: Object.keys(meta.inputs).map((i) => join(absWorkingDir, i)),
      }));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Vite's production build of a consumer page (Vite 8: Rolldown), as `vite build` writes it with no config but
 * `base: './'`: `html` is the page's HTML (its `<script type="module" src="./main.js">` is what Vite rewrites,
 * adding a `<link rel="modulepreload">` for each chunk the entry imports), `main.js` holds `entryCode`. `dir`: the
 * consumer project (see makeConsumer). Returns `{ chunks, html }`: the chunks as splitLoad takes them, paths under
 * `assets/`, and the HTML Vite wrote.
 */
export async function viteBundle(dir, html, entryCode, extra = {}) {
  const { build } = await import('vite');
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'main.js'), entryCode);
  const result = await build({ root: dir, base: './', configFile: false, logLevel: 'silent', ...extra, build: { write: false, ...extra.build } });
  const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const page = output.find((o) => o.type === 'asset' && o.fileName === 'index.html');
  return {
    html: typeof page.source === 'string' ? page.source : Buffer.from(page.source).toString('utf8'),
    chunks: chunkRecords(output),
  };
}
