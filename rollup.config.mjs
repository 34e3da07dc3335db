// Library build: ESM, one output module per source module (preserveModules), so a consumer's bundler keeps only
// what it imports. Dependencies stay external; `.d.ts` files come from the TypeScript plugin.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { literalsTransformers } from './scripts/build/literals.mjs';
import { readdirSync, readFileSync } from 'node:fs';

const defines = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/define/${f}`);

/** The theme files (src/themes/*.css: public tokens under a class) are shipped as they are, in dist/themes/. */
function themes() {
  return {
    name: 'ae-themes',
    buildStart() {
      for (const f of readdirSync('src/themes').filter((x) => x.endsWith('.css'))) {
        this.addWatchFile(`src/themes/${f}`);
        this.emitFile({ type: 'asset', fileName: `themes/${f}`, source: readFileSync(`src/themes/${f}`, 'utf8') });
      }
    },
  };
}

const external = (id) =>
  /^(lit|lit-html|lit-element|zod|transliteration|libphonenumber-js|tslib|react|react-dom)(\/|$)/.test(id) || /^@lit\/[^/]+/.test(id);

export default {
  input: [
    'src/index.ts',
    ...defines,
    'src/adapter/index.ts',
    'src/adapter/http-adapter.ts',
    'src/testing/adapter-conformance.ts',
    'src/events/index.ts',
    'src/session/session-store.ts',
    'src/session/preferences-store.ts',
    'src/react/index.ts',
    'src/validation/index.ts',
    'src/translit/index.ts',
    'src/locales/index.ts',
    'src/locales/generated/ru.ts',
    'src/locales/generated/bg.ts',
  ],
  external,
  output: {
    dir: 'dist',
    format: 'esm',
    preserveModules: true,
    preserveModulesRoot: 'src',
    sourcemap: true,
  },
  plugins: [
    themes(),
    nodeResolve(),
    typescript({
      tsconfig: './tsconfig.json',
      noEmitOnError: true,
      declaration: true,
      declarationDir: 'dist',
      outDir: 'dist',
      sourceMap: true,
      // Translator notes out of msg() calls, CSS and template whitespace collapsed (scripts/build/literals.mjs).
      transformers: literalsTransformers,
    }),
  ],
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return;
    warn(warning);
  },
};
