import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/components/shop-delivery-options/shop-delivery-options.js';
import type { ShopDeliveryOptions } from '../../../src/components/shop-delivery-options/shop-delivery-options.js';
import { DeliveryChangeEvent } from '../../../src/events/delivery-change.js';

const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('<shop-delivery-options>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows each shipping price for the cart, free as "kostenlos", and tells the page what was picked', async () => {
    const el = document.createElement('shop-delivery-options');
    el.shippingPrices = { standard: 0, express: 990 };
    const picked: string[] = [];
    el.addEventListener(DeliveryChangeEvent.eventName, (e) => picked.push(`${e.shipping}/${e.payment}`));
    document.body.append(el);
    await el.updateComplete;
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map(text);
    expect(labels).toEqual([
      'Standardversand (2–4 Werktage) kostenlos',
      'Expressversand (1 Werktag) 9,90 €',
      'Rechnung',
      'Nachnahme',
    ]);
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    await userEvent.click(radios[1]!);
    await userEvent.click(radios[3]!);
    expect(picked).toEqual(['express/invoice', 'express/cash-on-delivery']);
    expect((el as ShopDeliveryOptions).payment).toBe('cash-on-delivery');
    expect(radios[0]!.checked).toBe(false);
  });
});
