/**
 * The virtual agent of MemoryAdapter (src/adapter/support-agent/): what it recognises in each language, with
 * inflected forms and follow-ups, what it answers (steps, quick replies, actions), the opening of each topic
 * with the form's context, unknown messages offering a person, and the texts' typography (the GLOSSARY's rules).
 * Expected words come from the product's vocabulary (GLOSSARY.md), not from the agent's data files.
 */
import { expect } from '@open-wc/testing';
import { answer, classify, detectLanguage, LANGUAGES, openingTurns, type AgentMemory, type AgentTurn, type Intent } from '../src/adapter/support-agent/agent.js';
import { SUPPORT_TOPICS, type SupportLocale } from '../src/adapter/support-types.js';

const memory = (lastIntent?: Intent): AgentMemory => ({ unknownInRow: 0, ...(lastIntent ? { lastIntent } : {}) });
const ask = (text: string, locale: SupportLocale = 'en', lastIntent?: Intent, signedIn = false): AgentTurn =>
  answer({ text, locale, signedIn, memory: memory(lastIntent) });
const kinds = (turn: AgentTurn): string[] => (turn.actions ?? []).map((a) => a.kind);

/** What people write, in their words, per language: the intent the agent must see. */
const PHRASES: Record<SupportLocale, [string, Intent][]> = {
  en: [
    ['The code from the picture is not accepted', 'captcha'],
    ['captcha keeps saying incorrect', 'captcha'],
    ['It says wrong code every time', 'captcha'],
    ['My last name is not accepted', 'latin_names'],
    ['can I write my name in cyrillic?', 'latin_names'],
    ["I didn't get the activation email", 'letter_missing'],
    ['The letter never arrived', 'letter_missing'],
    ['still waiting for the activation e-mail', 'letter_missing'],
    ['nothing in spam either', 'letter_missing'],
    ['Please resend the email', 'resend'],
    ['The link expired', 'link_expired'],
    ['It says this e-mail is already registered', 'email_taken'],
    ['Google sign in fails', 'social'],
    ['I forgot my password', 'password'],
    ['It says my profile is not activated', 'not_activated'],
    ['Where is my order?', 'orders'],
    ['I want to talk to a human', 'human'],
    ['thanks a lot', 'thanks'],
  ],
  ru: [
    ['Не подходит код с картинки', 'captcha'],
    ['Неверный код, что делать?', 'captcha'],
    ['не могу разобрать символы на картинке', 'captcha'],
    ['Имя не принимает, пишу кириллицей', 'latin_names'],
    ['фамилию надо латиницей?', 'latin_names'],
    ['Письмо не пришло', 'letter_missing'],
    ['мне не пришло письмо для активации', 'letter_missing'],
    ['писем нет, в спаме тоже', 'letter_missing'],
    ['не получила письма', 'letter_missing'],
    ['жду письма уже час', 'letter_missing'],
    ['ваших писем я так и не видел', 'letter_missing'],
    ['пришлите письмо ещё раз', 'resend'],
    ['ссылка не работает', 'link_expired'],
    ['пишет, что адрес уже зарегистрирован', 'email_taken'],
    ['вход через ВКонтакте не работает', 'social'],
    ['забыл пароль', 'password'],
    ['пишет, что профиль не активирован', 'not_activated'],
    ['где мой заказ?', 'orders'],
    ['хочу поговорить с оператором', 'human'],
    ['спасибо!', 'thanks'],
  ],
  bg: [
    ['Кодът от картинката не се приема', 'captcha'],
    ['пише грешен код', 'captcha'],
    ['Името на кирилица не става', 'latin_names'],
    ['фамилията трябва ли да е на латиница?', 'latin_names'],
    ['Писмото не дойде', 'letter_missing'],
    ['не ми е дошло писмото за активиране', 'letter_missing'],
    ['не съм получил имейл', 'letter_missing'],
    ['чакам писмото от час', 'letter_missing'],
    ['изпратете писмото отново', 'resend'],
    ['връзката е изтекла', 'link_expired'],
    ['пише, че имейлът вече е регистриран', 'email_taken'],
    ['не мога да вляза с Facebook', 'social'],
    ['забравих си паролата', 'password'],
    ['пише, че профилът не е активиран', 'not_activated'],
    ['къде е поръчката ми?', 'orders'],
    ['искам да говоря с човек', 'human'],
    ['благодаря', 'thanks'],
  ],
};

