/**
 * `import 'ae-auth-elements/ru.js'` before the elements: a Russian page (`<html lang="ru">`) renders its first
 * frame in Russian, with the texts in the page's own bundle instead of a chunk loaded after the first render.
 * The account area's texts (account panel, address form, conversation) come in a chunk that the first of those
 * elements requests.
 * See src/locales/preload.ts.
 */
import { templates } from '../locales/generated/ru-first.js';
import { preloadLocale } from '../locales/preload.js';

preloadLocale('ru', templates, () => import('../locales/generated/ru-rest.js'));
