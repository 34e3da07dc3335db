import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';

/**
 * Shadow styles: the card around the slotted light-DOM form (whose look is form-light-styles.ts). When the
 * element shows registration or recovery in its place, those bring their own card and this one steps back.
 */
export const loginStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-login-max-width, 30rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--_gap);
      padding: var(--ae-login-padding, var(--_s5));
      background: var(--_surface);
      border: 1px solid var(--_line);
      border-radius: var(--_radius-large);
      box-shadow: var(--_shadow);
    }
    :host(:state(swapped)) [part='base'] {
      padding: 0;
      background: none;
      border: 0;
      box-shadow: none;
    }
    [part='heading'] {
      margin: 0;
      font-size: var(--_large);
      font-weight: 700;
      line-height: 1.25;
    }
    [hidden] {
      display: none;
    }
    ::slotted([slot='footer']) {
      font-size: var(--_small);
      color: var(--_muted);
    }
  `,
];
