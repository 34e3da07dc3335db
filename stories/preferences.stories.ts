import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-preferences.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AePreferences } from '../src/components/preferences/preferences.js';
import { attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Each state is reached from the render function, so a change of the Locale toolbar reaches it again in the new
 * language (country and currency names come from Intl.DisplayNames in that language). Each render gets a fresh
 * MemoryAdapter with a new buyer signed in (nova@example.com), unless the story says otherwise.
 */

const BUYER = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };
const EVENTS = ['ae-preferences-change', 'ae-preferences-error'] as const;

interface Args {
  disabled: boolean;
  noHeading: boolean;
}

async function fresh(options: MemoryAdapterOptions = {}, signIn = true): Promise<{ memory: MemoryAdapter }> {
  const memory = new MemoryAdapter({ latency: [150, 300], users: [BUYER], ...options });
  if (signIn) await memory.signIn({ email: BUYER.email, password: BUYER.password, remember: false });
  return { memory };
}

/** Picks an option of a light-DOM list as a person does (the value, then `change`). */
function pick(el: AePreferences, name: string, value: string): void {
  const select = el.querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (!select) throw new Error(`story: no select[name=${name}]`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

type Script = (el: AePreferences, memory: MemoryAdapter) => Promise<void>;

function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AePreferences => {
    const { memory } = context.loaded as { memory: MemoryAdapter };
    const el = document.createElement('ae-preferences');
    el.adapter = memory;
    el.disabled = args.disabled;
    el.noHeading = args.noHeading;
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

const meta: Meta<Args> = {
  title: 'Elements/ae-preferences',
  component: 'ae-preferences',
  args: { disabled: false, noHeading: false },
  argTypes: {
    disabled: { description: 'Disables the form.', control: 'boolean' },
    noHeading: { description: 'Hides the default heading (the account panel shows its own).', control: 'boolean' },
  },
  loaders: [async () => fresh()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** The defaults of the UI language: United States / USD in English, Russia / RUB in Russian, Bulgaria / EUR in Bulgarian. */
export const Defaults: Story = {};

/** Bulgaria chosen: the currency follows (the euro since 1 January 2026). */
export const ChoosingBulgaria: Story = {
  render: scripted(async (el) => pick(el, 'country', 'BG')),
};

/** Saved: the notice names the choice, "Bulgaria (EUR €)". */
export const Saved: Story = {
  render: scripted(async (el) => {
    pick(el, 'country', 'BG');
    el.form?.requestSubmit();
    await waitFor(() => !!el.querySelector('.ae-notice'), 'the notice');
  }),
};

/** Saving failed: the choice holds on the page, "Try again" saves it. */
export const SaveFailed: Story = {
  render: scripted(async (el, memory) => {
    memory.failNext('server', { method: 'setPreferences' });
    pick(el, 'country', 'PL');
    el.form?.requestSubmit();
  }),
};

/** Nobody signed in: the choice holds for this visit. */
export const SignedOut: Story = {
  loaders: [async () => fresh({}, false)],
  render: scripted(async (el) => {
    pick(el, 'country', 'DE');
    el.form?.requestSubmit();
  }),
};

/** The saved choice and the rates could not be loaded: said above the form; "Try again" loads them. */
export const LoadFailed: Story = {
  loaders: [
    async () => {
      const loaded = await fresh();
      await loaded.memory.setPreferences({ country: 'PL', currency: 'PLN' });
      loaded.memory.failNext('server', { method: 'getPreferences' });
      return loaded;
    },
  ],
};
