/// <reference types="vite/client" />
/**
 * Shared by the theme guides: the package's theme files (src/themes/*.css) on the Storybook page, and a frame
 * that shows one theme with its name, its class and a page background read from the same public tokens.
 * Not part of the library.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { themeWords } from './theme-strings.js';
import type { ThemeName } from './theme-strings.js';

/**
 * The theme files as text, put on the page once as one <style>. Each sets tokens only under its class, so
 * having all of them on the page changes nothing until a class is used. (As text rather than as CSS imports:
 * a page of a consumer loads them with <link> or its bundler; here they must not depend on how Vite treats
 * the package's `sideEffects` list.)
 */
const THEME_FILES = import.meta.glob<string>('../src/themes/*.css', { eager: true, query: '?inline', import: 'default' });

export function loadThemes(): void {
  if (document.getElementById('ae-story-themes')) return;
  const style = document.createElement('style');
  style.id = 'ae-story-themes';
  style.textContent = Object.values(THEME_FILES).join('\n');
  document.head.append(style);
}

/** The files found (for a guide that says which ones the page has). */
export const THEME_FILE_NAMES = Object.keys(THEME_FILES).map((p) => p.replace('../src/', ''));

export const THEME_CLASS: Record<ThemeName, string> = {
  neutral: '',
  marketplace: 'ae-theme-marketplace',
  dark: 'ae-theme-dark',
  forest: 'my-theme-forest',
};

/**
 * One theme's column: its name, how to turn it on, and `content` on a page background made of the tokens
 * (the alternative surface in light, a shade under the surface in dark), in the color scheme the theme sets
 * (`--ae-color-scheme`), else `scheme` (the toolbar's).
 */
export function themeFrame(theme: ThemeName, scheme: 'light' | 'dark', content: TemplateResult, extraClass = ''): TemplateResult {
  const t = themeWords();
  return html`<section
    class="ae-story-theme ${THEME_CLASS[theme]} ${extraClass}"
    style="--_scheme:${scheme}"
    aria-label=${t.themes[theme]}
  >
    <h3 style="margin:0;font-size:1rem">${t.themes[theme]}</h3>
    <p style="margin:0 0 .75rem;font-size:.8125rem;opacity:.85">${t.about[theme]}</p>
    ${content}
  </section>`;
}

/** The columns' look (in the story, once). */
export const frameStyles = html`<style>
  .ae-story-themes {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
    gap: 1rem;
    align-items: start;
    font: 14px/1.45 system-ui, sans-serif;
  }
  .ae-story-theme {
    color-scheme: var(--ae-color-scheme, var(--_scheme));
    padding: 1rem;
    border-radius: 12px;
    background: light-dark(
      var(--ae-color-surface-alt, #f3f4f6),
      color-mix(in srgb, var(--ae-color-surface-dark, #1f2126) 70%, #000)
    );
    color: light-dark(var(--ae-color-text, #1b1d22), var(--ae-color-text-dark, #ececf1));
    --ae-register-max-width: none;
  }
</style>`;
