/**
 * <ae-account-panel>'s sections: an error and "Try again" in each (MemoryAdapter's failNext with the method),
 * a failed overview tile next to working ones, the empty states of a new buyer, orders (filter, pages, detail),
 * wishes and stores removed with undo, coupons copied, signed out → <ae-login>, and the 360 px layout.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import type { AeAccountPanel } from '../src/define/ae-account-panel.js';
import '../src/define/ae-account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AdapterMethod, MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { findButton, realClick, shownText } from './helpers/dom.js';

setSessionChannelName(`ae-test:account-sections:${Math.random().toString(36).slice(2)}`);

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const NEW = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

async function buyer(who: typeof IVAN, options: MemoryAdapterOptions = {}): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN, NEW], ...options });
  await adapter.signIn({ email: who.email, password: who.password, remember: false });
  return adapter;
}

const placed: HTMLElement[] = [];
async function mount(adapter: Partial<AuthAdapter>, section = 'overview'): Promise<AeAccountPanel> {
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(html`<ae-account-panel .adapter=${adapter as AuthAdapter} section=${section}></ae-account-panel>`, c);
  const el = c.querySelector('ae-account-panel')!;
  await el.updateComplete;
  return el;
}

const root = (el: AeAccountPanel) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: AeAccountPanel, sel: string) => root(el).querySelector<T>(sel);
const qa = (el: AeAccountPanel, sel: string) => [...root(el).querySelectorAll<HTMLElement>(sel)];
const text = (n: Node | null) => (n ? shownText(n) : '').replace(/\s+/g, ' ').trim();
const sectionEl = (el: AeAccountPanel) => q(el, 'section.section')!;

async function settled(el: AeAccountPanel, what = 'the section to load'): Promise<void> {
  await waitUntil(
    () => {
      const s = q(el, 'section.section');
      return !!s && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
    },
    what,
    { timeout: 5000 },
  );
  await el.updateComplete;
}

async function open(who: typeof IVAN, section: string, fail?: AdapterMethod) {
  const adapter = await buyer(who);
  if (fail) adapter.failNext('server', { method: fail });
  const el = await mount(adapter, section);
  await waitUntil(() => !!q(el, 'nav'), 'nav', { timeout: 5000 });
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
});

/** Each section, the call it loads with, and what shows once it works. */
const SECTIONS: [section: string, method: AdapterMethod, ready: string][] = [
  ['orders', 'listOrders', '.order'],
  ['messages', 'listConversations', '.conversation, .empty'],
  ['wishes', 'listWishes', '.saved-item'],
  ['stores', 'listFavoriteStores', '.saved-item'],
  ['coupons', 'listCoupons', '.coupon'],
  ['points', 'getPoints', '.balance'],
  ['payments', 'getPaymentsLink', '[part="payments-link"]'],
  ['profile', 'listSessions', '.session'],
];

