import { css } from 'lit';

/**
 * The host's base look (block, font, color, no inherited page typography) and the system tokens shared by
 * every element. Each private `--_x` reads a public `--ae-*` custom property with a literal fallback, so
 * `--ae-color-primary` restyles the whole library and `--ae-register-*` one element.
 *
 * Light and dark: each color token holds both values in `light-dark()`, and the host's `color-scheme` picks
 * one: `light dark` follows the page's `prefers-color-scheme`; `theme="light"` or `theme="dark"` forces one.
 * `color-scheme` is inherited, so shadow content and an element's light-DOM content follow their host, and the
 * browser draws its own parts of the fields (caret, autofill, scrollbars) in the same scheme. The dark side of
 * the primary, on-primary and focus colors falls back to the brand's light value before ours: a brand color
 * usually reads well on dark too, and our dark red would not be the brand's.
 *
 * Each element declares only the tokens its own rules read: `tokens` has those of every element; `formTokens`
 * (form-tokens.ts) adds those of the forms, `<ae-register>` and `<ae-activate>`.
 */
export const tokens = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--ae-font-size, 1rem);
    line-height: 1.45;
    color: var(--_text);
    color-scheme: light dark;
    --_primary: light-dark(
      var(--ae-color-primary, #d1142c),
      var(--ae-color-primary-dark, var(--ae-color-primary, #ff8a98))
    );
    --_text: light-dark(
      var(--ae-color-text, #1d1d1f),
      var(--ae-color-text-dark, #ececf1)
    );
    --_muted: light-dark(
      var(--ae-color-text-muted, #5f6368),
      var(--ae-color-text-muted-dark, #b4b8bf)
    );
    --_danger: light-dark(
      var(--ae-color-danger, #b3261e),
      var(--ae-color-danger-dark, #ffb4ab)
    );
    --_border: light-dark(
      var(--ae-color-border, #80868b),
      var(--ae-color-border-dark, #9aa0a6)
    );
    --_surface: light-dark(
      var(--ae-color-surface, #fff),
      var(--ae-color-surface-dark, #1f2023)
    );
    --_focus: light-dark(
      var(--ae-color-focus, #1a73e8),
      var(--ae-color-focus-dark, var(--ae-color-focus, #8ab4f8))
    );
    --_radius: var(--ae-radius, 6px);
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
