/**
 * <ae-account-panel>'s "Profile and security": names in Latin with the registration's schema and suggestion,
 * the e-mail change (password + a letter to the new address), the password change (the current one, the same
 * rules, show/hide), active sessions with "Sign out of all other devices", and sign-out. Real typing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html, render } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import type { AeAccountPanel } from '../src/define/ae-account-panel.js';
import '../src/define/ae-account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { getSessionSnapshot, resetSessionStoreForTests } from '../src/session/session-store.js';
import { setSessionChannelName } from '../src/session/session-channel.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { errorText, findButton, input, realClick, shownText } from './helpers/dom.js';
import { installLeakRecorder } from './helpers/secrets.js';

setSessionChannelName(`ae-test:account-profile:${Math.random().toString(36).slice(2)}`);

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };

const placed: HTMLElement[] = [];
const root = (el: AeAccountPanel) => el.shadowRoot!;
const q = <T extends Element = HTMLElement>(el: AeAccountPanel, sel: string) => root(el).querySelector<T>(sel);
const text = (n: Node | null) => (n ? shownText(n) : '').replace(/\s+/g, ' ').trim();

async function settled(el: AeAccountPanel): Promise<void> {
  await waitUntil(
    () => {
      const s = q(el, 'section.section');
      return !!s && !s.querySelector('[part="skeleton"]') && !s.querySelector('[aria-busy="true"]');
    },
    'the section to load',
    { timeout: 5000 },
  );
  await el.updateComplete;
}

async function profile(options: { devices?: number } = {}) {
  const adapter = new MemoryAdapter({ latency: 0, persistSession: false, users: [IVAN], deviceLabel: 'Chrome on Linux' });
  await adapter.signIn({ email: IVAN.email, password: IVAN.password, remember: false });
  const devices: MemoryAdapter[] = [];
  for (let i = 0; i < (options.devices ?? 0); i++) {
    const d = adapter.newDevice();
    await d.signIn({ email: IVAN.email, password: IVAN.password, remember: true });
    devices.push(d);
  }
  const c = document.createElement('div');
  document.body.append(c);
  placed.push(c);
  render(html`<ae-account-panel .adapter=${adapter as AuthAdapter} section="profile"></ae-account-panel>`, c);
  const el = c.querySelector('ae-account-panel')!;
  await waitUntil(() => !!q(el, 'nav'), 'nav', { timeout: 5000 });
  await settled(el);
  await waitUntil(() => !!el.querySelector('form[data-form="names"]'), 'the forms');
  await waitUntil(() => input(el, 'firstName').value === IVAN.firstName, 'names filled');
  return { adapter, el, devices };
}

async function typeIn(el: Element, name: string, value: string, clear = false): Promise<void> {
  const i = input(el, name);
  i.focus();
  if (clear) {
    i.select();
    await sendKeys({ press: 'Backspace' });
  }
  await sendKeys({ type: value });
}

beforeEach(() => {
  resetSessionStoreForTests();
  resetPreferencesStoreForTests('en');
});
afterEach(() => {
  for (const c of placed.splice(0)) c.remove();
});

describe('<ae-account-panel> profile: names', () => {
  it('puts the forms in the light DOM with autocomplete tokens', async () => {
    const { el } = await profile();
    for (const [name, token] of [
      ['firstName', 'given-name'],
      ['lastName', 'family-name'],
      ['newEmail', 'email'],
      ['emailPassword', 'current-password'],
      ['currentPassword', 'current-password'],
      ['newPassword', 'new-password'],
      ['passwordRepeat', 'new-password'],
    ] as const) {
      const i = input(el, name);
      expect(i.getRootNode() === document, `${name} in the document`).to.equal(true);
      expect(i.autocomplete, name).to.equal(token);
      expect(!!(i.assignedSlot ?? i.closest('[slot="light"]')?.assignedSlot), `${name} slotted`).to.equal(true);
    }
  });

  it('Cyrillic gives the registration’s message and suggestion; using it and saving changes the names everywhere', async () => {
    const { adapter, el } = await profile();
    await typeIn(el, 'firstName', 'Юлия', true);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(errorText(el, 'firstName')).to.match(/Latin/);
    const use = findButton(el, 'Use “Iuliia”');
    await realClick(use);
    await el.updateComplete;
    expect(input(el, 'firstName').value).to.equal('Iuliia');
    expect(!!(errorText(el, 'firstName'))).to.equal(false);
    await realClick(findButton(el.querySelector('form[data-form="names"]')!, 'Save name'));
    await waitUntil(() => text(el.querySelector('form[data-form="names"] .ae-success')) !== '', 'saved');
    const p = await adapter.getProfile();
    expect(p.firstName).to.equal('Iuliia');
    const s = getSessionSnapshot();
    expect(s.status === 'signed-in' && s.session.firstName).to.equal('Iuliia');
  });

  it('an empty name is refused before any call, focus on the field, nothing else lost', async () => {
    const { el } = await profile();
    await typeIn(el, 'lastName', '', true);
    await realClick(findButton(el.querySelector('form[data-form="names"]')!, 'Save name'));
    await el.updateComplete;
    expect(errorText(el, 'lastName')).to.equal('Enter your last name');
    expect(document.activeElement === input(el, 'lastName'), document.activeElement?.outerHTML.slice(0, 200)).to.equal(true);
    expect(input(el, 'firstName').value).to.equal('Ivan');
  });
});

describe('<ae-account-panel> profile: e-mail change', () => {
  it('a wrong password is an error on the password; the right one sends a letter to the new address', async () => {
    const { adapter, el } = await profile();
    const leaks = installLeakRecorder();
    leaks.clear();
    {
      await typeIn(el, 'newEmail', 'ivan.new@example.com');
      await typeIn(el, 'emailPassword', 'Wrong-2026');
      await realClick(findButton(el.querySelector('form[data-form="email"]')!, 'Change e-mail'));
      await waitUntil(() => errorText(el, 'emailPassword') !== null, 'the refusal');
      expect(errorText(el, 'emailPassword')).to.equal('The password is not right');
      expect(input(el, 'newEmail').value).to.equal('ivan.new@example.com');
      await typeIn(el, 'emailPassword', IVAN.password, true);
      await realClick(findButton(el.querySelector('form[data-form="email"]')!, 'Change e-mail'));
      await waitUntil(() => text(el.querySelector('form[data-form="email"] .ae-success')).includes('ivan.new@example.com'), 'the letter notice');
      expect(input(el, 'emailPassword').value, 'the password is emptied').to.equal('');
      const letter = adapter.outbox.find((l) => l.to === 'ivan.new@example.com');
      expect(letter?.kind).to.equal('email-change');
      expect(await leaks.find(IVAN.password)).to.deep.equal([]);
    }
  });
});

describe('<ae-account-panel> profile: password change', () => {
  it('needs the current one, keeps the registration rules, shows/hides, and signs out other devices', async () => {
    const { adapter, el, devices } = await profile({ devices: 2 });
    await waitUntil(() => root(el).querySelectorAll('.session').length === 3, 'three sessions');
    // The rules of registration: too short.
    await typeIn(el, 'newPassword', 'abc1');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(errorText(el, 'newPassword')).to.match(/8/);
    // Show/hide.
    const reveal = el.querySelector<HTMLButtonElement>('form[data-form="password"] .ae-reveal')!;
    expect(input(el, 'newPassword').type).to.equal('password');
    await realClick(reveal);
    await el.updateComplete;
    expect(input(el, 'newPassword').type).to.equal('text');
    await realClick(reveal);
    await el.updateComplete;
    expect(input(el, 'newPassword').type).to.equal('password');
    await typeIn(el, 'newPassword', 'Zelen-Chai-77', true);
    await typeIn(el, 'passwordRepeat', 'Zelen-Chai-77');
    await typeIn(el, 'currentPassword', 'Nope-1234');
    await realClick(findButton(el.querySelector('form[data-form="password"]')!, 'Change password'));
    await waitUntil(() => errorText(el, 'currentPassword') !== null, 'refused');
    expect(errorText(el, 'currentPassword')).to.equal('The password is not right');
    expect(document.activeElement === input(el, 'currentPassword')).to.equal(true);
    await typeIn(el, 'currentPassword', IVAN.password, true);
    await realClick(findButton(el.querySelector('form[data-form="password"]')!, 'Change password'));
    await waitUntil(() => text(el.querySelector('form[data-form="password"] .ae-success')) !== '', 'changed');
    expect(text(el.querySelector('form[data-form="password"] .ae-success'))).to.contain('2');
    for (const f of ['currentPassword', 'newPassword', 'passwordRepeat']) expect(input(el, f).value, f).to.equal('');
    for (const d of devices) expect(!!(await d.getSession())).to.equal(false);
    await adapter.signOut();
    await adapter.signIn({ email: IVAN.email, password: 'Zelen-Chai-77', remember: false });
  });
});

describe('<ae-account-panel> profile: sessions and sign-out', () => {
  it('lists the sessions (this device marked), signs out of the other devices, then signs out here', async () => {
    const { el, devices } = await profile({ devices: 2 });
    await waitUntil(() => root(el).querySelectorAll('.session').length === 3, 'three sessions');
    const current = root(el).querySelector('.session[data-current="true"]')!;
    expect(text(current)).to.contain('This device');
    expect(text(current)).to.contain('Chrome on Linux');
    await realClick(findButton(q(el, 'section.section')!, 'Sign out of all other devices'));
    await waitUntil(() => root(el).querySelectorAll('.session').length === 1, 'one session left');
    for (const d of devices) expect(!!(await d.getSession())).to.equal(false);
    await realClick(findButton(q(el, 'section.section')!, 'Sign out'));
    await waitUntil(() => !!el.querySelector('ae-login'), '<ae-login> after signing out', { timeout: 5000 });
    expect(getSessionSnapshot().status).to.equal('signed-out');
    expect(!!(el.querySelector('form[data-form="password"]'))).to.equal(false);
  });

  it('linked accounts: <ae-social-login view="linked"> is embedded', async () => {
    const { el } = await profile();
    await waitUntil(() => !!q(el, 'ae-social-login') || text(q(el, 'section.section')).includes('social sign-in'), 'linked accounts');
    const social = q(el, 'ae-social-login');
    if (social) expect(social.getAttribute('view')).to.equal('linked');
  });
});
