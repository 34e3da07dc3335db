import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-register.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { TranslitSystem } from '../src/translit/index.js';
import {
  CAPTCHA_ANSWER,
  VALID,
  attached,
  fillRegister,
  logEvents,
  run,
  slowRegister,
  submit,
} from './helpers.js';
import { words } from './strings.js';

/*
 * Each state story reaches its state from its render function, not from a `play` function: Storybook runs
 * `play` only when a story mounts, while a change of the Locale (or Theme) toolbar re-runs the loaders and the
 * render without it. Driving the state from the render reaches it again, in the new language, every time.
 * Each render gets a fresh MemoryAdapter from the loaders, so no state leaks between stories or renders.
 */

interface Args {
  /** `auto` leaves the attribute out: the system follows the letters typed, then the UI locale. */
  translit: 'auto' | TranslitSystem;
  passwordMinLength: number;
  passwordMaxLength: number;
  afterSuccess: 'activate' | 'message';
  disabled: boolean;
  /** Empty: the story's MemoryAdapter. A URL: an HttpAdapter for a real server. */
  endpoint: string;
}

/** What the loaders prepare for each render. */
interface Loaded {
  /** The backend the element talks to. */
  adapter: AuthAdapter;
  /** The MemoryAdapter behind it, for injecting faults. */
  memory: MemoryAdapter;
}

type Script = (el: AeRegister, loaded: Loaded) => Promise<void>;

const EVENTS = [
  'ae-register-success',
  'ae-register-error',
  'ae-captcha-refresh',
  'ae-activate-success',
  'ae-activation-resent',
  'ae-activate-change-email',
] as const;

function fresh(): Loaded {
  const memory = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER });
  return { adapter: memory, memory };
}

function create(args: Args, loaded: Loaded): AeRegister {
  const el = document.createElement('ae-register');
  if (args.endpoint) el.endpoint = args.endpoint;
  else el.adapter = loaded.adapter;
  if (args.translit !== 'auto') el.translit = args.translit;
  el.passwordMinLength = args.passwordMinLength;
  el.passwordMaxLength = args.passwordMaxLength;
  el.afterSuccess = args.afterSuccess;
  el.disabled = args.disabled;
  logEvents(el, EVENTS);
  return el;
}

/** A render that creates the element and, once it is in the page, runs `script` on it. */
function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AeRegister => {
    const loaded = context.loaded as Loaded;
    const el = create(args, loaded);
    if (script) {
      run(async () => {
        await attached(el);
        await script(el, loaded);
      });
    }
    return el;
  };
}

