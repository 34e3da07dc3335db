/**
 * <ae-social-login> on the embedded MemoryAdapter (its provider consent is a dialog inside the page): the
 * buttons and their names, the cancelable start, allow and deny, a new person's profile form with the
 * passport spelling of a Cyrillic VK name (accepted with one click, never put in by itself), the letter for
 * an address nobody vouched for, an existing profile linked after its password sign-in, the linked view with
 * its last-way rule, keyboard-only use, axe in every state × en/ru/bg, and no code or state left anywhere.
 */
import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installLeakRecorder } from './helpers/secrets.js';
import type { LeakRecorder } from './helpers/secrets.js';

const recorder: LeakRecorder = installLeakRecorder();
const { MemoryAdapter } = await import('../src/adapter/memory-adapter.js');
await import('../src/define/ae-social-login.js');
const { setLocale } = await import('../src/locales/localization.js');
const { getSessionSnapshot, setSession } = await import('../src/session/session-store.js');
const { setSessionChannelName } = await import('../src/session/session-channel.js');
const { assertFocused, findButton, input, realClick, shownText, typeInto, errorText } = await import('./helpers/dom.js');
const { expectAccessible } = await import('./helpers/axe.js');
import type { MemoryAdapter as MemoryAdapterType, MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import type { AeLocale } from '../src/locales/localization.js';
import type { CompleteSocialInput, MemorySocialOptions } from '../src/adapter/social-types.js';
import type { AeSocialErrorEvent, AeSocialSuccessEvent } from '../src/events/social-events.js';

setSessionChannelName(`ae-test:social:${Math.random()}`);

const LOCALES: readonly AeLocale[] = ['en', 'ru', 'bg'];
const PASSWORD = 'Sekret-2026';

type Options = MemoryAdapterOptions & MemorySocialOptions;

/** A MemoryAdapter whose every callback (code, state) is kept here, to search the page for them afterwards. */
function server(options: Options = {}): { adapter: MemoryAdapterType; secrets: string[] } {
  const adapter = new MemoryAdapter({ latency: 0, captchaAnswer: 'Ab3dE', ...options } as MemoryAdapterOptions);
  const secrets: string[] = [];
  const complete = adapter.completeSocial.bind(adapter);
  adapter.completeSocial = (input: CompleteSocialInput, o) => {
    if (input.code) secrets.push(input.code);
    secrets.push(input.state);
    return complete(input, o);
  };
  const start = adapter.startSocial.bind(adapter);
  adapter.startSocial = async (input, o) => {
    const started = await start(input, o);
    secrets.push(started.state);
    return started;
  };
  return { adapter, secrets };
}

async function mount(adapter: MemoryAdapterType, attrs: { providers?: string; view?: 'linked' } = {}): Promise<AeSocialLogin> {
  const el = await fixture<AeSocialLogin>(
    html`<ae-social-login .adapter=${adapter} providers=${attrs.providers ?? 'vk google facebook'} view=${attrs.view ?? 'buttons'}></ae-social-login>`,
  );
  await el.updateComplete;
  return el;
}

const buttons = (el: Element): HTMLButtonElement[] => [...el.querySelectorAll<HTMLButtonElement>('.ae-social-button')];
const button = (el: Element, provider: string): HTMLButtonElement => el.querySelector<HTMLButtonElement>(`.ae-social-button[data-provider="${provider}"]`)!;

/** The MemoryAdapter's consent dialog (a shadow root on a host in <body>). */
function consent(): ShadowRoot | null {
  const host = document.querySelector('[data-ae-social-demo]');
  return host?.shadowRoot ?? null;
}

async function answerConsent(choice: 'allow' | 'deny', subject?: string): Promise<void> {
  await waitUntil(() => !!consent()?.querySelector('dialog[open]'), 'the consent dialog is shown', { timeout: 4000 });
  const root = consent()!;
  if (subject) await realClick(root.querySelector<HTMLInputElement>(`input[value="${subject}"]`)!);
  await realClick(root.querySelector<HTMLButtonElement>(`button.${choice}`)!);
}

/** Every secret of the flows so far, searched in events, attributes, text, storage, URL and history. */
async function expectNoSecrets(secrets: string[], when: string): Promise<void> {
  expect(secrets.length, 'the flow had a code and a state').to.be.greaterThan(1);
  for (const s of secrets) expect(await recorder.find(s), `${when}: ${s.slice(0, 6)}… found`).to.deep.equal([]);
}

async function registered(adapter: MemoryAdapterType, email: string): Promise<void> {
  const c = await adapter.getCaptcha();
  await adapter.register({ email, firstName: 'Ivan', lastName: 'Sokolov', password: PASSWORD, captcha: { id: c.id, answer: 'Ab3dE' } });
  await adapter.activate(adapter.outbox.at(-1)!.token);
}

describe('<ae-social-login>', () => {
  afterEach(async () => {
    fixtureCleanup();
    document.querySelectorAll('[data-ae-social-demo]').forEach((n) => n.remove());
    setSession(null);
    recorder.clear();
    await setLocale('en');
  });

  describe('the buttons', () => {
    it('one per provider, in the order of `providers`, each named by its call to action, marks hidden', async () => {
      const { adapter } = server();
      const el = await mount(adapter);
      expect(buttons(el).map((b) => b.dataset.provider)).to.deep.equal(['vk', 'google', 'facebook']);
      expect(buttons(el).map((b) => shownText(b).trim())).to.deep.equal(['Sign in with VK ID', 'Continue with Google', 'Continue with Facebook']);
      for (const b of buttons(el)) expect(b.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(el.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Sign in with a social account');
      expect(el.textContent).to.contain('Register with your e-mail instead');
      el.providers = 'facebook  VK unknown google vk';
      await el.updateComplete;
      expect(buttons(el).map((b) => b.dataset.provider)).to.deep.equal(['facebook', 'vk', 'google']);
    });

    it('a host that cancels ae-social-start runs its own flow: nothing is asked', async () => {
      const { adapter } = server();
      let starts = 0;
      const start = adapter.startSocial.bind(adapter);
      adapter.startSocial = (...a) => {
        starts++;
        return start(...a);
      };
      const el = await mount(adapter);
      const seen: string[] = [];
      el.addEventListener('ae-social-start', (e) => {
        seen.push(e.detail.provider);
        e.preventDefault();
      });
      await realClick(button(el, 'google'));
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).to.deep.equal(['google']);
      expect(starts).to.equal(0);
      expect(consent() === null, 'no consent dialog').to.equal(true);
    });
  });

  describe('with the in-page consent (MemoryAdapter)', () => {
    it('allow, as a Google account it vouches for: the profile form without an e-mail field, then signed in', async () => {
      const { adapter, secrets } = server();
      const el = await mount(adapter);
      const success = oneEvent(el, 'ae-social-success') as Promise<AeSocialSuccessEvent>;
      // The consent is in the page: no window is opened for it, not even an empty one.
      const open = window.open;
      let opened = 0;
      window.open = (...a) => {
        opened++;
        return open.apply(window, a);
      };
      try {
        await realClick(button(el, 'google'));
        await answerConsent('allow', 'google-200001');
      } finally {
        window.open = open;
      }
      expect(opened, 'windows opened').to.equal(0);
      await waitUntil(() => el.querySelector('form.ae-social-profile'), 'the profile form');
      expect(el.querySelector('input[name="email"]') === null, 'the vouched address needs no field').to.equal(true);
      expect(el.textContent).to.contain('maria.georgieva@example.com');
      expect(input(el, 'firstName').value).to.equal('Maria');
      expect(input(el, 'lastName').value).to.equal('Georgieva');
      assertFocused(el.querySelector('.ae-social-profile .ae-social-heading'));
      await realClick(el.querySelector('.ae-submit')!);
      const { detail } = await success;
      expect(Object.keys(detail).sort()).to.deep.equal(['isNew', 'provider', 'userId']);
      expect(detail.provider).to.equal('google');
      expect(detail.isNew).to.equal(true);
      const snap = getSessionSnapshot();
      expect(snap.status).to.equal('signed-in');
      expect(snap.status === 'signed-in' && snap.session.userId === detail.userId).to.equal(true);
      await waitUntil(() => el.querySelector('.ae-success'), 'the signed-in notice');
      expect(el.textContent).to.contain('Hello, Maria!');
      assertFocused(el.querySelector('.ae-success'));
      await expectNoSecrets(secrets, 'after a Google sign-up');
    });

    it('deny: ae-social-error denied, the message, the buttons as they were', async () => {
      const { adapter, secrets } = server();
      const el = await mount(adapter);
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      await realClick(button(el, 'vk'));
      await answerConsent('deny');
      const { detail } = await error;
      expect({ ...detail }).to.deep.equal({ provider: 'vk', code: 'denied' });
      await el.updateComplete;
      expect(el.querySelector('.ae-banner')!.textContent).to.contain('You did not allow access in VK ID');
      expect(buttons(el).length).to.equal(3);
      expect(buttons(el).every((b) => b.getAttribute('aria-disabled') === 'false')).to.equal(true);
      expect(getSessionSnapshot().status).to.not.equal('signed-in');
      expect(secrets.length).to.be.greaterThan(0);
      for (const s of secrets) expect(await recorder.find(s)).to.deep.equal([]);
    });

    it('a VK name in Cyrillic: shown as given, with the passport spelling to accept in one click (ru table in en)', async () => {
      const { adapter, secrets } = server({ socialConsent: 'allow', socialAllowAs: 'vk-100001' });
      const el = await mount(adapter);
      await realClick(button(el, 'vk'));
      await waitUntil(() => el.querySelector('.ae-suggest-both'), 'the suggestion for both names');
      // Never replaced by itself: the fields hold what VK gave.
      expect(input(el, 'firstName').value).to.equal('Юлия');
      expect(input(el, 'lastName').value).to.equal('Щерева');
      expect(input(el, 'email').value, 'VK gave no address').to.equal('');
      expect(errorText(el, 'firstName')).to.contain('Latin');
      const both = findButton(el, 'Use “Iuliia Shchereva”');
      await realClick(both);
      await el.updateComplete;
      expect(input(el, 'firstName').value).to.equal('Iuliia');
      expect(input(el, 'lastName').value).to.equal('Shchereva');
      expect(el.querySelector('.ae-suggest') === null, 'no suggestion left').to.equal(true);
      await typeInto(el, 'email', 'yulia@example.com');
      await realClick(el.querySelector('.ae-submit')!);
      await waitUntil(() => el.querySelector('.ae-success'), 'the letter notice');
      expect(el.querySelector('.ae-success')!.textContent).to.contain('We sent a letter to y***@example.com');
      assertFocused(el.querySelector('.ae-success'));
      const letter = adapter.outbox.at(-1)!;
      expect(letter.to).to.equal('yulia@example.com');
      expect(letter.kind).to.equal('activation');
      expect(getSessionSnapshot().status, 'not signed in before the letter').to.not.equal('signed-in');
      await expectNoSecrets(secrets, 'after a VK sign-up');
    });

    it('in Bulgarian the same name is offered as "Yulia Shtereva", per field too', async () => {
      await setLocale('bg');
      const { adapter } = server({ socialConsent: 'allow', socialAllowAs: 'vk-100001' });
      const el = await mount(adapter);
      await realClick(button(el, 'vk'));
      await waitUntil(() => el.querySelector('.ae-suggest-both'), 'the suggestion');
      expect(shownText(el.querySelector('.ae-suggest-both')!)).to.contain('Yulia Shtereva');
      // After the first name is typed in Latin, the last name keeps its own one-click suggestion.
      input(el, 'firstName').value = '';
      await typeInto(el, 'firstName', 'Yuliya');
      await el.updateComplete;
      expect(el.querySelector('.ae-suggest-both') === null).to.equal(true);
      const one = el.querySelector<HTMLButtonElement>('[data-field="lastName"] .ae-suggest')!;
      expect(shownText(one)).to.contain('Shtereva');
      await realClick(one);
      expect(input(el, 'firstName').value, 'what was typed is kept').to.equal('Yuliya');
      expect(input(el, 'lastName').value).to.equal('Shtereva');
      assertFocused(input(el, 'lastName'));
    });

    it('an address of an existing profile: email_in_use, the password sign-in, then linked; next time signed in at once', async () => {
      const { adapter, secrets } = server({ socialConsent: 'allow', socialAllowAs: 'vk-100002' });
      await registered(adapter, 'ivan.sokolov@vk.example.com');
      const el = await mount(adapter);
      const error = oneEvent(el, 'ae-social-error') as Promise<AeSocialErrorEvent>;
      await realClick(button(el, 'vk'));
      expect({ ...(await error).detail }).to.deep.equal({ provider: 'vk', code: 'email_in_use' });
      await waitUntil(() => el.querySelector('ae-login input[name="password"]'), 'the password sign-in');
      expect(el.textContent).to.contain('i***@vk.example.com');
      assertFocused(el.querySelector('.ae-social-linking .ae-social-heading'));
      const login = el.querySelector('ae-login')!;
      await typeInto(login, 'email', 'ivan.sokolov@vk.example.com');
      await typeInto(login, 'password', PASSWORD);
      const success = oneEvent(el, 'ae-social-success') as Promise<AeSocialSuccessEvent>;
      await sendKeys({ press: 'Enter' });
      const { detail } = await success;
      expect(detail.provider).to.equal('vk');
      expect(detail.isNew).to.equal(false);
      await waitUntil(() => el.querySelector('.ae-success'), 'linked and signed in');
      expect((await adapter.listSocialLinks()).map((l) => l.provider)).to.deep.equal(['vk']);
      // The next VK sign-in needs no password.
      setSession(null);
      await adapter.signOut();
      el.reset();
      await el.updateComplete;
      const again = oneEvent(el, 'ae-social-success') as Promise<AeSocialSuccessEvent>;
      await realClick(button(el, 'vk'));
      expect((await again).detail.isNew).to.equal(false);
      await expectNoSecrets(secrets, 'after linking');
    });
  });

  describe('the linked view', () => {
    it('lists the links, unlinks one, and refuses the last way in with a clear message', async () => {
      const { adapter } = server({ socialConsent: 'allow', socialAllowAs: 'google-200001' });
      // A social-only profile: Google made it, it has no password.
      const s = await adapter.startSocial({ provider: 'google', redirectUri: `${location.origin}/`, mode: 'popup', intent: 'sign-in' });
      if (s.kind !== 'inline') throw new Error('inline expected');
      const cb = await s.authorize();
      const r = await adapter.completeSocial({ provider: 'google', ...cb });
      if (r.status !== 'profile_required') throw new Error(r.status);
      const done = await adapter.completeSocialProfile({ signupToken: r.signupToken, email: 'maria.georgieva@example.com', firstName: 'Maria', lastName: 'Georgieva' });
      if (done.status !== 'signed_in') throw new Error(done.status);
      setSession(done.session);
      const el = await mount(adapter, { view: 'linked' });
      await waitUntil(() => el.querySelector('.ae-social-links'), 'the list');
      const google = el.querySelector('.ae-social-link[data-provider="google"]')!;
      expect(google.textContent).to.contain('Linked: Maria Georgieva');
      expect(el.querySelector('.ae-social-link[data-provider="vk"]')!.textContent).to.contain('Not linked');
      await realClick(findButton(el, 'Unlink Google'));
      await waitUntil(() => el.querySelector('.ae-social-link[data-provider="google"] .ae-error'), 'the refusal');
      expect(el.querySelector('.ae-social-link[data-provider="google"] .ae-error')!.textContent).to.contain('only way to sign in');
      expect((await adapter.listSocialLinks()).length, 'still linked').to.equal(1);
      await expectAccessible(el, 'linked, last way refused');
    });

    it('unlinks a provider of a profile with a password', async () => {
      const { adapter } = server({ socialConsent: 'allow', socialAllowAs: 'vk-100002' });
      await registered(adapter, 'ivan.sokolov@vk.example.com');
      const session = await adapter.signIn({ email: 'ivan.sokolov@vk.example.com', password: PASSWORD, remember: false });
      setSession(session);
      const el = await mount(adapter, { view: 'linked' });
      await waitUntil(() => el.querySelector('.ae-social-links'), 'the list');
      // Link VK from the view (intent: link).
      await realClick(findButton(el, 'Link VK ID'));
      await waitUntil(() => el.textContent!.includes('VK ID is linked'), 'linked');
      const unlinked = oneEvent(el, 'ae-social-unlink');
      await realClick(findButton(el, 'Unlink VK ID'));
      expect((await unlinked).detail.provider).to.equal('vk');
      await waitUntil(() => el.textContent!.includes('VK ID is unlinked'), 'unlinked');
      expect((await adapter.listSocialLinks()).length).to.equal(0);
      assertFocused(findButton(el, 'Link VK ID'));
    });
  });

  describe('keyboard only', () => {
    it('Tab to a button, Enter, the consent by keyboard, the suggestion and the form by keyboard', async () => {
      const { adapter } = server();
      const el = await mount(adapter, { providers: 'vk' });
      button(el, 'vk').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !!consent()?.querySelector('dialog[open]'), 'the consent dialog');
      // Focus is in the dialog on the first identity (Юлия Щерева, no e-mail); Tab to Allow.
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.querySelector('.ae-suggest-both'), 'the profile form');
      assertFocused(el.querySelector('.ae-social-profile .ae-social-heading'));
      await sendKeys({ press: 'Tab' }); // the e-mail field
      await sendKeys({ type: 'yulia@example.com' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' }); // first, last name, then the suggestion for both
      assertFocused(el.querySelector('.ae-suggest-both'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      assertFocused(el.querySelector('.ae-submit'));
      expect(input(el, 'firstName').value).to.equal('Iuliia');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => el.querySelector('.ae-success'), 'the letter notice');
      assertFocused(el.querySelector('.ae-success'));
      expect(adapter.outbox.at(-1)!.to).to.equal('yulia@example.com');
    });
  });

  describe('accessibility', () => {
    for (const locale of LOCALES) {
      it(`axe clean: buttons, Google's looks, the profile form and its errors, the letter (${locale})`, async () => {
        await setLocale(locale);
        const { adapter } = server({ socialConsent: 'allow', socialAllowAs: 'vk-100001' });
        const el = await mount(adapter);
        await expectAccessible(el, `buttons ${locale}`);
        el.setAttribute('google-theme', 'dark');
        await el.updateComplete;
        await expectAccessible(el, `google dark ${locale}`);
        el.setAttribute('google-theme', 'neutral');
        el.setAttribute('divider', 'after');
        await el.updateComplete;
        await expectAccessible(el, `google neutral, divider ${locale}`);
        await realClick(button(el, 'vk'));
        await waitUntil(() => el.querySelector('.ae-suggest-both'), 'the profile form');
        await expectAccessible(el, `profile ${locale}`);
        await realClick(el.querySelector('.ae-submit')!);
        await waitUntil(() => el.querySelector('[data-field="email"] .ae-error'), 'the e-mail error');
        await expectAccessible(el, `profile with errors ${locale}`);
        await realClick(el.querySelector('.ae-suggest-both')!);
        await typeInto(el, 'email', 'yulia@example.com');
        await realClick(el.querySelector('.ae-submit')!);
        await waitUntil(() => el.querySelector('.ae-success'), 'verify');
        await expectAccessible(el, `verify ${locale}`);
      });

      it(`axe clean after a refusal, in the link step, signed in and in the linked view (${locale})`, async () => {
        await setLocale(locale);
        // An error banner and the link step.
        const second = server({ socialConsent: 'deny' });
        const el2 = await mount(second.adapter);
        await realClick(button(el2, 'facebook'));
        await waitUntil(() => el2.querySelector('.ae-banner'), 'the denial');
        await expectAccessible(el2, `denied ${locale}`);
        const third = server({ socialConsent: 'allow', socialAllowAs: 'vk-100002' });
        await registered(third.adapter, 'ivan.sokolov@vk.example.com');
        const el3 = await mount(third.adapter);
        await realClick(button(el3, 'vk'));
        await waitUntil(() => el3.querySelector('ae-login input[name="password"]'), 'the link step');
        await expectAccessible(el3, `link ${locale}`);
        // Signed in, and the linked view (signed out, then with a link and a refusal).
        const fourth = server({ socialConsent: 'allow', socialAllowAs: 'google-200001' });
        const el4 = await mount(fourth.adapter);
        await realClick(button(el4, 'google'));
        await waitUntil(() => el4.querySelector('form.ae-social-profile .ae-submit'), 'the Google profile form');
        await realClick(el4.querySelector('form.ae-social-profile .ae-submit')!);
        await waitUntil(() => el4.querySelector('.ae-success'), 'signed in');
        await expectAccessible(el4, `signed in ${locale}`);
        const linked = await mount(fourth.adapter, { view: 'linked' });
        await waitUntil(() => linked.querySelector('.ae-social-links'), 'the list');
        await realClick(findButton(linked, locale === 'en' ? 'Unlink Google' : /Google/));
        await waitUntil(() => linked.querySelector('.ae-social-link .ae-error'), 'the last-way refusal');
        await expectAccessible(linked, `linked with refusal ${locale}`);
        await fourth.adapter.signOut();
        setSession(null);
        const out = await mount(fourth.adapter, { view: 'linked' });
        await waitUntil(() => out.textContent!.includes('Sign in to see') || out.querySelector('.ae-social-linked') === null, 'the signed-out view');
        expect(out.querySelector('.ae-social-links') === null, 'no list while signed out').to.equal(true);
        await expectAccessible(out, `linked signed out ${locale}`);
      });
    }
  });
});
