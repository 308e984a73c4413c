import { ORDER_ERRORS } from '../../domain/order.js';
import type { StockShortage } from '../../domain/stock.js';
import { putBackStock, takeStock } from '../db/stock-store.js';
import { OrderRefusal, type OrderEffects } from '../orders/effects.js';

/** Orders change state to this when they will not be shipped; their units go back on the shelf. */
export const CANCELLED = 'cancelled';

function shortageMessage(shortages: readonly StockShortage[]): string {
  const lines = shortages.map((s) => {
    const name = s.title ? `„${s.title}“` : `Artikel ${s.productId}${s.variantId ? ` (${s.variantId})` : ''}`;
    return s.available > 0
      ? `${name}: nur noch ${s.available} verfügbar (bestellt: ${s.requested}).`
      : `${name}: ausverkauft.`;
  });
  return `Leider ist nicht mehr alles auf Lager. ${lines.join(' ')}`;
}

/**
 * Stock follows orders in their own transaction: an order takes its units or is refused whole (409
 * `out-of-stock`, nothing stored); a cancellation puts them back.
 */
export function stockEffects(now: () => Date = () => new Date()): OrderEffects {
  return {
    async placed(trx, order) {
      const shortages = await takeStock(trx, order.request.cart.lines, now());
      if (shortages.length === 0) return;
      throw new OrderRefusal(409, {
        error: ORDER_ERRORS.outOfStock,
        message: shortageMessage(shortages),
        lines: shortages.map(({ title: _title, ...line }) => line),
      });
    },
    async stateChanged(trx, change) {
      if (change.to === CANCELLED && change.from !== CANCELLED) {
        await putBackStock(trx, change.order.request.cart.lines, now());
      }
    },
  };
}
