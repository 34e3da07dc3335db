import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-login.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AeLogin } from '../src/components/login/login.js';
import { CAPTCHA_ANSWER, attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Like the register stories, each state is reached from the render function, so a change of the Locale or
 * Theme toolbar reaches it again in the new language. Each render gets a fresh MemoryAdapter with one active
 * profile (maria@example.com / Sekret-2026) and one never activated (ivan@example.com, same password).
 */

const PASSWORD = 'Sekret-2026';
const EVENTS = ['ae-login-success', 'ae-login-error', 'ae-login-forgot', 'ae-login-register', 'ae-session-change'] as const;

interface Args {
  disabled: boolean;
  email: string;
}

async function fresh(options: MemoryAdapterOptions = {}): Promise<{ memory: MemoryAdapter }> {
  const memory = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, latency: [150, 300], ...options });
  for (const email of ['maria@example.com', 'ivan@example.com']) {
    const { id } = await memory.getCaptcha();
    await memory.register({ email, firstName: email.startsWith('m') ? 'Maria' : 'Ivan', lastName: 'Petrova', password: PASSWORD, captcha: { id, answer: CAPTCHA_ANSWER } });
  }
  const letter = memory.outbox.find((l) => l.to === 'maria@example.com')!;
  await memory.activate(letter.token);
  return { memory };
}

/** Types into a light-DOM field the way a person's typing ends (input, then change). */
function setField(el: AeLogin, name: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`story: no input[name=${name}]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function signIn(el: AeLogin, email: string, password: string): Promise<void> {
  await el.updateComplete;
  setField(el, 'email', email);
  setField(el, 'password', password);
  el.form?.requestSubmit();
  await el.updateComplete;
}

type Script = (el: AeLogin, memory: MemoryAdapter) => Promise<void>;

function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AeLogin => {
    const { memory } = context.loaded as { memory: MemoryAdapter };
    const el = document.createElement('ae-login');
    el.adapter = memory;
    el.disabled = args.disabled;
    if (args.email) el.email = args.email;
    logEvents(el, EVENTS);
    if (script) {
      run(async () => {
        await attached(el);
        await script(el, memory);
      });
    }
    return el;
  };
}

const meta: Meta<Args> = {
  title: 'Elements/ae-login',
  component: 'ae-login',
  args: { disabled: false, email: '' },
  argTypes: {
    disabled: { description: 'Disables the whole form.', control: 'boolean' },
    email: { description: 'Prefills the e-mail field.', control: 'text' },
  },
  loaders: [async () => fresh()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** maria@example.com / Sekret-2026 signs in; ivan@example.com has not activated the profile. */
export const Playground: Story = {};

/** An empty submit: both fields say what they need. */
export const InvalidFields: Story = {
  render: scripted(async (el) => {
    await el.updateComplete;
    el.form?.requestSubmit();
  }),
};

/** A wrong password: the same message as for an unknown address. */
export const WrongCredentials: Story = {
  render: scripted((el) => signIn(el, 'maria@example.com', 'Wrong-pass-1')),
};

/** After failed attempts the server asks for a captcha; it appears only now. */
export const CaptchaRequired: Story = {
  loaders: [async () => fresh({ captchaAfterFailures: 1 })],
  render: scripted(async (el) => {
    await signIn(el, 'maria@example.com', 'Wrong-pass-1');
    await waitFor(() => !!el.querySelector('.ae-banner'), 'the refusal');
    await signIn(el, 'maria@example.com', PASSWORD);
  }),
};

/** The right password of a profile never activated: the letter can be sent again. */
export const NotActivated: Story = {
  render: scripted((el) => signIn(el, 'ivan@example.com', PASSWORD)),
};

/** Too many attempts: the countdown before "Try again". */
export const RateLimited: Story = {
  render: scripted(async (el, memory) => {
    memory.failNext('rate_limited', { method: 'signIn', retryAfter: 30 });
    await signIn(el, 'maria@example.com', PASSWORD);
  }),
};

/** No connection: the message at the top with "Try again"; what was typed stays. */
export const NetworkError: Story = {
  render: scripted(async (el, memory) => {
    memory.failNext('network', { method: 'signIn' });
    await signIn(el, 'maria@example.com', PASSWORD);
  }),
};

/** Signed in. */
export const SignedIn: Story = {
  render: scripted((el) => signIn(el, 'maria@example.com', PASSWORD)),
};
