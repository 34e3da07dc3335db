/**
 * `import 'ae-auth-elements/ru.js'` before the elements: a Russian page (`<html lang="ru">`) renders its first
 * frame in Russian, with the texts in the page's own bundle instead of a chunk loaded after the first render.
 * See src/locales/preload.ts.
 */
import { templates } from '../locales/generated/ru.js';
import { preloadLocale } from '../locales/preload.js';

preloadLocale('ru', templates);
