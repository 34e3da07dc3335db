// The demo of `npm start`: a small store (Lipa, invented) whose "Register" and "Sign in" open the library's
// elements in a dialog, on the embedded MemoryAdapter. Its outbox is the page's "mailbox": the activation
// letter's "Activate profile" opens <ae-activate> with the token, right here, as the letter's page would (the
// adapter's state lives in this page's memory, so a real navigation would lose it: the link carries its token
// in the fragment, `#token=…`, which changes the address without loading the page again).
//
// The views (what opens where) are one registry (views.ts); an element that joins the library joins the demo
// with its define import below and one defineView() entry.
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import '../src/define/ae-login.js';
import '../src/define/ae-forgot-password.js';
import '../src/define/ae-reset-password.js';
import '../src/define/ae-user-menu.js';
import '../src/define/ae-account-panel.js';
import '../src/define/ae-preferences.js';
import '../src/define/ae-support.js';
import '../src/define/ae-support-link.js';
import type { AeResetPassword } from '../src/components/reset-password/reset-password.js';
import { MemoryAdapter, setDefaultAdapter } from '../src/adapter/index.js';
import type { OutboxLetter } from '../src/adapter/index.js';
import type { AeRegister } from '../src/components/register/register.js';
import type { AeActivate } from '../src/components/activate/activate.js';
import type { AeLogin } from '../src/components/login/login.js';
import { setLocale, getLocale, detectLocale } from '../src/locales/localization.js';
import { VERSION } from '../src/version.js';
import { STRINGS } from './strings.js';
import type { DemoStrings } from './strings.js';
import { CURRENCIES, PRODUCTS, formatPrice } from './products.js';
import { choosePreferences, getPreferencesSnapshot, subscribePreferences } from '../src/session/preferences-store.js';
import { defineView, getView, h } from './views.js';
import type { ViewContext } from './views.js';

/** The seeded buyer with years of orders (MemoryAdapter's account data knows this address). */
const DEMO_BUYER = { email: 'ivan.petrov@example.com', password: 'Lipa-demo-2026', firstName: 'Ivan', lastName: 'Petrov' };
const pageLink = (key: string) => (token: string) => `${location.origin}${location.pathname}#${key}=${encodeURIComponent(token)}`;
const adapter = new MemoryAdapter({
  latency: [200, 600],
  activationUrl: pageLink('token'),
  emailChangeUrl: pageLink('email-token'),
  users: [DEMO_BUYER],
  deviceLabel: 'Lipa demo',
});
setDefaultAdapter(adapter);

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const t = (): DemoStrings => STRINGS[getLocale()];
const announce = (text: string) => {
  // A new text node each time, so the same words twice are announced twice.
  $('#announce').replaceChildren(text);
};

$('#version').textContent = `v${VERSION}`;

// ---- the views' dialog -----------------------------------------------------------------------------------
const dialog = $<HTMLDialogElement>('#view');
const body = $<HTMLElement>('#view-body');
const kept = new Map<string, HTMLElement>();
let current: { name: string; param?: string } | undefined;
/** The button that opened the dialog: focus goes back to it on close (Esc, the close button, a view's own). */
let opener: HTMLElement | null = null;
/** Where the opener was (a shadow root for a button of an element): it may be gone when the dialog closes. */
let openerRoot: Node | undefined;

const ctx: ViewContext = {
  words: t,
  keep<T extends HTMLElement>(key: string, create: () => T): T {
    let el = kept.get(key) as T | undefined;
    if (!el) kept.set(key, (el = create()));
    return el;
  },
  open: (name, param) => openView(name, param),
  close: () => closeView(),
};

/** What gets focus when a view opens: the first field, else the first control, else the dialog itself. */
function firstFocusable(): HTMLElement | null {
  return (
    body.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled])') ??
    body.querySelector<HTMLElement>('button:not([disabled]), a[href], select, textarea')
  );
}

async function settle(): Promise<void> {
  const elements = [...body.querySelectorAll('*')].filter(
    (el): el is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in el,
  );
  await Promise.all(elements.map((el) => el.updateComplete));
}

