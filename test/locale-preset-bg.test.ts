/**
 * `import 'ae-auth-elements/bg.js'` (src/define/bg.ts) on a Bulgarian page: the same promise as the Russian
 * preset's (locale-preset.test.ts), for the other locale and its own two parts. A page of its own.
 */
import { expect } from '@open-wc/testing';
import './helpers/lang-bg.js';
import './helpers/resource-timing.js';
import '../src/define/bg.js';
import '../src/define/ae-register.js';
import '../src/define/ae-account-panel.js';
import { templates as firstTexts } from '../src/locales/generated/bg-first.js';
import { getLocale } from '../src/locales/localization.js';
import { englishRestTextsShown, mountNow, requested, restTexts } from './helpers/preset-page.js';

const register = mountNow('ae-register');
const registerBeforeRest = register.el.updateComplete.then(() => !('account.chunk.failed' in firstTexts));
const panel = mountNow('ae-account-panel');

describe('the Bulgarian preset on a Bulgarian page', () => {
  it('gives <ae-register> a Bulgarian first frame, without waiting for the account texts', async () => {
    const texts = (await register.texts()).join(' | ');
    expect(texts, 'English texts').not.to.match(/Registration|E-mail|First name|Password|Create profile/);
    expect(register.el.querySelector('label')!.textContent!.trim()).to.match(/^Имейл/);
    expect(texts).to.match(/Създай|Създаване/);
    expect(getLocale()).to.equal('bg');
    expect(await registerBeforeRest, 'first update done before the rest part arrived').to.equal(true);
  });

  it('gives <ae-account-panel> a Bulgarian first frame: it waits for the rest part, which it asks for', async () => {
    const texts = await restTexts('bg', () => import('../src/locales/generated/bg-rest.js'));
    expect(await englishRestTextsShown(panel, texts), 'English texts of the rest part').to.deep.equal([]);
    expect(requested(/bg-rest/), 'one request of the Bulgarian rest part').to.have.length(1);
    expect(requested(/ru-(first|rest)/), 'nothing of Russian').to.deep.equal([]);
  });
});
