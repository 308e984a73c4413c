import { forgetRecent, recentlyViewed, recordView } from '../storage/recent-store.js';
import { pinOfflineImages, type ImageLookup } from './offline-images.js';

/** Records that a product page was seen, then keeps the images of the seen products offline. */
export async function viewedProduct(productId: string, catalog: ImageLookup | undefined): Promise<void> {
  await recordView(productId);
  if (catalog) await pinOfflineImages(catalog);
}

/** Ids of the products seen last on this device, newest first. */
export function recentProductIds(limit: number): Promise<string[]> {
  return recentlyViewed(limit);
}

/** Drops products the catalog no longer has from the list. */
export function forgetRecentProducts(productIds: Iterable<string>): Promise<void> {
  return forgetRecent(productIds);
}