function renderView(): void {
  if (!current) return;
  const view = getView(current.name);
  if (!view) return;
  dialog.setAttribute('aria-label', view.label(t()));
  body.replaceChildren(...view.render(ctx, current.param));
}

/** Shows view `name` in the dialog (opening it if closed) and moves focus into it. */
async function openView(name: string, param?: string, from?: HTMLElement | null): Promise<void> {
  const view = getView(name);
  if (!view) throw new Error(`demo: no view named ${name}`);
  current = { name, param };
  renderView();
  if (!dialog.open) {
    opener = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    openerRoot = opener?.getRootNode();
    dialog.showModal();
  }
  dialog.scrollTop = 0;
  await settle();
  const target = view.focus?.(body) ?? firstFocusable();
  (target ?? dialog).focus();
}

/**
 * Closes the dialog and puts focus back at once. The dialog's own `close` event comes later, as a task (and in
 * a tab in the background not before it is shown again): the Esc key and every close of the page's go through
 * here; the event still tidies up after any other close.
 */
function closeView(): void {
  if (dialog.open) dialog.close();
  afterClose();
}
function afterClose(): void {
  if (!current && !opener) return;
  current = undefined;
  body.replaceChildren();
  restoreFocus();
  opener = null;
  openerRoot = undefined;
}
dialog.addEventListener('close', afterClose);
dialog.addEventListener('cancel', (e) => {
  e.preventDefault();
  closeView();
});
/** Focus back where the person was when the dialog opened. */
function restoreFocus(): void {
  if (opener?.isConnected) opener.focus();
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  // Focus landed on a control (the browser's own return, or the opener): done. On <body>, or on an element's
  // host with nothing focused inside it, it did not.
  if (active && active !== document.body && !active.shadowRoot) return;
  // The opener was an element (the header's menu), or a button of one that is gone ("Register" became "Hello,
  // Maria" with the sign-in): that element's first control takes focus.
  const root = opener?.shadowRoot ?? (openerRoot instanceof ShadowRoot ? openerRoot : undefined);
  root?.querySelector<HTMLElement>('button, a[href]')?.focus();
}
$('#view-close').addEventListener('click', () => closeView());
// Every button with data-view="…" opens that view, wherever it is (the header, a view, a letter).
document.addEventListener('click', (e) => {
  const button = (e.target as Element | null)?.closest<HTMLElement>('[data-view]');
  if (!button) return;
  e.preventDefault();
  void openView(button.dataset.view!, button.dataset.viewParam, button);
});

// ---- views -----------------------------------------------------------------------------------------------
function registerForm(): AeRegister {
  return ctx.keep('register', () => {
    const el = document.createElement('ae-register');
    el.append(h('p', { slot: 'terms' }));
    el.addEventListener('ae-register-success', () => {
      mailboxLink().hidden = false;
    });
    return el;
  });
}

/** Under the form after a registration: the way to the letter. */
function mailboxLink(): HTMLElement {
  return ctx.keep('register-after', () => {
    const p = h('p', { class: 'view-after' }, h('button', { type: 'button', class: 'btn btn-primary', 'data-view': 'mailbox' }));
    p.hidden = true;
    return p;
  });
}

defineView('register', {
  tag: 'ae-register',
  label: (w) => w.viewRegister,
  render({ words }) {
    const w = words();
    const form = registerForm();
    form.querySelector('[slot=terms]')!.textContent = w.terms;
    // "Already have a profile? Sign in", once there is a sign-in to go to.
    form.querySelector('[slot=footer]')?.remove();
    if (customElements.get('ae-login')) {
      form.append(h('p', { slot: 'footer' }, h('button', { type: 'button', class: 'link', 'data-view': 'login' }, w.haveProfileSignIn)));
    }
    const after = mailboxLink();
    after.querySelector('button')!.textContent = w.openMailbox;
    return [form, after];
  },
});

defineView('login', {
  tag: 'ae-login',
  label: (w) => w.viewLogin,
  render(c) {
    const w = c.words();
    return [
      c.keep('login', () => document.createElement('ae-login')),
      h('p', { class: 'view-note' }, w.demoBuyer(DEMO_BUYER.email, DEMO_BUYER.password)),
    ];
  },
});

