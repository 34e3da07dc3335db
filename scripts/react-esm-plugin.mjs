// React ships CommonJS only. For the React wrapper tests, this dev-server plugin serves react, react-dom and
// react-dom/client as ES modules: one esbuild bundle holds all three (one React instance), and each name is a
// small module re-exporting its part with every named export, which a CommonJS-to-ESM conversion cannot see.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const SHARED = '/__esm__/react-shared.js';
const url = (name) => `/__esm__/${name.replace('/', '__')}.js`;

async function sharedBundle() {
  const entry = Object.entries(MODULES)
    .map(([name, id]) => `import ${id} from ${JSON.stringify(name)};`)
    .concat(`export { ${Object.values(MODULES).join(', ')} };`)
    .join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return result.outputFiles[0].text;
}

function facade(name) {
  // Export names are read in a child process: loading React inside the test runner's process trips over
  // the runner's console replacement.
  const script = `process.stdout.write(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`;
  const keys = JSON.parse(String(execFileSync(process.execPath, ['-e', script]))).filter(
    (k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default',
  );
  return `import { ${MODULES[name]} as m } from '${SHARED}';\nexport default m;\nexport const { ${keys.join(', ')} } = m;\n`;
}

export function reactEsmPlugin() {
  const cache = new Map();
  const once = (key, make) => {
    if (!cache.has(key)) cache.set(key, Promise.resolve().then(make));
    return cache.get(key);
  };
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return source in MODULES ? url(source) : undefined;
    },
    async serve(context) {
      if (context.path === SHARED) return { body: await once(SHARED, sharedBundle), type: 'js' };
      const name = Object.keys(MODULES).find((n) => context.path === url(n));
      return name ? { body: await once(name, () => facade(name)), type: 'js' } : undefined;
    },
  };
}
