/**
 * Localization for the whole library, on @lit/localize in runtime mode.
 *
 * `configureLocalization` may be called only once per page, so importing the library never calls it.
 * It is called lazily, the first time a non-English locale is needed: by `setLocale()`, or when an element
 * connects and `<html lang>` / `navigator.language` asks for Russian or Bulgarian.
 * A host app that runs @lit/localize itself calls `useHostLocalization()` before any element connects,
 * and merges our templates into its own `loadLocale` (see the README).
 */
import { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import type { LocaleControls, PreloadedLocale, configure as Configure } from './configure.js';
import { msg } from '@lit/localize/init/install.js';

export type AeLocale = 'en' | 'ru' | 'bg';
export const SUPPORTED_LOCALES: readonly AeLocale[] = [sourceLocale as AeLocale, ...(targetLocales as readonly AeLocale[])];

type Mode = 'auto' | 'explicit' | 'host';
let mode: Mode = 'auto';
let controls: LocaleControls | undefined;
let current: AeLocale = 'en';
let observer: MutationObserver | undefined;

/** 'ru-RU' → 'ru', 'bg' → 'bg', anything unsupported → undefined. */
export function matchLocale(tag: string | null | undefined): AeLocale | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as AeLocale) : undefined;
}

/** The locale the page asks for: `<html lang>`, else `navigator.language`, else English. */
export function detectLocale(): AeLocale {
  if (typeof document !== 'undefined') {
    const lang = document.documentElement.getAttribute('lang');
    if (lang) return matchLocale(lang) ?? 'en';
  }
  if (typeof navigator !== 'undefined') {
    for (const tag of navigator.languages ?? [navigator.language]) {
      const m = matchLocale(tag);
      if (m) return m;
    }
  }
  return 'en';
}

/**
 * The locale runtime and the locale loaders come in their own chunk (./configure.js), loaded the first time a
 * non-English locale is needed: an English page never downloads them.
 */
/** Given by a locale preset (preload.ts): the runtime and one locale's texts are in the page already. */
let preloaded: { configure: typeof Configure; locale: PreloadedLocale } | undefined;

/**
 * Called by `ae-auth-elements/ru.js` / `bg.js` when they load, before any element: keeps the runtime and the
 * locale, and on a page whose language is that locale applies it at once. Returns that application (microtasks,
 * no request), for the preset to hold the elements' first update until it is done; else `undefined`.
 * @internal
 */
export function providePreloaded(configureFn: typeof Configure, locale: PreloadedLocale): Promise<void> | undefined {
  preloaded ??= { configure: configureFn, locale };
  return mode === 'auto' && !controls && detectLocale() === locale.locale ? apply(locale.locale as AeLocale) : undefined;
}

async function ensureConfigured(): Promise<LocaleControls | undefined> {
  if (controls || mode === 'host') return controls;
  const configure = preloaded?.configure ?? (await import('./configure.js')).configure;
  if (controls || (mode as Mode) === 'host') return controls;
  controls = configure(preloaded?.locale);
  // Configured by the page before us: its setLocale() drives our strings, and getLocale() reads what it rendered.
  if (!controls) stopAuto('host');
  return controls;
}

/**
 * The language our strings are really rendered in, asked of msg() itself: the unit `locale.code` translates
 * to the locale's own code. Until our runtime is configured, only that answer is true: a page that runs
 * @lit/localize may have switched before our first element connected (its runtime does not say so), and
 * plural rules and `lang` must follow the text, not what we last asked for.
 */
function renderedLocale(): AeLocale {
  return matchLocale(msg('en', { id: 'locale.code', desc: 'Not shown: write the code of your language, exactly "ru" or "bg".' })) ?? 'en';
}

/** The current UI locale of the ae-* elements. */
export function getLocale(): AeLocale {
  return controls ? ((matchLocale(controls.getLocale()) ?? 'en') as AeLocale) : renderedLocale();
}

async function apply(locale: AeLocale): Promise<void> {
  current = locale;
  if (locale === 'en' && !controls) return; // English is built in; nothing to configure.
  const c = await ensureConfigured();
  // A later call may have asked for another locale while the runtime loaded.
  if (c && current === locale) await c.setLocale(locale);
}

/**
 * Switches every ae-* element on the page to `locale` ('en', 'ru', 'bg'; 'ru-RU' is read as 'ru';
 * anything else falls back to English). After this call `<html lang>` no longer drives the locale.
 */
export function setLocale(locale: string): Promise<void> {
  if (mode === 'host') {
    return Promise.reject(new Error('[ae-auth-elements] the host app owns localization: call its setLocale().'));
  }
  stopAuto('explicit');
  return apply(matchLocale(locale) ?? 'en');
}

/**
 * Declares that the page runs @lit/localize itself; the library then never calls configureLocalization and
 * follows the page's locale. Call it before the page's first setLocale().
 */
export function useHostLocalization(): void {
  if (mode === 'host') return;
  stopAuto('host');
}

/** Leaves automatic mode: `<html lang>` no longer drives the locale (in host mode, neither does setLocale()). */
function stopAuto(next: Mode): void {
  mode = next;
  observer?.disconnect();
  observer = undefined;
}

let started = false;
/**
 * Called by every element when it connects (in a microtask before its first update): in automatic mode,
 * follows `<html lang>` (also when it changes later) or `navigator.language`. Cheap after the first call.
 */
export function startAutoLocale(): void {
  if (started || typeof document === 'undefined') return;
  started = true;
  if (mode !== 'auto') return;
  const detected = detectLocale();
  if (detected !== 'en') void apply(detected);
  observer = new MutationObserver(() => {
    if (mode === 'auto') void apply(detectLocale());
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/** Fired on `window` by @lit/localize when a locale finished loading (`detail.status === 'ready'`). */
export { LOCALE_STATUS_EVENT };
