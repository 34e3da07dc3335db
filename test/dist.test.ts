/**
 * The built package (dist/, from `npm run build`) against the source it is built from. The build passes our
 * template literals through scripts/build/literals.mjs (translator notes out of msg(), CSS minified, template
 * whitespace collapsed); this file checks that a browser sees no difference: the same CSSOM and computed styles,
 * the same rendered DOM (whitespace runs aside), and strings that still translate.
 *
 * This page holds both copies. The built elements own the real tags (dist/index.js defines them); the source
 * classes are defined under `src-*` tags. A missing build fails, it does not skip.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import type { CSSResultGroup, LitElement, TemplateResult } from 'lit';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { AeRegister } from '../src/components/register/register.js';
import { collapseHtml, minifyCss } from '../scripts/build/minify-text.mjs';
import { captchaReady, clickButton } from './helpers/dom.js';

type Library = typeof import('../src/index.js');
type Styles = typeof import('../src/internal/form-light-styles.js');

const MISSING = 'dist/ is missing: run `npm run build` before the tests.';

async function importDist<T>(path: string): Promise<T> {
  const url = `/dist/${path}`;
  try {
    return (await import(/* @vite-ignore */ url)) as T;
  } catch (e) {
    throw new Error(`${MISSING} (${url}: ${String(e)})`);
  }
}

// The built copy first, so that it holds the real tags.
const dist = await importDist<Library>('index.js');
const distFormStyles = await importDist<Styles>('internal/form-light-styles.js');

// Then the source classes. The source AeRegister defines <ae-captcha> with its own class when it loads; the built
// copy already holds the tag, so defineOnce keeps that one and says so once.
const warnings: string[] = [];
const warn = console.warn;
console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
const [{ AeCaptcha: SrcCaptcha }, { AeActivate: SrcActivate }, { AeRegister: SrcRegister }, srcStyles] =
  await Promise.all([
    import('../src/components/captcha/captcha.js'),
    import('../src/components/activate/activate.js'),
    import('../src/components/register/register.js'),
    import('../src/internal/form-light-styles.js'),
  ]).finally(() => {
    console.warn = warn;
  });

customElements.define('src-captcha', class extends SrcCaptcha {});
customElements.define('src-activate', class extends SrcActivate {});
customElements.define('src-register', class extends SrcRegister {});

const ANSWER = 'Ab3dE';
const adapter = (): MemoryAdapter => new MemoryAdapter({ captchaAnswer: ANSWER, latency: 0 });

// ---- comparing ------------------------------------------------------------------------------------------------

/** Custom property values keep their text as written: compare them without whitespace around , ( ) and with
 * 0.5 read as .5 (the same number). */
const normalizeValue = (v: string): string =>
  v
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/ ?([,()]) ?/g, '$1')
    .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2');

type RuleShape = { kind: string; head: string; decls?: Record<string, string>; rules?: RuleShape[] };

/** A style sheet as the browser parsed it: rule kinds, selectors and conditions, declared values. */
function shape(rules: CSSRuleList): RuleShape[] {
  return [...rules].map((rule) => {
    if (rule instanceof CSSStyleRule) {
      const decls: Record<string, string> = {};
      for (const name of rule.style) decls[name] = normalizeValue(rule.style.getPropertyValue(name));
      return { kind: 'style', head: rule.selectorText, decls, rules: shape(rule.cssRules) };
    }
    if (rule instanceof CSSMediaRule) return { kind: 'media', head: rule.conditionText, rules: shape(rule.cssRules) };
    if (rule instanceof CSSScopeRule) return { kind: 'scope', head: `${rule.start} to ${rule.end}`, rules: shape(rule.cssRules) };
    return { kind: rule.constructor.name, head: normalizeValue(rule.cssText) };
  });
}

function cssTexts(styles: CSSResultGroup | undefined): string[] {
  return [styles ?? []].flat(Infinity as 1).map((s) => (s as { cssText: string }).cssText);
}

function parse(cssText: string): CSSStyleSheet {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return sheet;
}

