import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';
import { formLightStyles } from '../../internal/form-light-styles.js';

/**
 * The one light-DOM form sheet (form-light-styles.ts), for `<ae-preferences>` and `<ae-address-form>`: the same
 * rules, under `@scope (ae-preferences, ae-address-form)`. Their tags are not in that sheet's `@scope` list yet
 * (the lead's file); once they are, this becomes `formLightStyles` itself. The rules are not copied: the sheet's
 * text is reused with its scope line changed.
 */
export const accountFormLightStyles: CSSResult = unsafeCSS(
  formLightStyles.cssText.replace(/@scope\s*\([^)]*\)/, '@scope (ae-preferences, ae-address-form)'),
);

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
