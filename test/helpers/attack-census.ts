/**
 * A census of what a page holds open: event listeners on `window` and `document`, pending timers and
 * intervals, animation frames, open BroadcastChannels and EventSources. Install it before the elements'
 * modules load (import them dynamically afterwards), so that it sees everything they do from their first line.
 *
 *   const census = installCensus();
 *   await import('../src/define/ae-login.js');
 *   const before = census.count();
 *   … mount and remove 1 000 times …
 *   expect(census.count().listeners).to.equal(before.listeners);
 */

export interface Counts {
  /** Listeners on window and document (type, listener and capture as the platform tells them apart). */
  listeners: number;
  /** setTimeout calls not yet run nor cleared, and setInterval calls not cleared. */
  timers: number;
  /** requestAnimationFrame callbacks not yet run nor cancelled. */
  frames: number;
  /** BroadcastChannels not closed. */
  channels: number;
  /** EventSources not closed. */
  eventSources: number;
  /** What the listeners are, `window:storage` and so on, with their number. */
  byType: Record<string, number>;
}

export interface Census {
  count(): Counts;
  /**
   * Runs `work` with the timers it starts left out of the count: for the test's own tools, such as the test
   * runner's server commands (each leaves a 20 s timeout of the runner's web socket pending). Timers anything
   * else starts meanwhile are left out too, so call it only while the page is otherwise idle.
   */
  untracked<T>(work: () => Promise<T>): Promise<T>;
  /** Puts the page's functions back. */
  uninstall(): void;
}

export function installCensus(): Census {
  const keyOf = (target: EventTarget, type: string, listener: unknown, options: unknown) => {
    const capture = typeof options === 'boolean' ? options : !!(options as AddEventListenerOptions | undefined)?.capture;
    return { key: `${target === window ? 'window' : 'document'}:${type}:${capture}`, listener };
  };
  // One entry per distinct (target, type, capture, listener), as addEventListener itself counts them.
  const live = new Map<string, Set<unknown>>();
  const restore: (() => void)[] = [];

  for (const target of [window, document] as EventTarget[]) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    target.addEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener) {
        const { key } = keyOf(this, type, listener, options);
        const set = live.get(key) ?? new Set();
        set.add(listener);
        live.set(key, set);
        const once = typeof options === 'object' && options !== null && (options as AddEventListenerOptions).once;
        const signal = typeof options === 'object' && options !== null ? (options as AddEventListenerOptions).signal : undefined;
        if (once) {
          // Forgotten when it runs: a wrapper would change identity, so watch the event instead.
          const forget = () => set.delete(listener);
          add.call(this, type, forget, { once: true, capture: (options as AddEventListenerOptions).capture });
        }
        signal?.addEventListener('abort', () => set.delete(listener), { once: true });
      }
      return add.call(this, type, listener as EventListenerOrEventListenerObject, options as AddEventListenerOptions);
    } as typeof target.addEventListener;
    target.removeEventListener = function (this: EventTarget, type: string, listener: unknown, options?: unknown) {
      if (listener) live.get(keyOf(this, type, listener, options).key)?.delete(listener);
      return remove.call(this, type, listener as EventListenerOrEventListenerObject, options as EventListenerOptions);
    } as typeof target.removeEventListener;
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }

  const timers = new Set<number>();
  let untracked = 0;
  const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf } = window;
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = st(
      (...a: unknown[]) => {
        timers.delete(id);
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
      },
      ms,
      ...args,
    );
    if (!untracked) timers.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ct(id);
  }) as typeof window.clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = si(handler, ms, ...args);
    timers.add(id);
    return id;
  }) as typeof window.setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
    ci(id);
  }) as typeof window.clearInterval;
  const frames = new Set<number>();
  window.requestAnimationFrame = (cb: FrameRequestCallback) => {
    const id = raf((t) => {
      frames.delete(id);
      cb(t);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    caf(id);
  };
  restore.push(() => Object.assign(window, { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci, requestAnimationFrame: raf, cancelAnimationFrame: caf }));

  const channels = new Set<BroadcastChannel>();
  const NativeChannel = window.BroadcastChannel;
  class CountedChannel extends NativeChannel {
    constructor(name: string) {
      super(name);
      channels.add(this);
    }
    override close(): void {
      channels.delete(this);
      super.close();
    }
  }
  window.BroadcastChannel = CountedChannel;
  const sources = new Set<EventSource>();
  const NativeSource = window.EventSource;
  class CountedSource extends NativeSource {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      sources.add(this);
    }
    override close(): void {
      sources.delete(this);
      super.close();
    }
  }
  window.EventSource = CountedSource;
  restore.push(() => Object.assign(window, { BroadcastChannel: NativeChannel, EventSource: NativeSource }));

  return {
    count() {
      const byType: Record<string, number> = {};
      let total = 0;
      for (const [key, set] of live) {
        if (!set.size) continue;
        byType[key] = set.size;
        total += set.size;
      }
      for (const s of sources) if (s.readyState === NativeSource.CLOSED) sources.delete(s);
      return { listeners: total, timers: timers.size, frames: frames.size, channels: channels.size, eventSources: sources.size, byType };
    },
    async untracked<T>(work: () => Promise<T>): Promise<T> {
      untracked++;
      try {
        return await work();
      } finally {
        untracked--;
      }
    },
    uninstall() {
      for (const r of restore) r();
    },
  };
}
