import { css, unsafeCSS } from 'lit';
import { formLightStyles } from '../../internal/form-light-styles.js';

/**
 * The panel's light DOM: the forms of "Profile and security" (and the sign-in form's frame), drawn by the one
 * form sheet (form-light-styles.ts).
 *
 * Until the lead adds `ae-account-panel` to that sheet's `@scope` list, the panel adopts the same rules under
 * its own scope (derived from the sheet's text, not a copy of its rules).
 */
const FORM_SCOPE = /@scope \(([^)]*)\)/;
const listed = FORM_SCOPE.exec(formLightStyles.cssText)?.[1]?.includes('ae-account-panel') ?? false;
const panelForms = unsafeCSS(listed ? '' : formLightStyles.cssText.replace(FORM_SCOPE, '@scope (ae-account-panel)'));

/** Adopt `formLightStyles` too: once the lead lists the panel in it, that sheet does it and `panelForms` is empty. */
export { formLightStyles };

export const accountPanelLightStyles = css`
  ${panelForms}
  @scope (ae-account-panel) {
    :scope:not(#\#) .ae-account-light {
      display: grid;
      gap: var(--_s5, 1.5rem);
    }
    :scope:not(#\#) .ae-account-form-title {
      all: revert;
      margin: 0;
      font-size: 1.0625rem;
      font-weight: 600;
    }
  }
`;
