/**
 * The text sinks of every element, for the hostile-input suites (issue 19): one entry per place where an
 * element shows data it did not write (what the adapter answers), with how to bring a payload there. The test
 * files run them by element (`describeSinks`), so that no file grows past a minute:
 * hostile-input.test.ts the seven auth elements, hostile-input-account.test.ts <ae-account-panel>,
 * hostile-input-chat.test.ts the chat, social sign-in and the address form.
 *
 * Adding an element: one entry in SINKS, and its element in one of those files' filters.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { AuthAdapter, Captcha, Session } from '../../src/adapter/types.js';
import { resetSessionStoreForTests, setSession } from '../../src/session/session-store.js';
import { resetPreferencesStoreForTests } from '../../src/session/preferences-store.js';
import { maskEmail } from '../../src/internal/mask-email.js';
import { supportAdapter } from '../support-helpers.js';
import { PASSWORD } from '../server/auth-fixtures.js';
import { captchaOf, captchaReady, fillRegistration, findButton, input, realClick, shownText, typeInto } from './dom.js';
import { BAD_CAPTCHA_IMAGES, HOSTILE_EMAIL, HOSTILE_NAME, MARKUP_PAYLOADS, SVG_WITH_SCRIPT } from './attack-payloads.js';
import { watchForScript } from './attack-watch.js';

export const ANSWER = 'Ab3dE';
export const PAYLOADS = [...MARKUP_PAYLOADS, HOSTILE_NAME, HOSTILE_EMAIL];
export const text = (el: Element | ShadowRoot | null | undefined) => (el ? shownText(el) : '').replace(/\s+/g, ' ');
/** Everything a person reads in an element: its light DOM and its shadow roots, nested elements' too. */
export const allText = (el: Element): string => deepText(el).replace(/\s+/g, ' ');

const captcha = (image = 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"/>'): Captcha => ({
  id: 'c1',
  image,
  expiresAt: Date.now() + 60_000,
});
const sessionOf = (payload: string): Session => ({ userId: 'u1', email: 'maria@example.com', firstName: payload, lastName: payload });

export async function mount<T extends HTMLElement>(template: ReturnType<typeof html>): Promise<T> {
  const el = await fixture<T>(template);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/**
 * A text sink: an element state that shows data from the adapter. `render` brings the payload there and
 * resolves with the element and the text the person must read (the payload, or the part of it the element
 * shows, e.g. the masked address).
 */
export interface Sink {
  element: string;
  sink: string;
  /** The payloads to try (default: all); a form typed for each one takes a few of them. */
  payloads?: readonly string[];
  render(payload: string): Promise<{ el: HTMLElement; shown: string }>;
}

// ---- the newer elements' data: a real MemoryAdapter whose answers carry the payload in every text ------------

export const BUYER = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
/** The demo's long-time buyer (orders, wishes, stores, coupons, points, conversations with stores), signed in. */
export async function signedInBuyer(): Promise<MemoryAdapter> {
  resetSessionStoreForTests();
  resetPreferencesStoreForTests('en');
  const adapter = supportAdapter({ persistSession: false, users: [BUYER] });
  setSession(await adapter.signIn({ email: BUYER.email, password: BUYER.password, remember: false }));
  return adapter;
}

/** The members of the contracts' answers that are free text a person reads (account, support, social, session). */
const TEXT_MEMBERS = new Set([
  'title', 'name', 'firstItemTitle', 'number', 'variant', 'carrier', 'trackingNumber', 'code', 'displayName', 'text',
  'authorName', 'label', 'firstName', 'lastName', 'storeName', 'device', 'orderNumber', 'city', 'street', 'region',
  'apartment', 'postalCode', 'phone',
]);
function poison<T>(value: T, payload: string): T {
  if (Array.isArray(value)) return value.map((v: unknown) => poison(v, payload)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && TEXT_MEMBERS.has(k) ? payload : poison(v, payload)]),
  ) as T;
}
/** `adapter` answering with `payload` in every text member (results and streamed events), `overrides` as given. */
export function poisoned(adapter: MemoryAdapter, payload: string, overrides: Record<string, unknown> = {}): AuthAdapter {
  return new Proxy(adapter, {
    get(target, key) {
      if (typeof key === 'string' && key in overrides) return overrides[key];
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const wrapped = args.map((a) => (typeof a === 'function' ? (...xs: unknown[]) => (a as (...x: unknown[]) => unknown)(...xs.map((x) => poison(x, payload))) : a));
        const result = (value as (...x: unknown[]) => unknown).apply(target, wrapped);
        return result instanceof Promise ? result.then((r) => (typeof r === 'function' ? r : poison(r, payload))) : result;
      };
    },
  }) as unknown as AuthAdapter;
}

