import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-forgot-password.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { CallOptions, PasswordResetCapability } from '../src/adapter/types.js';
import type { AeForgotPassword } from '../src/components/forgot-password/forgot-password.js';
import { CAPTCHA_ANSWER, attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Each state story reaches its state from its render function (see register.stories.ts): a change of the
 * Locale toolbar re-runs the loaders and the render, so the state is reached again in the new language.
 * The answer reads the same for a registered and an unknown address: that is the point of it.
 */

interface Args {
  /** The address to start from. */
  email: string;
  /** Seconds before "Send again" works. */
  cooldown: number;
  disabled: boolean;
}

interface Loaded {
  adapter: PasswordResetCapability;
  memory: MemoryAdapter;
}

type Script = (el: AeForgotPassword, loaded: Loaded) => Promise<void>;

const EMAIL = 'maria.ivanova@example.com';
const EVENTS = ['ae-reset-requested', 'ae-forgot-password-error', 'ae-forgot-password-back'] as const;

/** A MemoryAdapter with Maria's active profile. */
async function withProfile(resendCooldownMs = 60_000): Promise<Loaded> {
  const memory = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, resendCooldownMs });
  const { id } = await memory.getCaptcha();
  await memory.register({
    email: EMAIL,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: 'Sekret-2026',
    captcha: { id, answer: CAPTCHA_ANSWER },
  });
  await memory.activate(memory.outbox[0]!.token);
  return { memory, adapter: memory };
}

/** The reset request takes `ms` (abortable); the other calls answer at once. */
function slowRequest(base: MemoryAdapter, ms: number): PasswordResetCapability {
  return {
    requestPasswordReset: (email: string, o?: CallOptions) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        o?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(o.signal?.reason);
        });
      }).then(() => base.requestPasswordReset(email, o)),
    checkResetToken: (token, o) => base.checkResetToken(token, o),
    resetPassword: (input, o) => base.resetPassword(input, o),
  };
}

/** Puts `value` into the e-mail field as typing does (`input`), and `change` as leaving it does. */
function typeEmail(el: AeForgotPassword, value: string): void {
  const input = el.querySelector<HTMLInputElement>('input[name="email"]');
  if (!input) throw new Error('story: no e-mail field');
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function send(el: AeForgotPassword, email: string): Promise<void> {
  await el.updateComplete;
  typeEmail(el, email);
  el.form?.requestSubmit();
  await el.updateComplete;
}

async function answered(el: AeForgotPassword): Promise<void> {
  await waitFor(() => !!el.querySelector('[data-state="sent"]'), 'the answer');
  await el.updateComplete;
}

function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AeForgotPassword => {
    const loaded = context.loaded as Loaded;
    const el = document.createElement('ae-forgot-password');
    el.adapter = loaded.adapter;
    if (args.email) el.email = args.email;
    el.cooldown = args.cooldown;
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
  title: 'Elements/ae-forgot-password',
  component: 'ae-forgot-password',
  args: { email: '', cooldown: 60, disabled: false },
  argTypes: {
    email: { description: 'The address to start from (the sign-in form\'s e-mail, say).', control: 'text' },
    cooldown: { description: 'Seconds before "Send again" works.', control: { type: 'number', min: 0, step: 1 } },
    disabled: { description: 'Disables the form.', control: 'boolean' },
  },
  loaders: [async () => withProfile()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** The form as it opens from "Forgot password?". Maria's profile is maria.ivanova@example.com. */
export const Empty: Story = {};

/** Opened from a sign-in form that already held the address. */
export const Prefilled: Story = { args: { email: EMAIL } };

/** "Send link" with an address that is not one: the message under the field, which gets the focus. */
export const InvalidAddress: Story = {
  render: scripted(async (el) => send(el, 'maria@')),
};

/** A server that takes ten minutes: the button says "Sending…". */
export const Sending: Story = {
  loaders: [
    async () => {
      const loaded = await withProfile();
      return { ...loaded, adapter: slowRequest(loaded.memory, 10 * 60 * 1000) };
    },
  ],
  render: scripted(async (el) => send(el, EMAIL)),
};

/** The answer for a registered address: masked, with "Send again" counting down and "Use another address". */
export const Sent: Story = {
  render: scripted(async (el) => {
    await send(el, EMAIL);
    await answered(el);
  }),
};

/** The answer for an address nobody registered: the same words, the same countdown, the same event; no letter. */
export const SentUnknownAddress: Story = {
  render: scripted(async (el) => {
    await send(el, 'somebody@example.com');
    await answered(el);
  }),
};

/** "Send again" after the cooldown (here 0 s): a new letter is on its way, only its link works. */
export const SentAgain: Story = {
  args: { cooldown: 0 },
  loaders: [async () => withProfile(0)],
  render: scripted(async (el) => {
    await send(el, EMAIL);
    await answered(el);
    el.querySelector<HTMLButtonElement>('.ae-resend')?.click();
    await waitFor(() => !!el.querySelector('.ae-notice'), 'the notice');
  }),
};

/** The server refuses "Send again" so soon (its own one-minute limit): the button counts the server's wait. */
export const SendAgainRefused: Story = {
  args: { cooldown: 0 },
  render: scripted(async (el) => {
    await send(el, EMAIL);
    await answered(el);
    el.querySelector<HTMLButtonElement>('.ae-resend')?.click();
    await waitFor(() => !!el.querySelector('[role="alert"] .ae-error'), 'the refusal');
  }),
};

/** No connection: the message at the top with "Try again"; the address stays in the field. */
export const NetworkError: Story = {
  render: scripted(async (el, { memory }) => {
    memory.failNext('network', { method: 'requestPasswordReset' });
    await send(el, EMAIL);
  }),
};

/** Too many requests: the wait counts down at the top, "Try again" works when it ends. */
export const RateLimited: Story = {
  render: scripted(async (el, { memory }) => {
    memory.failNext('rate_limited', { method: 'requestPasswordReset', retryAfter: 30 });
    await send(el, EMAIL);
  }),
};
