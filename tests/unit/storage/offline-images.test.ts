import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb } from './support.js';
import { closeDatabase } from '../../../src/storage/db.js';
import { saveCart } from '../../../src/storage/cart-store.js';
import { recordView } from '../../../src/storage/recent-store.js';
import { closeThumbnailStore, getThumbnail, putThumbnail } from '../../../src/storage/thumbnail-store.js';
import { pinOfflineImages } from '../../../src/services/offline-images.js';
import { CatalogIndex } from '../../../src/domain/catalog-index.js';
import type { Catalog, Product } from '../../../src/domain/catalog.js';

const product = (id: string): Product => ({
  id,
  slug: id,
  title: `Produkt ${id}`,
  brand: 'Marke',
  category: 'c1',
  description: 'Beschreibung.',
  tags: [],
  attributes: {},
  price: 1000,
  vatClass: 'standard',
  stock: 5,
  rating: 4,
  ratingCount: 1,
  images: [{ src: `images/${id}-1.jpg`, width: 1600, height: 1200, alt: id }],
});

const catalog = new CatalogIndex({
  version: 1,
  currency: 'EUR',
  locale: 'de-DE',
  source: 'test',
  categories: [{ id: 'c1', slug: 'c1', name: 'Kategorie', description: '' }],
  products: ['p1', 'p2', 'p3'].map(product),
} satisfies Catalog);

const thumb = (src: string) => ({ src, width: 320, height: 240, fit: 'contain' as const, engine: 1 });
const blob = () => new Blob([new Uint8Array(1000)], { type: 'image/webp' });

describe('offline images', () => {
  beforeEach(freshIndexedDb);
  afterEach(async () => {
    await closeDatabase();
    await closeThumbnailStore();
  });

  it('keeps the thumbnails of cart and recently viewed products when the cache is evicted', async () => {
    await saveCart({ lines: [{ productId: 'p1', quantity: 1 }], coupons: [], shipping: 'standard' });
    await recordView('p2');
    await pinOfflineImages(catalog);
    for (const id of ['p1', 'p2', 'p3']) await putThumbnail(thumb(`/data/images/${id}-1.jpg`), blob(), 10_000);
    // A budget that holds one thumbnail forces eviction of everything that is not pinned.
    await putThumbnail(thumb('/data/images/other.jpg'), blob(), 1_000);

    expect(await getThumbnail(thumb('/data/images/p1-1.jpg'))).toBeDefined();
    expect(await getThumbnail(thumb('/data/images/p2-1.jpg'))).toBeDefined();
    expect(await getThumbnail(thumb('/data/images/p3-1.jpg'))).toBeUndefined();
  });
});
