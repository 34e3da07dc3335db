import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';

/** Shadow styles of `<ae-user-menu>`: the buttons, the placeholder, the menu. The dialog is light DOM (user-menu-light-styles.ts). */
export const userMenuStyles = [
  tokens,
  formTokens,
  css`
    :host {
      display: inline-block;
      position: relative;
      max-inline-size: 100%;
      vertical-align: middle;
      --_height: var(--ae-user-menu-height, var(--_control));
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    [part~='base'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2);
      min-block-size: var(--_height);
    }
    /* Holds the place while the session is asked for: the height of the buttons, a typical width, no text. */
    [part~='placeholder'] {
      display: block;
      inline-size: var(--ae-user-menu-placeholder-width, 11rem);
      block-size: var(--_height);
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    button,
    a {
      box-sizing: border-box;
      font: inherit;
      color: inherit;
    }
    [part~='sign-in'],
    [part~='register'],
    [part~='trigger'],
    [part~='retry'] {
      display: inline-flex;
      align-items: center;
      gap: var(--_s2);
      min-block-size: var(--_height);
      padding: 0 var(--_s4);
      border: 1px solid transparent;
      border-radius: var(--_radius);
      background: none;
      font-weight: 600;
      line-height: 1.2;
      white-space: nowrap;
      cursor: pointer;
    }
    [part~='sign-in'] {
      color: var(--_primary-text);
      background: var(--_primary);
      border-color: var(--_primary);
    }
    [part~='register'],
    [part~='retry'] {
      color: var(--_primary);
      border-color: var(--_primary);
      background: var(--_surface);
    }
    [part~='trigger'] {
      max-inline-size: 100%;
      padding-inline: var(--_s1) var(--_s3);
      color: var(--_text);
    }
    [part~='trigger']:hover,
    [part~='trigger'][aria-expanded='true'] {
      background: var(--_surface-alt);
    }
    [part~='trigger'][aria-disabled='true'] {
      cursor: progress;
    }
    [part~='avatar'] {
      display: inline-grid;
      place-items: center;
      flex: none;
      inline-size: calc(var(--_height) - 0.75rem);
      block-size: calc(var(--_height) - 0.75rem);
      border-radius: 50%;
      color: var(--_primary-text);
      background: var(--_primary);
      font-size: var(--_small);
      font-weight: 700;
      text-transform: uppercase;
    }
    [part~='name'] {
      max-inline-size: var(--ae-user-menu-name-max-width, 12rem);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    [part~='caret'] {
      flex: none;
      inline-size: 0.75rem;
      block-size: 0.75rem;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      transition: transform var(--_fast);
    }
    [aria-expanded='true'] [part~='caret'] {
      transform: rotate(180deg);
    }
    [part~='menu'] {
      position: absolute;
      inset-block-start: calc(100% + var(--_s1));
      inset-inline-end: 0;
      z-index: var(--ae-user-menu-z-index, 20);
      display: grid;
      min-inline-size: min(max(100%, 12rem), 100vw - 1rem);
      margin: 0;
      padding: var(--_s1);
      list-style: none;
      background: var(--_surface);
      border: 1px solid var(--_line);
      border-radius: var(--_radius);
      box-shadow: var(--_shadow);
    }
    [part~='menu'][data-flip] {
      inset-inline: 0 auto;
    }
    [part~='item'] {
      display: block;
      padding: var(--_s2) var(--_s3);
      border: 0;
      border-radius: calc(var(--_radius) - 2px);
      background: none;
      color: var(--_text);
      text-align: start;
      text-decoration: none;
      line-height: 1.3;
      cursor: pointer;
    }
    [part~='item']:hover,
    [part~='item']:focus {
      background: var(--_surface-alt);
    }
    [part~='alert']:empty {
      display: none;
    }
    [part~='alert'] {
      color: var(--_danger);
      font-size: var(--_small);
      max-inline-size: 20rem;
    }
    button:focus-visible,
    a:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    [part~='item']:focus-visible {
      outline-offset: -2px;
    }
    @media (forced-colors: active) {
      [part~='placeholder'] {
        border: 1px dashed GrayText;
      }
      [part~='sign-in'],
      [part~='register'],
      [part~='trigger'],
      [part~='retry'] {
        border-color: ButtonText;
      }
      [part~='avatar'] {
        border: 1px solid CanvasText;
      }
      [part~='menu'] {
        border-color: CanvasText;
      }
      [part~='item']:focus {
        outline: 2px solid Highlight;
        outline-offset: -2px;
      }
    }
  `,
];
