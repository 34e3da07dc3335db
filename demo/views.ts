// The demo store's views: each is one entry, name → the element it shows and how it opens. Every view opens in
// the page's one <dialog> (a sheet that fills the screen on narrow ones); a button with `data-view="name"`
// anywhere in the page opens it. An element that joins the library joins the demo with one entry here
// (and its define import in demo.ts).
import type { DemoStrings } from './strings.js';

export interface ViewContext {
  /** The page's words in the current language. */
  words(): DemoStrings;
  /** One instance per key for the page's life, so a view keeps what was typed when it is closed and opened again. */
  keep<T extends HTMLElement>(key: string, create: () => T): T;
  /** Shows another view in the same dialog. */
  open(name: string, param?: string): void;
  /** Closes the dialog; focus goes back to the button that opened it. */
  close(): void;
}

export interface View {
  /** The custom element the view shows (its tag name), if it shows one. */
  tag?: string;
  /** The dialog's accessible name. */
  label(words: DemoStrings): string;
  /**
   * The nodes of the view, built again on every open and on every change of language (keep() elements survive).
   * `param` is what open() was given (the letter's token for `activate`).
   */
  render(ctx: ViewContext, param?: string): Node[];
  /** What gets focus once the view is shown; by default its first field, else its first control. */
  focus?(root: HTMLElement): HTMLElement | null | undefined;
}

const views = new Map<string, View>();

export function defineView(name: string, view: View): void {
  views.set(name, view);
}

export function getView(name: string): View | undefined {
  return views.get(name);
}

/** An element with attributes, text and children, for the views' small bits of markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) el.setAttribute(k, v);
  el.append(...children);
  return el;
}
