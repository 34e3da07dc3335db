import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-reset-password.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { CallOptions, PasswordResetCapability } from '../src/adapter/types.js';
import type { AeResetPassword } from '../src/components/reset-password/reset-password.js';
import { CAPTCHA_ANSWER, attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Each state story reaches its state from its render function (see register.stories.ts): a change of the
 * Locale toolbar re-runs the loaders and the render, so the state is reached again in the new language.
 * Every render gets a fresh MemoryAdapter with Maria's profile and a reset letter, whose token the element gets
 * as its `token` (the page of a real letter would use `token-from-url`).
 */

interface Args {
  passwordMinLength: number;
  disabled: boolean;
}

interface Loaded {
  adapter: PasswordResetCapability;
  memory: MemoryAdapter;
  /** The token the element gets; none for the "no link" state. */
  token?: string;
}

type Script = (el: AeResetPassword, loaded: Loaded) => Promise<void>;

const EMAIL = 'maria.ivanova@example.com';
const NEW_PASSWORD = 'Lipa-garden-2027';
const MINUTE = 60_000;
const EVENTS = [
  'ae-reset-password-success',
  'ae-reset-password-error',
  'ae-reset-password-request-link',
  'ae-reset-password-sign-in',
  'ae-reset-requested',
] as const;

/** Maria's active profile and a reset letter; `skip(ms)` moves the adapter's clock (expired links). */
async function withResetLetter() {
  let offset = 0;
  const memory = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, resendCooldownMs: 0, now: () => Date.now() + offset });
  const { id } = await memory.getCaptcha();
  await memory.register({
    email: EMAIL,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: 'Sekret-2026',
    captcha: { id, answer: CAPTCHA_ANSWER },
  });
  await memory.activate(memory.outbox[0]!.token);
  await memory.requestPasswordReset(EMAIL);
  const token = memory.outbox.filter((l) => l.kind === 'reset').at(-1)!.token;
  return {
    memory,
    adapter: memory as PasswordResetCapability,
    token,
    skip(ms: number) {
      offset += ms;
    },
  };
}

/** `method` takes `ms` (abortable) before `base` answers; the other calls answer at once. */
function slow(base: MemoryAdapter, method: 'checkResetToken' | 'resetPassword', ms: number): PasswordResetCapability {
  const wait = (o?: CallOptions) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, ms);
      o?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(o.signal?.reason);
      });
    });
  return {
    requestPasswordReset: (email, o) => base.requestPasswordReset(email, o),
    checkResetToken: async (token, o) => {
      if (method === 'checkResetToken') await wait(o);
      return base.checkResetToken(token, o);
    },
    resetPassword: async (input, o) => {
      if (method === 'resetPassword') await wait(o);
      return base.resetPassword(input, o);
    },
  };
}

