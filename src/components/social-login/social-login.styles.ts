import { css, unsafeCSS } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';
import { formLightStyles } from '../../internal/form-light-styles.js';

/**
 * `<ae-social-login>` renders into its light DOM like the forms (its profile form's inputs must be seen by
 * autofill, and `<ae-login>` for linking lives there): the shadow root gives the tokens and a slot.
 */
export const socialShadowStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-social-login-max-width, 30rem);
    }
    [part='base'] {
      display: grid;
    }
  `,
];

/** The one light-DOM form sheet (form-light-styles.ts lists ae-social-login in its `@scope`). */
export const socialFormStyles = formLightStyles;

const S = unsafeCSS(':scope:not(#\\#)');

/**
 * The buttons, drawn to each provider's rules (see brand-marks.ts). VK ID and Facebook keep their brand blue
 * a shade darker than the brand's #0077FF / #1877F2 (#0070F0 and Facebook's own pressed #166FE5) so that white
 * text reaches WCAG AA 4.5:1; `--ae-social-vk-background` / `--ae-social-facebook-background` set the exact
 * brand value where large text allows it.
 */
export const socialLightStyles = css`
  @scope (ae-social-login) {
    ${S} .ae-social {
      display: grid;
      gap: var(--_s3);
    }
    ${S} .ae-social-list {
      display: grid;
      gap: var(--_s2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    ${S} .ae-social-button {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: min(var(--_s3), 4vi);
      inline-size: 100%;
      min-block-size: max(var(--_control), 44px);
      padding: 0 min(var(--_s4), 5vi);
      font: inherit;
      font-weight: 600;
      line-height: 1.2;
      cursor: pointer;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      transition: box-shadow var(--_fast);
    }
    ${S} .ae-social-button:hover {
      box-shadow: inset 0 0 0 100vmax rgb(0 0 0 / 0.08);
    }
    ${S} .ae-social-button:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    ${S} .ae-social-button[aria-disabled='true'] {
      cursor: progress;
    }
    ${S} .ae-social-button[aria-disabled='true']:not([data-busy]) {
      opacity: 0.55;
    }
    ${S} .ae-social-button[data-provider='vk'] {
      color: #fff;
      background: var(--ae-social-vk-background, #0070f0);
    }
    ${S} .ae-social-button[data-provider='facebook'] {
      color: #fff;
      background: var(--ae-social-facebook-background, #166fe5);
    }
    /* Google: light (white, #747775 outline) or dark (#131314, #8E918F outline) with the element's color scheme,
       or neutral (#F2F2F2, no outline) by setting. */
    ${S} .ae-social-button[data-provider='google'] {
      color: light-dark(#1f1f1f, #e3e3e3);
      background: light-dark(#fff, #131314);
      border-color: light-dark(#747775, #8e918f);
    }
    ${S} .ae-social-button[data-provider='google'][data-look='light'] {
      color: #1f1f1f;
      background: #fff;
      border-color: #747775;
    }
    ${S} .ae-social-button[data-provider='google'][data-look='dark'] {
      color: #e3e3e3;
      background: #131314;
      border-color: #8e918f;
    }
    ${S} .ae-social-button[data-provider='google'][data-look='neutral'] {
      color: #1f1f1f;
      background: #f2f2f2;
      border-color: transparent;
    }
    ${S} .ae-mark {
      flex: none;
      inline-size: 1.375rem;
      block-size: 1.375rem;
    }
    ${S} .ae-social-button .ae-spinner {
      flex: none;
    }
    ${S} .ae-social-divider {
      display: flex;
      align-items: center;
      gap: var(--_s3);
      margin: 0;
      font-size: var(--_small);
      color: var(--_muted);
    }
    ${S} .ae-social-divider::before,
    ${S} .ae-social-divider::after {
      content: '';
      flex: 1;
      border-block-start: 1px solid var(--_line);
    }
    ${S} .ae-social-privacy {
      margin: 0;
      font-size: var(--_small);
      color: var(--_muted);
    }
    ${S} .ae-social-status {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2) var(--_s3);
      margin: 0;
      font-size: var(--_small);
    }
    ${S} .ae-social-status[hidden] {
      display: none;
    }
    ${S} .ae-social-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
    }
    ${S} .ae-social-heading {
      margin: 0;
      font-size: 1.2rem;
      line-height: 1.3;
    }
    ${S} .ae-social-heading:focus:not(:focus-visible) {
      outline: none;
    }
    ${S} .ae-social-links {
      display: grid;
      gap: var(--_s3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    ${S} .ae-social-link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2) var(--_s3);
      padding: var(--_s3);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
    }
    ${S} .ae-social-link-name {
      flex: 1 1 10rem;
      display: grid;
      margin: 0;
    }
    ${S} .ae-social-link-name small {
      font-size: var(--_small);
      color: var(--_muted);
    }
    ${S} .ae-social-link .ae-mark {
      border-radius: 6px;
      background: var(--_surface-alt);
    }
    ${S} .ae-social-verified {
      margin: 0;
    }
    @media (forced-colors: active) {
      ${S} .ae-social-button {
        border-color: ButtonText;
      }
    }
  }
  /* Inside a host form element: its e-mail form steps aside while this block shows a form or an outcome. */
  @scope (ae-register, ae-login) {
    ${S} .ae-form:has(~ ae-social-login:state(engaged)),
    ${S} ae-social-login:state(engaged) ~ .ae-form {
      display: none;
    }
  }
`;
