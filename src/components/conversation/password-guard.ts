/**
 * The chat's guard against a password sent by mistake: at the moment of sending, every password typed in a form
 * of the page (password fields, and the fields a show/hide button revealed, known by their `autocomplete`
 * token), in the document and in open shadow roots. Nothing is kept: the values are read and compared, then
 * dropped.
 */
const PASSWORD_FIELDS = 'input[type="password"], input[autocomplete~="current-password"], input[autocomplete~="new-password"]';

/** Shorter values are not compared: a one- or two-character "password" would refuse ordinary words. */
const MIN_LENGTH = 4;

function* roots(root: Document | ShadowRoot): Generator<Document | ShadowRoot> {
  yield root;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const shadow = (n as Element).shadowRoot;
    if (shadow) yield* roots(shadow);
  }
}

/** Whether `text` contains a password typed in a form of the page. */
export function containsPagePassword(text: string, doc: Document = document): boolean {
  if (!text) return false;
  for (const root of roots(doc)) {
    for (const input of root.querySelectorAll<HTMLInputElement>(PASSWORD_FIELDS)) {
      const value = input.value;
      if (value.length >= MIN_LENGTH && text.includes(value)) return true;
    }
  }
  return false;
}
