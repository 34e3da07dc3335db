/**
 * Calls `start` in a microtask, on a stack of its own, and returns its promise: for a request (an `import()`,
 * a `fetch()`) that code may start while an element connects.
 *
 * Chromium captures the JavaScript stack of every request a script starts, and the first capture that meets a
 * function computes that function's source positions by parsing it again. An element defined by the script it
 * comes in is upgraded inside that script's top-level code, so a request started in its `connectedCallback`
 * has the browser parse the whole file once more, on the main thread, before the first render. Measured
 * (Chromium 156, 1x, medians; docs/perf/issue-14-research.md, section 7): the first `import()` of
 * `<ae-register>`'s rollup bundle 6-9 ms, of a module of 3,000 small functions 33-40 ms (`new Error().stack` and
 * `fetch()` the same), and under 1 ms from a microtask. A microtask is still this task: the request goes out
 * before anything is painted.
 */
export const onFreshStack = <T>(start: () => T | PromiseLike<T>): Promise<T> => Promise.resolve().then(start);
