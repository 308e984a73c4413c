import type { Product } from '../domain/catalog.js';
import type { ProductCard } from '../domain/product-card.js';

// What the listing store answers about a product or about itself, for the pages and the cart.

/** What a product page can show for a slug right now. */
export type ProductView =
  | { state: 'loading' }
  | { state: 'ready'; product: Product }
  /** Offline, and its details never reached the device: its card is all there is. */
  | { state: 'card-only'; card: ProductCard }
  /** Offline, and nothing of it is on the device. */
  | { state: 'unavailable' }
  | { state: 'missing' };

/** What a cart line's product is on this device right now (`productById`). */
export type CartProductView =
  /** Enough to price it: its card, or its details when it has variants. */
  | { state: 'ready'; product: Product }
  | { state: 'loading' }
  /** Offline, and what pricing it needs never reached the device. */
  | { state: 'unavailable' }
  /** The whole listing is on the device and it is not there: the catalog no longer sells it. */
  | { state: 'missing' };

/** How much of the listing is on the device for offline use. */
export interface SyncProgress {
  storedBytes: number;
  totalBytes: number;
  done: boolean;
}
