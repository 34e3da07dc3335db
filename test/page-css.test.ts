import { expect, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { LitElement, css, render } from 'lit';
import type { TemplateResult } from 'lit';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeRegister } from '../src/components/register/register.js';
import { captchaOf, captchaReady, realClick } from './helpers/dom.js';

/**
 * Style encapsulation of <ae-register>, whose form lives in the light DOM: a page whose own CSS styles every
 * input, button and label loudly must not change how the element looks, and the element's styles must not
 * reach the page's own controls.
 */

const LOUD = `
  color: rgb(255, 0, 0);
  background: rgb(0, 255, 0);
  font-size: 40px;
  font-weight: 100;
  font-style: italic;
  border: 9px dotted rgb(0, 0, 255);
  border-radius: 0;
  text-transform: uppercase;
  letter-spacing: 6px;
  line-height: 5;
  padding: 30px;
  margin: 25px;
  display: inline;
  width: 77px;
  box-shadow: 5px 5px 0 rgb(255, 0, 255);
  opacity: 0.5;
`;

/** A page that styles everything loudly, with bare, class, id and attribute selectors (no !important). */
const LOUD_PAGE_CSS = `
  input, button, label, form, p, a, h2, h3, ul, li, fieldset, span, ae-register div { ${LOUD} }
  .ae-input, .ae-button, .ae-label, .ae-submit, .ae-hint, .ae-field, .ae-root, .ae-form { ${LOUD} }
  #app input, #app button, #app label, #app p, #app a, #app li, #app form { ${LOUD} }
  form input[type], form button[type], form label[for], div > input, * + label { ${LOUD} }
  input:not(:placeholder-shown), button:is(:hover, :not(:hover)) { ${LOUD} }
  ae-register input, ae-register button, ae-register label, ae-register p { ${LOUD} }
`;

/** Inherited typography of a page (set on the container, not on our nodes). */
const LOUD_INHERITED_CSS = `
  #app {
    color: rgb(255, 0, 0);
    font-size: 40px;
    font-family: serif;
    font-style: italic;
    font-weight: 100;
    line-height: 5;
    letter-spacing: 6px;
    word-spacing: 20px;
    text-transform: uppercase;
    text-align: right;
    text-indent: 50px;
    text-shadow: 2px 2px rgb(255, 0, 255);
  }
`;

const PROPERTIES = [
  'display',
  'color',
  'background-color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-align',
  'text-indent',
  'text-shadow',
  'border-top-width',
  'border-top-style',
  'border-top-color',
  'border-top-left-radius',
  'box-shadow',
  'opacity',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'width',
  'height',
] as const;

type Snapshot = Record<string, Record<string, string>>;

// ---- helpers ----------------------------------------------------------------------------------------------------

const cleanups: (() => void)[] = [];

/** Renders into a container of the page (a fixture of a plain <div> would wait for an animation frame). */
function mount(template: TemplateResult, id = 'app'): HTMLElement {
  const container = document.createElement('div');
  container.id = id;
  document.body.append(container);
  render(template, container);
  cleanups.push(() => container.remove());
  return container;
}

function addPageCss(text: string): HTMLStyleElement {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  cleanups.push(() => style.remove());
  return style;
}

async function mountRegister(): Promise<AeRegister> {
  const container = mount(html`<ae-register .adapter=${new MemoryAdapter({ captchaAnswer: 'Ab3dE' })}></ae-register>`);
  const el = container.querySelector('ae-register')!;
  await el.updateComplete;
  await captchaReady(captchaOf(el));
  return el;
}

/** Submits the empty form, so that the summary (h3, ul, li, a) and the field errors are shown too. */
async function showErrors(el: AeRegister): Promise<void> {
  await realClick(el.querySelector('button[type=submit]')!);
  await waitUntil(() => el.querySelector('.ae-summary'), 'the summary is shown');
  await el.updateComplete;
  (document.activeElement as HTMLElement | null)?.blur();
}

