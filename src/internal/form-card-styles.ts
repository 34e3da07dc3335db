import { css, unsafeCSS } from 'lit';
import type { CSSResult } from 'lit';
import { tokens } from './tokens.js';
import { formTokens } from './form-tokens.js';

/**
 * The shadow styles of a light-DOM form element: the card around the slotted form (whose look is
 * form-light-styles.ts), its default heading and its slotted notes. `name` names the element's own properties:
 * `--ae-<name>-max-width` (30rem), `--ae-<name>-padding`, `--ae-<name>-border-color`. One card for every form.
 */
export function formCardStyles(name: string): CSSResult[] {
  const p = (prop: string) => unsafeCSS(`--ae-${name}-${prop}`);
  return [
    tokens,
    formTokens,
    css`
      :host {
        max-inline-size: var(${p('max-width')}, 30rem);
      }
      [part='base'] {
        display: grid;
        gap: var(--_gap);
        padding: var(${p('padding')}, min(var(--_s5), 7.5vi));
        background: var(--_surface);
        border: 1px solid var(${p('border-color')}, var(--_line));
        border-radius: var(--_radius-large);
        box-shadow: var(--_shadow);
      }
      [part='heading'] {
        margin: 0;
        font-size: var(--_large);
        font-weight: 700;
        line-height: 1.25;
      }
      ::slotted([slot='footer']),
      ::slotted([slot='terms']) {
        font-size: var(--_small);
        color: var(--_muted);
      }
    `,
  ];
}
