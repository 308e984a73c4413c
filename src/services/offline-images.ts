import type { CatalogIndex } from '../domain/catalog-index.js';
import { loadCart } from '../storage/cart-store.js';
import { recentlyViewed } from '../storage/recent-store.js';
import { setPinnedImages } from '../storage/thumbnail-store.js';

/**
 * Keeps the thumbnails of what the shopper cares about (the cart, the recently viewed products)
 * out of the thumbnail cache's eviction, so they are still there offline.
 */
export async function pinOfflineImages(catalog: CatalogIndex): Promise<void> {
  const [cart, recent] = await Promise.all([loadCart(), recentlyViewed()]);
  const productIds = new Set([...cart.lines.map((line) => line.productId), ...recent]);
  const srcs = [...productIds].flatMap(
    (id) => catalog.product(id)?.images.map((image) => catalog.imageUrl(image.src)) ?? [],
  );
  await setPinnedImages(srcs);
}
