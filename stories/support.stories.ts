import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-support.js';
import '../src/define/ae-support-link.js';
import '../src/define/ae-conversation.js';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AeSupport } from '../src/components/support/support.js';
import { logEvents, run, waitFor } from './helpers.js';

/**
 * `<ae-support>` in each of its states, in the locale of the toolbar (en / ru / bg): the virtual agent of the
 * embedded MemoryAdapter answers in that language. The chat sits in the lower left corner of the canvas.
 */
interface Args {
  position: 'bottom-left' | 'bottom-right';
}

interface Loaded {
  adapter: MemoryAdapter;
}

const EVENTS = ['ae-support-open', 'ae-support-close', 'ae-support-message', 'ae-support-action'] as const;
const EMAIL = 'maria.ivanova@example.com';

function adapterWith(options: Record<string, unknown>): MemoryAdapter {
  return new MemoryAdapter({ latency: 0, captchaAnswer: 'Ab3dE', agentDelayMs: 500, operatorStatus: 'online', ...options } as MemoryAdapterOptions);
}

function locale(context: StoryContext<Args>): string {
  return String(context.globals.locale ?? 'en');
}

function support(args: Args, context: StoryContext<Args>): AeSupport {
  // Each story starts afresh: no conversation kept from another story's adapter.
  sessionStorage.removeItem('ae-support:conversation');
  const el = document.createElement('ae-support');
  el.adapter = (context.loaded as Loaded).adapter;
  el.position = args.position;
  logEvents(el, EVENTS);
  return el;
}

function view(el: AeSupport) {
  return el.shadowRoot?.querySelector('ae-conversation') ?? null;
}

/** Starts a conversation on `topic` as the offer or a topic button does, and waits for the agent's first answer. */
async function started(el: AeSupport, topic: Parameters<AeSupport['startConversation']>[0]['topic'] = 'registration'): Promise<void> {
  await waitFor(() => el.isConnected, 'attached');
  el.startConversation({ topic, email: EMAIL });
  await waitFor(() => !!view(el)?.shadowRoot?.querySelector('[part~="from-agent"]'), 'the agent’s answer', 10_000);
}

/** Types `text` into the conversation's text box and submits it, as Enter does. */
async function say(el: AeSupport, text: string): Promise<void> {
  const v = view(el)!;
  await v.updateComplete;
  const box = v.shadowRoot!.querySelector('textarea')!;
  box.value = text;
  v.shadowRoot!.querySelector('form')!.requestSubmit();
}

const meta: Meta<Args> = {
  title: 'Elements/ae-support',
  component: 'ae-support',
  args: { position: 'bottom-left' },
  argTypes: { position: { control: 'inline-radio', options: ['bottom-left', 'bottom-right'] } },
  parameters: { layout: 'fullscreen' },
  loaders: [async () => ({ adapter: adapterWith({}) })],
  render: (args, context) => support(args, context),
};
export default meta;

type Story = StoryObj<Args>;

/** The "Online chat" button alone: what every page shows. */
export const Closed: Story = {};

/** Closed, with the count of the agent's messages that arrived since (the greeting came while closed). */
export const ClosedWithBadge: Story = {
  render: (args, context) => {
    const el = support(args, context);
    run(async () => {
      await started(el);
      el.close();
      await say(el, context.globals.locale === 'ru' ? 'Не приходит письмо' : context.globals.locale === 'bg' ? 'Не идва писмо' : 'The letter does not come');
    });
    return el;
  },
};

/** Open on the topic buttons. */
export const OpenTopics: Story = {
  render: (args, context) => {
    const el = support(args, context);
    el.open = true;
    return el;
  },
};

/** Open, the virtual agent answering the registration topic, with quick replies. */
export const OpenWithAgent: Story = {
  render: (args, context) => {
    const el = support(args, context);
    run(() => started(el));
    return el;
  },
};

/** The agent is "typing" (its delay is long here). */
export const Typing: Story = {
  loaders: [async () => ({ adapter: adapterWith({ agentDelayMs: 600_000 }) })],
  render: (args, context) => {
    const el = support(args, context);
    run(async () => {
      await waitFor(() => el.isConnected, 'attached');
      el.startConversation({ topic: 'captcha', email: EMAIL });
    });
    return el;
  },
};

/** A message that could not be sent: "Not sent" and "Send again". */
export const FailedMessage: Story = {
  render: (args, context) => {
    const el = support(args, context);
    run(async () => {
      await started(el, 'other');
      (context.loaded as Loaded).adapter.failNext('network', { method: 'sendMessage' });
      await say(el, locale(context) === 'ru' ? 'Здравствуйте' : locale(context) === 'bg' ? 'Здравейте' : 'Hello');
    });
    return el;
  },
};

/** "Talk to a person" pressed while operators work: the hand-off, then the operator's greeting. */
export const HandOff: Story = {
  render: (args, context) => {
    const el = support(args, context);
    run(async () => {
      await started(el, 'activation');
      await waitFor(() => !!el.shadowRoot?.querySelector('[part="human"]'), 'the button');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="human"]')!.click();
    });
    return el;
  },
};

/** Operators offline: the form that leaves the question for a reply by letter. */
export const OfflineForm: Story = {
  loaders: [async () => ({ adapter: adapterWith({ operatorStatus: 'offline' }) })],
  render: (args, context) => {
    const el = support(args, context);
    run(async () => {
      await started(el, 'orders');
      await waitFor(() => el.shadowRoot?.querySelector('[part="operator-status"]')?.getAttribute('data-status') === 'offline', 'the status');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="human"]')!.click();
    });
    return el;
  },
};

/** A "Support" link in a footer opens the page's chat. */
export const FooterLink: Story = {
  render: (args, context) => {
    const wrap = document.createElement('div');
    wrap.innerHTML = '<footer style="padding:1rem;border-top:1px solid #ccc"><ae-support-link></ae-support-link></footer>';
    wrap.append(support(args, context));
    return wrap;
  },
};

/** "Get a new code" acts in the page: the captcha beside the chat gets a new picture. */
export const ActionRefreshesCaptcha: Story = {
  render: (args, context) => {
    const wrap = document.createElement('div');
    wrap.style.padding = '1rem';
    const captcha = document.createElement('ae-captcha');
    captcha.adapter = (context.loaded as Loaded).adapter;
    const el = support(args, context);
    wrap.append(captcha, el);
    run(() => started(el, 'captcha'));
    return wrap;
  },
};
