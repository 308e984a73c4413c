import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether the browser believes it has a network, kept live for a component. `navigator.onLine`
 * false is reliable (no network at all); true only means "maybe", so nothing is promised on it.
 */
export class OnlineController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  online = typeof navigator === 'undefined' ? true : navigator.onLine;
  /** When the state last changed (ms), so a host can show "back online" only briefly. */
  changedAt = 0;

  readonly #onChange = (): void => {
    if (this.online === navigator.onLine) return;
    this.online = navigator.onLine;
    this.changedAt = Date.now();
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#onChange);
    window.addEventListener('offline', this.#onChange);
    // The state may have changed while the host was detached.
    this.#onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onChange);
    window.removeEventListener('offline', this.#onChange);
  }
}