/** The nodes of <ae-register> a page might try to restyle, by a readable name. */
function probes(el: AeRegister): Record<string, Element> {
  const q = (selector: string): Element => {
    const node = el.querySelector(selector);
    if (!node) throw new Error(`no ${selector}`);
    return node;
  };
  const captcha = captchaOf(el).shadowRoot!;
  const email = q('input[name=email]');
  const nodes: Record<string, Element | null> = {
    form: q('form.ae-form'),
    'email input': email,
    'password input': q('input[name=password]'),
    'email label': q(`label[for="${email.id}"]`),
    'email hint (p)': q('p.ae-hint'),
    'email error (p)': q('p.ae-error'),
    '"Show password" button': q('button.ae-reveal'),
    'submit button': q('button.ae-submit'),
    '"Registration is free" (p)': q('p.ae-note'),
    'summary title (h3)': q('.ae-summary h3'),
    'summary list (ul)': q('.ae-summary ul'),
    'summary item (li)': q('.ae-summary li'),
    'summary link (a)': q('.ae-summary a'),
    'heading (h2, shadow)': el.shadowRoot!.querySelector('h2'),
    'captcha input': captcha.querySelector('input'),
    'captcha button': captcha.querySelector('button'),
    'captcha label': captcha.querySelector('label'),
  };
  for (const [name, node] of Object.entries(nodes)) if (!node) throw new Error(`no ${name}`);
  return nodes as Record<string, Element>;
}

function snapshot(nodes: Record<string, Element>): Snapshot {
  const out: Snapshot = {};
  for (const [name, node] of Object.entries(nodes)) {
    const style = getComputedStyle(node);
    out[name] = Object.fromEntries(PROPERTIES.map((p) => [p, style.getPropertyValue(p)]));
  }
  return out;
}

/** The differences between two snapshots, as readable lines (chai's diff of a big object is hard to read). */
function differences(before: Snapshot, after: Snapshot): string[] {
  const lines: string[] = [];
  for (const [name, props] of Object.entries(before)) {
    for (const [p, value] of Object.entries(props)) {
      if (after[name]?.[p] !== value) lines.push(`${name} ${p}: ${value} → ${after[name]?.[p]}`);
    }
  }
  return lines;
}

// ---- tests --------------------------------------------------------------------------------------------------------

