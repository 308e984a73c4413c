import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/catalog/schema.js';
import { orderCartSchema } from '../../../src/domain/order-schema.js';
import { repairCart } from '../../../src/storage/cart-repair.js';
import { catalogOf } from '../pricing/fixtures.js';

describe('product ids', () => {
  const sku = 'SKU.2024-blau_XL-'.padEnd(64, '0');

  it('an id the catalog accepts survives the stored cart and the orders API alike', () => {
    expect(sku).toHaveLength(64);
    expect(() => parseCatalog(catalogOf([{ id: sku, slug: 'blaues-shirt', price: 100 }]))).not.toThrow();
    const cart = { lines: [{ productId: sku, quantity: 1 }], coupons: [], shipping: 'standard' };
    expect(repairCart(cart).cart.lines).toEqual(cart.lines);
    expect(orderCartSchema.safeParse(cart).success).toBe(true);
  });

  it('an id the catalog refuses is refused everywhere', () => {
    for (const bad of ['', '.versteckt', 'a'.repeat(65), 'mit leerzeichen']) {
      expect(() => parseCatalog(catalogOf([{ id: bad, slug: 'blaues-shirt', price: 100 }]))).toThrow();
      const cart = { lines: [{ productId: bad, quantity: 1 }], coupons: [], shipping: 'standard' };
      expect(repairCart(cart).cart.lines).toEqual([]);
      expect(orderCartSchema.safeParse(cart).success).toBe(false);
    }
  });
});
