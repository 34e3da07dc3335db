import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { field, revealButton, submitButton } from '../../../internal/field.js';
import type { Failure } from '../../../internal/failure.js';
import { failureOf } from '../../../internal/failure.js';
import { NameSuggestions } from '../../../internal/name-suggestion.js';
import { PressGuard } from '../../../internal/press-guard.js';
import type { ValidationIssue } from '../../../validation/validate.js';
import { validateValue, validateNewPassword } from '../../../validation/validate.js';
import { emailSchema, nameSchema } from '../../../validation/schemas.js';
import { validationMessage } from '../../../validation/messages.js';
import { commonPasswordIssue } from '../../../validation/common-passwords.js';
import { pickSystem } from '../../../translit/pick-system.js';
import { transliterateName } from '../../../translit/translit.js';
import { setSession } from '../../../session/session-store.js';
import type { AccountProfile } from '../../../adapter/account-types.js';
import type { PanelContext } from '../section.js';
import { actionFailureText } from '../section-states.js';

type Form = 'names' | 'email' | 'password';
type FieldName = 'firstName' | 'lastName' | 'newEmail' | 'emailPassword' | 'currentPassword' | 'newPassword' | 'passwordRepeat';

const FIELDS: Record<Form, readonly FieldName[]> = {
  names: ['firstName', 'lastName'],
  email: ['newEmail', 'emailPassword'],
  password: ['currentPassword', 'newPassword', 'passwordRepeat'],
};
const PASSWORDS = new Set<FieldName>(['emailPassword', 'currentPassword', 'newPassword', 'passwordRepeat']);
const TOOLS = { pickSystem, transliterateName };
/** One press guard per panel (a controller stays on its host: a new profile view after a sign-in reuses it). */
const guards = new WeakMap<object, PressGuard>();

function wrongPasswordText(): string {
  return msg('The password is not right', { id: 'account.profile.wrongPassword', desc: 'Error under the current password field when the server refused it.' });
}

/**
 * The forms of "Profile and security", in the panel's light DOM (a password manager fills and saves them):
 * names in Latin letters (the registration's schema and its one-click suggestion), the e-mail change (the
 * password and a confirmation letter to the new address), the password change (the current one, the
 * registration's rules, show/hide). Passwords are never kept after a success or when the section is left.
 */
export class ProfileForms {
  private readonly ctx: PanelContext;
  private readonly suggestions: NameSuggestions<FieldName>;
  /** A message shown on leaving a field waits for a press under way (the button must not move under the pointer). */
  private readonly press: PressGuard;
  private values: Record<FieldName, string> = { firstName: '', lastName: '', newEmail: '', emailPassword: '', currentPassword: '', newPassword: '', passwordRepeat: '' };
  private shown = new Set<FieldName>();
  private server: Partial<Record<FieldName, ValidationIssue | 'wrongPassword'>> = {};
  private pending = new Set<Form>();
  private failure: Partial<Record<Form, Failure>> = {};
  private done: Partial<Record<Form, string>> = {};
  /** The calls in flight, by form: aborted when the section is left or the panel removed. */
  private readonly calls = new Map<Form, AbortController>();
  private revealed = false;
  /** The names the form was filled with (the profile's); typing replaces them. */
  private filledFrom?: string;
  profile?: AccountProfile;

  constructor(ctx: PanelContext) {
    this.ctx = ctx;
    this.suggestions = new NameSuggestions(ctx.host);
    let guard = guards.get(ctx.host);
    if (!guard) guards.set(ctx.host, (guard = new PressGuard(ctx.host)));
    this.press = guard;
  }

  private get host(): HTMLElement {
    return this.ctx.host;
  }

  private input(name: FieldName): HTMLInputElement | null {
    return this.host.querySelector<HTMLInputElement>(`.ae-account-forms input[name="${name}"]`);
  }

  /** The profile's names in the fields (once, and again after a save). */
  fill(profile: AccountProfile): void {
    this.profile = profile;
    const key = `${profile.firstName}|${profile.lastName}`;
    if (this.filledFrom === key) return;
    this.filledFrom = key;
    this.values = { ...this.values, firstName: profile.firstName, lastName: profile.lastName };
    for (const f of ['firstName', 'lastName'] as const) {
      const i = this.input(f);
      if (i) i.value = profile[f];
    }
  }

  /** Forgets every password typed (the section was left, or someone signed out). */
  clearPasswords(): void {
    for (const f of PASSWORDS) {
      this.values[f] = '';
      const i = this.input(f);
      if (i) i.value = '';
    }
    this.revealed = false;
  }

