/**
 * Layout and color facts for the reflow tests (issue 19, accessibility): measured on the real elements in
 * Chromium, through their shadow roots. Each check returns the offenders as short readable lines, so a failing
 * test says which node and by how much. At the end, the runner both reflow files use: `describeReflowCases`
 * (each case in each mode, and at 200 % text in ru and bg), `checkFacts` (what each mode asserts), `place`.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { setLocale } from '../src/locales/localization.js';
import { expectAccessible } from './helpers/axe.js';

/** Every element under `root`, light DOM and open shadow roots, in tree order. */
export function deepElements(root: Element): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
      visit(child);
    }
  };
  out.push(root);
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The composed-tree parent (a shadow root's host, a slotted node's slot is skipped: its box is the host's). */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

export function describeNode(el: Element): string {
  const part = el.getAttribute('part');
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  const name = el.getAttribute('name');
  return `${el.localName}${part ? `[part=${part}]` : ''}${cls}${name ? `[name=${name}]` : ''}`;
}

const shown = (el: Element): boolean => {
  if (!(el instanceof HTMLElement || el instanceof SVGElement)) return false;
  if (!el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true })) return false;
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0;
};

/** Visually hidden text (the 1 px clip pattern) is meant to be clipped. */
const visuallyHidden = (el: Element): boolean => {
  const s = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return (s.position === 'absolute' || s.position === 'fixed') && r.width <= 1 && r.height <= 1;
};

/**
 * Inside a box that scrolls sideways on its own (a strip of tabs): out of view there is not page overflow,
 * as long as the scroller itself fits (it is measured too).
 */
function inScroller(el: Element): boolean {
  for (let n = composedParent(el); n; n = composedParent(n)) {
    const x = getComputedStyle(n).overflowX;
    if (x === 'auto' || x === 'scroll') return true;
  }
  return false;
}

/** Sideways scrolling: the document wider than the viewport, or the element wider than its own box. */
export function horizontalOverflow(host: Element): string[] {
  const out: string[] = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) out.push(`document: scrollWidth ${doc.scrollWidth} > ${doc.clientWidth}`);
  // The element's own box, without its popups (an open menu may hang past its trigger, inside the screen).
  const popups = deepElements(host).filter(
    (el): el is HTMLElement => el !== host && el instanceof HTMLElement && ['absolute', 'fixed'].includes(getComputedStyle(el).position) && !visuallyHidden(el),
  );
  const saved = popups.map((el) => el.style.display);
  for (const el of popups) el.style.display = 'none';
  const [scroll, client] = [host.scrollWidth, host.clientWidth];
  popups.forEach((el, i) => (el.style.display = saved[i]!));
  if (scroll > client + 1 && client > 0) out.push(`${host.localName}: scrollWidth ${scroll} > ${client}`);
  const width = doc.clientWidth;
  const outside = deepElements(host).filter((el) => {
    if (!shown(el) || visuallyHidden(el) || inScroller(el)) return false;
    const r = el.getBoundingClientRect();
    return r.right > width + 0.5 || r.left < -0.5;
  });
  // The innermost boxes that stick out are the cause: their ancestors only follow them.
  const followers = new Set<Element>();
  for (const el of outside) for (let n = composedParent(el); n; n = composedParent(n)) followers.add(n);
  for (const el of outside) {
    if (followers.has(el)) continue;
    const r = el.getBoundingClientRect();
    out.push(`${describeNode(el)}: ${Math.round(r.left)}…${Math.round(r.right)} outside 0…${width}`);
  }
  return out;
}

/**
 * Text cut off: a box that hides what overflows it while its content is wider or taller than it. A single-line
 * ellipsis (text-overflow: ellipsis) is an intended cut, as are form fields (they scroll their own value).
 */
export function clippedText(host: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(host)) {
    if (!shown(el) || visuallyHidden(el)) continue;
    if (el.matches('input, textarea, select')) continue;
    const s = getComputedStyle(el);
    const hidesX = s.overflowX === 'hidden' || s.overflowX === 'clip';
    const hidesY = s.overflowY === 'hidden' || s.overflowY === 'clip';
    if (!hidesX && !hidesY) continue;
    if (s.textOverflow === 'ellipsis') continue;
    if (!(el.textContent ?? '').trim() && !el.shadowRoot) continue;
    if (hidesX && el.scrollWidth > el.clientWidth + 1) out.push(`${describeNode(el)}: ${el.scrollWidth} px of text in ${el.clientWidth}`);
    else if (hidesY && el.scrollHeight > el.clientHeight + 1) out.push(`${describeNode(el)}: ${el.scrollHeight} px high in ${el.clientHeight}`);
  }
  return out;
}

