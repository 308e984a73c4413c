import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { refreshOrderStatus } from '../services/order-status.js';
import type { OutboxController } from './outbox-controller.js';

/**
 * Asks the server once for the current state of the orders a page shows (when it opens, and again
 * when the connection returns); the outbox then re-reads them with their new state.
 */
export class OrderStatusController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #outbox: OutboxController;
  #asked = false;

  readonly #onOnline = (): void => {
    this.#asked = false;
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost, outbox: OutboxController) {
    this.#host = host;
    this.#outbox = outbox;
    host.addController(this);
  }

  hostConnected(): void {
    this.#asked = false;
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onOnline);
  }

  hostUpdated(): void {
    const orders = this.#outbox.orders;
    if (this.#asked || !orders || !navigator.onLine) return;
    this.#asked = true;
    void refreshOrderStatus(orders);
  }
}
