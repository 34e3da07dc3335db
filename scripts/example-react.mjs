// `npm run example:react`: the React example (examples/react/) as a running page, in one command.
//   - esbuild bundles examples/react/main.tsx with React and the library's source (the example's tsconfig maps
//     `ae-auth-elements` and `ae-auth-elements/react` to src/), again on every page load, so edits show on reload;
//   - the contract server (test/server/contract-server.mjs, the reference backend of openapi/auth.openapi.yaml)
//     answers /api/auth on the same origin;
//   - the "mail": every activation letter the server sends is printed here with its link, which opens the page
//     again with `#token=…` and activates the profile.
// Environment: PORT (default 8010), CAPTCHA_ANSWER (a fixed captcha text, for demos).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { context } from 'esbuild';
import { createContractHandler } from '../test/server/contract-server.mjs';

const host = '127.0.0.1';
const port = Number(process.env.PORT ?? 8010);
const origin = `http://${host}:${port}`;
const DIR = 'examples/react';

const build = await context({
  entryPoints: [`${DIR}/main.tsx`],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // experimentalDecorators and the `ae-auth-elements` paths come from the example's tsconfig.
  tsconfig: `${DIR}/tsconfig.json`,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"development"' },
  sourcemap: 'inline',
  write: false,
  outfile: 'app.js',
  logLevel: 'warning',
});

const api = createContractHandler({
  activationUrl: `${origin}/#token={token}`,
  ...(process.env.CAPTCHA_ANSWER ? { captchaAnswer: process.env.CAPTCHA_ANSWER } : {}),
});
await api.ready;

// The server's test endpoints reveal captcha answers and tokens: only this script may call them.
const secret = randomUUID();
const printed = new Set();
async function printNewLetters() {
  const response = await fetch(`${origin}/api/__test__/outbox`, { headers: { 'x-example-secret': secret } });
  if (!response.ok) return;
  for (const letter of await response.json()) {
    if (printed.has(letter.id)) continue;
    printed.add(letter.id);
    console.log(`\n✉  Letter to ${letter.to}: "${letter.subject}"\n   ${letter.link}\n`);
  }
}

let bundle;
async function app() {
  const result = await build.rebuild();
  bundle = result.outputFiles[0].text;
  return bundle;
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', origin).pathname;
  try {
    if (path.startsWith('/api/__test__/') && req.headers['x-example-secret'] !== secret) {
      res.writeHead(404).end();
      return;
    }
    if (path.startsWith('/api/')) {
      res.on('finish', () => {
        if (req.method === 'POST' && /\/(register|activation\/resend)$/.test(path)) void printNewLetters();
      });
      api(req, res, (error) => {
        res.writeHead(error ? 500 : 404, { 'content-type': 'text/plain' }).end(error ? 'Internal error' : 'Not found');
      });
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'referrer-policy': 'no-referrer' });
      res.end(await readFile(`${DIR}/index.html`));
      return;
    }
    if (path === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      res.end(await app());
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('Build or server error: see the terminal.');
  }
});

await app(); // Fails here, before listening, if the example does not build.
server.listen(port, host, () => {
  console.log(`React example (examples/react/App.tsx): ${origin}/`);
  console.log('Activation letters are printed here. Ctrl+C stops.');
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    void build.dispose().then(() => process.exit(0));
  });
}