const PANEL_TEXTS = {
  overview: 'the greeting, latest orders’ titles and store names, active coupons',
  orders: 'order numbers, first item titles, store names',
  wishes: 'wish titles and their stores',
  stores: 'store names',
  coupons: 'coupon codes and their stores',
  points: 'the order numbers of the points history',
  profile: 'the names, the sessions’ devices',
  messages: 'the conversations with stores: titles, store names, the last message',
} as const;

/** Everything shown, through every shadow root (nested elements' too). */
export function deepText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && (node.getAttribute('aria-hidden') === 'true' || node.localName === 'style')) return '';
  const own = node instanceof Element && node.shadowRoot ? deepText(node.shadowRoot) : '';
  return own + [...node.childNodes].map(deepText).join('');
}

async function renderPanel(payload: string, section: string, item?: (a: MemoryAdapter) => Promise<string>): Promise<{ el: HTMLElement; shown: string }> {
  const base = await signedInBuyer();
  const id = item ? await item(base) : undefined;
  // The sessions' devices: MemoryAdapter's say none.
  const listSessions = async () => (await base.listSessions()).map((x) => ({ ...x, device: payload }));
  const el = await mount<HTMLElement>(html`<ae-account-panel .adapter=${poisoned(base, payload, { listSessions })} section=${section} item=${id ?? nothing}></ae-account-panel>`);
  await waitUntil(
    () => {
      const s = el.shadowRoot?.querySelector('section.section');
      return !!s && !s.querySelector('[part="skeleton"], [aria-busy="true"]') && deepText(el).includes(payload.trim().slice(0, 6));
    },
    `${section} shows its data`,
    { timeout: 5000 },
  );
  return { el, shown: payload.trim() };
}

