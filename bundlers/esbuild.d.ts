import type { Metafile, Plugin } from 'esbuild';

/**
 * An esbuild plugin for apps bundled with `splitting: true`: every element's first render in the entry and one
 * shared chunk, instead of one small chunk per set of lazy chunks that share a module with it. Use it last in
 * `plugins`. See bundlers/esbuild.js and the README ("With esbuild").
 */
export function alreadyLoaded(): Plugin;
export default alreadyLoaded;

/** What the plugin does to one `import()` target. */
export interface TargetPlan {
  /** The modules it may import because they are loaded before it runs (paths as the metafile writes them). */
  imports: string[];
  /** Reached through a re-exporting module of the plugin's, because a unit also imports it statically. */
  wrap: boolean;
  /** Whether it has a default export (which the re-exporting module then re-exports). */
  exportsDefault: boolean;
}

/**
 * For each `import()` target of `metafile`, what the plugin does to it. `entries`: the build's entry points, as
 * the metafile writes paths.
 */
export function plan(metafile: Metafile, entries?: string[]): Map<string, TargetPlan>;