const meta: Meta<Args> = {
  title: 'Elements/ae-register',
  component: 'ae-register',
  args: {
    translit: 'auto',
    passwordMinLength: 8,
    passwordMaxLength: 128,
    afterSuccess: 'activate',
    disabled: false,
    endpoint: '',
  },
  argTypes: {
    translit: {
      name: 'translit',
      description: 'Passport transliteration for name suggestions; `auto`: from the letters, then the UI locale.',
      control: 'inline-radio',
      options: ['auto', 'bg', 'ru', 'ua'],
    },
    passwordMinLength: {
      name: 'password-min-length',
      description: 'Minimum password length.',
      control: { type: 'number', min: 1, max: 64, step: 1 },
    },
    passwordMaxLength: {
      name: 'password-max-length',
      description: 'Maximum password length.',
      control: { type: 'number', min: 8, max: 256, step: 1 },
    },
    afterSuccess: {
      name: 'after-success',
      description: '`activate`: hand over to `<ae-activate>`; `message`: a short "check your e-mail" text.',
      control: 'inline-radio',
      options: ['activate', 'message'],
    },
    disabled: { description: 'Disables the whole form.', control: 'boolean' },
    endpoint: {
      description: "Base URL of a real server (REST contract). Empty: the story's own MemoryAdapter.",
      control: 'text',
    },
  },
  // A fresh backend for every render; the demo captcha always reads "Ab3dE".
  loaders: [async () => fresh()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** Every attribute as a control; the events go to the Actions panel. The captcha reads "Ab3dE". */
export const Playground: Story = {};

/** The form as a visitor first sees it. */
export const Empty: Story = {};

/** A submit with a half-filled form: the summary at the top links to each field; each field shows its message. */
export const InvalidFields: Story = {
  render: scripted(async (el) => {
    await fillRegister(el, { email: 'maria@', firstName: 'Maria', password: 'short' }, null);
    await submit(el);
  }),
};

/**
 * Names typed in Cyrillic: the message appears at once, with a button offering the passport spelling of the
 * current locale (ru: Iuliia Shchukina, bg: Yulia Shtukina; en falls back to the Russian table).
 */
export const CyrillicName: Story = {
  render: scripted(async (el) => {
    await fillRegister(el, { email: 'yulia@example.com', firstName: 'Юлия', lastName: 'Щукина' }, null);
  }),
};

/** A valid form sent to a server that takes ten minutes: the button says "Creating profile…". */
export const Submitting: Story = {
  loaders: [
    async () => {
      const { memory } = fresh();
      return { memory, adapter: slowRegister(memory, 10 * 60 * 1000) };
    },
  ],
  render: scripted(async (el) => {
    await fillRegister(el);
    await submit(el);
  }),
};

/** The server rejected the captcha answer: a new picture, the answer emptied, "Wrong code, try the new one". */
export const WrongCaptcha: Story = {
  render: scripted(async (el, { memory }) => {
    await fillRegister(el);
    memory.failNext('captcha_invalid', { method: 'register' });
    await submit(el);
  }),
};

/** The address already has a profile: the message sits on the e-mail field, which gets the focus. */
export const EmailTaken: Story = {
  loaders: [
    async () => {
      const loaded = fresh();
      const { id } = await loaded.memory.getCaptcha();
      await loaded.memory.register({
        email: VALID.email,
        firstName: 'Maria',
        lastName: 'Petrova',
        password: 'Other-pass-1',
        captcha: { id, answer: CAPTCHA_ANSWER },
      });
      return loaded;
    },
  ],
  render: scripted(async (el) => {
    await fillRegister(el);
    await submit(el);
  }),
};

/** The server could not be reached: a banner with "Try again"; everything typed is kept. */
export const NetworkError: Story = {
  render: scripted(async (el, { memory }) => {
    await fillRegister(el);
    memory.failNext('network', { method: 'register' });
    await submit(el);
  }),
};

/** The profile was created: the form hands over to `<ae-activate>`, waiting for the letter. */
export const Success: Story = {
  render: scripted(async (el) => {
    await fillRegister(el);
    await submit(el);
  }),
};

/** `after-success="message"`: a short "check your e-mail" text instead of `<ae-activate>`. */
export const SuccessMessage: Story = {
  args: { afterSuccess: 'message' },
  render: scripted(async (el) => {
    await fillRegister(el);
    await submit(el);
  }),
};

/** The whole form disabled. */
export const Disabled: Story = {
  args: { disabled: true },
};

/** Branding through the `header`, `terms` and `footer` slots (their text in the Locale toolbar's language). */
export const WithSlots: Story = {
  render: (args, context) => {
    const el = scripted()(args, context);
    const t = words();
    const header = document.createElement('div');
    header.slot = 'header';
    header.style.cssText = 'display:flex;align-items:center;gap:.5rem;margin-bottom:.5rem';
    header.innerHTML = `<span aria-hidden="true" style="display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:50%;background:#d1142c;color:#fff;font-weight:700">M</span>
      <strong style="font-size:1.25rem">Marketplace</strong>`;
    const terms = document.createElement('p');
    terms.slot = 'terms';
    terms.style.fontSize = '.85rem';
    const [before, link, after] = t.termsWithLink.split(/\[|\]/);
    const termsLink = Object.assign(document.createElement('a'), { href: '#terms', textContent: link });
    terms.append(before, termsLink, after);
    const footer = document.createElement('p');
    footer.slot = 'footer';
    footer.style.fontSize = '.85rem';
    footer.append(`${t.haveProfile} `, Object.assign(document.createElement('a'), { href: '#sign-in', textContent: t.signIn }));
    el.prepend(header, terms, footer);
    return el;
  },
};