const CONTROL = 'button, input:not([type=hidden]), select, textarea, a[href], summary, [role=button], [role=link], [role=tab], [role=menuitem], [role=checkbox], [role=radio], [tabindex]:not([tabindex="-1"])';

/** Interactive controls shown in `host`, through shadow roots. */
export function controls(host: Element): HTMLElement[] {
  return deepElements(host).filter((el): el is HTMLElement => el instanceof HTMLElement && el.matches(CONTROL) && shown(el) && !visuallyHidden(el));
}

/** A link inside a sentence is exempt from the target size (WCAG 2.5.8 "inline"). */
function inlineInText(el: HTMLElement): boolean {
  if (getComputedStyle(el).display !== 'inline') return false;
  const parent = composedParent(el);
  const text = [...(parent?.childNodes ?? [])].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
  return text.length > 0;
}

/**
 * Controls smaller than 24 × 24 CSS px (WCAG 2.5.8) and not spaced out enough to be exempt. A checkbox or radio
 * counts with its label (the label is its target too); an inline link in a sentence is exempt; so is an
 * undersized target when a 24 px circle centered on it meets no other target and no other such circle (the
 * criterion's spacing exception).
 */
export function smallTargets(host: Element): string[] {
  const boxes = controls(host)
    .filter((el) => !inlineInText(el))
    .map((el) => {
      let r = el.getBoundingClientRect();
      const label = el.closest('label') ?? (el instanceof HTMLInputElement ? el.labels?.[0] : null);
      if (label && el.matches('input[type=checkbox], input[type=radio]')) {
        const l = label.getBoundingClientRect();
        r = new DOMRect(Math.min(l.left, r.left), Math.min(l.top, r.top), Math.max(l.width, r.width), Math.max(l.height, r.height));
      }
      return { el, r, small: r.width < 23.99 || r.height < 23.99 };
    });
  const center = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
  const meets = (a: DOMRect, b: { r: DOMRect; small: boolean }) => {
    const [x, y] = center(a);
    if (b.small) {
      const [u, v] = center(b.r);
      return Math.hypot(x - u, y - v) < 24;
    }
    const dx = Math.max(b.r.left - x, 0, x - b.r.right);
    const dy = Math.max(b.r.top - y, 0, y - b.r.bottom);
    return Math.hypot(dx, dy) < 12;
  };
  return boxes
    .filter((b) => b.small && boxes.some((o) => o !== b && !o.el.contains(b.el) && !b.el.contains(o.el) && meets(b.r, o)))
    .map((b) => `${describeNode(b.el)}: ${b.r.width.toFixed(1)} × ${b.r.height.toFixed(1)}`);
}

// ---- colors ------------------------------------------------------------------------------------------------

/** `rgb(…)`/`rgba(…)` as [r, g, b, a]; other syntaxes resolved through a canvas. */
export function rgba(color: string): [number, number, number, number] {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (m) {
    const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
  }
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
}

const transparent = (color: string) => rgba(color)[3] < 0.05;

/** The first opaque-ish background behind `el` in the composed tree (the page's canvas at the end). */
export function backgroundBehind(el: Element): string {
  for (let n: Element | null = el; n; n = composedParent(n)) {
    const bg = getComputedStyle(n).backgroundColor;
    if (!transparent(bg)) return bg;
  }
  return getComputedStyle(document.documentElement).backgroundColor;
}

const sameColor = (a: string, b: string) => {
  const [x, y] = [rgba(a), rgba(b)];
  return Math.abs(x[0] - y[0]) + Math.abs(x[1] - y[1]) + Math.abs(x[2] - y[2]) < 24;
};

/** Items of a menu or a navigation list: the list's frame and their place in it mark them, as links in a list. */
function inMenuOrNav(el: Element): boolean {
  if (el.matches('[role=menuitem], [role=menuitemradio], [role=menuitemcheckbox]')) return true;
  for (let n = composedParent(el); n; n = composedParent(n)) if (n.matches('nav, [role=menu], [role=navigation]')) return true;
  return false;
}

/**
 * Controls with no visible edge: neither a border nor an outline in a color other than what is behind them
 * (a filled button's own background, unlike what surrounds it, counts as an edge except in forced colors,
 * where the system paints backgrounds alike and only borders stay).
 */
