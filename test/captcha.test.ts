import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import type { TemplateResult } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../src/define/ae-captcha.js';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { CallOptions, Captcha, CaptchaCapability } from '../src/adapter/types.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeCaptchaRefreshEvent } from '../src/events/captcha-events.js';
import { assertFocused, captchaReady, realClick, typeCaptcha } from './helpers/dom.js';

const ANSWER = 'aBc3D';
const SVG_NS = 'http://www.w3.org/2000/svg';

// ---- helpers ------------------------------------------------------------------------------------------------

/** Containers made with lit's render() (a fixture of a plain <form> would wait for an animation frame). */
const containers: HTMLElement[] = [];

function mount(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  render(template, container);
  containers.push(container);
  return container;
}

function adapterWith(options: MemoryAdapterOptions = {}): MemoryAdapter {
  return new MemoryAdapter({ captchaAnswer: ANSWER, ...options });
}

/** A stand-alone <ae-captcha> with its picture shown (unless `wait` is false). */
async function standalone(adapter: CaptchaCapability = adapterWith(), wait = true): Promise<AeCaptcha> {
  const c = await fixture<AeCaptcha>(html`<ae-captcha .adapter=${adapter}></ae-captcha>`);
  if (wait) await captchaReady(c);
  return c;
}

interface InForm {
  form: HTMLFormElement;
  captcha: AeCaptcha;
  adapter: MemoryAdapter;
  /** Form data of every submission that got through (the submit itself is cancelled). */
  submitted: FormData[];
}

/** `<form><ae-captcha></ae-captcha><button>Send</button></form>`, in a page of its own markup. */
async function inForm(
  opts: { required?: boolean; name?: string; adapter?: MemoryAdapter; wait?: boolean } = {},
): Promise<InForm> {
  const adapter = opts.adapter ?? adapterWith();
  const submitted: FormData[] = [];
  const onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    submitted.push(new FormData(e.target as HTMLFormElement));
  };
  const container = mount(html`<form @submit=${onSubmit}>
    <fieldset>
      <legend>Check</legend>
      <ae-captcha .adapter=${adapter} ?required=${opts.required ?? true} name=${opts.name ?? 'captcha'}></ae-captcha>
    </fieldset>
    <button type="submit">Send</button>
  </form>`);
  const form = container.querySelector('form')!;
  const captcha = form.querySelector('ae-captcha')!;
  if (opts.wait ?? true) await captchaReady(captcha);
  return { form, captcha, adapter, submitted };
}

function part<T extends HTMLElement = HTMLElement>(c: AeCaptcha, name: string): T | null {
  return c.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function inner(c: AeCaptcha): HTMLInputElement {
  return part<HTMLInputElement>(c, 'input')!;
}

function refreshButton(c: AeCaptcha): HTMLButtonElement {
  return part<HTMLButtonElement>(c, 'refresh')!;
}

/** SVG nodes in the shadow root other than the refresh button's own icon: the picture must never be one. */
function foreignSvg(c: AeCaptcha): Element[] {
  return [...c.shadowRoot!.querySelectorAll('*')].filter((n) => n.namespaceURI === SVG_NS && !n.closest('[part=refresh], [part=listen]'));
}

function liveRegion(c: AeCaptcha): HTMLElement {
  return c.shadowRoot!.querySelector<HTMLElement>('[aria-live]')!;
}

const textOf = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Focus is on the captcha's own answer field (the host is the document's active element; focus is delegated). */
function assertAnswerFocused(c: AeCaptcha): void {
  assertFocused(c, 'host focus');
  if (c.shadowRoot!.activeElement !== inner(c)) {
    const active = c.shadowRoot!.activeElement;
    throw new Error(`focus inside the captcha is on ${active?.outerHTML.slice(0, 80) ?? 'nothing'}`);
  }
}

/** Collects every event of the given types that reaches the document. */
function record(types: string[]): Event[] {
  const seen: Event[] = [];
  const listener = (e: Event): void => {
    seen.push(e);
  };
  for (const t of types) document.addEventListener(t, listener);
  listeners.push(() => types.forEach((t) => document.removeEventListener(t, listener)));
  return seen;
}
const listeners: (() => void)[] = [];

