// The demo page of `npm start`: <ae-register> on the embedded MemoryAdapter, its outbox beside it, and the
// activation letter's "Activate profile" button opening <ae-activate> right here (the adapter's state lives
// in this page's memory, so a real navigation would lose it).
import '../src/define/ae-register.js';
import '../src/define/ae-activate.js';
import { MemoryAdapter, setDefaultAdapter } from '../src/adapter/index.js';
import type { OutboxLetter } from '../src/adapter/index.js';
import { setLocale, getLocale, detectLocale } from '../src/locales/localization.js';
import { validateRegistrationField, validationMessage } from '../src/validation/index.js';
import type { RegistrationField } from '../src/validation/index.js';
import { VERSION } from '../src/version.js';

const adapter = new MemoryAdapter({
  latency: [200, 600],
  activationUrl: (token) => `${location.origin}${location.pathname}?token=${encodeURIComponent(token)}`,
});
setDefaultAdapter(adapter);

document.querySelector('#version')!.textContent = `v${VERSION}`;

// ---- language -------------------------------------------------------------------------------------------
const LETTER_TEXT = {
  en: { subjectText: 'Activate your profile', hello: 'Hello', body: 'Press the button to activate your profile.', button: 'Activate profile', to: 'To', subject: 'Subject', link: 'Link' },
  ru: { subjectText: 'Активируйте профиль', hello: 'Здравствуйте', body: 'Нажмите кнопку, чтобы активировать профиль.', button: 'Активировать профиль', to: 'Кому', subject: 'Тема', link: 'Ссылка' },
  bg: { subjectText: 'Активирайте профила си', hello: 'Здравейте', body: 'Натиснете бутона, за да активирате профила си.', button: 'Активиране на профил', to: 'До', subject: 'Тема', link: 'Връзка' },
} as const;

async function switchLocale(locale: string) {
  document.documentElement.lang = locale;
  await setLocale(locale);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
    b.setAttribute('aria-pressed', String(b.dataset.locale === getLocale()));
  }
  renderOutbox();
  renderValidators();
}
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-locale]')) {
  b.addEventListener('click', () => void switchLocale(b.dataset.locale!));
}

// ---- outbox ---------------------------------------------------------------------------------------------
function letterCard(letter: OutboxLetter): HTMLElement {
  const t = LETTER_TEXT[getLocale()];
  const card = document.createElement('article');
  card.className = 'letter';
  const dl = document.createElement('dl');
  for (const [k, v] of [
    [t.to, letter.to],
    // The adapter's subject is English; a real mail service would send it in the reader's language.
    [t.subject, getLocale() === 'en' ? letter.subject : t.subjectText],
    [t.link, letter.link],
  ]) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  const hello = document.createElement('p');
  hello.textContent = `${t.hello}, ${letter.firstName}! ${t.body}`;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cta';
  button.textContent = t.button;
  button.addEventListener('click', () => openActivation(letter.token));
  card.append(dl, hello, button);
  return card;
}

function renderOutbox() {
  const box = document.querySelector('#outbox')!;
  box.replaceChildren(...[...adapter.outbox].reverse().map(letterCard));
  document.querySelector<HTMLElement>('#outbox-empty')!.hidden = adapter.outbox.length > 0;
}
adapter.addEventListener('letter', renderOutbox);

function openActivation(token: string) {
  const host = document.querySelector('#activation')!;
  const el = document.createElement('ae-activate');
  el.token = token;
  host.replaceChildren(el);
  el.scrollIntoView({ block: 'nearest' });
}

// ---- validators -----------------------------------------------------------------------------------------
function renderValidators() {
  const out = document.querySelector<HTMLOutputElement>('#validators output')!;
  const lines: string[] = [];
  for (const input of document.querySelectorAll<HTMLInputElement>('#validators input')) {
    const field = input.dataset.field as RegistrationField;
    const issue = validateRegistrationField(field, { [field]: input.value });
    lines.push(
      `${field}: ${issue ? `${issue.code}${issue.params ? ` ${JSON.stringify(issue.params)}` : ''} — ${validationMessage(issue, field)}` : '✓'}`,
    );
  }
  out.textContent = lines.join('\n');
  out.style.whiteSpace = 'pre-wrap';
}
document.querySelector('#validators')!.addEventListener('input', renderValidators);

void switchLocale(detectLocale());
