import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whole seconds until a moment, re-rendering its host once a second while they run: the wait a server asked
 * for (`Retry-After`) before a button works again. Computed from the end time, never counted down, so a tab
 * that slept shows the truth at once; paused while the host is disconnected.
 */
export class CountdownController implements ReactiveController {
  #endsAt = 0;
  #timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** Starts (or restarts) the wait; `0` ends it. */
  start(seconds: number): void {
    this.#endsAt = Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
    // No timer for a host that is not in the page: hostConnected() starts it when it is.
    if (this.host.isConnected) this.hostConnected();
    this.host.requestUpdate();
  }

  /** Whole seconds left, 0 once over. */
  get left(): number {
    return Math.max(0, Math.ceil((this.#endsAt - Date.now()) / 1000));
  }

  hostConnected(): void {
    if (this.left === 0) return this.hostDisconnected();
    this.#timer ??= setInterval(() => {
      if (this.left === 0) this.hostDisconnected();
      this.host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
