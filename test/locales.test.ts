import { expect } from '@open-wc/testing';
import { checkXliff, xliffIds } from './helpers/locale-check.js';
import type { XliffLocale } from './helpers/locale-check.js';
import { setLocale, getLocale, matchLocale, secondsText, charactersText } from '../src/locales/index.js';

async function xliff(locale: XliffLocale): Promise<string> {
  const res = await fetch(`/locales/${locale}.xlf`);
  expect(res.ok, `${locale}.xlf is served`).to.equal(true);
  return res.text();
}

const unit = (id: string, source: string, target: string | null) =>
  `<trans-unit id="${id}"><source>${source}</source>${target === null ? '' : `<target>${target}</target>`}</trans-unit>`;
const file = (units: string) =>
  `<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body>${units}</body></file></xliff>`;

describe('translations', () => {
  for (const locale of ['ru', 'bg'] as const) {
    it(`${locale}.xlf translates every string: nothing missing, no English, same placeholders, only ${locale} letters`, async () => {
      const problems = checkXliff(await xliff(locale), locale);
      expect(problems, JSON.stringify(problems, null, 1)).to.deep.equal([]);
    });
  }

  it('ru and bg hold the same units', async () => {
    const [ru, bg] = await Promise.all([xliff('ru'), xliff('bg')]);
    expect(xliffIds(ru)).to.deep.equal(xliffIds(bg));
    expect(xliffIds(ru).length).to.be.greaterThan(20);
  });

  describe('the checker itself fails on a planted bad string', () => {
    const ph = '<x id="0" equiv-text="${n}"/>';
    it('a missing target', () => {
      expect(checkXliff(file(unit('a', 'Save', null)), 'ru').map((p) => p.problem)).to.deep.equal(['missing']);
    });
    it('a target equal to the English', () => {
      expect(checkXliff(file(unit('a', 'Save', 'Save')), 'bg').map((p) => p.problem)).to.include('untranslated');
    });
    it('other placeholders than the source', () => {
      expect(
        checkXliff(file(unit('a', `Wait ${ph}`, 'Подождите <x id="0" equiv-text="${m}"/>')), 'ru').map((p) => p.problem),
      ).to.deep.equal(['placeholders']);
      expect(checkXliff(file(unit('a', `Wait ${ph}`, 'Подождите')), 'ru').map((p) => p.problem)).to.deep.equal([
        'placeholders',
      ]);
    });
    it('a Latin-only word left in the text', () => {
      const problems = checkXliff(file(unit('a', 'Save profile', 'Сохранить profile')), 'ru');
      expect(problems).to.deep.equal([{ id: 'a', problem: 'latin-word', text: 'profile' }]);
    });
    it('a Ukrainian letter in Russian, a Russian-only letter in Bulgarian', () => {
      expect(checkXliff(file(unit('a', 'Profile', 'Профіль')), 'ru').map((p) => p.problem)).to.deep.equal([
        'foreign-letter',
      ]);
      expect(checkXliff(file(unit('a', 'Save', 'Сохранить ещё')), 'bg').map((p) => p.problem)).to.deep.equal([
        'foreign-letter',
      ]);
    });
    it('a Latin look-alike letter inside a Cyrillic word', () => {
      // "пaроль" with a Latin "a".
      expect(checkXliff(file(unit('a', 'Password', 'п\u0061роль')), 'ru').map((p) => p.problem)).to.deep.equal([
        'mixed-script',
      ]);
    });
    it('accepts brand names, key caps and example addresses', () => {
      expect(
        checkXliff(file(unit('a', 'Caps Lock is on, see name@example.com, VK', 'Включён Caps Lock, см. name@example.com, VK')), 'ru'),
      ).to.deep.equal([]);
    });
  });
});

describe('locale selection and plurals', () => {
  after(() => setLocale('en'));

  it('reads region tags and rejects unknown languages', () => {
    expect(matchLocale('ru-RU')).to.equal('ru');
    expect(matchLocale('bg_BG')).to.equal('bg');
    expect(matchLocale('uk')).to.equal(undefined);
    expect(matchLocale('')).to.equal(undefined);
  });

  it('Russian seconds use one/few/many: 1 секунду, 2 секунды, 5 секунд, 11 секунд, 21 секунду', async () => {
    await setLocale('ru');
    expect(getLocale()).to.equal('ru');
    expect([1, 2, 5, 11, 21, 22].map(secondsText)).to.deep.equal([
      '1\u00a0секунду',
      '2\u00a0секунды',
      '5\u00a0секунд',
      '11\u00a0секунд',
      '21\u00a0секунду',
      '22\u00a0секунды',
    ]);
    expect([1, 3, 8].map(charactersText)).to.deep.equal(['1\u00a0символ', '3\u00a0символа', '8\u00a0символов']);
  });

  it('Bulgarian seconds use one/other: 1 секунда, 2 секунди, 11 секунди', async () => {
    await setLocale('bg');
    expect([1, 2, 11, 21].map(secondsText)).to.deep.equal(['1\u00a0секунда', '2\u00a0секунди', '11\u00a0секунди', '21\u00a0секунди']);
    expect([1, 8].map(charactersText)).to.deep.equal(['1\u00a0знак', '8\u00a0знака']);
  });

  // A non-breaking space between the number and its unit: "8 / символов" must not wrap.
  it('English: 1 second, 2 seconds', async () => {
    await setLocale('en');
    expect([1, 2].map(secondsText)).to.deep.equal(['1\u00a0second', '2\u00a0seconds']);
  });
});
