import type { TranslitSystem } from './translit.js';
import { systemForLocale } from './translit.js';

/**
 * Which passport system to suggest for `text`: the element's `translit` setting wins; else letters that only
 * one language has decide (і ї є ґ → Ukrainian, ы э ё → Russian, ѝ → Bulgarian); else the UI locale; else Russian.
 */
export function pickSystem(text: string, explicit: TranslitSystem | undefined, locale: string): TranslitSystem {
  if (explicit) return explicit;
  if (/[іїєґІЇЄҐ]/u.test(text)) return 'ua';
  if (/[ыэёЫЭЁ]/u.test(text)) return 'ru';
  if (/[ѝЍ]/u.test(text)) return 'bg';
  return systemForLocale(locale) ?? 'ru';
}
