import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import type { AuthAdapter } from '../../../adapter/types.js';
import { failureOf } from '../../../internal/failure.js';
import type { Failure } from '../../../internal/failure.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { errorState, skeleton } from '../section-states.js';

/**
 * The sections that embed another element of the library: "Location and currency" (`<ae-preferences>`) and
 * "Shipping addresses" (`<ae-address-form>`). Each element comes in its own chunk, loaded when its section is
 * opened, and lives in the panel's light DOM (its fields are for autofill), slotted into the section.
 */
class EmbedView extends SectionView {
  private ready = false;
  private failure?: Failure;
  private readonly load: () => Promise<unknown>;
  private readonly element: (ctx: PanelContext) => TemplateResult;
  private readonly intro: () => string;

  constructor(ctx: PanelContext, load: () => Promise<unknown>, element: (ctx: PanelContext) => TemplateResult, intro: () => string) {
    super(ctx);
    this.load = load;
    this.element = element;
    this.intro = intro;
  }

  show(): void {
    if (this.ready) return;
    this.failure = undefined;
    this.load().then(
      () => {
        this.ready = true;
        this.ctx.host.requestUpdate();
      },
      (error: unknown) => {
        this.failure = failureOf(error);
        this.ctx.host.requestUpdate();
      },
    );
  }

  render(): TemplateResult {
    return html`<p class="muted">${this.intro()}</p>
      ${this.failure
        ? errorState(this.failure, () => this.show())
        : this.ready
          ? html`<slot name="light"></slot>`
          : skeleton(3)}`;
  }

  override renderLight(): TemplateResult {
    return this.ready ? this.element(this.ctx) : html``;
  }
}

let preferencesModule: Promise<unknown> | undefined;
function loadPreferencesElement(): Promise<unknown> {
  if (customElements.get('ae-preferences')) return Promise.resolve();
  return (preferencesModule ??= import('../../../define/ae-preferences.js').catch((e: unknown) => {
    preferencesModule = undefined;
    throw e;
  }));
}

let addressModule: Promise<unknown> | undefined;
function loadAddressElement(): Promise<unknown> {
  if (customElements.get('ae-address-form')) return Promise.resolve();
  return (addressModule ??= import('../../../define/ae-address-form.js').catch((e: unknown) => {
    addressModule = undefined;
    throw e;
  }));
}

export const preferences = {
  createSection: (ctx: PanelContext): SectionView =>
    new EmbedView(
      ctx,
      loadPreferencesElement,
      (c) => html`<ae-preferences no-heading .adapter=${c.adapter as AuthAdapter | undefined} endpoint=${c.endpoint ?? nothing}></ae-preferences>`,
      () =>
        msg('Where you live and order to, and the currency every price is shown in.', {
          id: 'account.preferences.intro',
          desc: 'Under the heading "Location and currency" in the account.',
        }),
    ),
};

export const addresses = {
  createSection: (ctx: PanelContext): SectionView =>
    new EmbedView(
      ctx,
      loadAddressElement,
      (c) => html`<ae-address-form no-heading .adapter=${c.adapter as AuthAdapter | undefined} endpoint=${c.endpoint ?? nothing}></ae-address-form>`,
      () =>
        msg('Up to five addresses in Latin letters, for international shipping. One is the default.', {
          id: 'account.addresses.intro',
          desc: 'Under the heading "Shipping addresses" in the account.',
        }),
    ),
};
