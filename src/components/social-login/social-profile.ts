import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { field, submitButton } from '../../internal/field.js';
import { NameSuggestions } from '../../internal/name-suggestion.js';
import { failureOf } from '../../internal/failure.js';
import { isAbortError } from '../../adapter/is-abort-error.js';
import type { Failure } from '../../internal/failure.js';
import type { SocialProfile, SocialProfileCompletion, SocialProvider } from '../../adapter/social-types.js';
import type { TranslitSystem } from '../../translit/translit.js';
import type { ValidationIssue } from '../../validation/validate.js';
import { getLocale } from '../../locales/localization.js';
import { msg } from '@lit/localize/init/install.js';
import * as t from './social-texts.js';

type Validation = typeof import('../register/register-validation.js');
let validationModule: Promise<Validation> | undefined;
/** The registration's own rules, messages and transliteration: the very chunk `<ae-register>` loads. */
export function loadValidation(): Promise<Validation> {
  return (validationModule ??= import('../register/register-validation.js').catch((e: unknown) => {
    validationModule = undefined;
    throw e;
  }));
}

type Name = 'firstName' | 'lastName';
type Field = 'email' | Name;
const NAMES: readonly Name[] = ['firstName', 'lastName'];

/** What the element gives the profile form. */
export interface ProfileHost extends ReactiveControllerHost, HTMLElement {
  readonly fieldPrefix: string;
  readonly translitSystem: TranslitSystem | undefined;
  readonly formDisabled: boolean;
  /** Sends the form (the element calls the adapter and handles the answer). */
  sendProfile(values: { email: string; firstName: string; lastName: string }): Promise<SocialProfileCompletion>;
  /** The answer of a successful send. */
  profileDone(result: SocialProfileCompletion, typedEmail: string): void;
  /** A failure the form does not place on a field (an expired token…). */
  profileFailed(failure: Failure): void;
  startOver(): void;
}

/**
 * The profile form of a new person after a social sign-in (`profile_required`): the registration's own rules
 * and field anatomy. The e-mail field appears when the provider gave no address or does not vouch for it;
 * the names arrive as the provider gave them, and a Cyrillic name ("Юлия Щерева") comes with the one-click
 * passport spelling to accept ("Use “Yulia Shtereva”" in bg, "Iuliia Shchereva" in ru), never put in by itself.
 */
export class ProfileForm {
  private readonly host: ProfileHost;
  private readonly suggestions: NameSuggestions<Name>;
  private v?: Validation;
  private values: Record<Field, string> = { email: '', firstName: '', lastName: '' };
  private shown = new Set<Field>();
  private serverIssues: Partial<Record<Field, ValidationIssue>> = {};
  private pending = false;
  private failure?: Failure;
  private provider: SocialProvider = 'vk';
  private profile?: SocialProfile;
  private filled = false;

  constructor(host: ProfileHost) {
    this.host = host;
    this.suggestions = new NameSuggestions<Name>(host);
  }

  /** Starts the form for `profile` (the provider's names and address as they came). */
  open(provider: SocialProvider, profile: SocialProfile): void {
    this.provider = provider;
    this.profile = profile;
    this.values = { email: profile.email ?? '', firstName: profile.firstName, lastName: profile.lastName };
    this.shown = new Set();
    this.serverIssues = {};
    this.failure = undefined;
    this.pending = false;
    this.filled = false;
    void loadValidation().then(
      (v) => {
        this.v = v;
        for (const n of NAMES) this.refine(n);
        this.host.requestUpdate();
      },
      () => {
        this.failure = { code: 'network' };
        this.host.requestUpdate();
      },
    );
  }

  /** The provider vouched for its address: no field, the address is shown. */
  private get emailFixed(): boolean {
    return !!this.profile?.email && this.profile.emailVerified;
  }

  private issueFor(f: Field): ValidationIssue | undefined {
    if (this.serverIssues[f]) return this.serverIssues[f];
    const v = this.v;
    if (!v) return undefined;
    if (f === 'email' && this.emailFixed) return undefined;
    const system = v.pickSystem(this.values[f], this.host.translitSystem, getLocale());
    return v.validateRegistrationField(f, this.values, { translit: system });
  }

  private visibleIssue(f: Field): ValidationIssue | undefined {
    const issue = this.issueFor(f);
    if (!issue) return undefined;
    // The provider's Cyrillic name is pointed out at once, with its Latin spelling to accept.
    if (this.shown.has(f) || this.serverIssues[f] || issue.code === 'name.cyrillic' || issue.code === 'name.latinOnly') return issue;
    return undefined;
  }

