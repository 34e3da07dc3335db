// CDN build: one self-contained, minified ES module for a plain <script type="module"> with no bundler:
//   <script type="module" src="https://cdn.jsdelivr.net/npm/ae-auth-elements/dist/cdn/ae-auth-elements.js"></script>
// Lit, @lit/localize and zod/mini are inside. What the library loads lazily stays lazy: the `transliteration`
// package (~52 kB gzip, only for letters outside the passport tables) and each locale are chunk files next to
// the entry, fetched through relative `import()`s only when needed. Inlining them (`inlineDynamicImports`)
// would put all of that into the first load.
// Lit resolves to its production build (its dev mode is only under the `development` export condition).
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { literalsTransformers } from './scripts/build/literals.mjs';
import terser from '@rollup/plugin-terser';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { TERSER_OPTIONS } from './scripts/bench/bundle.mjs';
import { parallelImports } from './scripts/build/parallel-imports.mjs';

const OUT = 'dist/cdn';

/** Old hashed chunks must not pile up in dist/cdn from build to build. */
const cleanOut = () => ({
  name: 'clean-cdn-dir',
  buildStart() {
    rmSync(OUT, { recursive: true, force: true });
  },
});

// The elements' file holds the static graph of its entry and of the locale runtime's set-up (configure.ts,
// about 1 kB gzip, and the presets' 0.1 kB: a Russian or Bulgarian page then needs only its texts, see below).
const ELEMENTS_ROOTS = [resolve('src/cdn.ts'), resolve('src/locales/configure.ts'), resolve('src/locales/preload.ts')];
let staticGraph;
/** Whether `id` is in the static import graph of ELEMENTS_ROOTS (walked once: manualChunks sees the whole graph). */
function inElementsFile(id, getModuleInfo) {
  if (!staticGraph) {
    staticGraph = new Set(ELEMENTS_ROOTS);
    for (const m of staticGraph) for (const next of getModuleInfo(m)?.importedIds ?? []) staticGraph.add(next);
  }
  return staticGraph.has(id);
}
/**
 * dist/cdn/ru.js and bg.js (src/define/ru.ts, bg.ts) carry their locale's first texts themselves (one request
 * each); the account area's texts are a chunk of their own (chunks/ru-rest-*.js, scripts/build/locale-parts.mjs).
 */
const LOCALE_TEXTS = /[\\/]src[\\/](?:locales[\\/]generated[\\/](ru|bg)-first|define[\\/](ru|bg))\.ts$/;

/** The plugins of a CDN build (`clean`: the first of the builds empties dist/cdn). */
const plugins = ({ clean }) => [
  ...(clean ? [cleanOut()] : []),
  // `browser`: transliteration's ES module build is only under that condition.
  nodeResolve({ browser: true }),
  typescript({
    tsconfig: './tsconfig.json',
    noEmitOnError: true,
    declaration: false,
    declarationMap: false,
    outDir: OUT,
    sourceMap: true,
    // Translator notes out of msg() calls, CSS and template whitespace collapsed (scripts/build/literals.mjs).
    transformers: literalsTransformers,
  }),
  terser(TERSER_OPTIONS),
  // Each import() also fetches that chunk's own imports at once: one request level per lazy part.
  parallelImports(),
];

function onwarn(warning, warn) {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
  // zod's /*#__PURE__*/-style comments in places rollup cannot use: harmless.
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id ?? '')) return;
  warn(warning);
}

const elements = {
  // src/cdn.ts: the forms at once, the account, support and social elements when their tag appears.
  input: { 'ae-auth-elements': 'src/cdn.ts', api: 'src/cdn-api.ts', ru: 'src/define/ru.ts', bg: 'src/define/bg.ts' },
  // The entry may export internals to its lazy chunks: without this rollup moves the shared code into a
  // second file and leaves the entry a facade (two requests at first load instead of one).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: OUT,
    format: 'esm',
    entryFileNames: '[name].js',
    // Locale chunks are named ru/bg by rollup; the transliteration one would be 'bundle.esm.min'.
    // Everything the elements' file needs statically stays in it (one file, no request level of its own);
    // api.js imports it from there rather than both importing a shared chunk.
    manualChunks: (id, { getModuleInfo }) =>
      inElementsFile(id, getModuleInfo) ? 'ae-auth-elements' : LOCALE_TEXTS.exec(id)?.slice(1).find(Boolean),
    chunkFileNames: (chunk) =>
      chunk.moduleIds.some((id) => /[\\/]node_modules[\\/]transliteration[\\/]/.test(id))
        ? 'chunks/transliteration-[hash].js'
        : 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: plugins({ clean: true }),
  onwarn,
};

/**
 * dist/cdn/captcha.js (src/cdn-captcha.ts): `<ae-captcha>` alone, for a page whose only ae-* element is the
 * captcha, with its texts in every language. A build of its own, so that nothing of it is shared with the
 * elements' file (one request, like theirs); what it loads lazily (the extras, the embedded adapter, a locale
 * picked later) is in dist/cdn/captcha-chunks/. Rollup runs the builds of this file one after the other, so the
 * elements' build has emptied dist/cdn before this one writes.
 */
const captcha = {
  input: { captcha: 'src/cdn-captcha.ts' },
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: OUT,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'captcha-chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: plugins({ clean: false }),
  onwarn,
};

export default [elements, captcha];
