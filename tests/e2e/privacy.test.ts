import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addToCart, checkoutToReview, simpleProduct, useShopWithOrders } from './checkout-helpers.js';
import { waitForServiceWorker } from './support/service-worker.js';

/** What checkoutToReview types: none of it may end up in Cache Storage. */
const PERSONAL = ['erika@example.de', 'Mustermann', 'Heidestraße 17', 'Heidestra%C3%9Fe'];

/** Every cached request URL and response body of the page's origin, as text. */
const cacheContents = (page: Page) =>
  page.evaluate(async () => {
    const entries: { cache: string; url: string; text: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const text = response ? new TextDecoder().decode(await response.arrayBuffer()) : '';
        entries.push({ cache: name, url: request.url, text });
      }
    }
    return entries;
  });

const leaks = (entries: { url: string; text: string }[]) =>
  entries.flatMap((e) =>
    PERSONAL.filter((value) => e.url.includes(value) || e.text.includes(value)).map((v) => `${v} in ${e.url}`),
  );

describe('what the browser caches', () => {
  const fixture = useShopWithOrders('privacy');

  it('holds no name, e-mail or address after a checkout and a look at the order', async () => {
    const context = await fixture.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${fixture.shop.url}/`);
    await waitForServiceWorker(page);
    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    await page.getByRole('button', { name: 'Zahlungspflichtig bestellen' }).click();
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    const orderPage = page.url();
    await page.getByRole('link', { name: 'Meine Bestellungen' }).click();
    await expect.poll(() => page.getByTestId('order-state').first().textContent()).toBe('Bestätigt');
    await page.goto(orderPage);
    await page.getByRole('heading', { name: 'Bestellung bestätigt' }).waitFor();
    await page.waitForLoadState('networkidle');

    const entries = await cacheContents(page);
    // The check sees real content: the precached shell and the catalog are there.
    const paths = entries.map((e) => new URL(e.url).pathname);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/data/catalog.json']));
    expect(entries.some((e) => e.text.includes(simpleProduct().title))).toBe(true);
    expect(leaks(entries)).toEqual([]);

    // The scan does find a name wherever a cache would hold it.
    await page.evaluate(async () => {
      const cache = await caches.open('laden-probe');
      await cache.put('/probe', new Response(JSON.stringify({ lastName: 'Mustermann' })));
    });
    expect(leaks(await cacheContents(page))).toEqual([`Mustermann in ${fixture.shop.url}/probe`]);
    await context.close();
  });
});
