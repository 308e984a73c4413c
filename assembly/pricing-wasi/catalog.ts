// The catalog as the pricing engine needs it: sellable items (a product without variants, or one
// variant) with price, stock and VAT rate, plus what promotion targets match on. Mirrors
// indexCatalog in src/wasm/pricing-input.ts.
import { ARRAY, Json, NUMBER, OBJECT, parseJson, jsonError } from './json';
import { bad, member, optionalText, strings, text } from './fields';

export class Product {
  id: string = '';
  title: string = '';
  category: string = '';
  brand: string = '';
  tags: string[] = [];
  hasVariants: bool = false;
}

export class Item {
  productIndex: i32 = 0;
  variantId: string | null = null;
  /** As written in the file; NaN when absent. Only sane prices are ever priced. */
  price: f64 = NaN;
  stock: f64 = NaN;
  /** Percent; NaN for an unknown VAT class. */
  vatRate: f64 = NaN;
}

export class CatalogItems {
  items: Item[] = [];
  products: Product[] = [];
  byKey: Map<string, i32> = new Map();
  productById: Map<string, i32> = new Map();
}

export function itemKey(productId: string, variantId: string | null): string {
  return variantId == null ? productId : `${productId}\u0000${variantId}`;
}

function numberOr(object: Json, key: string, where: string, fallback: f64): f64 {
  const value = member(object, key, NUMBER, where, true);
  return value == null ? fallback : value.num;
}

function vatRate(vatClass: string | null): f64 {
  if (vatClass == 'standard') return 19;
  if (vatClass == 'reduced') return 7;
  return NaN;
}

/** What pricing never reads: skipped while parsing, so a large catalog fits in memory. */
const UNUSED = new Set<string>();
UNUSED.add('description');
UNUSED.add('attributes');
UNUSED.add('images');
UNUSED.add('slug');
UNUSED.add('options');
UNUSED.add('categories');

export function readCatalog(source: string, name: string): CatalogItems {
  const root = parseJson(source, UNUSED);
  if (root == null) bad(name, `not valid JSON: ${jsonError}`);
  if (root!.kind != OBJECT) bad(name, 'expected a JSON object');
  const list = member(root!, 'products', ARRAY, name)!;
  const catalog = new CatalogItems();
  for (let p = 0; p < list.items.length; p++) {
    const where = `${name}: products[${p}]`;
    const json = list.items[p];
    if (json.kind != OBJECT) bad(where, 'expected an object');
    const product = new Product();
    product.id = text(json, 'id', where);
    product.title = text(json, 'title', where);
    const category = optionalText(json, 'category', where);
    const brand = optionalText(json, 'brand', where);
    product.category = category == null ? '' : category;
    product.brand = brand == null ? '' : brand;
    product.tags = strings(json.get('tags'), `${where}.tags`);
    catalog.products.push(product);
    catalog.productById.set(product.id, p);
    const rate = vatRate(optionalText(json, 'vatClass', where));
    const price = numberOr(json, 'price', where, NaN);
    const variants = member(json, 'variants', ARRAY, where, true);
    if (variants != null && variants.items.length > 0) {
      product.hasVariants = true;
      for (let v = 0; v < variants.items.length; v++) {
        const variantWhere = `${where}.variants[${v}]`;
        const variant = variants.items[v];
        if (variant.kind != OBJECT) bad(variantWhere, 'expected an object');
        const item = new Item();
        item.productIndex = p;
        item.variantId = text(variant, 'id', variantWhere);
        item.price = numberOr(variant, 'price', variantWhere, price);
        item.stock = numberOr(variant, 'stock', variantWhere, NaN);
        item.vatRate = rate;
        catalog.byKey.set(itemKey(product.id, item.variantId), catalog.items.length);
        catalog.items.push(item);
      }
    } else {
      const item = new Item();
      item.productIndex = p;
      item.price = price;
      item.stock = numberOr(json, 'stock', where, NaN);
      item.vatRate = rate;
      catalog.byKey.set(itemKey(product.id, null), catalog.items.length);
      catalog.items.push(item);
    }
  }
  return catalog;
}

/** Above this a price is a typing error, not an offer (100.000,00 €); MAX_CENTS in the domain. */
export const MAX_CENTS: i64 = 10_000_000;

/** A price the engine will take: whole cents from 0 to MAX_CENTS with a known VAT rate. */
export function isSanePrice(item: Item): bool {
  const price = item.price;
  return price == Math.floor(price) && price >= 0 && price <= <f64>MAX_CENTS && isFinite(item.vatRate);
}