defineView('mailbox', {
  label: (w) => w.viewMailbox,
  render({ words }) {
    const w = words();
    const letters = [...adapter.outbox].reverse().map(letterCard);
    return [
      h('h2', { class: 'view-heading' }, w.viewMailbox),
      h('p', { class: 'view-caption' }, w.outboxNote),
      ...(letters.length ? letters : [h('p', {}, w.outboxEmpty)]),
    ];
  },
});

defineView('activate', {
  tag: 'ae-activate',
  label: (w) => w.viewActivate,
  render({ words, keep }, token) {
    const w = words();
    const el = keep(`activate:${token}`, () => {
      const a = document.createElement('ae-activate');
      a.token = token;
      a.append(h('p', { slot: 'activated' }, h('button', { type: 'button', class: 'btn btn-primary next-step' })));
      a.addEventListener('ae-activate-success', () => {
        // The profile is active: the next "Register" starts a new form.
        registerForm().reset();
        mailboxLink().hidden = true;
      });
      return a;
    });
    const next = el.querySelector<HTMLButtonElement>('.next-step')!;
    if (customElements.get('ae-login')) {
      next.dataset.view = 'login';
      next.onclick = null;
      next.textContent = w.signInButton;
    } else {
      next.onclick = () => ctx.close();
      next.textContent = w.continueShopping;
    }
    return [h('p', { class: 'view-caption' }, w.linkPage), el];
  },
  // <ae-activate> moves focus to each new state's heading while focus is inside it.
  focus: (root) => {
    const el = root.querySelector<AeActivate>('ae-activate');
    el?.focus();
    return el;
  },
});

defineView('reset', {
  tag: 'ae-reset-password',
  label: (w) => w.viewReset,
  render({ keep }, token) {
    return [
      keep(`reset:${token}`, () => {
        const el = document.createElement('ae-reset-password') as AeResetPassword;
        if (token) el.token = token;
        return el;
      }),
    ];
  },
});

defineView('account', {
  tag: 'ae-account-panel',
  label: (w) => w.viewAccount,
  render({ keep }, section) {
    const panel = keep('account', () => {
      const el = document.createElement('ae-account-panel');
      el.paymentsUrl = 'https://pay.example/lipa/methods';
      return el;
    });
    if (section) panel.section = section;
    return [panel];
  },
  // The panel's shadow root holds its controls: focus goes to the current section in its navigation (the
  // navigation's one tab stop), from where the arrows move between sections and Tab into the section.
  focus: (root) => root.querySelector('ae-account-panel')?.shadowRoot?.querySelector<HTMLElement>('[part~="nav-item"][tabindex="0"]'),
});

// Right after the first sign-in: the marketplace's "then choose your location and currency".
defineView('preferences', {
  tag: 'ae-preferences',
  label: (w) => w.viewPreferences,
  render({ words, keep, open }) {
    const el = keep('preferences', () => {
      const p = document.createElement('ae-preferences');
      p.addEventListener('ae-preferences-change', () => open('account'));
      return p;
    });
    return [h('p', { class: 'view-caption' }, words().preferencesIntro), el];
  },
});

// The header's <ae-user-menu>: its "Sign in" and "Register" open the store's own dialog views, "My account"
// the account view; a sign-in in any view closes the dialog (the menu follows the session store by itself).
const userMenu = $('#user-menu');
const fromMenu = (view: string) => (e: Event) => {
  e.preventDefault();
  void openView(view, undefined, (e.composedPath()[0] as HTMLElement | undefined) ?? null);
};
userMenu.addEventListener('ae-user-menu-sign-in', fromMenu('login'));
userMenu.addEventListener('ae-user-menu-register', fromMenu('register'));
userMenu.addEventListener('ae-user-menu-account', fromMenu('account'));
// A sign-in in a dialog view: a person who never chose a location and currency is asked now, then lands on
// "My account"; anyone else goes back to the store.
document.addEventListener('ae-session-change', (e) => {
  // Signed out (from the menu, another tab): the kept sign-in form no longer says "You are signed in".
  if (!(e as CustomEvent<{ signedIn: boolean }>).detail.signedIn) (kept.get('login') as AeLogin | undefined)?.reset();
  if (!(e as CustomEvent<{ signedIn: boolean }>).detail.signedIn || !dialog.open || current?.name === 'account') return;
  void adapter.getPreferences().then(
    (saved) => (saved ? closeView() : openView('preferences')),
    () => closeView(),
  );
});

