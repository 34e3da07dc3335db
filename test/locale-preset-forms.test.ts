/**
 * A Russian page with the preset and only forms on it: the account area's texts (the preset's rest part,
 * scripts/build/locale-parts.mjs) are never requested; the forms are in Russian without them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import './helpers/lang-ru.js';
import './helpers/resource-timing.js';
import '../src/define/ru.js';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import { templates } from '../src/locales/generated/ru-first.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { requested } from './helpers/preset-page.js';

type Element = HTMLElement & { adapter?: unknown; updateComplete: Promise<unknown> };

describe('the Russian preset on a page of forms', () => {
  it("never requests the account area's texts", async () => {
    const adapter = new MemoryAdapter({ latency: 0, persistSession: false });
    const placed = ['ae-register', 'ae-login'].map((tag) => {
      const el = document.createElement(tag) as Element;
      el.adapter = adapter;
      document.body.append(el);
      return el;
    });
    const [register] = placed;
    // Everything the forms load has come: the captcha's image (the adapter's chunk) and the validation (a hint).
    await waitUntil(() => register!.querySelector('ae-captcha')?.shadowRoot?.querySelector('img')?.getAttribute('src'), 'the captcha image', { timeout: 5000 });
    expect(register!.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Регистрация');
    expect(requested(/ru-first/).length > 0, 'the first part was loaded (the check sees the requests)').to.equal(true);
    expect(requested(/ru-rest/), 'requests of the rest part').to.deep.equal([]);
    expect('account.chunk.failed' in templates, 'the rest merged').to.equal(false);
    placed.forEach((el) => el.remove());
  });
});
