/**
 * Passport transliteration of names (bg, ru, ua): the official tables (`tables.ts`) with their context rules,
 * the input's case style kept per word, and a result that is always a valid Latin name or ''.
 */
import { TABLES } from './tables.js';
import type { TranslitSystem } from './tables.js';

export { TRANSLIT_SYSTEMS } from './tables.js';
export type { TranslitSystem } from './tables.js';

/** Turns a run of letters that no table and no decomposition knows into Latin ('' drops it). */
type Fallback = (chunk: string) => string;

/** A word: letters (with their combining marks), apostrophes only inside. */
const WORD = /[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;

/** true if text contains any Cyrillic letter. */
export function hasCyrillic(text: string): boolean {
  return /(?=\p{L})\p{Script=Cyrillic}/u.test(text);
}

/** Map a UI locale ('ru', 'ru-RU', 'bg', 'uk', 'uk-UA'...) to its system; undefined for any other language. */
export function systemForLocale(locale: string | undefined): TranslitSystem | undefined {
  const lang = locale?.toLowerCase().split(/[-_]/)[0];
  return lang === 'bg' || lang === 'ru' ? lang : lang === 'uk' || lang === 'ua' ? 'ua' : undefined;
}

/**
 * Latin for one letter (lower-case result, or the decomposed letter as typed), or undefined when unknown.
 * A letter outside the system's alphabet falls back to the ru table, then the ua table (word-start forms).
 */
function letter(ch: string, system: TranslitSystem, atStart: boolean): string | undefined {
  const lower = ch.toLowerCase();
  const own = TABLES[system].letters[lower];
  const latin = own ?? TABLES.ru.letters[lower] ?? TABLES.ua.letters[lower];
  if (latin !== undefined) return typeof latin === 'string' ? latin : latin[own && !atStart ? 1 : 0];
  // Latin and the inner apostrophe as they are; José -> Jose, Zoë -> Zoe, Ǆ -> DZ, ＡＢ -> AB; ӂ -> ж -> table.
  const base = ch.normalize('NFKD').replace(/\p{M}/gu, '');
  if (/^[a-z']*$/i.test(base)) return base;
  return base !== ch ? letter(base, system, atStart) : undefined;
}

/** Applies the case of `src` to `latin`: all capitals in an all-capitals word, else capitalized for a capital. */
function cased(src: string, latin: string, caps: boolean): string {
  if (caps) return latin.toUpperCase();
  return src === src.toLowerCase() ? latin : latin.charAt(0).toUpperCase() + latin.slice(1).toLowerCase();
}

function word(w: string, system: TranslitSystem, fallback: Fallback): string {
  const caps = w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  let out = '';
  let unknown = '';
  for (let i = 0; i < w.length; ) {
    const rule = TABLES[system].rules.find(([re]) => ((re.lastIndex = i), re.test(w)));
    const src = rule ? w.slice(i, rule[0].lastIndex) : String.fromCodePoint(w.codePointAt(i)!);
    const latin = rule ? rule[1] : letter(src, system, i === 0);
    i += src.length;
    if (latin === undefined) {
      unknown += src;
      continue;
    }
    if (unknown) out += cased(unknown, fallback(unknown), caps);
    unknown = '';
    out += cased(src, latin, caps);
  }
  return unknown ? out + cased(unknown, fallback(unknown), caps) : out;
}

function run(text: string, system: TranslitSystem, fallback: Fallback): string {
  let s = text.normalize('NFC').replace(/[’ʼ‘`´]/g, "'");
  // Ukrainian: the apostrophe is not written and does not start a word (Знам'янка -> Znamianka).
  if (system === 'ua') s = s.replace(/(?<=\p{Script=Cyrillic})'+|'+(?=\p{Script=Cyrillic})/gu, '');
  return s
    .replace(WORD, (w) => word(w, system, fallback))
    .replace(/[^A-Za-z'\s\p{Pd}]/gu, '')
    // A run of separators becomes one: a hyphen if it has one, else a space if it has one, else an apostrophe.
    .replace(/[\s\p{Pd}']+/gu, (sep) => (/\p{Pd}/u.test(sep) ? '-' : /\s/.test(sep) ? ' ' : "'"))
    .replace(/^[ '-]|[ '-]$/g, '');
}

/**
 * Synchronous, no dependency: the official table + context rules + case style. Letters outside the tables are
 * decomposed (José -> Jose, Zoë -> Zoe); anything else that is not A-Z/a-z or a separator (space, hyphen,
 * apostrophe) is dropped; separators are collapsed and trimmed. The result matches
 * /^[A-Za-z]+(?:[ '-][A-Za-z]+)*$/ or is ''.
 */
export function transliterateNameSync(text: string, system: TranslitSystem): string {
  return run(text, system, () => '');
}

type TransliterateFn = (typeof import('transliteration'))['transliterate'];

let loading: Promise<TransliterateFn | undefined> | undefined;
let loaded = false;

/** Options that override whatever a host page set with the package's global `config()`. */
const PACKAGE_OPTIONS = {
  ignore: [],
  replace: [],
  replaceAfter: [],
  trim: false,
  unknown: '',
  fixChineseSpacing: true,
};

/** @internal For tests: whether the `transliteration` package has been loaded. */
export function isFallbackLoaded(): boolean {
  return loaded;
}

function loadFallback(): Promise<TransliterateFn | undefined> {
  return (loading ??= import('transliteration').then(
    (m) => ((loaded = true), m.transliterate),
    () => (loading = undefined), // offline: answer without it now, try again next time
  ));
}

/**
 * Same contract as `transliterateNameSync`, but letters that neither the tables nor decomposition know
 * (Ł -> L, ß -> ss, Æ -> AE, Ø -> O) go through the `transliteration` package, loaded only when such a letter
 * is present.
 */
export async function transliterateName(text: string, system: TranslitSystem): Promise<string> {
  let missing = false;
  const quick = run(text, system, () => ((missing = true), ''));
  const tr = missing ? await loadFallback() : undefined;
  return tr ? run(text, system, (chunk) => tr(chunk, PACKAGE_OPTIONS)) : quick;
}
