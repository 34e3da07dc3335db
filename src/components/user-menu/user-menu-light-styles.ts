import { css, unsafeCSS } from 'lit';

// As in form-light-styles.ts: `:scope:not(#\#)` lifts every rule above a page's `#app dialog`, `all: revert`
// drops what the page set on our nodes. The forms inside are outside this scope (`to`): theirs is their own.
const S = unsafeCSS(':scope:not(#\\#)');

/**
 * The light-DOM dialog of `<ae-user-menu>` (sign-in and registration open in it): in the light DOM because the
 * forms inside hold credentials, which password managers only see outside shadow roots. Adopted by the root
 * the element lives in (see adoptLightStyles); the tokens come from the host's shadow styles (inherited).
 */
export const userMenuLightStyles = css`
  @scope (ae-user-menu) to (ae-login, ae-register) {
    ${S} :where(.ae-user-menu-dialog, .ae-user-menu-dialog *:not(svg *)) {
      all: revert;
      box-sizing: border-box;
    }
    ${S} .ae-user-menu-dialog {
      inline-size: min(100vw - 1.5rem, var(--ae-user-menu-dialog-width, 30rem));
      max-inline-size: none;
      max-block-size: calc(100dvh - 1.5rem);
      margin: auto;
      padding: 0;
      overflow: auto;
      color: var(--_text);
      background: transparent;
      border: 0;
      font-family: var(--_font);
      font-size: var(--ae-font-size, 1rem);
      line-height: var(--ae-line-height, 1.5);
      color-scheme: inherit;
    }
    ${S} .ae-user-menu-dialog::backdrop {
      background: var(--ae-user-menu-backdrop, rgb(10 12 16 / 0.5));
    }
    ${S} .ae-user-menu-dialog-body {
      position: relative;
      display: grid;
    }
    ${S} .ae-user-menu-dialog-close {
      position: absolute;
      inset-block-start: var(--_s2);
      inset-inline-end: var(--_s2);
      z-index: 1;
      display: grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0;
      color: var(--_muted);
      background: var(--_surface);
      border: 1px solid transparent;
      border-radius: var(--_radius);
      cursor: pointer;
    }
    ${S} .ae-user-menu-dialog-close:hover {
      color: var(--_text);
    }
    ${S} .ae-user-menu-dialog-close:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    ${S} .ae-user-menu-dialog-close svg {
      inline-size: 1.1rem;
      block-size: 1.1rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
    }
    ${S} .ae-user-menu-dialog-status {
      display: grid;
      gap: var(--_s3);
      justify-items: start;
      min-block-size: 12rem;
      padding: var(--_s5);
      padding-inline-end: 3.5rem;
      background: var(--_surface);
      border-radius: var(--_radius-large);
    }
    ${S} .ae-user-menu-dialog-status p {
      margin: 0;
    }
    ${S} .ae-user-menu-dialog-retry {
      padding: var(--_s2) var(--_s4);
      font: inherit;
      font-weight: 600;
      color: var(--_primary);
      background: var(--_surface);
      border: 1px solid var(--_primary);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    ${S} .ae-user-menu-dialog-retry:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    @media (forced-colors: active) {
      ${S} .ae-user-menu-dialog {
        border: 1px solid CanvasText;
      }
      ${S} .ae-user-menu-dialog-close {
        border-color: ButtonText;
      }
    }
  }
  /* The forms fill the dialog's width (their own frame is the dialog's look). */
  @scope (ae-user-menu) {
    ${S} .ae-user-menu-dialog-body > :is(ae-login, ae-register) {
      max-inline-size: none;
    }
  }
`;
