/// <reference types="vite/client" />
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { AeLocale } from '../src/locales/localization.js';
import { themeWords } from './theme-strings.js';
import type { ThemeName } from './theme-strings.js';

/**
 * The pictures of `npm run screenshots` (scripts/screenshots.mjs), docs/register-<locale>-<theme>-<width>.png:
 * the registration form from the current build, filled with mistakes and submitted, in every language, theme
 * and page width. They are the README's pictures too. Vite copies each file into the Storybook build, so
 * this page shows the files as they are in the repository (run the script, then rebuild Storybook).
 */
const meta: Meta = {
  title: 'Guides/Screenshots',
  parameters: { layout: 'padded' },
};
export default meta;

const FILES = import.meta.glob<string>('../docs/*.png', { eager: true, query: '?url', import: 'default' });
const THEMES: readonly ThemeName[] = ['neutral', 'marketplace', 'dark'];
const WIDTHS = [1280, 360] as const;

function url(locale: AeLocale, theme: ThemeName, width: number): string | undefined {
  return FILES[`../docs/register-${locale}-${theme}-${width}.png`];
}

function pictures(locale: AeLocale): TemplateResult {
  const t = themeWords();
  const shots = THEMES.flatMap((theme) => WIDTHS.map((width) => ({ theme, width, src: url(locale, theme, width) })));
  if (!shots.some((s) => s.src)) return html`<p style="font:14px system-ui">${t.missing}</p>`;
  return html`<div
    style="display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,22rem),1fr));gap:1.5rem;align-items:start;font:14px/1.4 system-ui"
  >
    ${shots.map(
      ({ theme, width, src }) => html`<figure style="margin:0;display:grid;gap:.4rem">
        <figcaption><strong>${t.themes[theme]}</strong> · ${width === 1280 ? t.wide : t.narrow}</figcaption>
        ${src
          ? html`<img
              src=${src}
              alt=${t.screenshotAlt(t.languages[locale], t.themes[theme], width)}
              loading="lazy"
              style="max-width:100%;height:auto;border:1px solid #8884;border-radius:6px"
            />`
          : html`<p style="margin:0;opacity:.7">${t.missing}</p>`}
      </figure>`,
    )}
  </div>`;
}

export const English: StoryObj = { render: () => pictures('en') };
export const Russian: StoryObj = { render: () => pictures('ru') };
export const Bulgarian: StoryObj = { render: () => pictures('bg') };