/** Tag, attributes and children, whitespace runs collapsed; Lit's marker comments and picture data left out. */
function domShape(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent!.replace(/\s+/g, ' ');
  if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return null;
  const el = node as Element;
  const attrs =
    node.nodeType === Node.ELEMENT_NODE
      ? [...el.attributes].map((a) => `${a.name}=${a.name === 'src' ? '(picture)' : a.value.replace(/ae-register-\d+/g, 'ae-register-N')}`).sort()
      : [];
  const children = [...node.childNodes].map(domShape).filter((c) => c !== null);
  // Adjacent text pieces (Lit renders a binding as its own text node) read as one text.
  const merged: unknown[] = [];
  for (const c of children) {
    if (typeof c === 'string' && typeof merged.at(-1) === 'string') merged[merged.length - 1] += c;
    else merged.push(c);
  }
  const tag = node.nodeType === Node.ELEMENT_NODE ? el.localName.replace(/^src-/, 'ae-') : '#shadow';
  return { tag, attrs, children: merged.map((c) => (typeof c === 'string' ? c.replace(/\s+/g, ' ') : c)) };
}

/** Every node of a shadow tree with its computed style (all properties). */
function computedStyles(root: ShadowRoot): Record<string, string>[] {
  return [...root.querySelectorAll('*')].map((el) => {
    const cs = getComputedStyle(el);
    const out: Record<string, string> = { node: el.getAttribute('part') ?? el.localName };
    for (const name of cs) {
      // Where the node sits on the page differs between the two copies; the private tokens keep their text.
      if (/^(top|right|bottom|left|inset-.*)$/.test(name)) continue;
      const value = cs.getPropertyValue(name);
      out[name] = name.startsWith('--') ? normalizeValue(value) : value;
    }
    return out;
  });
}

const containers: HTMLElement[] = [];
function mount(template: TemplateResult): HTMLElement {
  const container = document.createElement('div');
  container.style.inlineSize = '32rem';
  document.body.append(container);
  render(template, container);
  containers.push(container);
  return container;
}

afterEach(() => {
  containers.splice(0).forEach((c) => c.remove());
  fixtureCleanup();
});

// ---- the tests ------------------------------------------------------------------------------------------------

