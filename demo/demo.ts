// The demo page of `npm start`: <ae-register> on the embedded MemoryAdapter, its outbox beside it, and the
// activation letter's link opening <ae-activate> right here, in place of the form, as the letter's page would
// (the adapter's state lives in this page's memory, so a real navigation would lose it: the link carries its
// token in the fragment, `#token=…`, which changes the address without loading the page again).
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import { MemoryAdapter, setDefaultAdapter } from '../src/adapter/index.js';
import type { OutboxLetter } from '../src/adapter/index.js';
import type { AeRegister } from '../src/components/register/register.js';
import { setLocale, getLocale, detectLocale } from '../src/locales/localization.js';
import { validateRegistrationField, validationMessage } from '../src/validation/index.js';
import type { RegistrationField } from '../src/validation/index.js';
import { VERSION } from '../src/version.js';
import { STRINGS } from './strings.js';
import type { DemoStrings } from './strings.js';

const adapter = new MemoryAdapter({
  latency: [200, 600],
  activationUrl: (token) => `${location.origin}${location.pathname}#token=${encodeURIComponent(token)}`,
});
setDefaultAdapter(adapter);
// For the console (`aeDemo.adapter.debugCaptchaAnswer(id)`) and scripts that drive the demo.
Object.assign(window, { aeDemo: { adapter } });

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const register = $<AeRegister>('#register');
const linkPage = $<HTMLElement>('#link-page');
const back = $<HTMLButtonElement>('#back');
const t = (): DemoStrings => STRINGS[getLocale()];

$('#version').textContent = `v${VERSION}`;

// ---- language -------------------------------------------------------------------------------------------
/** Puts the page's own words (data-t: text, data-t-aria: aria-label) in the current language. */
function translatePage() {
  const words = t();
  document.title = words.title;
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) {
    el.textContent = words[el.dataset.t as keyof DemoStrings] as string;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-t-aria]')) {
    el.setAttribute('aria-label', words[el.dataset.tAria as keyof DemoStrings] as string);
  }
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    b.setAttribute('aria-pressed', String(b.dataset.locale === getLocale()));
  }
}

async function switchLocale(locale: string) {
  await setLocale(locale);
  document.documentElement.lang = getLocale();
  translatePage();
  renderOutbox();
  renderValidators();
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  b.addEventListener('click', () => void switchLocale(b.dataset.locale!));
}

// ---- theme ----------------------------------------------------------------------------------------------
/** '' follows the system (prefers-color-scheme); 'light' / 'dark' force one, on the page and the elements. */
let theme: '' | 'light' | 'dark' = '';

function applyTheme(el: Element) {
  if (theme) el.setAttribute('theme', theme);
  else el.removeAttribute('theme');
}

const themeSelect = $<HTMLSelectElement>('#theme');
themeSelect.addEventListener('change', () => {
  theme = themeSelect.value as typeof theme;
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  // <ae-register> hands its theme on to its captcha and its own activation step.
  for (const el of document.querySelectorAll('ae-register, ae-activate')) applyTheme(el);
});

// ---- outbox ---------------------------------------------------------------------------------------------
function letterCard(letter: OutboxLetter): HTMLElement {
  const words = t();
  const card = document.createElement('article');
  card.className = 'letter';
  const title = document.createElement('h3');
  // The adapter's subject is English; a real mail service would send it in the reader's language.
  title.textContent = getLocale() === 'en' ? letter.subject : words.letterSubject;
  const dl = document.createElement('dl');
  const sent = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' }).format(letter.sentAt);
  const link = document.createElement('a');
  link.href = letter.link;
  link.textContent = letter.link;
  for (const [k, v] of [
    [words.letterFrom, 'Marketplace <no-reply@marketplace.example>'],
    [words.letterTo, letter.to],
    [words.letterSent, sent],
    [words.letterLink, link],
  ] as const) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.append(v);
    dl.append(dt, dd);
  }
  const body = document.createElement('p');
  body.textContent = words.letterBody(letter.firstName);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cta';
  button.textContent = words.letterButton;
  button.addEventListener('click', () => openLink(letter.token));
  card.append(title, dl, body, button);
  return card;
}

function renderOutbox() {
  $('#outbox').replaceChildren(...[...adapter.outbox].reverse().map(letterCard));
  $<HTMLElement>('#outbox-empty').hidden = adapter.outbox.length > 0;
}
adapter.addEventListener('letter', renderOutbox);

// ---- the letter's page ----------------------------------------------------------------------------------
/**
 * Opens the page of the letter's link in place of the form: <ae-activate> with the token. Once the profile is
 * active, its `activated` slot offers the next step (on this demo: start over with another profile); a link
 * that did not work offers the way back to the form beside the element's own way to a new letter.
 */
function openLink(token: string) {
  const el = document.createElement('ae-activate');
  el.token = token;
  applyTheme(el);
  const next = document.createElement('button');
  next.type = 'button';
  next.slot = 'activated';
  next.className = 'next-step';
  next.dataset.t = 'nextStep';
  next.textContent = t().nextStep;
  next.addEventListener('click', startOver);
  el.append(next);
  el.addEventListener('ae-activate-error', () => (back.hidden = false));
  el.addEventListener('ae-activate-success', () => (back.hidden = true));
  back.hidden = true;
  $('#activation').replaceChildren(el);
  register.hidden = true;
  linkPage.hidden = false;
  linkPage.scrollIntoView({ block: 'nearest' });
}

function startOver() {
  $('#activation').replaceChildren();
  back.hidden = true;
  linkPage.hidden = true;
  register.reset();
  register.hidden = false;
  register.querySelector<HTMLInputElement>('input')?.focus();
}

/**
 * The token of a letter's link: `#token=…` (current letters) or `?token=…` (older ones). It is taken out of
 * the address at once, so it stays neither in the history nor in a bookmark.
 */
function takeTokenFromUrl(): string | undefined {
  const url = new URL(location.href);
  const fromHash = new URLSearchParams(url.hash.slice(1)).get('token');
  const fromQuery = url.searchParams.get('token');
  const token = fromHash || fromQuery;
  if (fromHash !== null) url.hash = '';
  if (fromQuery !== null) url.searchParams.delete('token');
  if (fromHash !== null || fromQuery !== null) history.replaceState(history.state, '', url.href.replace(/#$/, ''));
  return token || undefined;
}

function followLink() {
  const token = takeTokenFromUrl();
  if (token) openLink(token);
}
back.addEventListener('click', startOver);
// The letter's link, clicked on this page, changes only the fragment.
window.addEventListener('hashchange', followLink);

// ---- validators -----------------------------------------------------------------------------------------
function renderValidators() {
  const out = $<HTMLOutputElement>('#validators output');
  const lines: string[] = [];
  for (const input of document.querySelectorAll<HTMLInputElement>('#validators input')) {
    const field = input.dataset.field as RegistrationField;
    const issue = validateRegistrationField(field, { [field]: input.value });
    lines.push(
      `${field}: ${issue ? `${issue.code}${issue.params ? ` ${JSON.stringify(issue.params)}` : ''} — ${validationMessage(issue, field)}` : '✓'}`,
    );
  }
  out.textContent = lines.join('\n');
}
$('#validators').addEventListener('input', renderValidators);

followLink();
void switchLocale(detectLocale());
