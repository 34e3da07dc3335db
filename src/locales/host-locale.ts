import { LOCALE_STATUS_EVENT } from '@lit/localize/internal/locale-status-event.js';

/**
 * When the page runs @lit/localize itself, our locale is the one its runtime reports ready: `onLocale` gets
 * each one (for getLocale() and the `lang` of our nodes). A module of its own, so that a page that never meets
 * a host runtime does not download it.
 */
export function followHostLocale(onLocale: (locale: string | undefined) => void): void {
  window.addEventListener(LOCALE_STATUS_EVENT, (e) => {
    const { detail } = e as CustomEvent<{ status: string; readyLocale?: string }>;
    if (detail.status === 'ready') onLocale(detail.readyLocale);
  });
}
