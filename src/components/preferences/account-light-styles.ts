import { css } from 'lit';
import type { CSSResult } from 'lit';
import { formLightStyles } from '../../internal/form-light-styles.js';

/** The one light-DOM form sheet (form-light-styles.ts lists both tags in its `@scope`). */
export const accountFormLightStyles: CSSResult = formLightStyles;

/** What only these two forms have: the select's arrow room. */
export const selectLightStyles = css`
  @scope (ae-preferences, ae-address-form) {
    :scope:not(#\#) select.ae-select {
      appearance: auto;
      padding-inline-end: var(--_s2);
      background: var(--_surface);
      color: var(--_text);
    }
  }
`;