// The e-mail change letter's button: the new address is confirmed, as the letter's page would do.
defineView('email-confirm', {
  label: (w) => w.viewAccount,
  render({ words }, token) {
    const w = words();
    const status = h('p', { role: 'status', class: 'view-caption' });
    void adapter.confirmEmailChange(token ?? '').then(
      (result) => status.replaceChildren(w.emailConfirmed(result.email)),
      () => status.replaceChildren(w.emailConfirmFailed),
    );
    return [h('h2', { class: 'view-heading', tabindex: '-1' }, w.letterEmailChangeButton), status];
  },
  focus: (root) => root.querySelector('h2'),
});

// ---- the mailbox (the adapter's outbox) ------------------------------------------------------------------
function letterCard(letter: OutboxLetter): HTMLElement {
  const w = t();
  const sent = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' }).format(letter.sentAt);
  const link = h('a', { href: letter.link }, letter.link);
  const dl = h('dl');
  for (const [k, v] of [
    [w.letterFrom, 'Lipa <no-reply@lipa.example>'],
    [w.letterTo, letter.to],
    [w.letterSent, sent],
    [w.letterLink, link],
  ] as const) {
    dl.append(h('dt', {}, k), h('dd', {}, v));
  }
  // The adapter's subject is English; a real mail service would send it in the reader's language.
  const subject = getLocale() === 'en' ? letter.subject : w.letterSubject;
  // A letter without a link (the notice to the old address of a change, a support reply) has no button.
  const opens = letter.token ? LETTER_VIEWS[letter.kind] : undefined;
  return h(
    'article',
    { class: 'letter' },
    h('h3', {}, subject),
    dl,
    h('p', {}, w.letterBody(letter.firstName)),
    ...(opens
      ? [h('button', { type: 'button', class: 'btn btn-primary', 'data-view': opens.view, 'data-view-param': letter.token }, opens.button(w))]
      : []),
  );
}
/** The view each kind of letter's link opens (with the letter's token), and the letter's button. */
const LETTER_VIEWS: Partial<Record<OutboxLetter['kind'], { view: string; button: (w: DemoStrings) => string }>> = {
  activation: { view: 'activate', button: (w) => w.letterButton },
  reset: { view: 'reset', button: (w) => w.letterResetButton },
  'email-change': { view: 'email-confirm', button: (w) => w.letterEmailChangeButton },
};

function renderMailboxButton(): void {
  $('#mailbox-button').textContent = t().mailbox(adapter.outbox.length);
}
adapter.addEventListener('letter', () => {
  renderMailboxButton();
  if (current?.name === 'mailbox') renderView();
  announce(t().newLetter);
});

// ---- the letter's link -----------------------------------------------------------------------------------
/**
 * The token of a letter's link: `#token=…` (current letters) or `?token=…` (older ones). It is taken out of
 * the address at once, so it stays neither in the history nor in a bookmark.
 */
