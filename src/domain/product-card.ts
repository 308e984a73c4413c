import type { Product, ProductImage } from './catalog.js';

/**
 * What a product card and a search hit show, and what the listing ships for every product: enough to
 * draw the card, price a cart line of a product without variants, and match promotions by category
 * and tag. Everything else (description, attributes, variants, further images) is in the product's
 * details, fetched when the product is opened.
 */
export type ProductCard = Pick<
  Product,
  'id' | 'slug' | 'title' | 'brand' | 'category' | 'tags' | 'price' | 'vatClass' | 'stock' | 'rating' | 'ratingCount'
> & {
  /** The first photo (its `src` is the thumbnail key), if the product has one. */
  image?: ProductImage;
  /** How many variants the product has (0: none, it can go into the cart from its card). */
  variantCount: number;
};

/**
 * The product as far as its card tells: enough to price a product without variants (price, VAT
 * class, stock, category and tags for promotions). A product with variants needs its details.
 */
export function productOfCard(card: ProductCard): Product {
  const { image, variantCount: _variants, ...fields } = card;
  return { ...fields, description: '', attributes: {}, images: image ? [image] : [] };
}
