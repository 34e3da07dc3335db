import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { AccountCapability, FavoriteStore, Page, Wish } from '../../../adapter/account-types.js';
import { failureOf } from '../../../internal/failure.js';
import type { Failure } from '../../../internal/failure.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, actionFailureText, emptyState, resourceView } from '../section-states.js';
import { numberText } from '../formats.js';

const PAGE_SIZE = 50;

interface Saved {
  id: string;
}

/** What a saved list needs: its calls and its texts. */
interface SavedKind<T extends Saved> {
  list: (a: AccountCapability, signal: AbortSignal) => Promise<Page<T>>;
  listMethod: keyof AccountCapability;
  remove: (a: AccountCapability, id: string, signal: AbortSignal) => Promise<void>;
  removeMethod: keyof AccountCapability;
  restore: (a: AccountCapability, id: string, signal: AbortSignal) => Promise<T>;
  restoreMethod: keyof AccountCapability;
  name: (item: T) => string;
  line: (ctx: PanelContext, item: T) => TemplateResult;
  empty: () => string;
}

/** A list of saved things (wishes, stores): each removable, with "Removed. Undo" until the next removal. */
class SavedView<T extends Saved> extends SectionView {
  private readonly kind: SavedKind<T>;
  private readonly list: Resource<Page<T>>;
  /** The last removal, undoable: the item and where it was. */
  private removed?: { item: T; index: number; undoing: boolean; failed?: Failure };
  /** Why an item's removal was refused, shown beside the item put back (until its next removal). */
  private readonly refused = new Map<string, Failure>();
  /** The removals and undos in flight: aborted when the section is left or the panel removed. */
  private readonly calls = new Set<AbortController>();
  /** A call was aborted: the server may or may not have done it, so the list is asked again on return. */
  private stale = false;

  constructor(ctx: PanelContext, kind: SavedKind<T>) {
    super(ctx);
    this.kind = kind;
    this.list = new Resource(ctx.host, async (signal) => kind.list(await ctx.account(kind.listMethod), signal));
  }

  show(): void {
    if (this.list.status !== 'ready' || this.stale) {
      this.stale = false;
      void this.list.load();
    }
  }

  override hide(): void {
    this.list.abort();
    if (this.calls.size) this.stale = true;
    for (const c of this.calls) c.abort();
    this.calls.clear();
    this.removed = undefined;
    this.refused.clear();
  }

  /** Runs a removal or an undo with a signal of its own; `undefined` when aborted (nothing may change then). */
  private async call<R>(run: (signal: AbortSignal) => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; failure: Failure } | undefined> {
    const controller = new AbortController();
    this.calls.add(controller);
    try {
      const value = await run(controller.signal);
      return controller.signal.aborted ? undefined : { ok: true, value };
    } catch (error) {
      return controller.signal.aborted ? undefined : { ok: false, failure: failureOf(error) };
    } finally {
      this.calls.delete(controller);
    }
  }

  private async remove(item: T): Promise<void> {
    const page = this.list.data;
    if (!page) return;
    const index = page.items.findIndex((i) => i.id === item.id);
    // At once on screen; back at its place if the server refuses.
    this.list.set({ ...page, items: page.items.filter((i) => i.id !== item.id), total: page.total - 1 });
    this.removed = { item, index, undoing: false };
    this.refused.delete(item.id);
    this.ctx.host.requestUpdate();
    const r = await this.call(async (signal) => this.kind.remove(await this.ctx.account(this.kind.removeMethod), item.id, signal));
    if (!r) return;
    if (r.ok) {
      const name = this.kind.name(item);
      this.ctx.announce(msg(str`Removed: ${name}`, { id: 'account.saved.removedAnnounce', desc: 'Announced after a wish or a favorite store was removed; the placeholder is its name.' }));
      return;
    }
    // Back at its place, with the reason beside it (seen), and said through the panel's polite region (heard once).
    this.putBack(item, index);
    if (this.removed?.item.id === item.id) this.removed = undefined;
    this.refused.set(item.id, r.failure);
    this.ctx.announce(actionFailureText(r.failure));
    this.ctx.host.requestUpdate();
    // Focus on the item's own "Remove" again (the one pressed went with the item): its reason is read beside it.
    await this.ctx.host.updateComplete;
    if (!this.calls.size) this.ctx.host.shadowRoot?.querySelector<HTMLElement>(`[data-saved="${CSS.escape(item.id)}"] .remove`)?.focus();
  }

  private putBack(item: T, index: number): void {
    const page = this.list.data;
    if (!page || page.items.some((i) => i.id === item.id)) return;
    const items = [...page.items];
    items.splice(Math.min(index, items.length), 0, item);
    this.list.set({ ...page, items, total: page.total + 1 });
  }

  private async undo(): Promise<void> {
    const r = this.removed;
    if (!r || r.undoing) return;
    r.undoing = true;
    r.failed = undefined;
    this.ctx.host.requestUpdate();
    const result = await this.call(async (signal) => this.kind.restore(await this.ctx.account(this.kind.restoreMethod), r.item.id, signal));
    if (!result) return;
    if (result.ok) {
      const item = result.value;
      this.putBack(item, r.index);
      if (this.removed === r) this.removed = undefined;
      const name = this.kind.name(item);
      this.ctx.announce(msg(str`Back in the list: ${name}`, { id: 'account.saved.restored', desc: 'Announced after Undo put a removed wish or store back; the placeholder is its name.' }));
    } else {
      r.undoing = false;
      r.failed = result.failure;
    }
    this.ctx.host.requestUpdate();
    await this.ctx.host.updateComplete;
    this.ctx.host.shadowRoot?.querySelector<HTMLElement>(`[data-saved="${CSS.escape(r.item.id)}"] .remove`)?.focus();
  }

