import { css, unsafeCSS } from 'lit';
import { formCardStyles } from '../../internal/form-card-styles.js';

/** Shadow styles: the card around the slotted light-DOM form (form-card-styles.ts). */
export const resetPasswordStyles = formCardStyles('reset-password');

const S = unsafeCSS(':scope:not(#\\#)');

/**
 * What only this form has, next to the shared light-DOM sheet (form-light-styles.ts): the "checking the link"
 * line, the row of buttons of a state, the checkbox's hint, the nodes that take focus when a state appears,
 * and the block display of the element (`<ae-forgot-password>`, `<ae-login>`) shown in its place.
 */
export const resetPasswordLightStyles = css`
  @scope (ae-reset-password) {
    ${S} .ae-checking {
      display: flex;
      gap: var(--_s2);
      align-items: center;
      margin: 0;
      color: var(--_muted);
    }
    ${S} .ae-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2) var(--_s4);
      align-items: center;
    }
    ${S} .ae-greeting {
      margin: 0;
    }
    ${S} .ae-option {
      display: grid;
      gap: var(--_s1);
    }
    ${S} .ae-option > .ae-hint {
      padding-inline-start: calc(1.125rem + var(--_s2));
    }
    /* Focused by script to announce a new state: a ring only for the keyboard (where focus went, to go on). */
    ${S} .ae-success h3:focus:not(:focus-visible),
    ${S} .ae-greeting:focus:not(:focus-visible) {
      outline: none;
    }
    ${S} ae-forgot-password,
    ${S} ae-login {
      display: block;
    }
  }
`;
