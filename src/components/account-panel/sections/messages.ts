import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { Conversation } from '../../../adapter/support-types.js';
import type { AuthAdapter } from '../../../adapter/types.js';
import { failureOf } from '../../../internal/failure.js';
import type { Failure } from '../../../internal/failure.js';
import { SectionView } from '../section.js';
import type { PanelContext } from '../section.js';
import { Resource, emptyState, errorState, resourceView, skeleton } from '../section-states.js';
import { dateText } from '../formats.js';

/** THE conversation view (`<ae-support>` uses the same one): its own chunk, loaded when a conversation is opened. */
let viewModule: Promise<unknown> | undefined;
function loadConversationView(): Promise<unknown> {
  if (customElements.get('ae-conversation')) return Promise.resolve();
  return (viewModule ??= import('../../../define/ae-conversation.js').catch((e: unknown) => {
    viewModule = undefined;
    throw e;
  }));
}

/**
 * The message center: the person's conversations with stores and with support (the virtual agent among them),
 * newest first, with unread counts; one opened (`item` = its id) in `<ae-conversation>` to read and reply.
 */
class MessagesView extends SectionView {
  private readonly list: Resource<Conversation[]>;
  private viewReady = false;
  private viewFailure?: Failure;
  private starting = false;
  private startFailure?: Failure;
  /** "Write to support" in flight: aborted when the section is left or the panel removed. */
  private startController?: AbortController;

  constructor(ctx: PanelContext) {
    super(ctx);
    this.list = new Resource(ctx.host, async (signal) =>
      (await ctx.support('listConversations')).listConversations({ locale: ctx.locale() }, { signal }),
    );
  }

  show(): void {
    // The unread counts change while the person is away: the list is asked again each time.
    void this.list.load(true);
    if (this.ctx.item) this.ensureView();
  }

  override hide(): void {
    this.list.abort();
    this.startController?.abort();
    this.startController = undefined;
    this.starting = false;
  }

  private ensureView(): void {
    if (this.viewReady) return;
    this.viewFailure = undefined;
    loadConversationView().then(
      () => {
        this.viewReady = true;
        this.ctx.host.requestUpdate();
      },
      (error: unknown) => {
        this.viewFailure = failureOf(error);
        this.ctx.host.requestUpdate();
      },
    );
  }

  private async startSupport(): Promise<void> {
    if (this.starting) return;
    this.starting = true;
    this.startFailure = undefined;
    this.ctx.host.requestUpdate();
    const controller = (this.startController = new AbortController());
    const signal = controller.signal;
    try {
      const c = await (await this.ctx.support('startConversation')).startConversation({ topic: 'orders', locale: this.ctx.locale() }, { signal });
      if (!signal.aborted) this.ctx.navigate('messages', c.id);
    } catch (error) {
      if (!signal.aborted) this.startFailure = failureOf(error);
    } finally {
      // Left or removed meanwhile: no update, no navigation.
      if (!signal.aborted) {
        this.startController = undefined;
        this.starting = false;
        this.ctx.host.requestUpdate();
      }
    }
  }

  private renderItem(c: Conversation): TemplateResult {
    const locale = this.ctx.locale();
    const unread = c.unread;
    const who =
      c.kind === 'store'
        ? (c.storeName ?? c.title)
        : msg('Support · virtual agent', { id: 'account.messages.support', desc: 'Who a support conversation is with (the virtual agent, then operators).' });
    return html`<li class="card conversation" data-conversation=${c.id} data-kind=${c.kind}>
      <button type="button" class="conversation-open" @click=${() => this.ctx.navigate('messages', c.id)}>
        <span class="row">
          <span class="conversation-title">${c.title}</span>
          ${c.unread
            ? html`<span class="badge unread"
                >${msg(str`Unread: ${unread}`, { id: 'account.messages.unread', desc: 'How many messages of a conversation the buyer has not read.' })}</span
              >`
            : nothing}
        </span>
        <span class="row muted">
          <span>${who}</span>
          <time datetime=${new Date(c.updatedAt).toISOString()}>${dateText(c.updatedAt, locale, true)}</time>
        </span>
        ${c.preview ? html`<span class="preview">${c.preview.text}</span>` : nothing}
      </button>
    </li>`;
  }

  private renderList(): TemplateResult {
    return html`<div class="row">
        <p class="muted">
          ${msg('Conversations with stores and with support.', { id: 'account.messages.intro', desc: 'Under the heading of the message center.' })}
        </p>
        <button type="button" class="button" aria-disabled=${this.starting ? 'true' : 'false'} @click=${() => void this.startSupport()}>
          ${msg('Write to support', { id: 'account.messages.start', desc: 'Button that starts a new conversation with support (the virtual agent answers at once).' })}
        </button>
      </div>
      ${this.startFailure ? errorState(this.startFailure, () => void this.startSupport()) : nothing}
      ${resourceView(this.list, {
        rows: 4,
        isEmpty: (l) => l.length === 0,
        empty: () =>
          emptyState(
            msg('No messages yet. Conversations with stores and support will show here.', {
              id: 'account.messages.empty',
              desc: 'Empty state of the message center.',
            }),
          ),
        ready: (l) => html`<ul class="list" role="list">${l.map((c) => this.renderItem(c))}</ul>`,
      })}`;
  }

  private renderConversation(id: string): TemplateResult {
    const c = this.list.data?.find((x) => x.id === id);
    return html`<button type="button" class="link back" @click=${() => this.ctx.navigate('messages')}>
        ${msg('All conversations', { id: 'account.messages.back', desc: 'Link from an open conversation back to the list.' })}
      </button>
      ${c ? html`<h3>${c.title}</h3>` : nothing}
      ${this.viewFailure
        ? errorState(this.viewFailure, () => this.ensureView())
        : this.viewReady
          ? html`<ae-conversation
              conversation-id=${id}
              .adapter=${this.ctx.adapter as AuthAdapter | undefined}
              endpoint=${this.ctx.endpoint ?? nothing}
            ></ae-conversation>`
          : skeleton(4)}`;
  }

  render(): TemplateResult {
    const id = this.ctx.item;
    return html`<div class="messages">${id ? this.renderConversation(id) : this.renderList()}</div>`;
  }
}

export function createSection(ctx: PanelContext): SectionView {
  return new MessagesView(ctx);
}

export const styles = css`
  .messages {
    display: grid;
    gap: var(--_s3);
  }
  .back {
    justify-self: start;
  }
  .conversation {
    padding: 0;
  }
  .conversation-open {
    box-sizing: border-box;
    display: grid;
    gap: var(--_s1);
    inline-size: 100%;
    padding: var(--_s3) var(--_s4);
    border: 0;
    border-radius: var(--_radius-large);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .conversation-title {
    font-weight: 600;
  }
  .unread {
    background: var(--_primary);
    color: var(--_primary-text);
  }
  .preview {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_muted);
  }
`;
