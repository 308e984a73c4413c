import { describe, expect, it } from 'vitest';
import { reduceToAvailable, skuOf } from '../../../src/domain/stock.js';

describe('stock in the domain', () => {
  it('names a product by its id and a variant by product and variant', () => {
    expect(skuOf('p00001')).toBe('p00001');
    expect(skuOf('p00001', 'p00001-m')).toBe('p00001/p00001-m');
  });

  it('cuts an order down to what is available, dropping lines with nothing left', () => {
    const lines = [
      { productId: 'p1', quantity: 3 },
      { productId: 'p2', variantId: 'v1', quantity: 2 },
      { productId: 'p3', quantity: 1 },
      { productId: 'p2', variantId: 'v1', quantity: 2 },
      { productId: 'p4', quantity: 5 },
    ];
    const reduced = reduceToAvailable(lines, [
      { productId: 'p1', requested: 3, available: 2 },
      { productId: 'p2', variantId: 'v1', requested: 4, available: 3 },
      { productId: 'p4', requested: 5, available: 0 },
    ]);
    expect(reduced).toEqual([
      { productId: 'p1', quantity: 2 },
      { productId: 'p2', variantId: 'v1', quantity: 2 },
      { productId: 'p3', quantity: 1 },
      { productId: 'p2', variantId: 'v1', quantity: 1 },
    ]);
  });
});
