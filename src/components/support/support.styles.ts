import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';
import { fieldLook, visuallyHidden } from '../../internal/shared-styles.js';

export const supportStyles = [
  tokens,
  formTokens,
  css`
    :host {
      --_x: var(--ae-support-offset-x, 1rem);
      --_y: var(--ae-support-offset-y, 1rem);
      --_z: var(--ae-support-z-index, 1000);
      --_launcher: 3rem;
      display: contents;
    }
    .sr-only {
      ${visuallyHidden}
    }
    [hidden] {
      display: none !important;
    }
    p,
    h2,
    h3,
    ul {
      margin: 0;
      padding: 0;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
    }
    button:focus-visible,
    [part='input']:focus-visible,
    [part~='heading']:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    [part~='heading']:focus:not(:focus-visible),
    [part='title']:focus:not(:focus-visible),
    [part~='alert']:focus:not(:focus-visible) {
      outline: none;
    }
    [part='launcher'] {
      position: fixed;
      z-index: var(--_z);
      inset-block-end: var(--_y);
      left: var(--_x);
      transform: translateY(calc(-1 * var(--_lift, 0px)));
      transition: transform var(--_fast) ease-out;
      display: inline-flex;
      align-items: center;
      gap: var(--_s2);
      min-block-size: var(--_launcher);
      padding: 0 var(--_s4);
      color: var(--_primary-text);
      background: var(--_primary);
      border: 2px solid var(--_surface);
      border-radius: 999px;
      box-shadow: var(--_shadow);
      font-weight: 600;
      font-family: var(--_font);
      font-size: var(--ae-font-size, 1rem);
    }
    :host([position='bottom-right']) [part='launcher'] {
      left: auto;
      right: var(--_x);
    }
    [part='launcher'] svg,
    [part='close'] svg {
      inline-size: 1.4rem;
      block-size: 1.4rem;
      flex: none;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    [part='badge'] {
      min-inline-size: 1.4rem;
      padding: 0 0.35rem;
      border-radius: 999px;
      background: var(--_danger);
      color: var(--_surface);
      font-size: var(--_small);
      line-height: 1.4rem;
      text-align: center;
    }
    [part='panel'] {
      position: fixed;
      z-index: var(--_z);
      left: var(--_x);
      inset-block-end: calc(var(--_y) + var(--_launcher) + var(--_s3));
      inline-size: min(var(--ae-support-panel-width, 24rem), calc(100vw - 2 * var(--_x)));
      block-size: min(var(--ae-support-panel-height, 36rem), calc(100dvh - var(--_y) - var(--_launcher) - 2 * var(--_s3)));
      display: flex;
      flex-direction: column;
      box-sizing: border-box;
      font-family: var(--_font);
      font-size: var(--ae-font-size, 1rem);
      line-height: var(--ae-line-height, 1.5);
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_line);
      border-radius: var(--_radius-large);
      box-shadow: var(--_shadow), 0 8px 32px rgb(0 0 0 / 0.18);
      /* Its body scrolls; with very large text on a small screen, the whole panel does (nothing is cut off). */
      overflow: hidden auto;
    }
    :host([position='bottom-right']) [part='panel'] {
      left: auto;
      right: var(--_x);
    }
    [part='header'] {
      display: flex;
      align-items: start;
      justify-content: space-between;
      gap: var(--_s2);
      padding: var(--_s3) var(--_s4);
      color: var(--_primary-text);
      background: var(--_primary);
    }
    [part='title'] {
      font-size: 1.1rem;
      font-weight: 700;
      line-height: 1.3;
    }
    [part='subtitle'] {
      font-size: var(--_small);
    }
    [part='close'] {
      display: grid;
      place-items: center;
      inline-size: 2.5rem;
      block-size: 2.5rem;
      padding: 0;
      color: inherit;
      background: none;
      border: 1px solid transparent;
    }
    [part='close']:focus-visible {
      outline-color: var(--_primary-text);
    }
    [part='body'] {
      flex: 1 1 auto;
      min-block-size: 0;
      display: flex;
      flex-direction: column;
      gap: var(--_s3);
      padding: var(--_s3) var(--_s4);
      overflow-y: auto;
    }
    [part='body']:has([part='conversation']) {
      padding: 0;
      gap: 0;
    }
    [part='conversation'] {
      flex: 1 1 0;
      min-block-size: 0;
      --ae-conversation-height: 0px;
    }
    [part~='heading'] {
      font-size: 1.05rem;
      font-weight: 700;
    }
    [part='topics'] {
      list-style: none;
      display: grid;
      gap: var(--_s2);
    }
    [part='topic'] {
      inline-size: 100%;
      padding: 0.6rem var(--_s3);
      text-align: start;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
    }
    [part='topic']:hover {
      border-color: var(--_primary);
    }
    [part~='form'] {
      display: grid;
      gap: 0.35rem;
    }
    [part='label'] {
      font-weight: 600;
    }
    [part='field-hint'],
    [part='intro'] {
      color: var(--_muted);
      font-size: var(--_small);
    }
    [part='input'] {
      ${fieldLook}
    }
    [part='input'][aria-invalid='true'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    [part='field-error'],
    [part~='alert'] {
      color: var(--_danger);
      font-size: var(--_small);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      margin-block-start: var(--_s2);
    }
    [part='submit'],
    [part='human'] {
      padding: 0.5rem var(--_s4);
      color: var(--_primary-text);
      background: var(--_primary);
      border: 1px solid var(--_primary);
      font-weight: 600;
    }
    [part='submit'][aria-disabled='true'],
    [part='topic'][aria-disabled='true'] {
      cursor: progress;
    }
    [part='back'],
    [part='new-question'] {
      padding: 0.5rem var(--_s3);
      color: var(--_primary);
      background: var(--_surface);
      border: 1px solid var(--_primary);
    }
    [part='toolbar'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2);
      padding: var(--_s2) var(--_s3) var(--_s3);
    }
    [part='operator-status'] {
      flex: 1 1 100%;
      display: flex;
      align-items: center;
      gap: var(--_s2);
      font-size: var(--_small);
      color: var(--_muted);
    }
    .dot {
      inline-size: 0.6rem;
      block-size: 0.6rem;
      border-radius: 50%;
      background: var(--_muted);
      flex: none;
    }
    [data-status='online'] .dot {
      background: var(--_success);
    }
    [data-status='away'] .dot {
      background: var(--_warning);
    }
    .notices:empty {
      display: none;
    }
    .notices {
      padding: 0 var(--_s3);
    }
    [part~='notice'] {
      padding: var(--_s2) var(--_s3);
      margin-block-start: var(--_s2);
      background: var(--_surface-alt);
      border-radius: var(--_radius);
      font-size: var(--_small);
    }
    .recovery {
      display: grid;
      gap: var(--_s3);
      justify-items: start;
    }
    .recovery ae-forgot-password {
      justify-self: stretch;
    }
    /* Narrow screens: the button is a round icon (its name stays), the open panel fills the screen. */
    @media (max-width: 40rem) {
      [part='launcher'] {
        inline-size: var(--_launcher);
        padding: 0;
        justify-content: center;
      }
      [part='launcher-label'] {
        ${visuallyHidden}
      }
      [part='badge'] {
        position: absolute;
        inset-block-start: -0.4rem;
        inset-inline-end: -0.4rem;
      }
      [part='panel'],
      :host([position='bottom-right']) [part='panel'] {
        inset: 0;
        inline-size: 100%;
        block-size: 100dvh;
        border-radius: 0;
        border: 0;
      }
    }
    @media (forced-colors: active) {
      [part='launcher'],
      [part='panel'] {
        border: 2px solid CanvasText;
      }
    }
  `,
];
