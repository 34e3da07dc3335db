import { css, unsafeCSS } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';
import { fieldLook } from '../../internal/shared-styles.js';

/** Shadow styles: the frame around the slotted light-DOM form. */
export const registerStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-register-max-width, 28rem);
    }
    [part='base'] {
      display: grid;
      gap: var(--_gap);
      padding: var(--ae-register-padding, 1.5rem);
      background: var(--_surface);
      border: 1px solid var(--ae-register-border-color, #dadce0);
      border-radius: calc(var(--_radius) * 2);
    }
    [part='heading'] {
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
    }
    ::slotted([slot='footer']),
    ::slotted([slot='terms']) {
      font-size: 0.85rem;
      color: var(--_muted);
    }
  `,
];

// `:scope:not(#\#)` lifts every rule above a page's `#app input` or `.form .btn`; `all: revert` below drops
// whatever the page set on our nodes, so only these rules and the browser defaults apply.
const S = unsafeCSS(':scope:not(#\\#)');

/** Light-DOM styles for the form inside `<ae-register>`, adopted once per root (see adoptLightStyles). */
export const registerLightStyles = css`
  @scope (ae-register) {
    ${S} :where(.ae-root, .ae-root :not(ae-captcha, ae-activate, svg *)) {
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
    ${S} .ae-fieldset {
      display: grid;
      gap: var(--_gap);
      margin: 0;
      padding: 0;
      border: 0;
      min-inline-size: 0;
    }
    ${S} .ae-field {
      display: grid;
      gap: 0.25rem;
    }
    ${S} .ae-label {
      font-weight: 600;
    }
    ${S} .ae-hint {
      margin: 0;
      font-size: 0.85rem;
      color: var(--_muted);
    }
    ${S} .ae-input-row {
      display: grid;
      position: relative;
    }
    ${S} .ae-input {
      ${fieldLook}
      min-inline-size: 0;
    }
    ${S} .ae-input-row:has(.ae-reveal) .ae-input {
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
    ${S} .ae-input[aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    ${S} .ae-input:focus-visible,
    ${S} .ae-button:focus-visible,
    ${S} .ae-link:focus-visible,
    ${S} .ae-summary:focus-visible,
    ${S} .ae-banner:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    ${S} .ae-error {
      margin: 0;
      font-size: 0.9rem;
      color: var(--_danger);
    }
    ${S} .ae-warning {
      margin: 0;
      font-size: 0.9rem;
      color: var(--_warning);
    }
    ${S} .ae-button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
      padding: 0.5rem 0.75rem;
      color: var(--_primary);
      background: transparent;
      border: 1px solid var(--_border);
    }
    ${S} .ae-suggest {
      justify-self: start;
      padding: 0.3rem 0.6rem;
      font-size: 0.9rem;
      border-color: var(--_primary);
    }
    ${S} .ae-submit {
      padding: 0.75rem 1rem;
      font-weight: 700;
      color: var(--_primary-text);
      background: var(--_primary);
      border: 0;
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
    ${S} .ae-free {
      margin: 0;
      text-align: center;
      font-size: 0.85rem;
      color: var(--_muted);
    }
    ${S} .ae-summary,
    ${S} .ae-banner {
      padding: 0.75rem 1rem;
      border: 2px solid var(--_danger);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    ${S} .ae-summary-title {
      margin: 0 0 0.25rem;
      font-size: 1rem;
      font-weight: 700;
    }
    ${S} .ae-summary-list {
      margin: 0;
      padding-inline-start: 1.1rem;
    }
    ${S} .ae-link {
      color: var(--_danger);
      text-decoration: underline;
      cursor: pointer;
    }
    ${S} .ae-banner {
      display: grid;
      gap: 0.5rem;
      justify-items: start;
    }
    ${S} .ae-banner p {
      margin: 0;
    }
    ${S} .ae-form[hidden] {
      display: none;
    }
    ${S} .ae-success {
      display: grid;
      gap: 0.5rem;
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
  }
`;
