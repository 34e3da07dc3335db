/**
 * The three themes (neutral built in, marketplace and dark as class-scoped token files), read as computed colors
 * and sizes of real nodes; axe-core in each theme and language; and the layout at a phone's 360 px: no field
 * narrower than 240 px, nothing wider than the page, the names side by side only where there is room.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import type { AeRegister } from '../src/components/register/register.js';
import { captchaOf, captchaReady, input, realClick, typeInto } from './helpers/dom.js';
import { expectAccessible } from './helpers/axe.js';

const THEMES = {
  neutral: '',
  marketplace: 'ae-theme-marketplace',
  dark: 'ae-theme-dark',
  'marketplace dark': 'ae-theme-marketplace ae-theme-dark',
} as const;
type Theme = keyof typeof THEMES;
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

async function loadThemeFiles(): Promise<void> {
  for (const name of ['marketplace', 'dark']) {
    if (document.querySelector(`link[data-theme-file=${name}]`)) continue;
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `/src/themes/${name}.css` });
    link.dataset.themeFile = name;
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    document.head.append(link);
    await loaded;
  }
}

/** <ae-register> inside a page section carrying the theme's classes, after a submit that shows messages. */
async function mount(theme: Theme, withErrors = true): Promise<AeRegister> {
  await loadThemeFiles();
  const adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE', latency: 0 });
  // The theme's classes on the element itself (they work on any ancestor too): a fixture whose root is a Lit
  // element waits for its update, not for an animation frame, which a background tab never gets.
  const el = await fixture<AeRegister>(
    html`<ae-register class=${THEMES[theme]} style="margin: 16px" .adapter=${adapter}></ae-register>`,
  );
  await captchaReady(captchaOf(el));
  if (withErrors) {
    await typeInto(el, 'email', 'maria@');
    await typeInto(el, 'firstName', 'Мария');
    await typeInto(el, 'password', 'short');
    await realClick(el.querySelector('button[type=submit]')!);
    await waitUntil(() => el.querySelector('.ae-summary'), 'the summary is shown');
  }
  return el;
}

const submitLook = (el: AeRegister) => getComputedStyle(el.querySelector('button[type=submit]')!);

describe('themes', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
    await setViewport({ width: 800, height: 600 });
  });

  describe('a page switches with one class', () => {
    it('neutral (built in): the blue accent, 8 px corners, light on a light page', async () => {
      const el = await mount('neutral', false);
      expect(submitLook(el).backgroundColor).to.equal('rgb(35, 80, 200)');
      expect(getComputedStyle(input(el, 'email')).borderTopLeftRadius).to.equal('8px');
      expect(getComputedStyle(input(el, 'email')).backgroundColor).to.equal('rgb(255, 255, 255)');
    });

    it('marketplace: the red accent, tighter corners and a denser form than neutral', async () => {
      const neutral = await mount('neutral', false);
      const neutralHeight = neutral.getBoundingClientRect().height;
      const neutralField = input(neutral, 'email').getBoundingClientRect().height;
      fixtureCleanup();
      const el = await mount('marketplace', false);
      expect(submitLook(el).backgroundColor).to.equal('rgb(209, 20, 44)');
      expect(getComputedStyle(input(el, 'email')).borderTopLeftRadius).to.equal('4px');
      expect(input(el, 'email').getBoundingClientRect().height, 'a lower field').to.be.below(neutralField);
      expect(el.getBoundingClientRect().height, 'a shorter form').to.be.below(neutralHeight - 40);
    });

    it('dark: dark surfaces in the light-DOM form and in the captcha, on a light page', async () => {
      const el = await mount('dark', false);
      expect(getComputedStyle(input(el, 'email')).backgroundColor).to.equal('rgb(31, 33, 38)');
      expect(getComputedStyle(input(el, 'email')).color).to.equal('rgb(236, 236, 241)');
      const answer = captchaOf(el).shadowRoot!.querySelector('[part=input]')!;
      expect(getComputedStyle(answer).backgroundColor).to.equal('rgb(31, 33, 38)');
      expect(submitLook(el).backgroundColor).to.equal('rgb(157, 184, 255)');
    });

    it('marketplace and dark together: the marketplace red on dark surfaces', async () => {
      const el = await mount('marketplace dark', false);
      expect(getComputedStyle(input(el, 'email')).backgroundColor).to.equal('rgb(31, 33, 38)');
      expect(submitLook(el).backgroundColor).to.equal('rgb(255, 138, 152)');
    });

    it('a fourth theme from the tokens alone', async () => {
      const adapter = new MemoryAdapter({ captchaAnswer: 'Ab3dE', latency: 0 });
      const el = await fixture<AeRegister>(
        html`<ae-register style="--ae-color-primary: #0b6e4f; --ae-radius: 0px; --ae-control-height: 3rem" .adapter=${adapter}></ae-register>`,
      );
      await captchaReady(captchaOf(el));
      expect(submitLook(el).backgroundColor).to.equal('rgb(11, 110, 79)');
      expect(getComputedStyle(input(el, 'email')).borderTopLeftRadius).to.equal('0px');
      expect(input(el, 'email').getBoundingClientRect().height).to.equal(48);
    });
  });

  describe('axe-core finds no violation (contrast included) in every theme and language', () => {
    for (const theme of Object.keys(THEMES) as Theme[]) {
      for (const locale of LOCALES) {
        it(`${theme}, ${locale}: messages, a suggestion and the captcha`, async () => {
          await setLocale(locale);
          const el = await mount(theme);
          await expectAccessible(el, `${theme} ${locale}`);
        });
      }
    }
  });

  describe('at 360 px wide', () => {
    for (const theme of ['neutral', 'marketplace'] as Theme[]) {
      for (const locale of LOCALES) {
        it(`${theme}, ${locale}: every field at least 240 px wide, nothing overflows, names stacked`, async () => {
          await setViewport({ width: 360, height: 800 });
          await setLocale(locale);
          const el = await mount(theme);
          await el.updateComplete;
          const fields = [...el.querySelectorAll<HTMLInputElement>('input.ae-input')];
          fields.push(captchaOf(el).shadowRoot!.querySelector<HTMLInputElement>('[part=input]')!);
          expect(fields.length).to.equal(6);
          for (const f of fields) {
            expect(f.getBoundingClientRect().width, `${f.name || 'captcha'} width`).to.be.at.least(240);
          }
          expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(360);
          const box = el.getBoundingClientRect();
          for (const node of el.querySelectorAll<HTMLElement>('.ae-root *')) {
            const r = node.getBoundingClientRect();
            if (!r.width) continue;
            expect(r.right, `${node.className || node.localName} overflows the form`).to.be.at.most(box.right + 0.5);
          }
          const first = input(el, 'firstName').getBoundingClientRect();
          const last = input(el, 'lastName').getBoundingClientRect();
          expect(last.top, 'the last name under the first').to.be.above(first.bottom);
        });
      }
    }

    it('at 1280 px the names sit side by side', async () => {
      await setViewport({ width: 1280, height: 800 });
      const el = await mount('neutral', false);
      const first = input(el, 'firstName').getBoundingClientRect();
      const last = input(el, 'lastName').getBoundingClientRect();
      expect(last.top).to.equal(first.top);
      expect(last.left).to.be.above(first.right);
    });
  });
});
