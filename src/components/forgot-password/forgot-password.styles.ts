import { css, unsafeCSS } from 'lit';
import { formCardStyles } from '../../internal/form-card-styles.js';

/** Shadow styles: the card around the slotted light-DOM form (form-card-styles.ts). */
export const forgotPasswordStyles = formCardStyles('forgot-password');

const S = unsafeCSS(':scope:not(#\\#)');

/**
 * What only this form has, next to the shared light-DOM sheet (form-light-styles.ts): the row of buttons of
 * the "letter on its way" state, the look of a button that waits (the resend countdown), and the block display
 * of an `<ae-login>` shown in its place.
 */
export const forgotPasswordLightStyles = css`
  @scope (ae-forgot-password) {
    ${S} .ae-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2) var(--_s4);
      align-items: center;
    }
    ${S} .ae-button[aria-disabled='true']:not(.ae-submit) {
      cursor: not-allowed;
      color: var(--_muted);
      background: var(--_surface-alt);
    }
    ${S} .ae-success:focus:not(:focus-visible),
    ${S} .ae-success h3:focus:not(:focus-visible) {
      outline: none;
    }
    ${S} .ae-back {
      justify-self: center;
    }
    ${S} ae-login {
      display: block;
    }
  }
`;
