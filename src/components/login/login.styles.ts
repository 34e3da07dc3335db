import { css } from 'lit';
import { formCardStyles } from '../../internal/form-card-styles.js';

/**
 * Shadow styles: the card around the slotted light-DOM form (form-card-styles.ts). When the element shows
 * registration or recovery in its place, those bring their own card and this one steps back.
 */
export const loginStyles = [
  ...formCardStyles('login'),
  css`
    :host(:state(swapped)) [part='base'] {
      padding: 0;
      background: none;
      border: 0;
      box-shadow: none;
    }
    [hidden] {
      display: none;
    }
  `,
];
