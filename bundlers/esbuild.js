// `ae-auth-elements/esbuild`: an esbuild plugin that gives an app bundled with `splitting: true` the first load
// rollup and Vite give it: the first render of each element in the entry and one shared chunk, instead of one
// small chunk per set of lazy chunks that share a module with it.
//
// Why esbuild splits: it puts a module into a chunk of its own whenever the entry and a lazy chunk (any
// `import()` target) both reach it, one chunk per set of entries that reach a module (evanw/esbuild#3780). Our
// elements load validation rules, adapters, locales and other elements lazily, and all of those share Lit and
// the elements' base with the first render: `<ae-register>` came in 20 files. Rollup and Rolldown know that a
// module every importer of a lazy chunk has already loaded is there when the chunk runs, and keep it in the
// entry; esbuild has no such step and no manualChunks.
//
// What the plugin does: it builds once more without output to read the import graph (a plugin cannot see the
// graph before esbuild loads a file), computes for every `import()` target the modules that are loaded whenever
// it can run (the static closure of every chunk that imports it, intersected over all of them, from the entry
// points down), and appends an empty import of each of those modules to the target's source. The browser has
// evaluated each of them by the time the target runs, so the imports change nothing at run time; they tell
// esbuild that every lazy chunk reaches the first render, so the first render is one set of entries and one
// chunk. A target that a page also imports statically is reached through a small re-exporting module instead
// (see onResolve below). An entry point itself is never imported (its code stays in its own file, where
// `import.meta.url` points). If the first build fails, the plugin steps aside and the real build reports why.
//
// Use it last in `plugins` (an earlier plugin that loads the same files wins, and the plugin then changes
// nothing). It works on any code of the app, not only ours; CommonJS files and non-file namespaces are left
// alone.

import { readFile } from 'node:fs/promises';
import { dirname, extname, relative, resolve, sep } from 'node:path';

const NAME = 'ae-auth-elements/esbuild';
const LOADERS = { '.js': 'js', '.mjs': 'js', '.jsx': 'jsx', '.ts': 'ts', '.mts': 'ts', '.tsx': 'tsx' };

/** The plugin (see the top of this file and the README's "With esbuild"). */
export function alreadyLoaded() {
  return {
    name: NAME,
    setup(build) {
      const options = build.initialOptions;
      if (!options.splitting || !options.bundle) return;
      const cwd = options.absWorkingDir ?? process.cwd();
      /** absolute path of an `import()` target → `{ imports: absolute paths, wrap, exportsDefault }`. */
      let targets = new Map();

      build.onStart(async () => {
        targets = new Map();
        let first;
        try {
          first = await build.esbuild.build({
            ...options,
            plugins: (options.plugins ?? []).filter((p) => p.name !== NAME),
            write: false,
            metafile: true,
            logLevel: 'silent',
          });
        } catch {
          return; // the build itself will fail with the same errors, printed as the app configured them
        }
        targets = new Map(
          [...plan(first.metafile, entryPaths(options.entryPoints, cwd))].map(([target, t]) => [
            resolve(cwd, target),
            { ...t, imports: t.imports.map((p) => resolve(cwd, p)) },
          ]),
        );
      });

      // A target that a page may also load statically is reached through a module of ours (the wrapper, below):
      // esbuild gives every import() target a chunk of its own, and the target itself may import only what is
      // loaded before every static importer's code.
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind !== 'dynamic-import' || args.pluginData?.[NAME] || !targets.size) return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          namespace: args.namespace,
          resolveDir: args.resolveDir,
          pluginData: { [NAME]: true },
        });
        if (found.errors.length || found.external || found.namespace !== 'file') return undefined;
        const target = targets.get(found.path);
        return target?.wrap ? { path: found.path, namespace: WRAPPER } : undefined;
      });

      build.onLoad({ filter: /.*/, namespace: WRAPPER }, (args) => {
        const target = targets.get(args.path);
        const from = JSON.stringify(args.path);
        const lines = [...imports(target.imports), `export * from ${from};`];
        if (target.exportsDefault) lines.push(`export { default } from ${from};`);
        return { contents: `${lines.join('\n')}\n`, loader: 'js', resolveDir: dirname(args.path) };
      });

      build.onLoad({ filter: /\.[mc]?[jt]sx?$/ }, async (args) => {
        const target = targets.get(args.path);
        if (!target || target.wrap || args.namespace !== 'file') return undefined;
        const loader = LOADERS[extname(args.path)];
        if (!loader) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: `${source}\n${imports(target.imports).join('\n')}\n`, loader };
      });
    },
  };
}

