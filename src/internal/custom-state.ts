/**
 * Turns custom state `name` (`:state(name)`) of an element on or off. Browsers without CustomStateSet keep
 * working: the states are a styling hook only.
 */
export function setCustomState(internals: ElementInternals, name: string, on: boolean): void {
  try {
    if (on) internals.states.add(name);
    else internals.states.delete(name);
  } catch {
    // No CustomStateSet: nothing to style.
  }
}
