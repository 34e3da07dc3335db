import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { SUPPORT_TOPICS } from '../../adapter/support-types.js';
import type { SupportTopic } from '../../adapter/support-types.js';
import type { ValidationIssue } from '../../validation/validate.js';
import * as t from './support-texts.js';

/** The e-mail rule's chunk (support-validation.ts). */
export type SupportValidation = typeof import('./support-validation.js');

/** The topic buttons that start a conversation. */
export function topicPicker(v: { starting?: SupportTopic; alert: TemplateResult | typeof nothing; onTopic: (t: SupportTopic) => void }): TemplateResult {
  return html`<h3 part="heading" tabindex="-1">${t.topicsHeading()}</h3>
    ${v.alert}
    <ul part="topics">
      ${SUPPORT_TOPICS.map(
        (topic) => html`<li>
          <button part="topic" type="button" data-topic=${topic} aria-disabled=${v.starting ? 'true' : 'false'} @click=${() => !v.starting && v.onTopic(topic)}>
            ${topic === v.starting ? t.startingText() : t.topicText(topic)}
          </button>
        </li>`,
      )}
    </ul>`;
}

function emailField(value: string, issue: ValidationIssue | undefined, rule: SupportValidation | undefined, onInput: (e: Event) => void): TemplateResult {
  return html`<label part="label" for="support-email">${t.emailLabel()}</label>
    <p part="field-hint" id="support-email-hint">${t.emailHint()}</p>
    <input
      part="input"
      id="support-email"
      name="email"
      type="email"
      autocomplete="email"
      inputmode="email"
      autocapitalize="off"
      spellcheck="false"
      required
      .value=${value}
      aria-invalid=${issue ? 'true' : 'false'}
      aria-describedby=${issue ? 'support-email-hint support-email-error' : 'support-email-hint'}
      @input=${onInput}
    />
    ${issue && rule ? html`<p part="field-error" id="support-email-error">${rule.validationMessage(issue, 'email')}</p>` : nothing}`;
}

/** The address of a person who is not signed in, before the conversation starts. */
export function emailStep(v: {
  value: string;
  issue?: ValidationIssue;
  rule?: SupportValidation;
  starting: boolean;
  alert: TemplateResult | typeof nothing;
  onInput: (e: Event) => void;
  onSubmit: (e: Event) => void;
  onBack: () => void;
}): TemplateResult {
  return html`<h3 part="heading" tabindex="-1">${t.emailHeading()}</h3>
    ${v.alert}
    <form part="form" novalidate @submit=${v.onSubmit}>
      ${emailField(v.value, v.issue, v.rule, v.onInput)}
      <div class="buttons">
        <button part="submit" type="submit" aria-disabled=${v.starting ? 'true' : 'false'}>${v.starting ? t.startingText() : t.continueText()}</button>
        <button part="back" type="button" @click=${v.onBack}>${t.backText()}</button>
      </div>
    </form>`;
}

/** The question left for a reply by letter while no operator works. */
export function offlineForm(v: {
  signedIn: boolean;
  email: string;
  emailIssue?: ValidationIssue;
  rule?: SupportValidation;
  question: string;
  questionMissing: boolean;
  sending: boolean;
  failure?: string;
  onEmailInput: (e: Event) => void;
  onQuestionInput: (e: Event) => void;
  onSubmit: (e: Event) => void;
  onBack: () => void;
}): TemplateResult {
  return html`<h3 part="heading" tabindex="-1">${t.offlineHeading()}</h3>
    <p part="intro">${t.offlineIntro()}</p>
    ${v.failure ? html`<p part="alert" role="alert">${v.failure}</p>` : nothing}
    <form part="form" novalidate @submit=${v.onSubmit}>
      ${v.signedIn ? nothing : emailField(v.email, v.emailIssue, v.rule, v.onEmailInput)}
      <label part="label" for="support-question">${t.questionLabel()}</label>
      <textarea
        part="input"
        id="support-question"
        name="question"
        rows="4"
        required
        .value=${v.question}
        aria-invalid=${v.questionMissing ? 'true' : 'false'}
        aria-describedby=${v.questionMissing ? 'support-question-error' : nothing}
        @input=${v.onQuestionInput}
      ></textarea>
      ${v.questionMissing ? html`<p part="field-error" id="support-question-error">${t.questionRequiredText()}</p>` : nothing}
      <div class="buttons">
        <button part="submit" type="submit" aria-disabled=${v.sending ? 'true' : 'false'}>${v.sending ? t.sendingQuestionText() : t.sendQuestionText()}</button>
        <button part="back" type="button" @click=${v.onBack}>${t.backText()}</button>
      </div>
    </form>`;
}

/** After the offline question was sent. */
export function offlineDone(v: { signedIn: boolean; email: string; ticket: string; onBack: () => void }): TemplateResult {
  return html`<h3 part="heading" tabindex="-1">${t.offlineDoneHeading()}</h3>
    <p part="notice">${v.signedIn ? t.offlineDoneSignedInText(v.ticket) : t.offlineDoneText(v.email, v.ticket)}</p>
    <div class="buttons"><button part="back" type="button" @click=${v.onBack}>${t.backText()}</button></div>`;
}