  private localIssue(name: FieldName): ValidationIssue | undefined {
    const v = this.values[name];
    switch (name) {
      case 'firstName':
      case 'lastName':
        return validateValue(nameSchema(pickSystem(v, undefined, this.ctx.locale())), v);
      case 'newEmail':
        return validateValue(emailSchema, v.trim());
      case 'emailPassword':
      case 'currentPassword':
        return v === '' ? { code: 'password.required' } : undefined;
      case 'newPassword':
        return validateNewPassword({ password: v, passwordRepeat: this.values.passwordRepeat }).password;
      case 'passwordRepeat':
        return validateNewPassword({ password: this.values.newPassword, passwordRepeat: v }).passwordRepeat;
    }
  }

  private issue(name: FieldName): ValidationIssue | 'wrongPassword' | undefined {
    return this.server[name] ?? this.localIssue(name);
  }

  private errorText(name: FieldName): string | undefined {
    if (!this.shown.has(name)) return undefined;
    const issue = this.issue(name);
    if (!issue) return undefined;
    if (issue === 'wrongPassword') return wrongPasswordText();
    if (name === 'emailPassword' || name === 'currentPassword') {
      if (issue.code === 'password.required')
        return msg('Enter your current password', { id: 'account.profile.currentRequired', desc: 'Error under the empty current password field.' });
    }
    if (issue.code === 'email.same')
      return msg('This is already your e-mail address', { id: 'account.profile.emailSame', desc: 'Error under the new e-mail field when it is the current address.' });
    if (issue.code === 'password.same')
      return msg('The new password must differ from the current one', { id: 'account.profile.passwordSame', desc: 'Error under the new password when it equals the current one.' });
    return validationMessage(issue, name === 'newPassword' ? 'password' : name);
  }

  private onInput(e: Event): void {
    const i = e.target as HTMLInputElement;
    const name = i.name as FieldName;
    this.values = { ...this.values, [name]: i.value };
    delete this.server[name];
    if (name === 'firstName' || name === 'lastName') {
      this.suggestions.refine(name, i.value, this.localIssue(name), TOOLS, undefined, () => this.values[name]);
    }
    for (const f of Object.keys(this.done) as Form[]) if (FIELDS[f].includes(name)) delete this.done[f];
    this.ctx.host.requestUpdate();
  }

  private onChange(e: Event): void {
    const name = (e.target as HTMLInputElement).name as FieldName;
    this.press.run(() => {
      this.shown.add(name);
      this.ctx.host.requestUpdate();
    });
  }

  private apply(name: FieldName, suggestion: string): void {
    const i = this.input(name);
    if (!i) return;
    i.value = suggestion;
    this.values = { ...this.values, [name]: suggestion };
    this.shown.add(name);
    this.ctx.host.requestUpdate();
    i.focus();
  }

