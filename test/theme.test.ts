/**
 * Light and dark: the page's prefers-color-scheme (emulated through the browser's DevTools protocol), the
 * `theme` attribute that forces one, and the public `--ae-color-*` / `--ae-color-*-dark` properties, read as
 * computed colors of real nodes in the shadow DOM and in <ae-register>'s light-DOM form.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../src/define/ae-captcha.js';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeCaptcha } from '../src/components/captcha/captcha.js';
import type { AeRegister } from '../src/components/register/register.js';
import { captchaReady, input } from './helpers/dom.js';

const LIGHT = { text: 'rgb(27, 29, 34)', surface: 'rgb(255, 255, 255)', primary: 'rgb(35, 80, 200)' };
const DARK = { text: 'rgb(236, 236, 241)', surface: 'rgb(31, 33, 38)', primary: 'rgb(157, 184, 255)' };
const BRAND = 'rgb(11, 110, 79)';
const BRAND_DARK = 'rgb(120, 220, 180)';

const adapter = (): MemoryAdapter => new MemoryAdapter({ captchaAnswer: 'Ab3dE', latency: 0 });

async function captcha(attrs: { theme?: string; style?: string } = {}): Promise<AeCaptcha> {
  const el = await fixture<AeCaptcha>(
    html`<ae-captcha .adapter=${adapter()} theme=${attrs.theme ?? ''} style=${attrs.style ?? ''}></ae-captcha>`,
  );
  if (!attrs.theme) el.removeAttribute('theme');
  await captchaReady(el);
  return el;
}

/** The colors a person sees: the label's text, the answer field's background, the refresh button's text. */
function seen(el: AeCaptcha): { text: string; surface: string; primary: string; scheme: string } {
  const part = (name: string) => getComputedStyle(el.shadowRoot!.querySelector(`[part=${name}]`)!);
  return {
    text: part('label').color,
    surface: part('input').backgroundColor,
    primary: part('refresh').color,
    scheme: part('input').colorScheme,
  };
}

describe('light and dark', () => {
  afterEach(async () => {
    fixtureCleanup();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('follows prefers-color-scheme: light, then dark when the page asks for dark', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await captcha();
    expect(seen(el)).to.deep.equal({ ...LIGHT, scheme: 'light dark' });
    await emulateMedia({ colorScheme: 'dark' });
    expect(seen(el)).to.deep.equal({ ...DARK, scheme: 'light dark' });
  });

  it('theme="light" keeps light on a dark page; theme="dark" gives dark on a light page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const light = await captcha({ theme: 'light' });
    expect(seen(light)).to.deep.equal({ ...LIGHT, scheme: 'light' });
    await emulateMedia({ colorScheme: 'light' });
    const dark = await captcha({ theme: 'dark' });
    expect(seen(dark)).to.deep.equal({ ...DARK, scheme: 'dark' });
    // Removing the attribute gives the page's choice back.
    dark.removeAttribute('theme');
    expect(seen(dark).text).to.equal(LIGHT.text);
  });

  it('a brand color set once serves both schemes; its -dark variant wins in dark', async () => {
    const brand = await captcha({ theme: 'dark', style: `--ae-color-primary: ${BRAND}` });
    expect(seen(brand).primary, 'dark falls back to the brand color, not to our red').to.equal(BRAND);
    const both = await captcha({
      theme: 'dark',
      style: `--ae-color-primary: ${BRAND}; --ae-color-primary-dark: ${BRAND_DARK}; --ae-color-text-dark: ${BRAND_DARK}`,
    });
    expect(seen(both).primary).to.equal(BRAND_DARK);
    expect(seen(both).text).to.equal(BRAND_DARK);
    both.setAttribute('theme', 'light');
    expect(seen(both).primary, 'light ignores the -dark variant').to.equal(BRAND);
    expect(seen(both).text).to.equal(LIGHT.text);
  });

  it("<ae-register>'s light-DOM form and its captcha follow the page's dark scheme", async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<AeRegister>(html`<ae-register .adapter=${adapter()}></ae-register>`);
    const email = getComputedStyle(input(el, 'email'));
    expect(email.backgroundColor).to.equal(DARK.surface);
    expect(email.color).to.equal(DARK.text);
    const inner = el.querySelector('ae-captcha')!;
    await captchaReady(inner);
    expect(seen(inner).surface).to.equal(DARK.surface);
    el.setAttribute('theme', 'light');
    await el.updateComplete;
    expect(getComputedStyle(input(el, 'email')).backgroundColor).to.equal(LIGHT.surface);
    expect(seen(inner).surface, 'the captcha gets theme="light" from the form').to.equal(LIGHT.surface);
  });
});
