import type { PlacedOrder } from '../../domain/order.js';
import type { Db } from '../db/transaction.js';

/**
 * What else happens, in the same transaction, when an order is stored or changes state: stock taken
 * or put back, a mail queued, an audit entry written. The orders code knows none of them; each
 * feature registers its effect where the server is put together (src/server/main.ts). An effect
 * that throws undoes the whole change (nothing half-done is ever stored); `OrderRefusal` turns into
 * the answer the shopper gets instead of 201.
 */
export interface OrderEffects {
  /** Inside the transaction that stores a new order, before it commits. */
  placed?(trx: Db, order: PlacedOrder): Promise<void>;
  /** Inside the transaction that moves an order from one state to another. */
  stateChanged?(trx: Db, change: StateChange): Promise<void>;
}

export interface StateChange {
  order: PlacedOrder;
  from: string;
  to: string;
  /** What the change carries: carrier and tracking number, a cancellation reason … */
  details: Readonly<Record<string, string>>;
}

/** An effect's reason not to store the order at all, answered with `status` and `body` instead. */
export class OrderRefusal extends Error {
  override name = 'OrderRefusal';
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body['message'] ?? 'refused'));
  }
}

/** Runs every registered effect of one kind, in registration order. */
export function combineEffects(all: readonly OrderEffects[]): Required<OrderEffects> {
  return {
    async placed(trx, order) {
      for (const effects of all) await effects.placed?.(trx, order);
    },
    async stateChanged(trx, change) {
      for (const effects of all) await effects.stateChanged?.(trx, change);
    },
  };
}
