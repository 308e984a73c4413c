import { describe, expect, it } from 'vitest';
import { readFulfilment } from '../../../src/services/order-status.js';
import { tracking } from '../../../src/domain/fulfilment.js';
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
        tracking: { carrier: 'dhl', number: '00340434161094042557', url: 'https://www.dhl.de/sendung?n=1' },
      }),
      1234,
    );
    expect(f).toEqual({
      state: 'shipped',
      changedAt: '2026-12-02T10:00:00Z',
      tracking: tracking('dhl', '00340434161094042557'),
      checkedAt: 1234,
    });
  });

  it("links only to the carrier's own page, and an answer without a known state changes nothing", () => {
    const forged = readFulfilment(
      answer({ state: 'shipped', tracking: { carrier: 'gls', number: 'ABC123456', url: 'javascript:alert(1)' } }),
      1,
    );
    expect(forged?.tracking?.url).toBe('https://gls-group.com/DE/de/paketverfolgung?match=ABC123456');
    const f = readFulfilment(answer({ state: 'shipped', tracking: { carrier: 'post', number: '1' } }), 1);
    expect(f?.tracking).toBeNull();
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
