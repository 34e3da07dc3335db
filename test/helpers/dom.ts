import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';
import type { AeRegister } from '../../src/components/register/register.js';
import type { AeCaptcha } from '../../src/components/captcha/captcha.js';

/** Focuses a light-DOM field of <ae-register> by name and types into it with real key presses. */
export async function typeInto(el: Element, name: string, text: string): Promise<void> {
  const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`no input[name=${name}]`);
  input.focus();
  await sendKeys({ type: text });
}

/** Leaves the focused field with Tab, as a person would (fires change). */
export async function tab(): Promise<void> {
  await sendKeys({ press: 'Tab' });
}

export function input(el: Element, name: string): HTMLInputElement {
  const i = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!i) throw new Error(`no input[name=${name}]`);
  return i;
}

export function captchaOf(el: Element): AeCaptcha {
  const c = el.querySelector('ae-captcha');
  if (!c) throw new Error('no <ae-captcha>');
  return c;
}

/** Waits until the captcha shows a picture. */
export async function captchaReady(c: AeCaptcha): Promise<void> {
  await waitUntil(() => !!c.captchaId && !!c.shadowRoot?.querySelector('img'), 'captcha picture shown', { timeout: 5000 });
}

/** Types into the captcha's own field (inside its shadow root; focus is delegated). */
export async function typeCaptcha(c: AeCaptcha, text: string): Promise<void> {
  c.focus();
  await sendKeys({ type: text });
}

/** The error text shown for a field of <ae-register>, or null. */
export function errorText(el: Element, name: string): string | null {
  const i = input(el, name);
  const ids = (i.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  const node = ids.length ? el.querySelector(`#${CSS.escape(ids[0]!)}`) : null;
  return node?.textContent?.trim() ?? null;
}

/** A button by its accessible name: its `aria-label`, else its text. */
/** The text a person or a screen reader gets from a node: its text without what is `aria-hidden`. */
export function shownText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(shownText).join('');
}

export function findButton(root: ParentNode, text: string | RegExp): HTMLButtonElement {
  const buttons = [...root.querySelectorAll('button')];
  const name = (x: HTMLButtonElement) => (x.getAttribute('aria-label') ?? shownText(x)).trim();
  const b = buttons.find((x) => (typeof text === 'string' ? name(x) === text : text.test(name(x))));
  if (!b) throw new Error(`no button ${String(text)} among ${buttons.map(name).join(' | ')}`);
  return b;
}

/** A real mouse click (through the browser's input pipeline) in the middle of the element. */
export async function realClick(target: Element): Promise<void> {
  // Aimed where the element is now: a page still laying out (a section above it getting its content) may move
  // it between the scroll and the press, and the press then lands beside it. So the point is checked with
  // elementFromPoint and aimed again, every 50 ms for up to a second; after that it is pressed as aimed.
  let point: [number, number] = [0, 0];
  for (let attempt = 0; attempt < 20; attempt++) {
    target.scrollIntoView({ block: 'center' });
    // The first line box: a wrapped inline link's bounding box has empty space in its middle.
    const r = target.getClientRects()[0] ?? target.getBoundingClientRect();
    point = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
    const root = target.getRootNode() as Document | ShadowRoot;
    const hit = typeof root.elementFromPoint === 'function' ? root.elementFromPoint(...point) : target;
    if (hit && (hit === target || target.contains(hit))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await sendMouse({ type: 'click', position: point });
}

export async function clickButton(root: ParentNode, text: string | RegExp): Promise<void> {
  await realClick(findButton(root, text));
}

/** Asserts focus without handing DOM nodes to chai's diff (which walks the whole DOM and hangs). */
export function assertFocused(expected: Element | null, what = 'focus'): void {
  const active = document.activeElement;
  if (active !== expected) {
    throw new Error(
      `${what}: expected ${expected?.outerHTML.slice(0, 120) ?? 'null'} but focus is on ${active?.outerHTML.slice(0, 120) ?? 'null'}`,
    );
  }
}

/** Fills every field of <ae-register> with valid values, typing with real key presses. */
export async function fillRegistration(
  el: AeRegister,
  { email = 'maria@example.com', password, answer }: { email?: string; password: string; answer: string },
): Promise<void> {
  await typeInto(el, 'email', email);
  await typeInto(el, 'firstName', 'Maria');
  await typeInto(el, 'lastName', 'Ivanova');
  await typeInto(el, 'password', password);
  await typeInto(el, 'passwordRepeat', password);
  await typeCaptcha(captchaOf(el), answer);
}
