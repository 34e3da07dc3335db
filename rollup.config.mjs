// Library build: ESM, one output module per source module (preserveModules), so a consumer's bundler keeps only
// what it imports. Dependencies stay external; `.d.ts` files come from the TypeScript plugin.
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { literalsTransformers } from './scripts/build/literals.mjs';
import { readdirSync } from 'node:fs';

const defines = readdirSync('src/define')
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/define/${f}`);

const external = (id) =>
  /^(lit|lit-html|lit-element|zod|transliteration|tslib|react|react-dom)(\/|$)/.test(id) || /^@lit\/[^/]+/.test(id);

export default {
  input: [
    'src/index.ts',
    ...defines,
    'src/adapter/index.ts',
    'src/adapter/http-adapter.ts',
    'src/testing/adapter-conformance.ts',
    'src/events/index.ts',
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
