// Test-runner commands that measure the page's JavaScript heap through the DevTools protocol, for leak tests
// (`performance.memory` is rounded and delayed in Chromium unless it runs with --enable-precise-memory-info):
//
//   executeServerCommand('heap-usage')            → { usedSize, totalSize } in bytes, after a full garbage collection
//   executeServerCommand('live-instances', 'ae-login')
//                                                 → how many objects have the prototype of the custom element
//                                                   `ae-login` (its instances still reachable), after a collection
//
// The CDP session is kept per page, like scripts/wtr-media-features.mjs does.
const sessions = new WeakMap();

async function clientOf(session) {
  if (session.browser.type !== 'puppeteer') throw new Error(`not supported for ${session.browser.type}`);
  const page = session.browser.getPage(session.id);
  let client = sessions.get(page);
  if (!client) {
    client = await page.createCDPSession();
    await client.send('HeapProfiler.enable');
    sessions.set(page, client);
  }
  return client;
}

export function heapPlugin() {
  return {
    name: 'ae-heap',
    async executeCommand({ command, payload, session }) {
      if (command === 'heap-usage') {
        const client = await clientOf(session);
        await client.send('HeapProfiler.collectGarbage');
        await client.send('HeapProfiler.collectGarbage');
        const { usedSize, totalSize } = await client.send('Runtime.getHeapUsage');
        return { usedSize, totalSize };
      }
      if (command === 'live-instances') {
        if (typeof payload !== 'string' || !/^[a-z][a-z0-9-]*-[a-z0-9-]*$/.test(payload)) {
          throw new Error('live-instances takes a custom element name');
        }
        const client = await clientOf(session);
        await client.send('HeapProfiler.collectGarbage');
        const { result: proto } = await client.send('Runtime.evaluate', {
          expression: `customElements.get(${JSON.stringify(payload)})?.prototype`,
        });
        if (!proto.objectId) throw new Error(`${payload} is not defined in the page`);
        // queryObjects collects garbage first, then finds every object with this prototype.
        const { objects } = await client.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
        const { result } = await client.send('Runtime.callFunctionOn', {
          objectId: objects.objectId,
          functionDeclaration: 'function () { return this.length; }',
          returnByValue: true,
        });
        await client.send('Runtime.releaseObject', { objectId: objects.objectId });
        await client.send('Runtime.releaseObject', { objectId: proto.objectId });
        return result.value;
      }
      return undefined;
    },
  };
}
