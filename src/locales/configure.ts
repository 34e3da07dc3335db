/**
 * Loaded the first time a non-English locale is needed (with the @lit/localize runtime it imports), so that a
 * page in English downloads none of it: configures @lit/localize for our locales, or reports that the page
 * already configured it itself. A locale preset (`ae-auth-elements/ru.js`, preload.ts) puts it, and that
 * locale's texts, in the page's static graph instead.
 */
import { configureLocalization } from '@lit/localize/init/runtime.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

export type LocaleControls = ReturnType<typeof configureLocalization>;
/** A locale whose texts are already in the page (a preset): given, not loaded. */
export interface PreloadedLocale {
  locale: string;
  templates: Record<string, unknown>;
}

/**
 * The runtime's controls, or `undefined` when the page had configured @lit/localize before us: then the page's
 * runtime drives our strings, and `getLocale()` reads the language they are rendered in.
 */
export function configure(preloaded?: PreloadedLocale): LocaleControls | undefined {
  const loadLocale = (locale: string) =>
    locale === preloaded?.locale
      ? Promise.resolve({ templates: preloaded.templates })
      : // Both parts at once (scripts/build/locale-parts.mjs): one request level. Written out literally so that
        // every bundler makes small chunks per locale, with no plugin.
        Promise.all(
          locale === 'ru'
            ? [import('./generated/ru-first.js'), import('./generated/ru-rest.js')]
            : [import('./generated/bg-first.js'), import('./generated/bg-rest.js')],
        ).then(([first, rest]) => ({ templates: { ...first.templates, ...rest.templates } }));
  try {
    return configureLocalization({ sourceLocale, targetLocales, loadLocale: loadLocale as never });
  } catch {
    console.warn(
      '[ae-auth-elements] @lit/localize is already configured by this page; ae-* elements follow its locale. ' +
        'Merge our templates into its loadLocale and call useHostLocalization() to silence this warning.',
    );
    return undefined;
  }
}
