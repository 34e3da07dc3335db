/**
 * `import 'ae-auth-elements/bg.js'` before the elements: a Bulgarian page (`<html lang="bg">`) renders its first
 * frame in Bulgarian, with the texts in the page's own bundle instead of a chunk loaded after the first render.
 * The account area's texts (account panel, address form, conversation) come in a chunk that the first of those
 * elements requests.
 * See src/locales/preload.ts.
 */
import { templates } from '../locales/generated/bg-first.js';
import { preloadLocale } from '../locales/preload.js';

preloadLocale('bg', templates, () => import('../locales/generated/bg-rest.js'));
