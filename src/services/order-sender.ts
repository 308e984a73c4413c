import { confirmedOrder } from '../domain/confirmed-order.js';
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
        // Stored on the server: from now on the device keeps nothing of the shopper.
        await updateOrder(due.key, (o) => confirmedOrder(o, outcome.order));
        result.confirmed++;
      } else if (outcome.kind === 'rejected') {
        await updateOrder(due.key, (o) =>
          o.state === 'confirmed'
            ? undefined
            : { ...o, state: 'rejected', problem: outcome.problem, lastError: undefined },
        );
        result.rejected++;
      } else {
        const nextAttemptAt = Date.now() + Math.max(outcome.afterMs ?? 0, backoffMs(sending.attempts));
        await updateOrder(due.key, (o) =>
          o.state === 'confirmed' ? undefined : { ...o, state: 'pending', nextAttemptAt, lastError: outcome.reason },
        );
        result.nextAttemptAt = Math.min(result.nextAttemptAt ?? Infinity, nextAttemptAt);
        // Unreachable server: the orders behind this one would only fail the same way; they wait for it.
        if (outcome.unreachable) break;
      }
    }
    return result;
  });
}
