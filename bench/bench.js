// In the bench page (bench/index.html), driven by scripts/bench.mjs through puppeteer.
// On load: the time from import() of the CDN file to the first render of <ae-register> (its form exists).
// Then window.benchUpdates() and window.mountCycles() are called from Node.
const CDN = '../dist/cdn/ae-auth-elements.js';

/** A macrotask: every microtask (Lit updates, promise chains such as a name suggestion) has run. */
const settle = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** Mounts <ae-register> and waits for its first render (its form exists). */
async function mount() {
  const el = document.createElement('ae-register');
  document.body.append(el);
  await el.updateComplete;
  if (!el.querySelector('form input[name="lastName"]')) throw new Error('<ae-register> rendered no form');
  return el;
}

/**
 * Per-keystroke cost: `iterations` times, the last-name field gets its value one character longer (back to one
 * character after `text.length`), an `input` event is dispatched, and the time until the element has settled
 * (updateComplete, then one macrotask for follow-up updates) is recorded. The field is marked as changed first,
 * so validation messages render as they would for a person correcting the field.
 */
window.benchUpdates = async (text, iterations) => {
  const el = document.querySelector('ae-register');
  const input = el.querySelector('input[name="lastName"]');
  input.value = text.charAt(0);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
  await settle();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    input.value = text.slice(0, (i % text.length) + 1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await el.updateComplete;
    await settle();
    times.push(performance.now() - t);
  }
  return times;
};

/** The cost of settle() alone, to read the per-update numbers against. */
window.benchSettle = async (iterations) => {
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await settle();
    times.push(performance.now() - t);
  }
  return times;
};

/** Mounts and removes a fresh <ae-register> `n` times (its captcha request is aborted on removal). */
window.mountCycles = async (n) => {
  for (let i = 0; i < n; i++) {
    const el = await mount();
    await el.querySelector('ae-captcha')?.updateComplete;
    el.remove();
  }
  await settle();
};

try {
  const t0 = performance.now();
  await import(CDN);
  const imported = performance.now();
  await mount();
  window.firstRender = { importMs: imported - t0, totalMs: performance.now() - t0 };
} catch (e) {
  window.firstRender = { error: String(e?.stack ?? e) };
}