function takeTokenFromUrl(key = 'token'): string | undefined {
  const url = new URL(location.href);
  const fromHash = new URLSearchParams(url.hash.slice(1)).get(key);
  const fromQuery = url.searchParams.get(key);
  const token = fromHash || fromQuery;
  if (fromHash !== null) url.hash = '';
  if (fromQuery !== null) url.searchParams.delete(key);
  if (fromHash !== null || fromQuery !== null) history.replaceState(history.state, '', url.href.replace(/#$/, ''));
  return token || undefined;
}

function followLink(): void {
  const token = takeTokenFromUrl();
  if (token) return void openView('activate', token);
  const emailToken = takeTokenFromUrl('email-token');
  if (emailToken) void openView('email-confirm', emailToken);
}
// The letter's link, clicked on this page, changes only the fragment.
window.addEventListener('hashchange', followLink);

// ---- products and the cart -------------------------------------------------------------------------------
// The currency is the library's preferences store's: the header's choice, "Location and currency" and the
// account panel's prices all follow it at once.
let cart = 0;
const currencySelect = $<HTMLSelectElement>('#currency');
currencySelect.addEventListener('change', () => {
  choosePreferences({ country: getPreferencesSnapshot(getLocale()).country, currency: currencySelect.value });
});
subscribePreferences(() => renderProducts());

function renderProducts(): void {
  const w = t();
  const locale = getLocale();
  const prefs = getPreferencesSnapshot(locale);
  const shown = prefs.currency;
  const codes = CURRENCIES.includes(shown) ? CURRENCIES : [...CURRENCIES, shown];
  if ([...currencySelect.options].map((o) => o.value).join() !== codes.join()) {
    currencySelect.replaceChildren(...codes.map((code) => h('option', { value: code }, code)));
  }
  currencySelect.value = shown;
  $('#product-list').replaceChildren(
    ...PRODUCTS.map((p) => {
      const name = w.products[p.id];
      const art = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      art.setAttribute('viewBox', '0 0 120 90');
      art.setAttribute('class', 'art');
      art.setAttribute('aria-hidden', 'true');
      art.setAttribute('style', `--art-tint:${p.tint};--art-ink:${p.ink}`);
      art.innerHTML = p.art;
      const add = h('button', { type: 'button', class: 'btn' }, w.addToCart);
      add.setAttribute('aria-describedby', `product-${p.id}`);
      add.addEventListener('click', () => {
        cart += 1;
        renderCart();
        announce(w.addedToCart(name));
      });
      return h(
        'li',
        { class: 'card' },
        art,
        h('div', { class: 'card-body' }, h('h3', { id: `product-${p.id}` }, name), h('p', { class: 'price' }, formatPrice(p.cents, shown, locale, prefs.rates))),
        add,
      );
    }),
  );
}

function renderCart(): void {
  $('#cart-count').textContent = String(cart);
  $('#cart').setAttribute('aria-label', t().cartLabel(cart));
}

// ---- theme -----------------------------------------------------------------------------------------------
/**
 * The library's theme classes on <html>: none (neutral), ae-theme-marketplace, ae-theme-dark, or both. They set
 * the public tokens for every element on the page and for the page's own CSS (demo.css).
 */
const THEMES = ['marketplace', 'dark'] as const;
const themeSelect = $<HTMLSelectElement>('#theme');
function applyTheme(value: string): void {
  const on = new Set(value.split(' ').filter(Boolean));
  for (const name of THEMES) document.documentElement.classList.toggle(`ae-theme-${name}`, on.has(name));
}
themeSelect.addEventListener('change', () => applyTheme(themeSelect.value));
// ?theme=dark (or marketplace, "marketplace dark") opens the page in a theme: for links and screenshots.
const askedTheme = new URL(location.href).searchParams.get('theme');
if (askedTheme && [...themeSelect.options].some((o) => o.value === askedTheme)) themeSelect.value = askedTheme;
applyTheme(themeSelect.value);

// ---- language --------------------------------------------------------------------------------------------
/** Puts the page's own words (data-t: text, data-t-aria: aria-label) in the current language. */
function translatePage(): void {
  const w = t();
  document.title = w.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = w[el.dataset.t as keyof DemoStrings] as string;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-aria]')) {
    el.setAttribute('aria-label', w[el.dataset.tAria as keyof DemoStrings] as string);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    b.setAttribute('aria-pressed', String(b.dataset.locale === getLocale()));
  }
}

async function switchLocale(locale: string): Promise<void> {
  await setLocale(locale);
  document.documentElement.lang = getLocale();
  translatePage();
  renderMailboxButton();
  renderProducts();
  renderCart();
  renderView();
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  b.addEventListener('click', () => void switchLocale(b.dataset.locale!));
}

// For the console (`aeDemo.adapter.debugCaptchaAnswer(id)`) and scripts and tests that drive the demo.
const ready = switchLocale(detectLocale()).then(followLink);
Object.assign(window, { aeDemo: { adapter, ready, currencies: CURRENCIES } });