export function invisibleEdges(host: Element, { fillCounts }: { fillCounts: boolean }): string[] {
  const out: string[] = [];
  for (const el of controls(host)) {
    if (inlineInText(el) || el.matches('a[href]') || inMenuOrNav(el)) continue;
    const s = getComputedStyle(el);
    // A region focusable to scroll it with the keys (a chat's log) is not a control to find by its edge.
    if (!el.matches('button, input, select, textarea, summary, [role]:not([role=log]):not([role=region])') && (s.overflowY === 'auto' || s.overflowY === 'scroll')) continue;
    const around = backgroundBehind(composedParent(el) ?? el);
    const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
    const border = sides.some((side) => {
      const style = s.getPropertyValue(`border-${side.toLowerCase()}-style`);
      const width = parseFloat(s.getPropertyValue(`border-${side.toLowerCase()}-width`));
      const color = s.getPropertyValue(`border-${side.toLowerCase()}-color`);
      return style !== 'none' && style !== 'hidden' && width > 0 && !transparent(color) && !sameColor(color, around);
    });
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !transparent(s.outlineColor);
    const fill = fillCounts && !transparent(s.backgroundColor) && !sameColor(s.backgroundColor, around);
    // An icon-only button (a close "×" in a header) is its glyph, where backgrounds are kept (not in forced colors).
    const glyph = fillCounts && el.matches('button') && !(el.textContent ?? '').trim() && !!el.querySelector('svg') && !sameColor(s.color, around);
    // A checkbox or radio is drawn by the system with its own edge.
    const native = el.matches('input[type=checkbox], input[type=radio]') && s.appearance !== 'none';
    // A control styled as a link is marked by its underline.
    const underlined = s.textDecorationLine.includes('underline') && !transparent(s.textDecorationColor) && !sameColor(s.color, around);
    // A button drawn inside a field (the password's "show" eye) has the field's border around it.
    const r = el.getBoundingClientRect();
    const field = [...(composedParent(el)?.children ?? [])].find((n) => n !== el && n.matches('input, textarea, select'));
    const f = field?.getBoundingClientRect();
    const inField = !!f && r.left >= f.left && r.right <= f.right && r.top >= f.top && r.bottom <= f.bottom && !invisibleEdges(field!, { fillCounts }).length;
    if (!border && !outline && !fill && !glyph && !native && !underlined && !inField) out.push(`${describeNode(el)}: border ${s.borderTopStyle} ${s.borderTopColor} on ${around}`);
  }
  return out;
}

/** Text whose color is the color behind it. */
export function invisibleText(host: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(host)) {
    if (!shown(el) || visuallyHidden(el)) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim());
    if (!own && !el.matches('input, textarea, select')) continue;
    const s = getComputedStyle(el);
    if (s.visibility !== 'visible' || parseFloat(s.opacity) === 0) continue;
    const bg = backgroundBehind(el);
    if (sameColor(s.color, bg) || transparent(s.color)) out.push(`${describeNode(el)}: ${s.color} on ${bg}`);
  }
  return out;
}

// ---- motion ------------------------------------------------------------------------------------------------

const seconds = (list: string) => Math.max(0, ...list.split(',').map((t) => (t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t))));

/** Transitions and animations longer than 0.01 s on any node (as declared: they run on the next change). */
export function longMotion(host: Element): string[] {
  const out: string[] = [];
  for (const el of deepElements(host)) {
    for (const pseudo of [null, '::before', '::after'] as const) {
      const s = getComputedStyle(el, pseudo);
      const transition = s.transitionProperty !== 'none' ? seconds(s.transitionDuration) + seconds(s.transitionDelay) : 0;
      const animation = s.animationName !== 'none' ? seconds(s.animationDuration) : 0;
      if (transition > 0.01 || animation > 0.01) {
        out.push(`${describeNode(el)}${pseudo ?? ''}: transition ${s.transitionProperty} ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`);
      }
    }
  }
  return out;
}

// ---- modes ---------------------------------------------------------------------------------------------------

export type Mode = 'narrow' | 'text-200' | 'dark' | 'forced-colors' | 'reduced-motion' | 'wide';
/** `wide` (800 px) checks the target sizes once more: a link that wraps to two lines at 320 px is one line there. */
export const MODES: readonly Mode[] = ['narrow', 'text-200', 'dark', 'forced-colors', 'reduced-motion', 'wide'];

let darkSheet: HTMLLinkElement | undefined;

/** Puts the page in `mode` (all modes but wide at 320 px; text-200 with the browser's text size at 200 %). */
export async function enterMode(mode: Mode): Promise<void> {
  await executeServerCommand('bring-to-front');
  await setViewport(mode === 'wide' ? { width: 800, height: 600 } : { width: 320, height: 640 });
  document.body.style.margin = '0';
  if (mode === 'text-200') await executeServerCommand('text-size', { percent: 200 });
  if (mode === 'dark') {
    await emulateMedia({ colorScheme: 'dark' });
    if (!darkSheet) {
      darkSheet = document.createElement('link');
      darkSheet.rel = 'stylesheet';
      darkSheet.href = '/src/themes/dark.css';
      const loaded = new Promise((resolve) => darkSheet!.addEventListener('load', resolve, { once: true }));
      document.head.append(darkSheet);
      await loaded;
    }
    document.documentElement.classList.add('ae-theme-dark');
    // The page around the elements is dark too (as a dark page would be).
    document.documentElement.style.colorScheme = 'dark';
    document.documentElement.style.background = '#121212';
    document.documentElement.style.color = '#eee';
  }
  if (mode === 'forced-colors') await executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }]);
  if (mode === 'reduced-motion') await emulateMedia({ reducedMotion: 'reduce' });
}

