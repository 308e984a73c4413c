import { describe, expect, it } from 'vitest';
import { addToCart, emptyCart, itemCount, lineKey, MAX_QUANTITY, setQuantity } from '../../../src/domain/cart.js';
import { formatEuro } from '../../../src/domain/money.js';

describe('cart model', () => {
  it('merges the same product and variant into one line', () => {
    let cart = addToCart(emptyCart(), { productId: 'p1', quantity: 1 });
    cart = addToCart(cart, { productId: 'p1', quantity: 2 });
    cart = addToCart(cart, { productId: 'p1', variantId: 'v2', quantity: 1 });
    expect(cart.lines).toEqual([
      { productId: 'p1', quantity: 3 },
      { productId: 'p1', variantId: 'v2', quantity: 1 },
    ]);
    expect(itemCount(cart)).toBe(4);
  });

  it('caps quantities at the maximum and removes a line set to zero', () => {
    let cart = addToCart(emptyCart(), { productId: 'p1', quantity: 5000 });
    expect(cart.lines[0]!.quantity).toBe(MAX_QUANTITY);
    cart = setQuantity(cart, lineKey({ productId: 'p1' }), 0);
    expect(cart.lines).toEqual([]);
  });

  it('never keeps a negative or fractional quantity', () => {
    const cart = addToCart(emptyCart(), { productId: 'p1', quantity: 2 });
    expect(setQuantity(cart, 'p1', -4).lines).toEqual([]);
    expect(setQuantity(cart, 'p1', 2.7).lines[0]!.quantity).toBe(2);
  });
});

describe('money formatting', () => {
  it('formats cents the German way', () => {
    expect(formatEuro(129900)).toBe('1.299,00\u00a0€');
    expect(formatEuro(5)).toBe('0,05\u00a0€');
  });
});