describe('<ae-account-panel> when a section fails', () => {
  for (const [section, method, ready] of SECTIONS) {
    it(`${section}: shows the error with "Try again", and the retry loads it`, async () => {
      const { el } = await open(IVAN, section, method);
      const alert = sectionEl(el).querySelector('[part="error"][role="alert"]');
      expect(!!(alert), `${section} error`).to.equal(true);
      expect(qa(el, '.nav-item').length, 'the navigation stays').to.equal(11);
      await realClick(findButton(sectionEl(el), 'Try again'));
      // The retry re-renders after the click has returned: settled() alone could still see the error and no busy state.
      await waitUntil(() => !sectionEl(el).querySelector('[part="error"]'), `${section}: the retry under way`, { timeout: 5000 });
      await settled(el);
      expect(!!(sectionEl(el).querySelector('[part="error"]'))).to.equal(false);
      expect(!!(sectionEl(el).querySelector(ready)), `${section} content after retry`).to.equal(true);
    });
  }

  it('overview: one tile fails, the others show; its retry brings it', async () => {
    const { el } = await open(IVAN, 'overview', 'getAccountSummary');
    expect(!!(q(el, '[data-tile="counts"] [part="error"]'))).to.equal(true);
    expect(qa(el, '[data-tile="latest"] .order').length).to.equal(5);
    expect(!!(q(el, '[data-tile="coupons"] .coupon'))).to.equal(true);
    await realClick(findButton(q(el, '[data-tile="counts"]')!, 'Try again'));
    await settled(el);
    expect(qa(el, '[data-tile="counts"] .tile').length).to.equal(8);
  });

  it('order detail: an error and retry', async () => {
    const { adapter, el } = await open(IVAN, 'orders');
    adapter.failNext('server', { method: 'getOrder' });
    await realClick(qa(el, '.order-open')[0]!);
    await settled(el);
    expect(!!(sectionEl(el).querySelector('[part="error"]'))).to.equal(true);
    await realClick(findButton(sectionEl(el), 'Try again'));
    await settled(el);
    expect(!!(q(el, '.order-detail'))).to.equal(true);
  });
});

describe('<ae-account-panel> for a new buyer', () => {
  const EMPTY: string[] = ['orders', 'wishes', 'stores', 'coupons'];
  for (const section of EMPTY) {
    it(`${section}: the empty state`, async () => {
      const { el } = await open(NEW, section);
      expect(!!(sectionEl(el).querySelector('[part="empty"]')), `${section} empty`).to.equal(true);
      expect(text(sectionEl(el).querySelector('[part="empty"]'))).to.not.equal('');
    });
  }
  it('overview: zero counts and empty tiles; points: a zero balance and an empty history', async () => {
    const { el } = await open(NEW, 'overview');
    expect(qa(el, '.tile-value').map((t) => text(t))).to.deep.equal(['0', '0', '0', '0', '0', '0', '0', '0']);
    expect(!!(q(el, '[data-tile="latest"] [part="empty"]'))).to.equal(true);
    el.section = 'points';
    await el.updateComplete;
    await settled(el);
    expect(text(q(el, '.balance-value'))).to.equal('0');
    expect(!!(q(el, '.points [part="empty"]'))).to.equal(true);
  });
});

describe('<ae-account-panel> orders', () => {
  it('filters by status, pages, and opens an order with its items and delivery', async () => {
    const { adapter, el } = await open(IVAN, 'orders');
    const all = await adapter.listOrders({ pageSize: 1 });
    expect(text(q(el, '.orders > .resource p.muted, .resource > p.muted'))).to.contain(String(all.total));
    expect(qa(el, '.order').length).to.equal(10);
    // Page 2.
    await realClick(findButton(sectionEl(el), 'Next'));
    await settled(el);
    const second = await adapter.listOrders({ page: 2, pageSize: 10 });
    expect(qa(el, '.order').map((o) => o.dataset['order'])).to.deep.equal(second.items.map((o) => o.id));
    // Filter: shipped only.
    const select = q<HTMLSelectElement>(el, '#order-status')!;
    select.focus();
    select.value = 'shipped';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settled(el);
    const shipped = await adapter.listOrders({ status: 'shipped', pageSize: 10 });
    expect(shipped.total).to.be.greaterThan(0);
    expect(qa(el, '.order').map((o) => o.dataset['status'])).to.deep.equal(shipped.items.map(() => 'shipped'));
    expect(el.filter).to.equal('shipped');
    // Detail.
    const first = shipped.items[0]!;
    await realClick(q(el, `.order[data-order="${first.id}"] .order-open`)!);
    await settled(el);
    expect(el.item).to.equal(first.id);
    const order = await adapter.getOrder(first.id);
    expect(qa(el, '.order-detail .item').length).to.equal(order.items.length);
    expect(text(q(el, '.order-detail .delivery'))).to.contain(order.delivery.address.city);
    if (order.delivery.trackingNumber) expect(text(q(el, '.order-detail .delivery'))).to.contain(order.delivery.trackingNumber);
    // Back keeps the filter.
    await realClick(findButton(sectionEl(el), 'Back to orders'));
    await settled(el);
    expect(el.item).to.equal(undefined);
    expect(el.filter).to.equal('shipped');
  });

  it('the overview tile "On the way" opens the orders of those statuses', async () => {
    const { adapter, el } = await open(IVAN, 'overview');
    const summary = await adapter.getAccountSummary();
    await realClick(q(el, '[data-count="shipping"]')!);
    await settled(el);
    expect(el.section).to.equal('orders');
    expect(el.filter).to.equal('awaiting_shipment,shipped,delivered');
    expect(text(q(el, '.resource > p.muted'))).to.contain(String(summary.counts.shipping));
    // Focus moves to the new section's heading.
    expect(root(el).activeElement === q(el, 'h2')).to.equal(true);
  });
});

