import { describe, expect, it } from 'vitest';
import { addToCart, checkoutToReview, serverOrders, simpleProduct, useShopWithOrders } from './checkout-helpers.js';

/**
 * "Stored before shown as queued": the page is killed in the instant between the outbox's commit
 * and anything the shopper sees, and the order is there all the same, and goes out.
 */
describe('an order whose page dies right after it was stored', () => {
  const fixture = useShopWithOrders('checkout-crash');

  it('is kept on the device and delivered from the next page', async () => {
    // Service workers blocked: only the pages themselves could send the order.
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    let committed: (shownPath: string) => void = () => {};
    const commit = new Promise<string>((resolve) => (committed = resolve));
    await page.exposeFunction('outboxCommitted', (path: string) => committed(path));
    await page.addInitScript(() => {
      const open = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
        const tx = open.apply(this, args);
        const stores = ([] as string[]).concat(args[0]);
        const armed = (window as unknown as { killAfterOrder?: boolean }).killAfterOrder;
        if (armed && args[1] === 'readwrite' && stores.includes('outbox')) {
          // Registered before idb's own listener: nothing after the commit runs in this page again.
          tx.addEventListener('complete', () => {
            void (window as unknown as { outboxCommitted(p: string): void }).outboxCommitted(location.pathname);
            for (;;) {
              // the renderer hangs here until the tab is closed
            }
          });
        }
        return tx;
      };
    });
    // The API unreachable, so the order cannot be confirmed by the page before it dies.
    await context.route('**/api/orders', (route) => route.abort('internetdisconnected'));
    await addToCart(page, fixture.shop.url, simpleProduct());
    await page.goto(`${fixture.shop.url}/cart`);
    await checkoutToReview(page);
    await page.evaluate(() => ((window as unknown as { killAfterOrder: boolean }).killAfterOrder = true));
    // The click never finishes waiting for the page: the page hangs, then is closed.
    const clicked = page
      .getByRole('button', { name: 'Zahlungspflichtig bestellen' })
      .click()
      .catch(() => undefined);

    // At the commit the shopper still saw the checkout: nothing was shown as queued yet.
    expect(await commit).toBe('/checkout');
    await page.close({ runBeforeUnload: false });
    await clicked;

    await context.unroute('**/api/orders');
    const next = await context.newPage();
    await next.goto(`${fixture.shop.url}/orders`);
    const state = next.getByTestId('order-state').first();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('Bestätigt');
    const key = await next.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('laden');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve) => {
        const request = db.transaction('outbox').objectStore('outbox').getAllKeys();
        request.onsuccess = () => resolve(request.result);
      });
      db.close();
      return String(keys[0]);
    });
    expect(serverOrders(fixture.dbPath, key)).toHaveLength(1);
    await context.close();
  });
});
