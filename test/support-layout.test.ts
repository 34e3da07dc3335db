import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../src/define/ae-support.js';
import '../src/define/ae-register.js';
import { setLocale } from '../src/locales/localization.js';
import { cleanPage, launcher, mountSupport, nameOf, panel, part, supportAdapter, until } from './support-helpers.js';
import { realClick } from './helpers/dom.js';

const W = 360;
const H = 640;

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function inViewport(r: DOMRect): boolean {
  return r.left >= 0 && r.top >= 0 && r.right <= W + 0.5 && r.bottom <= H + 0.5;
}

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Where things end up: after the button's short move (a transition) is over. */
async function settled(): Promise<void> {
  await frame();
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined)));
  await frame();
}

describe('<ae-support> on a 360 px screen', () => {
  beforeEach(async () => {
    // Scroll events, ResizeObserver and animation frames come only to the visible tab: two test files run side
    // by side as tabs, and this one measures where the chat button goes on scroll.
    await executeServerCommand('bring-to-front');
  });
  before(async () => {
    await setViewport({ width: W, height: H });
    // Where things end up, not the button's short move there (no transition under reduced motion).
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
  afterEach(() => {
    cleanPage();
    document.body.style.margin = '';
  });

  for (const locale of ['en', 'ru', 'bg']) {
    it(`never covers <ae-register>'s submit button, and the open panel fits the screen (${locale})`, async () => {
      await setLocale(locale);
      const adapter = supportAdapter();
      document.body.style.margin = '0';
      const register = document.createElement('ae-register');
      register.adapter = adapter;
      document.body.append(register);
      await register.updateComplete;
      const el = await mountSupport(adapter);
      const submit = register.querySelector<HTMLButtonElement>('button[type="submit"]')!;

      // The button is a round icon here; its name stays.
      const b = launcher(el);
      expect(nameOf(b)).to.match(locale === 'en' ? /^Online chat$/ : locale === 'ru' ? /^(Онлайн-чат|Online chat)$/ : /^(Онлайн чат|Online chat)$/);
      expect(b.getBoundingClientRect().width).to.be.below(60);

      // Scrolled so that the submit button sits where the chat button is: at the bottom of the screen.
      for (const edge of ['bottom', 'middle', 'top'] as const) {
        const r = submit.getBoundingClientRect();
        const target = edge === 'bottom' ? H - r.height - 4 : edge === 'middle' ? H / 2 : 8;
        window.scrollBy(0, r.top - target);
        await frame();
        await el.updateComplete;
        await settled();
        const s = submit.getBoundingClientRect();
        const l = b.getBoundingClientRect();
        expect(overlaps(s, l), `${edge}: submit ${JSON.stringify(s)} under the chat button ${JSON.stringify(l)}`).to.equal(false);
        expect(inViewport(l), `${edge}: the chat button in the screen ${JSON.stringify(l)}`).to.equal(true);
      }
      expect(document.documentElement.scrollWidth, 'no sideways scroll').to.be.at.most(W);

      await realClick(b);
      await until(() => !panel(el).hidden, 'open');
      await el.updateComplete;
      const p = panel(el).getBoundingClientRect();
      expect(inViewport(p), `the panel ${JSON.stringify(p)}`).to.equal(true);
      expect(p.width).to.be.at.least(W - 1);
      for (const name of ['close', 'topics', 'title']) {
        const r = part(el.shadowRoot, name)!.getBoundingClientRect();
        expect(inViewport(r), `${name} ${JSON.stringify(r)}`).to.equal(true);
        expect(r.width).to.be.above(0);
      }
      for (const topic of el.shadowRoot!.querySelectorAll('[part="topic"]')) {
        const r = topic.getBoundingClientRect();
        expect(r.right, 'a topic button overflowing').to.be.at.most(W);
        expect(topic.scrollWidth, 'a topic text cut').to.be.at.most(topic.clientWidth + 1);
      }
    });
  }
});
