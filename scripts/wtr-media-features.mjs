// A test-runner command for the CSS media features that @web/test-runner-commands' emulateMedia does not pass
// to Puppeteer and that Puppeteer's own emulateMediaFeatures refuses (forced-colors, prefers-contrast):
// `executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }])`; an empty
// list ends the emulation. Chromium emulates them through CDP (Emulation.setEmulatedMedia), as DevTools'
// rendering panel does; the CDP session is kept per page, since its overrides last as long as it does.
// Also `executeServerCommand('bring-to-front')`: the test's page becomes the visible tab (it gets frames).
const sessions = new WeakMap();

export function mediaFeaturesPlugin() {
  return {
    name: 'ae-emulate-media-features',
    async executeCommand({ command, payload, session }) {
      if (command === 'bring-to-front') {
        // Layout tests that need frames (scroll events, ResizeObserver, rAF): a test page in a background tab
        // gets none, and two test files run side by side as tabs.
        if (session.browser.type !== 'puppeteer') throw new Error(`not supported for ${session.browser.type}`);
        await session.browser.getPage(session.id).bringToFront();
        return true;
      }
      if (command !== 'emulate-media-features') return undefined;
      if (!Array.isArray(payload) || payload.some((f) => typeof f?.name !== 'string' || typeof f?.value !== 'string')) {
        throw new Error('emulate-media-features takes [{ name, value }]');
      }
      if (session.browser.type !== 'puppeteer') throw new Error(`not supported for ${session.browser.type}`);
      const page = session.browser.getPage(session.id);
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', { features: payload });
      return true;
    },
  };
}
