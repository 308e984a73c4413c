import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { stockService, type StockService } from '../services/stock-service.js';

/** Live stock levels for a component: re-renders its host whenever they (or their freshness) change. */
export class StockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #service: StockService;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost, service: StockService = stockService) {
    this.#host = host;
    this.#service = service;
    host.addController(this);
  }

  get service(): StockService {
    return this.#service;
  }

  hostConnected(): void {
    this.#service.addEventListener('change', this.#onChange);
    this.#service.connect();
  }

  hostDisconnected(): void {
    this.#service.removeEventListener('change', this.#onChange);
    this.#service.disconnect();
  }
}
