/**
 * The official passport transliteration tables, as data. Sources and the reasoning behind every rule:
 * `TRANSLITERATION.md`. Keys are lower-case Cyrillic letters; values are lower-case Latin.
 */

export type TranslitSystem = 'bg' | 'ru' | 'ua';

export const TRANSLIT_SYSTEMS: readonly TranslitSystem[] = ['bg', 'ru', 'ua'];

/** A letter's Latin form, or `[at the start of a word, elsewhere]`. */
export type TranslitLetter = string | readonly [atWordStart: string, elsewhere: string];

export interface TranslitTable {
  letters: Readonly<Record<string, TranslitLetter>>;
  /**
   * Context rules, tried before the letter table at every position of a word. Each pattern must be sticky and
   * case-insensitive (`/…/iuy`); the match is replaced by the Latin text.
   */
  rules: readonly (readonly [pattern: RegExp, latin: string])[];
}

export const TABLES: Readonly<Record<TranslitSystem, TranslitTable>> = {
  // Bulgarian Transliteration Act (State Gazette 19/2009), Art. 4, 5(2) and 6.
  bg: {
    letters: {
      а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', ѝ: 'i', й: 'y', к: 'k', л: 'l',
      м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
      щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
    },
    rules: [
      // Art. 6: the name of the state is written by tradition, "Bulgaria" (the table would give "Balgaria").
      // Only the name itself, as a whole word (rules see one word at a time): "български" follows the table.
      [/^българия$/iuy, 'bulgaria'],
      // "ия" at the end of a word (not followed by a letter; `\b` is ASCII-only and would break "Марияна").
      [/ия(?!\p{L})/iuy, 'ia'],
    ],
  },
  // ICAO Doc 9303 (Russian foreign passports since 2013): pure substitution.
  ru: {
    letters: {
      а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
      м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
      ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
    },
    rules: [],
  },
  // Cabinet of Ministers of Ukraine Resolution 55 (27.01.2010). The apostrophe is dropped before this table.
  ua: {
    letters: {
      а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ye', 'ie'], ж: 'zh', з: 'z', и: 'y', і: 'i',
      ї: ['yi', 'i'], й: ['y', 'i'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
      у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: ['yu', 'iu'], я: ['ya', 'ia'],
    },
    // "зг" so that it is not read as "ж".
    rules: [[/зг/iuy, 'zgh']],
  },
};
