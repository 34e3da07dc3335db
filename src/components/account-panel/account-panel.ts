import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { state } from 'lit/decorators/state.js';
import { AeElement } from '../../internal/ae-element.js';
import { SessionController } from '../../internal/session-controller.js';
import { setCustomState } from '../../internal/custom-state.js';
import { needCapability } from '../../internal/need-capability.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { adoptLightStyles } from '../../internal/light-styles.js';
import { refreshSession, signOut } from '../../session/session-store.js';
import type { SessionSnapshot } from '../../session/session-store.js';
import type { AccountCapability } from '../../adapter/account-types.js';
import type { SupportCapability } from '../../adapter/support-types.js';
import type { AuthAdapter, Session, SessionCapability } from '../../adapter/types.js';
import { getLocale } from '../../locales/localization.js';
import { AeNavigateEvent } from '../../events/account-events.js';
import { accountPanelStyles } from './account-panel.styles.js';
import { accountPanelLightStyles, formLightStyles } from './account-panel-light-styles.js';
import { loadFailedText, navLabel, sectionLabel, sessionFailedText, signedOutText } from './account-panel-texts.js';
import { BUILT_IN_SECTIONS, isBuiltIn } from './section.js';
import type { BuiltInSection, PanelContext, SectionView } from './section.js';
import { loadSection } from './section-loader.js';
import type { SectionChunk } from './section-loader.js';
import { priceFormatter } from './prices.js';
import { PreferencesController } from '../../internal/preferences-controller.js';
import { loadPreferences } from '../../session/preferences-store.js';
import { failureText, retryText, skeleton } from './section-states.js';

/** A section the host page added: `<div slot="section" data-section="returns" data-label="Returns">`. */
interface HostSection {
  section: string;
  label: string;
  element: HTMLElement;
}

/**
 * `<ae-login>` comes in its own chunk, when nobody is signed in. Imported even when the tag is defined: a social
 * block's link step may have defined it without its hand-offs to registration and the social block, which
 * ae-login.js adds (and the connected logins then offer them). Once per page (every signed-out render asks):
 * a bundler's import() wrapper, Vite's preload helper, is not free.
 */
let loginModule: Promise<unknown> | undefined;
function loadLogin(): Promise<unknown> {
  return (loginModule ??= import('../../define/ae-login.js').catch((e: unknown) => {
    loginModule = undefined; // a failed chunk load may succeed on the next render
    throw e;
  }));
}

/**
 * @tagname ae-account-panel
 * @summary The buyer's personal account ("My account"): the overview, orders, the message center, wishes,
 * favorite stores, coupons, points, payments, location and currency, shipping addresses, and profile and
 * security, each a section with its own `section` value and its own chunk.
 *
 * Opening the panel loads the shell and the shown section only (the overview by default): the navigation and a
 * skeleton render at once, the section's chunk and its data are requested in parallel. Every section has a
 * skeleton while it loads, an empty state, and an error with "Try again"; one that fails never blanks the
 * others (the overview's tiles fail one by one).
 *
 * Navigation: a side list on a wide panel, a tab bar that scrolls sideways on a narrow one (a container query
 * on the panel's own width, 44rem). Keyboard: one Tab stop; ArrowDown/ArrowRight and ArrowUp/ArrowLeft move
 * along the items (with wrap), Home and End to the ends, Enter or Space opens; `aria-current="page"` marks the
 * shown section. A move fires the cancelable `ae-navigate` first: a host router calls `preventDefault()` and
 * sets `section` itself. With `hash-routing` the panel follows and writes the URL's hash (`#orders`,
 * `#orders/<order id>`).
 *
 * A host page adds its own sections as children: `<div slot="section" data-section="returns"
 * data-label="Returns">…</div>`: each gets an item in the navigation (after the built-in ones) and is shown
 * (its `hidden` attribute removed) while it is the `section`.
 *
 * Prices are shown in the currency the person chose (the page's one preferences store, which Location and currency sets),
 * converted with the adapter's rates, the store's own price kept beside a converted one; a change re-renders
 * every price at once.
 *
 * Signed out, the panel shows `<ae-login>` (loaded then). Forms that a password manager fills (sign-in,
 * e-mail and password change, addresses) are rendered into the panel's light DOM and slotted into place.
 *
 * @slot section - The host's own sections (see above).
 * @slot light - Used by the element itself for its light-DOM forms; put nothing there.
 *
 * @csspart base - The grid of navigation and section.
 * @csspart nav - The navigation.
 * @csspart nav-item - Each item of the navigation; also `current` on the shown one.
 * @csspart section - The shown section.
 * @csspart heading - The section's heading.
 * @csspart skeleton - A placeholder while something loads.
 * @csspart empty - An empty state.
 * @csspart error - An error state; `retry` is its button.
 * @csspart price - A price in the chosen currency; `store-price` the store's own beside it.
 *
 * @cssprop --ae-account-panel-max-width - Maximum width (72rem).
 * @cssprop --ae-account-panel-nav-width - Width of the side list (15rem).
 * @cssprop --ae-color-primary - Brand color of the current item and the buttons.
 *
 * @cssstate signed-out - `<ae-login>` is shown.
 * @cssstate loading - The shown section's chunk is being loaded.
 *
 * @fires ae-navigate - A move to another section: `{ section, item?, filter? }`. Cancelable.
 */