  private renderToast(): TemplateResult | typeof nothing {
    const r = this.removed;
    if (!r) return nothing;
    const name = this.kind.name(r.item);
    return html`<div class="toast" part="toast" role="status">
      <span>${msg(str`Removed: ${name}.`, { id: 'account.saved.removed', desc: 'After removing a wish or a favorite store, before the Undo button; the placeholder is its name.' })}</span>
      <button type="button" class="link undo" aria-disabled=${r.undoing ? 'true' : 'false'} @click=${() => void this.undo()}>
        ${msg('Undo', { id: 'account.saved.undo', desc: 'Button that puts back the wish or store just removed.' })}
      </button>
      ${r.failed ? html`<span class="toast-error">${actionFailureText(r.failed)}</span>` : nothing}
    </div>`;
  }

  render(): TemplateResult {
    return html`<div class="saved">
      ${this.renderToast()}
      ${resourceView(this.list, {
        rows: 4,
        isEmpty: (p) => p.items.length === 0,
        empty: () => emptyState(this.kind.empty()),
        ready: (p) => html`<ul class="list" role="list">
          ${p.items.map(
            (item) => {
              const name = this.kind.name(item);
              const refused = this.refused.get(item.id);
              return html`<li class="card saved-item row" data-saved=${item.id}>
              <div class="saved-main">
                ${this.kind.line(this.ctx, item)}
                ${refused ? html`<p class="item-error" part="item-error" id=${`refused-${item.id}`}>${actionFailureText(refused)}</p>` : nothing}
              </div>
              <button
                type="button"
                class="button remove"
                aria-describedby=${refused ? `refused-${item.id}` : nothing}
                aria-label=${msg(str`Remove ${name}`, { id: 'account.saved.removeLabel', desc: 'Accessible name of the remove button of a wish or store; the placeholder is its name.' })}
                @click=${() => void this.remove(item)}
              >
                ${msg('Remove', { id: 'account.saved.remove', desc: 'Button that removes a wish or a favorite store (Undo follows).' })}
              </button>
            </li>`;
            },
          )}
        </ul>`,
      })}
    </div>`;
  }
}

function wishLine(ctx: PanelContext, w: Wish): TemplateResult {
  return html`<p class="saved-title">${w.title}</p>
    <p class="row">
      ${ctx.prices.price(w.price)}
      <span class="muted">${w.store.name}</span>
      ${w.available
        ? nothing
        : html`<span class="badge">${msg('Not available', { id: 'account.wish.unavailable', desc: 'A saved product that cannot be bought now (sold out, withdrawn).' })}</span>`}
    </p>`;
}

function storeLine(ctx: PanelContext, s: FavoriteStore): TemplateResult {
  const locale = ctx.locale();
  const country = new Intl.DisplayNames(locale, { type: 'region' }).of(s.country) ?? s.country;
  const rating = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(s.rating);
  const followers = numberText(s.followers, locale);
  return html`<p class="saved-title">${s.name}</p>
    <p class="muted">
      ${msg(str`Rating ${rating} of 5 · Followers: ${followers} · Ships from: ${country}`, {
        id: 'account.store.facts',
        desc: 'A favorite store’s facts: its rating (4.8), how many buyers follow it, the country it ships from (a country name).',
      })}
    </p>`;
}

const WISHES: SavedKind<Wish> = {
  list: (a, signal) => a.listWishes({ pageSize: PAGE_SIZE }, { signal }),
  listMethod: 'listWishes',
  remove: (a, id, signal) => a.removeWish(id, { signal }),
  removeMethod: 'removeWish',
  restore: (a, id, signal) => a.restoreWish(id, { signal }),
  restoreMethod: 'restoreWish',
  name: (w) => w.title,
  line: wishLine,
  empty: () =>
    msg('Your wish list is empty. Save products you like to find them here.', { id: 'account.wishes.empty', desc: 'Empty state of "My wishes".' }),
};

const STORES: SavedKind<FavoriteStore> = {
  list: (a, signal) => a.listFavoriteStores({ pageSize: PAGE_SIZE }, { signal }),
  listMethod: 'listFavoriteStores',
  remove: (a, id, signal) => a.removeFavoriteStore(id, { signal }),
  removeMethod: 'removeFavoriteStore',
  restore: (a, id, signal) => a.restoreFavoriteStore(id, { signal }),
  restoreMethod: 'restoreFavoriteStore',
  name: (s) => s.name,
  line: storeLine,
  empty: () =>
    msg('No favorite stores yet. Add stores you like to follow their news.', { id: 'account.stores.empty', desc: 'Empty state of "Favorite stores".' }),
};

const styles = css`
  .saved {
    display: grid;
    gap: var(--_s3);
  }
  .saved-item {
    flex-wrap: nowrap;
  }
  .saved-main {
    display: grid;
    gap: var(--_s1);
    min-inline-size: 0;
  }
  .saved-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .toast-error {
    flex-basis: 100%;
  }
  .toast-error,
  .item-error {
    color: var(--_danger);
  }
`;

export const wishes = { createSection: (ctx: PanelContext): SectionView => new SavedView(ctx, WISHES), styles };
export const stores = { createSection: (ctx: PanelContext): SectionView => new SavedView(ctx, STORES), styles };
