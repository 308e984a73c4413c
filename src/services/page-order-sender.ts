import { SYNC_TAG, flushOutbox } from './order-sender.js';

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Runs the outbox sender for a page: at start-up, when the browser comes online, when the page asks
 * (`deliverSoon`, e.g. right after an order), and on a timer while an order waits out its backoff.
 * The service worker sends on Background Sync (src/sw.ts), even with no page open. Passes in one
 * page never overlap; across pages and the worker the Web Lock serializes them.
 */
export class OrderSender {
  #running: Promise<void> | undefined;
  #again = false;
  #force = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #onOnline = () => this.deliverSoon();

  start(): void {
    window.addEventListener('online', this.#onOnline);
    this.deliverSoon();
  }

  stop(): void {
    window.removeEventListener('online', this.#onOnline);
    clearTimeout(this.#timer);
  }

  /**
   * Sends every undelivered order now, and asks for a Background Sync so the browser delivers them
   * even if this page closes while offline.
   */
  deliverSoon(): void {
    void this.#registerSync();
    this.#run(true);
  }

  #run(force: boolean): void {
    this.#force ||= force;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().finally(() => (this.#running = undefined));
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      const force = this.#force;
      this.#force = false;
      try {
        this.#schedule((await flushOutbox({ force })).nextAttemptAt);
      } catch (error) {
        console.error('Laden: the order outbox could not be sent', error);
      }
    } while (this.#again);
  }

  #schedule(at: number | undefined): void {
    clearTimeout(this.#timer);
    // Offline, a timer would only fail again: the `online` event starts the next pass.
    if (at === undefined || !navigator.onLine) return;
    this.#timer = setTimeout(() => this.#run(false), Math.max(0, at - Date.now()));
  }

  async #registerSync(): Promise<void> {
    try {
      const registration = (await navigator.serviceWorker?.getRegistration()) as SyncRegistration | undefined;
      await registration?.sync?.register(SYNC_TAG);
    } catch {
      // No Background Sync (Firefox, Safari) or not allowed: the online event and start-up cover it.
    }
  }
}

/** The page's one sender. */
export const orderSender = new OrderSender();
