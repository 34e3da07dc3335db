import type { ReactiveControllerHost } from 'lit';
import type { TranslitSystem } from '../translit/translit.js';
import { NAME_MAX_LENGTH } from '../validation/limits.js';
import type { ValidationIssue } from '../validation/validate.js';
import { getLocale } from '../locales/localization.js';

/** What the suggestion needs from the lazily loaded validation chunk (register-validation.ts has both). */
export interface SuggestionTools {
  pickSystem(text: string, explicit: TranslitSystem | undefined, locale: string): TranslitSystem;
  transliterateName(text: string, system: TranslitSystem): Promise<string>;
}

/** The issues whose spelling the full table may refine (letters outside the official tables). */
const REFINED = new Set(['name.cyrillic', 'name.latinOnly']);

/**
 * The one-click passport spelling under a name field ("Use “Iuliia”"), as the registration offers it: the
 * name schema's own suggestion (the official tables, synchronous), refined by the full transliteration table
 * for letters outside them (Ł, ß…; loaded lazily) while the same text is in the field in the same system.
 * The suggestion is offered, never put in the field by itself (TRANSLITERATION.md: a citizen may have another
 * spelling in the passport).
 *
 * Moved out of `<ae-register>` for `<ae-social-login>`'s profile form: both use it.
 */
export class NameSuggestions<F extends string> {
  private readonly host: ReactiveControllerHost;
  private readonly full = new Map<F, { value: string; system: TranslitSystem; suggestion: string }>();

  constructor(host: ReactiveControllerHost) {
    this.host = host;
  }

  /** After the field changed to `value` (with `issue` from the name schema): asks the full table, lazily. */
  refine(field: F, value: string, issue: ValidationIssue | undefined, tools: SuggestionTools, explicit: TranslitSystem | undefined, current: () => string): void {
    if (!issue || !REFINED.has(issue.code)) return;
    // Too long for any usable spelling (the schema offers none either): not worth the full table's work.
    if (value.length > NAME_MAX_LENGTH * 4) return;
    const system = tools.pickSystem(value, explicit, getLocale());
    void tools.transliterateName(value, system).then((suggestion) => {
      if (current() !== value) return;
      this.full.set(field, { value, system, suggestion });
      this.host.requestUpdate();
    });
  }

  /** The spelling to offer for `value`, or undefined (none, or the same as typed). */
  suggestion(field: F, value: string, issue: ValidationIssue | undefined, tools: SuggestionTools | undefined, explicit: TranslitSystem | undefined): string | undefined {
    if (!issue) return undefined;
    const full = this.full.get(field);
    // The refined spelling counts only for the same text in the same system (the locale may change).
    const fresh = full && tools && full.value === value && full.system === tools.pickSystem(value, explicit, getLocale());
    const s = fresh ? full.suggestion : (issue.params?.suggestion as string | undefined);
    return s && s !== value ? s : undefined;
  }
}
