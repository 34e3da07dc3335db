/**
 * Loaded the first time a non-English locale is needed (with the @lit/localize runtime it imports), so that a
 * page in English downloads none of it: configures @lit/localize for our locales, or reports that the page
 * already configured it itself.
 */
import { configureLocalization } from '@lit/localize/init/runtime.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type LocaleControls = ReturnType<typeof configureLocalization>;

function loadLocale(locale: string) {
  // Written out literally so that every bundler makes one small chunk per locale, with no plugin.
  return locale === 'ru' ? import('./generated/ru.js') : import('./generated/bg.js');
}

/**
 * The runtime's controls, or `undefined` when the page had configured @lit/localize before us: then the page's
 * runtime drives our strings, and `getLocale()` reads the language they are rendered in.
 */
export function configure(): LocaleControls | undefined {
  try {
    return configureLocalization({ sourceLocale, targetLocales, loadLocale });
  } catch {
    console.warn(
      '[ae-auth-elements] @lit/localize is already configured by this page; ae-* elements follow its locale. ' +
        'Merge our templates into its loadLocale and call useHostLocalization() to silence this warning.',
    );
    return undefined;
  }
}