describe('<ae-account-panel> wishes and stores', () => {
  for (const section of ['wishes', 'stores'] as const) {
    it(`${section}: removed at once, "Undo" puts it back at its place`, async () => {
      const { adapter, el } = await open(IVAN, section);
      const ids = () => qa(el, '.saved-item').map((i) => i.dataset['saved']);
      const before = ids();
      const target = qa(el, '.saved-item')[1]!;
      await realClick(target.querySelector('.remove')!);
      await el.updateComplete;
      expect(ids()).to.deep.equal(before.filter((_, i) => i !== 1));
      const toast = q(el, '[part="toast"]')!;
      expect(toast.getAttribute('role')).to.equal('status');
      await waitUntil(async () => {
        const list = section === 'wishes' ? await adapter.listWishes({ pageSize: 100 }) : await adapter.listFavoriteStores({ pageSize: 100 });
        return !list.items.some((i) => i.id === before[1]);
      }, 'removed on the server');
      await realClick(findButton(toast, 'Undo'));
      await waitUntil(() => !q(el, '[part="toast"]'), 'the toast goes');
      expect(ids()).to.deep.equal(before);
      const list = section === 'wishes' ? await adapter.listWishes({ pageSize: 100 }) : await adapter.listFavoriteStores({ pageSize: 100 });
      expect(list.items.some((i) => i.id === before[1])).to.equal(true);
    });
  }

  it('a refused removal puts the wish back and says why', async () => {
    const { adapter, el } = await open(IVAN, 'wishes');
    const before = qa(el, '.saved-item').map((i) => i.dataset['saved']);
    adapter.failNext('server', { method: 'removeWish' });
    await realClick(qa(el, '.saved-item')[0]!.querySelector('.remove')!);
    await waitUntil(() => qa(el, '.saved-item').length === before.length, 'back in the list');
    expect(qa(el, '.saved-item').map((i) => i.dataset['saved'])).to.deep.equal(before);
    await waitUntil(() => text(q(el, '[role="status"][aria-live="polite"]')) !== '', 'announced');
  });
});

