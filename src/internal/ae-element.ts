import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize/internal/localized-controller.js';
import type { AuthAdapter } from '../adapter/types.js';
import { LazyAdapter } from './lazy-adapter.js';
import { getDefaultAdapter } from './default-adapter.js';
import { startAutoLocale } from '../locales/localization.js';

/** One HttpAdapter per endpoint, shared by every element that names it, loaded on its first call. */
const endpointAdapters = new Map<string, LazyAdapter>();

/**
 * The base of every ae-* element: follows the page locale (re-renders when it changes) and resolves the
 * backend adapter: own `adapter` property → own `endpoint` attribute → page default (`setDefaultAdapter`)
 * → the embedded `MemoryAdapter`.
 *
 * `A` is what the element calls (its capabilities, see adapter/types.ts): a custom adapter needs only those.
 * The page default and the embedded and endpoint adapters have every capability.
 */
export class AeElement<A extends Partial<AuthAdapter> = AuthAdapter> extends LitElement {
  // Declared without decorators, like <ae-captcha>'s: the decorator helpers weigh about 0.6 kB gzip, and the
  // captcha has to fit in 10 kB with Lit.
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    endpoint: {},
    theme: { reflect: true },
  };

  /** The backend this element talks to. Wins over `endpoint` and the page default. */
  declare adapter?: A;
  /** Base URL of a server that follows the REST contract (`/api/auth`): the element uses an `HttpAdapter` for it. */
  declare endpoint?: string;

  /** Color theme: `light`, `dark`, or unset to follow the page's `prefers-color-scheme`. */
  declare theme?: 'light' | 'dark';

  constructor() {
    super();
    // Re-render when the locale changes (what @localized() does, without a decorator).
    updateWhenLocaleChanges(this);
  }

  /** The adapter calls go to. */
  protected get resolvedAdapter(): A {
    if (this.adapter) return this.adapter;
    return this.#sharedAdapter as A;
  }

  /**
   * The adapter of the `endpoint` (every capability) or the page's default (those the page set; the elements
   * call through `requireCapability`, so a missing one is reported, not a crash).
   */
  get #sharedAdapter(): Partial<AuthAdapter> {
    if (this.endpoint) {
      const baseUrl = this.endpoint;
      let http = endpointAdapters.get(baseUrl);
      if (!http) {
        http = new LazyAdapter(() => import('../adapter/http-adapter.js').then((m) => new m.HttpAdapter({ baseUrl })));
        endpointAdapters.set(baseUrl, http);
      }
      return http;
    }
    return getDefaultAdapter();
  }

  override connectedCallback(): void {
    // Queued before LitElement's connectedCallback queues the first update, so this runs first: the requests
    // (the locale's on a Russian or Bulgarian page, the element's own) go out before the first render, from a
    // stack of their own (internal/fresh-stack.ts says why not from here). And after the code that connected
    // the element has run on: the adapter it sets next, or the page default set by the module that imports
    // the element, is the one the first requests go to. A connect and a disconnect in one task start nothing.
    queueMicrotask(() => {
      startAutoLocale();
      if (this.isConnected) this.startLoads();
    });
    super.connectedCallback();
  }

  /**
   * Starts what the element loads or asks its adapter for as soon as it is connected (its validation rules, a
   * block it shows, the captcha picture, the session): called on every connect, in a microtask that runs
   * before the first update, while the element is still connected. Override it rather than starting a request
   * in `connectedCallback`, where Chromium pays for it by parsing the calling script again
   * (internal/fresh-stack.ts), and where an adapter set just after the element was connected is not yet there.
   */
  protected startLoads(): void {}
}