/** Puts `value` into a password field as typing does (`input`), and `change` as leaving it does. */
function typeInto(el: AeResetPassword, name: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`story: no input[name=${name}]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function formShown(el: AeResetPassword): Promise<void> {
  await waitFor(() => !!el.form, 'the form');
  await el.updateComplete;
}

async function save(el: AeResetPassword, password: string, repeat = password): Promise<void> {
  await formShown(el);
  typeInto(el, 'password', password);
  typeInto(el, 'passwordRepeat', repeat);
  await el.updateComplete;
  el.form?.requestSubmit();
  await el.updateComplete;
}

function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AeResetPassword => {
    const loaded = context.loaded as Loaded;
    const el = document.createElement('ae-reset-password');
    el.adapter = loaded.adapter;
    if (loaded.token) el.token = loaded.token;
    el.passwordMinLength = args.passwordMinLength;
    el.disabled = args.disabled;
    logEvents(el, EVENTS);
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
  title: 'Elements/ae-reset-password',
  component: 'ae-reset-password',
  args: { passwordMinLength: 8, disabled: false },
  argTypes: {
    passwordMinLength: {
      name: 'password-min-length',
      description: 'Minimum password length (the same rule as the registration\'s).',
      control: { type: 'number', min: 1, max: 64, step: 1 },
    },
    disabled: { description: 'Disables the form.', control: 'boolean' },
  },
  loaders: [async () => withResetLetter()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** The link from the letter: "Choose a new password for m***@example.com", two fields, "Sign out of all other devices". */
export const Form: Story = {};

/** The link is being checked (a slow server). */
export const Checking: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      return { ...loaded, adapter: slow(loaded.memory, 'checkResetToken', 10 * 60 * 1000) };
    },
  ],
};

/** "Save password" with a short password and a different repeat: the registration's rules, under each field. */
export const InvalidPasswords: Story = {
  render: scripted(async (el) => save(el, 'short1', 'short2')),
};

/** The repeat matches: "Passwords match" under it while typing. */
export const PasswordsMatch: Story = {
  render: scripted(async (el) => {
    await formShown(el);
    typeInto(el, 'password', NEW_PASSWORD);
    typeInto(el, 'passwordRepeat', NEW_PASSWORD);
  }),
};

/** One of the most common passwords: refused before anything is sent. */
export const CommonPassword: Story = {
  render: scripted(async (el) => save(el, 'Password1')),
};

/** Saving on a server that takes ten minutes: the button says "Saving…". */
export const Saving: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      return { ...loaded, adapter: slow(loaded.memory, 'resetPassword', 10 * 60 * 1000) };
    },
  ],
  render: scripted(async (el) => save(el, NEW_PASSWORD)),
};

/** The password is changed, the other devices are signed out; nobody is signed in: "Sign in". */
export const Changed: Story = {
  render: scripted(async (el) => save(el, NEW_PASSWORD)),
};

/** Changed with "Sign out of all other devices" unchecked. */
export const ChangedKeepingDevices: Story = {
  render: scripted(async (el) => {
    await formShown(el);
    el.querySelector<HTMLInputElement>('input[name="signOutOthers"]')?.click();
    await save(el, NEW_PASSWORD);
  }),
};

/** Saving met a server fault: the message at the top with "Try again"; the typed passwords stay. */
export const SaveFailed: Story = {
  render: scripted(async (el, { memory }) => {
    memory.failNext('server', { method: 'resetPassword' });
    await save(el, NEW_PASSWORD);
  }),
};

/** An unknown link (mistyped, or replaced by a newer letter). */
export const InvalidLink: Story = {
  loaders: [async () => ({ ...(await withResetLetter()), token: 'not-a-link-of-ours' })],
};

/** A link older than 30 minutes. */
export const ExpiredLink: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      loaded.skip(31 * MINUTE);
      return loaded;
    },
  ],
};

/** A link that set a password already (another tab, the back button). */
export const UsedLink: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      await loaded.memory.resetPassword({ token: loaded.token, password: 'Used-before-42', signOutOthers: false });
      return loaded;
    },
  ],
};

/** The page opened without a link. */
export const NoLink: Story = {
  loaders: [async () => ({ ...(await withResetLetter()), token: undefined })],
};

/** The link could not be checked (no connection): "Try again" checks it again. */
export const CouldNotCheck: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      loaded.memory.failNext('network', { method: 'checkResetToken' });
      return loaded;
    },
  ],
};

/** "Request a new link" after an expired link: `<ae-forgot-password>` takes the element's place. */
export const RequestNewLink: Story = {
  loaders: [
    async () => {
      const loaded = await withResetLetter();
      loaded.skip(31 * MINUTE);
      return loaded;
    },
  ],
  render: scripted(async (el) => {
    await waitFor(() => !!el.querySelector('[data-state="expired"]'), 'the expired state');
    el.querySelector<HTMLButtonElement>('.ae-submit')?.click();
    await waitFor(() => !!el.querySelector('ae-forgot-password'), '<ae-forgot-password>');
  }),
};
