// The page script of test/csp/elements.html: every element defined, one adapter as the page's default, as a
// page under a strict policy uses them (and social sign-in's popup callback page). `?ns=<namespace>&csrf=<cookie name>` puts them on the contract server
// (HttpAdapter over /api/auth, Server-Sent Events for the support chat); otherwise a MemoryAdapter (the
// embedded adapter's class: its captcha pictures, its in-page social consent, its support agent) with one
// buyer. The test in the parent page mounts the elements here (`mount`) and drives them.
import '../../src/define/ae-register.js';
import '../../src/define/ae-activate.js';
import '../../src/define/ae-login.js';
import '../../src/define/ae-forgot-password.js';
import '../../src/define/ae-reset-password.js';
import '../../src/define/ae-user-menu.js';
import '../../src/define/ae-social-login.js';
import '../../src/define/ae-support.js';
import '../../src/define/ae-support-link.js';
import '../../src/define/ae-preferences.js';
import '../../src/define/ae-address-form.js';
import '../../src/define/ae-account-panel.js';
import { MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapter/memory-adapter.js';
import { HttpAdapter } from '../../src/adapter/http-adapter.js';
import { setDefaultAdapter } from '../../src/internal/default-adapter.js';
import { setSessionChannelName } from '../../src/session/session-channel.js';

export const BUYER = { email: 'nova.buyer@example.com', password: 'Nova-2026x', firstName: 'Nova', lastName: 'Dimitrova' };

export interface CspElements {
  adapter: MemoryAdapter | HttpAdapter;
  /** A new `tag` in the page's <main>, with `props` set before it connects. */
  mount<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Partial<HTMLElementTagNameMap[K]>): HTMLElementTagNameMap[K];
}

const query = new URLSearchParams(location.search);
const ns = query.get('ns');
setSessionChannelName(`ae-test:csp-elements:${Math.random()}`);

let adapter: MemoryAdapter | HttpAdapter;
if (ns) {
  // EventSource sends no headers: the namespace goes as the `?ns=` parameter the contract server also reads.
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      const u = new URL(String(url), location.href);
      u.searchParams.set('ns', ns!);
      super(u, init);
    }
  };
  adapter = new HttpAdapter({ baseUrl: '/api/auth', csrfCookie: query.get('csrf') ?? undefined, headers: () => ({ 'x-contract-namespace': ns }) });
} else {
  adapter = new MemoryAdapter({
    latency: 0,
    captchaAnswer: 'Ab3dE',
    resendCooldownMs: 0,
    persistSession: false,
    users: [BUYER],
    // A long-time buyer's history: orders, messages, stores and coupons in every section of the account.
    longTimeBuyers: [BUYER.email],
    agentDelayMs: 0,
    operatorStatus: 'online',
  } as MemoryAdapterOptions);
}
setDefaultAdapter(adapter);
const main = document.getElementById('app')!;

// Social sign-in's popup lands here with the provider's answer (`state`, `code`): the page's <ae-social-login>
// hands it to the window that opened it, as a host's callback page does.
if (query.has('state')) main.append(document.createElement('ae-social-login'));

(window as Window & { cspElements?: CspElements }).cspElements = {
  adapter,
  mount(tag, props = {}) {
    const el = document.createElement(tag);
    Object.assign(el, props);
    main.append(el);
    return el;
  },
};
