import { css } from 'lit';
import { formCardStyles } from '../../internal/form-card-styles.js';

/** Shadow styles: the card around the slotted light-DOM content (form-card-styles.ts), a little wider. */
export const addressFormStyles = [
  ...formCardStyles('address-form'),
  css`
    :host {
      display: block;
      max-inline-size: var(--ae-address-form-max-width, 36rem);
    }
  `,
];

/** What only `<ae-address-form>` has in its light DOM: the saved address cards and the form's actions. */
export const addressLightStyles = css`
  @scope (ae-address-form) {
    :scope:not(#\#) .ae-address-list {
      display: grid;
      gap: var(--_s3);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    :scope:not(#\#) .ae-address {
      display: grid;
      gap: var(--_s2);
      padding: var(--_s3) var(--_s4);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    :scope:not(#\#) .ae-address[data-default] {
      border-color: var(--_primary);
      border-inline-start-width: 4px;
    }
    :scope:not(#\#) .ae-address p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    :scope:not(#\#) .ae-badge {
      display: inline-block;
      padding: 0 var(--_s2);
      font-size: var(--_small);
      font-weight: 600;
      color: var(--_primary);
      border: 1px solid var(--_primary);
      border-radius: 999px;
    }
    :scope:not(#\#) .ae-address-actions,
    :scope:not(#\#) .ae-confirm,
    :scope:not(#\#) .ae-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s2);
      align-items: center;
    }
    :scope:not(#\#) .ae-confirm p {
      flex-basis: 100%;
      font-weight: 600;
    }
    :scope:not(#\#) .ae-danger {
      color: var(--_danger);
      border-color: var(--_danger);
    }
    :scope:not(#\#) .ae-add {
      justify-self: start;
    }
    :scope:not(#\#) .ae-add[aria-disabled='true'] {
      cursor: not-allowed;
      color: var(--_muted);
      border-style: dashed;
    }
    :scope:not(#\#) .ae-editor-title {
      margin: 0;
      font-size: 1.1rem;
    }
    :scope:not(#\#) .ae-actions .ae-submit {
      flex: 1 1 12rem;
    }
  }
`;