describe('the built package (dist/) against its source', () => {
  describe('style sheets', () => {
    const pairs: [string, CSSResultGroup | undefined, CSSResultGroup | undefined][] = [
      ['<ae-captcha>', SrcCaptcha.styles, dist.AeCaptcha.styles],
      ['<ae-activate>', SrcActivate.styles, dist.AeActivate.styles],
      ['<ae-register> (shadow)', SrcRegister.styles, dist.AeRegister.styles],
      ['the forms (light DOM, @scope)', srcStyles.formLightStyles, distFormStyles.formLightStyles],
    ];
    for (const [name, src, built] of pairs) {
      it(`${name}: the built CSS is smaller and parses to the same rules and values`, () => {
        const a = cssTexts(src);
        const b = cssTexts(built);
        expect(b.length).to.equal(a.length);
        a.forEach((text, i) => {
          expect(b[i]!.length, `sheet ${i} is minified`).to.be.below(text.length);
          expect(shape(parse(b[i]!).cssRules), `sheet ${i}`).to.deep.equal(shape(parse(text).cssRules));
        });
      });
    }
  });

  describe('rendered elements', () => {
    it('compares two copies: the built one holds the real tags, the source one said once that it kept them', () => {
      expect(customElements.get('ae-captcha') === dist.AeCaptcha, '<ae-captcha> is the built class').to.equal(true);
      expect(customElements.get('ae-register') === dist.AeRegister, '<ae-register> is the built class').to.equal(true);
      expect(SrcCaptcha === (dist.AeCaptcha as unknown), 'two copies').to.equal(false);
      expect(warnings).to.deep.equal([
        '[ae-auth-elements] <ae-captcha> is already defined by another copy of the library; keeping that one.',
      ]);
    });

    it('<ae-captcha>: the same DOM and the same computed style on every node, light and dark', async () => {
      const shared = adapter();
      const box = mount(html`<src-captcha .adapter=${shared}></src-captcha><ae-captcha .adapter=${shared}></ae-captcha>`);
      const [src, built] = [box.children[0] as AeCaptcha, box.children[1] as AeCaptcha];
      await Promise.all([captchaReady(src), captchaReady(built)]);
      for (const theme of ['light', 'dark']) {
        src.setAttribute('theme', theme);
        built.setAttribute('theme', theme);
        await Promise.all([src.updateComplete, built.updateComplete]);
        expect(domShape(built.shadowRoot!), theme).to.deep.equal(domShape(src.shadowRoot!));
        expect(computedStyles(built.shadowRoot!), theme).to.deep.equal(computedStyles(src.shadowRoot!));
      }
    });

    it('<ae-activate>: the same DOM and computed styles while it waits for the letter', async () => {
      const shared = adapter();
      const box = mount(html`
        <src-activate .adapter=${shared} email="anna@example.com"></src-activate>
        <ae-activate .adapter=${shared} email="anna@example.com"></ae-activate>
      `);
      const [src, built] = [...box.children] as LitElement[];
      await Promise.all([src!.updateComplete, built!.updateComplete]);
      expect(domShape(built!.shadowRoot!)).to.deep.equal(domShape(src!.shadowRoot!));
      expect(computedStyles(built!.shadowRoot!)).to.deep.equal(computedStyles(src!.shadowRoot!));
    });

    it('<ae-register>: the same frame and form, first empty, then with every message after an empty submit', async () => {
      const shared = adapter();
      const box = mount(html`
        <src-register .adapter=${shared}></src-register>
        <ae-register .adapter=${shared}></ae-register>
      `);
      const [src, built] = [...box.children] as AeRegister[];
      await Promise.all([src!.updateComplete, built!.updateComplete]);
      const both = [src!, built!];
      const light = (el: Element) => domShape(el.querySelector('form')!);
      expect(domShape(built!.shadowRoot!), 'shadow frame').to.deep.equal(domShape(src!.shadowRoot!));
      expect(light(built!), 'light-DOM form').to.deep.equal(light(src!));
      // Each captcha grows when its picture and help link come in (after the form's first update): pressed
      // before, "Create profile" would have moved under the pointer.
      await Promise.all(both.map((el) => captchaReady(el.querySelector('ae-captcha')!)));
      // One form at a time: the first form's summary moves the second form's button down, so the second is
      // measured and clicked only once the first has settled.
      for (const el of both) {
        await clickButton(el, 'Create profile');
        await waitUntil(() => el.querySelector('.ae-summary'), 'the error summary');
        await el.updateComplete;
      }
      expect(light(built!), 'light-DOM form with messages').to.deep.equal(light(src!));
    });
  });

  describe('strings', () => {
    it('keeps no translator notes (msg desc) in the built modules', async () => {
      const files = [
        'components/captcha/captcha.js',
        'components/register/register.js',
        'components/activate/activate.js',
        'validation/messages.js',
        'validation/captcha-messages.js',
        'locales/failure-messages.js',
        'locales/units.js',
      ];
      for (const file of files) {
        const res = await fetch(`/dist/${file}`, { cache: 'no-store' });
        expect(res.ok, `${file}: ${MISSING}`).to.equal(true);
        const code = await res.text();
        expect(code, file).to.match(/\bmsg\(/);
        expect(code, file).not.to.match(/\bdesc:/);
      }
    });

    it('translates the built elements by id (ru)', async () => {
      const box = mount(html`<ae-captcha .adapter=${adapter()}></ae-captcha>`);
      const built = box.firstElementChild as AeCaptcha;
      await captchaReady(built);
      const label = () => built.shadowRoot!.querySelector('[part=label]')!.textContent;
      expect(label()).to.equal('Code from the picture');
      await dist.setLocale('ru');
      await waitUntil(() => label() !== 'Code from the picture', 'the label in Russian', { timeout: 5000 });
      expect(label()).to.equal('Код с картинки');
      await dist.setLocale('en');
    });
  });
});

describe('the text rules of the build (scripts/build/minify-text.mjs)', () => {
  it('CSS: drops comments and whitespace but keeps strings, calc() spaces and descendant combinators', () => {
    expect(minifyCss(":host { a: b; /* the page's */ font-family: x, 'Segoe  UI', \"a/*b\"; }")).to.equal(
      ":host{a:b;font-family:x,'Segoe  UI',\"a/*b\"}",
    );
    expect(minifyCss('a { width: calc(100% - 2px + 0.5rem); }')).to.equal('a{width:calc(100% - 2px + .5rem)}');
    expect(minifyCss('.a :is(b) > c ~ d + e { margin: 10.5px 0.25em }')).to.equal('.a :is(b)>c ~ d + e{margin:10.5px .25em}');
    expect(minifyCss("[part='x'] { color: #0.5 }"), 'a hash or a longer number keeps its 0').to.equal("[part='x']{color:#0.5}");
    expect(minifyCss(" a '"), 'an unclosed quote is kept').to.equal(" a '");
  });

  it('HTML: collapses line breaks with their indentation, keeps whitespace inside a line', () => {
    expect(collapseHtml('<div\n    part="a"\n  >\n  <b>x</b>  <i>y</i>\n</div\n>')).to.equal(
      '<div part="a"> <b>x</b>  <i>y</i> </div>',
    );
    expect(collapseHtml('<img\n  src="a"\n/>')).to.equal('<img src="a"/>');
  });
});
