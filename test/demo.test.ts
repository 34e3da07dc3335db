/**
 * The demo store of `npm start` (demo/index.html), loaded in a frame of the test page as a visitor opens it:
 * real clicks and key presses, the page's own MemoryAdapter. The dev server of this runner compiles
 * demo/*.ts as it does the tests, so the page runs from the sources.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { frameClick, frameWindow } from './helpers/frames.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeRegister } from '../src/components/register/register.js';

type DemoWindow = { aeDemo: { adapter: MemoryAdapter; ready: Promise<void> } };

interface Demo {
  frame: HTMLIFrameElement;
  win: Window & DemoWindow;
  doc: Document;
  $<T extends Element = HTMLElement>(selector: string): T;
}

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
});

/**
 * The demo in a frame `width` × `height` px at the top left of the test page, so its coordinates are page ones
 * (the test page is 800 × 600: a real click lands only inside it).
 */
async function openDemo(width = 800, height = 600, query = ''): Promise<Demo> {
  frame = document.createElement('iframe');
  frame.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;border:0;z-index:1`;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = `/demo/index.html${query}`;
  document.body.append(frame);
  await loaded;
  const win = frameWindow<DemoWindow>(frame);
  await waitUntil(() => !!win.aeDemo, 'the demo script ran', { timeout: 10_000 });
  await win.aeDemo.ready;
  const doc = frame.contentDocument!;
  const $ = <T extends Element>(selector: string): T => {
    const el = doc.querySelector<T>(selector);
    if (!el) throw new Error(`demo: no ${selector}`);
    return el;
  };
  return { frame, win, doc, $ };
}

/** A button of the header's <ae-user-menu> (its shadow root): `sign-in` or `register`. */
async function menuButton(demo: Demo, part: 'sign-in' | 'register'): Promise<HTMLButtonElement> {
  const menu = demo.$('ae-user-menu');
  // The first open of the page compiles every element's modules on the dev server: allow for it.
  await waitUntil(() => menu.shadowRoot?.querySelector(`[part~=${part}]`), `the menu's ${part} button`, { timeout: 10_000 });
  return menu.shadowRoot!.querySelector<HTMLButtonElement>(`[part~=${part}]`)!;
}

/** The focused element inside the frame, through shadow roots. */
function focused(doc: Document): Element | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function openRegister(demo: Demo): Promise<{ dialog: HTMLDialogElement; form: AeRegister }> {
  const button = await menuButton(demo, 'register');
  await frameClick(demo.frame, button);
  const dialog = demo.$<HTMLDialogElement>('dialog#view');
  await waitUntil(() => dialog.open && !!dialog.querySelector('ae-register input'), 'the dialog shows the form');
  const form = dialog.querySelector<AeRegister>('ae-register')!;
  await form.updateComplete;
  return { dialog, form };
}

/** Elements whose box reaches past the right edge of the frame's viewport (what makes a page scroll sideways). */
function overflowing(doc: Document): string[] {
  const width = doc.documentElement.clientWidth;
  const out: string[] = [];
  const visit = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 0.5) out.push(`${el.localName}${el.id ? `#${el.id}` : ''}.${el.className} → ${Math.round(r.right)}`);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(doc);
  return out;
}