export class AeAccountPanel extends AeElement<AccountCapability & SupportCapability & SessionCapability> {
  static override styles = accountPanelStyles;
  /** @internal Its texts are in a locale preset's rest part (src/locales/preload.ts, scripts/build/locale-parts.mjs). */
  static readonly localeTexts = 'rest';

  private readonly internals = this.attachInternals();
  private readonly session = new SessionController(this, (s) => this.onSnapshot(s));
  /** Every price follows the page's preferences store (currency, rates): a change re-renders the panel. */
  private readonly prefs = new PreferencesController(this);
  private readonly prices = priceFormatter(this.prefs);
  private readonly views = new Map<BuiltInSection, SectionView>();
  private readonly chunkFailures = new Map<BuiltInSection, true>();
  private readonly adoptedChunks = new Set<SectionChunk>();
  private refreshController?: AbortController;
  private dataController?: AbortController;
  /** The section shown by the last update (to tell a section it was left). */
  private shownSection?: BuiltInSection;
  private focusHeading = false;
  private childObserver?: MutationObserver;
  private context?: PanelContext;

  @state() private sessionFailure?: Failure;
  @state() private hostSections: HostSection[] = [];
  /** The navigation item that holds the Tab stop (moved by the arrow keys). */
  @state() private focusIndex = -1;
  @state() private announcement = '';

  /** The shown section: `overview`, `orders`, `messages`, `wishes`, `stores`, `coupons`, `points`, `payments`, `preferences`, `addresses`, `profile`, or a host section's `data-section`. */
  @property({ reflect: true }) section = 'overview';
  /** The open item of the section (an order id in `orders`, a conversation id in `messages`). */
  @property({ reflect: true }) item?: string;
  /** A filter of the section (`orders`: a status, or several separated by commas). */
  @property({ reflect: true }) filter?: string;
  /** The payment provider's page for cards and payment methods; without it, the adapter's `getPaymentsLink`. */
  @property({ attribute: 'payments-url' }) paymentsUrl?: string;
  /** Follow and write the URL's hash (`#orders`, `#orders/<id>`). */
  @property({ type: Boolean, attribute: 'hash-routing' }) hashRouting = false;

  override connectedCallback(): void {
    adoptLightStyles(this, formLightStyles);
    adoptLightStyles(this, accountPanelLightStyles);
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    this.readHostSections();
    this.childObserver ??= new MutationObserver(() => this.readHostSections());
    this.childObserver.observe(this, { childList: true });
    if (this.hashRouting) this.readHash();
    this.requestUpdate();
  }

