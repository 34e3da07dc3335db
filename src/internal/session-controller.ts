import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getSessionSnapshot, subscribeSession } from '../session/session-store.js';
import type { SessionSnapshot } from '../session/session-store.js';

/**
 * Keeps a Lit element in step with the page's session store: subscribed while the element is connected, an
 * update requested at every change. `snapshot` is what the store knows now.
 *
 *   private readonly session = new SessionController(this);
 *   render() { return this.session.snapshot.status === 'signed-in' ? … : …; }
 */
export class SessionController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly onChange?: (snapshot: SessionSnapshot) => void;
  private unsubscribe?: () => void;

  /** `onChange` runs at every change while connected, before the host's update. */
  constructor(host: ReactiveControllerHost, onChange?: (snapshot: SessionSnapshot) => void) {
    this.host = host;
    this.onChange = onChange;
    host.addController(this);
  }

  /** What the store knows now. */
  get snapshot(): SessionSnapshot {
    return getSessionSnapshot();
  }

  hostConnected(): void {
    this.unsubscribe ??= subscribeSession((snapshot) => {
      this.onChange?.(snapshot);
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
