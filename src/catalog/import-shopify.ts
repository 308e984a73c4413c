import { parse } from 'csv-parse/sync';
import { checkCatalog } from './schema.js';
import { slugify } from './slug.js';
import {
  ID_PATTERN,
  type Catalog,
  type Category,
  type Product,
  type ProductImage,
  type Variant,
  type VatClass,
} from '../domain/catalog.js';

/** The columns of a Shopify product CSV that the import reads (docs/catalog-format.md lists them). */
export const COLUMNS = {
  handle: 'Handle',
  title: 'Title',
  body: 'Body (HTML)',
  vendor: 'Vendor',
  productCategory: 'Product Category',
  type: 'Type',
  tags: 'Tags',
  sku: 'Variant SKU',
  price: 'Variant Price',
  quantity: 'Variant Inventory Qty',
  imageSrc: 'Image Src',
  imageAlt: 'Image Alt Text',
  /** Not Shopify's: `standard`/`reduced` (or 19/7) per product; without it, the default applies. */
  vat: 'VAT Class',
} as const;
const OPTIONS = [1, 2, 3] as const;

export interface ImportOptions {
  /** VAT class for products without a `VAT Class` value. */
  vatClass: VatClass;
  /** Width and height of a photo at `src` (relative to the catalog's folder), undefined if missing. */
  imageSize(src: string): Promise<{ width: number; height: number } | undefined>;
  source?: string;
}

export type ImportResult = { ok: true; catalog: Catalog } | { ok: false; errors: string[] };

