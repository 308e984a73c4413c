import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stockService, type StockService } from '../services/stock-service.js';

/**
 * Live stock levels for a component: re-renders its host whenever they (or their freshness) change.
 * `productId` names the product the host shows, whose levels the service then asks the server for
 * (only what is on screen is asked for, however large the range); without it the host only listens.
 */
export class StockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #service: StockService;
  readonly #productId: () => string | undefined;
  #watching: string | undefined;
  #connected = false;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(
    host: ReactiveControllerHost,
    productId: () => string | undefined = () => undefined,
    service: StockService = stockService,
  ) {
    this.#host = host;
    this.#service = service;
    this.#productId = productId;
    host.addController(this);
  }

  get service(): StockService {
    return this.#service;
  }

  hostConnected(): void {
    this.#service.addEventListener('change', this.#onChange);
    this.#watching = this.#productId() || undefined;
    this.#service.connect(this.#watching);
    this.#connected = true;
  }

  /** The host now shows another product: the service is told before the host renders. */
  hostUpdate(): void {
    const next = this.#productId() || undefined;
    if (!this.#connected || next === this.#watching) return;
    this.#service.connect(next);
    this.#service.disconnect(this.#watching);
    this.#watching = next;
  }

  hostDisconnected(): void {
    this.#service.removeEventListener('change', this.#onChange);
    this.#service.disconnect(this.#watching);
    this.#connected = false;
  }
}