describe('<ae-account-panel> coupons', () => {
  it('shows value, minimum order, the expiry with a relative time, and copies the code with an announcement', async () => {
    const { adapter, el } = await open(IVAN, 'coupons');
    const coupons = await adapter.listCoupons({ state: 'active', pageSize: 50 });
    const first = coupons.items[0]!;
    const line = q(el, `.coupon[data-coupon="${first.id}"]`)!;
    expect(text(line.querySelector('.coupon-code'))).to.equal(first.code);
    const days = Math.round((first.expiresAt - Date.now()) / 86_400_000);
    const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(days, 'day');
    if (Math.abs(first.expiresAt - Date.now()) >= 86_400_000) expect(text(line.querySelector('.expiry'))).to.contain(relative);
    expect(text(line.querySelector('.expiry'))).to.contain(new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(first.expiresAt));
    const written: string[] = [];
    const clip = navigator.clipboard;
    const original = clip.writeText.bind(clip);
    clip.writeText = async (t: string) => {
      written.push(t);
    };
    try {
      await realClick(line.querySelector('.copy')!);
      await waitUntil(() => text(q(el, '.sr-only[role="status"]')).includes('copied'), 'announced');
    } finally {
      clip.writeText = original;
    }
    expect(written).to.deep.equal([first.code]);
    expect(text(q(el, '.sr-only[role="status"]'))).to.equal(`Code ${first.code} copied`);
    // Used coupons: no copy button.
    await realClick(findButton(sectionEl(el), 'Used'));
    await settled(el);
    const used = qa(el, '.coupon');
    expect(used.every((c) => c.dataset['state'] === 'used')).to.equal(true);
    expect(used.some((c) => c.querySelector('.copy'))).to.equal(false);
  });

  it('falls back to a selected field when the Clipboard API refuses', async () => {
    const { el } = await open(IVAN, 'coupons');
    const clip = navigator.clipboard;
    const original = clip.writeText.bind(clip);
    clip.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    const commands: string[] = [];
    const exec = document.execCommand.bind(document);
    document.execCommand = (c: string) => {
      commands.push(`${c}:${(document.activeElement as HTMLTextAreaElement).value}`);
      return true;
    };
    try {
      const line = qa(el, '.coupon')[0]!;
      await realClick(line.querySelector('.copy')!);
      await waitUntil(() => text(q(el, '.sr-only[role="status"]')).includes('copied'), 'announced');
      expect(commands).to.deep.equal([`copy:${text(line.querySelector('.coupon-code'))}`]);
    } finally {
      clip.writeText = original;
      document.execCommand = exec;
    }
  });
});

describe('<ae-account-panel> signed out', () => {
  it('shows <ae-login> in its light DOM, and the account after signing in there', async () => {
    const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN] });
    const el = await mount(adapter);
    await waitUntil(() => !!el.querySelector('ae-login input[name="email"]'), '<ae-login> with its form', { timeout: 5000 });
    expect(!!(q(el, 'nav'))).to.equal(false);
    const login = el.querySelector('ae-login')!;
    const email = login.querySelector<HTMLInputElement>('input[name="email"]')!;
    email.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ type: IVAN.email });
    login.querySelector<HTMLInputElement>('input[name="password"]')!.focus();
    await sendKeys({ type: IVAN.password });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !!q(el, 'nav'), 'the account after the sign-in', { timeout: 5000 });
    await settled(el);
    expect(!!(el.querySelector('ae-login'))).to.equal(false);
    expect(text(q(el, '.who-name'))).to.equal('Ivan Petrov');
  });
});

describe('<ae-account-panel> at 360 px', () => {
  it('turns the navigation into a tab bar that scrolls sideways, and nothing overflows the page', async () => {
    await setViewport({ width: 360, height: 740 });
    const { el } = await open(IVAN, 'orders');
    const list = q(el, '.nav-list')!;
    expect(getComputedStyle(list).flexDirection).to.equal('row');
    expect(getComputedStyle(list).overflowX).to.equal('auto');
    expect(list.scrollWidth).to.be.greaterThan(list.clientWidth);
    const items = qa(el, '.nav-item');
    expect(new Set(items.map((i) => Math.round(i.getBoundingClientRect().top))).size, 'one row').to.equal(1);
    for (const section of ['orders', 'coupons', 'profile', 'overview']) {
      el.section = section;
      await el.updateComplete;
      await settled(el);
      expect(document.documentElement.scrollWidth, `${section}: page width`).to.be.at.most(360);
      const panelBox = el.getBoundingClientRect();
      for (const n of [...root(el).querySelectorAll('section.section *'), ...el.querySelectorAll('.ae-account-light *')]) {
        const r = n.getBoundingClientRect();
        if (r.width === 0) continue;
        expect(r.right, `${section}: ${n.localName}.${(n as HTMLElement).className} overflows`).to.be.at.most(panelBox.right + 0.5);
      }
    }
    // The current tab is scrolled into view when reached with the keyboard.
    items[items.length - 1]!.focus();
    items[items.length - 1]!.scrollIntoView({ inline: 'nearest' });
    expect(list.scrollLeft).to.be.greaterThan(0);
  });
});

