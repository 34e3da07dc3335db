import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeRegisterErrorEvent, AeRegisterSuccessEvent } from '../src/events/register-events.js';
import {
  assertFocused,
  captchaOf,
  captchaReady,
  clickButton,
  errorText,
  findButton,
  input,
  realClick,
  tab,
  typeCaptcha,
  typeInto,
  fillRegistration,
  shownText,
} from './helpers/dom.js';

const ANSWER = 'Ab3dE';
const PASSWORD = 'Sekret-2026';

async function mount(adapter = new MemoryAdapter({ captchaAnswer: ANSWER })) {
  const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapter}></ae-register>`);
  await captchaReady(captchaOf(el));
  return { el, adapter };
}

const fillValid = (el: AeRegister, email?: string) =>
  fillRegistration(el, { email, password: PASSWORD, answer: ANSWER });

const submitButton = (el: AeRegister) => el.querySelector<HTMLButtonElement>('button[type=submit]')!;

function typedValues(el: AeRegister) {
  return ['email', 'firstName', 'lastName', 'password', 'passwordRepeat'].map((n) => input(el, n).value);
}

/** Counts the adapter's register calls (made within the submit handler, so a count is final once a click returns). */
function countRegisterCalls(adapter: MemoryAdapter): { count: number } {
  const counter = { count: 0 };
  const original = adapter.register.bind(adapter);
  adapter.register = (...args) => {
    counter.count++;
    return original(...args);
  };
  return counter;
}

describe('<ae-register>', () => {
  afterEach(() => setLocale('en'));

  describe('markup for password managers', () => {
    it('renders a real <form> with named, autocomplete-tagged inputs in the light DOM, in order', async () => {
      const { el } = await mount();
      const form = document.querySelector('ae-register form');
      expect(form).to.be.instanceOf(HTMLFormElement);
      const inputs = [...form!.querySelectorAll('input')].map((i) => [i.name, i.autocomplete, i.type]);
      expect(inputs).to.deep.equal([
        ['email', 'email', 'email'],
        ['firstName', 'given-name', 'text'],
        ['lastName', 'family-name', 'text'],
        ['password', 'new-password', 'password'],
        ['passwordRepeat', 'new-password', 'password'],
      ]);
      const captcha = form!.querySelector('ae-captcha[name="captcha"]');
      expect(captcha).to.not.equal(null);
      expect(captcha!.shadowRoot!.querySelector('input')!.autocomplete).to.equal('off');
      expect(shownText(submitButton(el)).trim()).to.equal('Create profile');
      expect(el.textContent).to.contain('Registration is free');
      // every input has a label
      for (const i of form!.querySelectorAll('input')) {
        expect(i.labels?.length, i.name).to.equal(1);
      }
    });

    it('works with no configuration: the embedded MemoryAdapter serves the captcha', async () => {
      const el = await fixture<AeRegister>(html`<ae-register></ae-register>`);
      await captchaReady(captchaOf(el));
      expect(captchaOf(el).shadowRoot!.querySelector('img')!.src).to.match(/^data:image\/svg\+xml/);
    });

    it('an element written into the page before the definition is upgraded and follows setLocale', async () => {
      // The define module ran at import; a fresh element created from HTML parsing must be localized too.
      // Parsed from HTML, as a page's own markup is (a fixture of a plain <div> would wait for an animation
      // frame, which a test page running in the background never gets).
      const host = document.createElement('div');
      document.body.append(host);
      host.innerHTML = '<ae-register></ae-register>';
      const el = host.querySelector('ae-register')!;
      await el.updateComplete;
      await setLocale('bg');
      await waitUntil(() => shownText(submitButton(el)).trim() === 'Създаване на профил', 'bg submit text');
      host.remove();
    });
  });

  describe('the full flow on MemoryAdapter', () => {
    it('ends in ae-register-success, the check-your-e-mail state and a letter in the outbox; no password anywhere', async () => {
      const { el, adapter } = await mount();
      const events: Event[] = [];
      for (const type of ['ae-register-success', 'ae-register-error', 'ae-captcha-refresh', 'input', 'change']) {
        el.addEventListener(type, (e) => events.push(e));
      }
      await fillValid(el);
      const success = oneEvent(el, 'ae-register-success') as Promise<AeRegisterSuccessEvent>;
      await realClick(submitButton(el));
      const ev = await success;
      expect(ev.detail).to.deep.equal({
        userId: ev.detail.userId,
        email: 'maria@example.com',
        firstName: 'Maria',
        lastName: 'Ivanova',
      });
      expect(ev.detail.userId).to.be.a('string').and.not.equal('');
      expect(ev.bubbles && ev.composed).to.equal(true);
      expect(adapter.outbox).to.have.length(1);
      expect(adapter.outbox[0]!.to).to.equal('maria@example.com');
      await el.updateComplete;
      // Handed over to <ae-activate>, waiting for the letter.
      const activate = el.querySelector('ae-activate')!;
      await activate.updateComplete;
      expect(activate.shadowRoot!.textContent).to.contain('We sent a letter to m***@example.com');
      expect(el.querySelector('form')!.hidden).to.equal(true);

      // The password is in no event detail, no attribute, no storage.
      const everyDetail = JSON.stringify(events.map((e) => (e as CustomEvent).detail ?? null));
      expect(everyDetail).not.to.contain(PASSWORD);
      const attributes = [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value));
      expect(attributes.join('\n')).not.to.contain(PASSWORD);
      const shadowAttrs = [...el.shadowRoot!.querySelectorAll('*')].flatMap((n) => [...n.attributes].map((a) => a.value));
      expect(shadowAttrs.join('\n')).not.to.contain(PASSWORD);
      expect(JSON.stringify({ ...localStorage })).not.to.contain(PASSWORD);
      expect(JSON.stringify({ ...sessionStorage })).not.to.contain(PASSWORD);
      expect(document.cookie).not.to.contain(PASSWORD);
      expect(JSON.stringify(adapter.outbox)).not.to.contain(PASSWORD);
      expect(el.innerHTML).not.to.contain(PASSWORD);
    });

    it('ten fast clicks and an Enter make exactly one register call', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER, latency: 2500 });
      const { el } = await mount(adapter);
      await fillValid(el);
      const registerCalls = countRegisterCalls(adapter);
      const success = oneEvent(el, 'ae-register-success');
      const button = submitButton(el);
      for (let i = 0; i < 10; i++) await realClick(button);
      input(el, 'email').focus?.();
      await sendKeys({ press: 'Enter' }).catch(() => undefined);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(shownText(button).trim()).to.equal('Creating profile…');
      expect(el.matches(':state(pending)')).to.equal(true);
      await success;
      // A second call would have been made inside one of the clicks (the handler calls the adapter at once).
      expect(registerCalls.count).to.equal(1);
      expect(adapter.outbox).to.have.length(1);
    });
  });

  describe('after the profile was created', () => {
    it('"Wrong address?" brings the form back with what was typed, passwords emptied, a fresh captcha', async () => {
      const { el } = await mount();
      await fillValid(el);
      const captchaBefore = captchaOf(el).captchaId;
      const success = oneEvent(el, 'ae-register-success');
      await realClick(submitButton(el));
      await success;
      await el.updateComplete;
      const activate = el.querySelector('ae-activate')!;
      await activate.updateComplete;
      expect(input(el, 'password').value).to.equal('');
      await clickButton(activate.shadowRoot!, 'Wrong address?');
      await el.updateComplete;
      expect(el.querySelector('ae-activate')).to.equal(null);
      expect(el.querySelector('form')!.hidden).to.equal(false);
      assertFocused(input(el, 'email'));
      expect(typedValues(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', '', '']);
      await waitUntil(() => captchaOf(el).captchaId !== captchaBefore, 'a fresh captcha');
    });

    it('after-success="message" shows a short check-your-e-mail text instead', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
      const el = await fixture<AeRegister>(html`<ae-register after-success="message" .adapter=${adapter}></ae-register>`);
      await captchaReady(captchaOf(el));
      await fillValid(el, 'ivan.petrov@example.com');
      const success = oneEvent(el, 'ae-register-success');
      await realClick(submitButton(el));
      await success;
      await el.updateComplete;
      const box = el.querySelector('.ae-success')!;
      expect(box.textContent).to.contain('Profile created');
      expect(box.textContent).to.contain('We sent a letter to i***@example.com');
      assertFocused(box);
    });
  });

  describe('when fields are invalid', () => {
    it('shows a message only after a field was touched and changed', async () => {
      const { el } = await mount();
      input(el, 'email').focus();
      await tab();
      expect(errorText(el, 'email')).to.equal(null);
      await typeInto(el, 'email', 'maria@');
      expect(errorText(el, 'email')).to.equal(null);
      await tab();
      await el.updateComplete;
      expect(errorText(el, 'email')).to.equal('Enter an e-mail address like name@example.com');
      expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    });

    it('a submit with errors shows a summary linking to each field, focuses it, and loses nothing', async () => {
      const { el, adapter } = await mount();
      await typeInto(el, 'email', 'maria@');
      await typeInto(el, 'firstName', 'Maria');
      await typeInto(el, 'password', 'short');
      await realClick(submitButton(el));
      await el.updateComplete;
      const summary = el.querySelector<HTMLElement>('.ae-summary')!;
      expect(summary).to.not.equal(null);
      expect(el.matches(':state(invalid)')).to.equal(true);
      assertFocused(summary);
      expect(summary.getAttribute('role')).to.equal('alert');
      const links = [...summary.querySelectorAll('a')].map((a) => a.textContent!.trim());
      expect(links).to.deep.equal([
        'E-mail: Enter an e-mail address like name@example.com',
        'Last name: Enter your last name',
        'Password: The password needs at least 8\u00a0characters',
        'Repeat password: Type the password again',
        'Code from the picture: Enter the code from the picture',
      ]);
      // Each input points at its message.
      for (const name of ['email', 'lastName', 'password', 'passwordRepeat']) {
        const i = input(el, name);
        expect(i.getAttribute('aria-invalid'), name).to.equal('true');
        const msgId = i.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-error'))!;
        expect(el.querySelector(`#${CSS.escape(msgId)}`)!.textContent!.trim()).to.not.equal('');
      }
      // A link moves focus to its field.
      await realClick(summary.querySelectorAll('a')[2]!);
      assertFocused(input(el, 'password'));
      expect(typedValues(el)).to.deep.equal(['maria@', 'Maria', '', 'short', '']);
      expect(adapter.outbox).to.have.length(0);
    });

    it('the repeat shows a mismatch message', async () => {
      const { el } = await mount();
      await typeInto(el, 'password', PASSWORD);
      await typeInto(el, 'passwordRepeat', `${PASSWORD}x`);
      await tab();
      await el.updateComplete;
      expect(errorText(el, 'passwordRepeat')).to.equal('The passwords do not match');
    });

    it('messages re-render in the new language when the locale changes', async () => {
      const { el } = await mount();
      await typeInto(el, 'email', 'maria@');
      await tab();
      await el.updateComplete;
      await setLocale('ru');
      await el.updateComplete;
      expect(errorText(el, 'email')).to.equal('Введите адрес в формате name@example.com');
      expect(shownText(submitButton(el)).trim()).to.equal('Создать профиль');
      await setLocale('bg');
      await el.updateComplete;
      expect(errorText(el, 'email')).to.equal('Въведете адрес във формат name@example.com');
      expect(input(el, 'email').value).to.equal('maria@');
    });
  });

  describe('when a name is typed in Cyrillic', () => {
    it('ru: says so and offers the passport spelling; one click puts it in the field', async () => {
      await setLocale('ru');
      const { el } = await mount();
      await typeInto(el, 'lastName', 'Шишков');
      await el.updateComplete;
      expect(errorText(el, 'lastName')).to.equal('Напишите латинскими буквами, как в загранпаспорте');
      expect(input(el, 'lastName').value, 'nothing replaced silently').to.equal('Шишков');
      await clickButton(el, 'Использовать «Shishkov»');
      await el.updateComplete;
      expect(input(el, 'lastName').value).to.equal('Shishkov');
      expect(errorText(el, 'lastName')).to.equal(null);
      assertFocused(input(el, 'lastName'));
    });

    it('bg: uses the Bulgarian table (Юлия → Yulia, Щерев → Shterev)', async () => {
      await setLocale('bg');
      const { el } = await mount();
      await typeInto(el, 'firstName', 'Юлия');
      await typeInto(el, 'lastName', 'Щерев');
      await el.updateComplete;
      expect(errorText(el, 'firstName')).to.equal('Напишете с латински букви, както в задграничния паспорт');
      findButton(el, 'Използвайте „Yulia“');
      await clickButton(el, 'Използвайте „Shterev“');
      expect(input(el, 'lastName').value).to.equal('Shterev');
    });

    it('the translit attribute overrides the locale; the person may keep their own spelling', async () => {
      await setLocale('bg');
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
      const el = await fixture<AeRegister>(html`<ae-register translit="ru" .adapter=${adapter}></ae-register>`);
      await captchaReady(captchaOf(el));
      await typeInto(el, 'firstName', 'Юлия');
      await el.updateComplete;
      findButton(el, 'Използвайте „Iuliia“');
      // A Latin spelling of one's own passport is never "corrected".
      input(el, 'firstName').select();
      await sendKeys({ type: 'Yuliya' });
      await el.updateComplete;
      expect(errorText(el, 'firstName')).to.equal(null);
    });

    it('the suggestion follows a locale switch (ru Iuliia → bg Yulia)', async () => {
      await setLocale('ru');
      const { el } = await mount();
      await typeInto(el, 'firstName', 'Юлия');
      await el.updateComplete;
      await waitUntil(() => el.textContent!.includes('Использовать «Iuliia»'), 'ru suggestion');
      await setLocale('bg');
      await waitUntil(() => el.textContent!.includes('Използвайте „Yulia“'), 'bg suggestion after the switch');
    });

    it('letters outside the tables get the full table lazily (Łukasz → Lukasz)', async () => {
      const { el } = await mount();
      await typeInto(el, 'firstName', 'Łukasz');
      await tab();
      await waitUntil(() => el.textContent!.includes('Use “Lukasz”'), 'suggestion from the lazy table', { timeout: 5000 });
    });
  });

  describe('password comfort', () => {
    it('the show/hide toggle reveals both fields as text and back', async () => {
      const { el } = await mount();
      await typeInto(el, 'password', PASSWORD);
      const toggle = findButton(el, 'Show password');
      await realClick(toggle);
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('text');
      expect(input(el, 'passwordRepeat').type).to.equal('text');
      expect(toggle.getAttribute('aria-label'), 'its name says what a press will do').to.equal('Hide password');
      expect(toggle.getAttribute('aria-controls')).to.contain(input(el, 'password').id);
      expect(input(el, 'password').value).to.equal(PASSWORD);
      await realClick(toggle);
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('password');
    });

    it('warns while Caps Lock is on', async () => {
      const { el } = await mount();
      const pw = input(el, 'password');
      pw.focus();
      // The Caps Lock state of a real keyboard cannot be set from a test; the browser reports it on key events.
      pw.dispatchEvent(new KeyboardEvent('keydown', { key: 'A', modifierCapsLock: true, bubbles: true }));
      await el.updateComplete;
      expect(el.textContent).to.contain('Caps Lock is on');
      expect(pw.getAttribute('aria-describedby')).to.contain('-warning');
      pw.dispatchEvent(new KeyboardEvent('keyup', { key: 'CapsLock', modifierCapsLock: false, bubbles: true }));
      await el.updateComplete;
      expect(el.textContent).not.to.contain('Caps Lock is on');
    });
  });

  describe('when the server refuses', () => {
    it('e-mail taken: message on the e-mail field, focus there, everything kept', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
      await adapter.register({
        email: 'Maria@Example.com',
        firstName: 'Maria',
        lastName: 'Petrova',
        password: 'Other-pass-1',
        captcha: { id: (await adapter.getCaptcha()).id, answer: ANSWER },
      });
      const { el } = await mount(adapter);
      await fillValid(el);
      const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
      await realClick(submitButton(el));
      expect((await error).detail).to.deep.equal({ code: 'email_taken', field: 'email' });
      await el.updateComplete;
      expect(errorText(el, 'email')).to.equal('This e-mail is already registered');
      assertFocused(input(el, 'email'));
      expect(typedValues(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
      // Editing the address clears the server's message.
      await typeInto(el, 'email', 'x');
      await el.updateComplete;
      expect(errorText(el, 'email'), 'maria@example.comx is a valid address').to.equal(null);
    });

    it('wrong captcha: a fresh picture, the answer emptied, a message; attempts are unlimited', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      const captcha = captchaOf(el);
      for (let attempt = 0; attempt < 3; attempt++) {
        const before = captcha.captchaId;
        if (attempt > 0) await typeCaptcha(captcha, ANSWER.toLowerCase());
        else {
          captcha.focus();
          await sendKeys({ press: 'Backspace' });
          await sendKeys({ type: 'e' });
        }
        const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
        await realClick(submitButton(el));
        expect((await error).detail.code).to.equal('captcha_invalid');
        await waitUntil(() => captcha.captchaId !== before && !!captcha.error, 'new captcha');
        await captcha.updateComplete;
        expect(captcha.value).to.equal('');
        expect(captcha.shadowRoot!.querySelector('[part=error]')!.textContent!.trim()).to.equal('Wrong code, try the new one');
        expect(typedValues(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
      }
      await typeCaptcha(captcha, ANSWER);
      const success = oneEvent(el, 'ae-register-success');
      await realClick(submitButton(el));
      await success;
      expect(adapter.outbox).to.have.length(1);
    });

    it('expired captcha: a fresh picture and the expired message', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      adapter.failNext('captcha_expired', { method: 'register' });
      const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
      await realClick(submitButton(el));
      expect((await error).detail.code).to.equal('captcha_expired');
      const captcha = captchaOf(el);
      await waitUntil(() => !!captcha.error);
      await captcha.updateComplete;
      expect(captcha.shadowRoot!.textContent).to.contain('The code has expired, enter the new one');
    });

    for (const [code, text] of [
      ['network', 'No connection. Check the internet and try again.'],
      ['timeout', 'The server is not responding. Try again in a moment.'],
      ['server', 'Something went wrong on our side. Try again: what you typed is kept.'],
    ] as const) {
      it(`${code}: a message at the top with a working retry, the form intact`, async () => {
        const { el, adapter } = await mount();
        await fillValid(el);
        adapter.failNext(code, { method: 'register' });
        const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
        await realClick(submitButton(el));
        expect((await error).detail.code).to.equal(code);
        await el.updateComplete;
        const banner = el.querySelector('.ae-banner')!;
        expect(banner.textContent).to.contain(text);
        assertFocused(banner);
        expect(typedValues(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
        // The captcha answer is kept too: "Try again" is a single press.
        expect(captchaOf(el).value).to.equal(ANSWER);
        const success = oneEvent(el, 'ae-register-success');
        await clickButton(el, 'Try again');
        await success;
        expect(adapter.outbox).to.have.length(1);
      });
    }

    it('rate limited: says how long to wait, with Russian plurals', async () => {
      await setLocale('ru');
      const { el, adapter } = await mount();
      await fillValid(el);
      adapter.failNext('rate_limited', { method: 'register', retryAfter: 22 });
      const error = oneEvent(el, 'ae-register-error');
      await realClick(submitButton(el));
      await error;
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('подождите 22\u00a0секунды');
      expect(input(el, 'firstName').value).to.equal('Maria');
    });
  });

  describe('after an answered refusal, the captcha is new (the server spent it)', () => {
    it('email_taken: a new picture; the corrected form goes through with the new code', async () => {
      const { el, adapter } = await mount();
      const first = await adapter.getCaptcha();
      await adapter.register({
        email: 'maria@example.com',
        firstName: 'Maria',
        lastName: 'Ivanova',
        password: PASSWORD,
        captcha: { id: first.id, answer: ANSWER },
      });
      await fillValid(el);
      const captcha = captchaOf(el);
      const before = captcha.captchaId;
      const refreshed = oneEvent(captcha, 'ae-captcha-refresh');
      await realClick(submitButton(el));
      expect((await refreshed).detail).to.deep.include({ reason: 'rejected' });
      expect(captcha.captchaId).to.not.equal(before);
      expect(captcha.value, 'the spent answer is emptied').to.equal('');
      await el.updateComplete;
      expect(errorText(el, 'email')).to.equal('This e-mail is already registered');
      // Correct the address, type the new code: no "Wrong code" for a code typed right.
      input(el, 'email').select();
      await typeInto(el, 'email', 'maria.ivanova@example.com');
      await typeCaptcha(captcha, ANSWER);
      const success = oneEvent(el, 'ae-register-success') as Promise<AeRegisterSuccessEvent>;
      await realClick(submitButton(el));
      expect((await success).detail.email).to.equal('maria.ivanova@example.com');
    });
  });

  describe('when the server refuses fields the form cannot point at', () => {
    it('validation without fieldErrors: a message at the top, no "Try again", a new captcha, nothing lost', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      const captcha = captchaOf(el);
      const before = captcha.captchaId;
      adapter.failNext('validation', { method: 'register' });
      const error = oneEvent(el, 'ae-register-error') as Promise<AeRegisterErrorEvent>;
      await realClick(submitButton(el));
      expect((await error).detail.code).to.equal('validation');
      await waitUntil(() => el.querySelector('.ae-banner'), 'the message at the top');
      const banner = el.querySelector<HTMLElement>('.ae-banner')!;
      expect(banner.textContent!.trim()).to.equal('Some of the details were not accepted. Check the form and try again.');
      assertFocused(banner);
      expect(banner.querySelector('button'), 'retrying the same form would be refused again').to.equal(null);
      await waitUntil(() => captcha.captchaId !== before, 'a new captcha');
      expect(typedValues(el)).to.deep.equal(['maria@example.com', 'Maria', 'Ivanova', PASSWORD, PASSWORD]);
    });

    it('a field the form has gets its message; one it does not have (phone) a message at the top', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      adapter.failNext('validation', { method: 'register', fieldErrors: { lastName: 'name.latinOnly', phone: 'phone.invalid' } });
      const error = oneEvent(el, 'ae-register-error');
      await realClick(submitButton(el));
      await error;
      await el.updateComplete;
      expect(errorText(el, 'lastName')).to.be.a('string').and.match(/Latin/);
      const links = [...el.querySelectorAll('.ae-summary a')].map((a) => a.textContent!.trim());
      expect(links).to.have.length(1);
      expect(links[0]).to.match(/^Last name: /);
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('Some of the details were not accepted');
      assertFocused(el.querySelector('.ae-summary'));
    });
  });

  describe('while the server asks to wait (rate_limited with Retry-After)', () => {
    it('counts the wait down, keeps "Try again" unavailable until it ends, then one press sends the form', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      const registerCalls = countRegisterCalls(adapter);
      adapter.failNext('rate_limited', { method: 'register', retryAfter: 2 });
      const error = oneEvent(el, 'ae-register-error');
      await realClick(submitButton(el));
      await error;
      await el.updateComplete;
      const banner = el.querySelector('.ae-banner')!;
      expect(banner.textContent).to.match(/wait 2\u00a0seconds/);
      const retry = findButton(el, 'Try again');
      expect(retry.getAttribute('aria-disabled')).to.equal('true');
      await realClick(retry);
      expect(registerCalls.count, 'a press during the wait sends nothing').to.equal(1);
      await waitUntil(() => /wait 1\u00a0second\b/.test(banner.textContent ?? ''), 'one second left', { timeout: 3000 });
      await waitUntil(() => retry.getAttribute('aria-disabled') === 'false', 'the wait is over', { timeout: 3000 });
      expect(banner.textContent).to.contain('Too many attempts. You can try again now.');
      // The captcha answer was kept: the server did not judge the form.
      const success = oneEvent(el, 'ae-register-success');
      await realClick(retry);
      await success;
      expect(registerCalls.count).to.equal(2);
    });
  });

  describe('when it leaves the page', () => {
    it('aborts its call in flight: the adapter sees the abort and no profile is created', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER, latency: 2000 });
      const { el } = await mount(adapter);
      await fillValid(el);
      let signal: AbortSignal | undefined;
      let settled: Promise<unknown> | undefined;
      const original = adapter.register.bind(adapter);
      adapter.register = (input, o) => {
        signal = o?.signal;
        const p = original(input, o);
        settled = p.catch((e: unknown) => e);
        return p;
      };
      await realClick(submitButton(el));
      expect(signal, 'the call got a signal').to.be.instanceOf(AbortSignal);
      expect(signal!.aborted).to.equal(false);
      el.remove();
      expect(signal!.aborted, 'removing the element aborts its call').to.equal(true);
      const outcome = await settled;
      expect((outcome as Error).name).to.equal('AbortError');
      expect(adapter.getUser('maria@example.com')).to.equal(undefined);
    });

    it('empties both password fields', async () => {
      const { el } = await mount();
      await fillValid(el);
      const pw = input(el, 'password');
      const repeat = input(el, 'passwordRepeat');
      el.remove();
      expect([pw.value, repeat.value]).to.deep.equal(['', '']);
      expect(input(el, 'email').value, 'the rest stays').to.equal('maria@example.com');
    });
  });

  describe('when a page script calls form.submit() (which fires no submit event)', () => {
    it('goes through the same checks as a press, and the form is a POST form', async () => {
      const { el, adapter } = await mount();
      await typeInto(el, 'email', 'maria@');
      await typeInto(el, 'password', PASSWORD);
      const form = el.form!;
      expect(form.method).to.equal('post');
      form.submit();
      await waitUntil(() => el.querySelector('.ae-summary'), 'the error summary, as after a press');
      expect(input(el, 'password').value).to.equal(PASSWORD);
      expect(location.href).not.to.contain(encodeURIComponent(PASSWORD));
      expect(adapter.outbox).to.have.length(0);
    });
  });

  describe('a press that the browser takes over (pointercancel: a touch that became a scroll)', () => {
    it('shows the held-back message at once and leaves no window listener behind', async () => {
      const { el } = await mount();
      const counts = { added: 0, removed: 0 };
      const add = window.addEventListener;
      const remove = window.removeEventListener;
      window.addEventListener = function (this: Window, type: string, ...rest: unknown[]) {
        if (type === 'pointerup') counts.added++;
        return (add as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof window.addEventListener;
      window.removeEventListener = function (this: Window, type: string, ...rest: unknown[]) {
        if (type === 'pointerup') counts.removed++;
        return (remove as (...a: unknown[]) => void).call(this, type, ...rest);
      } as typeof window.removeEventListener;
      try {
        await typeInto(el, 'email', 'maria@');
        for (let i = 0; i < 3; i++) {
          submitButton(el).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
          if (i === 0) input(el, 'email').blur(); // the field's change arrives while the press is down
          window.dispatchEvent(new PointerEvent('pointercancel'));
        }
        await waitUntil(() => errorText(el, 'email') !== null, 'the e-mail message after the cancelled press', { timeout: 2000 });
      } finally {
        window.addEventListener = add;
        window.removeEventListener = remove;
      }
      expect(counts.added - counts.removed, 'pointerup listeners left on window').to.equal(0);
    });
  });

  describe('on a phone (360 px wide)', () => {
    it('the password field keeps its width: the show/hide toggle sits inside its right edge', async () => {
      const box = document.createElement('div');
      box.style.inlineSize = '360px';
      document.body.append(box);
      try {
        const { el } = await mount();
        box.append(el);
        await el.updateComplete;
        const pw = input(el, 'password').getBoundingClientRect();
        const email = input(el, 'email').getBoundingClientRect();
        const toggle = findButton(el, 'Show password').getBoundingClientRect();
        expect(pw.width, 'as wide as the e-mail field').to.equal(email.width);
        expect(toggle.left).to.be.greaterThan(pw.left + pw.width / 2);
        expect(toggle.right).to.be.at.most(pw.right);
        expect(toggle.top).to.be.at.least(pw.top);
        expect(toggle.bottom).to.be.at.most(pw.bottom);
      } finally {
        box.remove();
      }
    });
  });

  describe('properties', () => {
    it('password-min-length changes the rule and the hint', async () => {
      const el = await fixture<AeRegister>(
        html`<ae-register password-min-length="12" .adapter=${new MemoryAdapter({ captchaAnswer: ANSWER })}></ae-register>`,
      );
      expect(el.textContent).to.contain('At least 12\u00a0characters');
      await typeInto(el, 'password', 'abcdefgh1');
      await tab();
      await el.updateComplete;
      expect(errorText(el, 'password')).to.equal('The password needs at least 12\u00a0characters');
    });

    it('disabled disables every field and prevents submitting', async () => {
      const { el, adapter } = await mount();
      await fillValid(el);
      const registerCalls = countRegisterCalls(adapter);
      el.disabled = true;
      await el.updateComplete;
      expect(input(el, 'email').matches(':disabled')).to.equal(true);
      await realClick(submitButton(el));
      // The submit handler calls the adapter within the click, or never.
      expect(registerCalls.count).to.equal(0);
      expect(el.matches(':state(pending)')).to.equal(false);
    });

    it('theme="dark" reaches the captcha and the activation step inside', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
      const el = await fixture<AeRegister>(html`<ae-register theme="dark" .adapter=${adapter}></ae-register>`);
      await captchaReady(captchaOf(el));
      expect(captchaOf(el).getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(captchaOf(el)).colorScheme).to.equal('dark');
      // The dark surface (#1f2023) under the answer, on a page that prefers light.
      const answer = captchaOf(el).shadowRoot!.querySelector('[part=input]')!;
      expect(getComputedStyle(answer).backgroundColor).to.equal('rgb(31, 33, 38)');
      await fillValid(el);
      const success = oneEvent(el, 'ae-register-success');
      await realClick(submitButton(el));
      await success;
      await el.updateComplete;
      const activate = el.querySelector('ae-activate')!;
      expect(activate.getAttribute('theme')).to.equal('dark');
      expect(getComputedStyle(activate).colorScheme).to.equal('dark');
      expect(getComputedStyle(activate).color, 'the dark text color (#ececf1)').to.equal('rgb(236, 236, 241)');
    });

    it('setting properties from code fires no event', async () => {
      const { el } = await mount();
      const seen: string[] = [];
      for (const t of ['ae-register-success', 'ae-register-error', 'input', 'change', 'ae-captcha-refresh']) {
        el.addEventListener(t, () => seen.push(t));
      }
      el.disabled = true;
      el.passwordMinLength = 10;
      el.translit = 'bg';
      captchaOf(el).value = 'x';
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
    });

    it('slots: header, terms and footer content of the page is shown', async () => {
      const el = await fixture<AeRegister>(html`<ae-register .adapter=${new MemoryAdapter()}>
        <img slot="header" alt="Shop" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
        <p slot="terms">By creating a profile you accept the terms.</p>
        <a slot="footer" href="#signin">Sign in</a>
      </ae-register>`);
      const slots = [...el.shadowRoot!.querySelectorAll('slot')];
      const assigned = slots.map((s) => s.assignedElements().map((e) => e.tagName.toLowerCase()));
      expect(assigned).to.deep.equal([['img'], ['div'], ['p'], ['a']]);
    });
  });
});
