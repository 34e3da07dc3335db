import { unsafeCSS } from 'lit';

/**
 * Declarations that several elements apply to their own nodes, in their own scope (a shadow root's
 * `[part='input']`, the light-DOM form's `.ae-input`). A rule cannot be shared across those scopes, so the
 * declarations are: one look for every text field, one way to hide text visually but not from screen readers.
 */
export const fieldLook = unsafeCSS(`
  box-sizing: border-box;
  inline-size: 100%;
  font: inherit;
  padding: 0.55rem 0.7rem;
  color: var(--_text);
  background: var(--_surface);
  border: 1px solid var(--_border);
  border-radius: var(--_radius);
`);

export const visuallyHidden = unsafeCSS(`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`);
