// A test-runner command for the CSS media features that @web/test-runner-commands' emulateMedia does not pass
// to Puppeteer and that Puppeteer's own emulateMediaFeatures refuses (forced-colors, prefers-contrast):
// `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`; an empty
// list ends the emulation. Chromium emulates them through CDP (Emulation.setEmulatedMedia), as DevTools'
// rendering panel does; the CDP session is kept per page, since its overrides last as long as it does.
// Also `executeServerCommand('bring-to-front')`: the test's page becomes the visible tab (it gets frames).
// `executeServerCommand('text-size', { percent: 200 })`: the browser's default font size at that share of
// 16 px (what a person sets as "font size" in the browser's settings; rem and em follow it, px do not);
// `{ percent: 100 }` sets it back. Through CDP Page.setFontSizes, per page.
// `executeServerCommand('screenshot', { name })`: a PNG of the test's page into $AE_SCREENSHOTS (a folder),
// for a person to look at; without that variable nothing is written and the command answers false.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

const sessions = new WeakMap();

async function cdp(page) {
  let client = sessions.get(page);
  if (!client) {
    client = await page.createCDPSession();
    sessions.set(page, client);
  }
  return client;
}

export function mediaFeaturesPlugin() {
  return {
    name: 'ae-emulate-media-features',
    async executeCommand({ command, payload, session }) {
      const known = ['bring-to-front', 'emulate-media-features', 'text-size', 'screenshot'];
      if (!known.includes(command)) return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error(`not supported for ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      if (command === 'bring-to-front') {
        // Layout tests that need frames (scroll events, ResizeObserver, rAF): a test page in a background tab
        // gets none, and two test files run side by side as tabs.
        await page.bringToFront();
        return true;
      }
      if (command === 'text-size') {
        const percent = Number(payload?.percent);
        if (!(percent >= 50 && percent <= 400)) throw new Error('text-size takes { percent } between 50 and 400');
        const client = await cdp(page);
        await client.send('Page.setFontSizes', {
          fontSizes: { standard: Math.round((16 * percent) / 100), fixed: Math.round((13 * percent) / 100) },
        });
        return true;
      }
      if (command === 'screenshot') {
        const dir = process.env.AE_SCREENSHOTS;
        const name = String(payload?.name ?? '');
        if (!/^[\w.-]{1,120}$/.test(name)) throw new Error('screenshot takes { name } of letters, digits, . - _');
        if (!dir) return false;
        await mkdir(dir, { recursive: true });
        await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
        return true;
      }
      if (!Array.isArray(payload) || payload.some((f) => typeof f?.name !== 'string' || typeof f?.value !== 'string')) {
        throw new Error('emulate-media-features takes [{ name, value }]');
      }
      const client = await cdp(page);
      await client.send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}
