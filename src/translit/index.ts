export {
  TRANSLIT_SYSTEMS,
  hasCyrillic,
  systemForLocale,
  transliterateName,
  transliterateNameSync,
} from './translit.js';
export type { TranslitSystem } from './translit.js';
