import { css, unsafeCSS } from 'lit';
import { fieldLook } from './shared-styles.js';

// `:scope:not(#\#)` lifts every rule above a page's `#app input` or `.form .btn`; `all: revert` below drops
// whatever the page set on our nodes, so only these rules and the browser defaults apply.
const S = unsafeCSS(':scope:not(#\\#)');

/**
 * The look of every light-DOM form (the anatomy of field.ts): one constructed sheet, adopted once per root
 * whatever form elements live in it (see adoptLightStyles). Each form element adds a small sheet of its own for
 * what only it has.
 *
 * The tokens (`--_*`) come from the host element's shadow styles (tokens.ts, form-tokens.ts): custom
 * properties set on the host are inherited by its light-DOM children.
 */
export const formLightStyles = css`
  @scope (ae-register, ae-login, ae-forgot-password, ae-reset-password, ae-social-login, ae-preferences, ae-address-form, ae-account-panel) {
    ${S} :where(.ae-root, .ae-root :not(ae-captcha, ae-activate, ae-social-login, ae-register, ae-login, ae-forgot-password, ae-reset-password, svg *)) {
      all: revert;
      box-sizing: border-box;
    }
    ${S} .ae-root,
    ${S} .ae-form {
      display: grid;
      gap: var(--_gap);
      margin: 0;
      font: inherit;
      color: inherit;
    }
    ${S} [hidden] {
      display: none;
    }
    ${S} .ae-fieldset,
    ${S} .ae-group {
      display: grid;
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    ${S} .ae-group {
      gap: var(--_s3);
    }
    ${S} .ae-legend {
      padding: 0;
      font-weight: 600;
    }
    ${S} .ae-legend {
      line-height: 1.3;
      margin-block-end: var(--_s1);
    }
    /* Side by side when the form is wide enough for two 11rem fields, stacked otherwise. */
    ${S} .ae-row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      gap: var(--_s3) var(--_s4);
      align-items: start;
    }
    ${S} .ae-field {
      display: grid;
      gap: var(--_s1);
      min-inline-size: 0;
    }
    ${S} .ae-label {
      font-weight: 600;
    }
    ${S} .ae-optional {
      font-weight: 400;
      color: var(--_muted);
    }
    ${S} .ae-hint {
      margin: 0;
      font-size: var(--_small);
      color: var(--_muted);
    }
    ${S} .ae-control {
      display: grid;
      position: relative;
    }
    ${S} .ae-input {
      ${fieldLook}
      min-inline-size: 0;
      min-block-size: var(--_control);
      transition:
        border-color var(--_fast),
        box-shadow var(--_fast);
    }
    ${S} .ae-input:hover {
      border-color: var(--_text);
    }
    ${S} .ae-input[aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: inset 0 0 0 1px var(--_danger);
    }
    ${S} .ae-control:has(.ae-reveal) .ae-input {
      padding-inline-end: 2.75rem;
    }
    ${S} .ae-button.ae-reveal {
      position: absolute;
      inset-block: 0.25rem;
      inset-inline-end: 0.25rem;
      inline-size: 2.25rem;
      display: grid;
      place-items: center;
      padding: 0;
      color: var(--_muted);
      border: 0;
    }
    ${S} .ae-button.ae-reveal:hover {
      color: var(--_primary);
      background: var(--_surface-alt);
    }
    ${S} .ae-reveal svg {
      display: block;
      inline-size: 1.25rem;
      block-size: 1.25rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    ${S} .ae-input:focus-visible,
    ${S} .ae-button:focus-visible,
    ${S} .ae-link:focus-visible,
    ${S} .ae-check input:focus-visible,
    ${S} .ae-summary:focus-visible,
    ${S} .ae-banner:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    ${S} .ae-error,
    ${S} .ae-warning,
    ${S} .ae-status {
      display: flex;
      gap: var(--_s1);
      align-items: start;
      margin: 0;
      font-size: var(--_small);
      font-weight: 500;
      animation: ae-appear var(--_slow) ease-out;
    }
    ${S} .ae-error {
      color: var(--_danger);
    }
    ${S} .ae-warning {
      color: var(--_warning);
    }
    ${S} .ae-status {
      color: var(--_muted);
    }
    ${S} .ae-status[data-tone='ok'] {
      color: var(--_success);
    }
    ${S} .ae-status[data-tone='bad'] {
      color: var(--_danger);
    }
    ${S} .ae-warning[hidden],
    ${S} .ae-status[hidden] {
      display: none;
    }
    ${S} .ae-icon {
      flex: none;
      inline-size: 1em;
      block-size: 1em;
      margin-block-start: 0.2em;
      fill: none;
      stroke: currentColor;
      stroke-width: 1.75;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    ${S} .ae-button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: var(--_s2) var(--_s3);
      color: var(--_primary);
      background: transparent;
      border: 1px solid var(--_border);
      transition:
        background-color var(--_fast),
        border-color var(--_fast);
    }
    ${S} .ae-button:hover {
      background: var(--_surface-alt);
    }
    ${S} .ae-button:active {
      transform: translateY(1px);
    }
    ${S} .ae-suggest {
      justify-self: start;
      padding: var(--_s1) var(--_s2);
      font-size: var(--_small);
      border-color: var(--_primary);
    }
    ${S} .ae-submit {
      display: grid;
      justify-items: center;
      min-block-size: var(--_control);
      padding: var(--_s2) min(var(--_s4), 5vi);
      font-weight: 700;
      color: var(--_primary-text);
      background: var(--_primary);
      border: 1px solid transparent;
    }
    /* Darker on hover whatever the brand color: a shade over it, not a second color to configure. */
    ${S} .ae-submit:hover {
      background: var(--_primary);
      box-shadow: inset 0 0 0 100vmax rgb(0 0 0 / 0.12);
    }
    /* Both texts in one cell: the button has the width of the longer one, whichever is shown. */
    ${S} .ae-submit-text {
      grid-area: 1 / 1;
      display: inline-flex;
      align-items: center;
      gap: var(--_s2);
    }
    ${S} .ae-submit-text[data-off] {
      visibility: hidden;
    }
    /* The hidden pending text keeps its place, and its spinner does not turn (no animation while idle). */
    ${S} .ae-submit-text[data-off] .ae-spinner {
      animation: none;
    }
    ${S} .ae-spinner {
      inline-size: 1em;
      block-size: 1em;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      border-radius: 50%;
      animation: ae-spin 0.8s linear infinite;
    }
    ${S} .ae-submit[aria-disabled='true'] {
      cursor: progress;
    }
    ${S} .ae-input:disabled,
    ${S} .ae-button:disabled {
      cursor: not-allowed;
      color: var(--_muted);
      background: var(--_surface-alt);
      border-style: dashed;
    }
    ${S} .ae-fieldset:disabled + .ae-submit {
      cursor: not-allowed;
      opacity: 0.6;
    }
    ${S} .ae-login-options {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_s2) var(--_s4);
    }
    ${S} .ae-check {
      display: flex;
      gap: var(--_s2);
      align-items: center;
      cursor: pointer;
    }
    ${S} .ae-check input {
      inline-size: 1.125rem;
      block-size: 1.125rem;
      margin: 0;
      accent-color: var(--_primary);
    }
    ${S} .ae-note {
      margin: 0;
      text-align: center;
      font-size: var(--_small);
      color: var(--_muted);
    }
    /* The error summary, the banner above the form and the success states share one language: a tinted card
       with a colored edge, a title, and what to do next. */
    ${S} .ae-summary,
    ${S} .ae-banner,
    ${S} .ae-notice {
      display: grid;
      gap: var(--_s2);
      justify-items: start;
      padding: var(--_s3) var(--_s4);
      border: 1px solid var(--_danger);
      border-inline-start-width: 4px;
      border-radius: var(--_radius);
      background: color-mix(in srgb, var(--_danger) 7%, var(--_surface));
      animation: ae-appear var(--_slow) ease-out;
    }
    ${S} .ae-notice {
      border-color: var(--_success);
      background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
    }
    ${S} .ae-summary-title {
      margin: 0;
      font-size: 1rem;
      font-weight: 700;
    }
    ${S} .ae-summary-list {
      margin: 0;
      padding-inline-start: 1.1rem;
    }
    ${S} .ae-banner p,
    ${S} .ae-notice p {
      margin: 0;
    }
    ${S} .ae-link {
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    ${S} .ae-summary .ae-link {
      color: var(--_danger);
    }
    ${S} button.ae-link {
      min-block-size: 24px;
      padding: 0;
      font: inherit;
      background: none;
      border: 0;
    }
    ${S} .ae-success {
      display: grid;
      gap: var(--_s2);
    }
    ${S} ae-activate.ae-success {
      display: block;
    }
    ${S} .ae-success h3 {
      margin: 0;
      font-size: 1.2rem;
    }
    ${S} .ae-success p {
      margin: 0;
    }
    @media (forced-colors: active) {
      ${S} .ae-input,
      ${S} .ae-button,
      ${S} .ae-summary,
      ${S} .ae-banner,
      ${S} .ae-notice {
        border-color: CanvasText;
      }
      ${S} .ae-submit {
        border-color: ButtonText;
      }
      ${S} .ae-input[aria-invalid='true'] {
        border-width: 2px;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      ${S} .ae-spinner {
        animation: none;
        border-inline-end-color: currentColor;
        border-block-end-color: transparent;
      }
      ${S} .ae-button:active {
        transform: none;
      }
    }
  }
  @keyframes ae-appear {
    from {
      opacity: 0;
      transform: translateY(-2px);
    }
  }
  @keyframes ae-spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
