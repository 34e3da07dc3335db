import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import '../src/define/ae-user-menu.js';
import type { AeUserMenu } from '../src/components/user-menu/user-menu.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AuthAdapter, Session, SessionCapability } from '../src/adapter/types.js';
import { resetSessionStoreForTests } from '../src/session/session-store.js';
import { attached, CAPTCHA_ANSWER, logEvents, waitFor } from './helpers.js';

/*
 * The session store is one per page, and Storybook keeps one page for every story of its canvas: each render
 * starts the store over (unknown) and gives the element a fresh MemoryAdapter from the loaders, so the element
 * asks it, as on a page that just loaded. The docs page shows each story in a frame of its own (one page, one
 * store, each). A state that needs a click (the open menu, the dialog) is reached from the render, so that a
 * change of the Locale toolbar reaches it again in the new language.
 */

interface Args {
  /** Where "My account" leads (empty: only the event). */
  accountHref: string;
}

interface Loaded {
  adapter: Partial<AuthAdapter>;
}

type After = 'none' | 'open-menu' | 'sign-in-dialog' | 'register-dialog';

const EVENTS = ['ae-user-menu-sign-in', 'ae-user-menu-register', 'ae-user-menu-account', 'ae-session-change'] as const;
const PASSWORD = 'Sekret-2026';
const MARIA = { email: 'maria.ivanova@example.com', firstName: 'Maria', lastName: 'Ivanova' };

/** A MemoryAdapter where Maria has an active profile (to sign in with in the dialog); signed in if asked. */
async function withMaria(signedIn: boolean): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, latency: [150, 300] });
  const captcha = await adapter.getCaptcha();
  await adapter.register({ ...MARIA, password: PASSWORD, captcha: { id: captcha.id, answer: CAPTCHA_ANSWER } });
  await adapter.activate(adapter.outbox[adapter.outbox.length - 1]!.token);
  if (signedIn) await adapter.signIn({ email: MARIA.email, password: PASSWORD, remember: false });
  return adapter;
}

/** A backend that never answers whether someone is signed in. */
const neverAnswers: SessionCapability = {
  getSession: () => new Promise<Session | null>(() => undefined),
  signOut: async () => undefined,
};

async function reach(el: AeUserMenu, after: After): Promise<void> {
  if (after === 'none') return;
  await attached(el);
  const part = (name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
  const name = after === 'open-menu' ? 'trigger' : after === 'sign-in-dialog' ? 'sign-in' : 'register';
  await waitFor(() => !!part(name), `the ${name} button`);
  part(name)!.click();
}

function renderWith(after: After) {
  return (args: Args, context: StoryContext<Args>): HTMLElement => {
    resetSessionStoreForTests();
    const { adapter } = context.loaded as Loaded;
    const header = document.createElement('header');
    header.style.cssText =
      'display:flex;align-items:center;justify-content:space-between;gap:1rem;padding:.5rem 1rem;border-bottom:1px solid #dcdfe4;min-block-size:3.5rem';
    const logo = document.createElement('strong');
    logo.textContent = 'Lipa';
    const el = document.createElement('ae-user-menu');
    el.adapter = adapter as AuthAdapter;
    if (args.accountHref) el.accountHref = args.accountHref;
    logEvents(el, EVENTS.filter((e) => e !== 'ae-session-change'));
    logEvents(document, ['ae-session-change']);
    header.append(logo, el);
    void reach(el, after);
    return header;
  };
}

const meta: Meta<Args> = {
  title: 'Elements/ae-user-menu',
  component: 'ae-user-menu',
  args: { accountHref: '#account' },
  argTypes: { accountHref: { control: 'text' } },
  parameters: {
    // One page per story: the session store is one per page.
    docs: { story: { inline: false, height: '26rem' } },
    layout: 'fullscreen',
  },
  render: renderWith('none'),
};
export default meta;

type Story = StoryObj<Args>;

/** Nobody is signed in: "Sign in" and "Register". */
export const SignedOut: Story = {
  loaders: [async () => ({ adapter: await withMaria(false) })],
};

/** Maria is signed in: "Hello, Maria" and the menu button. */
export const SignedIn: Story = {
  loaders: [async () => ({ adapter: await withMaria(true) })],
};

/** The menu open on "My account" and "Sign out" (arrow keys, Home/End, a letter, Escape). */
export const MenuOpen: Story = {
  loaders: [async () => ({ adapter: await withMaria(true) })],
  render: renderWith('open-menu'),
};

/** "Sign in" pressed: `<ae-login>` in a dialog (maria.ivanova@example.com, Sekret-2026); signing in closes it. */
export const SignInDialog: Story = {
  loaders: [async () => ({ adapter: await withMaria(false) })],
  render: renderWith('sign-in-dialog'),
};

/** "Register" pressed: `<ae-register>` in a dialog. */
export const RegisterDialog: Story = {
  loaders: [async () => ({ adapter: await withMaria(false) })],
  render: renderWith('register-dialog'),
};

/** While the server has not said yet: a placeholder of the buttons' height, silent for screen readers. */
export const Unknown: Story = {
  loaders: [async () => ({ adapter: neverAnswers })],
};

/** The server could not be reached: the message and "Try again" (which then answers). */
export const ConnectionFailure: Story = {
  loaders: [
    async () => {
      const adapter = await withMaria(false);
      adapter.failNext('network', { method: 'getSession' });
      return { adapter };
    },
  ],
};

/** A custom adapter without sessions (`getSession`, `signOut`): the element says so instead of crashing. */
export const Unsupported: Story = {
  loaders: [async () => ({ adapter: { signIn: async () => ({ userId: 'u-1', ...MARIA }) } })],
};