  private async submit(e: Event, form: Form): Promise<void> {
    e.preventDefault();
    if (this.pending.has(form)) return;
    const names = FIELDS[form];
    for (const n of names) this.shown.add(n);
    delete this.failure[form];
    delete this.done[form];
    let bad = names.find((n) => this.issue(n));
    if (!bad && form === 'password') {
      const common = await commonPasswordIssue(this.values.newPassword);
      if (common) {
        this.server.newPassword = common;
        bad = 'newPassword';
      }
    }
    if (bad) {
      this.ctx.host.requestUpdate();
      await this.ctx.host.updateComplete;
      this.input(bad)?.focus();
      return;
    }
    this.pending.add(form);
    this.ctx.host.requestUpdate();
    const controller = new AbortController();
    this.calls.set(form, controller);
    const signal = controller.signal;
    try {
      if (form === 'names') {
        const a = await this.ctx.account('updateProfile');
        const session = await a.updateProfile({ firstName: this.values.firstName.trim(), lastName: this.values.lastName.trim() }, { signal });
        setSession(session);
        if (this.profile) this.fill({ ...this.profile, firstName: session.firstName, lastName: session.lastName });
        this.done.names = msg('Your name is saved.', { id: 'account.profile.namesSaved', desc: 'After the names were changed.' });
      } else if (form === 'email') {
        const a = await this.ctx.account('requestEmailChange');
        const newEmail = this.values.newEmail.trim();
        await a.requestEmailChange({ newEmail, password: this.values.emailPassword }, { signal });
        this.clearPasswords();
        if (this.profile) this.profile = { ...this.profile, pendingEmail: { email: newEmail, expiresAt: Date.now() } };
        this.done.email = msg(str`We sent a letter to ${newEmail}. Open the link in it to confirm the new address; until then you sign in with the current one.`, {
          id: 'account.profile.emailSent',
          desc: 'After an e-mail change was requested; the placeholder is the new address.',
        });
      } else {
        const a = await this.ctx.account('changePassword');
        const others = this.host.querySelector<HTMLInputElement>('.ae-account-forms input[name="signOutOthers"]')?.checked ?? false;
        const r = await a.changePassword({ currentPassword: this.values.currentPassword, newPassword: this.values.newPassword, signOutOthers: others }, { signal });
        const ended = r.endedSessions;
        this.clearPasswords();
        this.shown = new Set([...this.shown].filter((n) => !FIELDS.password.includes(n)));
        this.done.password =
          r.endedSessions > 0
            ? msg(str`Your password is changed. Signed out on other devices: ${ended}.`, {
                id: 'account.profile.passwordChangedOthers',
                desc: 'After the password was changed with "sign out of other devices"; the number of sessions ended follows.',
              })
            : msg('Your password is changed.', { id: 'account.profile.passwordChanged', desc: 'After the password was changed.' });
      }
      this.ctx.announce(this.done[form]!);
    } catch (error) {
      // Left or removed meanwhile: nothing to show (and nothing to update).
      if (signal.aborted) return;
      const f = failureOf(error);
      if (f.code === 'invalid_credentials') {
        const target: FieldName = form === 'email' ? 'emailPassword' : 'currentPassword';
        this.server[target] = 'wrongPassword';
        this.shown.add(target);
      } else if ((f.code === 'validation' || f.code === 'email_taken') && (f.fieldErrors || f.code === 'email_taken')) {
        const map: Record<string, FieldName> = { firstName: 'firstName', lastName: 'lastName', newEmail: 'newEmail', newPassword: 'newPassword' };
        if (f.code === 'email_taken') this.server.newEmail = { code: 'email.taken' };
        for (const [k, code] of Object.entries(f.fieldErrors ?? {})) {
          const target = map[k];
          if (target) this.server[target] = { code };
        }
        if (!names.some((n) => this.server[n])) this.failure[form] = f;
      } else this.failure[form] = f;
      this.ctx.host.requestUpdate();
      await this.ctx.host.updateComplete;
      const bad2 = names.find((n) => this.server[n]);
      if (bad2) this.input(bad2)?.focus();
      else this.host.querySelector<HTMLElement>(`[data-form="${form}"] .ae-banner`)?.focus();
    } finally {
      this.pending.delete(form);
      if (this.calls.get(form) === controller) this.calls.delete(form);
      if (!signal.aborted) this.ctx.host.requestUpdate();
    }
  }

  /** Aborts the calls in flight (the section is left, or the panel removed). */
  abort(): void {
    for (const c of this.calls.values()) c.abort();
    this.calls.clear();
  }

  private field(name: FieldName, label: string, type: string, autocomplete: string, hint?: string): TemplateResult {
    const error = this.errorText(name);
    const issue = this.issue(name);
    const suggestion =
      (name === 'firstName' || name === 'lastName') && this.shown.has(name) && issue && issue !== 'wrongPassword'
        ? this.suggestions.suggestion(name, this.values[name], issue, TOOLS, undefined)
        : undefined;
    const isPassword = PASSWORDS.has(name);
    const tpl = field({
      id: `ae-account-${name}`,
      name,
      label,
      type: isPassword ? (this.revealed ? 'text' : 'password') : type,
      autocomplete,
      hint,
      error,
      trailing:
        name === 'newPassword'
          ? revealButton(this.revealed, 'ae-account-newPassword ae-account-passwordRepeat ae-account-currentPassword', () => {
              this.revealed = !this.revealed;
              this.ctx.host.requestUpdate();
            })
          : undefined,
      after: suggestion
        ? html`<button class="ae-button ae-suggest" type="button" @click=${() => this.apply(name, suggestion)}>
            ${msg(str`Use “${suggestion}”`, {
              id: 'register.suggestion',
              desc: 'Button under a name field that puts the suggested Latin spelling into the field. Use the quotation marks of your language.',
            })}
          </button>`
        : nothing,
      onInput: (e) => this.onInput(e),
      onChange: (e) => this.onChange(e),
    });
    return tpl;
  }

  private banner(form: Form): TemplateResult | typeof nothing {
    const f = this.failure[form];
    if (f) return html`<div class="ae-banner" role="alert" tabindex="-1"><p>${actionFailureText(f)}</p></div>`;
    const d = this.done[form];
    if (d) return html`<div class="ae-notice ae-success" role="status"><p>${d}</p></div>`;
    return nothing;
  }