export async function leaveMode(): Promise<void> {
  await executeServerCommand('text-size', { percent: 100 });
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await executeServerCommand('emulate-media-features', []);
  document.documentElement.classList.remove('ae-theme-dark');
  document.documentElement.style.colorScheme = '';
  document.documentElement.style.background = '';
  document.documentElement.style.color = '';
  document.body.style.margin = '';
  await setViewport({ width: 800, height: 600 });
}

/**
 * Transitions and entrances under way (a message fading in, a theme change) finished, so colors and boxes are
 * at rest. Finished, not awaited: a test page in a background tab (two files run side by side) gets no frames,
 * and its animations would never end. Endless ones (a spinner) stay.
 */
export function atRest(): void {
  for (const a of document.getAnimations()) if (a.effect?.getTiming().iterations !== Infinity) a.finish();
}

/** A screenshot for a person (only when the run sets AE_SCREENSHOTS; the test asserts the facts itself). */
export async function screenshot(name: string): Promise<void> {
  await executeServerCommand('screenshot', { name: name.replace(/[^\w.-]+/g, '_') });
}

// ---- the runner ------------------------------------------------------------------------------------------------

type Updating = HTMLElement & { updateComplete: Promise<unknown> };

const placed: HTMLElement[] = [];

/** `template` rendered into a container of its own at the end of the body; its `tag` element once updated. */
export async function place<T extends Updating>(template: TemplateResult, tag: string): Promise<T> {
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(template, c);
  const el = c.querySelector<T>(tag)!;
  await el.updateComplete;
  return el;
}

/** The containers `place` made, taken out of the page (in an afterEach). */
export function removePlaced(): void {
  for (const c of placed.splice(0)) c.remove();
}

/** What each mode asserts of the element `el` (`name` labels axe-core's report). */
export async function checkFacts(mode: Mode, el: Element, name: string): Promise<void> {
  if (mode === 'narrow' || mode === 'text-200') {
    expect(horizontalOverflow(el), 'sideways overflow').to.deep.equal([]);
    expect(clippedText(el), 'text cut off').to.deep.equal([]);
    expect(smallTargets(el), 'controls under 24 × 24 px').to.deep.equal([]);
  } else if (mode === 'dark') {
    expect(invisibleEdges(el, { fillCounts: true }), 'controls without a visible edge').to.deep.equal([]);
    expect(invisibleText(el), 'text in the color behind it').to.deep.equal([]);
    await expectAccessible(el, `${name} (dark)`);
  } else if (mode === 'forced-colors') {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    expect(invisibleEdges(el, { fillCounts: false }), 'controls without a border').to.deep.equal([]);
    expect(invisibleText(el), 'text in the color behind it').to.deep.equal([]);
  } else if (mode === 'wide') {
    expect(smallTargets(el), 'controls under 24 × 24 px').to.deep.equal([]);
  } else {
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    expect(longMotion(el), 'motion over 0.01 s').to.deep.equal([]);
  }
}

/** The element at rest, its facts checked, then a screenshot named `shot` (taken when a check fails too). */
async function checkAtRest(mode: Mode, el: Element, name: string, shot: string): Promise<void> {
  atRest();
  try {
    await checkFacts(mode, el, name);
  } finally {
    await screenshot(shot);
  }
}

/**
 * One `describe` a case (its name; `make` brings the element up, in the page's mode and locale, and returns
 * the one measured), with a test for each of MODES and, since Russian and Bulgarian words are longer, the
 * tightest mode (text-200) again in each. Screenshots are named `<shots>-<case>-<mode>[-<locale>]`. Call it
 * inside a `describe` whose afterEach calls `removePlaced()` and `leaveMode()`.
 */
export function describeReflowCases(cases: Record<string, () => Promise<Element>>, shots: string): void {
  for (const [name, make] of Object.entries(cases)) {
    describe(name, () => {
      for (const mode of MODES) {
        it(mode, async () => {
          await enterMode(mode);
          await checkAtRest(mode, await make(), name, `${shots}-${name}-${mode}`);
        });
      }
      for (const locale of ['ru', 'bg'] as const) {
        it(`text-200 (${locale})`, async () => {
          await setLocale(locale);
          await enterMode('text-200');
          await checkAtRest('text-200', await make(), `${name} ${locale}`, `${shots}-${name}-text-200-${locale}`);
        });
      }
    });
  }
}
