import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import type { SocialCapability, SocialLink, SocialProvider } from '../../adapter/social-types.js';
import { BRAND_NAMES, brandMark } from './brand-marks.js';
import * as t from './social-texts.js';

/** What the element gives the linked view. */
export interface LinkedHost extends ReactiveControllerHost, HTMLElement {
  readonly providerList: readonly SocialProvider[];
  readonly busy: boolean;
  social(method: 'listSocialLinks' | 'unlinkSocial'): Promise<SocialCapability>;
  /** "Link VK ID": a flow with `intent: 'link'`, started in the press (the popup opens before any await). */
  linkProvider(provider: SocialProvider): void;
  unlinked(provider: SocialProvider): void;
}

/**
 * The `linked` view: the providers linked to the signed-in profile, each with "Unlink", and the others with
 * "Link". The last way to sign in cannot be unlinked: the backend refuses (`last_sign_in_method`) and the
 * row says why.
 */
export class LinkedView {
  private readonly host: LinkedHost;
  links?: SocialLink[];
  private loading = false;
  private failure?: Failure;
  private signedOut = false;
  private working?: SocialProvider;
  private rowError?: { provider: SocialProvider; failure: Failure };
  private status?: string;
  private controller?: AbortController;
  /** The unlink in flight (aborted when the element is removed). */
  private unlinkController?: AbortController;

  constructor(host: LinkedHost) {
    this.host = host;
  }

  async load(): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.loading = true;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const api = await this.host.social('listSocialLinks');
      this.links = await api.listSocialLinks({ signal: controller.signal });
      this.signedOut = false;
    } catch (err) {
      if (controller.signal.aborted) return;
      const f = failureOf(err);
      if (f.code === 'forbidden' || f.code === 'reauth_required') this.signedOut = true;
      else this.failure = f;
    } finally {
      if (this.controller === controller) this.loading = false;
      // Removed (stop) or reloaded meanwhile: no update of the removed element.
      if (!controller.signal.aborted) this.host.requestUpdate();
    }
  }

  stop(): void {
    this.controller?.abort();
    this.unlinkController?.abort();
  }

  /** After a flow with `intent: 'link'` finished. */
  linked(provider: SocialProvider, links: SocialLink[]): void {
    this.links = links;
    this.rowError = undefined;
    this.status = t.linkedDoneText(provider);
    this.host.requestUpdate();
  }

  private async unlink(provider: SocialProvider): Promise<void> {
    if (this.working || this.host.busy) return;
    this.working = provider;
    this.rowError = undefined;
    this.status = undefined;
    this.host.requestUpdate();
    const controller = (this.unlinkController = new AbortController());
    try {
      const api = await this.host.social('unlinkSocial');
      this.links = await api.unlinkSocial(provider, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.status = t.unlinkedText(provider);
      this.host.unlinked(provider);
      this.host.requestUpdate();
      await this.host.updateComplete;
      // The row's button changed from "Unlink" to "Link": focus stays on that row's button.
      this.host.querySelector<HTMLElement>(`.ae-social-link[data-provider="${provider}"] .ae-button`)?.focus();
    } catch (err) {
      if (controller.signal.aborted) return;
      const failure = failureOf(err);
      if (failure.code === 'forbidden') this.signedOut = true;
      else this.rowError = { provider, failure };
    } finally {
      if (this.unlinkController === controller) this.unlinkController = undefined;
      this.working = undefined;
      if (!controller.signal.aborted) this.host.requestUpdate();
    }
  }

  private rowErrorText(provider: SocialProvider, f: Failure): string {
    return f.code === 'last_sign_in_method' ? t.lastMethodText(provider) : t.errorText(f.code, provider);
  }

  render(uid: string): TemplateResult {
    const title = `${uid}-linked-title`;
    const heading = html`<h3 class="ae-social-heading" id=${title} tabindex="-1">${t.linkedTitle()}</h3>`;
    if (this.signedOut) return html`<section class="ae-social" aria-labelledby=${title}>${heading}<p class="ae-note">${t.signedOutText()}</p></section>`;
    const links = this.links;
    return html`<section class="ae-social ae-social-linked" aria-labelledby=${title} aria-busy=${this.loading ? 'true' : 'false'}>
      ${heading}
      <p class="ae-social-privacy">${t.linkedIntro()}</p>
      ${this.failure
        ? html`<div class="ae-banner" role="alert" tabindex="-1">
            <p>${t.errorText(this.failure.code, this.host.providerList[0] ?? 'vk')}</p>
            <button class="ae-button" type="button" @click=${() => void this.load()}>${t.tryAgainText()}</button>
          </div>`
        : nothing}
      ${!links
        ? html`<p class="ae-social-status" role="status">${this.loading ? t.loadingText() : ''}</p>`
        : html`<ul class="ae-social-links">
            ${this.host.providerList.map((provider) => {
              const link = links.find((l) => l.provider === provider);
              const err = this.rowError?.provider === provider ? this.rowError.failure : undefined;
              const errId = `${uid}-row-${provider}-error`;
              const busy = this.working === provider || this.host.busy;
              return html`<li class="ae-social-link" data-provider=${provider}>
                ${brandMark(provider)}
                <p class="ae-social-link-name">
                  <span>${BRAND_NAMES[provider]}</span>
                  <small>${link ? t.linkedAsText(link.displayName) : t.notLinkedText()}</small>
                </p>
                ${link
                  ? html`<button
                      class="ae-button"
                      type="button"
                      aria-disabled=${busy ? 'true' : 'false'}
                      aria-describedby=${err ? errId : nothing}
                      @click=${() => void this.unlink(provider)}
                    >
                      ${t.unlinkText(provider)}
                    </button>`
                  : html`<button
                      class="ae-button"
                      type="button"
                      aria-disabled=${busy ? 'true' : 'false'}
                      @click=${() => this.host.linkProvider(provider)}
                    >
                      ${t.linkButtonText(provider)}
                    </button>`}
                ${err ? html`<p class="ae-error" id=${errId} role="alert">${this.rowErrorText(provider, err)}</p>` : nothing}
              </li>`;
            })}
          </ul>`}
      <p class="ae-social-status" role="status">${this.status ?? ''}</p>
    </section>`;
  }
}
