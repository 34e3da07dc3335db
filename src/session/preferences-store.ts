/**
 * The one store of the page's location, currency and exchange rates, as every price shows them. Elements read it
 * (`getPreferencesSnapshot`, `subscribePreferences`, or `PreferencesController` in a Lit element), tell it what
 * the person chose (`choosePreferences`, what `<ae-preferences>` does), and ask the adapter when nobody knows yet
 * (`loadPreferences`). A change reaches every subscriber at once: every price of the page re-renders in the new
 * currency without a reload.
 *
 * Until the adapter answers (or when the person has not chosen: `getPreferences()` → null), the snapshot holds
 * the defaults of the UI locale (`defaultPreferences`): ru → RU/RUB, bg → BG/EUR, en → US/USD, or the region of
 * `navigator.languages` (`en-GB` → GB/GBP, `de-AT` → AT/EUR) when the marketplace ships there.
 */
import type { CallOptions } from '../adapter/types.js';
import { ADDRESS_COUNTRIES, countryRules } from '../validation/address-countries.js';
import type { Rates } from '../internal/money.js';

/** Location and currency (the contract's `Preferences`). */
export interface PreferencesValue {
  country: string;
  currency: string;
}

/** What a preferences adapter does (the account capability's part used here). */
export interface PreferencesApi {
  getPreferences(o?: CallOptions): Promise<PreferencesValue | null>;
  setPreferences(p: PreferencesValue, o?: CallOptions): Promise<PreferencesValue>;
  getExchangeRates(base?: string, o?: CallOptions): Promise<Rates>;
}

export interface PreferencesSnapshot {
  readonly country: string;
  readonly currency: string;
  /** `default`: from the locale, nobody chose; `saved`: what the adapter holds; `chosen`: picked on this page (saving may be under way). */
  readonly source: 'default' | 'saved' | 'chosen';
  /** The rates, once loaded. */
  readonly rates?: Rates;
}

type Listener = (s: PreferencesSnapshot) => void;

/** The default of a UI language (the first part of a locale tag). */
const BY_LANGUAGE: Readonly<Record<string, PreferencesValue>> = {
  // Bulgaria pays in euros from 1 January 2026 (the EU Council's decision of 8 July 2025; 1 EUR = 1.95583 BGN fixed).
  bg: { country: 'BG', currency: 'EUR' },
  ru: { country: 'RU', currency: 'RUB' },
  uk: { country: 'UA', currency: 'UAH' },
  be: { country: 'BY', currency: 'BYN' },
  kk: { country: 'KZ', currency: 'KZT' },
  en: { country: 'US', currency: 'USD' },
};

/**
 * The defaults for a UI locale: a region in one of `tags` (`en-GB`, then `navigator.languages`) that the
 * marketplace ships to wins, then the UI language's country, then US/USD.
 */
export function defaultPreferences(locale: string, tags: readonly string[] = navigatorTags()): PreferencesValue {
  const lang = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  for (const tag of [locale, ...tags]) {
    const parts = tag.split(/[-_]/);
    if ((parts[0] ?? '').toLowerCase() !== lang) continue;
    const region = parts.slice(1).find((p) => /^[A-Za-z]{2}$/.test(p))?.toUpperCase();
    const rules = countryRules(region);
    if (rules) return { country: rules.code, currency: rules.currency };
  }
  return { ...(BY_LANGUAGE[lang] ?? BY_LANGUAGE.en!) };
}

