import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-register.js';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { AeRegisterSuccessEvent } from '../src/events/register-events.js';
import { captchaOf, captchaReady, errorText, fillRegistration, input, realClick, typeInto } from './helpers/dom.js';
import { axeViolations, expectAccessible } from './helpers/axe.js';

const ANSWER = 'Ab3dE';
const PASSWORD = 'Sekret-2026';
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

// ---- axe-core -------------------------------------------------------------------------------------------------

// ---- states of <ae-register> ---------------------------------------------------------------------------------------

async function mount(options: MemoryAdapterOptions = {}, afterSuccess: 'activate' | 'message' = 'activate') {
  const adapter = new MemoryAdapter({ captchaAnswer: ANSWER, ...options });
  const el = await fixture<AeRegister>(
    html`<ae-register .adapter=${adapter} after-success=${afterSuccess}></ae-register>`,
  );
  await captchaReady(captchaOf(el));
  return { el, adapter };
}

const fillValid = (el: AeRegister, email?: string) =>
  fillRegistration(el, { email, password: PASSWORD, answer: ANSWER });

const submitButton = (el: AeRegister): HTMLButtonElement => el.querySelector<HTMLButtonElement>('button[type=submit]')!;

async function submit(el: AeRegister): Promise<void> {
  await realClick(submitButton(el));
}

/** Each state: how to reach it, starting from a fresh element. Returns the element to audit. */
const STATES: Record<string, () => Promise<Element>> = {
  async empty() {
    const { el } = await mount();
    return el;
  },

  async 'invalid fields after a submit'() {
    const { el } = await mount();
    await typeInto(el, 'email', 'maria@');
    await typeInto(el, 'firstName', 'Maria');
    await typeInto(el, 'password', 'short');
    await submit(el);
    await waitUntil(() => el.querySelector('.ae-summary'), 'the summary is shown');
    await el.updateComplete;
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(captchaOf(el).shadowRoot!.querySelector('[part=error]')).to.not.equal(null);
    return el;
  },

  async 'a Cyrillic name with a suggestion'() {
    const { el } = await mount();
    await typeInto(el, 'lastName', 'Шишков');
    await waitUntil(() => el.querySelector('.ae-suggest'), 'the suggestion is offered');
    expect(errorText(el, 'lastName')).to.not.equal(null);
    return el;
  },

  async submitting() {
    const { el } = await mount({ latency: 2000 });
    await fillValid(el);
    await submit(el);
    await el.updateComplete;
    expect(el.form!.getAttribute('aria-busy')).to.equal('true');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    return el;
  },

  async 'the captcha was wrong'() {
    const { el, adapter } = await mount();
    await fillValid(el);
    adapter.failNext('captcha_invalid', { method: 'register' });
    const captcha = captchaOf(el);
    const before = captcha.captchaId;
    await submit(el);
    await waitUntil(() => captcha.captchaId !== before && !!captcha.error, 'a new picture and the message');
    await captcha.updateComplete;
    expect(captcha.shadowRoot!.querySelector('[part=error]')).to.not.equal(null);
    return el;
  },

  async 'the e-mail is taken'() {
    const { el, adapter } = await mount();
    adapter.failNext('email_taken', { method: 'register' });
    await fillValid(el);
    await submit(el);
    await waitUntil(() => errorText(el, 'email') !== null, 'the message on the e-mail field');
    return el;
  },

  async 'a network error'() {
    const { el, adapter } = await mount();
    await fillValid(el);
    adapter.failNext('network', { method: 'register' });
    await submit(el);
    await waitUntil(() => el.querySelector('.ae-banner'), 'the banner is shown');
    await captchaReady(captchaOf(el));
    return el;
  },

  async 'success, handed over to <ae-activate>'() {
    const { el } = await mount();
    await fillValid(el);
    const success = oneEvent(el, 'ae-register-success');
    await submit(el);
    await success;
    await el.updateComplete;
    const activate = el.querySelector('ae-activate')!;
    await activate.updateComplete;
    expect(el.form!.hidden).to.equal(true);
    return el;
  },

  async 'success with after-success="message"'() {
    const { el } = await mount({}, 'message');
    await fillValid(el);
    const success = oneEvent(el, 'ae-register-success');
    await submit(el);
    await success;
    await el.updateComplete;
    expect(el.querySelector('div.ae-success')).to.not.equal(null);
    return el;
  },

  async '<ae-captcha> alone'() {
    const c = await fixture<AeCaptcha>(
      html`<ae-captcha required .adapter=${new MemoryAdapter({ captchaAnswer: ANSWER })}></ae-captcha>`,
    );
    await captchaReady(c);
    return c;
  },

  async '<ae-captcha> alone, loading'() {
    const c = await fixture<AeCaptcha>(
      html`<ae-captcha required .adapter=${new MemoryAdapter({ captchaAnswer: ANSWER, latency: 2000 })}></ae-captcha>`,
    );
    expect(c.matches(':state(pending)')).to.equal(true);
    return c;
  },

  async '<ae-captcha> alone, failed to load'() {
    const adapter = new MemoryAdapter({ captchaAnswer: ANSWER });
    adapter.failNext('network', { method: 'getCaptcha' });
    const c = await fixture<AeCaptcha>(html`<ae-captcha required .adapter=${adapter}></ae-captcha>`);
    await waitUntil(() => c.shadowRoot!.querySelector('[part=placeholder]') && !c.matches(':state(pending)'), 'failed');
    return c;
  },

  async '<ae-captcha> alone, with its message'() {
    const c = await fixture<AeCaptcha>(
      html`<ae-captcha required .adapter=${new MemoryAdapter({ captchaAnswer: ANSWER })}></ae-captcha>`,
    );
    await captchaReady(c);
    c.markTouched();
    await c.updateComplete;
    expect(c.shadowRoot!.querySelector('[part=error]')).to.not.equal(null);
    return c;
  },
};

