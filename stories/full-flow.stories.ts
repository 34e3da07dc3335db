import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, render } from 'lit';
import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { OutboxLetter } from '../src/adapter/memory-adapter.js';
import { CAPTCHA_ANSWER, fillRegister, logEvents, run } from './helpers.js';

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
 * registered or activated) and the elements re-render in the new language. Leaving the story and coming back
 * starts over with an empty backend.
 */
let page: HTMLElement | undefined;

function buildPage(): HTMLElement {
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

  const card = (letter: OutboxLetter): TemplateResult => html`<article
    style="border:1px solid #8888;border-radius:8px;padding:.75rem;display:grid;gap:.35rem;background:#8881"
  >
    <div style="font-size:.8rem;opacity:.8">
      From: Marketplace &lt;no-reply@marketplace.example&gt; · To: ${letter.to} ·
      ${new Date(letter.sentAt).toLocaleTimeString(document.documentElement.lang || 'en')}
    </div>
    <strong>${letter.subject}</strong>
    <p style="margin:0">Hello, ${letter.firstName}! Press the button to activate your profile. The link works for 24 hours.</p>
    <div style="display:flex;gap:.5rem;align-items:center;flex-wrap:wrap">
      <button type="button" @click=${() => open(letter.token)}>Activate profile</button>
      <code style="font-size:.7rem;opacity:.7;overflow-wrap:anywhere">${letter.link}</code>
    </div>
  </article>`;

  const update = () =>
    render(
      html`<div
        style="display:grid;grid-template-columns:minmax(18rem,28rem) minmax(16rem,1fr);gap:1.5rem;align-items:start;font:14px/1.4 system-ui"
      >
        <section style="display:grid;gap:.5rem">
          <ae-register .adapter=${adapter}></ae-register>
          <div>
            <button type="button" @click=${fill}>Fill in demo values</button>
            <small>(the code in the picture is always <code>${CAPTCHA_ANSWER}</code>)</small>
          </div>
        </section>
        <section style="display:grid;gap:.75rem">
          <h3 style="margin:0">Outbox (${letters.length})</h3>
          ${letters.length
            ? [...letters].reverse().map(card)
            : html`<p style="margin:0;opacity:.7">No letters yet. Create a profile on the left.</p>`}
          ${opened
            ? html`<div class="flow-link-page" style="display:grid;gap:.5rem;border-top:1px dashed #8888;padding-top:.75rem">
                <h3 style="margin:0">The page the link opens</h3>
                ${keyed(opened, html`<ae-activate .adapter=${adapter} token=${opened}></ae-activate>`)}
              </div>`
            : nothing}
        </section>
      </div>`,
      root,
    );

  adapter.addEventListener('letter', (e) => {
    letters.push(e.detail);
    update();
  });
  logEvents(root, EVENTS);
  update();
  return root;
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
  render: () => {
    if (!page?.isConnected) page = buildPage();
    return page;
  },
};
