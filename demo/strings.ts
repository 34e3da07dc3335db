// The demo store's own words in its three languages. The demo is not the library: these never go through the
// library's msg() catalogue, and the library never sees them. Vocabulary as in the project glossary (ru: «вы»,
// infinitive buttons; bg: «вие», verbal-noun buttons); U+00A0 between a number and its unit and before a dash.
// The stories share the letter's words (stories/strings.ts reads letterFrom … linkPage).
import type { AeLocale } from '../src/locales/localization.js';

/** A product of the demo catalogue, by its id in products.ts. */
export type ProductId = 'tote' | 'mug' | 'scarf' | 'lamp' | 'notebook' | 'tea';

export interface DemoStrings {
  title: string;
  skipToProducts: string;
  demoBar: string;
  language: string;
  currency: string;
  theme: string;
  themeNeutral: string;
  themeMarketplace: string;
  themeDark: string;
  themeMarketplaceDark: string;
  mailbox: (letters: number) => string;
  account: string;
  signInButton: string;
  registerButton: string;
  /** The cart button's accessible name. */
  cartLabel: (items: number) => string;
  /** Announced when a product is added. */
  addedToCart: (product: string) => string;
  storeTagline: string;
  heroTitle: string;
  heroText: string;
  productsTitle: string;
  pricesNote: string;
  addToCart: string;
  products: Record<ProductId, string>;
  footerSupport: string;
  footerNote: string;
  close: string;
  /** The dialog's name for each view. */
  viewRegister: string;
  viewLogin: string;
  viewMailbox: string;
  viewActivate: string;
  viewSupport: string;
  viewAccount: string;
  /** The view right after the first sign-in: location and currency. */
  viewPreferences: string;
  preferencesIntro: string;
  /** Under the sign-in form: the seeded buyer with a long history. */
  demoBuyer: (email: string, password: string) => string;
  /** The button of a letter confirming a new e-mail address. */
  letterEmailChangeButton: string;
  emailConfirmed: (email: string) => string;
  emailConfirmFailed: string;
  letterResetButton: string;
  viewReset: string;
  haveProfileSignIn: string;
  terms: string;
  openMailbox: string;
  newLetter: string;
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
  continueShopping: string;
}

const NBSP = '\u00a0';

/** `Intl.PluralRules` picks the form: ru one/few/many, bg and en one/other. */
function plural(locale: AeLocale, n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>>): string {
  const rule = new Intl.PluralRules(locale).select(n);
  return (forms[rule] ?? forms.other ?? '').replace('#', String(n));
}

