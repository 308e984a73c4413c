import type { Page } from 'playwright-core';

/**
 * Waits until the service worker controls the page and, on a shop page, until the catalog's listing
 * is on the device. The first install precaches the app before it activates (and claims the page);
 * the listing is stored in the background and the footer says when it is complete. From here on the
 * shop works offline.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
  if ((await page.locator('shop-app').count()) > 0) await waitForOfflineCopy(page);
}

/** Waits until the footer says every product's card is on the device ("Offline verfügbar: alle …"). */
export async function waitForOfflineCopy(page: Page): Promise<void> {
  await page.getByText(/Offline verfügbar: alle [\d.]+ Produkte/).waitFor({ timeout: 20_000 });
}

/** The number on the header's cart badge, once the cart has loaded. */
export const cartCount = (page: Page): Promise<string | null> => page.getByTestId('cart-count').textContent();

/** Names of the Cache Storage caches of the page's origin. */
export const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());
