import { describe, expect, it } from 'vitest';
import { PricingService } from '../../../src/services/pricing.js';
import { catalog, rulesUrl } from './fixtures.js';

const cart = { lines: [{ productId: 'buch', quantity: 1 }], coupons: [], shipping: 'standard' as const };

describe('the pricing service', () => {
  it('quotes synchronously once the module and the rules have loaded', async () => {
    const service = new PricingService(catalog, rulesUrl());
    expect(service.quote(cart)).toBeUndefined();
    let changed = 0;
    service.addEventListener('change', () => changed++);
    await service.ready;
    expect(changed).toBe(1);
    expect(service.quote(cart)).toMatchObject({ subtotal: 800, shipping: { price: 495 }, total: 1295 });
    expect(service.error).toBeUndefined();
  });

  it('says in words why there are no prices when the rules are missing or broken', async () => {
    // A revoked object URL fails like a dead network.
    const gone = rulesUrl();
    URL.revokeObjectURL(gone);
    const missing = new PricingService(catalog, gone);
    await missing.ready;
    expect(missing.quote(cart)).toBeUndefined();
    expect(missing.error).toBe('Keine Verbindung und noch keine Preisregeln auf diesem Gerät gespeichert.');
    const broken = new PricingService(catalog, URL.createObjectURL(new Blob(['{"version": 2}'])));
    await broken.ready;
    expect(broken.error).toBe('Die Preise können gerade nicht berechnet werden.');
  });
});
