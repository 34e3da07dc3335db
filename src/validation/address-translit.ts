/**
 * Latin for what people type into an address: the passport tables of src/translit applied word by word, with
 * everything that is not a letter kept as typed (digits, dots, commas, slashes), so that "ул. Шипка 12, ап. 3"
 * becomes "ul. Shipka 12, ap. 3", "София" "Sofia" (bg), "Москва" "Moskva", "България" "Bulgaria" (the bg table's
 * Art. 6 rule). The word rules of the tables (Bulgarian "ия" at a word's end) see one word at a time, as in names.
 */
import { transliterateNameSync } from '../translit/translit.js';
import type { TranslitSystem } from '../translit/translit.js';

/** A word: letters (with their combining marks), apostrophes only inside (the same word as the name tables). */
const WORD = /[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;

/** Signs with a Latin spelling of their own in addresses. */
const SIGNS: Readonly<Record<string, string>> = { '№': 'No.', '«': '"', '»': '"', '„': '"', '“': '"', '”': '"' };

/** Latin for an address text in `system`; words that have no Latin form are dropped, other characters kept. */
export function transliterateAddressSync(text: string, system: TranslitSystem): string {
  return text
    .normalize('NFC')
    .replace(WORD, (w) => (/^[A-Za-z']+$/.test(w) ? w : transliterateNameSync(w, system)))
    .replace(/[№«»„“”]/g, (s) => SIGNS[s] ?? s)
    .replace(/[^\S\n]{2,}/g, ' ')
    .trim();
}
