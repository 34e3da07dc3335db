/**
 * Checks a translated XLIFF 1.2 file the way a careful reviewer would: every unit translated, no English left,
 * the same placeholders as the source, no Latin word (besides brand names and key caps), no letter that
 * belongs to another Cyrillic language, no word mixing Latin and Cyrillic look-alike letters.
 */
export type XliffLocale = 'ru' | 'bg';

/** Latin words a Russian or Bulgarian UI legitimately keeps. */
// Brand names (VK ID), key caps and the US postal code's own name (ZIP), which Russian and Bulgarian keep.
export const LATIN_ALLOWED = new Set(['Caps', 'Lock', 'Enter', 'Shift', 'VK', 'ID', 'Google', 'Facebook', 'ZIP']);

/** Letters that must not appear in the locale's text. */
const FOREIGN_LETTERS: Record<XliffLocale, RegExp> = {
  // Ukrainian-only (і ї є ґ) and Belarusian ў in Russian.
  ru: /[іїєґўІЇЄҐЎ]/u,
  // Ukrainian-only, and Russian-only letters that Bulgarian does not have.
  bg: /[іїєґўыэёІЇЄҐЎЫЭЁ]/u,
};

/** The unit whose translation is the locale's own code (src/locales/localization.ts, renderedLocale). */
export const LOCALE_CODE_ID = 'locale.code';

export interface LocaleProblem {
  id: string;
  problem: 'missing' | 'untranslated' | 'placeholders' | 'latin-word' | 'foreign-letter' | 'mixed-script';
  text: string;
}

function placeholders(el: Element | null): string[] {
  return el ? [...el.querySelectorAll('x')].map((x) => x.getAttribute('equiv-text') ?? x.getAttribute('id') ?? '').sort() : [];
}

function plainText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  clone.querySelectorAll('x').forEach((x) => x.replaceWith(' '));
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function checkXliff(xml: string, locale: XliffLocale): LocaleProblem[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  if (doc.querySelector('parsererror')) throw new Error(`${locale}.xlf is not well-formed XML`);
  const problems: LocaleProblem[] = [];
  for (const unit of doc.querySelectorAll('trans-unit')) {
    const id = unit.getAttribute('id') ?? '?';
    const source = unit.querySelector('source');
    const target = unit.querySelector('target');
    if (!source) continue;
    const text = target ? plainText(target) : '';
    if (!target || text === '') {
      problems.push({ id, problem: 'missing', text: '' });
      continue;
    }
    // The one unit that is a code, not a text: how the elements learn which language is really rendered.
    if (id === LOCALE_CODE_ID) {
      if (text !== locale) problems.push({ id, problem: 'untranslated', text });
      continue;
    }
    const sourceText = plainText(source);
    if (/\p{L}/u.test(sourceText) && text.toLowerCase() === sourceText.toLowerCase()) {
      problems.push({ id, problem: 'untranslated', text });
    }
    if (placeholders(source).join('|') !== placeholders(target).join('|')) {
      problems.push({ id, problem: 'placeholders', text });
    }
    // Example addresses (name@example.com) are data, not words.
    const words = text.replace(/\S+@\S+/g, ' ').match(/[\p{L}'’-]+/gu) ?? [];
    for (const word of words) {
      const latin = /[A-Za-z]/.test(word);
      const cyrillic = /\p{Script=Cyrillic}/u.test(word);
      if (latin && cyrillic) problems.push({ id, problem: 'mixed-script', text: word });
      // Single letters ("A–Z") name letters; they are not English words.
      else if (latin && word.length > 1 && !LATIN_ALLOWED.has(word)) problems.push({ id, problem: 'latin-word', text: word });
    }
    if (FOREIGN_LETTERS[locale].test(text)) problems.push({ id, problem: 'foreign-letter', text });
  }
  return problems;
}

/** The ids of every unit of an XLIFF file (to compare the locale files with each other). */
export function xliffIds(xml: string): string[] {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  return [...doc.querySelectorAll('trans-unit')].map((u) => u.getAttribute('id') ?? '').sort();
}
