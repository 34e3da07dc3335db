export {
  setLocale,
  getLocale,
  detectLocale,
  matchLocale,
  useHostLocalization,
  SUPPORTED_LOCALES,
  LOCALE_STATUS_EVENT,
} from './localization.js';
export type { AeLocale } from './localization.js';
export { pluralCategory, secondsText, charactersText } from './units.js';
