/**
 * For the locale preset's page tests (locale-preset*.test.ts): elements put in the page in the same task as the
 * modules' evaluation, with every text they show recorded from before their first render, and the texts of a
 * preset's rest part (scripts/build/locale-parts.mjs) in English and in the locale, to look for in them.
 */
import { waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';

export type Element = HTMLElement & { adapter?: unknown; updateComplete: Promise<unknown> };

/** Every text the element shows, as it is added: light DOM and shadow root, from before its first render. */
function recordTexts(el: HTMLElement): { texts: string[]; stop: () => void } {
  const texts: string[] = [];
  const take = (n: Node) => {
    const t = n.textContent?.replace(/\s+/g, ' ').trim();
    if (t) texts.push(t);
  };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach(take);
      if (r.type === 'characterData') take(r.target);
    }
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(el, options);
  // Lit attaches the shadow root when the element connects, before its first update (a microtask later).
  if (el.shadowRoot) observer.observe(el.shadowRoot, options);
  return { texts, stop: () => observer.disconnect() };
}

export interface Mounted {
  el: Element;
  /** The texts recorded so far (the first update awaited); recording stops. */
  texts(): Promise<string[]>;
}

/**
 * Put in the page in the same task as the modules' evaluation, as the tags of a page's markup are upgraded when
 * the element is defined: the first update is a microtask away, so nothing but the preset can make it localized.
 */
export function mountNow(tag: string): Mounted {
  const el = document.createElement(tag) as Element;
  el.adapter = new MemoryAdapter({ latency: 0 });
  document.body.append(el);
  const recording = recordTexts(el);
  return {
    el,
    async texts() {
      await el.updateComplete;
      recording.stop();
      return recording.texts;
    },
  };
}

/** `{ english, localized }` texts of a rest part (from locales/<locale>.xlf; only units without placeholders). */
export async function restTexts(
  locale: 'ru' | 'bg',
  rest: () => Promise<{ templates: Record<string, unknown> }>,
): Promise<{ english: string[]; localized: string[] }> {
  const { templates } = await rest();
  const xlf = new DOMParser().parseFromString(await (await fetch(`/locales/${locale}.xlf`)).text(), 'application/xml');
  const english: string[] = [];
  const localized: string[] = [];
  for (const unit of xlf.querySelectorAll('trans-unit')) {
    if (!(unit.id in templates)) continue;
    const source = unit.querySelector('source')!;
    const target = unit.querySelector('target');
    if (source.children.length || !target || target.children.length) continue; // placeholders: not compared
    english.push(source.textContent!.replace(/\s+/g, ' ').trim());
    localized.push(target.textContent!.replace(/\s+/g, ' ').trim());
  }
  return { english, localized };
}

/** The text of an element's shadow root, its white space collapsed. */
export const shadowText = (el: HTMLElement): string => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** The URLs of this page's resource requests that match `pattern` (see resource-timing.ts). */
export const requested = (pattern: RegExp): string[] =>
  performance.getEntriesByType('resource').map((e) => e.name).filter((n) => pattern.test(n));

/** Waits until `el` shows one of the `localized` texts of a rest part. */
export function untilLocalizedRest(el: HTMLElement, localized: string[]): Promise<void> {
  const what = `a localized text of the rest part in <${el.localName}>`;
  return waitUntil(() => localized.some((t) => t.length > 3 && shadowText(el).includes(t)), what, { timeout: 5000 });
}

/**
 * Waits until `mounted` shows a text of the rest part in the locale, then returns the English texts of the rest
 * part it ever showed (from before its first render): `[]` when it waited for the rest before rendering.
 */
export async function englishRestTextsShown(mounted: Mounted, texts: { english: string[]; localized: string[] }): Promise<string[]> {
  await untilLocalizedRest(mounted.el, texts.localized);
  const seen = (await mounted.texts()).join(' | ');
  return texts.english.filter((t) => t.length > 7 && seen.includes(t));
}
