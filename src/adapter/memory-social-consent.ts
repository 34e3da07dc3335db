/**
 * The consent step of `MemoryAdapter`'s simulated social providers: a modal `<dialog>` in the page ("VK ID
 * (demo) asks for your name and e-mail address: Allow / Deny") with a choice of demo identities. Loaded by
 * memory-social.ts only when it is shown. Built with DOM calls and `textContent` (never markup from data), styled
 * by one constructed stylesheet adopted by its own shadow root (nothing a strict CSP refuses, nothing the page's
 * CSS reaches). Focus goes into the dialog and back to where it was when it closes; Escape denies.
 */
// The package's files, not its bare name: the contract server bundles this adapter for Node with esbuild's
// neutral platform, which does not read `main` (the package has no `exports`). Same modules in a browser. Not its
// index either (lit-localize.js): it imports all of @lit/localize, which declares no `sideEffects`.
import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import type { MemorySocialIdentity } from './social-types.js';

const CSS = `
:host { all: initial; }
dialog {
  box-sizing: border-box;
  inline-size: min(26rem, calc(100vw - 2rem));
  padding: 1.25rem;
  border: 1px solid var(--ae-color-border, #c4c7cc);
  border-radius: var(--ae-radius, 0.5rem);
  background: var(--ae-color-surface, #fff);
  color: var(--ae-color-text, #1b1d21);
  font: 400 1rem/1.5 var(--ae-font-family, system-ui, sans-serif);
}
dialog::backdrop { background: rgb(0 0 0 / 0.45); }
h2 { margin: 0 0 0.5rem; font-size: 1.2rem; line-height: 1.3; }
p { margin: 0 0 0.75rem; }
.note { font-size: 0.875rem; color: var(--ae-color-text-muted, #4a4f57); }
fieldset { margin: 0 0 1rem; padding: 0; border: 0; }
legend { padding: 0; margin-bottom: 0.25rem; font-weight: 600; }
label { display: flex; gap: 0.5rem; align-items: baseline; padding: 0.25rem 0; cursor: pointer; }
.mail { display: block; font-size: 0.875rem; color: var(--ae-color-text-muted, #4a4f57); overflow-wrap: anywhere; }
.actions { display: flex; gap: 0.5rem; justify-content: flex-end; flex-wrap: wrap; }
button {
  min-block-size: var(--ae-control-height, 2.75rem);
  padding: 0 1rem;
  border-radius: var(--ae-radius, 0.5rem);
  border: 1px solid var(--ae-color-border, #5f6670);
  background: var(--ae-color-surface, #fff);
  color: inherit;
  font: inherit;
  cursor: pointer;
}
button.allow {
  border-color: var(--ae-color-primary, #0b57d0);
  background: var(--ae-color-primary, #0b57d0);
  color: #fff;
}
:focus-visible { outline: 3px solid var(--ae-color-focus, #0b57d0); outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  dialog { background: var(--ae-color-surface-dark, #1f2227); color: var(--ae-color-text-dark, #f1f3f5); border-color: var(--ae-color-border-dark, #5f6670); }
  .note, .mail { color: var(--ae-color-text-muted-dark, #b6bcc4); }
  button { background: var(--ae-color-surface-dark, #1f2227); border-color: var(--ae-color-border-dark, #9aa1ab); }
  button.allow { background: var(--ae-color-primary-dark, #a8c7fa); border-color: var(--ae-color-primary-dark, #a8c7fa); color: #062e6f; }
  :focus-visible { outline-color: var(--ae-color-focus-dark, #a8c7fa); }
}
@media (forced-colors: active) { button.allow { border: 2px solid ButtonText; } }
`;

let sheet: CSSStyleSheet | undefined;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** The element that has focus, through open shadow roots. */
function deepActive(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

let counter = 0;

/**
 * Shows the consent step and resolves with the subject id of the identity the person allowed, or `null` when
 * they denied or pressed Escape. Aborting `signal` removes the dialog and rejects with its reason.
 */
export function showSocialConsent(request: {
  providerName: string;
  identities: readonly MemorySocialIdentity[];
  signal?: AbortSignal;
}): Promise<string | null> {
  const { providerName, identities, signal } = request;
  signal?.throwIfAborted();
  const returnFocus = deepActive();
  const host = element('div');
  host.setAttribute('data-ae-social-demo', '');
  const root = host.attachShadow({ mode: 'open' });
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  root.adoptedStyleSheets = [sheet];

  const id = `ae-social-demo-${++counter}`;
  const provider = msg(str`${providerName} (demo)`, {
    id: 'socialDemo.title',
    desc: 'Heading of the simulated sign-in provider window of the demo; the value is a brand name (VK ID, Google, Facebook).',
  });
  const title = element('h2', { id: `${id}-title` }, provider);
  const text = element(
    'p',
    { id: `${id}-text` },
    msg(str`${providerName} asks for your name and e-mail address to sign you in to this site.`, {
      id: 'socialDemo.asks',
      desc: 'What the simulated provider asks permission for; the value is a brand name (VK ID, Google, Facebook).',
    }),
  );
  const note = element(
    'p',
    { className: 'note' },
    msg('A demonstration: no real account is used and nothing leaves this page.', {
      id: 'socialDemo.note',
      desc: 'Small print of the simulated provider window: it is a demo.',
    }),
  );
  const radios: HTMLInputElement[] = [];
  const fieldset = element(
    'fieldset',
    {},
    element('legend', {}, msg('Continue as', { id: 'socialDemo.chooser', desc: 'Legend above the list of demo accounts to sign in with.' })),
  );
  identities.forEach((identity, index) => {
    const radio = element('input', { type: 'radio', name: `${id}-identity`, value: identity.subject, checked: index === 0 });
    radios.push(radio);
    const name = `${identity.firstName} ${identity.lastName}`.trim();
    const mail = element(
      'span',
      { className: 'mail' },
      identity.email ?? msg('no e-mail address', { id: 'socialDemo.noEmail', desc: 'Under a demo account that has no e-mail address.' }),
    );
    fieldset.append(element('label', {}, radio, element('span', {}, name, mail)));
  });
  const deny = element('button', { type: 'button', className: 'deny' }, msg('Deny', { id: 'socialDemo.deny', desc: 'Button: refuse the simulated provider access.' }));
  const allow = element('button', { type: 'button', className: 'allow' }, msg('Allow', { id: 'socialDemo.allow', desc: 'Button: give the simulated provider access and sign in.' }));
  const dialog = element('dialog', {}, title, text, fieldset, note, element('div', { className: 'actions' }, deny, allow));
  dialog.setAttribute('aria-labelledby', title.id);
  dialog.setAttribute('aria-describedby', text.id);
  root.append(dialog);
  document.body.append(host);

  return new Promise<string | null>((resolve, reject) => {
    let done = false;
    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      if (dialog.open) dialog.close();
      host.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
      outcome();
    };
    const onAbort = (): void => finish(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    deny.addEventListener('click', () => finish(() => resolve(null)));
    allow.addEventListener('click', () => {
      const chosen = radios.find((r) => r.checked) ?? radios[0];
      finish(() => resolve(chosen ? chosen.value : null));
    });
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(() => resolve(null));
    });
    dialog.showModal();
    (radios.find((r) => r.checked) ?? allow).focus();
  });
}
