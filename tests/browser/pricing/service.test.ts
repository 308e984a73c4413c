import { describe, expect, it } from 'vitest';
import { PricingService, catalogOf } from '../../../src/services/pricing.js';
import { catalog, rulesUrl } from './fixtures.js';

const cart = { lines: [{ productId: 'buch', quantity: 1 }], coupons: [], shipping: 'standard' as const };
const [lampe, buch] = catalog.products as [(typeof catalog.products)[0], (typeof catalog.products)[0]];

describe('the pricing service', () => {
  it('quotes synchronously once the module and the rules have loaded', async () => {
    const service = new PricingService(rulesUrl());
    expect(service.quote(cart, catalogOf([buch]))).toBeUndefined();
    let changed = 0;
    service.addEventListener('change', () => changed++);
    await service.ready;
    expect(changed).toBe(1);
    expect(service.quote(cart, catalogOf([buch]))).toMatchObject({
      subtotal: 800,
      shipping: { price: 495 },
      total: 1295,
    });
    expect(service.error).toBeUndefined();
  });

  it('prices each cart from its own products alone, swapped in the live engine', async () => {
    const service = new PricingService(rulesUrl());
    await service.ready;
    const lampCart = { ...cart, lines: [{ productId: 'lampe', quantity: 2 }] };
    // The category promotion (10 % on "wohnen") applies from the product's category alone.
    expect(service.quote(lampCart, catalogOf([lampe]))).toMatchObject({ subtotal: 4800, discountTotal: 480 });
    // Another set of products: the book was not in the engine before, now the lamp is not.
    expect(service.quote(cart, catalogOf([buch]))).toMatchObject({ subtotal: 800, errors: [] });
    const withoutLamp = service.quote(lampCart, catalogOf([buch]))!;
    expect(withoutLamp.errors.map((e) => e.line)).toEqual([0]);
    expect(withoutLamp.lines).toEqual([]);
    expect(withoutLamp.total).not.toBe(4320 + 495);
    // And back: the same figures as the first time.
    expect(service.quote(lampCart, catalogOf([lampe, buch]))).toMatchObject({ subtotal: 4800, discountTotal: 480 });
  });

  it('says in words why there are no prices when the rules are missing or broken', async () => {
    // A revoked object URL fails like a dead network.
    const gone = rulesUrl();
    URL.revokeObjectURL(gone);
    const missing = new PricingService(gone);
    await missing.ready;
    expect(missing.quote(cart, catalogOf([buch]))).toBeUndefined();
    expect(missing.error).toBe('Keine Verbindung und noch keine Preisregeln auf diesem Gerät gespeichert.');
    const broken = new PricingService(URL.createObjectURL(new Blob(['{"version": 2}'])));
    await broken.ready;
    expect(broken.error).toBe('Die Preise können gerade nicht berechnet werden.');
  });
});
