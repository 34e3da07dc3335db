import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { failureOf } from '../../internal/failure.js';
import type { Failure } from '../../internal/failure.js';
import { connectionFailureText, rateLimitedText, unsupportedText } from '../../locales/failure-messages.js';

/**
 * The one piece every section of `<ae-account-panel>` shows its data through: a {@link Resource} loads it
 * (abortable, "load once, retry on failure"), and {@link resourceView} draws its four states the same way in
 * every section: a skeleton while loading, an empty state, an error with "Try again", or the data. A section
 * (or a tile of the overview) that fails shows its own error; the others keep theirs.
 */
export type ResourceStatus = 'idle' | 'loading' | 'ready' | 'error';

export class Resource<T> {
  status: ResourceStatus = 'idle';
  data?: T;
  failure?: Failure;
  private controller?: AbortController;
  private readonly host: ReactiveControllerHost;
  private readonly loader: (signal: AbortSignal) => Promise<T>;

  constructor(host: ReactiveControllerHost, loader: (signal: AbortSignal) => Promise<T>) {
    this.host = host;
    this.loader = loader;
  }

  /** Loads unless loaded or loading. */
  ensure(): void {
    if (this.status === 'idle' || (this.status === 'error' && !this.controller)) void this.load();
  }

  /** (Re)loads; a load under way is dropped. Keeps the old data on screen while reloading (a page change shows the skeleton). */
  async load(keepData = false): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.status = 'loading';
    this.failure = undefined;
    if (!keepData) this.data = undefined;
    this.host.requestUpdate();
    try {
      const data = await this.loader(controller.signal);
      if (controller.signal.aborted) return;
      this.data = data;
      this.status = 'ready';
    } catch (error) {
      if (controller.signal.aborted) return;
      this.failure = failureOf(error);
      this.status = 'error';
    } finally {
      if (this.controller === controller) this.controller = undefined;
    }
    this.host.requestUpdate();
  }

  /** Replaces the data (an optimistic change); no call. */
  set(data: T): void {
    this.data = data;
    this.status = 'ready';
    this.host.requestUpdate();
  }

  abort(): void {
    if (!this.controller) return;
    this.controller.abort();
    this.controller = undefined;
    if (this.status === 'loading') this.status = 'idle';
  }

  readonly retry = (): void => {
    void this.load();
  };
}

/** "Try again" under a section's error. */
export function retryText(): string {
  return msg('Try again', { id: 'account.retry', desc: 'Button under an account section that could not be loaded: loads it again.' });
}

/** What a failure says, in a section that could not load `what`. */
export function failureText(failure: Failure): string {
  switch (failure.code) {
    case 'network':
    case 'timeout':
      return connectionFailureText(failure.code);
    case 'unsupported':
      return unsupportedText();
    case 'rate_limited':
      return rateLimitedText(failure.retryAfter);
    case 'reauth_required':
      return msg('Your session has ended. Sign in again to see this.', {
        id: 'account.error.signedOut',
        desc: 'An account section could not load because the session ended on the server.',
      });
    default:
      return msg('This part of your account could not be loaded. Try again in a moment.', {
        id: 'account.error.server',
        desc: 'An account section (or one tile of the overview) could not be loaded because of a server error.',
      });
  }
}

/**
 * What a failure says after an action in a section was refused (a removal, an Undo, a session ended): the
 * connection and wait texts of every element, else the library's "went wrong on our side" (not "could not be
 * loaded", which is about a section's data).
 */
export function actionFailureText(failure: Failure): string {
  switch (failure.code) {
    case 'network':
    case 'timeout':
    case 'unsupported':
    case 'rate_limited':
    case 'reauth_required':
      return failureText(failure);
    default:
      return msg('Something went wrong on our side. Try again in a moment.', {
        id: 'activate.error.server',
        desc: 'Shown when the server failed (checking the link or sending a new letter).',
      });
  }
}

/** Grey bars of the size of the content to come, hidden from screen readers (the region is `aria-busy`). */
export function skeleton(rows = 3, kind: 'list' | 'tiles' | 'line' = 'list'): TemplateResult {
  return html`<div part="skeleton" class="skeleton ${kind}" aria-hidden="true">
    ${Array.from({ length: rows }, () => html`<span class="bar"></span>`)}
  </div>`;
}

/** The empty state: a sentence and, optionally, what to do (a link or a button). */
export function emptyState(text: string, action?: TemplateResult): TemplateResult {
  return html`<div part="empty" class="empty"><p>${text}</p>${action ?? nothing}</div>`;
}

/** The error state: what happened and "Try again" (none for a setup mistake of the page). */
export function errorState(failure: Failure, retry: () => void): TemplateResult {
  return html`<div part="error" class="error" role="alert">
    <p>${failureText(failure)}</p>
    ${failure.code === 'unsupported'
      ? nothing
      : html`<button part="retry" class="button" type="button" @click=${retry}>${retryText()}</button>`}
  </div>`;
}

export interface ResourceViewOptions<T> {
  /** The content when loaded. */
  ready: (data: T) => TemplateResult;
  /** Whether the loaded data is "nothing yet" (the empty state shows). */
  isEmpty?: (data: T) => boolean;
  /** The empty state. */
  empty?: () => TemplateResult;
  /** Skeleton rows and shape. */
  rows?: number;
  kind?: 'list' | 'tiles' | 'line';
}

/** A resource in one of its four states. While reloading with data kept, the data stays and the region is busy. */
export function resourceView<T>(r: Resource<T>, o: ResourceViewOptions<T>): TemplateResult {
  let body: TemplateResult;
  if (r.status === 'error' && r.failure) body = errorState(r.failure, r.retry);
  else if (r.data !== undefined) body = o.isEmpty?.(r.data) && o.empty ? o.empty() : o.ready(r.data);
  else body = skeleton(o.rows, o.kind);
  return html`<div class="resource" data-status=${r.status} aria-busy=${r.status === 'loading' ? 'true' : 'false'}>${body}</div>`;
}
