/**
 * The stories' own words (the letter card, the outbox, the demo buttons, the standalone captcha form, the
 * branding slots) in the Locale toolbar's language. Like the demo's, they are not the library's: the library's
 * texts come from msg(). The letter shares the demo page's words (demo/strings.ts).
 */
import { getLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import { STRINGS as DEMO } from '../demo/strings.js';
import type { DemoStrings } from '../demo/strings.js';

export interface StoryStrings {
  outbox: (count: number) => string;
  noLetters: string;
  fillDemo: string;
  codeIsAlways: string;
  nickname: string;
  send: string;
  clear: string;
  demoBackend: string;
  formDataOnSubmit: string;
  nothingSent: string;
  empty: string;
  cleared: string;
  /** Slots of the "With slots" story; `[…]` marks the link. */
  termsWithLink: string;
  haveProfile: string;
  signIn: string;
}

const STORY: Record<AeLocale, StoryStrings> = {
  en: {
    outbox: (n) => `Outbox (${n})`,
    noLetters: 'No letters yet. Create a profile on the left.',
    fillDemo: 'Fill in demo values',
    codeIsAlways: 'the code in the picture is always',
    nickname: 'Nickname',
    send: 'Send',
    clear: 'Clear',
    demoBackend: 'Demo backend: the code is always',
    formDataOnSubmit: 'FormData on submit:',
    nothingSent: '(nothing sent yet)',
    empty: '(empty)',
    cleared: '(the form was cleared)',
    termsWithLink: 'By creating a profile you accept the [terms of use].',
    haveProfile: 'Already have a profile?',
    signIn: 'Sign in',
  },
  ru: {
    outbox: (n) => `Исходящие (${n})`,
    noLetters: 'Писем пока нет. Создайте профиль в форме слева.',
    fillDemo: 'Заполнить тестовыми данными',
    codeIsAlways: 'код на картинке всегда',
    nickname: 'Псевдоним',
    send: 'Отправить',
    clear: 'Очистить',
    demoBackend: 'Тестовый сервер: код всегда',
    formDataOnSubmit: 'FormData при отправке:',
    nothingSent: '(пока ничего не отправлено)',
    empty: '(пусто)',
    cleared: '(форма очищена)',
    termsWithLink: 'Создавая профиль, вы принимаете [условия использования].',
    haveProfile: 'Уже есть профиль?',
    signIn: 'Войти',
  },
  bg: {
    outbox: (n) => `Изходящи (${n})`,
    noLetters: 'Все още няма писма. Създайте профил във формуляра вляво.',
    fillDemo: 'Попълване с примерни данни',
    codeIsAlways: 'кодът на картинката винаги е',
    nickname: 'Псевдоним',
    send: 'Изпращане',
    clear: 'Изчистване',
    demoBackend: 'Тестов сървър: кодът винаги е',
    formDataOnSubmit: 'FormData при изпращане:',
    nothingSent: '(все още нищо не е изпратено)',
    empty: '(празно)',
    cleared: '(формулярът е изчистен)',
    termsWithLink: 'Със създаването на профил приемате [условията за ползване].',
    haveProfile: 'Вече имате профил?',
    signIn: 'Вход',
  },
};

/** The stories' words and the demo's, in the locale the stories render in. */
export function words(): StoryStrings & DemoStrings {
  const locale = getLocale();
  return { ...DEMO[locale], ...STORY[locale] };
}
