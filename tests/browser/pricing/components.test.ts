import { afterEach, describe, expect, it } from 'vitest';
import { ContextProvider } from '@lit/context';
import '../../../src/components/shop-order-summary/shop-order-summary.js';
import '../../../src/components/shop-coupon-field/shop-coupon-field.js';
import '../../../src/components/shop-promo-badge/shop-promo-badge.js';
import { pricingContext } from '../../../src/context/pricing.js';
import { CouponChangeEvent } from '../../../src/events/coupon-change.js';
import { PricingService } from '../../../src/services/pricing.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { catalog, rules, rulesUrl, text } from './fixtures.js';

const at = Date.parse('2026-11-25T12:00:00+01:00');

async function quoteFor(coupons: string[] = [], lamps = 1) {
  const engine = await createPricingEngine(catalog, rules);
  return engine.quote(
    {
      lines: [
        { productId: 'lampe', quantity: lamps },
        { productId: 'buch', quantity: 2 },
      ],
      coupons,
      shipping: 'standard',
    },
    at,
  );
}

describe('<shop-order-summary>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the German breakdown: subtotal, each discount, shipping with the free-shipping hint, total, VAT per rate', async () => {
    const el = document.createElement('shop-order-summary');
    el.quote = await quoteFor();
    document.body.append(el);
    await el.updateComplete;
    const rows = [...el.shadowRoot!.querySelectorAll('dt, p')].map(
      (n) => `${text(n)}${n.nextElementSibling?.tagName === 'DD' ? ` = ${text(n.nextElementSibling)}` : ''}`,
    );
    expect(rows).toEqual([
      'Zwischensumme = 40,00 €',
      '10 % auf Lampen = −2,40 €',
      'Versand = 4,95 €',
      'Noch 12,40 € bis zum kostenlosen Versand',
      'Gesamtsumme = 42,55 €',
      'inkl. 19 % MwSt. = 3,90 €',
      'inkl. 7 % MwSt. = 1,18 €',
    ]);
  });

  it('says "kostenlos" once the threshold is reached, and explains when prices are unavailable', async () => {
    const el = document.createElement('shop-order-summary');
    el.quote = await quoteFor([], 3);
    document.body.append(el);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[data-testid="shipping"]')!)).toBe('kostenlos');
    expect(el.shadowRoot!.querySelector('[data-testid="free-shipping-hint"]')).toBeNull();
    el.quote = undefined;
    el.problem = 'Die Preise können gerade nicht berechnet werden.';
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('[role="alert"]')!)).toBe(
      'Die Preise können gerade nicht berechnet werden.',
    );
  });
});

describe('<shop-coupon-field>', () => {
  afterEach(() => document.body.replaceChildren());

  it('fires the typed event with the code and shows in words why a code was not applied', async () => {
    const el = document.createElement('shop-coupon-field');
    const events: [string, string][] = [];
    el.addEventListener(CouponChangeEvent.eventName, (e) => events.push([e.action, e.code]));
    document.body.append(el);
    await el.updateComplete;
    const input = el.shadowRoot!.querySelector('input')!;
    expect(el.shadowRoot!.querySelector('label')!.control).toBe(input);
    input.value = ' willkommen5 ';
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(events).toEqual([['apply', 'willkommen5']]);
    expect(input.value).toBe('');

    el.coupons = (await quoteFor(['WILLKOMMEN5', 'GIBTSNICHT'])).coupons;
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll('li')];
    expect(items.map((li) => li.dataset['status'])).toEqual(['minimum-not-reached', 'unknown']);
    expect(text(items[0]!.querySelector('.message')!)).toBe(
      'Der Gutschein WILLKOMMEN5 gilt ab 60,00 € Warenwert – es fehlen noch 20,00 €.',
    );
    items[1]!.querySelector('button')!.click();
    expect(events.at(-1)).toEqual(['remove', 'GIBTSNICHT']);
  });
});

describe('<shop-promo-badge>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the promotions running for a product, and nothing for one without', async () => {
    // Only the rules: the product's category comes with it (as on a card).
    const pricing = new PricingService(rulesUrl());
    await pricing.ready;
    const host = document.createElement('div');
    new ContextProvider(host, { context: pricingContext, initialValue: pricing });
    const lamp = document.createElement('shop-promo-badge');
    lamp.product = catalog.products[0]!;
    const book = document.createElement('shop-promo-badge');
    book.product = catalog.products[1]!;
    host.append(lamp, book);
    document.body.append(host);
    await lamp.updateComplete;
    await book.updateComplete;
    expect([...lamp.shadowRoot!.querySelectorAll('[part="badge"]')].map(text)).toEqual(['10 % auf Lampen']);
    expect(book.hidden).toBe(true);
  });
});
