import { MAX_QUANTITY } from './cart.js';
import type { Catalog } from './catalog.js';

/**
 * Stock as the shop and the server speak of it (docs/stock.md). A sellable item is a product without
 * variants or one variant; its sku is the product id, or "productId/variantId" (ids never contain
 * "/", see ID_PATTERN).
 */
export const skuOf = (productId: string, variantId?: string | null): string =>
  variantId ? `${productId}/${variantId}` : productId;

/** At or below this many units the shopper reads "Nur noch N auf Lager" and the back office flags it. */
export const LOW_STOCK = 5;

/** Most products one `GET /api/stock?products=` may name: a page shows a few dozen, never a whole range. */
export const MAX_STOCK_PRODUCTS = 100;

/** `GET /api/stock`: units available by sku. */
export interface StockLevels {
  stock: Record<string, number>;
}

/** `GET /api/stock/:productId`. */
export interface ProductStock {
  productId: string;
  /** All variants together. */
  available: number;
  /** By variant id, for a product with variants. */
  variants?: Record<string, number>;
}

/** One line of an order that asked for more than there is (the 409 `out-of-stock` answer). */
export interface StockShortage {
  productId: string;
  variantId?: string;
  title?: string;
  requested: number;
  available: number;
}

interface OrderLine {
  productId: string;
  variantId?: string | undefined;
  quantity: number;
}

/**
 * The order's lines cut down to what is available: each short item gets at most its available units
 * (spread over its lines in order), lines left with nothing are dropped, other lines stay as they are.
 */
export function reduceToAvailable<L extends OrderLine>(lines: readonly L[], shortages: readonly StockShortage[]): L[] {
  const left = new Map(shortages.map((s) => [skuOf(s.productId, s.variantId), Math.max(0, s.available)]));
  return lines.flatMap((line) => {
    const sku = skuOf(line.productId, line.variantId);
    const available = left.get(sku);
    if (available === undefined) return [line];
    const quantity = Math.min(line.quantity, available);
    left.set(sku, available - quantity);
    return quantity > 0 ? [{ ...line, quantity }] : [];
  });
}

/**
 * The catalog as the server prices it: stock is the database's business (src/server/stock), where
 * an order takes its units in its own transaction, so the catalog's starting figures must not refuse
 * an order the database can fill.
 */
export const withoutStockLimits = (catalog: Catalog): Catalog => ({
  ...catalog,
  products: catalog.products.map((p) => ({
    ...p,
    stock: MAX_QUANTITY,
    ...(p.variants ? { variants: p.variants.map((v) => ({ ...v, stock: MAX_QUANTITY })) } : {}),
  })),
});
