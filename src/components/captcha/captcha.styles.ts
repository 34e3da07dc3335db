import { css } from 'lit';
import { tokens } from '../../internal/tokens.js';
import { fieldLook, visuallyHidden } from '../../internal/shared-styles.js';

export const captchaStyles = [
  tokens,
  css`
    [part='label'] {
      display: block;
      font-weight: 600;
      margin-block-end: 0.25rem;
    }
    [part='row'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    [part='image'] {
      display: block;
      inline-size: 160px;
      block-size: 56px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--ae-captcha-image-background, #fff);
    }
    [part='placeholder'] {
      display: grid;
      place-items: center;
      inline-size: 160px;
      block-size: 56px;
      border: 1px dashed var(--_border);
      border-radius: var(--_radius);
      color: var(--_muted);
      font-size: 0.85rem;
      text-align: center;
    }
    [part='refresh'] {
      font: inherit;
      color: var(--_primary);
      background: none;
      border: 1px solid transparent;
      border-radius: var(--_radius);
      padding: 0.35rem 0.5rem;
      cursor: pointer;
      text-decoration: underline;
    }
    [part='refresh']:disabled {
      cursor: progress;
      opacity: 0.7;
    }
    [part='input'] {
      ${fieldLook}
      margin-block-start: 0.5rem;
      font-size: 1.05rem;
      letter-spacing: 0.08em;
    }
    :host(:state(user-invalid)) [part='input'] {
      border-color: var(--_danger);
      box-shadow: 0 0 0 1px var(--_danger);
    }
    [part='input']:focus-visible,
    [part='refresh']:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    [part='hint'] {
      display: block;
      color: var(--_muted);
      font-size: 0.85rem;
      margin-block-start: 0.25rem;
    }
    [part='error'] {
      display: block;
      color: var(--_danger);
      font-size: 0.9rem;
      margin-block-start: 0.25rem;
    }
    .visually-hidden {
      ${visuallyHidden}
    }
  `,
];
