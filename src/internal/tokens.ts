import { css } from 'lit';

/**
 * The host's base look (block, font, color, no inherited page typography) and the system tokens shared by
 * every element. Each private `--_x` reads a public `--ae-*` custom property with a literal fallback, so
 * `--ae-color-primary` restyles the whole library and `--ae-register-*` one element.
 *
 * The built-in look is the neutral theme. `themes/marketplace.css` and `themes/dark.css` (in the package) set
 * only public tokens under a class (`ae-theme-marketplace`, `ae-theme-dark`) that a page puts on any ancestor;
 * a fourth theme is a fourth set of the same tokens.
 *
 * Light and dark: each color token holds both values in `light-dark()`, and the host's `color-scheme` picks
 * one: `--ae-color-scheme` (default `light dark`, which follows the page's `prefers-color-scheme`), or
 * `theme="light"` / `theme="dark"` on the element. `color-scheme` is inherited, so shadow content and an
 * element's light-DOM content follow their host, and the browser draws its own parts of the fields (caret,
 * autofill, scrollbars) in the same scheme. The dark side of the primary, on-primary and focus colors falls back
 * to the brand's light value before ours: a brand color usually reads well on dark too.
 *
 * Scale: spacing `--ae-space-1…6` (0.25 to 2rem), `--ae-radius` (controls) and `--ae-radius-large` (cards),
 * type `--ae-font-size-small`/`--ae-font-size`/`--ae-font-size-large`, `--ae-line-height`, `--ae-shadow-1`,
 * `--ae-focus-ring-width`, `--ae-control-height`, motion `--ae-duration-fast`/`--ae-duration-slow` (0 under
 * `prefers-reduced-motion`).
 *
 * Each element declares only the tokens its own rules read: `tokens` has those of every element; `formTokens`
 * (form-tokens.ts) adds those of the forms.
 */
export const tokens = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--ae-font-size, 1rem);
    line-height: var(--ae-line-height, 1.5);
    color: var(--_text);
    color-scheme: var(--ae-color-scheme, light dark);
    --_primary: light-dark(
      var(--ae-color-primary, #2350c8),
      var(--ae-color-primary-dark, var(--ae-color-primary, #9db8ff))
    );
    --_text: light-dark(var(--ae-color-text, #1b1d22), var(--ae-color-text-dark, #ececf1));
    --_muted: light-dark(var(--ae-color-text-muted, #575c66), var(--ae-color-text-muted-dark, #b6bac3));
    --_danger: light-dark(var(--ae-color-danger, #b3261e), var(--ae-color-danger-dark, #ffb4ab));
    --_border: light-dark(var(--ae-color-border, #7b818c), var(--ae-color-border-dark, #979ca6));
    --_surface: light-dark(var(--ae-color-surface, #fff), var(--ae-color-surface-dark, #1f2126));
    --_focus: light-dark(
      var(--ae-color-focus, #1a73e8),
      var(--ae-color-focus-dark, var(--ae-color-focus, #8ab4f8))
    );
    --_radius: var(--ae-radius, 8px);
    --_s1: var(--ae-space-1, 0.25rem);
    --_s2: var(--ae-space-2, 0.5rem);
    --_small: var(--ae-font-size-small, 0.875rem);
    --_ring: var(--ae-focus-ring-width, 2px) solid var(--_focus);
    --_control: var(--ae-control-height, 2.75rem);
    /* Every browser this library supports (see the README) has system-ui. */
    --_font: var(--ae-font-family, system-ui, sans-serif);
    /* The page's inherited typography (a container's uppercase, letter-spacing, italics…) stops here. */
    font-style: normal;
    font-weight: 400;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    /* A long address or word breaks rather than push the element wider than a narrow screen. */
    overflow-wrap: anywhere;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
`;
