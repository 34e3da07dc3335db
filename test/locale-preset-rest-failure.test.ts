/**
 * A locale preset whose rest part (the account area's texts, scripts/build/locale-parts.mjs) fails to load: the
 * elements that wait for it are not left blank. They render, those texts in English, and their next update asks
 * for the part again; once it arrives they are Russian. A page of its own: the preset is set up once per page.
 */
import { expect, waitUntil } from '@open-wc/testing';
import './helpers/lang-ru.js';
import { templates } from '../src/locales/generated/ru-first.js';
import { preloadLocale } from '../src/locales/preload.js';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { shadowText } from './helpers/preset-page.js';

let attempts = 0;
let offline = true;
// As src/define/ru.ts does, with a network that fails until `offline` is false.
preloadLocale('ru', templates, () => {
  attempts++;
  return offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : import('../src/locales/generated/ru-rest.js');
});

type Element = HTMLElement & { adapter?: unknown; updateComplete: Promise<unknown>; requestUpdate(): void };
function mount(tag: string): Element {
  const el = document.createElement(tag) as Element;
  el.adapter = new MemoryAdapter({ latency: 0, persistSession: false });
  document.body.append(el);
  return el;
}

describe('a locale preset whose rest part cannot be loaded', () => {
  it('renders the account panel anyway (its texts in English), and in Russian after the next update once online', async () => {
    const panel = mount('ae-account-panel');
    const shown = () => shadowText(panel);
    // Signed out: the panel says so above the sign-in form (a text of the rest part).
    await waitUntil(() => /sign in/i.test(shown()), 'the signed-out text, in English', { timeout: 5000 });
    expect(attempts, 'asked for the panel').to.be.at.least(1);
    const register = mount('ae-register');
    await register.updateComplete;
    expect(register.shadowRoot!.querySelector('[part=heading]')!.textContent, 'the first part is there').to.equal('Регистрация');

    offline = false;
    panel.requestUpdate();
    await waitUntil(() => !/sign in/i.test(shown()) && /[а-яё]{4}/i.test(shown()), 'the panel in Russian', { timeout: 5000 });
    expect('account.chunk.failed' in templates, 'the rest merged').to.equal(true);
    panel.remove();
    register.remove();
  });
});