/** axe-core run inside the frame's own window (it audits the document it is loaded in). */
async function axeInFrame(demo: Demo): Promise<string[]> {
  const w = demo.win as unknown as { axe?: typeof import('axe-core') };
  if (!w.axe) {
    const source = await (await fetch('/node_modules/axe-core/axe.min.js')).text();
    const script = demo.doc.createElement('script');
    script.textContent = source;
    demo.doc.head.append(script);
  }
  // Colors are measured at rest: after the transitions (a theme class set on load, a message appearing) end.
  // (Endless ones, a spinner, never end.)
  const finite = () => demo.doc.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity);
  await waitUntil(() => finite().length === 0, 'no running transition', { timeout: 3000 });
  const results = await w.axe!.run(demo.doc);
  return results.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the demo store (demo/index.html)', () => {
  describe('when "Register" is clicked', () => {
    it('opens the form in a modal dialog with focus on its first field; Tab stays inside', async () => {
      const demo = await openDemo();
      const { dialog, form } = await openRegister(demo);
      expect(dialog.matches(':modal'), 'a modal dialog (the page behind is inert)').to.equal(true);
      await waitUntil(() => focused(demo.doc) === form.querySelector('input[name=email]'), 'focus on the e-mail field');
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        expect(dialog.contains(focused(demo.doc)) || !!focused(demo.doc)?.closest('dialog'), `Tab ${i + 1} stays in the dialog`).to.equal(true);
      }
    });

    it('Esc closes the dialog and focus returns to the "Register" button', async () => {
      const demo = await openDemo();
      const { dialog } = await openRegister(demo);
      await sendKeys({ type: 'maria@' });
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'the dialog closed');
      expect(focused(demo.doc) === (await menuButton(demo, 'register')), 'focus is back on "Register"').to.equal(true);
    });
  });

  describe('when the locale changes to Russian', () => {
    it('the page, its prices and the element all speak Russian', async () => {
      const demo = await openDemo();
      await frameClick(demo.frame, demo.$('[data-locale=ru]'));
      await waitUntil(() => demo.doc.documentElement.lang === 'ru', '<html lang="ru">');
      await waitUntil(async () => (await menuButton(demo, 'register')).textContent?.trim() === 'Регистрация', 'the menu in Russian');
      expect((await menuButton(demo, 'sign-in')).textContent?.trim()).to.equal('Войти');
      expect(demo.$('#products-title').textContent).to.equal('Новинки недели');
      expect(demo.$('[data-locale=ru]').getAttribute('aria-pressed')).to.equal('true');
      // Rubles by default in Russian, written the Russian way (digit groups, the sign after the number).
      expect(demo.$('.price').textContent).to.match(/^\d[\d\s\u00a0\u202f]*(,\d\d)?\u00a0₽$/);

      const { form } = await openRegister(demo);
      const heading = form.shadowRoot!.querySelector('[part~=heading]')?.textContent?.trim();
      expect(heading, 'the element’s heading').to.equal('Регистрация');
      const label = form.querySelector(`label[for="${form.querySelector('input[name=email]')!.id}"]`);
      expect(label?.textContent, 'the e-mail field’s label').to.include('Электронная почта');
      expect(form.querySelector('[slot=terms]')?.textContent, 'the page’s own slot text').to.include('Создавая профиль');
    });
  });

  describe('at 360 px', () => {
    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`nothing overflows sideways, closed and with the form open (${locale})`, async () => {
        const demo = await openDemo(360, 640);
        if (locale !== 'en') {
          await frameClick(demo.frame, demo.$(`[data-locale=${locale}]`));
          await waitUntil(() => demo.doc.documentElement.lang === locale, `<html lang="${locale}">`);
        }
        expect(demo.doc.documentElement.scrollWidth, 'the page’s scroll width').to.equal(360);
        expect(overflowing(demo.doc), 'boxes past the right edge').to.deep.equal([]);
        const { form } = await openRegister(demo);
        expect(overflowing(demo.doc), 'boxes past the right edge, dialog open').to.deep.equal([]);
        for (const input of form.querySelectorAll('input')) {
          expect(input.getBoundingClientRect().width, `input ${input.name}`).to.be.at.least(240);
        }
      });
    }
  });

  describe('the registration loop', () => {
    it('register → the letter in the mailbox → "Activate profile" → the greeting → sign in → location and currency → My account', async function () {
      // The whole path through six views, with the adapter's simulated latency at every step.
      this.timeout(40_000);
      const demo = await openDemo();
      const { dialog, form } = await openRegister(demo);
      const values: Record<string, string> = {
        email: 'maria@example.com',
        firstName: 'Maria',
        lastName: 'Ivanova',
        password: 'Sekret-2026',
        passwordRepeat: 'Sekret-2026',
      };
      for (const [name, value] of Object.entries(values)) {
        await frameClick(demo.frame, form.querySelector(`input[name=${name}]`)!);
        await sendKeys({ type: value });
      }
      const captcha = form.querySelector('ae-captcha')!;
      await waitUntil(() => !!captcha.captchaId, 'a captcha picture');
      const answer = demo.win.aeDemo.adapter.debugCaptchaAnswer(captcha.captchaId!)!;
      await frameClick(demo.frame, captcha.shadowRoot!.querySelector('input')!);
      await sendKeys({ type: answer });
      await frameClick(demo.frame, form.querySelector('button[type=submit]')!);

      await waitUntil(() => demo.$('.view-after').hidden === false, 'the way to the mailbox', { timeout: 5000 });
      expect(demo.$('#mailbox-button').textContent).to.equal('Mailbox (1)');
      await frameClick(demo.frame, demo.$('.view-after button'));
      await waitUntil(() => !!dialog.querySelector('.letter'), 'the letter');
      const letter = dialog.querySelector('.letter')!;
      expect(letter.textContent).to.include('maria@example.com');
      await frameClick(demo.frame, letter.querySelector('button')!);

      await waitUntil(() => !!dialog.querySelector('ae-activate'), '<ae-activate> in the dialog');
      const activate = dialog.querySelector('ae-activate')!;
      await waitUntil(
        () => activate.shadowRoot?.querySelector('[part~=greeting]')?.textContent?.includes('Hello, Maria!'),
        'the greeting',
        { timeout: 5000 },
      );
      expect(dialog.contains(focused(demo.doc)) || activate.shadowRoot!.contains(focused(demo.doc)), 'focus in the dialog').to.equal(true);
      expect(demo.win.aeDemo.adapter.getUser('maria@example.com')?.status, 'the profile').to.equal('active');

      // The greeting's next step is "Sign in": the sign-in form, then the header's menu says who is signed in.
      const next = activate.querySelector<HTMLButtonElement>('.next-step')!;
      await waitUntil(() => next.textContent === 'Sign in', 'the next step');
      await frameClick(demo.frame, next);
      await waitUntil(() => !!dialog.querySelector('ae-login input[name=email]'), '<ae-login> in the dialog');
      const login = dialog.querySelector('ae-login')!;
      await frameClick(demo.frame, login.querySelector('input[name=email]')!);
      await sendKeys({ type: 'maria@example.com' });
      await frameClick(demo.frame, login.querySelector('input[name=password]')!);
      await sendKeys({ type: 'Sekret-2026' });
      await frameClick(demo.frame, login.querySelector('button[type=submit]')!);
      // A first sign-in: "then choose your location and currency", then "My account".
      await waitUntil(() => !!dialog.querySelector('ae-preferences select[name=currency]'), 'location and currency', { timeout: 10_000 });
      const prefs = dialog.querySelector('ae-preferences')!;
      expect(dialog.getAttribute('aria-label')).to.equal('Location and currency');
      await frameClick(demo.frame, prefs.querySelector('button[type=submit]')!);
      await waitUntil(() => !!dialog.querySelector('ae-account-panel'), 'My account after the choice', { timeout: 5000 });
      expect(dialog.getAttribute('aria-label')).to.equal('My account');
      expect((await demo.win.aeDemo.adapter.getPreferences())?.currency, 'saved on the server side').to.equal('USD');
      await frameClick(demo.frame, demo.$('#view-close'));
      await waitUntil(() => !dialog.open, 'the dialog closed');
      const menu = demo.$('ae-user-menu');
      await waitUntil(() => menu.shadowRoot?.querySelector('[part~=trigger]')?.textContent?.includes('Maria'), 'the name in the header');
      // Sign out from the menu: the header offers "Sign in" again.
      await frameClick(demo.frame, menu.shadowRoot!.querySelector('[part~=trigger]')!);
      await waitUntil(() => menu.shadowRoot!.querySelector('[part~=sign-out]')?.checkVisibility?.() ?? false, 'the menu open');
      await frameClick(demo.frame, menu.shadowRoot!.querySelector('[part~=sign-out]')!);
      await waitUntil(() => menu.shadowRoot?.querySelector('[part~=sign-in]'), '"Sign in" again');
      expect(await demo.win.aeDemo.adapter.getSession(), 'signed out on the server side too').to.equal(null);
    });
  });

  describe('"Sign in"', () => {
    it('opens the login view: <ae-login>, with the seeded buyer who has a history to look at', async () => {
      const demo = await openDemo();
      await frameClick(demo.frame, await menuButton(demo, 'sign-in'));
      const dialog = demo.$<HTMLDialogElement>('dialog#view');
      await waitUntil(() => dialog.open, 'the dialog');
      expect(dialog.getAttribute('aria-label')).to.equal('Sign in');
      expect(!!dialog.querySelector('ae-login'), '<ae-login> in the dialog').to.equal(true);
      expect(dialog.querySelector('.view-note')?.textContent).to.include('ivan.petrov@example.com');
    });
  });

  describe('the account and support', () => {
    it("the seeded buyer signs in and finds years of orders in My account", async function () {
      this.timeout(30_000);
      const demo = await openDemo();
      await frameClick(demo.frame, await menuButton(demo, 'sign-in'));
      const dialog = demo.$<HTMLDialogElement>('dialog#view');
      await waitUntil(() => !!dialog.querySelector('ae-login input[name=email]'), '<ae-login>', { timeout: 8000 });
      const login = dialog.querySelector('ae-login')!;
      await frameClick(demo.frame, login.querySelector('input[name=email]')!);
      await sendKeys({ type: 'ivan.petrov@example.com' });
      await frameClick(demo.frame, login.querySelector('input[name=password]')!);
      await sendKeys({ type: 'Lipa-demo-2026' });
      await frameClick(demo.frame, login.querySelector('button[type=submit]')!);
      // He chose his location and currency long ago: no question, back to the store.
      await waitUntil(() => !dialog.open, 'the dialog closes after the sign-in', { timeout: 8000 });
      const menu = demo.$('ae-user-menu');
      await waitUntil(() => menu.shadowRoot?.querySelector('[part~=trigger]')?.textContent?.includes('Ivan'), 'his name in the header');
      await frameClick(demo.frame, menu.shadowRoot!.querySelector('[part~=trigger]')!);
      await waitUntil(() => menu.shadowRoot!.querySelector('[part~=account]')?.checkVisibility?.() ?? false, 'the menu open');
      await frameClick(demo.frame, menu.shadowRoot!.querySelector('[part~=account]')!);
      await waitUntil(() => !!dialog.querySelector('ae-account-panel'), 'My account', { timeout: 5000 });
      const panel = dialog.querySelector('ae-account-panel')!;
      const orders = (await demo.win.aeDemo.adapter.listOrders({ page: 1, pageSize: 5 })).total;
      expect(orders, 'a long-time buyer').to.be.above(20);
      await waitUntil(() => (panel.shadowRoot?.textContent ?? '').includes('Latest orders') || panel.textContent!.includes('Latest orders'), 'the overview', {
        timeout: 8000,
      });
    });

    it('"Support" in the footer opens the online chat in the lower left corner', async function () {
      this.timeout(20_000);
      const demo = await openDemo();
      const chat = demo.$('ae-support') as HTMLElement & { open: boolean; updateComplete: Promise<unknown> };
      await chat.updateComplete;
      const launcher = chat.shadowRoot!.querySelector<HTMLElement>('[part~=launcher]')!;
      const box = launcher.getBoundingClientRect();
      expect(box.left, 'at the left edge').to.be.below(80);
      expect(box.bottom, 'at the bottom').to.be.above(600 - 100);
      const link = demo.$('ae-support-link') as HTMLElement & { updateComplete: Promise<unknown> };
      await link.updateComplete;
      await frameClick(demo.frame, link.shadowRoot!.querySelector('[part~=link]')!);
      await waitUntil(() => chat.open, 'the chat opens', { timeout: 5000 });
    });
  });

  describe('accessibility', () => {
    for (const theme of ['', 'marketplace', 'dark']) {
      it(`axe-core finds nothing on the page and in the open dialog (theme: ${theme || 'neutral'})`, async () => {
        const demo = await openDemo(800, 600, theme ? `?theme=${theme}` : '');
        if (theme) expect(demo.doc.documentElement.classList.contains(`ae-theme-${theme}`)).to.equal(true);
        expect(await axeInFrame(demo), 'the page').to.deep.equal([]);
        await openRegister(demo);
        expect(await axeInFrame(demo), 'the page with the dialog open').to.deep.equal([]);
      });
    }
  });
});
