import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';

/**
 * The one-click Latin suggestion under a field: a button that puts the suggested spelling into the field when
 * pressed, and only then (never applied silently). The same words as `<ae-register>`'s name suggestion (its
 * message id), so one translation serves every form; register.ts still renders its own copy of this button
 * (private there) until it imports this one.
 */
export function latinSuggestionButton(suggestion: string, onApply: () => void): TemplateResult {
  return html`<button class="ae-button ae-suggest" type="button" data-suggestion=${suggestion} @click=${onApply}>
    ${msg(str`Use “${suggestion}”`, {
      id: 'register.suggestion',
      desc: 'Button under a name field that puts the suggested Latin spelling into the field. Use the quotation marks of your language.',
    })}
  </button>`;
}

/** Puts `value` into `input` as if typed (an `input` event, so the form's mirror of the values follows), and focuses it. */
export function applySuggestion(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.focus();
}
