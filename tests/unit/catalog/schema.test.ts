import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CatalogFormatError, parseCatalog } from '../../../src/catalog/schema.js';
import type { Catalog, Product } from '../../../src/domain/catalog.js';

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: 'sku-1',
    slug: 'kaffeemuehle-classic',
    title: 'Kaffeemühle Classic',
    brand: 'Mühlenwerk',
    category: 'kueche',
    description: 'Mahlt gleichmäßig.',
    tags: ['kaffee'],
    attributes: { Material: 'Edelstahl' },
    price: 4999,
    vatClass: 'standard',
    stock: 3,
    rating: 4.5,
    ratingCount: 12,
    images: [{ src: 'images/muehle.jpg', width: 1600, height: 1200, alt: 'Kaffeemühle Classic' }],
    ...overrides,
  };
}

function catalog(products: Product[]): Catalog {
  return {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: 'test',
    categories: [{ id: 'kueche', slug: 'kueche', name: 'Küche', description: '' }],
    products,
  };
}

function problems(json: unknown): string[] {
  try {
    parseCatalog(json);
    return [];
  } catch (error) {
    if (error instanceof CatalogFormatError) return error.problems;
    throw error;
  }
}

describe('parseCatalog', () => {
  it('accepts an operator catalog that follows the format', () => {
    const json = catalog([
      product(),
      product({ id: 'sku-2', slug: 'kaffeemuehle-classic-2', ratingCount: 0, rating: 0 }),
    ]);
    expect(parseCatalog(json).products).toHaveLength(2);
  });

  it('names each broken field with its path', () => {
    const found = problems(
      catalog([
        product({ price: 49.99 }),
        product({ id: 'sku-2', slug: 'Kaffeemühle', vatClass: 'super' as 'standard', category: 'garten' }),
        product({ id: 'sku-3', slug: 'c', images: [{ src: '../geheim.jpg', width: 1, height: 1, alt: 'x' }] }),
      ]),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'products.0.price: Invalid input: expected int, received number',
        expect.stringMatching(/^products\.1\.slug: .*lower-case/),
        expect.stringMatching(/^products\.1\.vatClass: /),
        expect.stringMatching(/^products\.2\.images\.0\.src: .*relative path/),
      ]),
    );
  });

  it('refuses duplicates, unknown categories and stock that differs from the variants', () => {
    const variants = [
      { id: 'v1', title: 'S', options: { Größe: 'S' }, stock: 2 },
      { id: 'v2', title: 'M', options: { Größe: 'M' }, stock: 5 },
    ];
    const found = problems(
      catalog([
        product(),
        product({ id: 'sku-1', slug: 'kaffeemuehle-classic' }),
        product({ id: 'sku-3', slug: 'shirt', category: 'mode', variants, stock: 9 }),
      ]),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'products.1.id: "sku-1" is used twice',
        'products.1.slug: "kaffeemuehle-classic" is used twice',
        'products.2.category: no category "mode"',
        "products.2.stock: must be the variants' total, 7",
      ]),
    );
  });

  it('accepts the example of docs/catalog-format.md', async () => {
    const doc = await readFile(new URL('../../../docs/catalog-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(parseCatalog(JSON.parse(example ?? 'null')).products.map((p) => p.slug)).toEqual([
      'kaffeemuehle-handmahlwerk-edelstahl',
      't-shirt-basic',
    ]);
  });

  it('refuses a file that is not a catalog at all', () => {
    expect(problems({ version: 2, products: [] })[0]).toMatch(/^version: /);
    expect(() => parseCatalog('[]')).toThrow(CatalogFormatError);
  });
});
