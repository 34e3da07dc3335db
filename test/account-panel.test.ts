/**
 * <ae-account-panel>: the shell and its sections on a MemoryAdapter with a seeded long-time buyer (Ivan, the
 * `ivan.petrov@example.com` history: dozens of orders, wishes, stores, coupons, points) and a new buyer (empty
 * lists). Real keys (sendKeys) and real clicks; the buyer signs in through the adapter, and the panel learns it
 * from the session store as on a page that just loaded.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { AeAccountPanel } from '../src/define/ae-account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { choosePreferences, resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import type { AeNavigateEvent } from '../src/events/account-events.js';
import { assertFocused, realClick, shownText } from './helpers/dom.js';

setSessionChannelName(`ae-test:account-panel:${Math.random().toString(36).slice(2)}`);

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const NEW = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

async function buyer(who: typeof IVAN, options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN, NEW], ...options });
  await adapter.signIn({ email: who.email, password: who.password, remember: false });
  return adapter;
}

const placed: HTMLElement[] = [];
async function mount(adapter: Partial<AuthAdapter>, attrs: { section?: string; hashRouting?: boolean } = {}): Promise<AeAccountPanel> {
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(
    html`<ae-account-panel .adapter=${adapter as AuthAdapter} section=${attrs.section ?? 'overview'} ?hash-routing=${attrs.hashRouting}></ae-account-panel>`,
    c,
  );
  const el = c.querySelector('ae-account-panel')!;
  await el.updateComplete;
  return el;
}

const root = (el: AeAccountPanel) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: AeAccountPanel, sel: string) => root(el).querySelector<T>(sel);
const qa = (el: AeAccountPanel, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const navItem = (el: AeAccountPanel, section: string) => q(el, `.nav-item[data-section="${section}"]`)!;
const text = (n: Node | null) => (n ? shownText(n) : '').replace(/\s+/g, ' ').trim();

/** Waits until the shown section has finished loading (no skeleton, not busy). */
async function settled(el: AeAccountPanel, what = 'the section to load'): Promise<void> {
  await waitUntil(() => {
    const s = q(el, 'section.section');
    return !!s && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
  }, what, { timeout: 5000 });
  await el.updateComplete;
}

async function signedInPanel(who = IVAN, attrs: { section?: string; hashRouting?: boolean } = {}, options: MemoryAdapterOptions = {}) {
  const adapter = await buyer(who, options);
  const el = await mount(adapter, attrs);
  await waitUntil(() => !!q(el, 'nav'), 'the navigation', { timeout: 5000 });
  await settled(el);
  return { adapter, el };
}

beforeEach(() => {
  resetSessionStoreForTests();
  resetPreferencesStoreForTests('en');
});
afterEach(async () => {
  for (const c of placed.splice(0)) c.remove();
  await setViewport({ width: 1000, height: 800 });
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<ae-account-panel> when it opens', () => {
  it('renders the navigation and a skeleton before any section chunk, and fetches only the overview chunk', async () => {
    const adapter = await buyer(IVAN);
    const el = await mount(adapter);
    // Signed in is known after getSession; the shell renders the navigation at once with a skeleton.
    await waitUntil(() => !!q(el, 'nav'), 'the navigation');
    const names = () => performance.getEntriesByType('resource').map((e) => e.name);
    await settled(el);
    const chunks = names().filter((n) => /account-panel\/sections\//.test(n));
    expect(chunks.some((n) => /sections\/overview\./.test(n)), chunks.join('\n')).to.equal(true);
    const others = chunks.filter((n) => !/sections\/overview\./.test(n));
    expect(others, 'other section chunks fetched at the first open').to.deep.equal([]);
    expect(!!(q(el, '[data-tile="counts"] .tile'))).to.equal(true);
  });

  it('first render shows the skeleton synchronously (no await of a chunk)', async () => {
    const adapter = await buyer(IVAN);
    const el = await mount(adapter, { section: 'points' });
    await waitUntil(() => !!q(el, 'nav'), 'the navigation');
    // The first update that shows the navigation shows the section's skeleton with it.
    expect(!!q(el, 'section.section h2')).to.equal(true);
    await settled(el);
    expect(text(q(el, '.balance-value'))).to.match(/\d/);
  });

  it('marks the shown section with aria-current="page" and only one Tab stop in the navigation', async () => {
    const { el } = await signedInPanel(IVAN, { section: 'coupons' });
    const items = qa(el, '.nav-item');
    expect(items.length).to.equal(11);
    expect(items.filter((i) => i.getAttribute('aria-current') === 'page').map((i) => i.dataset['section'])).to.deep.equal(['coupons']);
    expect(items.filter((i) => i.tabIndex === 0).map((i) => i.dataset['section'])).to.deep.equal(['coupons']);
  });
});

describe('<ae-account-panel> keyboard navigation', () => {
  it('moves with the arrows, Home and End, wraps, and opens with Enter', async () => {
    const { el } = await signedInPanel();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    assertFocused(el, 'Tab enters the navigation');
    expect(root(el).activeElement === navItem(el, 'overview')).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    expect(root(el).activeElement === navItem(el, 'orders')).to.equal(true);
    await sendKeys({ press: 'ArrowRight' });
    expect(root(el).activeElement === navItem(el, 'messages')).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(root(el).activeElement === navItem(el, 'overview')).to.equal(true);
    await sendKeys({ press: 'ArrowUp' });
    expect(root(el).activeElement === navItem(el, 'profile'), 'wraps to the last').to.equal(true);
    await sendKeys({ press: 'Home' });
    expect(root(el).activeElement === navItem(el, 'overview')).to.equal(true);
    await sendKeys({ press: 'End' });
    expect(root(el).activeElement === navItem(el, 'profile')).to.equal(true);
    // Arrows only move focus; the section stays until Enter.
    expect(el.section).to.equal('overview');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.section).to.equal('addresses');
    expect(navItem(el, 'addresses').getAttribute('aria-current')).to.equal('page');
    expect(navItem(el, 'overview').hasAttribute('aria-current')).to.equal(false);
    expect(el.getAttribute('section')).to.equal('addresses');
    // Shift+Tab leaves the navigation: one Tab stop.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    assertFocused(before, 'Shift+Tab leaves');
    before.remove();
  });
});

