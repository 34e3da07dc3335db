// Serves the contract server (contract-server.mjs) under /api/auth and /api/__test__ next to the test
// files, same origin, in @web/dev-server and @web/test-runner:
//
//   import { contractServerPlugin } from './test/server/contract-server-plugin.mjs';
//   export default { plugins: [contractServerPlugin({ resendCooldownMs: 0 })] };
//
// Why not `app.use()` in `serverStart`: the dev server composes its Koa middleware when it creates the HTTP
// server, before any `serverStart` runs (koa-compose copies the list), so a middleware added there is never
// called. The plugin therefore puts itself in front of Koa on the HTTP server's `request` event; every
// other request goes to Koa untouched. Where a config takes Koa middleware (`middleware: [...]`),
// `contractServerMiddleware()` is the alternative.
import { createContractHandler } from './contract-server.mjs';

/**
 * @param {object} [options] passed to `createContractHandler` (MemoryAdapter options, `testEndpoints`).
 * @returns {import('@web/dev-server-core').Plugin}
 */
export function contractServerPlugin(options = {}) {
  const handler = createContractHandler(options);
  return {
    name: 'ae-contract-server',
    async serverStart({ server }) {
      if (!server) {
        throw new Error('contractServerPlugin needs the HTTP server; in middleware mode use contractServerMiddleware()');
      }
      // Compile the MemoryAdapter now, so that a broken build fails the start rather than the first test.
      await handler.ready;
      const koaListeners = server.listeners('request');
      server.removeAllListeners('request');
      server.on('request', (req, res) => {
        if (handler.matches(req.url ?? '/')) {
          void handler.handle(req, res);
          return;
        }
        for (const listener of koaListeners) listener.call(server, req, res);
      });
    },
    serverStop() {
      // Each test file checks its own namespace after every test; this is the run's summary.
      const violations = handler.violations();
      if (violations.length) {
        console.error(`[contract] ${violations.length} response(s) broke openapi/auth.openapi.yaml in this run (see above)`);
      }
    },
  };
}

/**
 * The same server as a Koa middleware, for a config's `middleware` list.
 * @param {object} [options] passed to `createContractHandler`.
 */
export function contractServerMiddleware(options = {}) {
  const handler = createContractHandler(options);
  return async (ctx, next) => {
    if (!handler.matches(ctx.url)) return next();
    // The handler writes to the raw response; Koa must not touch it.
    ctx.respond = false;
    await handler.handle(ctx.req, ctx.res);
  };
}
