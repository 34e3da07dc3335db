// The system Chromium every script and the test runner use: nothing here downloads a browser.
// CHROME_PATH overrides; otherwise the usual Debian/Ubuntu paths are tried.
import { existsSync } from 'node:fs';

export function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'No Chrome/Chromium found. Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH.',
    );
  }
  return found;
}
