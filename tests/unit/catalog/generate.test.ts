import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../../../src/catalog/generate.js';
import { parseCatalog } from '../../../src/catalog/schema.js';
import { SLUG_PATTERN } from '../../../src/catalog/slug.js';
import type { Product } from '../../../src/domain/catalog.js';

const demo = generateCatalog(320, 42).catalog;
const REDUCED_CATEGORIES = ['kaffee-tee', 'lebensmittel', 'buecher'];

describe('the demo catalog generator', () => {
  it('gives byte-identical JSON for the same count and seed', () => {
    expect(JSON.stringify(generateCatalog(320, 42).catalog)).toBe(JSON.stringify(demo));
  });

  it('gives a different catalog for another seed', () => {
    const other = generateCatalog(320, 43).catalog;
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(demo));
    const sameTitle = other.products.filter((p, i) => p.title === demo.products[i]?.title).length;
    expect(sameTitle).toBeLessThan(64);
  });

  it('keeps the first products when the count grows', () => {
    const larger = generateCatalog(400, 42).catalog;
    expect(larger.products.slice(0, 320).map((p) => p.title)).toEqual(demo.products.map((p) => p.title));
  });

  it('fills at least twelve departments of a German shop', () => {
    expect(demo.products).toHaveLength(320);
    expect(demo.categories.length).toBeGreaterThanOrEqual(12);
    for (const category of demo.categories) {
      expect(demo.products.filter((p) => p.category === category.id).length, category.name).toBeGreaterThanOrEqual(15);
    }
    expect(demo.categories.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'Kaffee & Tee',
        'Lebensmittel',
        'Bücher',
        'Küche & Haushalt',
        'Outdoor & Wandern',
        'Mode',
        'Schuhe',
      ]),
    );
  });

  it('has every category even in a catalog of thirteen products', () => {
    const small = generateCatalog(13, 7).catalog;
    expect(new Set(small.products.map((p) => p.category)).size).toBe(small.categories.length);
  });

  it('follows every rule of the documented catalog format', () => {
    expect(() => parseCatalog(JSON.parse(JSON.stringify(demo)))).not.toThrow();
    for (const product of demo.products) {
      expect(product.slug).toMatch(SLUG_PATTERN);
      expect(product.id).toMatch(/^p\d{5}$/);
    }
  });

  it('charges the reduced VAT rate for food and books only', () => {
    for (const product of demo.products) {
      expect(product.vatClass, product.title).toBe(
        REDUCED_CATEGORIES.includes(product.category) ? 'reduced' : 'standard',
      );
    }
  });

  it('prices in whole cents ending in ,99, ,95 or ,00', () => {
    const prices = demo.products.flatMap((p) => [p.price, ...(p.variants ?? []).flatMap((v) => v.price ?? [])]);
    for (const price of prices) {
      expect(Number.isInteger(price) && price > 0).toBe(true);
      expect([99, 95, 0]).toContain(price % 100);
    }
    expect(new Set(prices).size).toBeGreaterThan(100);
  });

  it('counts a product with variants as the sum of its variants', () => {
    const withVariants = demo.products.filter((p) => p.variants);
    expect(withVariants.length).toBeGreaterThan(40);
    for (const product of withVariants) {
      expect(product.stock).toBe(product.variants!.reduce((sum, v) => sum + v.stock, 0));
    }
  });

  it('offers fashion in size and colour, shoes in sizes', () => {
    const optionNames = (category: string): string[] =>
      [...new Set(demo.products.filter((p) => p.category === category).flatMap(variantOptionNames))].sort();
    expect(optionNames('mode')).toEqual(['Farbe', 'Größe']);
    expect(optionNames('schuhe')).toEqual(['Größe']);
    const shirt = demo.products.find((p) => p.category === 'mode')!;
    expect(shirt.variants!.length).toBeGreaterThanOrEqual(8);
  });

  it('has sold-out, nearly sold-out and well-stocked products', () => {
    const stocks = demo.products.map((p) => p.stock);
    expect(stocks.filter((s) => s === 0).length).toBeGreaterThan(3);
    expect(stocks.filter((s) => s > 0 && s <= 5).length).toBeGreaterThan(10);
    expect(stocks.filter((s) => s > 20).length).toBeGreaterThan(200);
  });

  it('writes German titles and varied descriptions of several sentences', () => {
    const titles = demo.products.map((p) => p.title).join(' ');
    expect(titles).toMatch(/[äöüß]/);
    const descriptions = demo.products.map((p) => p.description);
    expect(new Set(descriptions).size).toBe(descriptions.length);
    for (const description of descriptions)
      expect(description.split(/(?<=[.!?“])\s+/).length).toBeGreaterThanOrEqual(3);
    expect(descriptions.join(' ')).not.toMatch(/\{|\}|undefined/);
  });

  it('rates from 1.0 to 5.0 in tenths, with a count of ratings', () => {
    for (const { rating, ratingCount } of demo.products) {
      expect(rating).toBeGreaterThanOrEqual(1);
      expect(rating).toBeLessThanOrEqual(5);
      expect(Math.round(rating * 10) / 10).toBe(rating);
      expect(ratingCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every product one to three photos with German alt text', () => {
    for (const product of demo.products) {
      expect(product.images.length).toBeGreaterThanOrEqual(1);
      expect(product.images.length).toBeLessThanOrEqual(3);
      product.images.forEach((image, i) => {
        expect(image.src).toBe(`images/${product.id}-${i + 1}.jpg`);
        expect(Math.max(image.width, image.height)).toBeGreaterThanOrEqual(1200);
        expect(image.alt).toContain(product.title);
      });
    }
  });

  it('refuses a count or seed it cannot honour', () => {
    expect(() => generateCatalog(0, 1)).toThrow(RangeError);
    expect(() => generateCatalog(2.5, 1)).toThrow(RangeError);
    expect(() => generateCatalog(10, -1)).toThrow(RangeError);
  });
});

function variantOptionNames(product: Product): string[] {
  return (product.variants ?? []).flatMap((v) => Object.keys(v.options));
}
