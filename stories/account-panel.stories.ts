import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-account-panel.js';
import type { AeAccountPanel } from '../src/components/account-panel/account-panel.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AdapterMethod, MemoryAdapterOptions } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter } from '../src/adapter/types.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { resetPreferencesStoreForTests } from '../src/session/preferences-store.js';
import { logEvents } from './helpers.js';
import { ACCOUNT_METHODS } from '../src/adapter/account-types.js';
import { SUPPORT_METHODS } from '../src/adapter/support-types.js';

/*
 * <ae-account-panel> on a MemoryAdapter: Ivan, the seeded long-time buyer (dozens of orders in every status,
 * several stores and currencies, wishes, stores, coupons, points), or Nova, a new buyer with empty lists. Every
 * section in every state (loaded, empty, loading, error with retry) follows the Locale toolbar (en/ru/bg). One
 * page per story: the session and preferences stores are one per page, and each render starts them over.
 */

type Section = 'overview' | 'orders' | 'messages' | 'wishes' | 'stores' | 'coupons' | 'points' | 'payments' | 'preferences' | 'addresses' | 'profile';
type Buyer = 'long-time' | 'new' | 'signed-out';
type State = 'loaded' | 'loading' | 'error';

interface Args {
  section: Section;
  buyer: Buyer;
  state: State;
  /** The panel's width (a narrow one shows the tab bar). */
  width: string;
  hashRouting: boolean;
}

const IVAN = { email: 'ivan.petrov@example.com', password: 'Rakia-2026', firstName: 'Ivan', lastName: 'Petrov' };
const NOVA = { email: 'nova@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

/** The call each section loads with: the one an error story fails. */
const LOAD_METHOD: Record<Section, AdapterMethod> = {
  overview: 'getAccountSummary',
  orders: 'listOrders',
  messages: 'listConversations',
  wishes: 'listWishes',
  stores: 'listFavoriteStores',
  coupons: 'listCoupons',
  points: 'getPoints',
  payments: 'getPaymentsLink',
  preferences: 'getPreferences',
  addresses: 'listAddresses',
  profile: 'listSessions',
};

async function adapterFor(args: Args): Promise<Partial<AuthAdapter>> {
  const adapter = new MemoryAdapter({
    users: [IVAN, NOVA],
    deviceLabel: 'Chrome on Linux',
    persistSession: false,
    latency: [150, 300],
    ...(args.buyer === 'new' ? { seedStoreConversations: false } : {}),
  } as MemoryAdapterOptions);
  if (args.buyer !== 'signed-out') {
    const who = args.buyer === 'new' ? NOVA : IVAN;
    await adapter.signIn({ email: who.email, password: who.password, remember: false });
  }
  if (args.state === 'error') adapter.failNext('server', { method: LOAD_METHOD[args.section] });
  return args.state === 'loading' ? neverLoading(adapter) : adapter;
}

/** The adapter with every account and support call left unanswered (the skeletons stay); the session answers. */
function neverLoading(adapter: MemoryAdapter): Partial<AuthAdapter> {
  const stalled = new Set<string>([...ACCOUNT_METHODS, ...SUPPORT_METHODS]);
  const out: Record<string, unknown> = {};
  for (let proto = Object.getPrototypeOf(adapter) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const fn = (adapter as unknown as Record<string, unknown>)[name];
      if (name === 'constructor' || name in out || typeof fn !== 'function') continue;
      out[name] = stalled.has(name) ? () => new Promise(() => undefined) : (fn as (...a: unknown[]) => unknown).bind(adapter);
    }
  }
  return out as Partial<AuthAdapter>;
}

function render(args: Args, context: StoryContext<Args>): HTMLElement {
  resetSessionStoreForTests();
  resetPreferencesStoreForTests(String(context.globals['locale'] ?? 'en'));
  const { adapter } = context.loaded as { adapter: Partial<AuthAdapter> };
  const frame = document.createElement('div');
  frame.style.cssText = `inline-size:${args.width};max-inline-size:100%;padding:1rem;box-sizing:border-box`;
  const el = document.createElement('ae-account-panel') as AeAccountPanel;
  el.adapter = adapter as AuthAdapter;
  el.section = args.section;
  el.hashRouting = args.hashRouting;
  logEvents(el, ['ae-navigate', 'ae-preferences-change', 'ae-address-change']);
  frame.append(el);
  return frame;
}