  private suggestion(n: Name): string | undefined {
    return this.suggestions.suggestion(n, this.values[n], this.issueFor(n), this.v, this.host.translitSystem);
  }

  private refine(n: Name): void {
    if (!this.v) return;
    this.suggestions.refine(n, this.values[n], this.issueFor(n), this.v, this.host.translitSystem, () => this.values[n]);
  }

  private input(f: Field): HTMLInputElement | null {
    return this.host.querySelector<HTMLInputElement>(`form.ae-social-profile input[name="${f}"]`);
  }

  /** The prefilled values go into the inputs once, after the first render of the form. */
  afterRender(): void {
    if (this.filled) return;
    const inputs = (['email', 'firstName', 'lastName'] as const).map((f) => [f, this.input(f)] as const);
    if (!inputs.some(([, i]) => i)) return;
    for (const [f, i] of inputs) if (i && !i.value) i.value = this.values[f];
    this.filled = true;
  }

  private readonly onInput = (e: Event): void => {
    const i = e.target as HTMLInputElement;
    const f = i.name as Field;
    if (!(f in this.values)) return;
    this.values = { ...this.values, [f]: i.value };
    if (this.serverIssues[f]) {
      const { [f]: _gone, ...rest } = this.serverIssues;
      this.serverIssues = rest;
    }
    if (f !== 'email') this.refine(f);
    this.host.requestUpdate();
  };

  private readonly onChange = (e: Event): void => {
    const f = (e.target as HTMLInputElement).name as Field;
    if (f in this.values && !this.shown.has(f)) {
      this.shown = new Set(this.shown).add(f);
      this.host.requestUpdate();
    }
  };

  private apply(n: Name, value: string, focus: boolean): void {
    const i = this.input(n);
    if (i) i.value = value;
    this.values = { ...this.values, [n]: value };
    this.shown = new Set(this.shown).add(n);
    if (focus) i?.focus();
  }

  private useBoth(first: string, last: string): void {
    this.apply('firstName', first, false);
    this.apply('lastName', last, false);
    this.host.requestUpdate();
    // The button goes away with the suggestion: focus moves to the next thing to do.
    void this.host.updateComplete.then(() => this.host.querySelector<HTMLElement>('form.ae-social-profile .ae-submit')?.focus());
  }

  private readonly onSubmit = async (e: Event): Promise<void> => {
    e.preventDefault();
    if (this.pending || this.host.formDisabled) return;
    try {
      this.v ??= await loadValidation();
    } catch {
      this.failure = { code: 'network' };
      this.host.requestUpdate();
      return;
    }
    const fields: Field[] = this.emailFixed ? [...NAMES] : ['email', ...NAMES];
    this.shown = new Set(fields);
    this.failure = undefined;
    const invalid = fields.find((f) => this.issueFor(f));
    this.host.requestUpdate();
    if (invalid) {
      await this.host.updateComplete;
      this.input(invalid)?.focus();
      return;
    }
    const email = (this.emailFixed ? this.profile?.email ?? '' : this.values.email).trim();
    const values = { email, firstName: this.values.firstName.trim(), lastName: this.values.lastName.trim() };
    this.pending = true;
    this.host.requestUpdate();
    try {
      const result = await this.host.sendProfile(values);
      this.pending = false;
      this.host.profileDone(result, email);
    } catch (err) {
      this.pending = false;
      // Aborted by the element (removed from the page, or the person started over): nothing to show.
      if (isAbortError(err)) return;
      const failure = failureOf(err);
      const placed: Partial<Record<Field, ValidationIssue>> = {};
      for (const [f, code] of Object.entries(failure.fieldErrors ?? {})) if (f in this.values) placed[f as Field] = { code };
      if (failure.code === 'email_taken' && !this.emailFixed) placed.email = { code: 'email.taken' };
      const first = (Object.keys(placed) as Field[])[0];
      if (first) {
        this.serverIssues = { ...this.serverIssues, ...placed };
        this.host.requestUpdate();
        await this.host.updateComplete;
        this.input(first)?.focus();
        return;
      }
      if (failure.code === 'token_invalid' || failure.code === 'token_expired' || failure.code === 'state_mismatch') {
        this.host.profileFailed(failure);
        return;
      }
      this.failure = failure;
      this.host.requestUpdate();
      await this.host.updateComplete;
      this.host.querySelector<HTMLElement>('form.ae-social-profile .ae-banner')?.focus();
    }
  };

