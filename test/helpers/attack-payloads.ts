/**
 * What attackers and odd keyboards put into a form or a server answer, shared by the attack suites
 * (hostile-input, properties, faults-matrix). A payload that would run sets `window.__aePwned` (and says where
 * from), so a test can prove that none ran.
 */

declare global {
  interface Window {
    /** Set by a payload that ran: the name of the payload. Never set in a passing test. */
    __aePwned?: string[];
  }
}

/** Records that a payload ran (the payloads call it through the global, as injected script would). */
export function pwnedFlag(): string[] {
  return (window.__aePwned ??= []);
}

/** Script that reports through the global flag when it runs. */
const run = (name: string) => `(window.__aePwned=window.__aePwned||[]).push('${name}')`;

/** Markup and script meant to run if a text sink renders it as HTML. */
export const MARKUP_PAYLOADS: readonly string[] = [
  `<img src=x onerror="${run('img-onerror')}">`,
  `<svg onload="${run('svg-onload')}"></svg>`,
  `<script>${run('script')}</script>`,
  `"><img src=x onerror=${run('attr-break')}>`,
  `<a href="javascript:${run('js-link')}">x</a>`,
  `<iframe srcdoc="<script>parent.${run('srcdoc')}</script>"></iframe>`,
  `<details open ontoggle="${run('ontoggle')}">`,
  `javascript:${run('bare-js')}`,
  `'-alert(1)-'`,
  '${7*7}{{7*7}}',
];

/** A name-like string that carries markup (what a server could send back as a first name). */
export const HOSTILE_NAME = `Eve<img src=x onerror="${run('name')}">`;
/** An e-mail whose local part carries markup; the WHATWG rule refuses it, a server may still echo one. */
export const HOSTILE_EMAIL = `eve"><svg onload=${run('email')}>@example.com`;
/** A problem document's `detail` with markup. */
export const HOSTILE_DETAIL = `<img src=x onerror="${run('detail')}"><b>Server says</b>`;

/** SVG with script, as a data: URL: an <img> never runs it (images are inert), an <iframe> or <object> would. */
export const SVG_WITH_SCRIPT = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" onload="${run('svg-img-onload')}"><script>${run('svg-img-script')}</script><text y="20">ab12</text></svg>`,
)}`;

/** Captcha images no page may show (HttpAdapter refuses them as `server`). */
export const BAD_CAPTCHA_IMAGES: readonly string[] = [
  `javascript:${run('captcha-js')}`,
  ` JaVaScRiPt:${run('captcha-js-case')}`,
  `data:text/html,<script>${run('captcha-html')}</script>`,
  `data:text/html;base64,${btoa(`<script>${run('captcha-html64')}</script>`)}`,
  'vbscript:msgbox(1)',
  'http://evil.example/captcha.png',
  '',
  '   ',
];

/** Odd but legitimate text: right-to-left marks, zero-width characters, combining marks, emoji, NUL. */
export const ODD_TEXT: readonly { name: string; text: string }[] = [
  { name: 'RTL override', text: 'Maria\u202Eavoni\u202C' },
  { name: 'RTL/LTR marks', text: '\u200FMaria\u200E' },
  { name: 'zero-width', text: 'Ma\u200Bri\u200Ca\u200D\uFEFF' },
  { name: 'combining marks', text: 'Mari\u0301a Z\u0351\u0352a\u0308\u0309lgo' },
  { name: 'emoji', text: 'Maria 👩🏽‍💻🇧🇬' },
  { name: 'NUL', text: 'Maria\u0000Ivanova' },
  { name: 'lone surrogate', text: 'Maria\uD800' },
  { name: 'Cyrillic', text: 'Мария' },
];

/** `n` characters of `unit`. */
export const long = (n: number, unit = 'a'): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
