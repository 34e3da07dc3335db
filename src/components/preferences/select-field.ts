import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { icon } from '../../internal/field.js';

/**
 * A `<select>` with the field anatomy of field.ts (label, hint, control, message; the same classes and ids, so
 * form-light-styles.ts draws it like every input). field.ts renders only `<input>`s; until it has a select
 * variant, `<ae-preferences>` and `<ae-address-form>` share this one.
 */
export interface SelectFieldOptions {
  id: string;
  name: string;
  label: string;
  autocomplete: string;
  value: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string;
  onChange: (e: Event) => void;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const describedBy = [o.hint ? hintId : '', o.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="ae-field" data-field=${o.name}>
    <label class="ae-label" for=${o.id}>${o.label}</label>
    ${o.hint ? html`<p class="ae-hint" id=${hintId}>${o.hint}</p>` : nothing}
    <div class="ae-control">
      <select
        class="ae-input ae-select"
        id=${o.id}
        name=${o.name}
        autocomplete=${o.autocomplete}
        required
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @change=${o.onChange}
      >
        ${o.options.map((x) => html`<option value=${x.value} .selected=${x.value === o.value}>${x.label}</option>`)}
      </select>
    </div>
    ${o.error ? html`<p class="ae-error" id=${errorId}>${icon('alert')}<span>${o.error}</span></p>` : nothing}
  </div>`;
}
