import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { formTokens } from '../../internal/form-tokens.js';
import { fieldLook, visuallyHidden } from '../../internal/shared-styles.js';

export const conversationStyles = [
  tokens,
  formTokens,
  css`
    :host {
      --_own: light-dark(var(--ae-conversation-own-background, #e3ebff), var(--ae-conversation-own-background-dark, #26345a));
      --_other: var(--ae-conversation-other-background, var(--_surface-alt));
    }
    [part='base'] {
      display: flex;
      flex-direction: column;
      block-size: 100%;
      min-block-size: 0;
    }
    .sr-only {
      ${visuallyHidden}
    }
    p,
    ol,
    h3 {
      margin: 0;
      padding: 0;
    }
    [part='log'] {
      flex: 1 1 auto;
      block-size: var(--ae-conversation-height, 20rem);
      min-block-size: 6rem;
      overflow-y: auto;
      overscroll-behavior: contain;
      padding: var(--_s3);
      display: flex;
      flex-direction: column;
      gap: var(--_s3);
    }
    [part='log']:focus-visible {
      outline: var(--_ring);
      outline-offset: -2px;
    }
    .day {
      display: grid;
      gap: var(--_s2);
    }
    [part='day'] {
      justify-self: center;
      font-size: var(--_small);
      font-weight: 600;
      color: var(--_muted);
    }
    .messages {
      list-style: none;
      display: grid;
      gap: var(--_s2);
    }
    [part~='message'] {
      display: grid;
      gap: 0.15rem;
      max-inline-size: min(85%, 32rem);
      padding: var(--_s2) var(--_s3);
      border-radius: var(--_radius-large);
      background: var(--_other);
      overflow-wrap: anywhere;
    }
    [part~='from-person'] {
      justify-self: end;
      background: var(--_own);
    }
    [part~='from-operator'],
    [part~='from-store'] {
      border-inline-start: 3px solid var(--_primary);
    }
    [part='author'] {
      font-size: var(--_small);
      font-weight: 600;
    }
    [part='text'] {
      white-space: pre-wrap;
    }
    [part='meta'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem var(--_s2);
      font-size: var(--_small);
      color: var(--_muted);
    }
    [part~='from-person'] [part='meta'] {
      justify-content: end;
    }
    [part~='failed'] {
      border: 1px solid var(--_danger);
    }
    .failed {
      color: var(--_danger);
      font-weight: 600;
    }
    [part='actions'],
    [part='quick-replies'] {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      margin-block-start: var(--_s2);
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--_radius);
    }
    button:focus-visible,
    textarea:focus-visible {
      outline: var(--_ring);
      outline-offset: 2px;
    }
    [part='action'],
    [part='retry'] {
      padding: 0.35rem 0.75rem;
      color: var(--_primary-text);
      background: var(--_primary);
      border: 1px solid var(--_primary);
      font-weight: 600;
    }
    [part='meta'] [part='retry'] {
      padding: 0.15rem 0.5rem;
    }
    [part='quick-reply'] {
      padding: 0.35rem 0.75rem;
      color: var(--_primary);
      background: var(--_surface);
      border: 1px solid var(--_primary);
      border-radius: 999px;
    }
    [part='typing'] {
      display: flex;
      align-items: center;
      gap: var(--_s2);
      font-size: var(--_small);
      color: var(--_muted);
    }
    .dots {
      display: inline-flex;
      gap: 3px;
    }
    .dots span {
      inline-size: 6px;
      block-size: 6px;
      border-radius: 50%;
      background: currentColor;
      animation: ae-typing 1.2s infinite ease-in-out;
    }
    .dots span:nth-child(2) {
      animation-delay: 0.2s;
    }
    .dots span:nth-child(3) {
      animation-delay: 0.4s;
    }
    @keyframes ae-typing {
      0%,
      80%,
      100% {
        opacity: 0.3;
      }
      40% {
        opacity: 1;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .dots span {
        animation: none;
        opacity: 0.7;
      }
    }
    [part='status'],
    [part='empty'] {
      padding: var(--_s2) var(--_s3);
      font-size: var(--_small);
      color: var(--_muted);
    }
    [part='status'] {
      border-block-start: 1px solid var(--_line);
    }
    [part='error'] {
      display: grid;
      gap: var(--_s2);
      justify-items: start;
      color: var(--_danger);
    }
    [part='composer'] {
      display: grid;
      grid-template-columns: 1fr auto;
      align-items: end;
      gap: var(--_s2);
      padding: var(--_s2) var(--_s3) var(--_s3);
      border-block-start: 1px solid var(--_line);
    }
    [part='input'] {
      ${fieldLook}
      resize: none;
      field-sizing: content;
      min-block-size: var(--_control);
      max-block-size: 8lh;
    }
    [part='input'][aria-invalid='true'] {
      border-color: var(--_danger);
    }
    [part='send'] {
      display: grid;
      place-items: center;
      inline-size: var(--_control);
      block-size: var(--_control);
      padding: 0;
      color: var(--_primary-text);
      background: var(--_primary);
      border: 1px solid var(--_primary);
    }
    [part='send'][aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.6;
    }
    [part='send'] svg {
      inline-size: 1.25rem;
      block-size: 1.25rem;
      fill: currentColor;
    }
    [part='warning'] {
      grid-column: 1 / -1;
      color: var(--_danger);
      font-size: var(--_small);
    }
    [part='warning']:empty {
      display: none;
    }
  `,
];
