import { expect, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder } from './helpers/secrets.js';
import '../src/define/ae-user-menu.js';
import type { AeUserMenu } from '../src/components/user-menu/user-menu.js';
import type { AeLogin } from '../src/components/login/login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter, CallOptions, Session, SessionCapability } from '../src/adapter/types.js';
import { getSessionSnapshot, resetSessionStoreForTests, setSession } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { userMenuStyles } from '../src/components/user-menu/user-menu.styles.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';
import { assertFocused, findButton, realClick, shownText, typeInto } from './helpers/dom.js';
import { frameClick, frameWindow, openFrame } from './helpers/frames.js';
import type { SessionFrame } from './helpers/session-frame.js';
import { authFixtures, PASSWORD as HTTP_PASSWORD } from './server/auth-fixtures.js';

// <ae-user-menu>: the header's corner for the page's one session store. Real keys (sendKeys) and real clicks;
// a MemoryAdapter with no latency, or the contract server over HTTP for two tabs sharing one cookie.

// Every BroadcastChannel this page opens and closes (the store opens one while elements subscribe).
const opened: BroadcastChannel[] = [];
const closed = new Set<BroadcastChannel>();
const posted: unknown[] = [];
const Native = BroadcastChannel;
window.BroadcastChannel = class extends Native {
  constructor(name: string) {
    super(name);
    opened.push(this);
  }
  override postMessage(data: unknown): void {
    posted.push(data);
    super.postMessage(data);
  }
  override close(): void {
    closed.add(this);
    super.close();
  }
};
const openChannels = () => opened.filter((c) => !closed.has(c));

// The test pages of a run are tabs of one origin: a channel of this file's own keeps theirs out.
const CHANNEL = `ae-test:user-menu:${Math.random().toString(36).slice(2)}`;
const CAPTCHA = 'Ab3dE';
const PASSWORD = 'Sekret-2026';
const MARIA = { email: 'maria@example.com', firstName: 'Maria', lastName: 'Ivanova' };
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

/** A MemoryAdapter where Maria has an active profile; `signedIn` signs her in too (as another element did). */
async function mariaAdapter(signedIn: boolean, options: MemoryAdapterOptions = {}) {
  const adapter = new MemoryAdapter({ latency: 0, captchaAnswer: CAPTCHA, ...options });
  const captcha = await adapter.getCaptcha();
  await adapter.register({ ...MARIA, password: PASSWORD, captcha: { id: captcha.id, answer: CAPTCHA } });
  await adapter.activate(adapter.outbox[adapter.outbox.length - 1]!.token);
  const session = signedIn ? await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false }) : undefined;
  return { adapter, session };
}

/** Counts getSession calls of `base`. */
function counting<A extends SessionCapability>(base: A): { adapter: A; calls: { getSession: number } } {
  const calls = { getSession: 0 };
  const adapter = Object.create(base) as A;
  adapter.getSession = (o?: CallOptions) => {
    calls.getSession++;
    return base.getSession(o);
  };
  return { adapter, calls };
}

/**
 * Renders `template` into a new container in the page and waits for its user menus' first update. (Not
 * open-wc's fixture: for a root that is not a Lit element it waits for an animation frame, and a test page
 * running beside another one is a background tab, which gets none.)
 */
const placed: HTMLElement[] = [];
async function place(template: TemplateResult): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  placed.push(container);
  render(template, container);
  await Promise.all([...container.querySelectorAll('ae-user-menu')].map((m) => m.updateComplete));
  return container.firstElementChild as HTMLElement;
}

async function mount(adapter: Partial<AuthAdapter>, attrs = ''): Promise<AeUserMenu> {
  const wrap = await place(
    html`<div>
      <button id="before">Before</button>
      <ae-user-menu .adapter=${adapter as AuthAdapter} account-href=${attrs || undefined}></ae-user-menu>
      <button id="after">After</button>
    </div>`,
  );
  const el = wrap.querySelector('ae-user-menu')!;
  await el.updateComplete;
  return el;
}

/** A user menu once the store knows (the connect's getSession answered). */
async function ready(adapter: Partial<AuthAdapter>, attrs = ''): Promise<AeUserMenu> {
  const el = await mount(adapter, attrs);
  await waitUntil(() => getSessionSnapshot().status !== 'unknown', 'the session is known');
  await el.updateComplete;
  return el;
}

