import { css, unsafeCSS } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';

/** Shadow styles: the card around the slotted light-DOM form (whose look is form-light-styles.ts). */
export const forgotPasswordStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-forgot-password-max-width, 30rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--_gap);
      padding: var(--ae-forgot-password-padding, var(--_s5));
      background: var(--_surface);
      border: 1px solid var(--ae-forgot-password-border-color, var(--_line));
      border-radius: var(--_radius-large);
      box-shadow: var(--_shadow);
    }
    [part='heading'] {
      margin: 0;
      font-size: var(--_large);
      font-weight: 700;
      line-height: 1.25;
    }
    ::slotted([slot='footer']) {
      font-size: var(--_small);
      color: var(--_muted);
    }
  `,
];

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
    ${S} .ae-success:focus,
    ${S} .ae-success h3:focus {
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
