import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import { CAPTCHA_ANSWER, fillRegister, logEvents, run } from './helpers.js';
import { words } from './strings.js';
import { getLocale } from '../src/locales/localization.js';

const EVENTS = [
  'ae-register-success',
  'ae-register-error',
  'ae-activate-success',
  'ae-activate-error',
  'ae-activation-resent',
  'ae-activate-change-email',
] as const;

/**
 * The demo page, built once per visit: switching the Locale or Theme toolbar keeps it (and whatever was typed,
 * registered or activated); the elements and the page's own words re-render in the new language. Leaving the
 * story and coming back starts over with an empty backend.
 */
let page: { root: HTMLElement; update: () => void } | undefined;

function buildPage(): { root: HTMLElement; update: () => void } {
  const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER });
  const root = document.createElement('div');
  const letters: OutboxLetter[] = [];
  let opened: string | undefined;

  const open = (token: string) => {
    opened = token;
    update();
    void Promise.resolve().then(() => root.querySelector('.flow-link-page')?.scrollIntoView({ block: 'nearest' }));
  };

  const fill = () => {
    const form = root.querySelector('ae-register');
    if (form) run(() => fillRegister(form));
  };

  const card = (letter: OutboxLetter): TemplateResult => {
    const t = words();
    const sent = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' }).format(letter.sentAt);
    return html`<article
      style="border:1px solid #8888;border-radius:8px;padding:.75rem;display:grid;gap:.35rem;background:#8881"
    >
      <div style="font-size:.8rem;opacity:.8">
        ${t.letterFrom}: Marketplace &lt;no-reply@marketplace.example&gt; · ${t.letterTo}: ${letter.to} · ${sent}
      </div>
      <strong>${getLocale() === 'en' ? letter.subject : t.letterSubject}</strong>
      <p style="margin:0">${t.letterBody(letter.firstName)}</p>
      <div style="display:flex;gap:.5rem;align-items:center;flex-wrap:wrap">
        <button type="button" @click=${() => open(letter.token)}>${t.letterButton}</button>
        <code style="font-size:.7rem;opacity:.7;overflow-wrap:anywhere">${letter.link}</code>
      </div>
    </article>`;
  };

  const update = () => {
    const t = words();
    render(
      html`<div
        style="display:grid;grid-template-columns:minmax(18rem,28rem) minmax(16rem,1fr);gap:1.5rem;align-items:start;font:14px/1.4 system-ui"
      >
        <section style="display:grid;gap:.5rem">
          <ae-register .adapter=${adapter}></ae-register>
          <div>
            <button type="button" @click=${fill}>${t.fillDemo}</button>
            <small>(${t.codeIsAlways} <code>${CAPTCHA_ANSWER}</code>)</small>
          </div>
        </section>
        <section style="display:grid;gap:.75rem">
          <h3 style="margin:0">${t.outbox(letters.length)}</h3>
          ${letters.length
            ? [...letters].reverse().map(card)
            : html`<p style="margin:0;opacity:.7">${t.noLetters}</p>`}
          ${opened
            ? html`<div class="flow-link-page" style="display:grid;gap:.5rem;border-top:1px dashed #8888;padding-top:.75rem">
                <h3 style="margin:0">${t.linkPage}</h3>
                ${keyed(opened, html`<ae-activate .adapter=${adapter} token=${opened}></ae-activate>`)}
              </div>`
            : nothing}
        </section>
      </div>`,
      root,
    );
  };

  adapter.addEventListener('letter', (e) => {
    letters.push(e.detail);
    update();
  });
  logEvents(root, EVENTS);
  update();
  return { root, update };
}

const meta: Meta = {
  title: 'Flows/Full flow',
  parameters: { layout: 'padded' },
};
export default meta;

/**
 * Registration to activation on one MemoryAdapter: `<ae-register>` on the left, the adapter's outbox on the
 * right (its `letter` event). "Activate profile" in a letter opens `<ae-activate token=…>` below, on the same
 * adapter.
 */
export const FullFlow: StoryObj = {
  name: 'Full flow',
  // Runs again after a toolbar change (the loaders set the new locale first): the same page, in new words.
  render: () => {
    if (!page?.root.isConnected) page = buildPage();
    else page.update();
    return page.root;
  },
};
