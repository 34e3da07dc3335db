import { configure } from './configure.js';
import { getLocale, providePreloaded } from './localization.js';
import type { AeLocale } from './localization.js';
import { AeElement } from '../internal/ae-element.js';

type Templates = Record<string, unknown>;

/** While the preset's locale is being applied (microtasks, never a request): every element's update waits. */
let settling: Promise<void> | undefined;

/** A preset's rest of its texts (the account area's), loaded once, merged into the preset's object. */
interface RestPart {
  merged: boolean;
  loading?: Promise<void>;
  load(): Promise<void>;
}
/** Per preset locale. */
const rests = new Map<string, RestPart>();

/**
 * An update of an element whose texts are in the rest part (`static localeTexts = 'rest'`: the account panel, the
 * address form, the conversation) while the page shows a preset's locale whose rest has not arrived: the rest
 * (requested now if it was not yet). On a failed load, `undefined` after it: the element renders, those texts in
 * English, and its next update asks again.
 */
function restPending(el: AeElement): Promise<void> | undefined {
  if ((el.constructor as { localeTexts?: string }).localeTexts !== 'rest') return undefined;
  const rest = rests.get(getLocale());
  return rest && !rest.merged ? rest.load().catch(() => undefined) : undefined;
}

/**
 * Puts one locale's texts and the @lit/localize runtime into the page's static graph (`import
 * 'ae-auth-elements/ru.js'` before the elements): on a page whose `<html lang>` (or browser language, when the
 * page has none) is that locale, the elements' first frame is in it, with no English frame first and no request
 * for the texts. The other locale still loads on demand. Other pages pay only the bytes (`npm run size`).
 *
 * `templates` are the texts of every element whose first control needs no adapter answer. `rest` loads the
 * others (scripts/build/locale-parts.mjs): the first update of an element that needs them, in this locale,
 * requests it (in the task that connected the element, with the element's own first requests) and waits until
 * it is merged; their first control waits for an adapter answer anyway. The other elements never wait for it,
 * and a page without those elements never loads it (on a fast network it would arrive before the first frame
 * and push it back by its parse: measured +10-13 ms on the loopback when the preset requested it at once).
 *
 * The wait lives here, not in AeElement, so that a page without a preset carries none of it: the preset wraps
 * the base class's `scheduleUpdate` once (Lit's hook for deferring an update), and the wrapper passes straight
 * through once the locale is applied.
 */
export function preloadLocale(locale: AeLocale, templates: Templates, rest?: () => Promise<{ templates: Templates }>): void {
  if (rest && !rests.has(locale)) {
    const state: RestPart = {
      merged: false,
      load: () =>
        (state.loading ??= rest().then(
          (m) => {
            // The runtime keeps this very object as the locale's templates: the merged texts are seen at once.
            Object.assign(templates, m.templates);
            state.merged = true;
          },
          (e: unknown) => {
            state.loading = undefined; // a failed chunk load may succeed on the next try
            throw e;
          },
        )),
    };
    rests.set(locale, state);
  }
  const applying = providePreloaded(configure, { locale, templates });
  if (applying) {
    const done: Promise<void> = (settling = applying
      .catch(() => undefined)
      .finally(() => {
        if (settling === done) settling = undefined;
      }));
  }
  if (!applying && !rest) return; // nothing to wait for on this page
  const proto = AeElement.prototype as unknown as { scheduleUpdate(): void | Promise<unknown> };
  if (Object.prototype.hasOwnProperty.call(proto, 'scheduleUpdate')) return; // wrapped by the other preset
  const scheduleUpdate = proto.scheduleUpdate;
  Object.defineProperty(proto, 'scheduleUpdate', {
    configurable: true,
    writable: true,
    value(this: AeElement) {
      const next = (): void | Promise<unknown> => {
        const waiting = restPending(this);
        return waiting ? waiting.then(() => scheduleUpdate.call(this)) : scheduleUpdate.call(this);
      };
      return settling ? settling.then(next) : next();
    },
  });
}