function part(el: AeUserMenu, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}
function must(el: AeUserMenu, name: string): HTMLElement {
  const node = part(el, name);
  if (!node) throw new Error(`no part ${name} in ${el.shadowRoot!.innerHTML.slice(0, 300)}`);
  return node;
}
const text = (node: Node | null) => (node ? shownText(node) : '').replace(/\s+/g, ' ').trim();
const trigger = (el: AeUserMenu) => must(el, 'trigger');
const menuOpen = (el: AeUserMenu) => part(el, 'menu')?.hidden === false;
const focusedItem = (el: AeUserMenu) => text(el.shadowRoot!.activeElement);
const press = (key: string) => sendKeys({ press: key });
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
const dialogOf = (el: AeUserMenu) => el.querySelector<HTMLDialogElement>('dialog');

/** A real click on a paragraph of the page beside the element (not focusable: the focus leaves to the body). */
async function clickOutside(el: AeUserMenu): Promise<void> {
  const outside = document.createElement('p');
  outside.textContent = 'Elsewhere on the page';
  el.parentElement!.append(outside);
  await realClick(outside);
  await el.updateComplete;
}

/** Focus on the "Before" button, then Tab into the element, as a keyboard user arrives. */
async function tabInto(el: AeUserMenu): Promise<void> {
  el.parentElement!.querySelector<HTMLButtonElement>('#before')!.focus();
  await press('Tab');
}

let events: CustomEvent[] = [];
const record = (e: Event) => events.push(e as CustomEvent);
const EVENTS = ['ae-user-menu-sign-in', 'ae-user-menu-register', 'ae-user-menu-account', 'ae-session-change'];
const eventTypes = () => events.map((e) => e.type);

before(() => setSessionChannelName(CHANNEL));
beforeEach(() => {
  events = [];
  for (const type of EVENTS) document.addEventListener(type, record);
});
afterEach(async () => {
  for (const type of EVENTS) document.removeEventListener(type, record);
  for (const c of placed.splice(0)) c.remove();
  resetSessionStoreForTests();
  await setLocale('en');
});

