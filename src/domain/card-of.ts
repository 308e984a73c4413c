import type { Product } from './catalog.js';
import type { ProductCard } from './product-card.js';

/** The card of a product: what a listing entry and a search hit carry. */
export function cardOf(product: Product): ProductCard {
  const image = product.images[0];
  return {
    id: product.id,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category: product.category,
    tags: product.tags,
    price: product.price,
    vatClass: product.vatClass,
    stock: product.stock,
    rating: product.rating,
    ratingCount: product.ratingCount,
    ...(image ? { image } : {}),
    variantCount: product.variants?.length ?? 0,
  };
}