describe('<ae-account-panel> ae-navigate', () => {
  it('is fired on a click with the section, and a host that cancels it keeps the panel where it is', async () => {
    const { el } = await signedInPanel();
    const seen: AeNavigateEvent[] = [];
    const cancel = (e: AeNavigateEvent) => {
      seen.push(e);
      e.preventDefault();
    };
    el.addEventListener('ae-navigate', cancel);
    await realClick(navItem(el, 'orders'));
    await el.updateComplete;
    expect(seen.length).to.equal(1);
    expect(seen[0]!.detail.section).to.equal('orders');
    expect(seen[0]!.cancelable && seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
    expect(el.section).to.equal('overview');
    expect(navItem(el, 'overview').getAttribute('aria-current')).to.equal('page');
    el.removeEventListener('ae-navigate', cancel);
    // Not cancelled: the panel moves.
    await realClick(navItem(el, 'orders'));
    await el.updateComplete;
    expect(el.section).to.equal('orders');
  });

  it('is not fired when `section` is set from code (a host router)', async () => {
    const { el } = await signedInPanel();
    let fired = 0;
    el.addEventListener('ae-navigate', () => fired++);
    el.section = 'points';
    await el.updateComplete;
    await settled(el);
    expect(fired).to.equal(0);
    expect(navItem(el, 'points').getAttribute('aria-current')).to.equal('page');
  });

  it('with hash-routing follows and writes the hash, deep-linking an order', async () => {
    const adapter = await buyer(IVAN);
    const page = await adapter.listOrders({ pageSize: 1 });
    const order = page.items[0]!;
    history.replaceState(null, '', `#orders/${order.id}`);
    const el = await mount(adapter, { hashRouting: true });
    await waitUntil(() => !!q(el, 'nav'), 'nav');
    await settled(el);
    expect(el.section).to.equal('orders');
    expect(!!(q(el, `.order-detail[data-order="${order.id}"]`))).to.equal(true);
    await realClick(navItem(el, 'wishes'));
    await el.updateComplete;
    expect(location.hash).to.equal('#wishes');
    history.pushState(null, '', '#coupons');
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await el.updateComplete;
    expect(el.section).to.equal('coupons');
  });
});

describe('<ae-account-panel> host sections', () => {
  it('adds a slotted section to the navigation and shows it only while chosen', async () => {
    const adapter = await buyer(IVAN);
    const c = document.createElement('div');
    document.body.append(c);
    placed.push(c);
    render(
      html`<ae-account-panel .adapter=${adapter as AuthAdapter}
        ><div slot="section" data-section="returns" data-label="Returns"><p>Return a product</p></div></ae-account-panel
      >`,
      c,
    );
    const el = c.querySelector('ae-account-panel')!;
    await waitUntil(() => !!q(el, '.nav-item[data-section="returns"]'), 'the host section in the navigation');
    const host = c.querySelector<HTMLElement>('[data-section="returns"]')!;
    expect(host.hidden).to.equal(true);
    await realClick(navItem(el, 'returns'));
    await el.updateComplete;
    expect(host.hidden).to.equal(false);
    expect(text(q(el, 'h2'))).to.equal('Returns');
    expect(host.checkVisibility()).to.equal(true);
    await realClick(navItem(el, 'orders'));
    await el.updateComplete;
    expect(host.hidden).to.equal(true);
  });
});

describe('<ae-account-panel> prices', () => {
  it('a currency change re-renders every price at once, the store price kept beside a converted one', async () => {
    const { el } = await signedInPanel(IVAN, { section: 'orders' });
    await waitUntil(() => qa(el, '[data-ae-price]').length > 3, 'prices');
    choosePreferences({ country: 'BG', currency: 'EUR' });
    await el.updateComplete;
    const eur = qa(el, '[data-ae-price]');
    expect(eur.length).to.be.greaterThan(3);
    // Every price shows euros first; the ones from stores in other currencies keep the store's price beside.
    for (const p of eur) expect(text(p.firstElementChild ?? p), text(p)).to.match(/€/);
    const converted = eur.filter((p) => p.querySelector('[part="price-original"]'));
    expect(converted.length, 'a long-time buyer has orders in several currencies').to.be.greaterThan(0);
    const before = eur.map((p) => text(p));
    choosePreferences({ country: 'GB', currency: 'GBP' });
    await el.updateComplete;
    const gbp = qa(el, '[data-ae-price]');
    expect(gbp.length).to.equal(eur.length);
    for (const p of gbp) expect(text(p.firstElementChild ?? p), text(p)).to.match(/£/);
    expect(gbp.map((p) => text(p)).filter((t, i) => t === before[i])).to.deep.equal([]);
  });
});
