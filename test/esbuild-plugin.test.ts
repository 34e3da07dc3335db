/**
 * `ae-auth-elements/esbuild` (bundlers/esbuild.js) on a real app bundle: test/server/esbuild-app-plugin.mjs
 * bundles `import 'ae-auth-elements/register.js'` from dist/ with esbuild and code splitting, with and without
 * the plugin. With it the entry imports one chunk and that chunk nothing (the first render in two files, as
 * rollup and Vite write it); and every lazy part still loads and runs from the chunks it wrote: the social
 * block, the full transliteration table, the validation rules, the embedded adapter, `<ae-activate>` after the
 * sign-up. Needs `npm run build` first (dist/): a missing build fails here.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { captchaOf, captchaReady, errorText, fillRegistration, input, tab, typeInto } from './helpers/dom.js';
import { frameClick, frameWindow, openFrame } from './helpers/frames.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { MemoryAdapter } from '../src/adapter/memory-adapter.js';

interface Graph {
  entry: string;
  imports: Record<string, string[]>;
  dynamicImports: Record<string, string[]>;
  /** Our modules in each chunk, by their path under dist/. */
  modules: Record<string, string[]>;
}
type AppWindow = { esbuildApp?: { embeddedAdapter(): Promise<MemoryAdapter> } };

async function graph(variant: 'plain' | 'plugin' | 'pages'): Promise<Graph> {
  const res = await fetch(`/esbuild-app/${variant}/graph.json`);
  expect(res.ok, `the ${variant} app was built (needs dist/: npm run build)`).to.equal(true);
  return (await res.json()) as Graph;
}

/** Every chunk the entry needs before it runs, by static imports (`lazy`: and every chunk it may load later). */
function firstLoad(g: Graph, lazy = false): string[] {
  const seen = new Set([g.entry]);
  const queue = [g.entry];
  while (queue.length) {
    const file = queue.shift()!;
    for (const next of [...(g.imports[file] ?? []), ...(lazy ? (g.dynamicImports[file] ?? []) : [])]) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

/** Empties a field as a person does: select all, Backspace. */
async function clear(el: Element, name: string): Promise<void> {
  input(el, name).focus();
  input(el, name).select();
  await sendKeys({ press: 'Backspace' });
  expect(input(el, name).value).to.equal('');
}

describe('ae-auth-elements/esbuild (bundlers/esbuild.js) on an esbuild app bundle of <ae-register>', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('puts the first render into the entry and one shared chunk, where esbuild alone writes many', async () => {
    const plain = await graph('plain');
    const withPlugin = await graph('plugin');
    const files = firstLoad(withPlugin);
    expect(files, 'the entry and one chunk').to.have.length(2);
    const [, shared] = files;
    expect(withPlugin.imports[withPlugin.entry], "the entry's static imports").to.deep.equal([shared]);
    expect(withPlugin.imports[shared!], 'the shared chunk imports nothing').to.deep.equal([]);
    // Without the plugin the same app needs more files before the field (20 when this was written).
    expect(firstLoad(plain).length).to.be.greaterThan(files.length + 5);
  });

  it('keeps each page of a two-page app to its own first load (a lazy chunk imports only what every page has)', async () => {
    const g = await graph('pages');
    const register = firstLoad(g);
    const captcha = firstLoad({ ...g, entry: 'captcha-page.js' });
    // The captcha page: its entry and what both pages share (esbuild alone: 13 files). The form's page: its entry,
    // that shared chunk, the form's own, and the small modules the form shares with the embedded adapter, which
    // the captcha page can load with less before it (mask-email and limits, adapter-error; esbuild alone: 23).
    expect(captcha.length, 'files before <ae-captcha>').to.equal(2);
    expect(register.length, 'files before <ae-register>').to.be.at.most(5);
    const ofCaptcha = captcha.flatMap((f) => g.modules[f] ?? []);
    expect(ofCaptcha).to.include('components/captcha/captcha.js');
    for (const other of ['components/register/register.js', 'components/activate/activate.js', 'components/social-login/social-login.js']) {
      expect(ofCaptcha, `the captcha page loads no ${other}`).not.to.include(other);
    }
    // Nor later: no lazy chunk of the captcha page brings the form's modules (each imports only what every page
    // that can load it has loaded).
    const everCaptcha = firstLoad({ ...g, entry: 'captcha-page.js' }, true).flatMap((f) => g.modules[f] ?? []);
    expect(everCaptcha).to.include('adapter/memory-adapter.js');
    expect(everCaptcha, 'anything the captcha page may ever load').not.to.include('components/register/register.js');
    expect(register.flatMap((f) => g.modules[f] ?? [])).to.include.members(['components/register/register.js', 'components/captcha/captcha.js']);
  });

  it('runs the whole sign-up from the chunks it wrote: social block, transliteration, validation, adapter, <ae-activate>', async () => {
    const frame = await openFrame('/esbuild-app/plugin/index.html');
    const w = frameWindow<AppWindow>(frame);
    await waitUntil(() => w.esbuildApp && w.customElements.get('ae-register'), 'the app ran', { timeout: 5000 });
    const el = frame.contentDocument!.querySelector('ae-register') as AeRegister;
    await el.updateComplete;
    // The social block is <ae-social-login>, loaded lazily by the form.
    await waitUntil(() => !!w.customElements.get('ae-social-login'), 'the social block defined from its lazy chunk', { timeout: 5000 });
    const social = el.querySelector('ae-social-login')!;
    await waitUntil(() => `${social.shadowRoot?.textContent ?? ''} ${social.textContent}`.includes('VK'), 'the social block shows VK');

    // A letter outside the first-frame tables: the suggestion comes from the lazy full table.
    await typeInto(el, 'firstName', 'Łukasz');
    await tab();
    await waitUntil(() => el.textContent!.includes('Use “Lukasz”'), 'the suggestion from the lazy table', { timeout: 5000 });
    const suggestion = [...el.querySelectorAll('button')].find((b) => b.textContent!.includes('Use “Lukasz”'))!;
    await frameClick(frame, suggestion);
    await waitUntil(() => input(el, 'firstName').value === 'Lukasz', 'the suggestion taken');

    await clear(el, 'firstName');

    // An invalid e-mail: the lazy validation rules answer with their message.
    await typeInto(el, 'email', 'maria@');
    await tab();
    await waitUntil(() => !!errorText(el, 'email'), 'the e-mail message', { timeout: 5000 });
    expect(errorText(el, 'email')).to.match(/e-mail/i);
    await clear(el, 'email');

    const captcha = captchaOf(el);
    await captchaReady(captcha);
    const adapter = await w.esbuildApp!.embeddedAdapter();
    const answer = adapter.debugCaptchaAnswer(captcha.captchaId!)!;
    await fillRegistration(el, { email: 'lukasz@example.com', password: 'Esbuild-split-2026', answer });
    const success = oneEvent(el, 'ae-register-success');
    await frameClick(frame, el.querySelector('button[type=submit]')!);
    await success;
    expect(adapter.outbox.map((l) => l.to)).to.deep.equal(['lukasz@example.com']);
    // Handed over to <ae-activate>, a lazy element of its own chunk.
    await waitUntil(() => !!el.querySelector('ae-activate')?.shadowRoot?.textContent?.includes('We sent a letter to l***@example.com'), '<ae-activate> waiting for the letter', {
      timeout: 5000,
    });
  });
});
