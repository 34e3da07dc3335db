import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `npm run analyze` (run before storybook and build-storybook):
// autodocs and the controls' descriptions come from it.
import manifest from '../custom-elements.json';
import { setLocale } from '../src/locales/localization.js';
import { argTypesFromManifest } from './manifest-arg-types.js';

/** Elements that take a `theme` attribute. */
const THEMED = 'ae-register, ae-captcha, ae-activate, ae-login, ae-forgot-password, ae-reset-password, ae-user-menu';
const PAGE_COLORS = { light: ['#ffffff', '#1d1d1f'], dark: ['#16171a', '#ececf1'] } as const;
let theme: 'light' | 'dark' = 'light';
let observer: MutationObserver | undefined;
/** Elements this decorator gave the toolbar's theme to; any other `theme` attribute is the story's own. */
const themedByToolbar = new WeakSet<Element>();

/**
 * Gives the toolbar's theme to every outermost themed element that has none of its own, and the page matching
 * colors. A story's own `theme` wins (the Theming guide's "Dark" story is dark whatever the toolbar says), and
 * nested elements (the captcha inside the form, the form's activation step) are left to their host, which
 * hands its own theme down.
 */
function applyTheme(): void {
  const [background, color] = PAGE_COLORS[theme];
  Object.assign(document.body.style, { background, color, colorScheme: theme });
  for (const el of document.querySelectorAll(THEMED)) {
    if (el.parentElement?.closest(THEMED)) continue;
    // A theme class on an ancestor (a Themes guide column) decides that element's scheme, not the toolbar.
    if (el.closest('[class*="ae-theme-"]')) continue;
    const own = el.hasAttribute('theme') && !themedByToolbar.has(el);
    if (own) continue;
    themedByToolbar.add(el);
    if (el.getAttribute('theme') !== theme) el.setAttribute('theme', theme);
  }
}

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    // One row per public name and category, read-only properties without a control (manifest-arg-types.ts).
    docs: { extractArgTypes: (tagName: unknown) => argTypesFromManifest(manifest, tagName) },
  },
  argTypesEnhancers: [
    // A control only for what the story's render reads (its args); the other properties are documented.
    ({ argTypes, initialArgs }) => {
      for (const [key, argType] of Object.entries(argTypes)) {
        if (argType.table?.category === 'properties' && !(key in (initialArgs ?? {}))) argType.control = false;
      }
      return argTypes;
    },
  ],
  globalTypes: {
    locale: {
      description: 'UI language of the elements',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ru', title: 'Русский' },
          { value: 'bg', title: 'Български' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Color theme of the elements and the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  // Elements appear after the render (the form's success step, the flow's activation page): a MutationObserver
  // themes each one as it is added.
  decorators: [
    (story, { globals }) => {
      theme = globals.theme === 'dark' ? 'dark' : 'light';
      observer ??= new MutationObserver(applyTheme);
      observer.observe(document.body, { childList: true, subtree: true });
      queueMicrotask(applyTheme);
      return story();
    },
  ],
  // A loader runs before every render (also after a toolbar change), so the story renders in the new locale.
  loaders: [
    async ({ globals }) => {
      const locale = String(globals.locale ?? 'en');
      document.documentElement.lang = locale;
      await setLocale(locale);
      return {};
    },
  ],
};
export default preview;
