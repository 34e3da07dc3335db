import { css } from 'lit';

/**
 * The tokens that only the elements with a whole form read (buttons, notices, spacing), on top of `tokens`
 * (tokens.ts). A module of its own: a css`` call is evaluated, and so bundled, even where its result is unused.
 */
export const formTokens = css`
  :host {
    --_primary-text: light-dark(
      var(--ae-color-on-primary, #fff),
      var(--ae-color-on-primary-dark, var(--ae-color-on-primary, #1d1d1f))
    );
    --_warning: light-dark(
      var(--ae-color-warning, #7a4b00),
      var(--ae-color-warning-dark, #ffcc80)
    );
    --_surface-alt: light-dark(
      var(--ae-color-surface-alt, #f4f5f7),
      var(--ae-color-surface-alt-dark, #2b2d31)
    );
    --_gap: var(--ae-spacing, 0.75rem);
  }
`;