function navigatorTags(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

let current: PreferencesSnapshot | undefined;
let defaultsLocale = 'en';
const listeners = new Set<{ listener: Listener }>();
/** A load shared by its callers: aborted when every caller that can go away (one with a signal) went. */
interface SharedLoad {
  readonly promise: Promise<PreferencesSnapshot>;
  readonly controller: AbortController;
  /** Callers with a signal, not aborted yet. */
  callers: number;
  /** A caller without a signal: the load runs to its end. */
  kept: boolean;
}
/** One load per adapter, shared by every caller; forgotten on failure (or abort) so that the next caller tries again. */
let loads = new WeakMap<PreferencesApi, SharedLoad>();
/** Grows with every choice: a load answer from before it does not overwrite it. */
let generation = 0;

/** What the store knows now (the locale's defaults until something is known). */
export function getPreferencesSnapshot(locale?: string): PreferencesSnapshot {
  if (locale && current?.source === 'default' && locale !== defaultsLocale) {
    // Nobody chose: the defaults follow the UI language (the rates stay).
    useDefaults(locale);
  }
  return (current ??= freeze({ ...defaultPreferences((defaultsLocale = locale ?? defaultsLocale)), source: 'default' }));
}

/** Called with every change (not with the current value); returns the unsubscribe function. */
export function subscribePreferences(listener: Listener): () => void {
  const entry = { listener };
  listeners.add(entry);
  return () => void listeners.delete(entry);
}

/**
 * The person picked a location and currency on this page: every subscriber hears it at once. Saving it is the
 * caller's part (`savePreferences`).
 */
export function choosePreferences(p: PreferencesValue): void {
  generation++;
  const base = getPreferencesSnapshot();
  commit(freeze({ country: p.country.toUpperCase(), currency: p.currency.toUpperCase(), source: 'chosen', ...(base.rates ? { rates: base.rates } : {}) }));
}

/** New exchange rates (from `loadPreferences`, or a page that has them). */
export function setExchangeRates(rates: Rates): void {
  const base = getPreferencesSnapshot();
  commit(freeze({ ...base, rates: freezeRates(rates) }));
}

/**
 * Asks the adapter for the saved preferences and the rates, in parallel, once per adapter (concurrent callers
 * share it). Saved preferences replace the defaults, never a choice made meanwhile; a failure rejects and leaves
 * the snapshot as it was (the next call asks again).
 *
 * `signal`: this caller is gone when it aborts (its promise rejects with the signal's reason). The calls
 * themselves are aborted once every caller of the load has gone; a caller without a signal keeps them to their end.
 */
export function loadPreferences(adapter: PreferencesApi, o?: { locale?: string; signal?: AbortSignal }): Promise<PreferencesSnapshot> {
  listenToSessions();
  const signal = o?.signal;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const map = loads;
  let load = map.get(adapter);
  if (!load) {
    const started = generation;
    const controller = new AbortController();
    const call = { signal: controller.signal };
    const promise = (async () => {
      const [saved, rates] = await Promise.all([adapter.getPreferences(call), adapter.getExchangeRates(undefined, call)]);
      const base = getPreferencesSnapshot(o?.locale);
      const use = saved && generation === started && base.source !== 'chosen' ? { country: saved.country, currency: saved.currency, source: 'saved' as const } : base;
      commit(freeze({ country: use.country.toUpperCase(), currency: use.currency.toUpperCase(), source: use.source, rates: freezeRates(rates) }));
      return getPreferencesSnapshot();
    })();
    const entry: SharedLoad = { promise, controller, callers: 0, kept: false };
    map.set(adapter, entry);
    promise.catch(() => {
      if (map.get(adapter) === entry) map.delete(adapter);
    });
    load = entry;
  }
  const entry = load;
  if (!signal) {
    entry.kept = true;
    return entry.promise;
  }
  entry.callers++;
  return new Promise<PreferencesSnapshot>((resolve, reject) => {
    const gone = () => {
      reject(signal.reason as Error);
      entry.callers--;
      if (entry.callers > 0 || entry.kept) return;
      // Nobody waits for it any more: its calls are aborted, and the next caller asks again.
      if (map.get(adapter) === entry) map.delete(adapter);
      entry.controller.abort(signal.reason);
    };
    signal.addEventListener('abort', gone, { once: true });
    entry.promise.then(
      (snapshot) => {
        signal.removeEventListener('abort', gone);
        resolve(snapshot);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', gone);
        reject(error as Error);
      },
    );
  });
}

/** Chooses `p` (every price follows at once) and saves it through the adapter; resolves what was saved. */
export async function savePreferences(adapter: PreferencesApi, p: PreferencesValue, o?: CallOptions): Promise<PreferencesValue> {
  choosePreferences(p);
  const saved = await adapter.setPreferences({ country: p.country.toUpperCase(), currency: p.currency.toUpperCase() }, o);
  const now = getPreferencesSnapshot();
  if (now.country === saved.country && now.currency === saved.currency) commit(freeze({ ...now, source: 'saved' }));
  return saved;
}

/** Whether `country` is one the marketplace ships to. */
export function isKnownCountry(country: string): boolean {
  return !!ADDRESS_COUNTRIES[country.toUpperCase()];
}

/**
 * Back to the locale's defaults with no rates and no load remembered; subscribers hear it. For tests.
 * @internal
 */
export function resetPreferencesStoreForTests(locale = 'en'): void {
  generation++;
  defaultsLocale = locale;
  current = undefined;
  loads = new WeakMap();
  lastUser = undefined;
  commit(getPreferencesSnapshot(locale), true);
}

// ---- internals --------------------------------------------------------------------------------------------

let listening = false;
/** The person the page's session store last announced (`null`: signed out; undefined: not heard yet). */
let lastUser: string | null | undefined;
/**
 * Another person signing in, or a sign-out, makes what was loaded someone else's: the next `loadPreferences`
 * asks again, and saved preferences give way to the locale's defaults until then (a choice made on this page
 * stays). The first announcement only tells who it is. Registered on the first load, not on import (only
 * src/define has side effects).
 */
function listenToSessions(): void {
  if (listening || typeof document === 'undefined') return;
  listening = true;
  document.addEventListener('ae-session-change', (e) => {
    const d = e.detail;
    const who = d.signedIn ? (d.userId ?? '') : null;
    const before = lastUser;
    lastUser = who;
    if (before === undefined || before === who) return;
    loads = new WeakMap();
    if (current?.source === 'saved') {
      generation++;
      useDefaults(defaultsLocale);
    }
  });
}

function useDefaults(locale: string): void {
  defaultsLocale = locale;
  const rates = current?.rates;
  commit(freeze({ ...defaultPreferences(locale), source: 'default', ...(rates ? { rates } : {}) }));
}

function freeze(s: PreferencesSnapshot): PreferencesSnapshot {
  return Object.freeze({ ...s });
}

function freezeRates(r: Rates): Rates {
  return Object.freeze({ base: r.base.toUpperCase(), rates: Object.freeze({ ...r.rates }), ...(r.asOf !== undefined ? { asOf: r.asOf } : {}) });
}

function same(a: PreferencesSnapshot | undefined, b: PreferencesSnapshot): boolean {
  return !!a && a.country === b.country && a.currency === b.currency && a.source === b.source && a.rates === b.rates;
}

function commit(next: PreferencesSnapshot, force = false): void {
  const changed = force || !same(current, next);
  current = next;
  if (!changed) return;
  for (const { listener } of [...listeners]) {
    try {
      listener(next);
    } catch (error) {
      // One broken subscriber does not keep the others from hearing it.
      if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    }
  }
}