export const SINKS: Sink[] = [
  {
    element: 'ae-login',
    sink: 'the greeting after sign-in (first name from signIn)',
    payloads: [MARKUP_PAYLOADS[0]!, MARKUP_PAYLOADS[1]!, MARKUP_PAYLOADS[2]!, MARKUP_PAYLOADS[3]!, HOSTILE_NAME],
    async render(payload) {
      const adapter = { signIn: async () => sessionOf(payload) };
      const el = await mount<HTMLElement>(html`<ae-login .adapter=${adapter as unknown as AuthAdapter}></ae-login>`);
      await typeInto(el, 'email', 'maria@example.com');
      await typeInto(el, 'password', PASSWORD);
      await realClick(el.querySelector('button[type=submit]')!);
      await waitUntil(() => el.querySelector('.ae-success'), 'signed in');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-register',
    sink: 'the success message (the address the server echoes) and the captcha picture (SVG with script)',
    payloads: [MARKUP_PAYLOADS[0]!, MARKUP_PAYLOADS[1]!, MARKUP_PAYLOADS[3]!, HOSTILE_EMAIL],
    async render(payload) {
      const adapter = {
        getCaptcha: async () => captcha(SVG_WITH_SCRIPT),
        register: async () => ({ userId: 'u1', email: payload }),
      };
      const el = await mount<HTMLElement>(html`<ae-register .adapter=${adapter as unknown as AuthAdapter}></ae-register>`);
      await captchaReady(captchaOf(el));
      await fillRegistration(el as never, { password: PASSWORD, answer: ANSWER });
      await realClick(el.querySelector('button[type=submit]')!);
      await waitUntil(() => el.querySelector('.ae-success'), 'registered');
      await (el.querySelector('.ae-success') as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
      // Handed over to <ae-activate>, which shows the address masked.
      return { el, shown: maskEmail(payload) };
    },
  },
  {
    element: 'ae-activate',
    sink: 'the greeting and the confirmed address (from activate)',
    async render(payload) {
      const adapter = { activate: async () => ({ userId: 'u1', email: payload, firstName: payload, lastName: payload }) };
      const el = await mount<HTMLElement>(html`<ae-activate .adapter=${adapter as unknown as AuthAdapter} token="t1"></ae-activate>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~=greeting]'), 'activated');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-reset-password',
    sink: 'the masked address of the reset link (from checkResetToken)',
    async render(payload) {
      const adapter = { checkResetToken: async () => ({ email: payload }), resetPassword: async () => undefined };
      const el = await mount<HTMLElement>(html`<ae-reset-password .adapter=${adapter as unknown as AuthAdapter} token="t1"></ae-reset-password>`);
      await waitUntil(() => el.querySelector('input[name=password]'), 'the form');
      return { el, shown: payload };
    },
  },
  {
    element: 'ae-user-menu',
    sink: 'the greeting and the initial (first name from getSession)',
    async render(payload) {
      resetSessionStoreForTests();
      const adapter = { getSession: async () => sessionOf(payload), signOut: async () => undefined };
      const el = await mount<HTMLElement>(html`<ae-user-menu .adapter=${adapter as unknown as AuthAdapter}></ae-user-menu>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[part=trigger]'), 'signed in');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-captcha',
    sink: 'the picture (an image URL from getCaptcha, rendered as <img src>)',
    payloads: [...BAD_CAPTCHA_IMAGES.filter((i) => i.trim() && !i.startsWith('http')), SVG_WITH_SCRIPT],
    async render(payload) {
      const adapter = { getCaptcha: async () => captcha(payload) };
      const el = await mount<HTMLElement>(html`<ae-captcha .adapter=${adapter as unknown as AuthAdapter}></ae-captcha>`);
      await waitUntil(() => el.shadowRoot?.querySelector('img[part=image]'), 'the picture');
      return { el, shown: '' };
    },
  },
  // ---- the account, support and social elements: their data from a signed-in MemoryAdapter, every text poisoned ----
  ...(['overview', 'orders', 'wishes', 'stores', 'coupons', 'points', 'profile', 'messages'] as const).map(
    (section): Sink => ({
      element: 'ae-account-panel',
      sink: `${section} (${PANEL_TEXTS[section]})`,
      render: (payload) => renderPanel(payload, section),
    }),
  ),
  {
    element: 'ae-account-panel',
    sink: 'an order’s detail (item titles, variant, carrier, the delivery address lines)',
    render: (payload) => renderPanel(payload, 'orders', async (a) => (await a.listOrders({ pageSize: 1 })).items[0]!.id),
  },
  {
    element: 'ae-conversation',
    sink: 'the messages, agent replies arriving live, author names, quick replies and actions',
    async render(payload) {
      const base = supportAdapter();
      const c = await base.startConversation({ topic: 'activation', email: 'maria@example.com', locale: 'en' });
      await waitUntil(async () => (await base.listMessages(c.id)).messages.length > 0, 'the greeting');
      const el = await mount<HTMLElement>(html`<ae-conversation .adapter=${poisoned(base, payload)} conversation-id=${c.id}></ae-conversation>`);
      await waitUntil(() => el.shadowRoot?.querySelector('[part~=message]'), 'the messages');
      const shown = el.shadowRoot!.querySelectorAll('[part~=message]').length;
      await base.sendMessage(c.id, { text: 'The letter has not arrived', clientId: `hostile-${Math.random().toString(36).slice(2, 10)}` });
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~=message]').length >= shown + 2, 'the answer, live', { timeout: 4000 });
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-support',
    sink: 'the chat panel: the conversation title, the agent’s answer and its quick replies (signed in, topic Orders)',
    async render(payload) {
      const base = await signedInBuyer();
      // A conversation kept by an earlier test of the page would open instead of the topics.
      sessionStorage.removeItem('ae-support:conversation');
      const el = await mount<HTMLElement>(html`<ae-support .adapter=${poisoned(base, payload)}></ae-support>`);
      await realClick(el.shadowRoot!.querySelector<HTMLElement>('[part~=launcher]')!);
      await waitUntil(() => !el.shadowRoot!.querySelector<HTMLElement>('[part~=panel]')!.hidden, 'the panel');
      await realClick(findButton(el.shadowRoot!, 'Orders'));
      await waitUntil(() => el.shadowRoot!.querySelector('ae-conversation')?.shadowRoot?.querySelector('[part~=quick-reply], [part~=action]'), 'the answer');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-social-login',
    sink: 'the linked view (the provider’s display name of each link)',
    async render(payload) {
      const base = await signedInBuyer();
      const links = [{ provider: 'google' as const, linkedAt: Date.now(), displayName: payload }];
      const adapter = poisoned(base, payload, { listSocialLinks: async () => links, unlinkSocial: async () => links });
      const el = await mount<HTMLElement>(html`<ae-social-login .adapter=${adapter} view="linked"></ae-social-login>`);
      await waitUntil(() => el.querySelector('.ae-social-links'), 'the list');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-social-login',
    sink: 'the profile form after a provider’s consent (its names and address, kept in the fields as given)',
    async render(payload) {
      resetSessionStoreForTests();
      const identity = { subject: 'vk-hostile', firstName: payload, lastName: payload, email: `eve${Math.random().toString(36).slice(2, 6)}@example.com` };
      const adapter = new MemoryAdapter({ latency: 0, socialConsent: 'allow', socialAllowAs: identity.subject, socialIdentities: { vk: [identity] } } as never);
      const el = await mount<HTMLElement>(html`<ae-social-login .adapter=${adapter} providers="vk"></ae-social-login>`);
      await realClick(el.querySelector<HTMLElement>('.ae-social-button[data-provider="vk"]')!);
      await waitUntil(() => el.querySelector('input[name=firstName]'), 'the profile form');
      expect(input(el, 'firstName').value, 'the first name as the provider gave it').to.equal(payload);
      expect(input(el, 'lastName').value).to.equal(payload);
      return { el, shown: '' };
    },
  },
  {
    element: 'ae-social-login',
    sink: 'the address of an existing profile (link_required: the masked e-mail from the server)',
    async render(payload) {
      resetSessionStoreForTests();
      const adapter = poisoned(new MemoryAdapter({ latency: 0 }), payload, {
        startSocial: async () => ({ kind: 'inline', flowId: 'f1', state: 's1', expiresAt: Date.now() + 60_000, authorize: async () => ({ code: 'c1', state: 's1' }) }),
        completeSocial: async () => ({ status: 'link_required', linkToken: 'l1', provider: 'vk', email: payload, expiresAt: Date.now() + 60_000 }),
      });
      const el = await mount<HTMLElement>(html`<ae-social-login .adapter=${adapter} providers="vk"></ae-social-login>`);
      await realClick(el.querySelector<HTMLElement>('.ae-social-button[data-provider="vk"]')!);
      await waitUntil(() => allText(el).includes(payload.trim().slice(-8)) || el.querySelector('input[name=password]'), 'the link step');
      return { el, shown: payload.trim() };
    },
  },
  {
    element: 'ae-address-form',
    sink: 'the saved addresses shown back (recipient, street, city, region, apartment, postal code, phone)',
    async render(payload) {
      const base = await signedInBuyer();
      await base.saveAddress({ name: 'Ivan Petrov', phone: '+359888123456', country: 'BG', region: 'Sofia', city: 'Sofia', street: 'ul. Shipka 6', apartment: '3', postalCode: '1504' }, { password: BUYER.password });
      const el = await mount<HTMLElement>(html`<ae-address-form .adapter=${poisoned(base, payload)}></ae-address-form>`);
      await waitUntil(() => allText(el).includes(payload.trim().slice(0, 6)), 'the saved address', { timeout: 4000 });
      return { el, shown: payload.trim() };
    },
  },
];

/** The sinks `which` takes, each payload shown as text and never run (payloads in groups of six: short tests). */
export function describeSinks(which: (s: Sink) => boolean): void {
  describe('hostile data in every text sink', () => {
  afterEach(() => {
    fixtureCleanup();
    setSession(null);
    resetSessionStoreForTests();
  });

  for (const s of SINKS.filter(which)) {
    const all = s.payloads ?? PAYLOADS;
    for (let from = 0; from < all.length; from += 6) {
    const payloads = all.slice(from, from + 6);
    const which = all.length > 6 ? ` (payloads ${from + 1}–${from + payloads.length} of ${all.length})` : '';
    it(`${s.element}: ${s.sink}: shown as text, never run${which}`, async () => {
      for (const payload of payloads) {
        const watch = watchForScript();
        const { el, shown } = await s.render(payload);
        if (shown) {
          // The element may show part of it (a masked address) but what it shows is the text itself.
          const visible = allText(el);
          expect(visible, `${s.element} shows ${JSON.stringify(payload)} as text`).to.contain(shown.replace(/\s+/g, ' ').trim());
        }
        expect(await watch.stop(), `${s.element} with ${JSON.stringify(payload)}`).to.deep.equal([]);
        fixtureCleanup();
      }
    });
    }
  }
  });
}
