/**
 * MemoryAdapter letters are written in the UI language of the moment they are sent (msg() at send time).
 * A page of its own, which runs @lit/localize itself (useHostLocalization), so the test can switch the locale and
 * know the expected text from the translation table, not from the adapter.
 */
import { expect } from '@open-wc/testing';
import { configureLocalization, str } from '@lit/localize';
import { MemoryAdapter, type OutboxLetter } from '../src/adapter/memory-adapter.js';
import { useHostLocalization } from '../src/locales/localization.js';

useHostLocalization();

type Template = string | { strings: readonly string[]; values: readonly number[] };
type Templates = Record<string, Template>;

/**
 * The translations of the letters, for as long as the generated locale modules do not have them yet (the XLIFF
 * files are merged separately); the generated ones win once they are there.
 */
const pending: Record<'ru' | 'bg', Templates> = {
  ru: {
    'letter.activation.subject': 'Активируйте профиль',
    'letter.reset.subject': 'Сброс пароля',
    'letter.reset.text': str`Здравствуйте, ${0}!\n\nМы получили запрос на сброс пароля вашего профиля. Чтобы задать новый пароль, откройте ссылку:\n${1}\n\nСсылка работает один раз и недолго. Если вы не запрашивали сброс, не обращайте внимания на это письмо: пароль останется прежним.` as unknown as Template,
  },
  bg: {
    'letter.activation.subject': 'Активирайте профила си',
    'letter.reset.subject': 'Нова парола за профила ви',
    'letter.reset.text': str`Здравейте, ${0}!\n\nПолучихме заявка за нова парола за вашия профил. За да зададете нова парола, отворете връзката:\n${1}\n\nВръзката може да се използва само веднъж и е валидна кратко време. Ако не сте поискали нова парола, не обръщайте внимание на това писмо: паролата ви остава същата.` as unknown as Template,
  },
};

const loaded: Partial<Record<'ru' | 'bg', Templates>> = {};
const host = configureLocalization({
  sourceLocale: 'en',
  targetLocales: ['ru', 'bg'],
  loadLocale: async (locale) => {
    const ours = locale === 'ru' ? await import('../src/locales/generated/ru.js') : await import('../src/locales/generated/bg.js');
    const templates = { ...pending[locale as 'ru' | 'bg'], ...(ours.templates as Templates) };
    loaded[locale as 'ru' | 'bg'] = templates;
    return { templates: templates as never };
  },
});

/** A template of the table with its placeholders filled, as the runtime fills them. */
function render(template: Template, values: readonly string[]): string {
  if (typeof template === 'string') return template;
  return template.strings.reduce((out, piece, i) => out + piece + (i < template.values.length ? values[template.values[i]] : ''), '');
}

async function signUp(adapter: MemoryAdapter) {
  const captcha = await adapter.getCaptcha();
  await adapter.register({
    email: 'ivan.petrov@example.com',
    firstName: 'Ivan',
    lastName: 'Petrov',
    password: 'Letters-2026',
    captcha: { id: captcha.id, answer: 'Ab3dE' },
  });
}

const newest = (adapter: MemoryAdapter, kind: OutboxLetter['kind']) => adapter.outbox.filter((l) => l.kind === kind).at(-1)!;

describe('MemoryAdapter letters', () => {
  afterEach(() => host.setLocale('en'));

  it('are written in English by default', async () => {
    const adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE' });
    await signUp(adapter);
    await adapter.requestPasswordReset('ivan.petrov@example.com');
    const activation = newest(adapter, 'activation');
    expect(activation.subject).to.equal('Activate your profile');
    expect(activation.text).to.equal(
      `Hello, Ivan!\n\nTo finish the registration, open this link and activate your profile:\n${activation.link}\n\nIf you did not register, ignore this letter.`,
    );
    const reset = newest(adapter, 'reset');
    expect(reset.subject).to.equal('Reset your password');
    expect(reset.text).to.include('Hello, Ivan!').and.to.include(`:\n${reset.link}\n`);
  });

  it('follow the UI language at the moment each letter is sent; a letter sent stays as it was', async () => {
    const adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE', resendCooldownMs: 0 });
    await host.setLocale('ru');
    await signUp(adapter);
    await adapter.requestPasswordReset('ivan.petrov@example.com');
    const ru = loaded.ru!;
    expect(newest(adapter, 'activation').subject).to.equal(render(ru['letter.activation.subject'], []));
    const ruReset = newest(adapter, 'reset');
    expect(ruReset.subject).to.equal(render(ru['letter.reset.subject'], []));
    expect(ruReset.text).to.equal(render(ru['letter.reset.text'], ['Ivan', ruReset.link]));

    await host.setLocale('bg');
    await adapter.requestPasswordReset('ivan.petrov@example.com');
    const bg = loaded.bg!;
    const bgReset = newest(adapter, 'reset');
    expect(bgReset.subject).to.equal(render(bg['letter.reset.subject'], []));
    expect(bgReset.text).to.equal(render(bg['letter.reset.text'], ['Ivan', bgReset.link]));
    expect(bgReset.text).to.include('Здравейте, Ivan!');

    await host.setLocale('en');
    await adapter.requestPasswordReset('ivan.petrov@example.com');
    expect(newest(adapter, 'reset').subject).to.equal('Reset your password');
    // The letters already sent keep their language.
    expect(adapter.outbox.map((l) => l.subject)).to.deep.equal([
      render(ru['letter.activation.subject'], []),
      render(ru['letter.reset.subject'], []),
      render(bg['letter.reset.subject'], []),
      'Reset your password',
    ]);
  });
});
