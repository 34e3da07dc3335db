import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import type { AccountProfile, AccountSession } from '../../../adapter/account-types.js';
import type { AuthAdapter } from '../../../adapter/types.js';
import { failureOf } from '../../../internal/failure.js';
import type { Failure } from '../../../internal/failure.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, actionFailureText, resourceView } from '../section-states.js';
import { dateText } from '../formats.js';
import { ProfileForms } from './profile-forms.js';

/** `<ae-social-login view="linked">` (the social sign-in's element): its own chunk, loaded with this section. */
let socialModule: Promise<unknown> | undefined;
function loadSocial(): Promise<unknown> {
  if (customElements.get('ae-social-login')) return Promise.resolve();
  return (socialModule ??= import('../../../define/ae-social-login.js').catch((e: unknown) => {
    socialModule = undefined;
    throw e;
  }));
}

/**
 * "Profile and security": the names, the e-mail change and the password change (forms in the light DOM, see
 * profile-forms.ts), the linked social accounts (`<ae-social-login view="linked">`), the active sessions with
 * "Sign out of all other devices", and "Sign out".
 */
class ProfileView extends SectionView {
  private readonly profile: Resource<AccountProfile>;
  private readonly sessions: Resource<AccountSession[]>;
  private readonly forms: ProfileForms;
  private socialReady = false;
  private socialFailed = false;
  private busy?: string;
  private actionFailure?: Failure;
  /** Which action failed: its message shows beside its button (the sessions' above the list, "Sign out" under it). */
  private failedAction?: string;
  /** The session action in flight: aborted when the section is left or the panel removed. */
  private actionController?: AbortController;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.forms = new ProfileForms(ctx);
    this.profile = new Resource(ctx.host, async (signal) => {
      const p = await (await ctx.account('getProfile')).getProfile({ signal });
      this.forms.fill(p);
      return p;
    });
    this.sessions = new Resource(ctx.host, async (signal) => (await ctx.account('listSessions')).listSessions({ signal }));
  }

  show(): void {
    void this.profile.load(true);
    void this.sessions.load(true);
    if (!this.socialReady)
      loadSocial().then(
        () => {
          this.socialReady = true;
          this.ctx.host.requestUpdate();
        },
        () => {
          this.socialFailed = true;
          this.ctx.host.requestUpdate();
        },
      );
  }

  override hide(): void {
    this.profile.abort();
    this.sessions.abort();
    this.forms.abort();
    this.forms.clearPasswords();
    this.actionController?.abort();
    this.actionController = undefined;
    this.busy = undefined;
  }

  private async act(what: string, run: (signal: AbortSignal) => Promise<unknown>): Promise<void> {
    if (this.busy) return;
    this.busy = what;
    this.actionFailure = undefined;
    this.ctx.host.requestUpdate();
    const controller = (this.actionController = new AbortController());
    try {
      await run(controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) {
        this.actionFailure = failureOf(error);
        this.failedAction = what;
      }
    } finally {
      // Left or removed meanwhile: nothing to show (and nothing to update).
      if (!controller.signal.aborted) {
        this.actionController = undefined;
        this.busy = undefined;
        this.ctx.host.requestUpdate();
      }
    }
  }

  private signOutOthers(): Promise<void> {
    return this.act('others', async (signal) => {
      await (await this.ctx.account('signOutOtherSessions')).signOutOtherSessions({ signal });
      if (signal.aborted) return;
      this.ctx.announce(msg('You are signed out on every other device.', { id: 'account.sessions.othersEnded', desc: 'Announced after "Sign out of all other devices".' }));
      await this.sessions.load(true);
    });
  }

  private endOne(s: AccountSession): Promise<void> {
    return this.act(s.id, async (signal) => {
      await (await this.ctx.account('endSession')).endSession(s.id, { signal });
      if (signal.aborted) return;
      await this.sessions.load(true);
    });
  }

  private renderSessions(list: AccountSession[]): TemplateResult {
    const locale = this.ctx.locale();
    const others = list.filter((s) => !s.current);
    return html`<ul class="list" role="list">
        ${list.map(
          (s) => html`<li class="card row session" data-session=${s.id} data-current=${s.current ? 'true' : 'false'}>
            <span>
              <span class="session-device"
                >${s.device ?? msg('Unknown device', { id: 'account.sessions.unknownDevice', desc: 'A session whose device did not say what it is.' })}</span
              >
              ${s.current ? html`<span class="badge">${msg('This device', { id: 'account.sessions.current', desc: 'Badge on the session of the device in use.' })}</span>` : nothing}
              <br /><span class="muted"
                >${msg('Signed in', { id: 'account.sessions.since', desc: 'Before the date a session started.' })}
                ${dateText(s.createdAt, locale, true)}</span
              >
            </span>
            ${s.current
              ? nothing
              : html`<button type="button" class="button end" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.endOne(s)}>
                  ${msg('Sign out there', { id: 'account.sessions.end', desc: 'Button that ends one other session.' })}
                </button>`}
          </li>`,
        )}
      </ul>
      ${others.length
        ? html`<button type="button" class="button others" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.signOutOthers()}>
            ${msg('Sign out of all other devices', { id: 'account.profile.signOutOthers', desc: 'Checkbox under the new password (glossary).' })}
          </button>`
        : html`<p class="muted">${msg('You are signed in on this device only.', { id: 'account.sessions.onlyThis', desc: 'No other active sessions.' })}</p>`}`;
  }

  private renderActionFailure(failure: Failure): TemplateResult {
    return html`<div class="error action-error" role="alert"><p>${actionFailureText(failure)}</p></div>`;
  }

  render(): TemplateResult {
    return html`<div class="profile">
      ${resourceView(this.profile, {
        rows: 2,
        ready: (p) => html`<p class="muted">
          ${msg('Member since', { id: 'account.profile.since', desc: 'Before the date the profile was created.' })} ${dateText(p.createdAt, this.ctx.locale())}
        </p>`,
      })}
      <slot name="light"></slot>
      <section class="block" aria-labelledby="social-title">
        <h3 id="social-title">${msg('Linked accounts', { id: 'account.social.title', desc: 'Heading of the linked social accounts (VK, Google, Facebook).' })}</h3>
        ${this.socialFailed
          ? html`<p class="muted">
              ${msg('Linked accounts come with social sign-in, which this page does not offer yet.', {
                id: 'account.social.placeholder',
                desc: 'Shown when the social sign-in part is not available on the page.',
              })}
            </p>`
          : this.socialReady
            ? html`<ae-social-login view="linked" .adapter=${this.ctx.adapter as AuthAdapter | undefined} endpoint=${this.ctx.endpoint ?? nothing}></ae-social-login>`
            : nothing}
      </section>
      <section class="block" aria-labelledby="sessions-title">
        <h3 id="sessions-title">${msg('Active sessions', { id: 'account.sessions.title', desc: 'Heading of the list of devices where the profile is signed in.' })}</h3>
        ${this.actionFailure && this.failedAction !== 'signOut' ? this.renderActionFailure(this.actionFailure) : nothing}
        ${resourceView(this.sessions, { rows: 2, ready: (l) => this.renderSessions(l) })}
      </section>
      <div class="sign-out-block">
        <button type="button" class="button sign-out" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.act('signOut', () => this.ctx.signOut())}>
          ${msg('Sign out', { id: 'account.signOut', desc: 'Button that signs out of the profile on this device (glossary).' })}
        </button>
        ${this.actionFailure && this.failedAction === 'signOut' ? this.renderActionFailure(this.actionFailure) : nothing}
      </div>
    </div>`;
  }

  override renderLight(): TemplateResult {
    return this.forms.render();
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new ProfileView(ctx);
}

export const styles = css`
  .profile,
  .block {
    display: grid;
    gap: var(--_s3);
  }
  .profile {
    gap: var(--_s5);
  }
  .sign-out-block {
    display: grid;
    gap: var(--_s3);
    justify-items: start;
  }
  .session-device {
    font-weight: 600;
  }
`;
