import { css } from 'lit';

/**
 * System tokens shared by every element: each component token falls back to one of these, and each of these
 * to a literal, so `--ae-color-primary` restyles the whole library and `--ae-register-*` one element.
 */
export const tokens = css`
  :host {
    --_primary: var(--ae-color-primary, #d1142c);
    --_primary-text: var(--ae-color-on-primary, #fff);
    --_text: var(--ae-color-text, #1d1d1f);
    --_muted: var(--ae-color-text-muted, #5f6368);
    --_danger: var(--ae-color-danger, #b3261e);
    --_warning: var(--ae-color-warning, #7a4b00);
    --_border: var(--ae-color-border, #8a8f98);
    --_surface: var(--ae-color-surface, #fff);
    --_surface-alt: var(--ae-color-surface-alt, #f4f5f7);
    --_focus: var(--ae-color-focus, #1a73e8);
    --_radius: var(--ae-radius, 6px);
    --_font: var(--ae-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_gap: var(--ae-spacing, 0.75rem);
  }
  :host([theme='dark']) {
    --_primary: var(--ae-color-primary, #ff6b7d);
    --_primary-text: var(--ae-color-on-primary, #1d1d1f);
    --_text: var(--ae-color-text, #ececf1);
    --_muted: var(--ae-color-text-muted, #b4b8bf);
    --_danger: var(--ae-color-danger, #ffb4ab);
    --_warning: var(--ae-color-warning, #ffcc80);
    --_border: var(--ae-color-border, #8a8f98);
    --_surface: var(--ae-color-surface, #1f2023);
    --_surface-alt: var(--ae-color-surface-alt, #2b2d31);
    --_focus: var(--ae-color-focus, #8ab4f8);
  }
`;
