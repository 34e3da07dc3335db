import { expect } from '@open-wc/testing';
import * as fc from 'fast-check';
import {
  emailSchema,
  nameSchema,
  passwordSchema,
  captchaAnswerSchema,
  validateValue,
  validateRegistration,
  validateRegistrationField,
  validationMessage,
  NAME_PATTERN,
} from '../src/validation/index.js';
import { setLocale } from '../src/locales/index.js';

const code = (schema: Parameters<typeof validateValue>[0], v: unknown) => validateValue(schema, v)?.code;

describe('e-mail: the WHATWG "valid e-mail address"', () => {
  // Cases from the HTML standard's definition (what <input type=email> accepts).
  const valid = [
    'maria@example.com',
    'a@localhost',
    'first.last+tag@sub.example.co.uk',
    "o'neil@example.org",
    'x@1.2.3.4',
    "!#$%&'*+/=?^_`{|}~-@example.com",
    'a@b-c.d',
    'UPPER@EXAMPLE.COM',
  ];
  const invalid = [
    'plainaddress',
    '@example.com',
    'maria@',
    'maria@@example.com',
    'maria@example..com',
    'maria@-example.com',
    'maria@example-.com',
    'ma ria@example.com',
    'maria@exa mple.com',
    '"quoted"@example.com',
    'мария@example.com',
    'maria@пример.рф',
    'maria@example.com.',
  ];
  for (const v of valid) it(`accepts ${v}`, () => expect(code(emailSchema, v)).to.equal(undefined));
  for (const v of invalid) it(`rejects ${v}`, () => expect(code(emailSchema, v)).to.equal('email.invalid'));

  it('agrees with the browser\'s own <input type="email"> on every case', () => {
    const input = document.createElement('input');
    input.type = 'email';
    for (const v of [...valid, ...invalid]) {
      input.value = v;
      expect(validateValue(emailSchema, v) === undefined, v).to.equal(input.checkValidity());
    }
  });

  it('trims surrounding spaces, requires a value and allows at most 254 characters', () => {
    expect(code(emailSchema, '  maria@example.com ')).to.equal(undefined);
    expect(code(emailSchema, '   ')).to.equal('email.required');
    const local = 'a'.repeat(64);
    const at254 = `${local}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(at254.length).to.equal(254);
    expect(code(emailSchema, at254)).to.equal(undefined);
    expect(validateValue(emailSchema, `${at254}e`)).to.deep.equal({ code: 'email.tooLong', params: { max: 254 } });
  });
});

describe('names: Latin letters as in the foreign passport', () => {
  const schema = nameSchema('ru');
  for (const v of ['Anna', 'Anna-Maria', "O'Neil", 'Van Dyke', 'X', 'a'.repeat(50), '  Shishkov  ']) {
    it(`accepts ${JSON.stringify(v)}`, () => expect(code(schema, v)).to.equal(undefined));
  }

  it('gives name.cyrillic with a suggestion in the chosen system', () => {
    expect(validateValue(nameSchema('ru'), 'Шишков')).to.deep.equal({
      code: 'name.cyrillic',
      params: { suggestion: 'Shishkov' },
    });
    expect(validateValue(nameSchema('ru'), 'Юлия')?.params).to.deep.equal({ suggestion: 'Iuliia' });
    expect(validateValue(nameSchema('bg'), 'Юлия')?.params).to.deep.equal({ suggestion: 'Yulia' });
    expect(validateValue(nameSchema('ua'), 'Юлія')?.params).to.deep.equal({ suggestion: 'Yuliia' });
  });

  it('gives name.latinOnly for digits, accents and emoji, suggesting where it can', () => {
    expect(validateValue(schema, 'José')).to.deep.equal({ code: 'name.latinOnly', params: { suggestion: 'Jose' } });
    expect(code(schema, 'Anna2')).to.equal('name.latinOnly');
    expect(code(schema, 'Anna 😀')).to.equal('name.latinOnly');
  });

  it('separators only between letters, one at a time', () => {
    expect(code(schema, 'Anna--Maria')).to.equal('name.format');
    expect(code(schema, '-Anna')).to.equal('name.format');
    expect(code(schema, 'Van  Dyke')).to.equal('name.format');
  });

  it('requires a value and allows at most 50 characters', () => {
    expect(code(schema, '  ')).to.equal('name.required');
    expect(validateValue(schema, 'a'.repeat(51))).to.deep.equal({ code: 'name.tooLong', params: { max: 50 } });
  });

  it('any string the pattern accepts (up to 50) is valid; property', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,10}(?:[ '-][A-Za-z]{1,10}){0,3}$/), (v) => {
        expect(NAME_PATTERN.test(v)).to.equal(true);
        expect(code(schema, v)).to.equal(undefined);
      }),
    );
  });
});

describe('password', () => {
  it('defaults: 8–128 characters, a letter and a digit', () => {
    const s = passwordSchema();
    expect(code(s, '')).to.equal('password.required');
    expect(validateValue(s, 'abc1')).to.deep.equal({ code: 'password.tooShort', params: { min: 8 } });
    expect(code(s, 'abcdefgh')).to.equal('password.digit');
    expect(code(s, '12345678')).to.equal('password.letter');
    expect(code(s, 'пароль123')).to.equal(undefined);
    expect(code(s, `a1${'x'.repeat(126)}`)).to.equal(undefined);
    expect(validateValue(s, `a1${'x'.repeat(127)}`)).to.deep.equal({ code: 'password.tooLong', params: { max: 128 } });
  });

  it('limits are configurable and spaces are kept', () => {
    const s = passwordSchema({ minLength: 12, maxLength: 16 });
    expect(validateValue(s, 'abcdefgh1')).to.deep.equal({ code: 'password.tooShort', params: { min: 12 } });
    expect(code(s, '  abcdefgh1  ')).to.equal(undefined);
  });

  it('the repeat must equal the password', () => {
    expect(validateRegistrationField('passwordRepeat', { password: 'secret123', passwordRepeat: '' })?.code).to.equal(
      'passwordRepeat.required',
    );
    expect(
      validateRegistrationField('passwordRepeat', { password: 'secret123', passwordRepeat: 'Secret123' })?.code,
    ).to.equal('passwordRepeat.mismatch');
    expect(validateRegistrationField('passwordRepeat', { password: 'secret123', passwordRepeat: 'secret123' })).to.equal(
      undefined,
    );
  });
});

describe('captcha answer', () => {
  it('is required and kept exactly, case included', () => {
    expect(code(captchaAnswerSchema, '')).to.equal('captcha.required');
    expect(code(captchaAnswerSchema, '  ')).to.equal('captcha.required');
    expect(validateValue(captchaAnswerSchema, 'aBc12')).to.equal(undefined);
  });
});

describe('the whole registration form', () => {
  it('reports the first issue of every invalid field and nothing for valid ones', () => {
    const issues = validateRegistration(
      { email: 'maria@', firstName: 'Мария', lastName: 'Ivanova', password: 'secret123', passwordRepeat: 'x', captcha: '' },
      { translit: 'bg' },
    );
    expect(issues).to.deep.equal({
      email: { code: 'email.invalid' },
      firstName: { code: 'name.cyrillic', params: { suggestion: 'Maria' } },
      passwordRepeat: { code: 'passwordRepeat.mismatch' },
      captcha: { code: 'captcha.required' },
    });
  });

  it('does not touch zod\'s global configuration', async () => {
    const z = await import('zod/mini');
    validateRegistration({ email: 'x', firstName: 'Щ', lastName: '1', password: '', passwordRepeat: 'y', captcha: '' });
    const config = z.config();
    expect(config.customError).to.equal(undefined);
    expect(config.localeError).to.equal(undefined);
    // A host's plain schema still gets zod's own message, not one of our codes.
    expect(z.safeParse(z.string(), 1).error?.issues[0]?.message).to.equal('Invalid input');
  });
});

describe('messages are rendered from codes at display time', () => {
  after(() => setLocale('en'));
  it('the same issue reads in the current locale', async () => {
    const issue = { code: 'password.tooShort', params: { min: 8 } };
    await setLocale('en');
    expect(validationMessage(issue)).to.equal('The password needs at least 8\u00a0characters');
    await setLocale('ru');
    expect(validationMessage(issue)).to.equal('Пароль должен содержать минимум 8\u00a0символов');
    // Each name field says which name is too long (not "имени" under the last name).
    const long = { code: 'name.tooLong', params: { max: 50 } };
    expect(validationMessage(long, 'lastName')).to.equal('Фамилия может содержать не больше 50\u00a0символов');
    expect(validationMessage(long, 'firstName')).to.equal('Имя может содержать не больше 50\u00a0символов');
    await setLocale('bg');
    expect(validationMessage(issue)).to.equal('Паролата трябва да съдържа поне 8\u00a0знака');
    expect(validationMessage({ code: 'name.required' }, 'lastName')).to.equal('Въведете фамилия');
  });
});
