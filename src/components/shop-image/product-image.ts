import { html, nothing, type TemplateResult } from 'lit';
import type { ProductImage } from '../../domain/catalog.js';
import './shop-image.js';

export interface ProductImageOptions {
  /** Defaults to the image's own alt text; pass '' where the product's name stands next to it. */
  alt?: string;
  priority?: boolean;
  class?: string;
}

/**
 * A catalog image as a `<shop-image>`, its URL resolved by the catalog; `nothing` while the
 * catalog or the image is missing.
 */
/** Where catalog images are served: beside the built catalog, and the shop's photo folder for published ones. */
export const dataImages: ImageResolver = { imageUrl: (src) => `/data/${src}` };

export interface ImageResolver {
  imageUrl(src: string): string;
}

export function productImage(
  catalog: ImageResolver | undefined,
  image: ProductImage | undefined,
  options: ProductImageOptions = {},
): TemplateResult | typeof nothing {
  if (!catalog || !image) return nothing;
  return html`<shop-image
    class=${options.class ?? nothing}
    src=${catalog.imageUrl(image.src)}
    alt=${options.alt ?? image.alt}
    width=${image.width}
    height=${image.height}
    ?priority=${options.priority ?? false}
  ></shop-image>`;
}
