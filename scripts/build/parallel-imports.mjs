// A rollup output plugin for the CDN build (rollup.cdn.config.mjs): every `import()` of a chunk also starts, in
// the same tick, the fetches of the chunks that chunk imports statically (and theirs), minus those the importer
// already has. Without it the browser discovers a lazy chunk's static imports only once the chunk has arrived:
// one round trip per level of the chunk graph (a lazily defined element, then its shared helpers; a validation
// chunk, then zod). With it, a lazy part costs one request level whatever its graph. Vite's preload helper does
// the same with <link rel=modulepreload>; here it is an `import()` of each dependency, which needs no DOM and
// evaluates nothing early that the chunk would not evaluate first anyway (they are its static imports).
//
//   import("./chunks/ae-support-X.js")
//   → Promise.all([import("./chunks/ae-support-X.js"),import("./chunks/keyed-Y.js"),…]).then(m=>m[0])
//
// Runs after terser (the injected code is already small); magic-string keeps the source map exact.
import MagicString from 'magic-string';
import { posix } from 'node:path';

/** `spec` (relative, as written in `fromFile`) as a file name of the bundle. */
const resolveIn = (fromFile, spec) => posix.normalize(posix.join(posix.dirname(fromFile), spec));

/** `toFile` as a relative specifier from `fromFile`. */
function specifier(fromFile, toFile) {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The static import closure of `file` (itself excluded), in the bundle `chunks`. */
function staticClosure(file, chunks) {
  const seen = new Set();
  const walk = (f) => {
    for (const next of chunks[f]?.imports ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      walk(next);
    }
  };
  walk(file);
  return seen;
}

export function parallelImports() {
  return {
    name: 'ae-parallel-imports',
    renderChunk(code, chunk, _options, meta) {
      const chunks = meta.chunks;
      const have = staticClosure(chunk.fileName, chunks);
      have.add(chunk.fileName);
      const out = new MagicString(code);
      let changed = false;
      for (const m of code.matchAll(/\bimport\((["'])(\.{1,2}\/[^"']+)\1\)/g)) {
        const target = resolveIn(chunk.fileName, m[2]);
        if (!chunks[target]) continue;
        const deps = [...staticClosure(target, chunks)].filter((f) => !have.has(f));
        if (deps.length === 0) continue;
        const all = [m[0], ...deps.map((d) => `import(${JSON.stringify(specifier(chunk.fileName, d))})`)];
        out.overwrite(m.index, m.index + m[0].length, `Promise.all([${all.join(',')}]).then(m=>m[0])`);
        changed = true;
      }
      return changed ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
    },
  };
}
