import { html, LitElement } from 'lit';
import type { TemplateResult } from 'lit';
import { updateWhenLocaleChanges } from '@lit/localize/internal/localized-controller.js';
import { css } from 'lit';
import { supportText } from './support-texts.js';
import { openPageSupport } from '../../internal/support-offer.js';

/**
 * @tagname ae-support-link
 * @summary A "Support" link for the page's footer: opens the page's `<ae-support>` (creating one when the page has
 * none, loaded then). The element itself is a few hundred bytes; the chat comes only when it is pressed.
 *
 * @slot - The link's text (default "Support").
 * @csspart link - The button that looks like a link.
 */
export class AeSupportLink extends LitElement {
  static override styles = css`
    :host {
      display: inline;
    }
    [part='link'] {
      padding: 0;
      font: inherit;
      color: inherit;
      background: none;
      border: 0;
      text-decoration: underline;
      cursor: pointer;
    }
    [part='link']:focus-visible {
      outline: 2px solid currentColor;
      outline-offset: 2px;
    }
  `;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  private onClick(): void {
    void openPageSupport();
  }

  protected override render(): TemplateResult {
    return html`<button part="link" type="button" @click=${this.onClick}><slot>${supportText()}</slot></button>`;
  }
}