function refreshes(seen: Event[]): AeCaptchaRefreshEvent[] {
  return seen.filter((e): e is AeCaptchaRefreshEvent => e.type === 'ae-captcha-refresh');
}

function matchesState(c: AeCaptcha, state: string): boolean {
  return c.matches(`:state(${state})`);
}

// ---- tests ----------------------------------------------------------------------------------------------------

describe('<ae-captcha>', () => {
  afterEach(async () => {
    for (const off of listeners.splice(0)) off();
    for (const c of containers.splice(0)) c.remove();
    fixtureCleanup();
    await setLocale('en');
  });

  describe('inside a plain <form>', () => {
    it('submits the answer as typed, case kept, and the id of the challenge on display', async () => {
      const { form, captcha } = await inForm();
      await typeCaptcha(captcha, ANSWER);
      const data = new FormData(form);
      expect(data.get('captcha')).to.equal('aBc3D');
      expect(captcha.captchaId).to.be.a('string').and.not.equal('');
      expect(data.get('captchaId')).to.equal(captcha.captchaId);
      expect([...data.keys()]).to.deep.equal(['captcha', 'captchaId']);
    });

    it('a custom name="code" submits code and codeId', async () => {
      const { form, captcha } = await inForm({ name: 'code' });
      await typeCaptcha(captcha, ANSWER);
      const data = new FormData(form);
      expect(data.get('code')).to.equal(ANSWER);
      expect(data.get('codeId')).to.equal(captcha.captchaId);
      expect(data.has('captcha')).to.equal(false);
      expect(data.has('captchaId')).to.equal(false);
    });

    it('a name changed later renames the submitted entries', async () => {
      const { form, captcha } = await inForm();
      await typeCaptcha(captcha, ANSWER);
      captcha.name = 'code';
      await captcha.updateComplete;
      const data = new FormData(form);
      expect([...data.keys()]).to.deep.equal(['code', 'codeId']);
      expect(data.get('code')).to.equal(ANSWER);
    });

    it('Enter in the answer field submits the form, as in a native field', async () => {
      const { captcha, submitted } = await inForm();
      await typeCaptcha(captcha, ANSWER);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => submitted.length === 1, 'the form was submitted');
      expect(submitted[0]!.get('captcha')).to.equal(ANSWER);
      expect(submitted[0]!.get('captchaId')).to.equal(captcha.captchaId);
    });

    /** A form with the given buttons around a captcha; records clicks and the submitter of each submission. */
    async function withButtons(buttons: TemplateResult) {
      const log: string[] = [];
      const container = mount(html`<form
        @submit=${(e: SubmitEvent) => {
          e.preventDefault();
          const s = e.submitter as HTMLButtonElement | null;
          log.push(`submit by ${s ? s.value : 'the form'}`);
        }}
        @click=${(e: Event) => {
          const t = e.target as HTMLElement;
          if (t.localName === 'button') log.push(`click ${(t as HTMLButtonElement).value}`);
        }}
      >
        <ae-captcha .adapter=${adapterWith()}></ae-captcha>
        ${buttons}
      </form>`);
      const captcha = container.querySelector('ae-captcha')!;
      await captchaReady(captcha);
      await typeCaptcha(captcha, ANSWER);
      return { log, form: container.querySelector('form')! };
    }

    it("Enter clicks the form's default button (its first submit button), which becomes the submitter", async () => {
      const { log } = await withButtons(html`<button type="button" value="help">Help</button>
        <button name="action" value="save">Save</button>
        <button name="action" value="publish">Publish</button>`);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => log.length === 2, 'a click and a submission');
      expect(log).to.deep.equal(['click save', 'submit by save']);
    });

    it('Enter does not submit when the default button is disabled, also by its fieldset', async () => {
      const { log, form } = await withButtons(html`<button value="save" disabled>Save</button>
        <button value="publish">Publish</button>`);
      await sendKeys({ press: 'Enter' });
      form.querySelector('button')!.removeAttribute('disabled');
      const fieldset = document.createElement('fieldset');
      fieldset.disabled = true;
      form.querySelector('button')!.replaceWith(fieldset);
      fieldset.append(Object.assign(document.createElement('button'), { value: 'save', textContent: 'Save' }));
      form.querySelector('ae-captcha')!.focus();
      await sendKeys({ press: 'Enter' });
      // The keydown handler clicks (and so submits) within the key press, or never.
      expect(log, 'no click, no submission').to.deep.equal([]);
    });

    it('Enter submits a form that has no submit button, with the form as the submitter', async () => {
      const { log } = await withButtons(html`<button type="button" value="help">Help</button>`);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => log.length === 1, 'a submission');
      expect(log).to.deep.equal(['submit by the form']);
    });
  });

  describe('validity', () => {
    it('required and empty: the form is invalid with valueMissing; typing makes it valid', async () => {
      const { form, captcha } = await inForm();
      expect(captcha.willValidate).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      expect(captcha.validity.valueMissing).to.equal(true);
      expect(captcha.validity.valid).to.equal(false);
      expect(captcha.validationMessage).to.equal('Enter the code from the picture');
      expect(matchesState(captcha, 'invalid')).to.equal(true);

      await typeCaptcha(captcha, ANSWER);
      expect(captcha.validity.valid).to.equal(true);
      expect(captcha.validity.valueMissing).to.equal(false);
      expect(form.checkValidity()).to.equal(true);
      expect(matchesState(captcha, 'invalid')).to.equal(false);
    });

    it('not required and empty: valid', async () => {
      const { form, captcha } = await inForm({ required: false });
      expect(captcha.value).to.equal('');
      expect(captcha.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      expect(matchesState(captcha, 'invalid')).to.equal(false);
    });

    it('a submit with an empty required answer is blocked, and the field shows why', async () => {
      const { form, captcha, submitted } = await inForm();
      await realClick(form.querySelector('button[type=submit]')!);
      await captcha.updateComplete;
      expect(submitted).to.have.length(0);
      expect(matchesState(captcha, 'user-invalid')).to.equal(true);
      expect(textOf(part(captcha, 'error'))).to.equal('Enter the code from the picture');
      expect(inner(captcha).getAttribute('aria-invalid')).to.equal('true');
    });
  });

  describe('form reset and disabled fieldset', () => {
    it('form.reset() empties the answer', async () => {
      const { form, captcha } = await inForm();
      await typeCaptcha(captcha, ANSWER);
      form.reset();
      await captcha.updateComplete;
      expect(captcha.value).to.equal('');
      expect(inner(captcha).value).to.equal('');
      expect(new FormData(form).get('captcha')).to.equal('');
      expect(captcha.validity.valueMissing).to.equal(true);
    });

    it('a disabled <fieldset> disables the field and the refresh button; enabling it enables them again', async () => {
      const { form, captcha } = await inForm();
      const fieldset = form.querySelector('fieldset')!;
      fieldset.disabled = true;
      await captcha.updateComplete;
      expect(inner(captcha).disabled).to.equal(true);
      expect(refreshButton(captcha).disabled).to.equal(true);
      expect(captcha.matches(':disabled')).to.equal(true);
      expect(new FormData(form).has('captcha'), 'a disabled control submits nothing').to.equal(false);

      fieldset.disabled = false;
      await captcha.updateComplete;
      expect(captcha.matches(':disabled')).to.equal(false);
      expect(inner(captcha).disabled).to.equal(false);
      expect(refreshButton(captcha).disabled).to.equal(false);
      await typeCaptcha(captcha, ANSWER);
      expect(new FormData(form).get('captcha')).to.equal(ANSWER);
    });

    it('inside <ae-register> (whose fieldset holds it): disabling and enabling the form enables it again', async () => {
      const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapterWith()}></ae-register>`);
      const captcha = el.querySelector('ae-captcha')!;
      await captchaReady(captcha);
      el.disabled = true;
      await el.updateComplete;
      await captcha.updateComplete;
      expect(inner(captcha).disabled).to.equal(true);
      el.disabled = false;
      await el.updateComplete;
      await captcha.updateComplete;
      expect(inner(captcha).disabled).to.equal(false);
      expect(refreshButton(captcha).disabled).to.equal(false);
    });
  });

  describe('when "Refresh code" is pressed', () => {
    it('every press shows a new code, empties the answer, announces it and puts focus on the answer field', async () => {
      const c = await standalone();
      const seen = record(['ae-captcha-refresh']);
      const region = liveRegion(c);
      expect(region.getAttribute('aria-live')).to.equal('polite');
      let mutations = 0;
      const observer = new MutationObserver((records) => (mutations += records.length));
      observer.observe(region, { subtree: true, childList: true, characterData: true });
      const ids = new Set([c.captchaId]);
      try {
        for (let press = 1; press <= 5; press++) {
          await typeCaptcha(c, 'xy');
          const before = c.captchaId;
          const mutationsBefore = mutations;
          await realClick(refreshButton(c));
          await waitUntil(() => refreshes(seen).length === press, `refresh event ${press}`);
          await c.updateComplete;
          const event = refreshes(seen)[press - 1]!;
          expect(event.detail.reason).to.equal('user');
          expect(event.detail.captchaId).to.equal(c.captchaId);
          expect(event.bubbles && event.composed).to.equal(true);
          expect(c.captchaId).to.not.equal(before);
          ids.add(c.captchaId);
          expect(c.value).to.equal('');
          expect(inner(c).value).to.equal('');
          await waitUntil(() => c.shadowRoot!.activeElement === inner(c), 'focus on the answer field');
          assertAnswerFocused(c);
          expect(textOf(region)).to.equal('A new code is shown');
          // Screen readers speak a live region when its content changes: the same text set again says nothing.
          await Promise.resolve();
          expect(mutations, `press ${press}: the live region changed`).to.be.greaterThan(mutationsBefore);
        }
      } finally {
        observer.disconnect();
      }
      expect(ids.size).to.equal(6);
    });
  });

  describe('when the expiry cannot be trusted (a skewed clock, seconds instead of milliseconds)', () => {
    for (const [what, expiresAt] of [
      ['a server clock 3 minutes behind', () => Date.now() + 120_000 - 180_000],
      ['seconds instead of milliseconds', () => Math.floor(Date.now() / 1000) + 120],
    ] as const) {
      it(`${what}: no stream of refreshes, one picture for at least 5 s`, async () => {
        const memory = adapterWith();
        let calls = 0;
        const adapter: CaptchaCapability = {
          getCaptcha: async (o?: CallOptions) => {
            calls++;
            return { ...(await memory.getCaptcha(o)), expiresAt: expiresAt() };
          },
        };
        const c = await standalone(adapter);
        const first = c.captchaId;
        // Before the floor, the element asked 62 times a second. The proof of a loop would be a second call:
        // give it 1.5 s to appear.
        await waitUntil(() => calls > 1, 'a second call', { timeout: 1500 }).catch(() => undefined);
        expect(calls).to.equal(1);
        expect(c.captchaId).to.equal(first);
      });
    }
  });

  describe('when the locale changes after a new code was announced', () => {
    it('the live region speaks the new language too', async () => {
      const c = await standalone();
      await realClick(refreshButton(c));
      await waitUntil(() => textOf(liveRegion(c)) === 'A new code is shown', 'announced in English');
      try {
        await setLocale('ru');
        await waitUntil(() => textOf(liveRegion(c)) === 'Показан новый код', 'the announcement in Russian', { timeout: 3000 });
      } finally {
        await setLocale('en');
      }
    });
  });

  describe('when the code expires', () => {
    it('a new code is loaded by itself with reason "expired", and the old answer is emptied', async () => {
      const seen = record(['ae-captcha-refresh']);
      // 300 ms: shorter than the 5 s floor, which is then the wait (a code no one can type in time).
      const c = await standalone(adapterWith({ captchaTtlMs: 300 }));
      const first = c.captchaId;
      const loaded = Date.now();
      await typeCaptcha(c, 'ab');
      await waitUntil(() => refreshes(seen).some((e) => e.detail.reason === 'expired'), 'expired refresh', {
        timeout: 8000,
      });
      expect(Date.now() - loaded, 'not before the floor').to.be.at.least(4900);
      await c.updateComplete;
      const expired = refreshes(seen).find((e) => e.detail.reason === 'expired')!;
      expect(expired.detail.captchaId).to.not.equal(first);
      expect(c.captchaId).to.not.equal(first);
      expect(c.value).to.equal('');
      expect(textOf(liveRegion(c))).to.equal('A new code is shown');
    });
  });

  describe('the picture', () => {
    it('is an <img> of the server data URL with a text alternative; never SVG markup in the DOM', async () => {
      const adapter = adapterWith();
      const images: string[] = [];
      const getCaptcha = adapter.getCaptcha.bind(adapter);
      adapter.getCaptcha = async (o): Promise<Captcha> => {
        const captcha = await getCaptcha(o);
        images.push(captcha.image);
        return captcha;
      };
      const c = await standalone(adapter);
      let svgSeen = false;
      const observer = new MutationObserver(() => {
        if (foreignSvg(c).length) svgSeen = true;
      });
      observer.observe(c.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      try {
        for (let i = 0; i < 2; i++) {
          const img = part<HTMLImageElement>(c, 'image')!;
          expect(img.tagName).to.equal('IMG');
          expect(img.getAttribute('src')).to.equal(images[images.length - 1]);
          expect(img.getAttribute('src')).to.match(/^data:image\/svg\+xml/);
          expect((img.getAttribute('alt') ?? '').trim()).to.not.equal('');
          expect(foreignSvg(c).length, 'SVG nodes besides the refresh icon').to.equal(0);
          await c.refresh();
        }
      } finally {
        observer.disconnect();
      }
      expect(svgSeen).to.equal(false);
      expect(foreignSvg(c).length).to.equal(0);
      // Our own icon is there (the test would pass vacuously if the query saw no SVG at all).
      expect(refreshButton(c).querySelector('svg') !== null).to.equal(true);
    });

    it('says "Letter case matters", and the answer field is described by it', async () => {
      const c = await standalone();
      const hint = part(c, 'hint')!;
      expect(textOf(hint)).to.equal('Letter case matters');
      const ids = (inner(c).getAttribute('aria-describedby') ?? '').split(/\s+/);
      expect(ids).to.include(hint.id);
      expect(c.shadowRoot!.getElementById(hint.id)).to.equal(hint);
      // The field has a label of its own.
      expect(inner(c).labels?.[0]?.textContent?.trim()).to.equal('Code from the picture');
    });
  });

  describe('when the code cannot be loaded', () => {
    it('says so, and "Refresh code" recovers', async () => {
      const adapter = adapterWith();
      adapter.failNext('network', { method: 'getCaptcha' });
      const c = await standalone(adapter, false);
      await waitUntil(() => textOf(part(c, 'placeholder')) === 'Could not load the code', 'failure shown');
      expect(c.captchaId).to.equal(undefined);
      expect(part(c, 'image')).to.equal(null);
      expect(refreshButton(c).disabled).to.equal(false);
      await realClick(refreshButton(c));
      await captchaReady(c);
      expect(part(c, 'placeholder')).to.equal(null);
      await waitUntil(() => c.shadowRoot!.activeElement === inner(c), 'focus on the answer field');
      assertAnswerFocused(c);
    });
  });

  describe('events', () => {
    it('input events of the answer field reach the page (composed); change is dispatched from the host on commit', async () => {
      const { captcha } = await inForm();
      const seen = record(['input', 'change']);
      await typeCaptcha(captcha, ANSWER);
      const inputs = seen.filter((e) => e.type === 'input');
      expect(inputs).to.have.length(ANSWER.length);
      expect(inputs.every((e) => e.composed && e.target === captcha)).to.equal(true);
      expect(captcha.value).to.equal(ANSWER);
      expect(seen.filter((e) => e.type === 'change')).to.have.length(0);

      await sendKeys({ press: 'Tab' });
      const changes = seen.filter((e) => e.type === 'change');
      expect(changes).to.have.length(1);
      expect(changes[0]!.target === captcha).to.equal(true);
      expect(changes[0]!.bubbles).to.equal(true);
    });

    it('setting properties from code fires no event', async () => {
      const { form, captcha } = await inForm();
      const seen = record(['input', 'change', 'ae-captcha-refresh', 'invalid']);
      captcha.value = 'Xy9Z';
      captcha.required = false;
      captcha.disabled = true;
      captcha.disabled = false;
      await captcha.updateComplete;
      expect(seen.map((e) => e.type)).to.deep.equal([]);
      expect(inner(captcha).value).to.equal('Xy9Z');
      expect(new FormData(form).get('captcha')).to.equal('Xy9Z');
    });
  });

  describe('custom states', () => {
    it('user-invalid matches only after the person emptied a required field, not before', async () => {
      const { captcha } = await inForm();
      expect(matchesState(captcha, 'invalid')).to.equal(true);
      expect(matchesState(captcha, 'user-invalid')).to.equal(false);
      expect(part(captcha, 'error')).to.equal(null);

      // Passing through without typing is no interaction with the value (as for a native :user-invalid).
      captcha.focus();
      await sendKeys({ press: 'Tab' });
      await captcha.updateComplete;
      expect(matchesState(captcha, 'user-invalid')).to.equal(false);

      await typeCaptcha(captcha, 'x');
      await sendKeys({ press: 'Tab' });
      await captcha.updateComplete;
      expect(matchesState(captcha, 'user-invalid')).to.equal(false);

      captcha.focus();
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Tab' });
      await captcha.updateComplete;
      expect(captcha.value).to.equal('');
      expect(matchesState(captcha, 'user-invalid')).to.equal(true);
      expect(textOf(part(captcha, 'error'))).to.equal('Enter the code from the picture');
      expect(inner(captcha).getAttribute('aria-invalid')).to.equal('true');
      expect(inner(captcha).getAttribute('aria-describedby')!.split(' ')).to.include(part(captcha, 'error')!.id);

      await typeCaptcha(captcha, ANSWER);
      expect(matchesState(captcha, 'user-invalid')).to.equal(false);
    });

    it('pending matches while a picture loads', async () => {
      const c = await standalone(adapterWith({ latency: 300 }), false);
      expect(matchesState(c, 'pending')).to.equal(true);
      expect(textOf(part(c, 'placeholder'))).to.equal('Loading the code…');
      expect(refreshButton(c).disabled).to.equal(true);
      await captchaReady(c);
      await c.updateComplete;
      expect(matchesState(c, 'pending')).to.equal(false);
      const refreshing = c.refresh();
      await c.updateComplete;
      expect(matchesState(c, 'pending')).to.equal(true);
      await refreshing;
      await c.updateComplete;
      expect(matchesState(c, 'pending')).to.equal(false);
    });
  });

  describe('when the locale changes', () => {
    for (const [locale, refresh, hint] of [
      ['ru', 'Обновить код', 'Учитывайте регистр букв'],
      ['bg', 'Актуализиране на кода', 'Внимавайте за малки и главни букви'],
    ] as const) {
      it(`${locale}: the button reads "${refresh}"`, async () => {
        const c = await standalone();
        await setLocale(locale);
        await c.updateComplete;
        expect(refreshButton(c).getAttribute('aria-label')).to.equal(refresh);
        expect(textOf(part(c, 'hint'))).to.equal(hint);
        await setLocale('en');
        await c.updateComplete;
        expect(refreshButton(c).getAttribute('aria-label')).to.equal('Refresh code');
        // Created in that locale from the start.
        await setLocale(locale);
        const fresh = await standalone();
        expect(refreshButton(fresh).getAttribute('aria-label')).to.equal(refresh);
      });
    }
  });
});
