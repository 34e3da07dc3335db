// The small static server of `npm run bench` and `npm run check:waterfall`: serves files from memory (what the
// bench built) at 127.0.0.1 with no caching, compressed as a CDN would (brotli or gzip, whichever the browser
// accepts; precomputed once per file, so compression costs no time during a load), and answers a few mock API
// routes (a peer's instant backend). Every file's gzip -9 and brotli sizes are kept, so a page's bytes can be
// added up from the URLs the browser fetched.
//
// HTTP/2 over TLS (a throw-away self-signed certificate made with openssl; the browser is started with
// --ignore-certificate-errors), as every CDN and host serves today: over HTTP/1.1 a browser opens at most six
// connections per host, so ten chunks requested at once would take two round trips, a cost no real site pays.
// Without openssl, plain HTTP/1.1 (`protocol` says which).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** gzip -9 and brotli (quality 11, what CDNs precompress with) of a body. */
export function compressed(body) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/**
 * `files`: Map of URL path ('/app/x/index.html') -> string | Buffer. `routes`: array of
 * `{ test(method, path, url) -> boolean, handle(req, body) -> { status?, type, body } }` for mock backends.
 * Returns `{ origin, sizes(path), close() }`; `sizes` gives `{ raw, gzip, brotli }` of what was served at a path.
 */
export async function serve(files, routes = [], { http2 = true } = {}) {
  const cache = new Map(); // path -> { body, gz, br, sizes }
  const served = new Map(); // path -> sizes of the last dynamic (route) answer
  const entry = (path) => {
    let e = cache.get(path);
    if (!e && files.has(path)) {
      const body = Buffer.from(files.get(path));
      const gz = gzipSync(body, { level: 9 });
      const br = brotliCompressSync(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
      e = { body, gz, br, sizes: { raw: body.length, gzip: gz.length, brotli: br.length } };
      cache.set(path, e);
    }
    return e;
  };
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const headers = {
        'cache-control': 'no-store',
        // Cross-origin isolated: performance.now() resolves 5 µs instead of 100 µs.
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'same-origin',
      };
      const route = routes.find((r) => r.test(req.method, path, url));
      if (route) {
        const answer = route.handle(req, Buffer.concat(chunks).toString('utf8'), url);
        const body = Buffer.from(answer.body ?? '');
        served.set(path, compressed(body));
        res.writeHead(answer.status ?? 200, { ...headers, 'content-type': answer.type ?? 'application/json', ...answer.headers });
        res.end(body);
        return;
      }
      const e = entry(path.endsWith('/') ? `${path}index.html` : path);
      if (!e) {
        res.writeHead(404, headers).end('not found');
        return;
      }
      const accept = String(req.headers['accept-encoding'] ?? '');
      const [encoding, body] = /\bbr\b/.test(accept) ? ['br', e.br] : /\bgzip\b/.test(accept) ? ['gzip', e.gz] : [undefined, e.body];
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(path)] ?? (path.endsWith('/') ? TYPES['.html'] : 'application/octet-stream'),
        ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
        'content-length': body.length,
      });
      res.end(body);
    });
  };
  const tls = http2 ? certificate() : undefined;
  const server = tls ? createSecureServer({ ...tls, allowHTTP1: true }, handler) : createServer(handler);
  const sockets = new Set();
  server.on(tls ? 'secureConnection' : 'connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${server.address().port}`;
  return {
    origin,
    protocol: tls ? 'HTTP/2 (TLS)' : 'HTTP/1.1',
    /** `{ raw, gzip, brotli }` of what the server answers at `path` (a file, or a mock route's last answer). */
    sizes(path) {
      return entry(path.endsWith('/') ? `${path}index.html` : path)?.sizes ?? served.get(path);
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A self-signed certificate for 127.0.0.1, or undefined without openssl. */
function certificate() {
  const dir = mkdtempSync(join(tmpdir(), 'ae-bench-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
        '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore', timeout: 20_000 },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
