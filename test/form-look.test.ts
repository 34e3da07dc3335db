/**
 * The designed look's promises that colors and axe cannot show (issue 20), on a real <ae-login> and
 * <ae-forgot-password> in Chromium: the submit button keeps its width while it shows its progress; under
 * `prefers-reduced-motion: reduce` nothing spins and messages appear without animating; in forced colors
 * (Windows high contrast) the submit button, the fields and the messages keep a visible border.
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../src/define/ae-login.js';
import '../src/define/ae-forgot-password.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { setLocale } from '../src/locales/localization.js';
import type { AeLocale } from '../src/locales/localization.js';
import { input, realClick, typeInto } from './helpers/dom.js';
import { setSessionChannelName } from '../src/session/session-channel.js';

setSessionChannelName(`ae-test:form-look:${Math.random()}`);

const EMAIL = 'maria@example.com';
const PASSWORD = 'Sekret-2026';
const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];

const submit = (el: Element): HTMLButtonElement => el.querySelector<HTMLButtonElement>('button[type=submit]')!;
const spinner = (el: Element): HTMLElement => el.querySelector<HTMLElement>('.ae-submit .ae-spinner')!;
const pending = (el: Element): boolean => submit(el).getAttribute('aria-disabled') === 'true';

/** An <ae-login> whose adapter answers after `latency` ms, with one active profile. */
async function login(latency: number): Promise<HTMLElement> {
  const adapter = new MemoryAdapter({ latency, users: [{ email: EMAIL, password: PASSWORD, firstName: 'Maria', lastName: 'Ivanova' }] });
  const el = await fixture<HTMLElement>(html`<ae-login .adapter=${adapter}></ae-login>`);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

afterEach(async () => {
  fixtureCleanup();
  await emulateMedia({ reducedMotion: 'no-preference' });
  await executeServerCommand('emulate-media-features', []);
  await setLocale('en');
});

describe('the submit button shows its progress inside itself', () => {
  for (const locale of LOCALES) {
    it(`keeps its width and height while pending (${locale})`, async () => {
      await setLocale(locale);
      const el = await login(1500);
      const before = submit(el).getBoundingClientRect();
      await typeInto(el, 'email', EMAIL);
      await typeInto(el, 'password', PASSWORD);
      await realClick(submit(el));
      await waitUntil(() => pending(el), 'the sign-in did not start');
      const during = submit(el).getBoundingClientRect();
      expect(Math.abs(during.width - before.width), `width ${before.width} → ${during.width}`).to.be.below(0.5);
      expect(Math.abs(during.height - before.height), `height ${before.height} → ${during.height}`).to.be.below(0.5);
      // Both texts stand in one cell, the hidden one keeping its place: whichever is longer sets the width, so
      // the button does not change size even where it is not stretched to the form's width.
      const [idleText, pendingText] = [...submit(el).querySelectorAll<HTMLElement>('.ae-submit-text')].map((t) => t.getBoundingClientRect());
      expect(idleText.width, 'the hidden idle text keeps its place').to.be.above(0);
      expect(Math.abs(idleText.top - pendingText.top), 'one row').to.be.below(0.5);
      expect(Math.abs(idleText.height - pendingText.height), 'one row height').to.be.below(0.5);
      // The pending text is the one shown, with its spinner turning.
      expect(getComputedStyle(spinner(el)).animationName).to.equal('ae-spin');
      expect(getComputedStyle(spinner(el).parentElement!).visibility).to.equal('visible');
    });
  }
});

describe('prefers-reduced-motion: reduce', () => {
  it('stops the spinner and shows messages without animating them', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await login(1500);
    await typeInto(el, 'email', EMAIL);
    await typeInto(el, 'password', PASSWORD);
    await realClick(submit(el));
    await waitUntil(() => pending(el), 'the sign-in did not start');
    expect(getComputedStyle(spinner(el)).animationName).to.equal('none');
    // Still a progress sign: a three-quarter ring, standing.
    expect(getComputedStyle(spinner(el)).borderTopStyle).to.equal('solid');
  });

  it('a field message appears at once', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await login(0);
    await typeInto(el, 'email', 'not an address');
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-error:not(:empty), .ae-summary'), 'no message');
    const animated = [...el.querySelectorAll<HTMLElement>('.ae-error, .ae-summary')].filter((node) => {
      const style = getComputedStyle(node);
      return style.animationName !== 'none' && parseFloat(style.animationDuration) > 0;
    });
    expect(animated.map((n) => n.className)).to.deep.equal([]);
  });

  it('without the preference, the same message does animate (the check above can fail)', async () => {
    const el = await login(0);
    await typeInto(el, 'email', 'not an address');
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-error:not(:empty), .ae-summary'), 'no message');
    const animated = [...el.querySelectorAll<HTMLElement>('.ae-error, .ae-summary')].filter((node) => {
      const style = getComputedStyle(node);
      return style.animationName !== 'none' && parseFloat(style.animationDuration) > 0;
    });
    expect(animated.length).to.be.above(0);
  });
});

describe('forced colors (high contrast)', () => {
  const visibleBorder = (node: Element): boolean => {
    const style = getComputedStyle(node);
    const color = style.borderTopColor;
    return style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0 && !/rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent';
  };

  it('keeps a visible border on the submit button, the fields and the banner', async () => {
    await executeServerCommand('emulate-media-features', [{ name: 'forced-colors', value: 'active' }]);
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const adapter = new MemoryAdapter({ latency: 0 });
    adapter.failNext('server', { method: 'requestPasswordReset' });
    const el = await fixture<HTMLElement>(html`<ae-forgot-password .adapter=${adapter}></ae-forgot-password>`);
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await typeInto(el, 'email', EMAIL);
    await realClick(submit(el));
    await waitUntil(() => el.querySelector('.ae-banner'), 'no banner after the server fault');
    const banner = el.querySelector('.ae-banner')!;
    expect(visibleBorder(submit(el)), 'submit button border').to.equal(true);
    expect(visibleBorder(input(el, 'email')), 'e-mail field border').to.equal(true);
    expect(visibleBorder(banner), 'banner border').to.equal(true);
  });
});
