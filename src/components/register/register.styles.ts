import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';

/** Shadow styles: the card around the slotted light-DOM form (whose look is form-light-styles.ts). */
export const registerStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-register-max-width, 30rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--_gap);
      padding: var(--ae-register-padding, var(--_s5));
      background: var(--_surface);
      border: 1px solid var(--ae-register-border-color, var(--_line));
      border-radius: var(--_radius-large);
      box-shadow: var(--_shadow);
    }
    [part='heading'] {
      margin: 0;
      font-size: var(--_large);
      font-weight: 700;
      line-height: 1.25;
    }
    ::slotted([slot='footer']),
    ::slotted([slot='terms']) {
      font-size: var(--_small);
      color: var(--_muted);
    }
  `,
];
