import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ShopOrder } from '../domain/order.js';
import { listOrders } from '../storage/outbox-store.js';
import { watchOutbox } from '../storage/outbox-sync.js';

/**
 * The shop's orders for a component, re-read whenever one changes in any tab or in the service
 * worker, plus whether the browser is online (a pending order says when it will be sent).
 */
export class OutboxController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #stop: (() => void) | undefined;
  /** Undefined until the first read finished. */
  orders: ShopOrder[] | undefined;
  online = true;
  error = '';

  readonly #onNetwork = (): void => {
    this.online = navigator.onLine;
    this.#host.requestUpdate();
  };

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  order(key: string): ShopOrder | undefined {
    return this.orders?.find((o) => o.key === key);
  }

  hostConnected(): void {
    this.online = navigator.onLine;
    window.addEventListener('online', this.#onNetwork);
    window.addEventListener('offline', this.#onNetwork);
    this.#stop = watchOutbox(() => void this.#load());
    void this.#load();
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#onNetwork);
    window.removeEventListener('offline', this.#onNetwork);
    this.#stop?.();
  }

  async #load(): Promise<void> {
    try {
      this.orders = await listOrders();
      this.error = '';
    } catch (error) {
      console.error(error);
      this.error = 'Ihre Bestellungen konnten auf diesem Gerät nicht gelesen werden.';
    }
    this.#host.requestUpdate();
  }
}
