import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-social-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { MemorySocialOptions } from '../src/adapter/social-types.js';
import type { AeSocialLogin } from '../src/components/social-login/social-login.js';
import { setSession } from '../src/session/session-store.js';
import { CAPTCHA_ANSWER, attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Every state of <ae-social-login> on MemoryAdapter's simulated providers (their consent is a dialog in the
 * page; no network, no popup). Each state is reached from the render function, so the Locale and Theme
 * toolbars reach it again in en, ru and bg. Demo identities: VK ID "Юлия Щерева" (no e-mail) and "Иван
 * Соколов" (ivan.sokolov@vk.example.com), Google "Maria Georgieva" (vouched address), Facebook "Георги Димитров".
 */

const PASSWORD = 'Sekret-2026';
const EVENTS = ['ae-social-start', 'ae-social-success', 'ae-social-error', 'ae-social-unlink', 'ae-session-change'] as const;

interface Args {
  providers: string;
  mode: 'popup' | 'redirect';
  popupBlocked: 'redirect' | 'tell';
  googleTheme: '' | 'light' | 'dark' | 'neutral';
  divider: 'before' | 'after' | 'none';
  disabled: boolean;
}

type Options = MemoryAdapterOptions & MemorySocialOptions;

async function fresh(options: Options = {}, existing = false): Promise<{ memory: MemoryAdapter }> {
  setSession(null);
  const memory = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, latency: [150, 300], ...options } as MemoryAdapterOptions);
  if (existing) {
    const { id } = await memory.getCaptcha();
    await memory.register({ email: 'ivan.sokolov@vk.example.com', firstName: 'Ivan', lastName: 'Sokolov', password: PASSWORD, captcha: { id, answer: CAPTCHA_ANSWER } });
    await memory.activate(memory.outbox.at(-1)!.token);
  }
  return { memory };
}

type Script = (el: AeSocialLogin, memory: MemoryAdapter) => Promise<void>;

function scripted(script?: Script, view: 'buttons' | 'linked' = 'buttons') {
  return (args: Args, context: StoryContext<Args>): AeSocialLogin => {
    const { memory } = context.loaded as { memory: MemoryAdapter };
    const el = document.createElement('ae-social-login');
    el.adapter = memory;
    el.providers = args.providers;
    el.mode = args.mode;
    el.popupBlocked = args.popupBlocked;
    if (args.googleTheme) el.googleTheme = args.googleTheme;
    el.divider = args.divider;
    el.disabled = args.disabled;
    el.view = view;
    logEvents(el, EVENTS);
    if (script) {
      run(async () => {
        await attached(el);
        await el.updateComplete;
        await script(el, memory);
      });
    }
    return el;
  };
}

const press = async (el: AeSocialLogin, provider: string): Promise<void> => {
  await el.updateComplete;
  el.querySelector<HTMLButtonElement>(`.ae-social-button[data-provider="${provider}"]`)?.click();
};

const meta: Meta<Args> = {
  title: 'Elements/ae-social-login',
  component: 'ae-social-login',
  args: { providers: 'vk google facebook', mode: 'popup', popupBlocked: 'redirect', googleTheme: '', divider: 'none', disabled: false },
  argTypes: {
    providers: { description: 'Which providers, in which order.', control: 'text' },
    mode: { control: 'inline-radio', options: ['popup', 'redirect'] },
    popupBlocked: { control: 'inline-radio', options: ['redirect', 'tell'] },
    googleTheme: { description: 'Google’s button: light, dark or neutral (unset: the color scheme).', control: 'inline-radio', options: ['', 'light', 'dark', 'neutral'] },
    divider: { control: 'inline-radio', options: ['none', 'before', 'after'] },
    disabled: { control: 'boolean' },
  },
  loaders: [async () => fresh()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** The three buttons and the privacy note. Press one: the simulated provider asks in the page. */
export const Buttons: Story = {};

/** Google's dark button, VK ID and Google only, with the "or with e-mail" divider after them. */
export const GoogleDarkTwoProviders: Story = { args: { providers: 'google vk', googleTheme: 'dark', divider: 'after' } };

/** Google's neutral button. */
export const GoogleNeutral: Story = { args: { providers: 'google', googleTheme: 'neutral' } };

/** The simulated provider's consent step (VK ID), waiting for Allow or Deny. */
export const Consent: Story = { render: scripted((el) => press(el, 'vk')) };

/** The person pressed Deny: nothing changed, the message says so. */
export const Denied: Story = {
  loaders: [async () => fresh({ socialConsent: 'deny' })],
  render: scripted((el) => press(el, 'facebook')),
};

/** A new person from VK ID: "Юлия Щерева", no e-mail; the passport spelling to accept in one click. */
export const ProfileCyrillic: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'vk-100001' })],
  render: scripted((el) => press(el, 'vk')),
};

