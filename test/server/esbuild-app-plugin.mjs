// A consumer's app, bundled by esbuild with code splitting from the built package (dist/, `npm run build`),
// with and without our esbuild plugin (bundlers/esbuild.js), served under /esbuild-app/<variant>/ for
// test/esbuild-plugin.test.ts: index.html, the chunks, and graph.json (the entry, each chunk's static and dynamic
// imports, and which of our modules it holds).
// Built on the first request of a variant, once per test run.
import { ROOT, esbuildBundle, makeConsumer } from '../../scripts/bench/bundle.mjs';
import { graphOf } from '../../scripts/bench/pages.mjs';
import { join, sep } from 'node:path';
import { alreadyLoaded } from '../../bundlers/esbuild.js';

// What an application writes: the element, and (for the test to read the captcha's answer) the embedded adapter,
// through an import() of the app's own, which the plugin handles like ours.
const ENTRY = `import 'ae-auth-elements/register.js';
window.esbuildApp = { embeddedAdapter: () => import('ae-auth-elements/adapter.js').then((m) => m.getEmbeddedAdapter()) };
`;

// A second page of the same app, for the `pages` variant (two entry points in one build).
const CAPTCHA_PAGE = "import 'ae-auth-elements/captcha.js';\n";

const VARIANTS = { plain: () => [], plugin: () => [alreadyLoaded()], pages: () => [alreadyLoaded()] };

const DIST = join(ROOT, 'dist') + sep;
const builds = new Map();

function build(variant) {
  if (!builds.has(variant)) {
    builds.set(
      variant,
      (async () => {
        const app = makeConsumer();
        try {
          const main = app.entry('main', ENTRY);
          const extra = { plugins: VARIANTS[variant]() };
          if (variant === 'pages') extra.entryPoints = [main, app.entry('captcha-page', CAPTCHA_PAGE)];
          const { graph, entry } = graphOf(await esbuildBundle(main, app.dir, extra), (c) => c.outPath);
          const files = new Map([...graph].map(([path, c]) => [path, c.code]));
          const each = (pick) => Object.fromEntries([...graph].map(([path, c]) => [path, pick(c)]));
          files.set(
            'graph.json',
            JSON.stringify({
              entry,
              imports: each((c) => c.imports),
              dynamicImports: each((c) => c.dynamicImports),
              // Which of our modules each chunk holds, by their path under dist/.
              modules: each((c) => c.modules.filter((m) => m.startsWith(DIST)).map((m) => m.slice(DIST.length).replaceAll('\\', '/'))),
            }),
          );
          files.set(
            'index.html',
            `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="./${entry}"></script></head>` +
              '<body><ae-register></ae-register></body></html>',
          );
          return files;
        } finally {
          app.dispose();
        }
      })(),
    );
  }
  return builds.get(variant);
}

const TYPES = { js: 'js', json: 'json', html: 'html' };

export function esbuildAppPlugin() {
  return {
    name: 'esbuild-app',
    async serve(context) {
      const m = /^\/esbuild-app\/(plain|plugin|pages)\/(.+)$/.exec(context.path);
      if (!m) return undefined;
      const files = await build(m[1]);
      const body = files.get(m[2]);
      if (body === undefined) return undefined;
      return { body, type: TYPES[m[2].split('.').pop()] };
    },
  };
}
