import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdminApiError } from '../admin/api.js';

/** One page of a back office list and the key to ask for the next one (null on the last page). */
export interface KeysetPage<T> {
  items: T[];
  next: string | null;
}

/**
 * A back office list read page by page ("Weitere laden"), for the orders, stock, mail and audit
 * pages alike. A reply that arrives after the filter changed again is dropped, so a slow answer to
 * an old search can never replace the list of a newer one.
 */
export class KeysetListController<T> implements ReactiveController {
  /** Undefined until the first page has arrived (or when it could not be read). */
  items: T[] | undefined;
  next: string | null = null;
  loading = false;
  error = '';
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fetchPage: (after?: string) => Promise<KeysetPage<T>>,
    /** Said when the server's own message is not at hand (no connection, a proxy's page). */
    private readonly failure: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.reload();
  }

  /** The first page again, e.g. for a new filter; the old rows go at once. */
  reload(): Promise<void> {
    this.items = undefined;
    this.next = null;
    return this.#load();
  }

  /** Appends the next page, if there is one. */
  more(): Promise<void> {
    return this.next ? this.#load(this.next) : Promise.resolve();
  }

  /** Changes rows in place (e.g. one that an action on the page changed), keeping the paging. */
  update(change: (items: T[]) => T[]): void {
    if (!this.items) return;
    this.items = change(this.items);
    this.host.requestUpdate();
  }

  async #load(after?: string): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.error = '';
    this.host.requestUpdate();
    try {
      const page = await this.fetchPage(after);
      if (generation !== this.#generation) return;
      this.items = after ? [...(this.items ?? []), ...page.items] : page.items;
      this.next = page.next;
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error instanceof AdminApiError ? error.message : this.failure;
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.host.requestUpdate();
      }
    }
  }
}
