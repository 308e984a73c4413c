import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { listingContext } from '../context/listing.js';
import type { ListingStore } from '../services/listing-store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The listing for a component: its host renders again whenever a shard or details bucket arrives or
 * the offline copy grows, so the component just reads `store` synchronously in `render()`.
 */
export class ListingController implements ReactiveController {
  readonly #host: Host;
  #store: ListingStore | undefined;
  #connected = false;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: Host, options: { progress?: boolean } = {}) {
    this.#host = host;
    this.#events = options.progress ? ['change', 'progress'] : ['change'];
    host.addController(this);
    new ContextConsumer(host, { context: listingContext, subscribe: true, callback: (store) => this.#use(store) });
  }

  readonly #events: string[];

  get store(): ListingStore | undefined {
    return this.#store;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#listen(true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#listen(false);
  }

  #listen(on: boolean): void {
    for (const type of this.#events) {
      if (on) this.#store?.addEventListener(type, this.#onChange);
      else this.#store?.removeEventListener(type, this.#onChange);
    }
  }

  #use(store: ListingStore | undefined): void {
    this.#listen(false);
    this.#store = store;
    if (this.#connected) this.#listen(true);
    this.#host.requestUpdate();
  }
}
