/**
 * The whole path of the demo store (demo/index.html) with the keyboard alone (issue 19, accessibility):
 * register, open the letter, activate, choose location and currency, open My account, write to support, sign
 * out, sign in again. Only key presses (sendKeys); nothing is clicked or focused from the test. At every step
 * the test asserts where focus is (deep through shadow roots), that it is visible (:focus-visible with a drawn
 * ring), and that errors and new chat messages are announced (a live region holds their text).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { frameWindow } from './helpers/frames.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';

type DemoWindow = { aeDemo: { adapter: MemoryAdapter; ready: Promise<void> } };

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
});

async function openDemo(): Promise<{ win: Window & DemoWindow; doc: Document }> {
  frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:800px;height:600px;border:0;z-index:1';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = '/demo/index.html';
  document.body.append(frame);
  await loaded;
  const win = frameWindow<DemoWindow>(frame);
  await waitUntil(() => !!win.aeDemo, 'the demo script ran', { timeout: 10_000 });
  await win.aeDemo.ready;
  const doc = frame.contentDocument!;
  // The first open of the page compiles every element's modules on the dev server: the header's menu shows its
  // buttons once its session is known.
  const menu = doc.querySelector('ae-user-menu')!;
  await waitUntil(() => menu.shadowRoot?.querySelector('[part~=register]'), 'the menu’s buttons', { timeout: 10_000 });
  return { win, doc: frame.contentDocument! };
}

/** The focused element inside the frame, through shadow roots. */
function focused(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function describe_(el: Element | null): string {
  if (!el) return 'nothing';
  const part = el.getAttribute('part');
  const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `${el.localName}${el.id ? `#${el.id}` : ''}${part ? `[part=${part}]` : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''} "${text}"`;
}

/** `node` is `container` or inside it, through shadow roots. */
function inside(node: Node | null, container: Node | null): boolean {
  for (let n = node; n && container; n = n.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? (n as ShadowRoot).host : n.parentNode) if (n === container) return true;
  return false;
}

/** Focus is drawn: the element matches :focus-visible and has an outline or a box-shadow ring. */
function focusVisible(el: Element): string | null {
  if (!el.matches(':focus-visible')) return `${describe_(el)} does not match :focus-visible`;
  const s = el.ownerDocument.defaultView!.getComputedStyle(el);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
  return outline || shadow ? null : `${describe_(el)} shows no ring (outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow})`;
}

/** Focus is on an element matching `what`, and visibly so. */
async function expectFocus(doc: Document, check: (el: Element) => boolean, what: string, timeout = 5000): Promise<Element> {
  try {
    await waitUntil(() => {
      const f = focused(doc);
      return !!f && check(f);
    }, `focus on ${what}`, { timeout });
  } catch {
    throw new Error(`focus on ${what}: it is on ${describe_(focused(doc))}`);
  }
  const f = focused(doc)!;
  expect(focusVisible(f), `focus on ${what} is visible`).to.equal(null);
  return f;
}

/**
 * Tab (or Shift+Tab) until focus is on an element matching `check`, at most `max` presses; every stop on the
 * way must show its focus.
 */
async function tabTo(doc: Document, check: (el: Element) => boolean, what: string, { back = false, max = 25 } = {}): Promise<Element> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    if (back) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press: 'Tab' });
    const f = focused(doc);
    seen.push(describe_(f));
    if (f) expect(focusVisible(f), `stop ${i + 1} on the way to ${what}`).to.equal(null);
    if (f && check(f)) return f;
  }
  throw new Error(`${what} not reached in ${max} presses: ${seen.join(' → ')}`);
}

const named = (name: string) => (el: Element) => el.getAttribute('name') === name;
const part = (p: string) => (el: Element) => (el.getAttribute('part') ?? '').split(' ').includes(p);
const text = (t: string | RegExp) => (el: Element) => {
  const s = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  return typeof t === 'string' ? s === t : t.test(s);
};

/** Live regions (aria-live, role=status/alert/log) in the frame, through shadow roots: their texts. */
function announced(doc: Document): string[] {
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const live = el.getAttribute('aria-live');
      const role = el.getAttribute('role');
      if ((live && live !== 'off') || role === 'status' || role === 'alert' || role === 'log') out.push((el.textContent ?? '').replace(/\s+/g, ' ').trim());
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(doc);
  return out;
}

/** Typing in the focused field, in short real key runs. */
async function type(value: string): Promise<void> {
  for (let i = 0; i < value.length; i += 12) await sendKeys({ type: value.slice(i, i + 12) });
}