const WRAPPER = 'ae-auth-elements-already-loaded';
const imports = (paths) => paths.map((p) => `import {} from ${JSON.stringify(p)};`);

export default alreadyLoaded;

/** The entry points esbuild was given, as the metafile writes paths (relative to `cwd`, with `/`). */
function entryPaths(entryPoints, cwd) {
  if (!entryPoints) return [];
  const list = Array.isArray(entryPoints) ? entryPoints.map((e) => (typeof e === 'string' ? e : e.in)) : Object.values(entryPoints);
  return list.map((e) => relative(cwd, resolve(cwd, e)).split(sep).join('/'));
}

/**
 * From a metafile (paths relative to the working directory): `Map<import() target, { imports, wrap,
 * exportsDefault }>`: the modules it may import, whether it is to be reached through a wrapper, whether it has
 * a default export (for the wrapper to re-export).
 * `entries`: the entry points the build was given (a page may load one of them first, even when another entry
 * also imports it lazily); without them, every entry point of the metafile that no `import()` reaches.
 */
export function plan(metafile, entries = []) {
  const inputs = metafile.inputs;
  const own = (p) => !p.includes(':') && inputs[p];
  const statics = new Map();
  const sites = new Map(); // import() target → the files that import() it
  for (const [path, input] of Object.entries(inputs)) {
    statics.set(path, input.imports.filter((i) => i.kind === 'import-statement' && !i.external && own(i.path)).map((i) => i.path));
    for (const i of input.imports) {
      if (i.kind !== 'dynamic-import' || i.external || !own(i.path)) continue;
      sites.set(i.path, [...(sites.get(i.path) ?? []), path]);
    }
  }
  const targets = [...sites.keys()];
  const given = new Set([
    ...entries.filter((e) => inputs[e]),
    ...Object.values(metafile.outputs)
      .map((o) => o.entryPoint)
      .filter((e) => e && !sites.has(e)),
  ]);
  const closures = new Map();
  const closure = (start) => {
    if (!closures.has(start)) {
      const seen = new Set([start]);
      const queue = [start];
      while (queue.length) {
        for (const next of statics.get(queue.shift()) ?? []) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      closures.set(start, seen);
    }
    return closures.get(start);
  };
  // A unit is what one request level brings: an entry point or an import() target with its static closure.
  const units = [...given, ...targets];
  // loaded(u): what is loaded before u runs. Nothing before an entry point; for an import() target, what every
  // unit that can start it has loaded (its own closure and what was loaded before it), intersected. Start from
  // "everything" and shrink to the fixed point (the greatest one: cycles of lazy imports keep what they share).
  const everything = new Set(Object.keys(inputs).filter(own));
  const loaded = new Map(units.map((u) => [u, given.has(u) ? new Set() : everything]));
  const intersect = (a, b) => (a ? new Set([...a].filter((x) => b.has(x))) : new Set(b));
  // The units that hold a site of each target: fixed, so found once.
  const starters = new Map(targets.map((t) => [t, units.filter((u) => sites.get(t).some((site) => closure(u).has(site)))]));
  for (let changed = true; changed; ) {
    changed = false;
    const after = new Map(); // unit → what is loaded once it has run, this pass
    const loadedAfter = (u) => after.get(u) ?? after.set(u, new Set([...closure(u), ...loaded.get(u)])).get(u);
    for (const target of targets) {
      if (given.has(target)) continue;
      let before;
      for (const u of starters.get(target)) before = intersect(before, loadedAfter(u));
      before ??= new Set();
      if (before.size !== loaded.get(target).size) {
        loaded.set(target, before);
        changed = true;
      }
    }
  }
  const result = new Map();
  const entryOf = new Map(Object.values(metafile.outputs).filter((o) => o.entryPoint).map((o) => [o.entryPoint, o]));
  for (const target of targets) {
    if (inputs[target].format === 'cjs') continue;
    // A target that another unit imports statically (a page that imports the element too, a preset that
    // imports a locale's first texts) is wrapped: the import() reaches a module of the plugin's that re-exports
    // it, which only import() loads. Otherwise the target itself gets the imports.
    const wrap = units.some((u) => u !== target && closure(u).has(target));
    const mine = closure(target);
    const picked = [...loaded.get(target)].filter((p) => !mine.has(p) && !given.has(p)).sort();
    if (!picked.length && !wrap) continue;
    const exportsDefault = entryOf.get(target)?.exports?.includes('default') ?? false;
    result.set(target, { imports: picked, wrap, exportsDefault });
  }
  return result;
}
