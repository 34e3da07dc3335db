import { html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { AuthAdapter } from '../../adapter/types.js';
import { connectionFailureText } from '../../locales/failure-messages.js';
import { closeText, registerText, retryText, signInText } from './user-menu-texts.js';

/** The form a dialog of `<ae-user-menu>` holds. */
export type DialogKind = 'login' | 'register';

/** The forms, each in its own chunk, loaded when a dialog first opens. */
export function loadForm(kind: DialogKind): Promise<unknown> {
  return kind === 'login' ? import('../../define/ae-login.js') : import('../../define/ae-register.js');
}

export interface DialogView {
  kind: DialogKind;
  /** The form's chunk could not be loaded: the message and "Try again" instead. */
  failed: boolean;
  /** What the form works on: the menu's own backend (a form without its capability says so itself). */
  adapter?: AuthAdapter;
  endpoint?: string;
  theme?: 'light' | 'dark';
  lang: string;
  onClose: () => void;
  onCloseButton: () => void;
  onPointerDown: (e: PointerEvent) => void;
  onClick: (e: MouseEvent) => void;
  onRetry: () => void;
}

const cross = svg`<path d="M5 5l10 10M15 5L5 15"></path>`;

/**
 * The modal dialog holding `<ae-login>` or `<ae-register>`, rendered into the menu's light DOM (password
 * managers only see forms outside shadow roots), with the classes of user-menu-light-styles.ts.
 */
export function dialogTemplate(v: DialogView): TemplateResult {
  return html`<dialog
    class="ae-user-menu-dialog"
    slot="dialog"
    aria-label=${v.kind === 'login' ? signInText() : registerText()}
    lang=${v.lang}
    @close=${v.onClose}
    @pointerdown=${v.onPointerDown}
    @click=${v.onClick}
  >
    <div class="ae-user-menu-dialog-body">
      <button class="ae-user-menu-dialog-close" type="button" aria-label=${closeText()} @click=${v.onCloseButton}>
        <svg viewBox="0 0 20 20" aria-hidden="true">${cross}</svg>
      </button>
      ${v.failed
        ? html`<div class="ae-user-menu-dialog-status" role="alert">
            <p>${connectionFailureText('network')}</p>
            <button class="ae-user-menu-dialog-retry" type="button" @click=${v.onRetry}>${retryText()}</button>
          </div>`
        : v.kind === 'login'
          ? html`<ae-login .adapter=${v.adapter} .endpoint=${v.endpoint} .theme=${v.theme}></ae-login>`
          : html`<ae-register .adapter=${v.adapter} .endpoint=${v.endpoint} .theme=${v.theme}></ae-register>`}
    </div>
  </dialog>`;
}