  protected override startLoads(): void {
    if (this.session.snapshot.status === 'unknown') void this.refresh();
    else if (this.session.snapshot.status === 'signed-in') this.loadPriceData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.childObserver?.disconnect();
    this.refreshController?.abort();
    this.dataController = undefined;
    for (const view of this.views.values()) view.hide();
    this.shownSection = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hashRouting') && this.hashRouting && this.isConnected) this.readHash();
    // A removed panel shows no section (an update after removal, e.g. from a section's aborted load, would
    // show it again and load it anew); connectedCallback asks for the update that shows it on return.
    if (!this.isConnected) return;
    const snapshot = this.session.snapshot;
    if (snapshot.status !== 'signed-in') {
      this.shownView()?.hide();
      this.shownSection = undefined;
      return;
    }
    const section = isBuiltIn(this.section) ? this.section : undefined;
    if (section !== this.shownSection || changed.has('item') || changed.has('filter')) {
      if (this.shownSection && this.shownSection !== section) this.views.get(this.shownSection)?.hide();
      this.shownSection = section;
      if (section) this.openSection(section);
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const status = this.session.snapshot.status;
    setCustomState(this.internals, 'signed-out', status === 'signed-out');
    setCustomState(this.internals, 'loading', status === 'signed-in' && isBuiltIn(this.section) && !this.views.has(this.section));
    for (const h of this.hostSections) h.element.hidden = status !== 'signed-in' || h.section !== this.section;
    render(this.renderLight(), this, { host: this });
  }

  protected override updated(): void {
    if (this.focusHeading) {
      this.focusHeading = false;
      this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  // ---- public ---------------------------------------------------------------------------------------------

  /** Moves to `section` as a person's click would: `ae-navigate` first (cancelable), then the section. */
  navigate(section: string, item?: string, filter?: string): boolean {
    const event = new AeNavigateEvent({ section, item, filter });
    this.dispatchEvent(event);
    if (event.defaultPrevented) return false;
    this.section = section;
    this.item = item;
    this.filter = filter;
    if (this.hashRouting) {
      const hash = `#${encodeURIComponent(section)}${item ? `/${encodeURIComponent(item)}` : ''}`;
      if (location.hash !== hash) history.pushState(history.state, '', hash);
    }
    return true;
  }

  // ---- sections -------------------------------------------------------------------------------------------

  private get allSections(): { section: string; label: string }[] {
    return [...BUILT_IN_SECTIONS.map((s) => ({ section: s as string, label: sectionLabel(s) })), ...this.hostSections];
  }

  private shownView(): SectionView | undefined {
    return this.shownSection ? this.views.get(this.shownSection) : undefined;
  }

  /** Shows a built-in section: its view if loaded, else its chunk requested now (the skeleton shows meanwhile). */
  private openSection(section: BuiltInSection): void {
    const view = this.views.get(section);
    if (view) {
      view.show();
      return;
    }
    this.chunkFailures.delete(section);
    loadSection(section).then(
      (chunk) => {
        if (!this.views.has(section)) {
          if (chunk.styles && !this.adoptedChunks.has(chunk) && this.shadowRoot) {
            const sheet = chunk.styles.styleSheet;
            if (sheet) this.shadowRoot.adoptedStyleSheets = [...this.shadowRoot.adoptedStyleSheets, sheet];
            this.adoptedChunks.add(chunk);
          }
          this.views.set(section, chunk.createSection(this.ctx));
        }
        if (this.shownSection === section && this.session.snapshot.status === 'signed-in') this.views.get(section)!.show();
        this.requestUpdate();
      },
      () => {
        this.chunkFailures.set(section, true);
        this.requestUpdate();
      },
    );
  }

  private retryChunk(section: BuiltInSection): void {
    this.shownSection = undefined;
    this.chunkFailures.delete(section);
    this.requestUpdate();
  }

  /** What the sections get from the panel. */
  private get ctx(): PanelContext {
    if (this.context) return this.context;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the context reads the panel's live state
    const panel = this;
    this.context = {
      host: this,
      account: (method) => needCapability(this.resolvedAdapter, 'account', method),
      support: (method) => needCapability(this.resolvedAdapter, 'support', method),
      get adapter() {
        return panel.adapter as Partial<AuthAdapter> | undefined;
      },
      get endpoint() {
        return panel.endpoint;
      },
      get session(): Session {
        const s = panel.session.snapshot;
        return s.status === 'signed-in' ? s.session : { userId: '', email: '', firstName: '', lastName: '' };
      },
      prices: this.prices,
      get item() {
        return panel.item;
      },
      get filter() {
        return panel.filter;
      },
      get paymentsUrl() {
        return panel.paymentsUrl;
      },
      navigate: (section, item, filter) => {
        if (this.navigate(section, item, filter)) this.focusHeading = true;
      },
      announce: (text) => this.announce(text),
      signOut: () => signOut(this.resolvedAdapter),
      locale: getLocale,
    };
    return this.context;
  }

  private announce(text: string): void {
    // The same text twice is announced twice: the region is emptied first.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  // ---- session and prices ---------------------------------------------------------------------------------

  private async refresh(): Promise<void> {
    this.refreshController?.abort();
    const controller = (this.refreshController = new AbortController());
    this.sessionFailure = undefined;
    try {
      await refreshSession(this.resolvedAdapter, { signal: controller.signal });
    } catch (error) {
      if (!controller.signal.aborted) this.sessionFailure = failureOf(error);
    }
  }

  private onSnapshot(snapshot: SessionSnapshot): void {
    if (snapshot.status === 'signed-in') {
      this.sessionFailure = undefined;
      this.loadPriceData();
    } else {
      // Another person's data never stay behind a sign-out.
      for (const view of this.views.values()) view.hide();
      this.views.clear();
      this.shownSection = undefined;
      this.dataController = undefined;
      if (snapshot.status === 'unknown' && this.isConnected) void this.refresh();
    }
  }

  /** The saved currency and the rates, asked once signed in (in parallel, off the first render); prices show in the stores' currencies until then. */
  private loadPriceData(): void {
    if (this.dataController) return;
    const controller = (this.dataController = new AbortController());
    void needCapability(this.resolvedAdapter, 'account', 'getExchangeRates')
      .then((a) => loadPreferences(a, { locale: getLocale() }))
      .catch(() => {
        // The next sign-in (or the next panel) asks again.
        if (this.dataController === controller) this.dataController = undefined;
      });
  }

  // ---- hash routing ---------------------------------------------------------------------------------------

  private readHash(): void {
    const raw = location.hash.replace(/^#/, '');
    if (!raw) return;
    const [section, item] = raw.split('/').map((p) => decodeURIComponent(p));
    if (!section || !this.allSections.some((s) => s.section === section)) return;
    this.section = section;
    this.item = item || undefined;
  }

  private readonly onHashChange = (): void => {
    if (this.hashRouting) this.readHash();
  };

  // ---- navigation -----------------------------------------------------------------------------------------

  private get navItems(): HTMLElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLElement>('.nav-item') ?? [])];
  }

  private onNavKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = this.navItems;
    const n = items.length;
    const index = items.indexOf(this.shadowRoot?.activeElement as HTMLElement);
    if (index < 0 || n === 0) return;
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowRight':
        next = (index + 1) % n;
        break;
      case 'ArrowUp':
      case 'ArrowLeft':
        next = (index - 1 + n) % n;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = n - 1;
        break;
      case ' ':
        // A link opens with Enter only; Space opens it too, like the buttons.
        if (items[index]!.localName === 'a') {
          e.preventDefault();
          items[index]!.click();
        }
        return;
      default:
        return;
    }
    e.preventDefault();
    this.focusIndex = next;
    items[next]!.focus();
    items[next]!.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private onNavClick(e: Event, section: string): void {
    e.preventDefault();
    this.focusIndex = -1;
    if (section === this.section && !this.item) return;
    this.navigate(section);
  }

  /** The host's own sections: children `[slot="section"][data-section]` (read again when the children change). */
  private readHostSections(): void {
    const found = [...this.children]
      .filter((el): el is HTMLElement => el instanceof HTMLElement && el.slot === 'section' && !!el.dataset['section'])
      .filter((el) => !isBuiltIn(el.dataset['section']!))
      .map((el) => ({ section: el.dataset['section']!, label: el.dataset['label'] ?? el.dataset['section']!, element: el }));
    const same =
      found.length === this.hostSections.length &&
      found.every((h, i) => h.element === this.hostSections[i]!.element && h.label === this.hostSections[i]!.label);
    if (same) return;
    this.hostSections = found;
    if (this.hashRouting) this.readHash();
  }

  // ---- rendering ------------------------------------------------------------------------------------------

  private renderNav(): TemplateResult {
    const sections = this.allSections;
    const current = sections.findIndex((s) => s.section === this.section);
    const stop = this.focusIndex >= 0 && this.focusIndex < sections.length ? this.focusIndex : Math.max(current, 0);
    return html`<nav part="nav" aria-label=${navLabel()}>
      <ul class="nav-list" role="list" @keydown=${this.onNavKeydown}>
        ${sections.map((s, i) => {
          const isCurrent = i === current;
          const part = isCurrent ? 'nav-item current' : 'nav-item';
          return html`<li>
            ${this.hashRouting
              ? html`<a
                  class="nav-item"
                  part=${part}
                  href=${`#${encodeURIComponent(s.section)}`}
                  tabindex=${i === stop ? '0' : '-1'}
                  aria-current=${isCurrent ? 'page' : nothing}
                  data-section=${s.section}
                  @click=${(e: Event) => this.onNavClick(e, s.section)}
                  >${s.label}</a
                >`
              : html`<button
                  class="nav-item"
                  part=${part}
                  type="button"
                  tabindex=${i === stop ? '0' : '-1'}
                  aria-current=${isCurrent ? 'page' : nothing}
                  data-section=${s.section}
                  @click=${(e: Event) => this.onNavClick(e, s.section)}
                >
                  ${s.label}
                </button>`}
          </li>`;
        })}
      </ul>
    </nav>`;
  }

  private renderSection(): TemplateResult {
    const section = this.section;
    const host = this.hostSections.find((h) => h.section === section);
    const label = isBuiltIn(section) ? sectionLabel(section) : (host?.label ?? '');
    let body: TemplateResult | typeof nothing = nothing;
    if (isBuiltIn(section)) {
      const view = this.views.get(section);
      if (view) body = view.render();
      else if (this.chunkFailures.has(section))
        body = html`<div part="error" class="error" role="alert">
          <p>${loadFailedText()}</p>
          <button part="retry" class="button" type="button" @click=${() => this.retryChunk(section)}>${retryText()}</button>
        </div>`;
      else body = html`<div aria-busy="true">${skeleton(4)}</div>`;
    }
    return html`<section part="section" class="section" aria-labelledby="heading" data-section=${section}>
      <h2 id="heading" part="heading" tabindex="-1">${label}</h2>
      ${body}
    </section>`;
  }

  private renderLight(): TemplateResult | typeof nothing {
    const status = this.session.snapshot.status;
    if (status === 'signed-out') {
      void loadLogin();
      return html`<div slot="light" class="ae-account-login">
        <ae-login .adapter=${this.adapter as AuthAdapter | undefined} endpoint=${this.endpoint ?? nothing} theme=${this.theme ?? nothing}></ae-login>
      </div>`;
    }
    const view = status === 'signed-in' ? this.shownView() : undefined;
    if (!view?.renderLight) return nothing;
    return html`<div slot="light" class="ae-account-light" data-section=${this.shownSection ?? ''}>${view.renderLight()}</div>`;
  }

  protected override render(): TemplateResult {
    const s = this.session.snapshot;
    let content: TemplateResult;
    if (s.status === 'signed-out') {
      content = html`<div class="login"><p>${signedOutText()}</p><slot name="light"></slot></div>`;
    } else if (s.status === 'unknown') {
      content = this.sessionFailure
        ? html`<div part="error" class="error" role="alert">
            <p>${sessionFailedText()} ${failureText(this.sessionFailure)}</p>
            ${this.sessionFailure.code === 'unsupported'
              ? nothing
              : html`<button part="retry" class="button" type="button" @click=${() => void this.refresh()}>${retryText()}</button>`}
          </div>`
        : html`<div aria-busy="true">${skeleton(4)}</div>`;
    } else {
      content = html`<div part="base" class="base">
        ${this.renderNav()}
        <div class="main">
          ${this.renderSection()}
          <slot name="section"></slot>
        </div>
      </div>`;
    }
    return html`${content}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}

