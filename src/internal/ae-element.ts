import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import type { AuthAdapter } from '../adapter/types.js';
import { getDefaultAdapter } from './default-adapter.js';
import { startAutoLocale } from '../locales/localization.js';

/**
 * The base of every ae-* element: follows the page locale (re-renders when it changes) and resolves the
 * backend adapter (own `adapter` property → page default → the embedded `MemoryAdapter`).
 */
@localized()
export class AeElement extends LitElement {
  /** The backend this element talks to. Wins over the page default (`setDefaultAdapter`). */
  @property({ attribute: false }) adapter?: AuthAdapter;

  /** The adapter calls go to. */
  protected get resolvedAdapter(): AuthAdapter {
    return this.adapter ?? getDefaultAdapter();
  }

  override connectedCallback(): void {
    startAutoLocale();
    super.connectedCallback();
  }
}
