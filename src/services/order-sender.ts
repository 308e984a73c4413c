import { undeliveredOrders, updateOrder } from '../storage/outbox-store.js';
import { backoffMs, deliver } from './order-delivery.js';

/** One sender at a time across the tabs and the service worker of this origin. */
export const SENDER_LOCK = 'laden-order-sender';
/** The Background Sync tag the service worker flushes the outbox on. */
export const SYNC_TAG = 'laden-orders';

export interface FlushOptions {
  /** Send every undelivered order now, ignoring backoff (the network came back, the page asked). */
  force?: boolean;
  fetch?: typeof fetch;
  /** Where the API is; the page and the service worker use their own origin. */
  baseUrl?: string;
}

export interface FlushResult {
  confirmed: number;
  rejected: number;
  /** When the earliest order still undelivered is due again (ms), if any. */
  nextAttemptAt?: number;
}

async function withSenderLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  // Without Web Locks (Node, old browsers) this context is the only sender there is.
  return locks ? locks.request(SENDER_LOCK, work) : work();
}

/**
 * Sends the outbox's due orders, oldest first, holding the sender lock for the whole pass. Each order
 * is marked `sent` before its request leaves, and finished from the server's answer; a crash or reload
 * in between leaves it `sent`, and the next pass sends it again under the same Idempotency-Key, which
 * the server answers with the first answer. So an order is stored once however often it travels.
 */
export function flushOutbox(options: FlushOptions = {}): Promise<FlushResult> {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  return withSenderLock(async () => {
    const result: FlushResult = { confirmed: 0, rejected: 0 };
    for (const due of await undeliveredOrders()) {
      if (!options.force && due.nextAttemptAt > Date.now()) {
        result.nextAttemptAt = Math.min(result.nextAttemptAt ?? Infinity, due.nextAttemptAt);
        continue;
      }
      const sending = await updateOrder(due.key, (o) =>
        o.state === 'pending' || o.state === 'sent' ? { ...o, state: 'sent', attempts: o.attempts + 1 } : undefined,
      );
      if (!sending) continue;
      const outcome = await deliver(sending, fetchImpl, options.baseUrl);
      if (outcome.kind === 'confirmed') {
        await updateOrder(due.key, (o) => ({ ...o, state: 'confirmed', order: outcome.order, lastError: undefined }));
        result.confirmed++;
      } else if (outcome.kind === 'rejected') {
        await updateOrder(due.key, (o) => ({
          ...o,
          state: 'rejected',
          problem: outcome.problem,
          lastError: undefined,
        }));
        result.rejected++;
      } else {
        const nextAttemptAt = Date.now() + Math.max(outcome.afterMs ?? 0, backoffMs(sending.attempts));
        await updateOrder(due.key, (o) => ({ ...o, state: 'pending', nextAttemptAt, lastError: outcome.reason }));
        result.nextAttemptAt = Math.min(result.nextAttemptAt ?? Infinity, nextAttemptAt);
        // Unreachable server: the orders behind this one would only fail the same way; they wait for it.
        if (outcome.unreachable) break;
      }
    }
    return result;
  });
}

/** The page asks the service worker's sync registration for a later flush under this message type. */
export const FLUSH_MESSAGE = 'laden-flush-orders';

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}

/**
 * Runs the outbox sender for a page: at start-up, when the browser comes online, when the service
 * worker relays a Background Sync, when the page asks (`deliverSoon`), and on a timer while an order
 * waits out its backoff. Passes in one page never overlap; across pages the Web Lock serializes them.
 */
export class OrderSender {
  #running: Promise<void> | undefined;
  #again = false;
  #force = false;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #onOnline = () => this.deliverSoon();
  readonly #onMessage = (event: MessageEvent<unknown>) => {
    if (event.data === FLUSH_MESSAGE) this.deliverSoon();
  };

  start(): void {
    window.addEventListener('online', this.#onOnline);
    navigator.serviceWorker?.addEventListener('message', this.#onMessage);
    this.deliverSoon();
  }

  stop(): void {
    window.removeEventListener('online', this.#onOnline);
    navigator.serviceWorker?.removeEventListener('message', this.#onMessage);
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
