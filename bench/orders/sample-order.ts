import type { Catalog } from '../../src/domain/catalog.js';
import type { OrderRequest } from '../../src/domain/order.js';
import { orderRequest } from '../../tests/unit/server/support.js';

/** The API tests' order, over three simple in-stock products of the demo catalog (1, 2 and 3 units). */
export function sampleOrder(catalog: Catalog): OrderRequest {
  const lines = catalog.products
    .filter((p) => !p.variants?.length && p.stock >= 10)
    .slice(0, 3)
    .map((p, i) => ({ productId: p.id, quantity: i + 1 }));
  return orderRequest({ cart: { lines, coupons: [], shipping: 'standard' } });
}