const meta: Meta<Args> = {
  title: 'Elements/ae-account-panel',
  component: 'ae-account-panel',
  args: { section: 'overview', buyer: 'long-time', state: 'loaded', width: '64rem', hashRouting: false },
  argTypes: {
    section: { control: 'select', options: Object.keys(LOAD_METHOD) },
    buyer: { control: 'inline-radio', options: ['long-time', 'new', 'signed-out'] },
    state: { control: 'inline-radio', options: ['loaded', 'loading', 'error'] },
    width: { control: 'text' },
    hashRouting: { control: 'boolean' },
  },
  loaders: [async ({ args }) => ({ adapter: await adapterFor(args as Args) })],
  parameters: { docs: { story: { inline: false, height: '48rem' } }, layout: 'fullscreen' },
  render,
};
export default meta;

type Story = StoryObj<Args>;

// ---- every section, loaded for the long-time buyer ----------------------------------------------------------

/** "My account": who, the counts (each a link), the latest orders, coupons to use. */
export const Overview: Story = {};
/** "My orders": status, date, total (converted, with the store's own price), store; filter and pages. */
export const Orders: Story = { args: { section: 'orders' } };
/** The message center: store conversations and support; "Write to support" opens the virtual agent. */
export const Messages: Story = { args: { section: 'messages' } };
/** "My wishes": remove one to see "Removed. Undo". */
export const Wishes: Story = { args: { section: 'wishes' } };
/** "Favorite stores": removable with undo. */
export const Stores: Story = { args: { section: 'stores' } };
/** "My coupons": value, minimum order, "Expires in 3 days", copy the code; used and expired ones. */
export const Coupons: Story = { args: { section: 'coupons' } };
/** "My points": balance and history. */
export const Points: Story = { args: { section: 'points' } };
/** "Payments": a link out to the payment provider's page. */
export const Payments: Story = { args: { section: 'payments' } };
/** "Location and currency": `<ae-preferences>`; a change re-renders every price of the panel. */
export const Preferences: Story = { args: { section: 'preferences' } };
/** "Shipping addresses": `<ae-address-form>`. */
export const Addresses: Story = { args: { section: 'addresses' } };
/** "Profile and security": names (type Cyrillic for the suggestion), e-mail and password change, sessions. */
export const Profile: Story = { args: { section: 'profile' } };

// ---- a new buyer: empty states ------------------------------------------------------------------------------

export const NewBuyerOverview: Story = { args: { buyer: 'new' } };
export const NewBuyerOrders: Story = { args: { buyer: 'new', section: 'orders' } };
export const NewBuyerMessages: Story = { args: { buyer: 'new', section: 'messages' } };
export const NewBuyerWishes: Story = { args: { buyer: 'new', section: 'wishes' } };
export const NewBuyerStores: Story = { args: { buyer: 'new', section: 'stores' } };
export const NewBuyerCoupons: Story = { args: { buyer: 'new', section: 'coupons' } };
export const NewBuyerPoints: Story = { args: { buyer: 'new', section: 'points' } };

// ---- loading (skeletons) and errors with retry ---------------------------------------------------------------

/** The calls never answer: the navigation and the skeletons. */
export const LoadingOverview: Story = { args: { state: 'loading' } };
export const LoadingOrders: Story = { args: { state: 'loading', section: 'orders' } };
/** One tile of the overview fails; the others show. */
export const ErrorOverviewTile: Story = { args: { state: 'error' } };
export const ErrorOrders: Story = { args: { state: 'error', section: 'orders' } };
export const ErrorMessages: Story = { args: { state: 'error', section: 'messages' } };
export const ErrorWishes: Story = { args: { state: 'error', section: 'wishes' } };
export const ErrorStores: Story = { args: { state: 'error', section: 'stores' } };
export const ErrorCoupons: Story = { args: { state: 'error', section: 'coupons' } };
export const ErrorPoints: Story = { args: { state: 'error', section: 'points' } };
export const ErrorPayments: Story = { args: { state: 'error', section: 'payments' } };
export const ErrorProfileSessions: Story = { args: { state: 'error', section: 'profile' } };

// ---- signed out, narrow -------------------------------------------------------------------------------------

/** Nobody signed in: `<ae-login>` (ivan.petrov@example.com, Rakia-2026). */
export const SignedOut: Story = { args: { buyer: 'signed-out' } };
/** 360 px: the navigation is a tab bar that scrolls sideways. */
export const Narrow: Story = { args: { width: '360px', section: 'orders' } };
