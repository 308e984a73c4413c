/**
 * The thumbnail widths the build ships next to the originals (public/data/thumbs/), made by the
 * same WASM engine in Node. They keep originals (1200 px and more) off the network: the page
 * loads the nearest shipped width, and the worker pool narrows it to the exact device size.
 *
 * 160: cart lines and suggestions; 320 / 640: product cards at 1x-3x; 1024: the product page.
 */
export const SHIPPED_WIDTHS = [160, 320, 640, 1024] as const;

/** Widths actually shipped for an original `originalWidth` wide: never an enlargement. */
export function shippedWidths(originalWidth: number): number[] {
  return SHIPPED_WIDTHS.filter((w) => w < originalWidth);
}

const ORIGINAL = /(^|\/)images\/([^/]+)\.[a-z0-9]+$/i;

/** `…/images/p00001-1.jpg` -> `…/thumbs/p00001-1-320.webp`; undefined for other layouts. */
export function shippedThumbPath(src: string, width: number): string | undefined {
  if (!ORIGINAL.test(src)) return undefined;
  return src.replace(ORIGINAL, `$1thumbs/$2-${width}.webp`);
}

/**
 * `srcset` over the shipped widths and the original, for images the browser loads itself (the
 * storefront's `<img>` and the server's preload hint for it).
 */
export function shippedSrcset(src: string, originalWidth: number): string {
  const shipped = shippedWidths(originalWidth).flatMap((w) => {
    const path = shippedThumbPath(src, w);
    return path ? [`${path} ${w}w`] : [];
  });
  return [...shipped, `${src} ${originalWidth}w`].join(', ');
}
