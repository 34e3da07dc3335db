// The demo page's own words in its three languages. The demo is not the library: these never go through the
// library's msg() catalogue, and the library never sees them. Vocabulary as in the project glossary (ru: «вы»,
// infinitive buttons; bg: «вие», verbal-noun buttons); U+00A0 between a number and its unit and before a dash.
import type { AeLocale } from '../src/locales/localization.js';

export interface DemoStrings {
  title: string;
  language: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  registration: string;
  terms: string;
  outboxTitle: string;
  outboxNote: string;
  outboxEmpty: string;
  letterFrom: string;
  letterTo: string;
  letterSent: string;
  letterLink: string;
  letterSubject: string;
  letterBody: (firstName: string) => string;
  letterButton: string;
  linkPage: string;
  nextStep: string;
  back: string;
  validators: string;
  email: string;
  lastName: string;
  password: string;
}

const NBSP = '\u00a0';

export const STRINGS: Record<AeLocale, DemoStrings> = {
  en: {
    title: 'ae-auth-elements — demo',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    registration: 'Registration',
    terms: 'By creating a profile you accept the terms of use and the privacy policy.',
    outboxTitle: 'Outbox of the embedded MemoryAdapter',
    outboxNote: 'Nothing is really sent: the letters stay in this page’s memory, and reloading the page starts over.',
    outboxEmpty: 'No letters yet. Create a profile to see the activation letter here.',
    letterFrom: 'From',
    letterTo: 'To',
    letterSent: 'Sent',
    letterLink: 'Link',
    letterSubject: 'Activate your profile',
    letterBody: (name) => `Hello, ${name}! Press the button to activate your profile. The link works for 24${NBSP}hours.`,
    letterButton: 'Activate profile',
    linkPage: 'The page the letter’s link opens',
    nextStep: 'Create another profile',
    back: 'Back to registration',
    validators: 'Validators, live',
    email: 'E-mail',
    lastName: 'Last name',
    password: 'Password',
  },
  ru: {
    title: `ae-auth-elements${NBSP}— демо`,
    language: 'Язык',
    theme: 'Тема',
    themeSystem: 'Как в системе',
    themeLight: 'Светлая',
    themeDark: 'Тёмная',
    registration: 'Регистрация',
    terms: 'Создавая профиль, вы принимаете условия использования и политику конфиденциальности.',
    outboxTitle: 'Исходящие письма встроенного MemoryAdapter',
    outboxNote: 'На самом деле ничего не отправляется: письма хранятся в памяти страницы, а после её перезагрузки всё начинается заново.',
    outboxEmpty: 'Писем пока нет. Создайте профиль, и здесь появится письмо для активации.',
    letterFrom: 'От',
    letterTo: 'Кому',
    letterSent: 'Отправлено',
    letterLink: 'Ссылка',
    letterSubject: 'Активируйте профиль',
    letterBody: (name) =>
      `Здравствуйте, ${name}! Нажмите кнопку, чтобы активировать профиль. Ссылка действует 24${NBSP}часа.`,
    letterButton: 'Активировать профиль',
    linkPage: 'Страница, которую открывает ссылка из письма',
    nextStep: 'Создать ещё один профиль',
    back: 'Вернуться к регистрации',
    validators: 'Проверка полей на лету',
    email: 'Электронная почта',
    lastName: 'Фамилия',
    password: 'Пароль',
  },
  bg: {
    title: `ae-auth-elements${NBSP}— демо`,
    language: 'Език',
    theme: 'Тема',
    themeSystem: 'Както в системата',
    themeLight: 'Светла',
    themeDark: 'Тъмна',
    registration: 'Регистрация',
    terms: 'Със създаването на профил приемате условията за ползване и политиката за поверителност.',
    outboxTitle: 'Изходящи писма на вградения MemoryAdapter',
    outboxNote: 'Нищо не се изпраща наистина: писмата остават в паметта на страницата, а при презареждане всичко започва отначало.',
    outboxEmpty: 'Все още няма писма. Създайте профил и тук ще се появи писмото за активиране.',
    letterFrom: 'От',
    letterTo: 'До',
    letterSent: 'Изпратено',
    letterLink: 'Връзка',
    letterSubject: 'Активирайте профила си',
    letterBody: (name) =>
      `Здравейте, ${name}! Натиснете бутона, за да активирате профила си. Връзката е валидна 24${NBSP}часа.`,
    letterButton: 'Активиране на профил',
    linkPage: 'Страницата, която отваря връзката от писмото',
    nextStep: 'Създаване на нов профил',
    back: 'Връщане към регистрацията',
    validators: 'Проверка на полетата в реално време',
    email: 'Имейл',
    lastName: 'Фамилия',
    password: 'Парола',
  },
};