describe('the virtual agent', () => {
  for (const locale of ['en', 'ru', 'bg'] as const) {
    describe(`when a person writes in ${locale}`, () => {
      for (const [text, intent] of PHRASES[locale]) {
        it(`sees "${text}" as ${intent}, and answers in ${locale}`, () => {
          expect(classify(text), text).to.equal(intent);
          // Asked in an English conversation, the Cyrillic ones are still answered in their own language.
          const reply = ask(text, 'en', undefined, true);
          expect(reply.intent).to.equal(intent);
          if (locale !== 'en') expect(reply.locale, text).to.equal(locale);
          expect(reply.text).to.equal(LANGUAGES[locale].replies[intent].text);
        });
      }
    });
  }

  describe('the answers', () => {
    it('the code from the picture: case matters, "Refresh code" gets a new one, attempts are unlimited, in each language', () => {
      const en = ask('the code from the picture is wrong');
      expect(en.text).to.match(/case-sensitive/i).and.match(/Refresh code/).and.match(/no limit on attempts/i);
      expect(kinds(en)).to.include('refresh_captcha');
      const ru = ask('код с картинки не подходит', 'ru');
      expect(ru.text).to.match(/регистр/).and.match(/«Обновить код»/).and.match(/попыток не ограничено/);
      expect(kinds(ru)).to.include('refresh_captcha');
      const bg = ask('кодът от картинката не се приема', 'bg');
      expect(bg.text).to.match(/малки и главни букви/).and.match(/„Актуализиране на кода“/).and.match(/опитите не е ограничен/);
      expect(kinds(bg)).to.include('refresh_captcha');
    });

    it('the letter: look in spam, check the address, and a "Send again" action', () => {
      for (const [text, locale, spam] of [
        ['no letter', 'en', /Spam/],
        ['письмо не пришло', 'ru', /«Спам»/],
        ['писмото не дойде', 'bg', /„Спам“/],
      ] as const) {
        const reply = ask(text, locale);
        expect(reply.text, text).to.match(spam);
        expect(kinds(reply), text).to.deep.equal(['resend_activation']);
        expect(reply.quickReplies?.map((q) => q.id)).to.deep.equal(['wrong_address', 'letter_still']);
      }
    });

    it('names: Latin letters as in the international passport, in each language', () => {
      expect(ask('my name is not accepted').text).to.match(/Latin letters/).and.match(/international passport/);
      expect(ask('имя не принимает', 'ru').text).to.match(/латинскими буквами/).and.match(/загранпаспорте/);
      expect(ask('името не се приема', 'bg').text).to.match(/латиница/).and.match(/задграничния паспорт/);
    });

    it('social networks: the privacy advice (let the network share the e-mail)', () => {
      expect(ask('facebook login').text).to.match(/privacy settings/);
      expect(ask('не могу войти через вк', 'ru').text).to.match(/настройках приватности/);
      expect(ask('вход с google', 'bg').text).to.match(/настройките за поверителност/);
    });

    it('password recovery: the action that opens it, and never asks for the password', () => {
      for (const [text, locale] of [['forgot password', 'en'], ['забыл пароль', 'ru'], ['забравена парола', 'bg']] as const) {
        const reply = ask(text, locale);
        expect(kinds(reply), text).to.deep.equal(['open_password_recovery']);
      }
    });

    it('orders: "My orders" when signed in, sign in first when not', () => {
      expect(kinds(ask('where is my order', 'en', undefined, true))).to.deep.equal(['open_orders']);
      expect(kinds(ask('where is my order', 'en', undefined, false))).to.deep.equal(['open_sign_in']);
      expect(ask('где заказ', 'ru', undefined, true).text).to.match(/«Мои заказы»/);
      expect(ask('къде е поръчката', 'bg', undefined, true).text).to.match(/„Моите поръчки“/);
    });

    it('asking for a person offers the hand-off action', () => {
      for (const [text, locale] of [['can I talk to a real person', 'en'], ['позовите живого человека', 'ru'], ['искам оператор', 'bg']] as const) {
        expect(kinds(ask(text, locale)), text).to.deep.equal(['request_human']);
      }
    });
  });

  describe('follow-ups', () => {
    it('"still" after the captcha answer is the next step, with a person offered; alone it is not understood', () => {
      for (const [text, locale] of [['it still does not work', 'en'], ['всё равно не подходит', 'ru'], ['пак не става', 'bg']] as const) {
        const reply = ask(text, locale, 'captcha');
        expect(reply.intent, text).to.equal('captcha_still');
        expect(kinds(reply)).to.deep.equal(['refresh_captcha', 'request_human']);
        expect(classify(text), `${text} without context`).to.equal(undefined);
      }
    });

    it('a quick reply decides the answer, whatever its words', () => {
      const reply = answer({ text: 'whatever', quickReplyId: 'letter_still', locale: 'ru', signedIn: false, memory: memory('letter_missing') });
      expect(reply.intent).to.equal('letter_still');
      expect(reply.locale).to.equal('ru');
      expect(kinds(reply)).to.deep.equal(['resend_activation', 'request_human']);
    });
  });

  describe('when it does not understand', () => {
    it('says so, offers topics and a person; the second time in a row it suggests the person more strongly', () => {
      for (const locale of ['en', 'ru', 'bg'] as const) {
        const m = memory();
        const [one, two] = {
          en: ['What will the weather be tomorrow?', 'Do you sell bicycles in Sofia?'],
          ru: ['Какая завтра погода?', 'Вы продаёте велосипеды?'],
          bg: ['Какво ще е времето утре?', 'Продавате ли велосипеди?'],
        }[locale];
        const first = answer({ text: one, locale, signedIn: false, memory: m });
        expect(first.intent).to.equal('unknown');
        expect(first.text).to.equal(LANGUAGES[locale].fallback.text);
        expect(kinds(first)).to.deep.equal(['request_human']);
        expect(first.quickReplies?.length).to.be.greaterThan(0);
        const second = answer({ text: two, locale, signedIn: false, memory: m });
        expect(second.text).to.equal(LANGUAGES[locale].fallbackAgain.text);
        expect(kinds(second)).to.deep.equal(['request_human']);
        // Understood again: the count starts over.
        answer({ text: 'password', locale, signedIn: false, memory: m });
        expect(m.unknownInRow).to.equal(0);
      }
    });

    it('answers in the language of the conversation when the message does not tell', () => {
      expect(ask('???', 'bg').locale).to.equal('bg');
      expect(ask('ok', 'ru').locale).to.equal('ru');
    });
  });

  describe('telling Russian from Bulgarian', () => {
    it('by their own letters and words', () => {
      expect(detectLanguage('Здравствуйте, мне не пришло письмо')).to.equal('ru');
      expect(detectLanguage('Здравейте, не ми е дошло писмото')).to.equal('bg');
      expect(detectLanguage('Защо не мога да вляза?')).to.equal('bg');
      expect(detectLanguage('Почему я не могу войти?')).to.equal('ru');
      expect(detectLanguage('I cannot sign in to my profile')).to.equal('en');
      expect(detectLanguage('vk')).to.equal(undefined);
    });
  });

  describe('the opening of each topic', () => {
    const starts: Record<string, string> = {
      registration: 'registration',
      captcha: 'captcha',
      activation: 'letter_missing',
      sign_in: 'sign_in',
      social: 'social',
      orders: 'orders',
      other: 'ask',
    };
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`greets, then answers the topic (${locale})`, () => {
        for (const topic of SUPPORT_TOPICS) {
          const turns = openingTurns({ topic, locale, signedIn: true, memory: memory(), firstName: 'Maria' });
          expect(turns.map((t) => t.intent), topic).to.deep.equal(['greeting', starts[topic]]);
          expect(turns[0].text).to.contain('Maria');
          expect(turns.every((t) => t.locale === locale)).to.equal(true);
        }
      });
    }

    it('three wrong captchas in the context: says so and answers about the code', () => {
      const context = { step: 'register', errorCodes: ['captcha_invalid', 'captcha_invalid', 'captcha_invalid'] };
      const [, en] = openingTurns({ topic: 'registration', locale: 'en', context, signedIn: false, memory: memory() });
      expect(en.intent).to.equal('captcha');
      expect(en.text).to.match(/not accepted 3\u00a0times/);
      const [, ru] = openingTurns({ topic: 'registration', locale: 'ru', context, signedIn: false, memory: memory() });
      expect(ru.text).to.match(/не приняли 3\u00a0раза/);
      const [, bg] = openingTurns({ topic: 'registration', locale: 'bg', context, signedIn: false, memory: memory() });
      expect(bg.text).to.match(/не е приет 3\u00a0пъти/);
    });

    it('a letter not arrived after a resend: the next step, the masked address, a person offered', () => {
      const context = { errorCodes: ['activation_not_received'], maskedEmail: 'i***@example.com' };
      const [, turn] = openingTurns({ topic: 'activation', locale: 'ru', context, signedIn: false, memory: memory() });
      expect(turn.intent).to.equal('letter_still');
      expect(turn.text).to.contain('i***@example.com');
      expect(kinds(turn)).to.include('request_human');
    });

    it('a server failure: owns it and offers a person', () => {
      const [, turn] = openingTurns({ topic: 'registration', locale: 'bg', context: { errorCodes: ['server', 'server'] }, signedIn: false, memory: memory() });
      expect(turn.text).to.contain(LANGUAGES.bg.context.serverFailed);
      expect(kinds(turn)).to.include('request_human');
    });
  });

  describe('the texts', () => {
    const all = (locale: SupportLocale): string[] => {
      const l = LANGUAGES[locale];
      return [
        l.greeting('Maria'),
        l.greeting(undefined),
        ...Object.values(l.replies).flatMap((r) => [r.text, ...(r.quickReplies ?? []).map(([, label]) => label), ...(r.actions ?? []).map((a) => a.label)]),
        l.ordersSignedOut.text,
        l.askWhat.text,
        l.fallback.text,
        l.fallbackAgain.text,
        l.context.captchaFailed(1),
        l.context.captchaFailed(3),
        l.context.captchaFailed(5),
        l.context.serverFailed,
        l.context.networkFailed,
        l.context.letterNotArrived,
        l.context.sentTo('i***@example.com'),
        ...Object.values(l.topicTitles),
        l.handOff.online(1),
        l.handOff.online(2),
        l.handOff.away(15),
        l.handOff.offline,
        l.handOff.operatorGreeting('Maria'),
        l.handOff.operatorAck,
        l.storeAutoReply,
        l.offlineLetter.subject('S-100001'),
        l.offlineLetter.text({ firstName: 'Maria', ticketId: 'S-100001', question: 'q' }),
        ...l.seeds.flatMap((s) => [s.title, ...s.messages.map((m) => m.text)]),
      ];
    };

    it('Russian has no Ukrainian letters; Bulgarian has no ы, э, ё', () => {
      for (const text of all('ru')) expect(/[іїєґ]/i.test(text), text).to.equal(false);
      for (const text of all('bg')) expect(/[ыэё]/i.test(text), text).to.equal(false);
    });

    it('a non-breaking space between a number and its unit, and before a dash (ru, bg)', () => {
      for (const locale of ['ru', 'bg'] as const) {
        for (const text of all(locale)) {
          expect(/\d [а-яА-Я%€]/.test(text), text).to.equal(false);
          expect(/ —/.test(text), text).to.equal(false);
        }
      }
    });

    it('Russian plurals: 1 минуту, 2 минуты, 5 минут; Bulgarian 1 минута, 2 минути', () => {
      expect(LANGUAGES.ru.handOff.online(1)).to.contain('1\u00a0минуту');
      expect(LANGUAGES.ru.handOff.online(2)).to.contain('2\u00a0минуты');
      expect(LANGUAGES.ru.handOff.online(5)).to.contain('5\u00a0минут ');
      expect(LANGUAGES.ru.context.captchaFailed(5)).to.contain('5\u00a0раз.');
      expect(LANGUAGES.bg.handOff.online(1)).to.contain('1\u00a0минута');
      expect(LANGUAGES.bg.handOff.online(2)).to.contain('2\u00a0минути');
    });

    it('Russian and Bulgarian answers are written in their language, not left in English', () => {
      for (const locale of ['ru', 'bg'] as const) {
        for (const [intent, reply] of Object.entries(LANGUAGES[locale].replies)) {
          expect(reply.text, `${locale} ${intent}`).not.to.equal(LANGUAGES.en.replies[intent as Intent].text);
          expect(/[а-я]/.test(reply.text), `${locale} ${intent}`).to.equal(true);
        }
      }
    });
  });
});
