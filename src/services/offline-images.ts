import type { Product } from '../domain/catalog.js';
import { loadCart } from '../storage/cart-store.js';
import { recentlyViewed } from '../storage/recent-store.js';
import { setPinnedImages } from '../storage/thumbnail-store.js';

/**
 * Keeps the thumbnails of what the shopper cares about (the cart, the recently viewed products)
 * out of the thumbnail cache's eviction, so they are still there offline.
 */
/** The products' photos, as far as they are on the device (the listing's cards and details). */
export interface ImageLookup {
  product(id: string): Pick<Product, 'images'> | undefined;
}

export async function pinOfflineImages(catalog: ImageLookup): Promise<void> {
  const [cart, recent] = await Promise.all([loadCart(), recentlyViewed()]);
  const productIds = new Set([...cart.lines.map((line) => line.productId), ...recent]);
  const srcs = [...productIds].flatMap((id) => catalog.product(id)?.images.map((image) => `/data/${image.src}`) ?? []);
  await setPinnedImages(srcs);
}
