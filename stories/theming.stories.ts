import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../src/define/ae-register.js';
import '../src/define/ae-captcha.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import type { AeRegister } from '../src/components/register/register.js';
import { tokens } from '../src/internal/tokens.js';
import { formTokens } from '../src/internal/form-tokens.js';
import { CAPTCHA_ANSWER, attached, fillRegister, run, submit } from './helpers.js';
import { THEME_FILE_NAMES, frameStyles, loadThemes, themeFrame } from './theme-helpers.js';
import type { ThemeName } from './theme-strings.js';

/**
 * The three themes the package ships, side by side: the built-in **neutral** look, **marketplace**
 * (`themes/marketplace.css`, the bright red accent and a denser layout) and **dark** (`themes/dark.css`).
 *
 * A page turns a theme on with a class on any ancestor of the elements: `<html class="ae-theme-marketplace">`,
 * `ae-theme-dark`, or both. The classes set only public `--ae-*` custom properties (and `--ae-color-scheme`), so
 * the page's own CSS can read the same tokens; each element still takes `theme="light|dark"`.
 *
 * ```html
 * <link rel="stylesheet" href="https://cdn.example/ae-auth-elements/dist/themes/marketplace.css">
 * <html class="ae-theme-marketplace"> … <ae-register></ae-register>
 * ```
 *
 * Every color is a CSS `light-dark()` pair of a token and its `-dark` twin, picked by the element's
 * `color-scheme`. Structure in the shadow roots is reachable with `::part()`; state with `:state()`.
 * To make a fourth theme, see **Guides/Build your own theme**.
 */
const meta: Meta = {
  title: 'Guides/Themes',
  parameters: { layout: 'padded' },
  loaders: [
    async () => {
      loadThemes();
      return {};
    },
  ],
};
export default meta;

const THEMES: readonly ThemeName[] = ['neutral', 'marketplace', 'dark'];

/**
 * The toolbar's light/dark for the neutral and marketplace columns. The dark column says `theme="dark"` itself
 * too, only so that the toolbar's light (which Storybook gives every element without a theme of its own)
 * does not override its class.
 */
function schemeOf(theme: ThemeName, context: StoryContext): 'light' | 'dark' {
  return theme === 'dark' || context.globals.theme === 'dark' ? 'dark' : 'light';
}

function columns(context: StoryContext, element: (scheme: 'light' | 'dark', theme: ThemeName) => TemplateResult): TemplateResult {
  return html`${frameStyles}
    <div class="ae-story-themes">
      ${THEMES.map((theme) => {
        const scheme = schemeOf(theme, context);
        return themeFrame(theme, scheme, element(scheme, theme));
      })}
    </div>`;
}

/** `<ae-register>` as it opens, in each theme. */
export const Register: StoryObj = {
  render: (_args, context) =>
    columns(
      context,
      (scheme) => html`<ae-register theme=${scheme} .adapter=${new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, seed: 7 })}></ae-register>`,
    ),
};

/** Submitted with mistakes: the error summary, the messages, the passport spelling offer, in each theme. */
export const RegisterWithErrors: StoryObj = {
  name: 'Register, with errors',
  render: (_args, context) => {
    const view = columns(
      context,
      (scheme) => html`<ae-register theme=${scheme} .adapter=${new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, seed: 7 })}></ae-register>`,
    );
    // After the first render: fill every form with the same mistakes and submit it.
    setTimeout(() => {
      for (const el of document.querySelectorAll<AeRegister>('.ae-story-themes ae-register')) {
        run(async () => {
          await attached(el);
          await fillRegister(el, { email: 'maria@', firstName: 'Maria', lastName: 'Иванова', password: 'sekret', passwordRepeat: 'sekret-1' }, null);
          await submit(el);
        });
      }
    });
    return view;
  },
};

/** `<ae-captcha>` on its own (type "Ab3dE"), in each theme. */
export const Captcha: StoryObj = {
  render: (_args, context) =>
    columns(
      context,
      (scheme) => html`<ae-captcha theme=${scheme} required .adapter=${new MemoryAdapter({ captchaAnswer: CAPTCHA_ANSWER, seed: 7 })}></ae-captcha>`,
    ),
};

// ---- the tokens, read from the library's own CSS -----------------------------------------------------

interface TokenRow {
  name: string;
  fallback: string;
  dark?: string;
}

/** The fallback of each `var(--ae-…, fallback)`: the text up to the matching parenthesis. */
function readTokens(cssText: string): TokenRow[] {
  const found = new Map<string, string>();
  const re = /var\(\s*(--ae-[\w-]+)\s*,/g;
  for (let m = re.exec(cssText); m; m = re.exec(cssText)) {
    let depth = 1;
    let i = re.lastIndex;
    for (; i < cssText.length && depth > 0; i++) {
      if (cssText[i] === '(') depth++;
      else if (cssText[i] === ')') depth--;
    }
    const fallback = cssText.slice(re.lastIndex, i - 1).trim().replace(/\s+/g, ' ');
    if (!found.has(m[1]!)) found.set(m[1]!, fallback);
  }
  const rows: TokenRow[] = [];
  for (const [name, fallback] of found) {
    if (name.endsWith('-dark') && found.has(name.slice(0, -5))) continue;
    rows.push({ name, fallback, dark: found.get(`${name}-dark`) });
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** `var(--ae-x, …)` fallbacks shown as what they are: another token, or a value. */
const shown = (value: string | undefined) => (value ?? '').replace(/var\((--ae-[\w-]+),.*$/, '→ $1');

/**
 * Every public token the elements read (system tokens of all elements and of the forms), with its default in
 * light and dark: read from the library's CSS itself, so the list cannot go stale. Element-only properties
 * (`--ae-register-*`, `--ae-captcha-*`) are on each element's page.
 */
export const Tokens: StoryObj = {
  render: () => {
    const rows = readTokens(`${tokens.cssText}\n${formTokens.cssText}`);
    return html`<p style="font:14px/1.5 system-ui;margin:0 0 .75rem">
        Theme files in this build: ${THEME_FILE_NAMES.length ? THEME_FILE_NAMES.join(', ') : '(none found)'}.
      </p>
      <table style="font:14px/1.5 system-ui;border-collapse:collapse">
        <thead>
          <tr>
            <th style="text-align:start;padding:4px 12px">custom property</th>
            <th style="text-align:start;padding:4px 12px">default (light)</th>
            <th style="text-align:start;padding:4px 12px"><code>-dark</code> twin</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr style="border-top:1px solid #8884">
              <td style="padding:4px 12px"><code>${r.name}</code></td>
              <td style="padding:4px 12px"><code>${shown(r.fallback)}</code></td>
              <td style="padding:4px 12px"><code>${shown(r.dark)}</code></td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  },
};