  render(): TemplateResult {
    const p = this.profile;
    const email = p?.email ?? this.ctx.session.email;
    const pending = p?.pendingEmail?.email ?? '';
    return html`<div class="ae-root ae-account-forms">
      <form class="ae-form" data-form="names" novalidate aria-labelledby="ae-account-names-title" @submit=${(e: Event) => void this.submit(e, 'names')} @pointerdown=${this.press.onPointerDown}>
        <h3 class="ae-account-form-title" id="ae-account-names-title">${msg('Name', { id: 'account.profile.names', desc: 'Heading of the names form in Profile and security.' })}</h3>
        ${this.banner('names')}
        <p class="ae-hint" id="ae-account-names-hint">
          ${msg('Latin letters, as in your passport', { id: 'account.profile.namesHint', desc: 'Hint above the first and last name fields (glossary: as in your passport, Latin letters only).' })}
        </p>
        ${this.field('firstName', msg('First name', { id: 'account.profile.firstName', desc: 'Label of the first name field (glossary).' }), 'text', 'given-name')}
        ${this.field('lastName', msg('Last name', { id: 'account.profile.lastName', desc: 'Label of the last name field (glossary).' }), 'text', 'family-name')}
        ${submitButton(this.pending.has('names'), false, msg('Save name', { id: 'account.profile.saveNames', desc: 'Button that saves the names.' }), msg('Saving…', { id: 'account.profile.saving', desc: 'A save button while the save is under way.' }))}
      </form>

      <form class="ae-form" data-form="email" novalidate aria-labelledby="ae-account-email-title" @submit=${(e: Event) => void this.submit(e, 'email')} @pointerdown=${this.press.onPointerDown}>
        <h3 class="ae-account-form-title" id="ae-account-email-title">${msg('E-mail', { id: 'account.profile.email', desc: 'Heading of the e-mail change form (glossary).' })}</h3>
        <p>${msg(str`Now: ${email}`, { id: 'account.profile.currentEmail', desc: 'The current e-mail address of the profile.' })}</p>
        ${p?.pendingEmail && !this.done.email
          ? html`<p class="ae-note">
              ${msg(str`Waiting for confirmation: ${pending}. Open the link in the letter we sent there.`, {
                id: 'account.profile.pendingEmail',
                desc: 'An e-mail change waiting for its confirmation link; the placeholder is the new address.',
              })}
            </p>`
          : nothing}
        ${this.banner('email')}
        ${this.field('newEmail', msg('New e-mail', { id: 'account.profile.newEmail', desc: 'Label of the new e-mail address field.' }), 'email', 'email')}
        ${p?.hasPassword === false
          ? nothing
          : this.field('emailPassword', msg('Current password', { id: 'account.profile.currentPassword', desc: 'Label of the current password field.' }), 'password', 'current-password', msg('To confirm it is you', { id: 'account.profile.confirmHint', desc: 'Hint under "Current password" in the e-mail change.' }))}
        ${submitButton(this.pending.has('email'), false, msg('Change e-mail', { id: 'account.profile.changeEmail', desc: 'Button that sends the confirmation letter to the new address.' }), msg('Sending…', { id: 'account.profile.sending', desc: 'The e-mail change button while the request is under way.' }))}
      </form>

      <form class="ae-form" data-form="password" novalidate aria-labelledby="ae-account-password-title" @submit=${(e: Event) => void this.submit(e, 'password')} @pointerdown=${this.press.onPointerDown}>
        <h3 class="ae-account-form-title" id="ae-account-password-title">${msg('Password', { id: 'account.profile.password', desc: 'Heading of the password change form (glossary).' })}</h3>
        <input type="text" name="username" autocomplete="username" value=${email} hidden readonly />
        ${this.banner('password')}
        ${p?.hasPassword === false
          ? nothing
          : this.field('currentPassword', msg('Current password', { id: 'account.profile.currentPassword', desc: 'Label of the current password field.' }), 'password', 'current-password')}
        ${this.field('newPassword', msg('New password', { id: 'account.profile.newPassword', desc: 'Label of the new password field (glossary).' }), 'password', 'new-password', msg('At least 8 characters, with a letter and a digit', { id: 'account.profile.passwordHint', desc: 'Hint under the new password: the registration’s rules.' }))}
        ${this.field('passwordRepeat', msg('Repeat the new password', { id: 'account.profile.passwordRepeat', desc: 'Label of the field that repeats the new password.' }), 'password', 'new-password')}
        <label class="ae-check">
          <input type="checkbox" name="signOutOthers" checked />
          <span>${msg('Sign out of all other devices', { id: 'account.profile.signOutOthers', desc: 'Checkbox under the new password (glossary).' })}</span>
        </label>
        ${submitButton(this.pending.has('password'), false, msg('Change password', { id: 'account.profile.changePassword', desc: 'Button that changes the password.' }), msg('Saving…', { id: 'account.profile.saving', desc: 'A save button while the save is under way.' }))}
      </form>
    </div>`;
  }
}
