/**
 * The theme guides' own words (captions of the themes, the screenshots' captions) in the Locale toolbar's
 * language, like stories/strings.ts. Not the library's: the elements' texts come from msg().
 */
import { getLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';

export type ThemeName = 'neutral' | 'marketplace' | 'dark' | 'forest';

export interface ThemeStrings {
  themes: Record<ThemeName, string>;
  /** What each theme is, under its name. */
  about: Record<ThemeName, string>;
  wide: string;
  narrow: string;
  /** Alt text of a screenshot: the form with mistakes, in a theme, on a page of a width. */
  screenshotAlt: (language: string, theme: string, width: number) => string;
  languages: Record<AeLocale, string>;
  missing: string;
}

const NBSP = '\u00a0';

const STRINGS: Record<AeLocale, ThemeStrings> = {
  en: {
    themes: { neutral: 'Neutral', marketplace: 'Marketplace', dark: 'Dark', forest: 'Forest (your own)' },
    about: {
      neutral: 'The built-in look: no class needed.',
      marketplace: 'class="ae-theme-marketplace": the bright red accent and a denser layout.',
      dark: 'class="ae-theme-dark": the dark palette, whatever the system says.',
      forest: 'Built from the public tokens alone: green accent, square corners, compact spacing.',
    },
    wide: `1280${NBSP}px page`,
    narrow: `360${NBSP}px page`,
    screenshotAlt: (l, t, w) => `The registration form in ${l}, ${t} theme, on a ${w}${NBSP}px page, submitted with mistakes`,
    languages: { en: 'English', ru: 'Russian', bg: 'Bulgarian' },
    missing: 'No pictures yet: run npm run screenshots.',
  },
  ru: {
    themes: { neutral: 'Нейтральная', marketplace: 'Маркетплейс', dark: 'Тёмная', forest: 'Лесная (своя)' },
    about: {
      neutral: 'Встроенный вид: класс не нужен.',
      marketplace: 'class="ae-theme-marketplace": яркий красный акцент и более плотная вёрстка.',
      dark: 'class="ae-theme-dark": тёмная палитра независимо от настроек системы.',
      forest: 'Собрана только из публичных токенов: зелёный акцент, прямые углы, компактные отступы.',
    },
    wide: `страница 1280${NBSP}px`,
    narrow: `страница 360${NBSP}px`,
    screenshotAlt: (l, t, w) =>
      `Форма регистрации, язык: ${l}, тема: ${t}, страница шириной ${w}${NBSP}px, отправлена с ошибками`,
    languages: { en: 'английский', ru: 'русский', bg: 'болгарский' },
    missing: 'Картинок пока нет: запустите npm run screenshots.',
  },
  bg: {
    themes: { neutral: 'Неутрална', marketplace: 'Маркетплейс', dark: 'Тъмна', forest: 'Горска (ваша)' },
    about: {
      neutral: 'Вграденият вид: не е нужен клас.',
      marketplace: 'class="ae-theme-marketplace": ярък червен акцент и по-плътно оформление.',
      dark: 'class="ae-theme-dark": тъмната палитра, независимо от настройките на системата.',
      forest: 'Създадена само от публичните токени: зелен акцент, прави ъгли, компактни отстояния.',
    },
    wide: `страница 1280${NBSP}px`,
    narrow: `страница 360${NBSP}px`,
    screenshotAlt: (l, t, w) =>
      `Формулярът за регистрация, език: ${l}, тема: ${t}, страница с ширина ${w}${NBSP}px, изпратен с грешки`,
    languages: { en: 'английски', ru: 'руски', bg: 'български' },
    missing: 'Все още няма картинки: изпълнете npm run screenshots.',
  },
};

/** The guides' words in the locale the stories render in. */
export function themeWords(): ThemeStrings {
  return STRINGS[getLocale()];
}
