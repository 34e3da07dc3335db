import type { Metafile, Plugin } from 'esbuild';

/**
 * An esbuild plugin for apps bundled with `splitting: true`: every element's first render in the entry and one
 * shared chunk, instead of one small chunk per set of lazy chunks that share a module with it. Use it last in
 * `plugins`. See bundlers/esbuild.js and the README ("With esbuild").
 */
export function alreadyLoaded(): Plugin;
export default alreadyLoaded;

/**
 * For each `import()` target of `metafile`, the modules it may import because they are loaded before it runs.
 * `entries`: the build's entry points, as the metafile writes paths.
 */
export function plan(metafile: Metafile, entries?: string[]): Map<string, string[]>;
