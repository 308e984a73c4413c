import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { parseCatalog } from '../../../src/catalog/schema.js';

const HEADER =
  'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,Variant SKU,Variant Grams,Variant Inventory Qty,Variant Price,Variant Compare At Price,Image Src,Image Position,Image Alt Text,VAT Class';

/** Written by hand like Shopify writes it: a product over several rows, quoted commas and HTML. */
const GOOD = [
  HEADER,
  'kaffeemuehle-handmahlwerk,Kaffeemühle Handmahlwerk,"<p>Mahlt grob &amp; fein, für <b>French Press</b> und Espresso.</p>",Heimfeld,Home & Garden > Kitchen & Dining > Coffee Grinders,Küche & Haushalt,"kaffee, mühle",TRUE,Title,Default Title,,,,,KM-100,700,12,49.99,,https://cdn.shopify.com/s/files/1/0001/products/muehle.jpg?v=1700000000,1,Kaffeemühle von vorne,',
  'kaffeemuehle-handmahlwerk,,,,,,,,,,,,,,,,,,,https://cdn.shopify.com/s/files/1/0001/products/muehle-seite.jpg?v=1700000000,2,Kaffeemühle von der Seite,',
  't-shirt-basic,"T-Shirt Basic, Bio-Baumwolle",Weich und formstabil.,Nordfaden,,Mode,shirt,TRUE,Größe,M,Farbe,Blau,,,TS-M-BL,200,4,24.99,,https://cdn.shopify.com/s/files/1/0001/products/shirt.png,1,,',
  't-shirt-basic,,,,,,,,,L,,Blau,,,TS-L-BL,200,0,24.99,,,,,',
  't-shirt-basic,,,,,,,,,XXL,,Grün,,,TS-XXL-GR,200,-3,"27,99",,,,,',
  'gruener-tee-sencha,Grüner Tee Sencha 100 g,<p>Frisch &amp; grasig.</p>,Teehaus Süd,Food,Tee,"tee, grün",TRUE,Title,Default Title,,,,,TEE-1,100,30,6.50,,https://cdn.shopify.com/s/files/1/0001/products/sencha.webp,1,Teedose,reduced',
  '',
].join('\n');

let dir: string;
let stderr: string[];

async function photo(name: string, width: number, height: number): Promise<void> {
  await mkdir(join(dir, 'images'), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: '#884' } }).toFile(join(dir, 'images', name));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'laden-import-'));
  stderr = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((line: string) => void stderr.push(line));
  await photo('muehle.jpg', 1600, 1200);
  await photo('muehle-seite.jpg', 1200, 1200);
  await photo('shirt.png', 900, 1200);
  await photo('sencha.webp', 1000, 1000);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('laden catalog import', () => {
  it('turns a Shopify product CSV into a valid catalog: variants, umlauts, quoted commas, photos', async () => {
    await writeFile(join(dir, 'products.csv'), GOOD);
    expect(await main(['catalog', 'import', join(dir, 'products.csv'), '--out', join(dir, 'catalog.json')])).toBe(0);
    expect(stderr).toEqual([]);
    const catalog = parseCatalog(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')));

    expect(catalog.categories.map((c) => [c.id, c.name])).toEqual([
      ['kueche-und-haushalt', 'Küche & Haushalt'],
      ['mode', 'Mode'],
      ['tee', 'Tee'],
    ]);
    const [muehle, shirt, tee] = catalog.products;
    expect(muehle).toMatchObject({
      id: 'kaffeemuehle-handmahlwerk',
      slug: 'kaffeemuehle-handmahlwerk',
      title: 'Kaffeemühle Handmahlwerk',
      brand: 'Heimfeld',
      description: 'Mahlt grob & fein, für French Press und Espresso.',
      tags: ['kaffee', 'mühle'],
      price: 4999,
      vatClass: 'standard',
      stock: 12,
      images: [
        { src: 'images/muehle.jpg', width: 1600, height: 1200, alt: 'Kaffeemühle von vorne' },
        { src: 'images/muehle-seite.jpg', width: 1200, height: 1200, alt: 'Kaffeemühle von der Seite' },
      ],
    });
    expect(muehle!.variants).toBeUndefined();
    expect(shirt).toMatchObject({ title: 'T-Shirt Basic, Bio-Baumwolle', price: 2499, stock: 4 });
    expect(shirt!.images).toEqual([
      { src: 'images/shirt.png', width: 900, height: 1200, alt: 'T-Shirt Basic, Bio-Baumwolle' },
    ]);
    expect(shirt!.variants).toEqual([
      { id: 'TS-M-BL', title: 'M / Blau', options: { Größe: 'M', Farbe: 'Blau' }, stock: 4 },
      { id: 'TS-L-BL', title: 'L / Blau', options: { Größe: 'L', Farbe: 'Blau' }, stock: 0 },
      { id: 'TS-XXL-GR', title: 'XXL / Grün', options: { Größe: 'XXL', Farbe: 'Grün' }, price: 2799, stock: 0 },
    ]);
    expect(tee).toMatchObject({
      title: 'Grüner Tee Sencha 100 g',
      brand: 'Teehaus Süd',
      vatClass: 'reduced',
      price: 650,
    });
  });

  it('takes the VAT class of products without one from --vat', async () => {
    await writeFile(join(dir, 'products.csv'), GOOD);
    expect(await main(['catalog', 'import', join(dir, 'products.csv'), '--vat', 'reduced'])).toBe(0);
    const catalog = parseCatalog(JSON.parse(await readFile(join(dir, 'catalog.json'), 'utf8')));
    expect(catalog.products.map((p) => p.vatClass)).toEqual(['reduced', 'reduced', 'reduced']);
  });

  it('reports every broken row by its line and writes nothing', async () => {
    const lines = GOOD.split('\n');
    // Line 5: a price with a typo; line 6: a field lost; line 7: VAT unknown and a photo not downloaded.
    lines[4] = lines[4]!.replace('24.99', '24.9x');
    lines[5] = lines[5]!.replace(',-3,', ',');
    lines[6] = lines[6]!.replace(',reduced', ',halb').replace('sencha.webp', 'fehlt.webp');
    // A quoted field over two lines keeps the later line numbers right.
    lines[3] = lines[3]!.replace('Weich und formstabil.', '"Weich\nund formstabil."');
    await writeFile(join(dir, 'products.csv'), lines.join('\n'));
    expect(await main(['catalog', 'import', join(dir, 'products.csv')])).toBe(2);
    const csv = join(dir, 'products.csv');
    expect(stderr).toEqual([
      `${csv}: line 7: 22 fields, the header has 23`,
      `${csv}: line 6: Variant Price "24.9x" is not a price like 24.99`,
      `${csv}: line 8: VAT Class "halb" is neither standard (19) nor reduced (7)`,
      `${csv}: line 8: no photo images/fehlt.webp beside the catalog (download Image Src there)`,
    ]);
    expect(existsSync(join(dir, 'catalog.json'))).toBe(false);
  });

  it('names the line of a field the catalog rules refuse', async () => {
    const lines = GOOD.split('\n');
    lines[1] = lines[1]!.replace('Heimfeld', 'H'.repeat(81));
    await writeFile(join(dir, 'products.csv'), lines.join('\n'));
    expect(await main(['catalog', 'import', join(dir, 'products.csv')])).toBe(2);
    expect(stderr).toEqual([expect.stringMatching(/products\.csv: line 2: products\.0\.brand: /)]);
  });
});