interface Row {
  line: number;
  get(column: string): string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Shopify's description is HTML; the catalog's is plain text, shown as written. */
export function plainText(html: string): string {
  return html
    .replace(/<(br|\/p|\/li|\/h\d|\/div)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** "24.99" or "24,99" → 2499; undefined for anything else. */
function cents(text: string): number | undefined {
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

function vatClass(text: string, fallback: VatClass): VatClass | undefined {
  const value = text.trim().toLowerCase().replace(/\s*%$/, '');
  if (value === '') return fallback;
  if (value === 'standard' || value === '19') return 'standard';
  if (value === 'reduced' || value === '7' || value === 'ermäßigt') return 'reduced';
  return undefined;
}

/** Image Src is a URL in Shopify's export; the catalog names the file in images/ beside it. */
function imagePath(src: string): string | undefined {
  const name = src.trim().split(/[?#]/)[0]!.split('/').pop() ?? '';
  return /^[A-Za-z0-9._-]+\.(jpe?g|png|webp|avif)$/i.test(name) ? `images/${name}` : undefined;
}

function rows(text: string): { header: string[]; rows: Row[]; errors: string[] } {
  const errors: string[] = [];
  let records: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { header: [], rows: [], errors: [`line ${line ?? '?'}: ${(error as Error).message}`] };
  }
  const [first, ...rest] = records;
  const header = (first?.record ?? []).map((h) => h.trim());
  let end = first?.info.lines ?? 0;
  let empty = first?.info.empty_lines ?? 0;
  const out: Row[] = [];
  for (const { record, info } of rest) {
    const line = end + 1 + (info.empty_lines - empty);
    end = info.lines;
    empty = info.empty_lines;
    if (record.length !== header.length) {
      errors.push(`line ${line}: ${record.length} fields, the header has ${header.length}`);
      continue;
    }
    out.push({ line, get: (column) => (record[header.indexOf(column)] ?? '').trim() });
  }
  return { header, rows: out, errors };
}

/**
 * Reads a Shopify product CSV: one product per Handle, its first row carrying the product's
 * fields, each row a variant (Option1–3, SKU, price, quantity) and/or a photo. Every problem is
 * reported with its line; the result is checked with the catalog rules like any catalog.
 */
export async function importShopifyCsv(text: string, options: ImportOptions): Promise<ImportResult> {
  const parsed = rows(text);
  const errors = [...parsed.errors];
  for (const column of [COLUMNS.handle, COLUMNS.title, COLUMNS.price]) {
    if (parsed.header.length > 0 && !parsed.header.includes(column)) errors.push(`line 1: no column "${column}"`);
  }
  if (errors.length > 0 && parsed.rows.length === 0) return { ok: false, errors };

  const byHandle = new Map<string, Row[]>();
  for (const row of parsed.rows) {
    const handle = row.get(COLUMNS.handle);
    if (!handle) {
      errors.push(`line ${row.line}: Handle is empty`);
      continue;
    }
    byHandle.set(handle, [...(byHandle.get(handle) ?? []), row]);
  }

  const categories = new Map<string, Category>();
  const products: Product[] = [];
  const lineOf: number[] = [];
  for (const [handle, group] of byHandle) {
    const first = group[0]!;
    const at = `line ${first.line}`;
    const problems: string[] = [];
    if (!ID_PATTERN.test(handle))
      problems.push(`${at}: Handle "${handle}" must be 1–64 letters, digits, ".", "_" or "-"`);
    const title = first.get(COLUMNS.title);
    if (!title) problems.push(`${at}: Title is empty`);
    const vendor = first.get(COLUMNS.vendor);
    if (!vendor) problems.push(`${at}: Vendor is empty (the catalog's brand)`);
    const vat = vatClass(first.get(COLUMNS.vat), options.vatClass);
    if (!vat) problems.push(`${at}: VAT Class "${first.get(COLUMNS.vat)}" is neither standard (19) nor reduced (7)`);

    const optionNames = OPTIONS.map((n) => first.get(`Option${n} Name`)).filter((name) => name !== '');
    const single =
      optionNames.length === 0 || (optionNames[0] === 'Title' && first.get('Option1 Value') === 'Default Title');
    const variants: (Variant & { line: number })[] = [];
    const images: ProductImage[] = [];
    for (const row of group) {
      const priceText = row.get(COLUMNS.price);
      if (priceText !== '' || row === first) {
        const price = cents(priceText);
        if (price === undefined)
          problems.push(`line ${row.line}: Variant Price "${priceText}" is not a price like 24.99`);
        const quantityText = row.get(COLUMNS.quantity) || '0';
        const quantity = Number(quantityText);
        if (!Number.isInteger(quantity))
          problems.push(`line ${row.line}: Variant Inventory Qty "${quantityText}" is not a whole number`);
        const values = optionNames.map((_, i) => row.get(`Option${i + 1} Value`));
        variants.push({
          line: row.line,
          id: row.get(COLUMNS.sku) || `${handle}-v${variants.length + 1}`,
          title: values.join(' / '),
          options: Object.fromEntries(optionNames.map((name, i) => [name, values[i] ?? ''])),
          price: price ?? 0,
          // Shopify allows overselling into negative numbers; the catalog counts what is there.
          stock: Math.max(0, Number.isInteger(quantity) ? quantity : 0),
        });
      }
      const src = row.get(COLUMNS.imageSrc);
      if (src) {
        const path = imagePath(src);
        const size = path ? await options.imageSize(path) : undefined;
        if (!path)
          problems.push(`line ${row.line}: Image Src "${src}" does not end in a JPEG, PNG, WebP or AVIF file name`);
        else if (!size)
          problems.push(`line ${row.line}: no photo ${path} beside the catalog (download Image Src there)`);
        else images.push({ src: path, ...size, alt: row.get(COLUMNS.imageAlt) || title });
      }
    }
    if (images.length === 0 && !problems.some((p) => p.includes('Image Src')))
      problems.push(`${at}: no Image Src for ${handle}`);
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }

    const categoryName =
      first.get(COLUMNS.type) || first.get(COLUMNS.productCategory).split('>').pop()!.trim() || 'Sonstiges';
    const categoryId = slugify(categoryName).slice(0, 64).replace(/-+$/, '') || 'sonstiges';
    if (!categories.has(categoryId))
      categories.set(categoryId, {
        id: categoryId,
        slug: categoryId,
        name: categoryName.slice(0, 80),
        description: '',
      });
    const price = variants[0]!.price!;
    const product: Product = {
      id: handle,
      slug: slugify(handle).slice(0, 120).replace(/-+$/, ''),
      title,
      brand: vendor,
      category: categoryId,
      description: plainText(first.get(COLUMNS.body)) || title,
      tags: first
        .get(COLUMNS.tags)
        .split(',')
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .slice(0, 20),
      attributes: {},
      price,
      vatClass: vat!,
      stock: variants.reduce((sum, v) => sum + v.stock, 0),
      rating: 0,
      ratingCount: 0,
      images: images.slice(0, 10),
    };
    if (!single) {
      product.variants = variants.map(({ line: _line, price: own, ...v }) => ({
        ...v,
        ...(own !== price ? { price: own } : {}),
      }));
    }
    products.push(product);
    lineOf.push(first.line);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (products.length === 0) return { ok: false, errors: ['line 2: the file has no products'] };

  const catalog = {
    version: 1,
    currency: 'EUR',
    locale: 'de-DE',
    source: options.source ?? 'Shopify product CSV',
    categories: [...categories.values()],
    products,
  };
  const checked = checkCatalog(catalog);
  if (checked.ok) return checked;
  return {
    ok: false,
    errors: checked.issues.map((issue) => {
      const index = /^products\.(\d+)/.exec(issue.path)?.[1];
      const line = index === undefined ? undefined : lineOf[Number(index)];
      return `${line ? `line ${line}` : 'file'}: ${issue.path}: ${issue.message}`;
    }),
  };
}
