// Browser tests in a system Chromium: nothing here downloads a browser.
// CHROME_PATH overrides; otherwise the usual Debian/Ubuntu paths are tried.
import { findChrome } from './scripts/find-chrome.mjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { reactEsmPlugin } from './scripts/react-esm-plugin.mjs';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { countReporter } from './scripts/count-reporter.mjs';
import { contractServerPlugin } from './test/server/contract-server-plugin.mjs';
import { cspPagesMiddleware } from './test/csp/csp-middleware.mjs';
import { mediaFeaturesPlugin } from './scripts/wtr-media-features.mjs';
import { heapPlugin } from './scripts/wtr-heap.mjs';
import { esbuildAppPlugin } from './test/server/esbuild-app-plugin.mjs';

export { findChrome };

const rootArgs = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 2,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          ...rootArgs,
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-dev-shm-usage',
          // Two test pages run at once; the one in the background must not have its timers throttled.
          '--disable-background-timer-throttling',
          '--disable-backgrounding-occluded-windows',
          '--disable-renderer-backgrounding',
        ],
      },
    }),
  ],
  // test/csp/*.html with a Content-Security-Policy header, and the violation reports it asks for.
  middleware: [cspPagesMiddleware()],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // React is CommonJS only; the React wrapper tests get it as ES modules.
    reactEsmPlugin(),
    // A real HTTP server that follows openapi/auth.openapi.yaml, on the same origin under /api/.
    contractServerPlugin(),
    // forced-colors and prefers-contrast, which emulateMedia does not pass to Puppeteer.
    mediaFeaturesPlugin(),
    // heap-usage and live-instances: garbage collection and counts through the DevTools protocol (leak tests).
    heapPlugin(),
    // /esbuild-app/: an app bundled by esbuild from dist/, with and without bundlers/esbuild.js.
    esbuildAppPlugin(),
  ],
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countReporter()],
};