describe('the demo store with the keyboard alone', () => {
  beforeEach(async () => {
    await executeServerCommand('bring-to-front');
  });

  it('register → the letter → activate → location and currency → My account → support → sign out → sign in', async function () {
    this.timeout(60_000);
    const { win, doc } = await openDemo();
    const adapter = win.aeDemo.adapter;
    const dialog = doc.querySelector<HTMLDialogElement>('dialog#view')!;

    // ---- register
    await tabTo(doc, part('register'), '"Register" in the header');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the dialog opens');
    await expectFocus(doc, named('email'), 'the e-mail field');
    await type('maria@example');
    await tabTo(doc, named('firstName'), 'first name');
    await type('Maria');
    await tabTo(doc, named('lastName'), 'last name');
    await type('Ivanova');
    await tabTo(doc, named('password'), 'password');
    await type('Sekret-2026');
    await tabTo(doc, named('passwordRepeat'), 'repeat password');
    await type('Sekret-2026');
    // A first try with a broken address and no captcha answer: Enter in a field submits.
    await sendKeys({ press: 'Enter' });
    const summary = await expectFocus(doc, (el) => el.classList.contains('ae-summary') || el.getAttribute('aria-invalid') === 'true', 'the error summary or the first invalid field');
    expect(summary.classList.contains('ae-summary'), 'focus on the error summary').to.equal(true);
    expect(announced(doc).some((t) => t.includes('Enter the code from the picture')), 'the error is announced').to.equal(true);
    // The summary's link takes focus to the field.
    await tabTo(doc, (el) => el.matches('.ae-summary a, .ae-summary button'), 'the summary’s link to the captcha', { max: 3 });
    await sendKeys({ press: 'Enter' });
    await expectFocus(doc, part('input'), 'the captcha’s answer field');
    const captcha = doc.querySelector<HTMLElement & { captchaId?: string }>('ae-register ae-captcha')!;
    await waitUntil(() => captcha.captchaId && adapter.debugCaptchaAnswer(captcha.captchaId), 'a captcha picture', { timeout: 5000 });
    await type(adapter.debugCaptchaAnswer(captcha.captchaId!)!);
    await sendKeys({ press: 'Enter' });
    // Registered: focus on the notice's heading ("Confirm your e-mail address"), its words announced.
    const form = doc.querySelector('ae-register')!;
    await expectFocus(doc, (el) => /^h[1-6]$/.test(el.localName) && inside(el, form.querySelector('.ae-success')), 'the success notice’s heading', 8000);
    expect(announced(doc).some((t) => t.includes('We sent a letter to m***@example')), 'the notice is announced').to.equal(true);

    // ---- the letter
    await tabTo(doc, (el) => el.matches('.view-after button'), 'the way to the mailbox');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.querySelector('.letter'), 'the letter');
    expect(dialog.getAttribute('aria-label')).to.equal('Demo mailbox');
    // The mailbox opens on its newest letter: its link first, then its "Activate profile" button.
    await expectFocus(doc, (el) => el.matches('.letter a[href]'), 'the letter’s link');
    await tabTo(doc, (el) => el.matches('.letter button') && text('Activate profile')(el), 'the letter’s "Activate profile"', { max: 1 });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.querySelector('ae-activate'), '<ae-activate>', { timeout: 5000 });
    // The link checked, the greeting: focus follows <ae-activate>'s new heading.
    const activate = dialog.querySelector('ae-activate')!;
    await expectFocus(doc, (el) => /^h[1-6]$/.test(el.localName) && inside(el, activate) && (el.textContent ?? '').includes('Hello, Maria!'), 'the greeting', 8000);
    expect(adapter.getUser('maria@example')?.status, 'the profile').to.equal('active');

    // ---- sign in, then location and currency
    await tabTo(doc, (el) => el.matches('.next-step'), 'the greeting’s "Sign in"', { max: 4 });
    await sendKeys({ press: 'Enter' });
    await expectFocus(doc, (el) => named('email')(el) && !!el.closest('ae-login'), 'the sign-in form’s e-mail field', 8000);
    await type('maria@example');
    await tabTo(doc, named('password'), 'the password', { max: 2 });
    await type('Sekret-2026');
    await sendKeys({ press: 'Enter' });
    // A first sign-in asks for location and currency: focus on its first field.
    await expectFocus(doc, (el) => el.localName === 'select' && !!el.closest('ae-preferences'), 'the first choice of location and currency', 10_000);
    await tabTo(doc, named('currency'), 'the currency', { max: 3 });
    const currency = focused(doc) as HTMLSelectElement;
    const before = currency.value;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => currency.value !== before, 'the arrow key chose another currency');
    const chosen = currency.value;
    await tabTo(doc, (el) => el.matches('ae-preferences button[type=submit]'), 'the preferences’ submit', { max: 3 });
    await sendKeys({ press: 'Enter' });

    // ---- My account
    await waitUntil(() => dialog.querySelector('ae-account-panel'), 'My account', { timeout: 8000 });
    expect(dialog.getAttribute('aria-label')).to.equal('My account');
    expect((await adapter.getPreferences())?.currency, 'the chosen currency is saved').to.equal(chosen);
    const panel = dialog.querySelector('ae-account-panel')!;
    await expectFocus(doc, (el) => part('nav-item')(el) && inside(el, panel) && el.getAttribute('aria-current') !== null, 'My account’s current section in its navigation', 8000);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'Esc closes the dialog');
    const menu = doc.querySelector('ae-user-menu')!;
    // "Register" is gone with the sign-in: focus on the menu's trigger that took its place.
    await expectFocus(doc, (el) => part('trigger')(el) && inside(el, menu), 'the header’s "Hello, Maria"');

    // ---- write to support
    const link = doc.querySelector('ae-support-link')!;
    await tabTo(doc, (el) => inside(el, link), 'the footer’s "Support"');
    await sendKeys({ press: 'Enter' });
    const chat = doc.querySelector<HTMLElement & { open: boolean }>('ae-support')!;
    await waitUntil(() => chat.open, 'the chat opens', { timeout: 5000 });
    await expectFocus(doc, (el) => /^h[1-6]$/.test(el.localName) && inside(el, chat) && (el.textContent ?? '').includes('What can we help with?'), 'the chat’s question', 8000);
    await tabTo(doc, (el) => part('topic')(el) && inside(el, chat), 'the first topic', { max: 3 });
    await sendKeys({ press: 'Enter' });
    const conversation = () => chat.shadowRoot!.querySelector('ae-conversation');
    await expectFocus(doc, (el) => el.localName === 'textarea' && inside(el, conversation()), 'the chat’s text box', 8000);
    const agentLines = () => [...(conversation()!.shadowRoot!.querySelectorAll('[part~=message][part~=from-agent]'))].length;
    await waitUntil(() => agentLines() > 0, 'the agent’s first words', { timeout: 8000 });
    const agentBefore = agentLines();
    await type('Where is my order?');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => agentLines() > agentBefore, 'the agent answers', { timeout: 8000 });
    const answer = [...conversation()!.shadowRoot!.querySelectorAll('[part~=message][part~=from-agent] [part~=text]')].at(-1)!.textContent!.trim();
    await waitUntil(() => announced(doc).some((t) => t.includes(answer.slice(0, 40))), 'the answer is announced', { timeout: 5000 });
    await expectFocus(doc, (el) => el.localName === 'textarea' && inside(el, conversation()), 'the text box, after sending');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !chat.open, 'Esc closes the chat');
    await expectFocus(doc, (el) => inside(el, link), 'the footer’s "Support" again');

    // ---- sign out
    await tabTo(doc, (el) => part('trigger')(el) && inside(el, menu), 'the header’s "Hello, Maria"', { back: true, max: 30 });
    await sendKeys({ press: 'Enter' });
    await expectFocus(doc, (el) => part('item')(el) && inside(el, menu), 'the menu’s first item');
    const signOut = () => menu.shadowRoot!.querySelector('[part~=sign-out]');
    for (let i = 0; i < 4 && focused(doc) !== signOut(); i++) await sendKeys({ press: 'ArrowDown' });
    await expectFocus(doc, (el) => el === signOut(), '"Sign out"');
    await sendKeys({ press: 'Enter' });
    await expectFocus(doc, (el) => part('sign-in')(el) && inside(el, menu), '"Sign in", in the place of the menu', 8000);
    expect(await adapter.getSession(), 'signed out on the server side').to.equal(null);

    // ---- sign in again
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => dialog.open, 'the sign-in dialog');
    await expectFocus(doc, (el) => named('email')(el) && !!el.closest('ae-login'), 'the sign-in form’s e-mail field', 8000);
    await type('maria@example');
    await tabTo(doc, named('password'), 'the password', { max: 2 });
    await type('Sekret-2026');
    await sendKeys({ press: 'Enter' });
    // Location and currency were chosen: back to the store, focus on the menu that now greets her.
    await waitUntil(() => !dialog.open, 'the dialog closes after the sign-in', { timeout: 8000 });
    await expectFocus(doc, (el) => part('trigger')(el) && inside(el, menu) && (el.textContent ?? '').includes('Maria'), 'the header’s "Hello, Maria"', 8000);
  });
});
