/**
 * MemoryAdapter's social capability (issue 16): the in-page consent step, every answer of completeSocial and
 * completeSocialProfile, linking after the password sign-in, unlinking rules, and the OAuth checks a backend
 * owes (state bound to the device, single-use expiring codes, VK's device_id).
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import { DEMO_SOCIAL_IDENTITIES } from '../src/adapter/memory-social.js';
import type {
  MemorySocialIdentity,
  MemorySocialOptions,
  SocialCompletion,
  SocialProvider,
  SocialStartInline,
  StartSocialInput,
} from '../src/adapter/social-types.js';
import { readSocialCallback } from '../src/adapter/social-types.js';
import { setLocale } from '../src/locales/localization.js';
import { adapterError, rejection } from './helpers/adapter.js';
import { expectAccessible } from './helpers/axe.js';
import { findButton, realClick } from './helpers/dom.js';
import { installLeakRecorder } from './helpers/secrets.js';

// Before the adapter's social module and its dialog load: console, events, history, URLs from the start.
const recorder = installLeakRecorder();

const START = Date.UTC(2026, 11, 1, 12, 0, 0);
const MINUTE = 60_000;
const PASSWORD = 'Social-2026-pass';
const REDIRECT = `${location.origin}/social/callback`;
const YULIA = DEMO_SOCIAL_IDENTITIES.vk[0];
const SOKOLOV = DEMO_SOCIAL_IDENTITIES.vk[1];
const MARIA = DEMO_SOCIAL_IDENTITIES.google[0];
const PETROV = DEMO_SOCIAL_IDENTITIES.google[1];
const GEORGI = DEMO_SOCIAL_IDENTITIES.facebook[0];

function setup(options: MemorySocialOptions & MemoryAdapterOptions = {}) {
  let time = START;
  const all: MemorySocialOptions & MemoryAdapterOptions = {
    now: () => time,
    latency: 0,
    users: [{ email: 'ivan.petrov@example.com', password: PASSWORD, firstName: 'Ivan', lastName: 'Petrov' }],
    ...options,
  };
  const adapter = new MemoryAdapter(all as MemoryAdapterOptions);
  return {
    adapter,
    advance(ms: number) {
      time += ms;
    },
  };
}

async function start(adapter: MemoryAdapter, provider: SocialProvider, extra: Partial<StartSocialInput> = {}): Promise<SocialStartInline> {
  const started = await adapter.startSocial({ provider, redirectUri: REDIRECT, mode: 'popup', intent: 'sign-in', ...extra });
  expect(started.kind).to.equal('inline');
  return started as SocialStartInline;
}

/** A whole flow, consenting as `identity`. */
async function social(adapter: MemoryAdapter, provider: SocialProvider, identity: MemorySocialIdentity, extra: Partial<StartSocialInput> = {}): Promise<SocialCompletion> {
  const flow = await start(adapter, provider, extra);
  const callback = await flow.authorize(undefined, identity);
  return adapter.completeSocial({ provider, flowId: flow.flowId, ...callback });
}

function dialogRoot(): ShadowRoot | null {
  return document.querySelector('[data-ae-social-demo]')?.shadowRoot ?? null;
}

