import { describe, expect, it } from 'vitest';
import { formatEuro } from '../../src/domain/money.js';
import {
  addToCart,
  checkoutToReview,
  orderKeyOf,
  serverOrders,
  simpleProduct,
  useShopWithOrders,
} from './checkout-helpers.js';

describe('checkout in the built shop', () => {
  const fixture = useShopWithOrders('checkout');

  it('places an order online: address checks, review, "Zahlungspflichtig bestellen", confirmation with its number', async () => {
    const page = await fixture.browser.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (e) => errors.push(e));
    const product = simpleProduct();
    await addToCart(page, fixture.shop.url, product);
    await page.goto(`${fixture.shop.url}/cart`);

    await page.getByRole('link', { name: 'Zur Kasse' }).click();
    await page.getByLabel('PLZ').fill('1234');
    await page.getByRole('button', { name: 'Weiter zur Übersicht' }).click();
    // Still on the form, each message beside its field, focus on the first wrong one.
    await expect.poll(() => page.getByText('Bitte eine gültige E-Mail-Adresse angeben').count()).toBe(1);
    await expect.poll(() => page.getByText('Bitte eine fünfstellige Postleitzahl angeben').count()).toBe(1);
    expect(await page.getByLabel('PLZ').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('PLZ').getAttribute('autocomplete')).toBe('shipping postal-code');
    expect(
      await page.getByLabel('E-Mail-Adresse').evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement),
    ).toBe(true);

    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    const total = await page.getByTestId('cart-total').textContent();
    expect(total).toContain('€');
    await expect.poll(() => page.getByText(product.title).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();

    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    const number = (await page.getByTestId('order-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^L-\w{5}-\w{5}$/);
    const stored = serverOrders(fixture.dbPath, orderKeyOf(page));
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).toBe(number);
    expect(formatEuro(stored[0]!.total_cents)).toBe(total?.trim());

    // The cart is empty, and the order is in the history as confirmed.
    await expect.poll(() => page.getByTestId('cart-count').textContent()).toMatch(/^0?$/);
    await page.getByRole('link', { name: 'Meine Bestellungen' }).click();
    await expect.poll(() => page.getByTestId('order-state').first().textContent()).toBe('Bestätigt');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps what the shopper typed across a reload, and forgets it once the order is placed', async () => {
    const page = await fixture.browser.newPage();
    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Kasse', level: 1 }).waitFor();
    expect(await page.getByLabel('Straße und Hausnummer').inputValue()).toBe('Heidestraße 17');
    await page.getByRole('radio', { name: /Expressversand/ }).check();
    await page.getByRole('button', { name: 'Weiter zur Übersicht' }).click();
    await page
      .getByText(/Expressversand/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    expect(serverOrders(fixture.dbPath, orderKeyOf(page))).toHaveLength(1);

    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/checkout`);
    await page.getByRole('heading', { name: 'Kasse', level: 1 }).waitFor();
    expect(await page.getByLabel('Straße und Hausnummer').inputValue()).toBe('');
    await page.close();
  });
});
