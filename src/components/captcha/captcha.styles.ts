import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { fieldLook, visuallyHidden } from '../../internal/shared-styles.js';

/**
 * One unit: label, hint, then a card with the picture and its refresh button on a row and the answer under it. The
 * listen button (beside the refresh button, in its look) and the help link are styled by captcha-extras.ts, in the
 * chunk that brings them.
 */
export const captchaStyles = [
  tokens,
  css`
    [part='base'] {
      display: grid;
      gap: var(--_s1);
    }
    [part='label'] {
      font-weight: 600;
    }
    [part='hint'] {
      color: var(--_muted);
      font-size: var(--_small);
    }
    [part='card'] {
      display: grid;
      gap: var(--_s2);
      padding: var(--_s2);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2);
    }
    [part='image'],
    [part='placeholder'] {
      display: grid;
      place-items: center;
      inline-size: 160px;
      block-size: 56px;
      border-radius: calc(var(--_radius) / 2);
      background: var(--ae-captcha-image-background, #fff);
    }
    [part='placeholder'] {
      color: var(--_muted);
      font-size: var(--_small);
      text-align: center;
      background: none;
      outline: 1px dashed var(--_border);
    }
    [part='refresh'] {
      display: grid;
      place-items: center;
      inline-size: var(--_control);
      block-size: var(--_control);
      padding: 0;
      color: var(--_primary);
      background: none;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      cursor: pointer;
    }
    [part='refresh'] svg {
      inline-size: 1.25rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }
    [part='refresh']:disabled {
      cursor: progress;
      opacity: 0.6;
    }
    [part='refresh']:disabled svg {
      animation: spin 0.8s linear infinite;
    }
    @keyframes spin {
      to {
        rotate: 1turn;
      }
    }
    [part='input'] {
      ${fieldLook}
      min-block-size: var(--_control);
      font-size: 1.05rem;
      letter-spacing: 0.08em;
    }
    :host(:state(user-invalid)) [part='input'] {
      border-color: var(--_danger);
      box-shadow: inset 0 0 0 1px var(--_danger);
    }
    [part='input']:focus-visible,
    [part='refresh']:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    [part='error'] {
      color: var(--_danger);
      font-size: var(--_small);
      font-weight: 500;
    }
    .visually-hidden {
      ${visuallyHidden}
    }
    @media (prefers-reduced-motion: reduce) {
      [part='refresh']:disabled svg {
        animation: none;
      }
    }
  `,
];
