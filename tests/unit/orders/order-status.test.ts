import { describe, expect, it } from 'vitest';
import { readFulfilment } from '../../../src/services/order-status.js';
import { stateLabel } from '../../../src/components/shop-orders-page/order-state.js';
import type { ShopOrder } from '../../../src/domain/order.js';

const answer = (order: Record<string, unknown>) => ({
  order: { id: 'L-ABCDE-FGHIJ', placedAt: '2026-12-01T09:00:00Z', ...order },
});

describe("the shopper's view of an order's way to the door", () => {
  it('reads state, since when and the tracking from GET /api/orders/:id', () => {
    const f = readFulfilment(
      answer({
        state: 'shipped',
        stateChangedAt: '2026-12-02T10:00:00Z',
        tracking: { carrier: 'DHL', number: '00340434161094042557', url: 'https://www.dhl.de/sendung?n=1' },
      }),
      1234,
    );
    expect(f).toEqual({
      state: 'shipped',
      changedAt: '2026-12-02T10:00:00Z',
      tracking: { carrier: 'DHL', number: '00340434161094042557', url: 'https://www.dhl.de/sendung?n=1' },
      checkedAt: 1234,
    });
  });

  it('links only https pages, and an answer without a known state changes nothing', () => {
    const f = readFulfilment(
      answer({ state: 'shipped', tracking: { carrier: 'X', number: '1', url: 'javascript:alert(1)' } }),
      1,
    );
    expect(f?.tracking).toEqual({ carrier: 'X', number: '1', url: null });
    expect(f?.changedAt).toBe('2026-12-01T09:00:00Z');
    expect(readFulfilment(answer({ state: 'lost' }), 1)).toBeUndefined();
    expect(readFulfilment({ error: 'not-found' }, 1)).toBeUndefined();
  });

  it('labels a confirmed order by its last known state', () => {
    const order = { state: 'confirmed' } as ShopOrder;
    expect(stateLabel(order, true)).toBe('Bestätigt');
    const shipped = {
      ...order,
      fulfilment: { state: 'shipped', changedAt: '', tracking: null, checkedAt: 0 },
    } as ShopOrder;
    expect(stateLabel(shipped, false)).toBe('Versendet');
    expect(stateLabel({ ...shipped, fulfilment: { ...shipped.fulfilment!, state: 'cancelled' } }, true)).toBe(
      'Storniert',
    );
  });
});