async function dialogShown(): Promise<ShadowRoot> {
  // The dialog's module is loaded on first use: allow for a busy machine.
  for (let i = 0; i < 500; i++) {
    const root = dialogRoot();
    if (root?.querySelector('dialog')?.open) return root;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the consent dialog did not open');
}

describe('MemoryAdapter social sign-in', () => {
  afterEach(async () => {
    await setLocale('en');
    document.querySelectorAll('[data-ae-social-demo]').forEach((n) => n.remove());
  });

  describe('when a flow starts', () => {
    it('answers an inline flow with a state and no secret, and checks its input', async () => {
      const { adapter } = setup();
      const flow = await start(adapter, 'vk');
      expect(flow.state).to.match(/^[A-Za-z0-9]{32}$/);
      expect(flow.flowId).to.match(/^sf_/);
      expect(flow.expiresAt).to.equal(START + 10 * MINUTE);
      expect(Object.keys(flow).sort().join()).to.equal('authorize,expiresAt,flowId,kind,state');
      const other = await start(adapter, 'vk');
      expect(other.state === flow.state).to.equal(false);
      const wrongUri = await adapterError(start(adapter, 'vk', { redirectUri: 'https://evil.example/cb' }), 'validation');
      expect(wrongUri.fieldErrors).to.deep.equal({ redirectUri: 'redirectUri.unknown' });
      await adapterError(start(adapter, 'vk', { redirectUri: `${location.origin}/cb#x` }), 'validation');
      await adapterError(start(adapter, 'myspace' as SocialProvider), 'unsupported');
      await adapterError(start(adapter, 'google', { intent: 'link' }), 'forbidden');
    });

    it('accepts only the registered redirect URIs when they are configured', async () => {
      const { adapter } = setup({ socialRedirectUris: ['https://shop.example/cb'] });
      await start(adapter, 'google', { redirectUri: 'https://shop.example/cb' });
      await adapterError(start(adapter, 'google', { redirectUri: 'https://shop.example/cb/' }), 'validation');
      await adapterError(start(adapter, 'google', { redirectUri: REDIRECT }), 'validation');
    });
  });

  describe('the consent step in the page', () => {
    it('is a modal dialog named by its heading that offers the demo identities; Allow answers a VK code with a device_id', async () => {
      const { adapter } = setup();
      const opener = document.createElement('button');
      opener.textContent = 'Sign in with VK ID';
      document.body.append(opener);
      opener.focus();
      try {
        const flow = await start(adapter, 'vk');
        const answer = flow.authorize();
        const root = await dialogShown();
        const dialog = root.querySelector('dialog')!;
        const title = root.getElementById(dialog.getAttribute('aria-labelledby')!)!;
        expect(title.textContent).to.equal('VK ID (demo)');
        expect(root.getElementById(dialog.getAttribute('aria-describedby')!)!.textContent).to.contain('asks for your name and e-mail');
        const labels = [...root.querySelectorAll('label')].map((l) => l.textContent);
        expect(labels).to.deep.equal(['Юлия Щереваno e-mail address', 'Иван Соколовivan.sokolov@vk.example.com']);
        // Focus is inside, on the chosen identity; the keyboard picks the second and allows.
        expect(root.activeElement === root.querySelector('input:checked')).to.equal(true);
        await sendKeys({ press: 'ArrowDown' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        expect(root.activeElement === findButton(root, 'Allow')).to.equal(true);
        await sendKeys({ press: 'Enter' });
        const callback = await answer;
        expect(callback.state).to.equal(flow.state);
        expect(callback.code).to.match(/^[A-Za-z0-9]{32}$/);
        expect(callback.deviceId).to.match(/^[A-Za-z0-9]{16}$/);
        expect(dialogRoot()).to.equal(null);
        expect(document.activeElement === opener).to.equal(true);
        const done = await adapter.completeSocial({ provider: 'vk', ...callback });
        expect(done.status).to.equal('profile_required');
        if (done.status === 'profile_required') expect(done.profile.lastName).to.equal(SOKOLOV.lastName);
      } finally {
        opener.remove();
      }
    });

    it('Deny (a real click) and Escape reject denied and forget the flow', async () => {
      const { adapter } = setup();
      const flow = await start(adapter, 'google');
      const answer = rejection(flow.authorize());
      const root = await dialogShown();
      await realClick(findButton(root, 'Deny'));
      expect((await answer as { code?: string }).code).to.equal('denied');
      await adapterError(adapter.completeSocial({ provider: 'google', state: flow.state, code: 'x' }), 'state_mismatch');

      const second = await start(adapter, 'facebook');
      const escaped = rejection(second.authorize());
      await dialogShown();
      await sendKeys({ press: 'Escape' });
      expect((await escaped as { code?: string }).code).to.equal('denied');
      expect(dialogRoot()).to.equal(null);
    });

    it('goes away when the call is aborted', async () => {
      const { adapter } = setup();
      const flow = await start(adapter, 'vk');
      const controller = new AbortController();
      const answer = rejection(flow.authorize(controller.signal));
      await dialogShown();
      controller.abort();
      expect((await answer as Error).name).to.equal('AbortError');
      expect(dialogRoot()).to.equal(null);
    });

    for (const locale of ['en', 'ru', 'bg'] as const) {
      it(`is accessible (${locale})`, async () => {
        await setLocale(locale);
        const { adapter } = setup();
        const flow = await start(adapter, 'vk');
        const controller = new AbortController();
        const answer = rejection(flow.authorize(controller.signal));
        await dialogShown();
        await expectAccessible(document.querySelector('[data-ae-social-demo]')!, `consent dialog ${locale}`);
        controller.abort();
        await answer;
      });
    }

    it('is accessible in the dark scheme too', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { adapter } = setup();
        const flow = await start(adapter, 'google');
        const controller = new AbortController();
        const answer = rejection(flow.authorize(controller.signal));
        const root = await dialogShown();
        expect(getComputedStyle(root.querySelector('dialog')!).backgroundColor).to.equal('rgb(31, 34, 39)');
        await expectAccessible(document.querySelector('[data-ae-social-demo]')!, 'consent dialog dark');
        controller.abort();
        await answer;
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('answers at once with socialConsent allow (as socialAllowAs) or deny', async () => {
      const allowing = setup({ socialConsent: 'allow', socialAllowAs: PETROV.subject }).adapter;
      const flow = await start(allowing, 'google');
      const done = await allowing.completeSocial({ provider: 'google', ...(await flow.authorize()) });
      expect(done.status).to.equal('link_required');
      const denying = setup({ socialConsent: 'deny' }).adapter;
      await adapterError((await start(denying, 'vk')).authorize(), 'denied');
      expect(dialogRoot()).to.equal(null);
    });
  });

  describe('a new person', () => {
    it('VK without an e-mail: profile_required with the Cyrillic names; Cyrillic is refused, Latin and a typed address answer verify_email', async () => {
      const { adapter } = setup();
      const done = await social(adapter, 'vk', YULIA);
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile).to.deep.equal({ emailVerified: false, firstName: 'Юлия', lastName: 'Щерева' });
      expect(done.expiresAt).to.equal(START + 30 * MINUTE);
      const refused = await adapterError(
        adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'yulia@example.com', firstName: 'Юлия', lastName: 'Щерева' }),
        'validation',
      );
      expect(refused.fieldErrors).to.deep.equal({ firstName: 'name.cyrillic', lastName: 'name.cyrillic' });
      const missing = await adapterError(adapter.completeSocialProfile({ signupToken: done.signupToken, email: '', firstName: 'Yulia', lastName: 'Shtereva' }), 'validation');
      expect(Object.keys(missing.fieldErrors ?? {})).to.deep.equal(['email']);
      const created = await adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'yulia@example.com', firstName: 'Yulia', lastName: 'Shtereva' });
      expect(created).to.deep.equal({ status: 'verify_email', email: 'yulia@example.com', provider: 'vk' });
      expect(await adapter.getSession()).to.equal(null);
      const letter = adapter.outbox.at(-1)!;
      expect(letter.kind).to.equal('activation');
      expect(letter.to).to.equal('yulia@example.com');
      // The token is spent.
      await adapterError(adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'y2@example.com', firstName: 'Yulia', lastName: 'Shtereva' }), 'token_invalid');
      // Before the activation the VK sign-in says so; after it, it signs in.
      await adapterError(social(adapter, 'vk', YULIA), 'not_activated');
      await adapter.activate(letter.token);
      const again = await social(adapter, 'vk', YULIA);
      if (again.status !== 'signed_in') throw new Error(again.status);
      expect(again.isNew).to.equal(false);
      expect(again.session).to.deep.equal({ userId: again.session.userId, email: 'yulia@example.com', firstName: 'Yulia', lastName: 'Shtereva' });
      expect((await adapter.getSession())?.userId).to.equal(again.session.userId);
    });

    it('VK with its own e-mail still answers verify_email (VK does not vouch for it)', async () => {
      const { adapter } = setup();
      const done = await social(adapter, 'vk', SOKOLOV);
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile.email).to.equal(SOKOLOV.email);
      expect(done.profile.emailVerified).to.equal(false);
      const created = await adapter.completeSocialProfile({ signupToken: done.signupToken, email: SOKOLOV.email!, firstName: 'Ivan', lastName: 'Sokolov' });
      expect(created.status).to.equal('verify_email');
    });

    it('Google with its verified address signs in at once (isNew); another address is verified by our letter', async () => {
      const { adapter } = setup();
      const done = await social(adapter, 'google', MARIA, { remember: true });
      if (done.status !== 'profile_required') throw new Error(done.status);
      expect(done.profile).to.deep.equal({ email: MARIA.email, emailVerified: true, firstName: 'Maria', lastName: 'Georgieva' });
      const letters = adapter.outbox.length;
      const created = await adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'Maria.Georgieva@Example.com', firstName: 'Maria', lastName: 'Georgieva' });
      if (created.status !== 'signed_in') throw new Error(created.status);
      expect(created.isNew).to.equal(true);
      expect(created.session.email).to.equal('Maria.Georgieva@Example.com');
      expect(adapter.outbox.length).to.equal(letters);
      expect((await adapter.getSession())?.userId).to.equal(created.session.userId);

      const other = setup().adapter;
      const second = await social(other, 'google', MARIA);
      if (second.status !== 'profile_required') throw new Error(second.status);
      const typed = await other.completeSocialProfile({ signupToken: second.signupToken, email: 'maria@example.net', firstName: 'Maria', lastName: 'Georgieva' });
      expect(typed.status).to.equal('verify_email');
    });

    it('a typed address of an existing profile answers link_required', async () => {
      const { adapter } = setup();
      const done = await social(adapter, 'facebook', GEORGI);
      if (done.status !== 'profile_required') throw new Error(done.status);
      const answer = await adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'IVAN.PETROV@example.com', firstName: 'Georgi', lastName: 'Dimitrov' });
      if (answer.status !== 'link_required') throw new Error(answer.status);
      expect(answer.email).to.equal('i***@example.com');
      expect(answer.provider).to.equal('facebook');
    });
  });

  describe('an address that belongs to a profile', () => {
    it('answers link_required (masked), links only after that profile signs in with its password, then signs in through Google', async () => {
      const { adapter } = setup();
      const done = await social(adapter, 'google', PETROV);
      if (done.status !== 'link_required') throw new Error(done.status);
      expect(done.email).to.equal('i***@example.com');
      expect(JSON.stringify(done)).not.to.contain('ivan.petrov');
      expect(await adapter.getSession()).to.equal(null);
      await adapterError(adapter.linkSocial({ linkToken: done.linkToken }), 'forbidden');
      const session = await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      const links = await adapter.linkSocial({ linkToken: done.linkToken });
      expect(links).to.deep.equal([{ provider: 'google', linkedAt: START, displayName: 'Ivan Petrov' }]);
      await adapterError(adapter.linkSocial({ linkToken: done.linkToken }), 'token_invalid');
      await adapter.signOut();
      const again = await social(adapter, 'google', PETROV);
      if (again.status !== 'signed_in') throw new Error(again.status);
      expect(again.session.userId).to.equal(session.userId);
    });

    it('refuses the link for another signed-in profile, and an expired link token', async () => {
      const { adapter, advance } = setup({
        users: [
          { email: 'ivan.petrov@example.com', password: PASSWORD, firstName: 'Ivan', lastName: 'Petrov' },
          { email: 'other@example.com', password: PASSWORD, firstName: 'Other', lastName: 'Person' },
        ],
      });
      const done = await social(adapter, 'google', PETROV);
      if (done.status !== 'link_required') throw new Error(done.status);
      await adapter.signIn({ email: 'other@example.com', password: PASSWORD, remember: false });
      await adapterError(adapter.linkSocial({ linkToken: done.linkToken }), 'forbidden');
      await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      advance(30 * MINUTE);
      await adapterError(adapter.linkSocial({ linkToken: done.linkToken }), 'token_expired');
    });
  });

  describe('linked providers', () => {
    it('intent link adds a provider to the signed-in profile; a social account of another profile is refused', async () => {
      const { adapter } = setup();
      await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      const linked = await social(adapter, 'vk', YULIA, { intent: 'link' });
      if (linked.status !== 'linked') throw new Error(linked.status);
      expect(linked.links.map((l) => l.displayName)).to.deep.equal(['Юлия Щерева']);
      // Twice is harmless.
      expect((await social(adapter, 'vk', YULIA, { intent: 'link' })).status).to.equal('linked');
      const other = adapter.newDevice();
      const created = await social(other, 'google', MARIA);
      if (created.status !== 'profile_required') throw new Error(created.status);
      await other.completeSocialProfile({ signupToken: created.signupToken, email: MARIA.email!, firstName: 'Maria', lastName: 'Georgieva' });
      await adapterError(social(adapter, 'google', MARIA, { intent: 'link' }), 'forbidden');
    });

    it('a link flow completed after signing out, or as another profile, is refused', async () => {
      const { adapter } = setup();
      await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      const flow = await start(adapter, 'vk', { intent: 'link' });
      const callback = await flow.authorize(undefined, YULIA);
      await adapter.signOut();
      await adapterError(adapter.completeSocial({ provider: 'vk', ...callback }), 'forbidden');
      expect(await adapter.getSession()).to.equal(null);
    });

    it('lists and unlinks; the last way into a profile without a password stays', async () => {
      const { adapter } = setup({ socialConsent: 'allow' });
      await adapterError(adapter.listSocialLinks(), 'forbidden');
      await adapterError(adapter.unlinkSocial('vk'), 'forbidden');
      const done = await social(adapter, 'google', MARIA);
      if (done.status !== 'profile_required') throw new Error(done.status);
      await adapter.completeSocialProfile({ signupToken: done.signupToken, email: MARIA.email!, firstName: 'Maria', lastName: 'Georgieva' });
      expect((await adapter.listSocialLinks()).map((l) => l.provider)).to.deep.equal(['google']);
      await adapterError(adapter.unlinkSocial('google'), 'last_sign_in_method');
      await adapterError(adapter.unlinkSocial('vk'), 'not_found');
      await adapterError(adapter.unlinkSocial('orkut' as SocialProvider), 'unsupported');
      await social(adapter, 'vk', YULIA, { intent: 'link' });
      expect((await adapter.listSocialLinks()).map((l) => l.provider)).to.deep.equal(['google', 'vk']);
      expect((await adapter.unlinkSocial('google')).map((l) => l.provider)).to.deep.equal(['vk']);
      await adapterError(adapter.unlinkSocial('vk'), 'last_sign_in_method');
      // A profile with a password may unlink its only provider.
      await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      await social(adapter, 'facebook', GEORGI, { intent: 'link' });
      expect(await adapter.unlinkSocial('facebook')).to.deep.equal([]);
    });

    it('are the same on every device of the adapter, and reset() forgets them', async () => {
      const { adapter } = setup();
      await adapter.signIn({ email: 'ivan.petrov@example.com', password: PASSWORD, remember: false });
      await social(adapter, 'vk', YULIA, { intent: 'link' });
      const phone = adapter.newDevice();
      const there = await social(phone, 'vk', YULIA);
      if (there.status !== 'signed_in') throw new Error(there.status);
      expect(there.session.email).to.equal('ivan.petrov@example.com');
      adapter.reset();
      expect((await social(adapter.newDevice(), 'vk', YULIA)).status).to.equal('profile_required');
    });
  });

  describe('the checks of the callback', () => {
    it('state_mismatch for an unknown state, another device\'s flow, another provider or flow id; the flow is gone after one callback', async () => {
      const { adapter } = setup();
      const flow = await start(adapter, 'google');
      const callback = await flow.authorize(undefined, MARIA);
      await adapterError(adapter.completeSocial({ provider: 'google', ...callback, state: 'X'.repeat(32) }), 'state_mismatch');
      await adapterError(adapter.newDevice().completeSocial({ provider: 'google', ...callback }), 'state_mismatch');
      await adapterError(adapter.completeSocial({ provider: 'facebook', ...callback }), 'state_mismatch');
      await adapterError(adapter.completeSocial({ provider: 'google', flowId: 'sf_other', ...callback }), 'state_mismatch');
      expect((await adapter.completeSocial({ provider: 'google', ...callback })).status).to.equal('profile_required');
      await adapterError(adapter.completeSocial({ provider: 'google', ...callback }), 'state_mismatch');
    });

    it('token_invalid for a code spent or issued for another flow, and for a wrong code (the flow ends either way)', async () => {
      const { adapter } = setup();
      const first = await start(adapter, 'google');
      const spent = await first.authorize(undefined, MARIA);
      await adapter.completeSocial({ provider: 'google', ...spent });
      const second = await start(adapter, 'google');
      await adapterError(adapter.completeSocial({ provider: 'google', state: second.state, code: spent.code }), 'token_invalid');
      await adapterError(adapter.completeSocial({ provider: 'google', state: second.state, code: spent.code }), 'state_mismatch');
      const third = await start(adapter, 'google');
      const fourth = await start(adapter, 'google');
      const other = await fourth.authorize(undefined, MARIA);
      await adapterError(adapter.completeSocial({ provider: 'google', state: third.state, code: other.code }), 'token_invalid');
      const fifth = await start(adapter, 'google');
      await adapterError(adapter.completeSocial({ provider: 'google', state: fifth.state, code: 'not-a-code' }), 'token_invalid');
      await adapterError(adapter.completeSocial({ provider: 'google', state: (await start(adapter, 'google')).state }), 'token_invalid');
    });

    it('VK: the device_id of the callback is required and must be the code\'s', async () => {
      const { adapter } = setup();
      const a = await start(adapter, 'vk');
      const { deviceId: _dropped, ...withoutDevice } = await a.authorize(undefined, YULIA);
      const missing = await adapterError(adapter.completeSocial({ provider: 'vk', ...withoutDevice }), 'validation');
      expect(missing.fieldErrors).to.deep.equal({ deviceId: 'deviceId.required' });
      const b = await start(adapter, 'vk');
      const callback = await b.authorize(undefined, YULIA);
      await adapterError(adapter.completeSocial({ provider: 'vk', ...callback, deviceId: 'someoneElse0000' }), 'token_invalid');
    });

    it('token_expired for an old code, an old flow and an old sign-up token', async () => {
      const { adapter, advance } = setup({ socialCodeTtlMs: 30_000 });
      const a = await start(adapter, 'google');
      const code = await a.authorize(undefined, MARIA);
      advance(30_000);
      await adapterError(adapter.completeSocial({ provider: 'google', ...code }), 'token_expired');
      const b = await start(adapter, 'google');
      advance(10 * MINUTE);
      await adapterError(b.authorize(undefined, MARIA), 'token_expired');
      const c = await start(adapter, 'google');
      const late = await c.authorize(undefined, MARIA);
      advance(10 * MINUTE);
      await adapterError(adapter.completeSocial({ provider: 'google', ...late }), 'token_expired');
      const done = await social(adapter, 'google', MARIA);
      if (done.status !== 'profile_required') throw new Error(done.status);
      advance(30 * MINUTE);
      await adapterError(adapter.completeSocialProfile({ signupToken: done.signupToken, email: MARIA.email!, firstName: 'Maria', lastName: 'Georgieva' }), 'token_expired');
    });

    it('a provider error in the callback: denied for access_denied, server otherwise', async () => {
      const { adapter } = setup();
      const a = await start(adapter, 'facebook');
      await adapterError(adapter.completeSocial({ provider: 'facebook', state: a.state, error: 'access_denied' }), 'denied');
      const b = await start(adapter, 'facebook');
      await adapterError(adapter.completeSocial({ provider: 'facebook', state: b.state, error: 'server_error' }), 'server');
    });

    it('an injected fault fails the call before it touches the flow, so a retry completes it', async () => {
      const { adapter } = setup();
      const flow = await start(adapter, 'google');
      const callback = await flow.authorize(undefined, MARIA);
      adapter.failNext('network', { method: 'completeSocial' });
      await adapterError(adapter.completeSocial({ provider: 'google', ...callback }), 'network');
      expect((await adapter.completeSocial({ provider: 'google', ...callback })).status).to.equal('profile_required');
      adapter.failNext('server', { method: 'startSocial' });
      await adapterError(start(adapter, 'vk'), 'server');
    });
  });

  describe('secrets', () => {
    it('the code, the device_id and the sign-up token are nowhere a page script could read after a flow through the dialog', async () => {
      recorder.clear();
      const { adapter } = setup();
      const flow = await start(adapter, 'vk');
      const answer = flow.authorize();
      await realClick(findButton(await dialogShown(), 'Allow'));
      const callback = await answer;
      const done = await adapter.completeSocial({ provider: 'vk', ...callback });
      if (done.status !== 'profile_required') throw new Error(done.status);
      await adapter.completeSocialProfile({ signupToken: done.signupToken, email: 'yulia@example.com', firstName: 'Yulia', lastName: 'Shtereva' });
      for (const secret of [callback.code, callback.deviceId!, done.signupToken]) expect(await recorder.find(secret)).to.deep.equal([]);
    });
  });

  describe('readSocialCallback', () => {
    it('reads code, state and VK\'s device_id, or the provider\'s error', () => {
      expect(readSocialCallback(new URLSearchParams('code=c1&state=s1&device_id=d1&type=code_v2&expires_in=600'))).to.deep.equal({ code: 'c1', state: 's1', deviceId: 'd1' });
      expect(readSocialCallback(new URLSearchParams('code=c1&state=s1'))).to.deep.equal({ code: 'c1', state: 's1' });
      expect(readSocialCallback(new URLSearchParams('error=access_denied&state=s1'))).to.deep.equal({ error: 'access_denied', state: 's1' });
      expect(readSocialCallback(new URLSearchParams('code=c1'))).to.equal(null);
      expect(readSocialCallback(new URLSearchParams('q=1'))).to.equal(null);
    });
  });
});