describe('<ae-account-panel> message center', () => {
  it('lists the conversations, starts one with support, and sends and receives with the virtual agent', async () => {
    const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN, NEW], agentDelayMs: 10 } as MemoryAdapterOptions);
    await adapter.signIn({ email: IVAN.email, password: IVAN.password, remember: false });
    const el = await mount(adapter, 'messages');
    await waitUntil(() => !!q(el, 'nav'), 'nav', { timeout: 5000 });
    await settled(el);
    const before = qa(el, '.conversation').length;
    await realClick(findButton(sectionEl(el), 'Write to support'));
    await waitUntil(() => !!el.item && !!q(el, 'ae-conversation'), 'the conversation opens', { timeout: 5000 });
    const view = q(el, 'ae-conversation')! as HTMLElement & { updateComplete: Promise<unknown> };
    expect(view.getAttribute('conversation-id')).to.equal(el.item);
    // The agent's greeting arrives.
    const messages = () => [...(view.shadowRoot?.querySelectorAll<HTMLElement>('[part~="message"]') ?? [])];
    await waitUntil(() => messages().some((m) => m.matches('[part~="from-agent"]')), 'the greeting', { timeout: 5000 });
    const agentBefore = messages().filter((m) => m.matches('[part~="from-agent"]')).length;
    const box = view.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    box.focus();
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ type: 'Where is my order?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => messages().some((m) => m.matches('[part~="from-person"]') && text(m).includes('Where is my order?')), 'my message', { timeout: 5000 });
    await waitUntil(() => messages().filter((m) => m.matches('[part~="from-agent"]')).length > agentBefore, 'the agent answers', { timeout: 5000 });
    // Back to the list: the new conversation is in it.
    await realClick(findButton(sectionEl(el), 'All conversations'));
    await settled(el);
    expect(qa(el, '.conversation').length).to.equal(before + 1);
    expect(!!(q(el, `.conversation[data-kind="support"]`))).to.equal(true);
  });

  it('a new buyer with no conversation: the empty state', async () => {
    const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN, NEW], seedStoreConversations: false } as MemoryAdapterOptions);
    await adapter.signIn({ email: NEW.email, password: NEW.password, remember: false });
    const el = await mount(adapter, 'messages');
    await waitUntil(() => !!q(el, 'nav'), 'nav', { timeout: 5000 });
    await settled(el);
    expect(!!(sectionEl(el).querySelector('[part="empty"]'))).to.equal(true);
    expect(qa(el, '.conversation').length).to.equal(0);
  });
});

describe('<ae-account-panel> embedded elements', () => {
  it('"Location and currency" embeds <ae-preferences> and "Shipping addresses" <ae-address-form>, in the light DOM', async () => {
    const { el } = await open(IVAN, 'preferences');
    await waitUntil(() => !!el.querySelector('ae-preferences'), '<ae-preferences>', { timeout: 5000 });
    const prefs = el.querySelector('ae-preferences')!;
    expect(prefs.getRootNode() === document).to.equal(true);
    expect(!!(prefs.closest('[slot="light"]')?.assignedSlot)).to.equal(true);
    await waitUntil(() => !!prefs.querySelector('select'), 'its country and currency fields', { timeout: 5000 });
    el.section = 'addresses';
    await el.updateComplete;
    await settled(el);
    await waitUntil(() => !!el.querySelector('ae-address-form')?.querySelector('button, input'), '<ae-address-form> with its controls', { timeout: 5000 });
    expect(!!(el.querySelector('ae-preferences')), 'the other section’s element leaves').to.equal(false);
  });
});
