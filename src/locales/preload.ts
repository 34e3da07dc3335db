import { configure } from './configure.js';
import { providePreloaded } from './localization.js';
import type { AeLocale } from './localization.js';
import { AeElement } from '../internal/ae-element.js';

/** While the preset's locale is being applied (microtasks, never a request): every element's update waits. */
let settling: Promise<void> | undefined;

/**
 * Puts one locale's texts and the @lit/localize runtime into the page's static graph (`import
 * 'ae-auth-elements/ru.js'` before the elements): on a page whose `<html lang>` (or browser language, when the
 * page has none) is that locale, the elements' first frame is in it, with no English frame first and no request
 * for the texts. The other locale still loads on demand. Other pages pay only the bytes (`npm run size`).
 *
 * The wait lives here, not in AeElement, so that a page without a preset carries none of it: the preset wraps
 * the base class's `scheduleUpdate` once (Lit's hook for deferring an update), and the wrapper passes straight
 * through once the locale is applied.
 */
export function preloadLocale(locale: AeLocale, templates: Record<string, unknown>): void {
  const applying = providePreloaded(configure, { locale, templates });
  if (!applying) return;
  const done: Promise<void> = (settling = applying
    .catch(() => undefined)
    .finally(() => {
      if (settling === done) settling = undefined;
    }));
  const proto = AeElement.prototype as unknown as { scheduleUpdate(): void | Promise<unknown> };
  if (Object.prototype.hasOwnProperty.call(proto, 'scheduleUpdate')) return; // wrapped by the other preset
  const scheduleUpdate = proto.scheduleUpdate;
  Object.defineProperty(proto, 'scheduleUpdate', {
    configurable: true,
    writable: true,
    value(this: AeElement) {
      const next = () => scheduleUpdate.call(this);
      return settling ? settling.then(next) : next();
    },
  });
}
