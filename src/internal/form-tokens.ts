import { css } from 'lit';

/**
 * The tokens that only the elements with a whole form read (buttons, notices, cards, motion), on top of
 * `tokens` (tokens.ts). A module of its own: a css`` call is evaluated, and so bundled, even where its result
 * is unused.
 */
export const formTokens = css`
  :host {
    --_primary-text: light-dark(
      var(--ae-color-on-primary, #fff),
      var(--ae-color-on-primary-dark, var(--ae-color-on-primary, #14161a))
    );
    --_success: light-dark(var(--ae-color-success, #1e6b34), var(--ae-color-success-dark, #8fd9a3));
    --_warning: light-dark(var(--ae-color-warning, #7a4b00), var(--ae-color-warning-dark, #ffcc80));
    --_surface-alt: light-dark(var(--ae-color-surface-alt, #f3f4f6), var(--ae-color-surface-alt-dark, #2a2d33));
    --_line: light-dark(var(--ae-color-line, #dcdfe4), var(--ae-color-line-dark, #3a3e46));
    --_radius-large: var(--ae-radius-large, 12px);
    --_large: var(--ae-font-size-large, 1.375rem);
    --_shadow: var(--ae-shadow-1, 0 1px 2px rgb(0 0 0 / 0.06), 0 4px 16px rgb(0 0 0 / 0.06));
    --_s3: var(--ae-space-3, 0.75rem);
    --_s4: var(--ae-space-4, 1rem);
    --_s5: var(--ae-space-5, 1.5rem);
    --_s6: var(--ae-space-6, 2rem);
    --_fast: var(--ae-duration-fast, 120ms);
    --_slow: var(--ae-duration-slow, 240ms);
    --_gap: var(--ae-spacing, var(--_s4));
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_fast: 0s;
      --_slow: 0s;
    }
  }
`;
