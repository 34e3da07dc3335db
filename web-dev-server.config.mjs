// `npm start`: the demo page on the embedded MemoryAdapter, served with TypeScript compiled on the fly.
// The demo lives at /demo/; the root URL redirects there, and the start message names it.
import { esbuildPlugin } from '@web/dev-server-esbuild';

const hostname = '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const DEMO = '/demo/';

/** `/` (and `/index.html`) answer with a redirect to the demo instead of a 404. */
function rootToDemo(context, next) {
  if (context.path === '/' || context.path === '/index.html') {
    context.redirect(`${DEMO}${context.querystring ? `?${context.querystring}` : ''}`);
    return undefined;
  }
  return next();
}

/** One line under wds's own "Local:" address, naming the page to open. */
function demoAddress() {
  return {
    name: 'ae-demo-address',
    serverStart({ logger }) {
      logger.log(`Demo page: http://${hostname}:${port}${DEMO}`);
    },
  };
}

export default {
  open: false,
  port,
  hostname,
  rootDir: '.',
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [rootToDemo],
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), demoAddress()],
};