  private label(f: Field): string {
    switch (f) {
      case 'email':
        return msg('E-mail', { id: 'register.email.label', desc: 'Label of the e-mail field.' });
      case 'firstName':
        return msg('First name', { id: 'register.firstName.label', desc: 'Label of the first (given) name field.' });
      default:
        return msg('Last name', { id: 'register.lastName.label', desc: 'Label of the last (family) name field.' });
    }
  }

  private renderField(f: Field, autocomplete: string, extra: { hint?: string; describedBy?: string } = {}): TemplateResult {
    const issue = this.visibleIssue(f);
    const id = `${this.host.fieldPrefix}-${f}`;
    const suggestion = f !== 'email' ? this.suggestion(f) : undefined;
    const bothOffered = this.bothSuggestion();
    return field({
      id,
      name: f,
      label: this.label(f),
      type: f === 'email' ? 'email' : 'text',
      autocomplete,
      ...(f === 'email' ? { inputmode: 'email' } : { autocapitalize: 'words' }),
      ...(extra.hint ? { hint: extra.hint } : {}),
      ...(extra.describedBy ? { describedBy: extra.describedBy } : {}),
      ...(issue && this.v ? { error: this.v.validationMessage(issue, f) } : {}),
      after:
        suggestion && !bothOffered
          ? html`<button class="ae-button ae-suggest" type="button" @click=${() => this.applyOne(f as Name, suggestion)}>
              ${t.useOneText(suggestion)}
            </button>`
          : nothing,
      onInput: this.onInput,
      onChange: this.onChange,
    });
  }

  private applyOne(n: Name, value: string): void {
    this.apply(n, value, true);
    this.host.requestUpdate();
  }

  /** Both names Cyrillic (a VK profile): one button for the pair. */
  private bothSuggestion(): { first: string; last: string } | undefined {
    const first = this.suggestion('firstName');
    const last = this.suggestion('lastName');
    return first && last ? { first, last } : undefined;
  }

  render(): TemplateResult {
    const names = `${this.host.fieldPrefix}-names-hint`;
    const both = this.bothSuggestion();
    const profile = this.profile;
    const fixed = this.emailFixed;
    const failure = this.failure;
    return html`<form
      class="ae-form ae-social-profile"
      method="post"
      novalidate
      aria-labelledby=${`${this.host.fieldPrefix}-profile-title`}
      aria-busy=${this.pending ? 'true' : 'false'}
      @submit=${this.onSubmit}
    >
      <h3 class="ae-social-heading" id=${`${this.host.fieldPrefix}-profile-title`} tabindex="-1">${t.profileTitle()}</h3>
      <p class="ae-note ae-social-intro">${t.profileIntro(this.provider)}</p>
      ${failure
        ? html`<div class="ae-banner" role="alert" tabindex="-1">
            <p>${t.errorText(failure.code, this.provider)}</p>
            <button class="ae-button" type="submit">${t.tryAgainText()}</button>
          </div>`
        : nothing}
      <fieldset class="ae-fieldset" ?disabled=${this.host.formDisabled}>
        ${fixed && profile?.email
          ? html`<p class="ae-social-verified">${t.profileEmailVerified(profile.email, this.provider)}</p>`
          : this.renderField('email', 'email', { hint: t.profileEmailHint(this.provider, !!profile?.email) })}
        <fieldset class="ae-group" aria-describedby=${names}>
          <legend class="ae-legend">
            ${msg('Name in Latin letters, as in your foreign passport', {
              id: 'register.names.legend',
              desc: 'Legend over the first and last name fields: both are typed in Latin letters, as in the passport for travel abroad.',
            })}
          </legend>
          <p class="ae-hint" id=${names}>
            ${msg('Sellers abroad may not read Cyrillic.', {
              id: 'register.names.why',
              desc: 'Hint under the name legend: why the names are typed in Latin letters.',
            })}
          </p>
          <div class="ae-row">
            ${this.renderField('firstName', 'given-name', { describedBy: names })}
            ${this.renderField('lastName', 'family-name', { describedBy: names })}
          </div>
          ${both
            ? html`<button class="ae-button ae-suggest ae-suggest-both" type="button" @click=${() => this.useBoth(both.first, both.last)}>
                ${t.useBothText(both.first, both.last)}
              </button>`
            : nothing}
        </fieldset>
      </fieldset>
      ${submitButton(this.pending, this.host.formDisabled, t.profileSubmit(), t.profileSubmitting())}
      <p class="ae-note">
        <button class="ae-link" type="button" @click=${() => this.host.startOver()}>${t.startOverText()}</button>
      </p>
    </form>`;
  }
}
