import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize/internal/localized-decorator.js';
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
 */
@localized()
export class AeElement extends LitElement {
  /** The backend this element talks to. Wins over `endpoint` and the page default. */
  @property({ attribute: false }) adapter?: AuthAdapter;
  /** Base URL of a server that follows the REST contract (`/api/auth`): the element uses an `HttpAdapter` for it. */
  @property() endpoint?: string;

  /** Color theme: `light`, `dark`, or unset to follow the page's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The adapter calls go to. */
  protected get resolvedAdapter(): AuthAdapter {
    if (this.adapter) return this.adapter;
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
    startAutoLocale();
    super.connectedCallback();
  }
}
