import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '../src/define/ae-activate.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { ActivationCapability, CaptchaCapability, RegistrationCapability } from '../src/adapter/types.js';

interface Args {
  /** The address the letter went to; empty: unknown. */
  email: string;
  /** Seconds before "Send again" works. */
  cooldown: number;
  /** Milliseconds the (simulated) server takes to check the link. */
  latency: number;
}

/** What each story's loader prepares: its own adapter and, for the link stories, a token. */
interface Loaded {
  adapter: CaptchaCapability & RegistrationCapability & ActivationCapability;
  token?: string;
}

const EMAIL = 'maria.ivanova@example.com';
const CAPTCHA = 'Ab3dE';
const DAY = 24 * 60 * 60 * 1000;
const EVENTS = ['ae-activate-success', 'ae-activate-error', 'ae-activation-resent', 'ae-activate-change-email'] as const;

/**
 * A MemoryAdapter holding one pending profile (Maria Ivanova), registered the way the form does it.
 * `skip(ms)` moves the adapter's clock forward, for expired links.
 */
async function withPendingProfile(options: MemoryAdapterOptions = {}) {
  let offset = 0;
  const adapter = new MemoryAdapter({
    captchaAnswer: CAPTCHA,
    resendCooldownMs: 15_000,
    now: () => Date.now() + offset,
    ...options,
  });
  const captcha = await adapter.getCaptcha();
  await adapter.register({
    email: EMAIL,
    firstName: 'Maria',
    lastName: 'Ivanova',
    password: 'Secret123',
    captcha: { id: captcha.id, answer: CAPTCHA },
  });
  const token = adapter.outbox[adapter.outbox.length - 1].token;
  return {
    adapter,
    token,
    skip(ms: number) {
      offset += ms;
    },
  };
}

/** Checking the link takes `ms`; every other call answers at once. */
function slowToActivate(base: MemoryAdapter, ms: number): CaptchaCapability & RegistrationCapability & ActivationCapability {
  return {
    getCaptcha: (o) => base.getCaptcha(o),
    register: (input, o) => base.register(input, o),
    resendActivation: (email, o) => base.resendActivation(email, o),
    activate: (token, o) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, ms);
        o?.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(o.signal?.reason);
        });
      }).then(() => base.activate(token, o)),
  };
}

function render(args: Args, context: StoryContext<Args>): HTMLElement {
  const { adapter, token } = context.loaded as Loaded;
  const el = document.createElement('ae-activate');
  el.adapter = adapter;
  if (args.email) el.email = args.email;
  el.cooldown = args.cooldown;
  if (token) el.token = token;
  for (const type of EVENTS) el.addEventListener(type, (e) => action(type)((e as CustomEvent).detail));
  return el;
}

const meta: Meta<Args> = {
  title: 'Elements/ae-activate',
  component: 'ae-activate',
  args: { email: '', cooldown: 15, latency: 0 },
  argTypes: {
    email: { control: 'text' },
    cooldown: { control: { type: 'number', min: 0, step: 1 } },
    latency: { control: { type: 'number', min: 0, step: 500 }, table: { disable: true } },
  },
  render,
};
export default meta;

type Story = StoryObj<Args>;

/** Right after registration: the masked address, "Send again" with its countdown, "Wrong address?". */
export const Waiting: Story = {
  args: { email: EMAIL },
  loaders: [async () => ({ adapter: (await withPendingProfile()).adapter })],
};

/** The link from the letter is being checked (the simulated server is slow, then activates). */
export const Verifying: Story = {
  args: { latency: 60_000 },
  argTypes: { latency: { table: { disable: false } } },
  loaders: [
    async ({ args }) => {
      const { adapter, token } = await withPendingProfile();
      return { adapter: slowToActivate(adapter, args.latency), token };
    },
  ],
};

/** "Hello, Maria!" and the confirmed address. */
export const Activated: Story = {
  loaders: [async () => withPendingProfile()],
};

/** An unknown (or superseded) link: the hint to use the newest letter, and the e-mail field for a new one. */
export const InvalidToken: Story = {
  loaders: [async () => ({ adapter: (await withPendingProfile()).adapter, token: 'this-link-is-not-ours' })],
};

/** A link older than 24 hours. With no `email`, a small form asks where to send the new letter. */
export const ExpiredToken: Story = {
  loaders: [
    async () => {
      const demo = await withPendingProfile();
      demo.skip(DAY + 60_000);
      return { adapter: demo.adapter, token: demo.token };
    },
  ],
};

/** The first check fails with "No connection"; "Try again" then activates. */
export const NetworkError: Story = {
  loaders: [
    async () => {
      const demo = await withPendingProfile();
      demo.adapter.failNext('network', { method: 'activate' });
      return { adapter: demo.adapter, token: demo.token };
    },
  ],
};

/** The link was used before: the done state, without a greeting. */
export const AlreadyActive: Story = {
  loaders: [
    async () => {
      const demo = await withPendingProfile();
      await demo.adapter.activate(demo.token);
      return { adapter: demo.adapter, token: demo.token };
    },
  ],
};
