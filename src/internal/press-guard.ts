import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Holds back what leaving a field would show (its message) while a press inside the form is under way, and
 * shows it after the click that the press makes. A message appearing on `change` (the field lost focus to
 * the press) would move the button under the pointer before the release, and the click would be lost.
 *
 * Call {@link onPointerDown} from the form's `pointerdown` and route every "show this field's message" through
 * {@link run}. One pair of window listeners per press, removed by whichever of `pointerup` and
 * `pointercancel` (a touch that became a scroll) comes first. Every light-DOM form uses it.
 */
export class PressGuard implements ReactiveController {
  #down = false;
  #deferred: (() => void)[] = [];

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  readonly onPointerDown = (): void => {
    if (this.#down) return;
    this.#down = true;
    window.addEventListener('pointerup', this.#end, true);
    window.addEventListener('pointercancel', this.#end, true);
  };

  /** Runs `show` now, or after the press under way ends. */
  run(show: () => void): void {
    if (this.#down) this.#deferred.push(show);
    else show();
  }

  readonly #end = (): void => {
    this.#release();
    // After the click that this release makes.
    setTimeout(() => {
      if (this.#down) return;
      for (const show of this.#deferred.splice(0)) show();
    });
  };

  #release(): void {
    this.#down = false;
    window.removeEventListener('pointerup', this.#end, true);
    window.removeEventListener('pointercancel', this.#end, true);
  }

  hostDisconnected(): void {
    this.#release();
    this.#deferred = [];
  }
}
