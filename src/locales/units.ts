import { msg } from '@lit/localize/init/install.js';
import { str } from '@lit/localize/internal/str-tag.js';
import { getLocale } from './localization.js';

/** Plural category of `n` in the current UI locale (ru: one/few/many/other; bg and en: one/other). */
export function pluralCategory(n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(getLocale()).select(n);
}

/**
 * `n` written as the current locale writes it. The first `Intl.NumberFormat` of a page costs 12–35 ms (ICU's
 * number data is loaded then), and `<ae-register>`'s first render counts "8 characters": whole numbers from 0
 * to 999 are written alike in en, ru and bg (Western digits, no grouping), so they need no formatter.
 */
function count(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : new Intl.NumberFormat(getLocale()).format(n);
}

/** "N seconds" as the object of "wait …" / "in …" (ru accusative: 1 секунду, 2 секунды, 5 секунд). */
export function secondsText(n: number): string {
  const c = count(n);
  switch (pluralCategory(n)) {
    case 'one':
      return msg(str`${c}\u00a0second`, {
        id: 'unit.seconds.one',
        desc: 'A duration after "wait" or "in", plural category "one" (ru: 1 or 21 секунду; bg: 1 секунда).',
      });
    case 'few':
      return msg(str`${c}\u00a0seconds`, {
        id: 'unit.seconds.few',
        desc: 'A duration after "wait" or "in", plural category "few" (ru: 2–4, 22 секунды). Bulgarian never uses this form; translate as "other".',
      });
    case 'many':
      return msg(str`${c}\u00a0seconds`, {
        id: 'unit.seconds.many',
        desc: 'A duration after "wait" or "in", plural category "many" (ru: 5–20, 11 секунд). Bulgarian never uses this form; translate as "other".',
      });
    default:
      return msg(str`${c}\u00a0seconds`, {
        id: 'unit.seconds.other',
        desc: 'A duration after "wait" or "in", plural category "other" (ru: fractions, 1,5 секунды; bg: 2 секунди).',
      });
  }
}

/** "N characters" as a counted quantity (ru: 1 символ, 2 символа, 5 символов; bg: 1 знак, 8 знака). */
export function charactersText(n: number): string {
  const c = count(n);
  switch (pluralCategory(n)) {
    case 'one':
      return msg(str`${c}\u00a0character`, {
        id: 'unit.characters.one',
        desc: 'A counted number of characters, plural category "one" (ru: 1 символ, 21 символ; bg: 1 знак).',
      });
    case 'few':
      return msg(str`${c}\u00a0characters`, {
        id: 'unit.characters.few',
        desc: 'A counted number of characters, plural category "few" (ru: 2–4 символа). Bulgarian never uses this form; translate as "other".',
      });
    case 'many':
      return msg(str`${c}\u00a0characters`, {
        id: 'unit.characters.many',
        desc: 'A counted number of characters, plural category "many" (ru: 5–20 символов). Bulgarian never uses this form; translate as "other".',
      });
    default:
      return msg(str`${c}\u00a0characters`, {
        id: 'unit.characters.other',
        desc: 'A counted number of characters, plural category "other" (bg: 8 знака).',
      });
  }
}
