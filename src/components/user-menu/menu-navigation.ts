/**
 * The moves of the WAI-ARIA menu pattern inside an open menu (https://www.w3.org/WAI/ARIA/apg/patterns/menubar/):
 * ArrowDown/ArrowUp to the next/previous item with wrap, Home/PageUp and End/PageDown to the ends, a printable
 * character to the next item (after the current one, wrapping) whose label starts with it.
 *
 * `index` is the focused item (-1 for none); the answer is the item to focus, or `undefined` when `key` is not
 * a move (or no label starts with the character).
 */
export function menuMove(key: string, index: number, labels: readonly string[], locale: string): number | undefined {
  const n = labels.length;
  if (n === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return index < 0 ? 0 : (index + 1) % n;
    case 'ArrowUp':
      return index < 0 ? n - 1 : (index - 1 + n) % n;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return n - 1;
  }
  if ([...key].length !== 1 || key.trim() === '') return undefined;
  const letter = key.toLocaleLowerCase(locale);
  for (let step = 1; step <= n; step++) {
    const i = (index + step + n) % n;
    if (labels[i]!.trim().toLocaleLowerCase(locale).startsWith(letter)) return i;
  }
  return undefined;
}
