import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';

/**
 * The one field template of every light-DOM form (registration, sign-in, recovery, and what comes after):
 * label, then hint, then the control, then its messages, in that order (GOV.UK, Lion), all tied to the input by
 * `aria-describedby`. The rules that draw it are in form-light-styles.ts.
 *
 * The input's value is never bound: the person's typing stays in the input (and the element mirrors it from
 * `input` events), so a re-render never moves the caret nor drops what was typed.
 */
export interface FieldOptions {
  /** The input's id; the hint, messages and status get ids derived from it. */
  id: string;
  name: string;
  label: string;
  type: string;
  autocomplete: string;
  inputmode?: string;
  autocapitalize?: string;
  /** Marked "(optional)" after the label; every other field is required (GOV.UK: mark the exception). */
  optional?: boolean;
  /** The field's own hint, between label and control. */
  hint?: string;
  /** Ids of hints outside the field that also describe it (a group's legend hint). */
  describedBy?: string;
  /** The message shown under the control; sets `aria-invalid`. */
  error?: string;
  /** A warning under the control that is not an error (Caps Lock), announced politely. */
  warning?: string;
  /** A state the person may like to know while typing ("Passwords match"), announced politely. */
  status?: { text: string; tone: 'ok' | 'bad' };
  /** A control inside the field's end edge (the password's show/hide). */
  trailing?: TemplateResult;
  /** Content under the messages (a suggestion button). */
  after?: TemplateResult | typeof nothing;
  onInput?: (e: Event) => void;
  onChange?: (e: Event) => void;
  onKey?: (e: KeyboardEvent) => void;
  onBlur?: (e: FocusEvent) => void;
}

export function field(o: FieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const warningId = `${o.id}-warning`;
  const statusId = `${o.id}-status`;
  const describedBy = [o.describedBy, o.hint ? hintId : '', o.error ? errorId : '', o.warning ? warningId : '', o.status ? statusId : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="ae-field" data-field=${o.name}>
    <label class="ae-label" for=${o.id}
      >${o.label}${o.optional
        ? html` <span class="ae-optional"
              >${msg('(optional)', { id: 'field.optional', desc: 'After the label of a field that may be left empty.' })}</span
            >`
        : nothing}</label
    >
    ${o.hint ? html`<p class="ae-hint" id=${hintId}>${o.hint}</p>` : nothing}
    <div class="ae-control">
      <input
        class="ae-input"
        id=${o.id}
        name=${o.name}
        type=${o.type}
        autocomplete=${o.autocomplete}
        inputmode=${o.inputmode ?? nothing}
        spellcheck="false"
        autocapitalize=${o.autocapitalize ?? 'off'}
        ?required=${!o.optional}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${o.onInput ?? nothing}
        @change=${o.onChange ?? nothing}
        @keydown=${o.onKey ?? nothing}
        @keyup=${o.onKey ?? nothing}
        @blur=${o.onBlur ?? nothing}
      />
      ${o.trailing ?? nothing}
    </div>
    ${o.error ? html`<p class="ae-error" id=${errorId}>${icon('alert')}<span>${o.error}</span></p>` : nothing}
    <p class="ae-warning" id=${warningId} role="status" ?hidden=${!o.warning}>
      ${o.warning ? html`${icon('alert')}<span>${o.warning}</span>` : nothing}
    </p>
    <p class="ae-status" id=${statusId} role="status" data-tone=${o.status?.tone ?? nothing} ?hidden=${!o.status}>
      ${o.status ? html`${icon(o.status.tone === 'ok' ? 'check' : 'alert')}<span>${o.status.text}</span>` : nothing}
    </p>
    ${o.after ?? nothing}
  </div>`;
}

/** "Caps Lock is on", the same words under every password field. */
export function capsLockText(): string {
  return msg('Caps Lock is on', { id: 'password.capsLock', desc: 'Warning under a password field while Caps Lock is on.' });
}

/**
 * The password's show/hide: an icon button inside the field's end edge, so the field keeps its width on a
 * phone. Its name says what a press will do (and changes with the state, which a screen reader announces as
 * the new name of the focused button); `aria-controls` names every field it reveals.
 */
export function revealButton(revealed: boolean, controls: string, onClick: () => void): TemplateResult {
  const label = revealed
    ? msg('Hide password', { id: 'password.hide', desc: 'Button that hides the password again after it was shown as text.' })
    : msg('Show password', { id: 'password.show', desc: 'Button that shows the typed password as text.' });
  return html`<button
    class="ae-button ae-reveal"
    type="button"
    aria-label=${label}
    title=${label}
    aria-controls=${controls}
    @click=${onClick}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"></path>
      <circle cx="12" cy="12" r="3"></circle>
      ${revealed ? nothing : svg`<path d="M4 4l16 16"></path>`}
    </svg>
  </button>`;
}

/**
 * The submit button: its progress inside itself (a spinner and the pending text), at the width of the longer of
 * its two texts, so nothing moves when it is pressed. `aria-disabled` rather than `disabled` while pending, so
 * the button keeps focus and a screen reader hears the new text.
 */
export function submitButton(pending: boolean, disabled: boolean, label: string, pendingLabel: string): TemplateResult {
  return html`<button class="ae-button ae-submit" type="submit" aria-disabled=${pending || disabled ? 'true' : 'false'}>
    <span class="ae-submit-text" ?data-off=${pending} aria-hidden=${pending ? 'true' : nothing}>${label}</span>
    <span class="ae-submit-text" ?data-off=${!pending} aria-hidden=${pending ? nothing : 'true'}
      ><span class="ae-spinner" aria-hidden="true"></span>${pendingLabel}</span
    >
  </button>`;
}

/** The small icons in front of messages (decorative: the text says it all). */
export function icon(name: 'alert' | 'check'): TemplateResult {
  return html`<svg class="ae-icon" viewBox="0 0 16 16" aria-hidden="true">
    ${name === 'check'
      ? svg`<path d="M3.5 8.5l3 3 6-7"></path>`
      : svg`<circle cx="8" cy="8" r="6.25"></circle><path d="M8 4.75v4"></path><path d="M8 11.25v.01"></path>`}
  </svg>`;
}
