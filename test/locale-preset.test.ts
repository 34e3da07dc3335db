/**
 * `import 'ae-auth-elements/ru.js'` (src/define/ru.ts) on a Russian page (issue 14: "a Russian or Bulgarian
 * page shows its first frame in its language, not English first"): every text node that ever appears in the
 * element, from its very first render, is Russian; nothing waits for a request. A page of its own: the locale
 * runtime is configured once per page, and `<html lang>` must be set before the preset loads.
 */
import { expect, waitUntil } from '@open-wc/testing';
// In this order, as a page would: the language, the preset, the elements (static imports evaluate in order).
import './helpers/lang-ru.js';
import './helpers/resource-timing.js';
import '../src/define/ru.js';
import '../src/define/ae-register.js';
import '../src/define/ae-login.js';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-address-form.js';
import '../src/define/ae-conversation.js';
import { templates as firstTexts } from '../src/locales/generated/ru-first.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { getLocale, setLocale } from '../src/locales/localization.js';
import { englishRestTextsShown, mountNow, restTexts } from './helpers/preset-page.js';
import type { Element } from './helpers/preset-page.js';

/** A text of the account area (scripts/build/locale-parts.mjs): absent from the preset until its rest arrives. */
const REST_ID = 'account.chunk.failed';
const register = mountNow('ae-register');
// Whether the rest part had arrived when <ae-register> finished its first update (it must not have waited).
const registerBeforeRest = register.el.updateComplete.then(() => !(REST_ID in firstTexts));
const login = mountNow('ae-login');
// The account area's elements, whose texts are in the preset's rest part: in the same task too.
const panel = mountNow('ae-account-panel');
const addresses = mountNow('ae-address-form');
const conversation = mountNow('ae-conversation');
(conversation.el as Element & { conversationId?: string }).conversationId = 'no-such-conversation';

async function mountRecorded(tag: string) {
  const el = document.createElement(tag) as Element;
  el.adapter = new MemoryAdapter({ latency: 0 });
  document.body.append(el);
  await el.updateComplete;
  return { el, remove: () => el.remove() };
}

const ENGLISH = /Registration|E-mail|First name|Password|Create profile|Sign in|Forgot password/;

describe('the Russian preset on a Russian page', () => {
  it('gives <ae-register> a Russian first frame: no English text ever shown', async () => {
    const { el } = register;
    const texts = await register.texts();
    expect(texts.join(' ').length, 'the texts seen').to.be.above(100);
    expect(texts.filter((t) => ENGLISH.test(t)), 'English texts').to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part=heading]')!.textContent).to.equal('Регистрация');
    expect(el.querySelector('label')!.textContent).to.match(/почт/i);
    expect(getLocale()).to.equal('ru');
  });

  it('gives <ae-login> a Russian first frame too (any element, one preset)', async () => {
    const texts = await login.texts();
    expect(texts.join(' ').length).to.be.above(30);
    expect(texts.filter((t) => ENGLISH.test(t))).to.deep.equal([]);
    expect(texts.join(' ')).to.match(/Войти|Вход/);
  });

  it("<ae-register> does not wait for the account area's texts, which its elements ask for at once", async () => {
    expect(await registerBeforeRest, "<ae-register>'s first update done before the rest part arrived").to.equal(true);
    await waitUntil(() => REST_ID in firstTexts, 'the rest part merged into the preset', { timeout: 5000 });
    const requests = performance.getEntriesByType('resource');
    const rest = requests.find((e) => /ru-rest/.test(e.name));
    const validation = requests.find((e) => /register-validation/.test(e.name));
    expect(rest, 'a request of the rest part').to.not.equal(undefined);
    expect(validation, "a request of <ae-register>'s validation").to.not.equal(undefined);
    // Asked by the first update of those elements, a microtask after they were put in the page: in the same task
    // as <ae-register>'s own lazy parts (requested when it connects), not after anyone's first frame. Compared
    // with that request rather than a clock, so that a busy test machine moves both.
    expect(Math.abs(rest!.startTime - validation!.startTime), 'ms between the two requests').to.be.below(100);
  });

  for (const [name, mounted] of [
    ['<ae-account-panel>', panel],
    ['<ae-address-form>', addresses],
    ['<ae-conversation>', conversation],
  ] as const) {
    it(`gives ${name}, whose texts are in the rest part, a Russian first frame: it waits for them`, async () => {
      const texts = await restTexts('ru', () => import('../src/locales/generated/ru-rest.js'));
      expect(texts.english.length, 'texts of the rest part to compare').to.be.above(100);
      expect(await englishRestTextsShown(mounted, texts), 'English texts of the rest part').to.deep.equal([]);
    });
  }

  it('still switches to Bulgarian (loaded on demand) and back', async () => {
    const { el, remove } = await mountRecorded('ae-register');
    const label = () => el.querySelector('label')!.textContent!.trim();
    const russian = label();
    await setLocale('bg');
    await waitUntil(() => getLocale() === 'bg' && label() !== russian, 'the e-mail label in Bulgarian', { timeout: 5000 });
    expect(el.querySelector('.ae-root')!.getAttribute('lang')).to.equal('bg');
    await setLocale('ru');
    await waitUntil(() => label() === russian, 'Russian again', { timeout: 5000 });
    remove();
  });
});
