import type { Page } from 'playwright-core';

/**
 * Waits until the service worker controls the page. The first install precaches everything before
 * it activates (and claims the page), so from here on the shop works offline.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
    );
  });
}

/** The number on the header's cart badge, once the cart has loaded. */
export const cartCount = (page: Page): Promise<string | null> => page.getByTestId('cart-count').textContent();

/** Names of the Cache Storage caches of the page's origin. */
export const cacheNames = (page: Page): Promise<string[]> => page.evaluate(() => caches.keys());
