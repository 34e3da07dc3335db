import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';

/**
 * Shadow styles of `<ae-account-panel>`: the layout (a side list beside the section on a wide panel, a
 * scrollable tab bar above it on a narrow one: a container query on the panel's own width), the navigation,
 * and what every section shares (headings, lists, the states of section-states.ts, buttons, prices). A
 * section's own rules come with its chunk.
 */
export const accountPanelStyles = [
  tokens,
  formTokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      container-name: ae-account;
      max-inline-size: var(--ae-account-panel-max-width, 72rem);
    }
    [hidden] {
      display: none !important;
    }
    .base {
      display: grid;
      grid-template-columns: var(--ae-account-panel-nav-width, 15rem) minmax(0, 1fr);
      gap: var(--_s5);
      align-items: start;
    }
    nav {
      position: sticky;
      top: 0;
      min-inline-size: 0;
    }
    .nav-list {
      display: flex;
      flex-direction: column;
      gap: 2px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .nav-item {
      box-sizing: border-box;
      display: flex;
      align-items: center;
      inline-size: 100%;
      min-block-size: var(--_control);
      padding: var(--_s2) var(--_s3);
      border: 0;
      border-inline-start: 3px solid transparent;
      border-radius: var(--_radius);
      background: none;
      font: inherit;
      color: inherit;
      text-align: start;
      text-decoration: none;
      cursor: pointer;
    }
    .nav-item:hover {
      background: var(--_surface-alt);
    }
    .nav-item[aria-current='page'] {
      border-inline-start-color: var(--_primary);
      background: var(--_surface-alt);
      font-weight: 600;
      color: var(--_text);
    }
    :focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    .nav-item:focus-visible {
      outline-offset: -2px;
    }
    /* Narrow: the navigation becomes a tab bar that scrolls sideways, the section below it. */
    @container ae-account (max-width: 44rem) {
      .base {
        grid-template-columns: minmax(0, 1fr);
        gap: var(--_s3);
      }
      nav {
        position: static;
        border-block-end: 1px solid var(--_line);
      }
      .nav-list {
        flex-direction: row;
        overflow-x: auto;
        overscroll-behavior-x: contain;
        scrollbar-width: thin;
      }
      .nav-item {
        inline-size: auto;
        white-space: nowrap;
        border-inline-start: 0;
        border-block-end: 3px solid transparent;
        border-radius: var(--_radius) var(--_radius) 0 0;
      }
      .nav-item[aria-current='page'] {
        border-block-end-color: var(--_primary);
        background: none;
      }
    }
    .section {
      min-inline-size: 0;
      display: grid;
      gap: var(--_s4);
    }
    h2 {
      margin: 0;
      font-size: var(--_large);
      line-height: 1.25;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: var(--_ring);
    }
    h3 {
      margin: 0;
      font-size: 1.0625rem;
    }
    p {
      margin: 0;
    }
    .muted,
    .price-store {
      color: var(--_muted);
      font-size: var(--_small);
    }
    .price-main {
      font-weight: 600;
      white-space: nowrap;
    }
    .price-store {
      white-space: nowrap;
    }
    .button,
    .link {
      box-sizing: border-box;
      font: inherit;
      cursor: pointer;
    }
    .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: var(--_s2);
      min-block-size: var(--_control);
      padding: 0 var(--_s4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      font-weight: 600;
      text-decoration: none;
    }
    .button.primary {
      border-color: var(--_primary);
      background: var(--_primary);
      color: var(--_primary-text);
    }
    .link {
      padding: 0;
      border: 0;
      background: none;
      color: var(--_primary);
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    .card {
      box-sizing: border-box;
      padding: var(--_s4);
      border: 1px solid var(--_line);
      border-radius: var(--_radius-large);
      background: var(--_surface);
      min-inline-size: 0;
    }
    .list {
      display: grid;
      gap: var(--_s3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s2) var(--_s4);
      justify-content: space-between;
    }
    .row > * {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .skeleton {
      display: grid;
      gap: var(--_s3);
    }
    .skeleton.tiles {
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
    }
    .skeleton .bar {
      display: block;
      block-size: 3.5rem;
      border-radius: var(--_radius);
      background: var(--_surface-alt);
    }
    .skeleton.line .bar {
      block-size: 1.25rem;
      inline-size: 60%;
    }
    @media (prefers-reduced-motion: no-preference) {
      .skeleton .bar {
        animation: ae-pulse 1.4s ease-in-out infinite;
      }
    }
    @keyframes ae-pulse {
      50% {
        opacity: 0.55;
      }
    }
    .empty,
    .error {
      display: grid;
      gap: var(--_s3);
      justify-items: start;
      padding: var(--_s4);
      border: 1px dashed var(--_line);
      border-radius: var(--_radius-large);
    }
    .error {
      border: 1px solid var(--_danger);
    }
    .error p {
      color: var(--_danger);
    }
    .badge {
      display: inline-block;
      padding: 0 var(--_s2);
      border-radius: 999px;
      background: var(--_surface-alt);
      font-size: var(--_small);
      font-weight: 600;
    }
    .toast {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s3);
      padding: var(--_s2) var(--_s4);
      border-radius: var(--_radius);
      background: var(--_text);
      color: var(--_surface);
    }
    .toast .link {
      color: inherit;
      font-weight: 600;
    }
    .sr-only {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  .coupon-value {
    font-size: 1.25rem;
    font-weight: 700;
  }
  .coupon-code {
    padding: var(--_s1) var(--_s2);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    font-size: 1rem;
    letter-spacing: 0.04em;
  }
    .login {
      display: grid;
      gap: var(--_s4);
      max-inline-size: 30rem;
    }
  `,
];
