import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';
import { fieldLook } from '../../internal/shared-styles.js';

export const activateStyles = [
  tokens,
  formTokens,
  css`
    :host {
      max-inline-size: var(--ae-activate-max-width, 28rem);
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    [part='base'] {
      padding: var(--ae-activate-padding, 1.5rem);
      background: var(--_surface);
      border: 1px solid var(--ae-activate-border-color, #dadce0);
      border-radius: calc(var(--_radius) * 2);
    }
    [part~='heading'] {
      display: flex;
      align-items: center;
      gap: 0.6rem;
      margin: 0;
      font-size: 1.4rem;
      font-weight: 700;
      line-height: 1.25;
    }
    /* Focused by script to announce a new state: a ring only for the keyboard (where focus went, to go on). */
    [part~='heading']:focus:not(:focus-visible) {
      outline: none;
    }
    [part='status'],
    [part='alert'] {
      display: grid;
      gap: 0.5rem;
    }
    [part='status']:not(:empty),
    [part='alert']:not(:empty),
    [part='base'] > [part='actions'],
    [part='email-form'],
    ::slotted([slot='activated']) {
      margin-block-start: var(--_gap);
    }
    [part='base'] > :first-child {
      margin-block-start: 0;
    }
    p {
      margin: 0;
    }
    [part~='hint'] {
      color: var(--_muted);
      font-size: 0.9rem;
    }
    [part='notice'] {
      padding: 0.5rem 0.75rem;
      background: var(--_surface-alt);
      border-radius: var(--_radius);
    }
    [part='error'],
    [part='field-error'] {
      color: var(--_danger);
      font-size: 0.9rem;
    }
    [part='actions'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
    }
    [part='resend'],
    [part='retry'] {
      padding: 0.55rem 1rem;
      font-weight: 600;
    }
    [part='retry'] {
      color: var(--_primary-text);
      background: var(--_primary);
      border: 1px solid var(--_primary);
    }
    [part='resend'] {
      color: var(--_primary);
      background: var(--_surface);
      border: 1px solid var(--_primary);
    }
    [part='resend'][aria-disabled='true'],
    [part='retry'][aria-disabled='true'] {
      color: var(--_muted);
      border-color: var(--_border);
      cursor: not-allowed;
    }
    [part='change-email'] {
      padding: 0.35rem 0.25rem;
      color: var(--_primary);
      background: none;
      border: 1px solid transparent;
      text-decoration: underline;
    }
    button:focus-visible,
    [part='input']:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    [part='email-form'] {
      display: grid;
      gap: 0.35rem;
    }
    [part='label'] {
      font-weight: 600;
    }
    [part='field-hint'] {
      color: var(--_muted);
      font-size: 0.85rem;
    }
    [part='input'] {
      ${fieldLook}
    }
    [part='input'][aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    [part='email-form'] [part='actions'] {
      margin-block-start: 0.5rem;
    }
    [part='spinner'] {
      flex: none;
      inline-size: 1em;
      block-size: 1em;
      border: 0.15em solid var(--_border);
      border-block-start-color: var(--_primary);
      border-radius: 50%;
      animation: ae-spin 0.8s linear infinite;
    }
    @keyframes ae-spin {
      to {
        transform: rotate(1turn);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='spinner'] {
        animation-duration: 2.4s;
      }
    }
  `,
];