/** The same form after "Create profile" with nothing fixed: every message. */
export const ProfileErrors: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'vk-100001' })],
  render: scripted(async (el) => {
    await press(el, 'vk');
    await waitFor(() => !!el.querySelector('form.ae-social-profile .ae-submit'), 'the profile form');
    el.querySelector<HTMLFormElement>('form.ae-social-profile')!.requestSubmit();
  }),
};

/** A new person from Google: the address is vouched for, no e-mail field. */
export const ProfileGoogle: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'google-200001' })],
  render: scripted((el) => press(el, 'google')),
};

/** The profile exists and waits for its letter (a VK address nobody vouched for). */
export const VerifyEmail: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'vk-100001' })],
  render: scripted(async (el) => {
    await press(el, 'vk');
    await waitFor(() => !!el.querySelector('.ae-suggest-both'), 'the suggestion');
    el.querySelector<HTMLButtonElement>('.ae-suggest-both')!.click();
    const email = el.querySelector<HTMLInputElement>('form.ae-social-profile input[name="email"]')!;
    email.value = 'yulia@example.com';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.querySelector<HTMLFormElement>('form.ae-social-profile')!.requestSubmit();
  }),
};

/** The VK address belongs to an existing profile: its password first, then VK ID is linked (Sekret-2026). */
export const LinkRequired: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'vk-100002' }, true)],
  render: scripted((el) => press(el, 'vk')),
};

/** Signed in through Google (a profile made a moment ago). */
export const SignedIn: Story = {
  loaders: [async () => fresh({ socialConsent: 'allow', socialAllowAs: 'google-200001' })],
  render: scripted(async (el) => {
    await press(el, 'google');
    await waitFor(() => !!el.querySelector('form.ae-social-profile .ae-submit'), 'the profile form');
    el.querySelector<HTMLFormElement>('form.ae-social-profile')!.requestSubmit();
  }),
};

/** The linked view of a profile made through Google (no password): unlinking Google is refused. */
export const Linked: Story = {
  loaders: [
    async () => {
      const { memory } = await fresh({ socialConsent: 'allow', socialAllowAs: 'google-200001' });
      const s = await memory.startSocial({ provider: 'google', redirectUri: `${location.origin}${location.pathname}`, mode: 'popup', intent: 'sign-in' });
      if (s.kind === 'inline') {
        const r = await memory.completeSocial({ provider: 'google', ...(await s.authorize()) });
        if (r.status === 'profile_required') {
          const done = await memory.completeSocialProfile({ signupToken: r.signupToken, email: 'maria.georgieva@example.com', firstName: 'Maria', lastName: 'Georgieva' });
          if (done.status === 'signed_in') setSession(done.session);
        }
      }
      return { memory };
    },
  ],
  render: scripted(async (el) => {
    await waitFor(() => !!el.querySelector('.ae-social-links'), 'the list');
  }, 'linked'),
};

/** The linked view after "Unlink Google": the last way to sign in stays, and the row says why. */
export const LinkedLastWay: Story = {
  loaders: Linked.loaders!,
  render: scripted(async (el) => {
    await waitFor(() => !!el.querySelector('.ae-social-links'), 'the list');
    [...el.querySelectorAll<HTMLButtonElement>('.ae-social-link .ae-button')].find((b) => b.textContent!.includes('Google'))?.click();
  }, 'linked'),
};

/** The linked view while nobody is signed in. */
export const LinkedSignedOut: Story = { render: scripted(undefined, 'linked') };