describe('page CSS and <ae-register>', () => {
  afterEach(() => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    fixtureCleanup();
  });

  describe('when the page styles every input, button and label loudly', () => {
    it('the form inside <ae-register> keeps its own look', async () => {
      const el = await mountRegister();
      await showErrors(el);
      const nodes = probes(el);
      const before = snapshot(nodes);
      // The element's own look is what the test protects: a few of its values, as a sanity check.
      expect(before['email input']!['border-top-left-radius']).to.equal('8px');
      expect(before['email input']!['text-transform']).to.equal('none');
      expect(before['submit button']!['background-color']).to.equal('rgb(35, 80, 200)');

      addPageCss(LOUD_PAGE_CSS);
      const after = snapshot(nodes);
      expect(differences(before, after)).to.deep.equal([]);
    });

    it('inherited page typography (on a container) does not reach the form either', async () => {
      const el = await mountRegister();
      await showErrors(el);
      const nodes = probes(el);
      const before = snapshot(nodes);
      addPageCss(LOUD_INHERITED_CSS);
      const after = snapshot(nodes);
      expect(differences(before, after)).to.deep.equal([]);
    });

    it('the loud rules do apply to the page itself (the test page is really loud)', async () => {
      addPageCss(LOUD_PAGE_CSS);
      const container = mount(
        html`<form><label for="q">Q</label><input id="q" type="text" /><button type="button">Go</button></form>`,
      );
      const style = getComputedStyle(container.querySelector('input')!);
      expect(style.color).to.equal('rgb(255, 0, 0)');
      expect(style.borderTopStyle).to.equal('dotted');
      expect(getComputedStyle(container.querySelector('label')!).textTransform).to.equal('uppercase');
    });
  });

  describe('our styles do not leak out', () => {
    it("the page's own controls look the same before and after <ae-register> is mounted, even with our class names", async () => {
      const page = mount(
        html`<form class="ae-form">
          <div class="ae-root ae-field">
            <label class="ae-label" for="page-q">Search</label>
            <input class="ae-input" id="page-q" name="q" type="text" />
            <input id="page-plain" type="email" />
            <p class="ae-hint">A hint of the page</p>
            <button class="ae-button ae-submit" type="button">Search</button>
            <button type="button">Plain</button>
            <a class="ae-link" href="#x">Link</a>
          </div>
        </form>`,
        'page',
      );
      const nodes = Object.fromEntries(
        ['form', 'div', 'label', 'input.ae-input', '#page-plain', 'p', 'button.ae-button', 'button:not([class])', 'a'].map(
          (selector) => [selector, page.querySelector(selector)!],
        ),
      );
      const before = snapshot(nodes);
      const el = await mountRegister();
      await showErrors(el);
      const after = snapshot(nodes);
      expect(differences(before, after)).to.deep.equal([]);
      // The page's input has the browser's look, not ours.
      expect(after['input.ae-input']!['border-top-left-radius']).to.not.equal('8px');
    });
  });

  describe('inside the shadow root of a host component', () => {
    class PageCssHost extends LitElement {
      // The host component's own loud rules for its shadow root.
      static override styles = css`
        input,
        button,
        label,
        p {
          color: rgb(255, 0, 0);
          background: rgb(0, 255, 0);
          border: 9px dotted rgb(0, 0, 255);
          border-radius: 0;
          padding: 30px;
          text-transform: uppercase;
        }
      `;
      readonly adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE' });
      override render(): TemplateResult {
        return html`<p>Host component</p>
          <ae-register .adapter=${this.adapter}></ae-register>`;
      }
    }
    if (!customElements.get('page-css-host')) customElements.define('page-css-host', PageCssHost);

    it('the element is styled there too: its stylesheet is adopted by that root', async () => {
      // Reference: an element in the document.
      const reference = await mountRegister();
      const expected = snapshot(probesWithoutErrors(reference));

      const container = mount(html`<page-css-host></page-css-host>`, 'host');
      const host = container.querySelector<PageCssHost>('page-css-host')!;
      await host.updateComplete;
      const el = host.shadowRoot!.querySelector('ae-register')!;
      await el.updateComplete;
      await captchaReady(captchaOf(el));

      const email = el.querySelector('input[name=email]')!;
      const style = getComputedStyle(email);
      expect(style.borderTopLeftRadius).to.equal('8px');
      expect(style.paddingTop).to.equal(getComputedStyle(reference.querySelector('input[name=email]')!).paddingTop);
      expect(style.borderTopStyle).to.equal('solid');
      expect(differences(expected, snapshot(probesWithoutErrors(el)))).to.deep.equal([]);

      // One form sheet per root: the document has it once, the host's shadow root has it once. (The social
      // block's own sheet, `@scope (ae-register, ae-login)` for its place in the forms, is another one.)
      const ours = (sheets: readonly CSSStyleSheet[]) =>
        sheets.filter((s) => [...s.cssRules].some((r) => r.cssText.startsWith('@scope (ae-register, ae-login, ae-forgot-password')));
      expect(ours(host.shadowRoot!.adoptedStyleSheets)).to.have.length(1);
      expect(ours(document.adoptedStyleSheets)).to.have.length(1);
      expect(ours(host.shadowRoot!.adoptedStyleSheets)[0] === ours(document.adoptedStyleSheets)[0]).to.equal(true);
      // The host component's own rules still apply to its own nodes.
      expect(getComputedStyle(host.shadowRoot!.querySelector('p')!).borderTopStyle).to.equal('dotted');
    });
  });
});

/** The probes that exist before any submit (no summary, no errors). */
function probesWithoutErrors(el: AeRegister): Record<string, Element> {
  const email = el.querySelector('input[name=email]')!;
  const captcha = captchaOf(el).shadowRoot!;
  return {
    form: el.querySelector('form.ae-form')!,
    'email input': email,
    'email label': el.querySelector(`label[for="${email.id}"]`)!,
    'email hint (p)': el.querySelector('p.ae-hint')!,
    '"Show password" button': el.querySelector('button.ae-reveal')!,
    'submit button': el.querySelector('button.ae-submit')!,
    'captcha input': captcha.querySelector('input')!,
  };
}
