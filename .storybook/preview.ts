import type { Preview } from '@storybook/web-components-vite';
import { setLocale } from '../src/locales/localization.js';

const preview: Preview = {
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
  },
  initialGlobals: { locale: 'en' },
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
