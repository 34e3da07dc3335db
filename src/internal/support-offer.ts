import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { msg } from '@lit/localize/init/install.js';
import { maskEmail } from './mask-email.js';
import { getLocale } from '../locales/localization.js';
import type { SupportContext, SupportTopic } from '../adapter/support-types.js';
import type { AeSupport } from '../components/support/support.js';

/**
 * "Still cannot register? Write to support": a form's way to the support chat after repeated failures of the
 * same kind, with what went wrong. The form tells the controller each failure (`failure(code)`) and each success
 * (`success()`); once a kind reached its count, `shouldOffer` is true and `render()` gives the button, which opens
 * the page's `<ae-support>` (creating one, loaded then, if the page has none) on a new conversation with the topic
 * and a context `{ step, errorCodes, locale, maskedEmail }`: never the password, never a token, never the full address
 * (the address itself only prefills the chat's e-mail step, as a property).
 *
 * The kinds and their counts:
 * - `captcha`: `captcha_invalid` three times without a success between (a wrong code from the picture);
 * - `server`: `server` or `timeout` twice (the server failed, not the person);
 * - `letter`: `letter_not_arrived` twice (the form calls it when the person asks for the activation letter again
 *   after the cooldown, i.e. the letter did not come).
 * Other codes are remembered for the context but count for nothing.
 *
 * The controller's static graph is lit's `html` and `msg`: the chat loads only when the button is pressed.
 */
export type SupportOfferKind = 'captcha' | 'server' | 'letter';

/** How many failures of a kind make the offer. */
export const SUPPORT_OFFER_COUNTS: Readonly<Record<SupportOfferKind, number>> = Object.freeze({ captcha: 3, server: 2, letter: 2 });

const KIND_OF: Readonly<Record<string, SupportOfferKind>> = Object.freeze({
  captcha_invalid: 'captcha',
  server: 'server',
  timeout: 'server',
  letter_not_arrived: 'letter',
});

export interface SupportOfferOptions {
  /** Which form: the button's text and the default topic (`registration` / `sign_in`). */
  flow: 'register' | 'login';
  /** The chat's topic; default from `flow` (the captcha kind opens `captcha`, the letter kind `activation`). */
  topic?: SupportTopic;
  /** The step the person is at (`register`, `register.activate`, `login`); default: `flow`. */
  step?: () => string;
  /** The address typed in the form, if any (masked in the context). */
  email?: () => string | undefined;
}

/** What the page's `<ae-support>` is started with. */
export interface SupportStart {
  topic: SupportTopic;
  context?: SupportContext;
  email?: string;
}

interface AdapterHost {
  adapter?: unknown;
  endpoint?: string;
}

/**
 * Opens the page's `<ae-support>`, or creates one at the end of `<body>` (with `from`'s `adapter` and `endpoint`,
 * when it has them) and opens it; with `start`, on a new conversation. Resolves with the element.
 */
export async function openPageSupport(start?: SupportStart, from?: AdapterHost): Promise<AeSupport> {
  await import('../define/ae-support.js');
  let el = document.querySelector('ae-support');
  if (!el) {
    el = document.createElement('ae-support');
    if (from?.adapter) el.adapter = from.adapter as AeSupport['adapter'];
    if (from?.endpoint) el.endpoint = from.endpoint;
    document.body.append(el);
  }
  if (start) el.startConversation(start);
  else el.show();
  return el;
}

export class SupportOffer implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: SupportOfferOptions;
  private readonly counts: Record<SupportOfferKind, number> = { captcha: 0, server: 0, letter: 0 };
  /** The codes seen since the last success (at most ten, oldest dropped): the context's `errorCodes`. */
  private readonly codes: string[] = [];
  /** The kind that made the offer. */
  private reached?: SupportOfferKind;

  constructor(host: ReactiveControllerHost & HTMLElement, options: SupportOfferOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
    // The embedded captcha's "Can't read or hear the code? Write to support": the form's own way to support,
    // with its context, on the captcha topic (and a chat made when the page has none: never a dead end).
    host.addEventListener('ae-captcha-help', (e) => {
      e.preventDefault();
      void this.open('captcha');
    });
  }

  /** Whether the form should show the button now. */
  get shouldOffer(): boolean {
    return this.reached !== undefined;
  }

  /** A failure of the form, by its `AdapterErrorCode` (or `letter_not_arrived`). */
  failure(code: string): void {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(code)) return;
    this.codes.push(code);
    if (this.codes.length > 10) this.codes.shift();
    const kind = KIND_OF[code];
    if (!kind) return;
    this.counts[kind]++;
    if (!this.reached && this.counts[kind] >= SUPPORT_OFFER_COUNTS[kind]) {
      this.reached = kind;
      this.host.requestUpdate();
    }
  }

  /** The form succeeded (or was reset): the counts start again and the offer goes. */
  success(): void {
    this.counts.captcha = this.counts.server = this.counts.letter = 0;
    this.codes.length = 0;
    if (this.reached) {
      this.reached = undefined;
      this.host.requestUpdate();
    }
  }

  /** The context the chat starts with. */
  context(): SupportContext {
    const email = this.options.email?.()?.trim();
    const c: SupportContext = {
      step: this.options.step?.() ?? this.options.flow,
      errorCodes: [...this.codes],
      locale: getLocale(),
    };
    if (email && email.includes('@')) c.maskedEmail = maskEmail(email);
    return c;
  }

  /**
   * Opens the page's chat on the topic with the context. `topic` wins over the form's own (the embedded captcha's
   * "Can't read or hear the code? Write to support" opens `captcha`).
   */
  async open(topic?: SupportTopic): Promise<AeSupport> {
    const email = this.options.email?.()?.trim();
    topic ??=
      this.options.topic ??
      (this.reached === 'captcha' ? 'captcha' : this.reached === 'letter' ? 'activation' : this.options.flow === 'login' ? 'sign_in' : 'registration');
    return openPageSupport({ topic, context: this.context(), ...(email ? { email } : {}) }, this.host as AdapterHost);
  }

  hostConnected(): void {
    // Nothing to set up: the counts belong to the form's life, not to its connection.
  }

  /** The button (a link-looking `<button class="ae-link">` in a `<p class="ae-note ae-support-offer">`), or nothing. */
  render(): TemplateResult | typeof nothing {
    if (!this.shouldOffer) return nothing;
    const text =
      this.options.flow === 'login'
        ? msg('Still cannot sign in? Write to support', {
            id: 'support.offer.login',
            desc: 'Button under the sign-in form after repeated failures: opens the support chat (GLOSSARY: Still cannot register? Contact support).',
          })
        : msg('Still cannot register? Write to support', {
            id: 'support.offer.register',
            desc: 'Button under the registration form after repeated failures: opens the support chat (GLOSSARY: Still cannot register? Contact support).',
          });
    return html`<p class="ae-note ae-support-offer">
      <button class="ae-link" type="button" @click=${() => void this.open()}>${text}</button>
    </p>`;
  }
}
