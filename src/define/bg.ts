/**
 * `import 'ae-auth-elements/bg.js'` before the elements: a Bulgarian page (`<html lang="bg">`) renders its first
 * frame in Bulgarian, with the texts in the page's own bundle instead of a chunk loaded after the first render.
 * See src/locales/preload.ts.
 */
import { templates } from '../locales/generated/bg.js';
import { preloadLocale } from '../locales/preload.js';

preloadLocale('bg', templates);
