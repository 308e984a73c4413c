import type { Cart, CartLine } from '../../domain/cart.js';
import type { Catalog } from '../../domain/catalog.js';
import type { PromotionRules } from '../../domain/promotions.js';
import type { RgbaImage } from '../../wasm/thumbnail.js';
import type { PricingEngine } from '../../wasm/pricing.js';
import type { SearchEngine } from '../../wasm/search.js';
import type { Thumbnailer } from '../../wasm/thumbnail.js';
import type { Race } from './timing.js';

type References = typeof import('./references.js');

export const TASKS = {
  pricing: {
    label: 'Warenkorb berechnen',
    detail: '12 Positionen, Aktionen und ein Gutschein',
    reference: 'TypeScript',
  },
  // No plain-TypeScript copy of our ranking exists; MiniSearch, set up alike, is the peer.
  search: { label: 'Suchen', detail: '8 Anfragen mit Tippfehlern und Wortanfängen', reference: 'MiniSearch' },
  thumbnail: {
    label: 'Vorschaubild rechnen',
    detail: '1200 × 900 auf 240 × 180 Pixel, Lanczos-3',
    reference: 'TypeScript',
  },
} as const;
export type TaskId = keyof typeof TASKS;

export interface Engines {
  pricing: PricingEngine;
  search: SearchEngine;
  thumbnailer: Thumbnailer;
}

/** A cart as a shopper fills it: the first in-stock items, a few of each, with the welcome coupon. */
export function benchmarkCart(catalog: Catalog): Cart {
  const lines: CartLine[] = [];
  for (const product of catalog.products) {
    if (lines.length === 12) break;
    const variant = product.variants?.find((v) => v.stock >= 3);
    if (product.variants?.length && !variant) continue;
    if (!variant && product.stock < 3) continue;
    lines.push({
      productId: product.id,
      ...(variant ? { variantId: variant.id } : {}),
      quantity: 1 + (lines.length % 3),
    });
  }
  return { lines, coupons: ['WILLKOMMEN10'], shipping: 'standard' };
}

/** Queries as shoppers type them: whole words, word starts, two words, one letter swapped. */
export function benchmarkQueries(catalog: Catalog): string[] {
  const titles = catalog.products.slice(0, 40).map((p) => p.title.split(/\s+/).filter((w) => w.length >= 5));
  const words = titles.flat();
  const swap = (w: string) => w.slice(0, 2) + w[3] + w[2] + w.slice(4);
  return [
    words[0] ?? 'kaffee',
    words[3] ?? 'tasse',
    (words[6] ?? 'garten').slice(0, 4),
    (words[9] ?? 'schuh').slice(0, 3),
    `${words[12] ?? 'bio'} ${words[13] ?? 'tee'}`,
    swap(words[15] ?? 'pfanne'),
    swap(words[18] ?? 'lampe'),
    'xylophonbogen',
  ].map((q) => q.toLowerCase());
}

/** A photo-sized test image with edges and gradients, the same on every device. */
export function benchmarkImage(width = 1200, height = 900): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const stripe = ((x >> 4) + (y >> 4)) & 1;
      data[i] = (x * 255) / width;
      data[i + 1] = stripe ? 220 : (y * 255) / height;
      data[i + 2] = ((x ^ y) & 0xff) >> 1;
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** The three races: each WASM engine against its plain-TypeScript reference on the same input. */
export function races(
  catalog: Catalog,
  rules: PromotionRules,
  engines: Engines,
  references: References,
): Record<TaskId, Race> {
  const at = Date.now();
  const cart = benchmarkCart(catalog);
  const queries = benchmarkQueries(catalog);
  const searchReference = references.referenceSearch(catalog);
  const image = benchmarkImage();
  const box = { width: 240, height: 180 };
  return {
    pricing: {
      wasm: () => engines.pricing.quote(cart, at),
      reference: () => references.oracleQuote(catalog, rules, cart, at),
    },
    search: {
      wasm: () => queries.map((q) => engines.search.search(q, { limit: 10, highlights: false })),
      reference: () => queries.map(searchReference),
    },
    thumbnail: {
      wasm: () => engines.thumbnailer.resize(image, { ...box, fit: 'contain', filter: 'lanczos3' }),
      reference: () => references.plainResize(image, box, 'contain'),
    },
  };
}