describe('<ae-user-menu>', () => {
  describe('while the session is not known yet', () => {
    it('holds the place with an empty box of the buttons’ height, hidden from screen readers', async () => {
      let answer: (s: Session | null) => void = () => undefined;
      const slow: SessionCapability = {
        getSession: () => new Promise((resolve) => (answer = resolve)),
        signOut: async () => undefined,
      };
      const el = await mount(slow);
      const placeholder = must(el, 'placeholder');
      expect(placeholder.getAttribute('aria-hidden')).to.equal('true');
      expect(text(el.shadowRoot!), 'nothing to read or announce').to.equal('');
      expect(el.shadowRoot!.querySelectorAll('button, a, [tabindex]').length, 'nothing to focus').to.equal(0);
      const placeholderHeight = el.getBoundingClientRect().height;
      expect(placeholder.getBoundingClientRect().height).to.be.greaterThan(30);
      answer(null);
      await waitUntil(() => part(el, 'sign-in'), 'the buttons show');
      expect(el.getBoundingClientRect().height, 'no jump in height').to.equal(placeholderHeight);
    });
  });

  describe('when it connects', () => {
    it('asks the adapter once for two menus, and both show "Sign in" and "Register"', async () => {
      const { adapter, calls } = counting(new MemoryAdapter({ latency: 0 }));
      const wrap = await place(
        html`<header><ae-user-menu .adapter=${adapter}></ae-user-menu><ae-user-menu .adapter=${adapter}></ae-user-menu></header>`,
      );
      const [a, b] = [...wrap.querySelectorAll('ae-user-menu')] as AeUserMenu[];
      await waitUntil(() => part(a!, 'sign-in') && part(b!, 'sign-in'), 'both signed out');
      expect(calls.getSession).to.equal(1);
      for (const el of [a!, b!]) {
        expect(text(must(el, 'sign-in'))).to.equal('Sign in');
        expect(text(must(el, 'register'))).to.equal('Register');
      }
    });

    it('does not ask when the store already knows', async () => {
      const { adapter, calls } = counting(new MemoryAdapter({ latency: 0 }));
      setSession(null);
      const el = await mount(adapter);
      expect(part(el, 'sign-in') !== null, 'shown at the first render').to.equal(true);
      expect(calls.getSession).to.equal(0);
    });
  });

  describe('when another element signs in (setSession)', () => {
    it('both menus on the page show "Hello, Maria" at once', async () => {
      const { adapter, session } = await mariaAdapter(true);
      await adapter.signOut();
      const wrap = await place(
        html`<header><ae-user-menu .adapter=${adapter}></ae-user-menu></header>
          <aside><ae-user-menu .adapter=${adapter}></ae-user-menu></aside>`,
      );
      const menus = [...wrap.parentElement!.querySelectorAll('ae-user-menu')] as AeUserMenu[];
      await waitUntil(() => menus.every((m) => part(m, 'sign-in')), 'signed out');
      setSession(session!);
      await Promise.all(menus.map((m) => m.updateComplete));
      for (const m of menus) {
        expect(text(trigger(m))).to.equal('Hello, Maria');
        expect(trigger(m).getAttribute('aria-haspopup')).to.equal('menu');
        expect(trigger(m).getAttribute('aria-expanded')).to.equal('false');
      }
    });
  });

  describe('the menu, by keyboard alone', () => {
    it('Enter, Space and ArrowDown open it on the first item, ArrowUp on the last; Escape closes it back to the button', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await tabInto(el);
      assertFocused(el, 'Tab reaches the menu button');
      expect(el.shadowRoot!.activeElement === trigger(el)).to.equal(true);
      for (const [key, first] of [
        ['Enter', 'My account'],
        ['Space', 'My account'],
        ['ArrowDown', 'My account'],
        ['ArrowUp', 'Sign out'],
      ] as const) {
        await press(key);
        await el.updateComplete;
        expect(menuOpen(el), `${key} opens`).to.equal(true);
        expect(trigger(el).getAttribute('aria-expanded'), key).to.equal('true');
        expect(focusedItem(el), `${key} focuses`).to.equal(first);
        await press('Escape');
        await el.updateComplete;
        expect(menuOpen(el), 'Escape closes').to.equal(false);
        expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
        expect(el.shadowRoot!.activeElement === trigger(el), 'Escape returns to the button').to.equal(true);
      }
    });

    it('ArrowDown/ArrowUp move with wrap, Home/End go to the ends, a letter to the item starting with it', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await tabInto(el);
      await press('Enter');
      await el.updateComplete;
      const seen: string[] = [];
      for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowUp', 'End', 'Home', 's', 'm', 'S']) {
        await press(key);
        seen.push(focusedItem(el));
      }
      expect(seen).to.deep.equal(['Sign out', 'My account', 'Sign out', 'My account', 'Sign out', 'My account', 'Sign out', 'My account', 'Sign out']);
      expect(menuOpen(el)).to.equal(true);
      const items = [...el.shadowRoot!.querySelectorAll('[role="menuitem"]')];
      expect(items.map((i) => i.getAttribute('tabindex'))).to.deep.equal(['-1', '-1']);
      expect(part(el, 'menu')!.getAttribute('role')).to.equal('menu');
      expect(part(el, 'menu')!.getAttribute('aria-labelledby')).to.equal(trigger(el).id);
      expect(trigger(el).getAttribute('aria-controls')).to.equal(part(el, 'menu')!.id);
    });

    it('Tab closes it and moves on; Shift+Tab closes it back to the button', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await tabInto(el);
      await press('ArrowDown');
      await press('Tab');
      await el.updateComplete;
      expect(menuOpen(el)).to.equal(false);
      assertFocused(el.parentElement!.querySelector('#after'), 'Tab goes on to the next control');
      await shiftTab();
      await press('ArrowUp');
      await el.updateComplete;
      expect(focusedItem(el)).to.equal('Sign out');
      await shiftTab();
      await el.updateComplete;
      expect(menuOpen(el)).to.equal(false);
      expect(el.shadowRoot!.activeElement === trigger(el), 'back on the button').to.equal(true);
    });

    it('"My account" fires a cancelable event and follows account-href unless canceled', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter, '#account');
      history.replaceState(null, '', location.pathname + location.search);
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-user-menu-account', cancel, { once: true });
      await tabInto(el);
      await press('Enter');
      await press('Enter');
      await el.updateComplete;
      expect(eventTypes()).to.include('ae-user-menu-account');
      expect(location.hash, 'canceled: the host routes').to.equal('');
      expect(menuOpen(el)).to.equal(false);
      expect(el.shadowRoot!.activeElement === trigger(el), 'focus back on the button').to.equal(true);
      await press('Enter');
      await press('Enter');
      await waitUntil(() => location.hash === '#account', 'followed the link');
      const account = events.find((e) => e.type === 'ae-user-menu-account')!;
      expect(account.cancelable && account.bubbles && account.composed).to.equal(true);
      expect(Object.keys(account.detail as object)).to.deep.equal([]);
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('"Sign out" signs out through the store; focus goes back to the button, which now reads "Sign in"', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await tabInto(el);
      await press('ArrowUp');
      expect(focusedItem(el)).to.equal('Sign out');
      await press('Enter');
      await waitUntil(() => part(el, 'sign-in'), 'signed out');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === part(el, 'sign-in'), `focus on ${text(el.shadowRoot!.activeElement)}`).to.equal(true);
      expect(text(el.shadowRoot!.activeElement)).to.equal('Sign in');
      expect(await adapter.getSession(), 'the adapter ended the session').to.equal(null);
      expect(getSessionSnapshot().status).to.equal('signed-out');
      const change = events.filter((e) => e.type === 'ae-session-change');
      expect(change.map((e) => (e.detail as { signedIn: boolean }).signedIn)).to.deep.equal([true, false]);
    });

    it('a failed sign-out says so, keeps the person signed in and focus on the button', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      adapter.failNext('network', { method: 'signOut' });
      await tabInto(el);
      await press('ArrowUp');
      await press('Enter');
      await waitUntil(() => text(part(el, 'alert')), 'the message');
      expect(text(part(el, 'alert'))).to.equal('No connection. Check the internet and try again.');
      expect(part(el, 'alert')!.getAttribute('role')).to.equal('alert');
      expect(el.shadowRoot!.activeElement === trigger(el)).to.equal(true);
      expect(getSessionSnapshot().status).to.equal('signed-in');
    });
  });

  describe('the menu, by mouse', () => {
    it('a click opens it on its first item, a second click or a click outside closes it', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await realClick(trigger(el));
      await el.updateComplete;
      expect(menuOpen(el)).to.equal(true);
      expect(focusedItem(el)).to.equal('My account');
      await realClick(trigger(el));
      await el.updateComplete;
      expect(menuOpen(el), 'the second click closes').to.equal(false);
      await realClick(trigger(el));
      await el.updateComplete;
      expect(menuOpen(el)).to.equal(true);
      await clickOutside(el);
      expect(menuOpen(el), 'a click outside closes').to.equal(false);
    });

    it('"Sign out" by click', async () => {
      const { adapter } = await mariaAdapter(true);
      const el = await ready(adapter);
      await realClick(trigger(el));
      await el.updateComplete;
      await realClick(must(el, 'sign-out'));
      await waitUntil(() => part(el, 'sign-in'), 'signed out');
      expect(text(el.shadowRoot!.activeElement)).to.equal('Sign in');
    });
  });

  describe('"Sign in" and "Register"', () => {
    it('fire cancelable events; canceled, nothing opens', async () => {
      const el = await ready(new MemoryAdapter({ latency: 0 }));
      const cancel = (e: Event) => e.preventDefault();
      document.addEventListener('ae-user-menu-sign-in', cancel);
      document.addEventListener('ae-user-menu-register', cancel);
      try {
        await realClick(must(el, 'sign-in'));
        await realClick(must(el, 'register'));
        await el.updateComplete;
      } finally {
        document.removeEventListener('ae-user-menu-sign-in', cancel);
        document.removeEventListener('ae-user-menu-register', cancel);
      }
      expect(eventTypes()).to.deep.equal(['ae-session-change', 'ae-user-menu-sign-in', 'ae-user-menu-register']);
      for (const e of events.slice(1)) {
        expect(e.cancelable && e.bubbles && e.composed, e.type).to.equal(true);
        expect(Object.keys(e.detail as object), e.type).to.deep.equal([]);
      }
      expect(dialogOf(el) === null, 'no dialog').to.equal(true);
    });

    it('"Register" opens <ae-register> in a modal dialog in the light DOM; Escape closes it, focus back on "Register"', async () => {
      const el = await ready(new MemoryAdapter({ latency: 0, captchaAnswer: CAPTCHA }));
      must(el, 'register').focus();
      await press('Enter');
      await waitUntil(() => dialogOf(el)?.open, 'the dialog is open');
      const dialog = dialogOf(el)!;
      expect(dialog.matches(':modal')).to.equal(true);
      expect(dialog.getAttribute('aria-label')).to.equal('Register');
      await waitUntil(() => document.activeElement?.matches('ae-register input[name="email"]'), 'focus in the first field');
      const email = dialog.querySelector<HTMLInputElement>('ae-register input[name="email"]')!;
      expect(email.getRootNode() === document, 'the form is in the document, where password managers see it').to.equal(true);
      await press('Escape');
      await waitUntil(() => !dialogOf(el), 'closed and removed');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement === part(el, 'register'), 'focus back on "Register"').to.equal(true);
    });

    it('the close button and a click on the backdrop close the dialog too', async () => {
      const el = await ready(new MemoryAdapter({ latency: 0, captchaAnswer: CAPTCHA }));
      await realClick(must(el, 'register'));
      await waitUntil(() => dialogOf(el)?.open, 'open');
      await realClick(findButton(dialogOf(el)!, 'Close'));
      await waitUntil(() => !dialogOf(el), 'closed by its button');
      await el.updateComplete;
      expect(text(el.shadowRoot!.activeElement)).to.equal('Register');
      await realClick(must(el, 'sign-in'));
      await waitUntil(() => dialogOf(el)?.open, 'open');
      // The backdrop: a point of the viewport outside the dialog's box.
      const box = dialogOf(el)!.getBoundingClientRect();
      const { sendMouse } = await import('@web/test-runner-commands');
      await sendMouse({ type: 'click', position: [Math.max(2, Math.round(box.left / 2)), Math.max(2, Math.round(box.top / 2))] });
      await waitUntil(() => !dialogOf(el), 'closed by the backdrop');
      await el.updateComplete;
      expect(text(el.shadowRoot!.activeElement)).to.equal('Sign in');
    });

    it('"Sign in" opens <ae-login>; signing in there closes the dialog, the button greets, focus on it', async () => {
      const { adapter } = await mariaAdapter(false);
      const el = await ready(adapter);
      await realClick(must(el, 'sign-in'));
      await waitUntil(() => document.activeElement?.matches('ae-login input[name="email"]'), 'focus in the e-mail field');
      const login = dialogOf(el)!.querySelector<AeLogin>('ae-login')!;
      expect(dialogOf(el)!.getAttribute('aria-label')).to.equal('Sign in');
      await typeInto(login as never, 'email', MARIA.email);
      await typeInto(login as never, 'password', PASSWORD);
      await press('Enter');
      await waitUntil(() => !dialogOf(el), 'the dialog closed after the sign-in', { timeout: 5000 });
      await el.updateComplete;
      expect(text(trigger(el))).to.equal('Hello, Maria');
      expect(el.shadowRoot!.activeElement === trigger(el), 'focus on the menu button').to.equal(true);
      expect(login.isConnected, 'the form left the page').to.equal(false);
    });
    it('a sign-in elsewhere on the page closes the open dialog at once (not reopened, nothing left open)', async () => {
      const { adapter, session } = await mariaAdapter(true);
      await adapter.signOut();
      const el = await ready(adapter);
      await realClick(must(el, 'register'));
      await waitUntil(() => dialogOf(el)?.open, 'open');
      await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false });
      setSession(session!);
      await el.updateComplete;
      expect(dialogOf(el) === null, 'the dialog is gone after one update').to.equal(true);
      expect(document.querySelector(':modal') === null, 'no modal left in the top layer').to.equal(true);
      expect(text(trigger(el))).to.equal('Hello, Maria');
    });
  });

  describe('when the adapter cannot answer', () => {
    it("says 'unsupported' when the adapter has no getSession, with no retry", async () => {
      const errors: string[] = [];
      const original = console.error;
      console.error = (...args: unknown[]) => errors.push(args.join(' '));
      try {
        const el = await mount({ signIn: async () => ({ userId: 'x', ...MARIA }) });
        await waitUntil(() => text(part(el, 'alert')), 'the message');
        expect(text(part(el, 'alert'))).to.equal('This form cannot work on this page yet. Please contact the site’s support.');
        expect(part(el, 'retry') === null, 'no "Try again"').to.equal(true);
        expect(part(el, 'sign-in') === null, 'no "Sign in"').to.equal(true);
        expect(errors.join('\n')).to.contain('session capability');
      } finally {
        console.error = original;
      }
    });

    it('after a network failure offers "Try again", which asks again', async () => {
      const adapter = new MemoryAdapter({ latency: 0 });
      adapter.failNext('network', { method: 'getSession' });
      const el = await mount(adapter);
      await waitUntil(() => part(el, 'retry'), 'Try again');
      expect(text(part(el, 'alert'))).to.equal('No connection. Check the internet and try again.');
      await realClick(must(el, 'retry'));
      await waitUntil(() => part(el, 'sign-in'), 'signed out');
      expect(text(part(el, 'alert'))).to.equal('');
      expect(el.shadowRoot!.activeElement === part(el, 'sign-in'), 'focus moved on from the gone button').to.equal(true);
    });
  });

  describe('when every element left the page', () => {
    it('no channel is left open', async () => {
      const { adapter } = await mariaAdapter(true);
      const wrap = await place(
        html`<div><ae-user-menu .adapter=${adapter}></ae-user-menu><ae-user-menu .adapter=${adapter}></ae-user-menu></div>`,
      );
      await waitUntil(() => getSessionSnapshot().status === 'signed-in', 'known');
      expect(openChannels(), 'one channel while they are there').to.have.length(1);
      wrap.querySelector('ae-user-menu')!.remove();
      expect(openChannels()).to.have.length(1);
      wrap.querySelector('ae-user-menu')!.remove();
      expect(openChannels(), 'none after the last one').to.have.length(0);
      // Back on the page: one channel again, and the session is checked again (nothing was heard meanwhile).
      const el = await mount(adapter);
      expect(openChannels()).to.have.length(1);
      expect(text(trigger(el)), 'what was known shows at once').to.equal('Hello, Maria');
      el.parentElement!.remove();
      expect(openChannels()).to.have.length(0);
      await adapter.signOut(); // ended where no element heard it
      const again = await mount(adapter);
      await waitUntil(() => part(again, 'sign-in'), 'the stale session was checked');
    });
  });

  describe('when another tab of the site signs out or in (one cookie, over HTTP)', () => {
    it('both menus here follow the other tab’s menu', async () => {
      const namespace = `user-menu-${Math.random().toString(36).slice(2)}`;
      const f = await authFixtures(namespace);
      await f.server.reset({ resendCooldownMs: 0 });
      const frame = await openFrame(
        `/test/helpers/session-frame.html?channel=${encodeURIComponent(CHANNEL)}&namespace=${encodeURIComponent(namespace)}`,
      );
      try {
        const userId = await f.activeProfile(MARIA.email);
        const here = f.adapter();
        const wrap = await place(
          html`<div><ae-user-menu .adapter=${here}></ae-user-menu><ae-user-menu .adapter=${here}></ae-user-menu></div>`,
        );
        const menus = [...wrap.querySelectorAll('ae-user-menu')] as AeUserMenu[];
        await waitUntil(() => menus.every((m) => part(m, 'sign-in')), 'signed out here');
        setSession(await here.signIn({ email: MARIA.email, password: HTTP_PASSWORD, remember: false }));
        const tab = frameWindow<{ sessionFrame: SessionFrame }>(frame).sessionFrame;
        await tab.ready;
        const other = tab.menu!;
        // The frame's nodes are of another realm (shownText's instanceof does not know them): their textContent.
        await waitUntil(() => part(other, 'name')?.textContent === 'Hello, Maria', 'the other tab reads the cookie', { timeout: 4000 });

        // Sign out there, by real clicks in that tab's menu.
        await frameClick(frame, must(other, 'trigger'));
        await other.updateComplete;
        await frameClick(frame, must(other, 'sign-out'));
        await waitUntil(() => menus.every((m) => part(m, 'sign-in')), 'both menus here show "Sign in"', { timeout: 4000 });
        expect(await here.getSession(), 'the server ended the one session').to.equal(null);

        // Sign in there: this tab asks its own adapter (the cookie is shared) and greets.
        const session = await tab.fixtures!.adapter().signIn({ email: MARIA.email, password: HTTP_PASSWORD, remember: false });
        tab.store.setSession(session);
        await waitUntil(() => menus.every((m) => part(m, 'trigger')), 'both menus here greet', { timeout: 4000 });
        expect(menus.map((m) => text(trigger(m)))).to.deep.equal(['Hello, Maria', 'Hello, Maria']);
        const changes = events.filter((e) => e.type === 'ae-session-change').map((e) => e.detail as { signedIn: boolean; userId?: string });
        expect(changes.map((c) => `${c.signedIn}:${c.userId ?? ''}`)).to.deep.equal(['false:', `true:${userId}`, 'false:', `true:${userId}`]);
      } finally {
        frame.remove();
        await f.signOutHere();
      }
    });
  });

  describe('accessibility (axe-core) in every state and language', () => {
    for (const locale of LOCALES) {
      it(`${locale}: signed out, signed in (closed and open), and the dialog`, async () => {
        await setLocale(locale);
        const { adapter, session } = await mariaAdapter(false);
        const el = await ready(adapter);
        await expectAccessible(el.parentElement!, `${locale} signed out`);
        expect(must(el, 'base').getAttribute('lang')).to.equal(locale);
        const signedIn = { ...session, ...(await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false })) };
        setSession(signedIn);
        await el.updateComplete;
        await expectAccessible(el.parentElement!, `${locale} signed in, closed`);
        await realClick(trigger(el));
        await el.updateComplete;
        expect(menuOpen(el)).to.equal(true);
        await expectAccessible(el.parentElement!, `${locale} signed in, open`);
        await realClick(must(el, 'sign-out'));
        await waitUntil(() => part(el, 'sign-in'), 'signed out');
        await realClick(must(el, 'sign-in'));
        await waitUntil(() => document.activeElement?.matches('ae-login input[name="email"]'), 'the sign-in dialog');
        await expectAccessible(dialogOf(el)!, `${locale} sign-in dialog`);
      });
    }
  });

  describe('in every language', () => {
    // The GLOSSARY's words (/work/shared/GLOSSARY.md): "Sign in", "Register", "Hello, Maria", "My account", "Sign out".
    const WORDS = {
      en: ['Sign in', 'Register', 'Hello, Maria', 'My account', 'Sign out'],
      ru: ['Войти', 'Регистрация', 'Здравствуйте, Maria', 'Мой профиль', 'Выйти'],
      bg: ['Вход', 'Регистрация', 'Здравейте, Maria', 'Моят профил', 'Изход'],
    } as const;
    for (const locale of LOCALES) {
      it(`${locale}: ${WORDS[locale].join(' · ')}`, async () => {
        await setLocale(locale);
        const el = await ready(new MemoryAdapter({ latency: 0 }));
        const shown = [text(must(el, 'sign-in')), text(must(el, 'register'))];
        setSession({ userId: 'u-1', ...MARIA });
        await el.updateComplete;
        shown.push(text(trigger(el)), text(must(el, 'account')), text(must(el, 'sign-out')));
        expect(shown).to.deep.equal([...WORDS[locale]]);
      });
    }
  });

  describe('themes and forced colors', () => {
    async function themeFiles(): Promise<void> {
      for (const name of ['marketplace', 'dark']) {
        if (document.querySelector(`link[data-theme-file=${name}]`)) continue;
        const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/src/themes/${name}.css` });
        link.dataset.themeFile = name;
        const loaded = new Promise((resolve, reject) => {
          link.onload = resolve;
          link.onerror = reject;
        });
        document.head.append(link);
        await loaded;
      }
    }

    it('takes the accent of neutral, marketplace and dark', async () => {
      await themeFiles();
      setSession(null);
      const wrap = await place(html`<div>
        <section><ae-user-menu></ae-user-menu></section>
        <section class="ae-theme-marketplace"><ae-user-menu></ae-user-menu></section>
        <section class="ae-theme-dark"><ae-user-menu></ae-user-menu></section>
      </div>`);
      const menus = [...wrap.querySelectorAll('ae-user-menu')] as AeUserMenu[];
      await Promise.all(menus.map((m) => m.updateComplete));
      expect(menus.map((m) => getComputedStyle(must(m, 'sign-in')).backgroundColor)).to.deep.equal([
        'rgb(35, 80, 200)',
        'rgb(209, 20, 44)',
        'rgb(157, 184, 255)',
      ]);
      for (const m of menus) await expectAccessible(m, 'themed');
    });

    it('gives every control and the menu a system-color border or outline under forced colors', async () => {
      // Headless Chromium over Puppeteer cannot emulate forced-colors: the media block is read from the sheet and
      // matched against the real nodes of each state.
      const block = userMenuStyles
        .map((s) => s.styleSheet!)
        .flatMap((sheet) => [...sheet.cssRules])
        .find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText.includes('forced-colors: active'));
      expect(block !== undefined, 'a forced-colors block').to.equal(true);
      const rules = [...block!.cssRules] as CSSStyleRule[];
      const framed = (node: Element) =>
        rules.some(
          (r) =>
            node.matches(r.selectorText.replace(/:focus\b/g, '')) &&
            /(ButtonText|CanvasText|GrayText|Highlight)/i.test(`${r.style.borderColor} ${r.style.border} ${r.style.outline}`),
        );
      let resolve: (s: Session | null) => void = () => undefined;
      const el = await mount({ getSession: () => new Promise((r) => (resolve = r)), signOut: async () => undefined });
      expect(framed(must(el, 'placeholder')), 'placeholder').to.equal(true);
      resolve(null);
      await waitUntil(() => part(el, 'sign-in'), 'signed out');
      for (const name of ['sign-in', 'register']) expect(framed(must(el, name)), name).to.equal(true);
      setSession({ userId: 'u-1', ...MARIA });
      await el.updateComplete;
      for (const name of ['trigger', 'menu', 'account', 'sign-out']) expect(framed(must(el, name)), name).to.equal(true);
    });
  });

  describe('secrets', () => {
    it('no password or session id in any event, attribute, storage, URL, channel message or console line', async () => {
      const recorder = installLeakRecorder();
      recorder.clear();
      const postedBefore = posted.length;
      // The embedded adapter's way: the session mirrored in storage, as a browser keeps a cookie.
      const { adapter } = await mariaAdapter(false, { persistSession: true });
      const el = await ready(adapter);
      await realClick(must(el, 'sign-in'));
      await waitUntil(() => document.activeElement?.matches('ae-login input[name="email"]'), 'the form');
      const login = dialogOf(el)!.querySelector<AeLogin>('ae-login')!;
      await typeInto(login as never, 'email', MARIA.email);
      await typeInto(login as never, 'password', PASSWORD);
      await press('Enter');
      await waitUntil(() => part(el, 'trigger'), 'signed in', { timeout: 5000 });
      const stored = sessionStorage.getItem('ae-auth-elements.demo-session');
      const sid = (JSON.parse(stored ?? '{}') as { sid?: string }).sid;
      expect(typeof sid === 'string' && sid.length >= 16, 'the adapter keeps an opaque session id').to.equal(true);
      const messages = JSON.stringify(posted.slice(postedBefore));
      expect(messages).not.to.contain(sid!);
      expect(messages).not.to.contain(PASSWORD);
      expect(messages).not.to.contain(MARIA.email);
      const sidFound = (await recorder.find(sid!)).filter((w) => !w.startsWith('sessionStorage ae-auth-elements.demo-session'));
      expect(sidFound, 'the session id only where the adapter keeps it').to.deep.equal([]);
      expect(await recorder.find(PASSWORD), 'signed in').to.deep.equal([]);
      await realClick(trigger(el));
      await el.updateComplete;
      await realClick(must(el, 'sign-out'));
      await waitUntil(() => part(el, 'sign-in'), 'signed out');
      expect(await recorder.find(PASSWORD), 'signed out').to.deep.equal([]);
      expect(await recorder.find(sid!), 'signed out: the session id is gone everywhere').to.deep.equal([]);
      expect(new Set(posted.slice(postedBefore).map((m) => Object.keys(m as object).sort().join(',')))).to.deep.equal(
        new Set(['signedIn,userId', 'signedIn']),
      );
    });
  });
});