export const STRINGS: Record<AeLocale, DemoStrings> = {
  en: {
    title: 'Lipa — a demo store for ae-auth-elements',
    skipToProducts: 'Skip to products',
    demoBar: 'Demo store of ae-auth-elements',
    language: 'Language',
    currency: 'Currency',
    theme: 'Theme',
    themeNeutral: 'Neutral',
    themeMarketplace: 'Marketplace',
    themeDark: 'Dark',
    themeMarketplaceDark: 'Marketplace, dark',
    mailbox: (n) => `Mailbox (${n})`,
    account: 'Account',
    signInButton: 'Sign in',
    registerButton: 'Register',
    cartLabel: (n) => `Cart, ${plural('en', n, { one: '# item', other: '# items' })}`,
    addedToCart: (p) => `${p} is in your cart`,
    storeTagline: 'Things for a slow morning',
    heroTitle: 'Autumn at Lipa',
    heroText: 'Create a profile and we deliver your first order free of charge.',
    productsTitle: 'New this week',
    pricesNote: 'Prices in the chosen currency at fixed demo rates.',
    addToCart: 'Add to cart',
    products: {
      tote: 'Linen tote bag',
      mug: 'Stoneware mug',
      scarf: 'Merino scarf',
      lamp: 'Brass desk lamp',
      notebook: 'Dotted notebook, A5',
      tea: `Linden blossom tea, 100${NBSP}g`,
    },
    footerSupport: 'Support',
    footerNote:
      'Lipa is an invented store: nothing here is sold, and the only server is the MemoryAdapter inside this page.',
    close: 'Close',
    viewRegister: 'Registration',
    viewLogin: 'Sign in',
    viewMailbox: 'Demo mailbox',
    viewActivate: 'Profile activation',
    viewSupport: 'Support',
    viewAccount: 'My account',
    viewPreferences: 'Location and currency',
    preferencesIntro: 'One more step: where do we ship, and in which currency do you want to see prices?',
    demoBuyer: (email, password) => `To look around an account with a history, sign in as ${email} with the password ${password}.`,
    letterEmailChangeButton: 'Confirm the new address',
    emailConfirmed: (email) => `Done: your profile's address is now ${email}.`,
    emailConfirmFailed: 'This link no longer works. Ask for the change again in My account.',
    letterResetButton: 'Choose a new password',
    viewReset: 'New password',
    haveProfileSignIn: 'Already have a profile? Sign in',
    terms: 'By creating a profile you accept the terms of use and the privacy policy.',
    openMailbox: 'Open the demo mailbox',
    newLetter: 'A new letter in the demo mailbox',
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
    continueShopping: 'Continue shopping',
  },
  ru: {
    title: `Lipa${NBSP}— демо-магазин ae-auth-elements`,
    skipToProducts: 'Перейти к товарам',
    demoBar: 'Демо-магазин ae-auth-elements',
    language: 'Язык',
    currency: 'Валюта',
    theme: 'Тема',
    themeNeutral: 'Нейтральная',
    themeMarketplace: 'Маркетплейс',
    themeDark: 'Тёмная',
    themeMarketplaceDark: 'Маркетплейс, тёмная',
    mailbox: (n) => `Почта (${n})`,
    account: 'Профиль',
    signInButton: 'Войти',
    registerButton: 'Регистрация',
    cartLabel: (n) =>
      `Корзина: ${plural('ru', n, { one: `#${NBSP}товар`, few: `#${NBSP}товара`, many: `#${NBSP}товаров`, other: `#${NBSP}товара` })}`,
    addedToCart: (p) => `«${p}» в корзине`,
    storeTagline: 'Вещи для неспешного утра',
    heroTitle: 'Осень в Lipa',
    heroText: 'Создайте профиль, и первый заказ мы доставим бесплатно.',
    productsTitle: 'Новинки недели',
    pricesNote: 'Цены в выбранной валюте по фиксированному демо-курсу.',
    addToCart: 'Добавить в корзину',
    products: {
      tote: 'Льняная сумка-шопер',
      mug: 'Керамическая кружка',
      scarf: 'Шарф из мериноса',
      lamp: 'Латунная настольная лампа',
      notebook: 'Блокнот в точку, A5',
      tea: `Липовый чай, 100${NBSP}г`,
    },
    footerSupport: 'Поддержка',
    footerNote: `Lipa${NBSP}— вымышленный магазин: здесь ничего не продаётся, а единственный сервер${NBSP}— MemoryAdapter внутри этой страницы.`,
    close: 'Закрыть',
    viewRegister: 'Регистрация',
    viewLogin: 'Вход',
    viewMailbox: 'Демо-почта',
    viewActivate: 'Активация профиля',
    viewSupport: 'Поддержка',
    viewAccount: 'Мой профиль',
    viewPreferences: 'Местоположение и валюта',
    preferencesIntro: 'Ещё один шаг: куда доставлять заказы и в какой валюте показывать цены?',
    demoBuyer: (email, password) => `Чтобы посмотреть профиль с историей заказов, войдите как ${email} с паролем ${password}.`,
    letterEmailChangeButton: 'Подтвердить новый адрес',
    emailConfirmed: (email) => `Готово: теперь адрес вашего профиля — ${email}.`,
    emailConfirmFailed: 'Ссылка больше не действует. Запросите смену адреса ещё раз в разделе «Мой профиль».',
    letterResetButton: 'Задать новый пароль',
    viewReset: 'Новый пароль',
    haveProfileSignIn: 'Уже есть профиль? Войти',
    terms: 'Создавая профиль, вы принимаете условия использования и политику конфиденциальности.',
    openMailbox: 'Открыть демо-почту',
    newLetter: 'Новое письмо в демо-почте',
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
    continueShopping: 'Продолжить покупки',
  },
  bg: {
    title: `Lipa${NBSP}— демо магазин за ae-auth-elements`,
    skipToProducts: 'Към продуктите',
    demoBar: 'Демо магазин за ae-auth-elements',
    language: 'Език',
    currency: 'Валута',
    theme: 'Тема',
    themeNeutral: 'Неутрална',
    themeMarketplace: 'Маркетплейс',
    themeDark: 'Тъмна',
    themeMarketplaceDark: 'Маркетплейс, тъмна',
    mailbox: (n) => `Поща (${n})`,
    account: 'Профил',
    signInButton: 'Вход',
    registerButton: 'Регистрация',
    cartLabel: (n) => `Количка: ${plural('bg', n, { one: `#${NBSP}продукт`, other: `#${NBSP}продукта` })}`,
    addedToCart: (p) => `„${p}“ е в количката`,
    storeTagline: 'Неща за спокойна сутрин',
    heroTitle: 'Есен в Lipa',
    heroText: 'Създайте профил и ще ви доставим първата поръчка безплатно.',
    productsTitle: 'Нови продукти тази седмица',
    pricesNote: 'Цени в избраната валута по фиксиран демо курс.',
    addToCart: 'Добавяне в количката',
    products: {
      tote: 'Ленена чанта за пазар',
      mug: 'Керамична чаша',
      scarf: 'Шал от мериносова вълна',
      lamp: 'Месингова настолна лампа',
      notebook: 'Тетрадка на точки, A5',
      tea: `Чай от липов цвят, 100${NBSP}г`,
    },
    footerSupport: 'Поддръжка',
    footerNote: `Lipa е измислен магазин: тук нищо не се продава, а единственият сървър е MemoryAdapter в тази страница.`,
    close: 'Затваряне',
    viewRegister: 'Регистрация',
    viewLogin: 'Вход',
    viewMailbox: 'Демо поща',
    viewActivate: 'Активиране на профил',
    viewSupport: 'Поддръжка',
    viewAccount: 'Моят профил',
    viewPreferences: 'Местоположение и валута',
    preferencesIntro: 'Още една стъпка: къде да доставяме поръчките и в каква валута да показваме цените?',
    demoBuyer: (email, password) => `За да разгледате профил с история на поръчките, влезте като ${email} с парола ${password}.`,
    letterEmailChangeButton: 'Потвърждаване на новия адрес',
    emailConfirmed: (email) => `Готово: адресът на профила ви вече е ${email}.`,
    emailConfirmFailed: 'Връзката вече не работи. Поискайте смяната отново от „Моят профил“.',
    letterResetButton: 'Задаване на нова парола',
    viewReset: 'Нова парола',
    haveProfileSignIn: 'Вече имате профил? Вход',
    terms: 'Със създаването на профил приемате условията за ползване и политиката за поверителност.',
    openMailbox: 'Отваряне на демо пощата',
    newLetter: 'Ново писмо в демо пощата',
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
    continueShopping: 'Продължаване с пазаруването',
  },
};
