import { css, unsafeCSS } from 'lit';

/**
 * The host's base look (block, font, color, no inherited page typography) and the system tokens shared by
 * every element. Each private `--_x` reads a public `--ae-*` custom property with a
 * literal fallback, so `--ae-color-primary` restyles the whole library and `--ae-register-*` one element.
 * Dark values apply with `theme="dark"`, or with the page's `prefers-color-scheme: dark` unless
 * `theme="light"`. Light-DOM content of an element inherits the same values from its host.
 */
const light = `
  --_primary: var(--ae-color-primary, #d1142c);
  --_primary-text: var(--ae-color-on-primary, #fff);
  --_text: var(--ae-color-text, #1d1d1f);
  --_muted: var(--ae-color-text-muted, #5f6368);
  --_danger: var(--ae-color-danger, #b3261e);
  --_warning: var(--ae-color-warning, #7a4b00);
  --_border: var(--ae-color-border, #80868b);
  --_surface: var(--ae-color-surface, #fff);
  --_surface-alt: var(--ae-color-surface-alt, #f4f5f7);
  --_focus: var(--ae-color-focus, #1a73e8);
  color-scheme: light;
`;
const dark = `
  --_primary: var(--ae-color-primary-dark, var(--ae-color-primary, #ff8a98));
  --_primary-text: var(--ae-color-on-primary-dark, var(--ae-color-on-primary, #1d1d1f));
  --_text: var(--ae-color-text-dark, #ececf1);
  --_muted: var(--ae-color-text-muted-dark, #b4b8bf);
  --_danger: var(--ae-color-danger-dark, #ffb4ab);
  --_warning: var(--ae-color-warning-dark, #ffcc80);
  --_border: var(--ae-color-border-dark, #9aa0a6);
  --_surface: var(--ae-color-surface-dark, #1f2023);
  --_surface-alt: var(--ae-color-surface-alt-dark, #2b2d31);
  --_focus: var(--ae-color-focus-dark, var(--ae-color-focus, #8ab4f8));
  color-scheme: dark;
`;

export const tokens = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--ae-font-size, 1rem);
    line-height: 1.45;
    color: var(--_text);
    ${unsafeCSS(light)}
    --_radius: var(--ae-radius, 6px);
    --_font: var(--ae-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
    --_gap: var(--ae-spacing, 0.75rem);
    /* The page's inherited typography (a container's uppercase, letter-spacing, italics…) stops here. */
    font-style: normal;
    font-weight: 400;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${unsafeCSS(dark)}
    }
  }
  :host([theme='dark']) {
    ${unsafeCSS(dark)}
  }
  :host([hidden]) {
    display: none;
  }
`;