// ---- keyboard only -----------------------------------------------------------------------------------------------

/** The focused node, through open shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function describe_(node: Element | null): string {
  if (!node) return 'nothing';
  const name = node.getAttribute('name') ?? node.getAttribute('part') ?? node.className;
  return `<${node.tagName.toLowerCase()} ${name}> "${node.textContent?.trim().slice(0, 40) ?? ''}"`;
}

/** Presses Tab and checks where focus landed. */
async function tabTo(expected: Element, what: string): Promise<void> {
  await sendKeys({ press: 'Tab' });
  const active = deepActive();
  if (active !== expected) throw new Error(`Tab should reach ${what}, but focus is on ${describe_(active)}`);
}

// ---- tests ------------------------------------------------------------------------------------------------------

describe('accessibility', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  describe('axe-core finds no violation', () => {
    for (const locale of LOCALES) {
      describe(`in ${locale}`, () => {
        for (const [state, reach] of Object.entries(STATES)) {
          it(state, async () => {
            await setLocale(locale);
            const el = await reach();
            await expectAccessible(el, `${state} (${locale})`);
          });
        }
      });
    }
  });

  describe('the audit itself', () => {
    it('reaches into the light-DOM form and into shadow roots (a field without a label is reported)', async () => {
      const { el } = await mount();
      const captcha = captchaOf(el);
      const light = document.createElement('input');
      light.className = 'probe-light';
      el.form!.append(light);
      const shadow = document.createElement('input');
      shadow.className = 'probe-shadow';
      captcha.shadowRoot!.append(shadow);
      try {
        const violations = await axeViolations(el);
        const label = violations.find((v) => v.id === 'label');
        const targets = JSON.stringify(label?.nodes.map((n) => n.target));
        expect(targets).to.contain('probe-light');
        expect(targets).to.contain('probe-shadow');
      } finally {
        light.remove();
        shadow.remove();
      }
    });
  });

  describe('with the keyboard alone', () => {
    it('the whole sign-up completes with Tab, typing, Space and Enter', async () => {
      const { el, adapter } = await mount();
      const captcha = captchaOf(el);
      (document.activeElement as HTMLElement | null)?.blur();

      await tabTo(input(el, 'email'), 'the e-mail field');
      await sendKeys({ type: 'maria@example.com' });
      await tabTo(input(el, 'firstName'), 'the first name');
      await sendKeys({ type: 'Мария' });
      await el.updateComplete;
      // The Latin spelling is offered right after the field, and taken with Space.
      await waitUntil(() => el.querySelector('.ae-suggest'), 'a suggestion');
      await tabTo(el.querySelector('.ae-suggest')!, 'the suggestion');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(input(el, 'firstName').value).to.match(/^Mari/);
      expect(deepActive() === input(el, 'firstName'), 'focus back on the first name').to.equal(true);

      await tabTo(input(el, 'lastName'), 'the last name');
      await sendKeys({ type: 'Ivanova' });
      await tabTo(input(el, 'password'), 'the password');
      await sendKeys({ type: PASSWORD });
      const reveal = el.querySelector<HTMLButtonElement>('.ae-reveal')!;
      await tabTo(reveal, '"Show password"');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(input(el, 'password').type).to.equal('text');
      await tabTo(input(el, 'passwordRepeat'), 'the repeated password');
      await sendKeys({ type: PASSWORD });

      // "Refresh code" with Space: a new picture, focus on the answer field.
      const refresh = captcha.shadowRoot!.querySelector<HTMLButtonElement>('[part=refresh]')!;
      await tabTo(refresh, '"Refresh code"');
      const before = captcha.captchaId;
      await sendKeys({ press: 'Space' });
      const answerField = captcha.shadowRoot!.querySelector('input');
      await waitUntil(
        () => captcha.captchaId !== before && deepActive() === answerField,
        'a new code, focus on the answer field',
      );

      // Enter with no answer: the summary gets focus; its link leads to the field.
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.querySelector('.ae-summary'), 'the summary');
      await el.updateComplete;
      const summary = el.querySelector<HTMLElement>('.ae-summary')!;
      expect(deepActive() === summary, `focus on the summary, not ${describe_(deepActive())}`).to.equal(true);
      const links = [...summary.querySelectorAll('a')];
      expect(links).to.have.length(1);
      await tabTo(links[0]!, 'the summary link');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActive() === answerField, 'focus on the answer field');

      await sendKeys({ type: ANSWER });
      const success = oneEvent(el, 'ae-register-success') as Promise<AeRegisterSuccessEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await success).detail.email).to.equal('maria@example.com');
      expect(adapter.getUser('maria@example.com')?.firstName).to.match(/^Mari/);
      await el.updateComplete;
      const activate = el.querySelector('ae-activate')!;
      await activate.updateComplete;
      expect(document.activeElement === activate, 'focus on the success state').to.equal(true);
    });

    it('the submit button works with Enter and with Space', async () => {
      for (const key of ['Enter', 'Space']) {
        const { el } = await mount();
        await fillValid(el, `${key.toLowerCase()}@example.com`);
        await tabTo(submitButton(el), '"Create profile"');
        const success = oneEvent(el, 'ae-register-success');
        await sendKeys({ press: key });
        await success;
        fixtureCleanup();
      }
    });
  });
});
