import { configure } from './configure.js';
import { providePreloaded } from './localization.js';
import type { AeLocale } from './localization.js';

/**
 * Puts one locale's texts and the @lit/localize runtime into the page's static graph (`import
 * 'ae-auth-elements/ru.js'` before the elements): on a page whose `<html lang>` (or browser language, when the
 * page has none) is that locale, the elements' first frame is in it, with no English frame first and no request
 * for the texts. The other locale still loads on demand. Other pages pay only the bytes (`npm run size`).
 */
export function preloadLocale(locale: AeLocale, templates: Record<string, unknown>): void {
  providePreloaded(configure, { locale, templates });
}
