import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-address-form.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AddressInput } from '../src/adapter/account-types.js';
import type { AeAddressForm } from '../src/components/address-form/address-form.js';
import { attached, logEvents, run, waitFor } from './helpers.js';

/*
 * Each state is reached from the render function, so a change of the Locale toolbar reaches it again in the new
 * language. Each render gets a fresh MemoryAdapter with a new buyer signed in (nova@example.com / Nova-2026x),
 * with the addresses a story needs.
 */

const BUYER = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };
const EVENTS = ['ae-address-change', 'ae-address-error'] as const;

const SOFIA: AddressInput = {
  name: 'Ivan Petrov', phone: '+359881234567', country: 'BG', region: 'Sofia', city: 'Sofia', street: 'ul. Shipka 6', apartment: 'ap. 12', postalCode: '1504',
};
const PLOVDIV: AddressInput = { ...SOFIA, name: 'Maria Petrova', city: 'Plovdiv', region: 'Plovdiv', street: 'bul. Ruski 1', apartment: '', postalCode: '4000' };
const MOSCOW: AddressInput = {
  name: 'Ivan Petrov', phone: '+79123456789', country: 'RU', region: 'Moskva', city: 'Moskva', street: 'ul. Tverskaia 7', apartment: 'kv. 5', postalCode: '125009',
};

interface Args {
  disabled: boolean;
}

async function fresh(addresses: AddressInput[] = [], options: MemoryAdapterOptions = {}): Promise<{ memory: MemoryAdapter }> {
  const memory = new MemoryAdapter({ latency: [150, 300], users: [BUYER], ...options });
  await memory.signIn({ email: BUYER.email, password: BUYER.password, remember: false });
  for (const a of addresses) await memory.saveAddress(a, { password: BUYER.password });
  return { memory };
}

/** Types into a light-DOM field the way a person's typing ends (input, then change). */
function setField(el: AeAddressForm, name: string, value: string): void {
  const input = el.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`story: no input[name=${name}]`);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function opened(el: AeAddressForm): Promise<void> {
  await waitFor(() => !!el.querySelector('.ae-add'), 'the list');
  el.add();
  await el.updateComplete;
}

async function fillSofia(el: AeAddressForm): Promise<void> {
  await opened(el);
  for (const [k, v] of Object.entries({ name: 'Ivan Petrov', street: 'ul. Shipka 6', postalCode: '1504', city: 'Sofia', phone: '088 123 4567' })) setField(el, k, v);
  await el.updateComplete;
}

type Script = (el: AeAddressForm, memory: MemoryAdapter) => Promise<void>;

function scripted(script?: Script) {
  return (args: Args, context: StoryContext<Args>): AeAddressForm => {
    const { memory } = context.loaded as { memory: MemoryAdapter };
    const el = document.createElement('ae-address-form');
    el.adapter = memory;
    el.disabled = args.disabled;
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
  title: 'Elements/ae-address-form',
  component: 'ae-address-form',
  args: { disabled: false },
  argTypes: { disabled: { description: 'Disables every control.', control: 'boolean' } },
  loaders: [async () => fresh()],
  render: scripted(),
};
export default meta;

type Story = StoryObj<Args>;

/** No address yet. */
export const Empty: Story = {};

/** Three saved addresses, one default. */
export const Saved: Story = {
  loaders: [async () => fresh([SOFIA, PLOVDIV, MOSCOW])],
};

/** Five saved: "Add address" says why it does not open. */
export const Full: Story = {
  loaders: [async () => fresh([SOFIA, PLOVDIV, MOSCOW, { ...SOFIA, street: 'ul. Rakovski 1' }, { ...PLOVDIV, street: 'ul. Glavna 2' }])],
};

/** The new address form for Bulgaria (the page's country): postal code before the city, region optional. */
export const NewAddress: Story = {
  render: scripted(async (el) => opened(el)),
};

/** Cyrillic typed: the message and the one-click Latin suggestion ("София" → "Sofia", "ул. Шипка 6" → "ul. Shipka 6"). */
export const LatinSuggestion: Story = {
  render: scripted(async (el) => {
    await opened(el);
    setField(el, 'city', 'София');
    setField(el, 'street', 'ул. Шипка 6');
  }),
};

/** An empty submit for the United States: state and ZIP code required, focus on the first problem. */
export const InvalidUnitedStates: Story = {
  render: scripted(async (el) => {
    await opened(el);
    const select = el.querySelector<HTMLSelectElement>('select[name="country"]')!;
    select.value = 'US';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    await waitFor(() => !!(el as unknown as { v?: unknown }).v, 'the schema');
    el.form?.requestSubmit();
  }),
};

/** Adding an address asks for the password again. */
export const PasswordAgain: Story = {
  render: scripted(async (el) => {
    await fillSofia(el);
    await waitFor(() => !!(el as unknown as { v?: unknown }).v, 'the schema');
    el.form?.requestSubmit();
  }),
};

/** The save failed: the message with "Try again"; every field is kept. */
export const SaveFailed: Story = {
  loaders: [async () => fresh([], { addressReauth: 'never' } as MemoryAdapterOptions)],
  render: scripted(async (el, memory) => {
    await fillSofia(el);
    await waitFor(() => !!(el as unknown as { v?: unknown }).v, 'the schema');
    memory.failNext('network', { method: 'saveAddress' });
    el.form?.requestSubmit();
  }),
};
