import { MAX_QUANTITY, type Cart } from '../domain/cart.js';
import { VAT_RATES, type Catalog, type Product } from '../domain/catalog.js';
import { MAX_CENTS } from '../domain/promotions.js';
import type { Quote } from '../domain/quote.js';

/** A sellable item: a product without variants, or one variant of a product. */
export interface PricedItem {
  product: Product;
  productIndex: number;
  variantId: string | undefined;
  price: number;
  stock: number;
  vatRate: number;
}

export interface CatalogItems {
  items: PricedItem[];
  byKey: Map<string, number>;
  products: Map<string, Product>;
  /** The catalog's products in file order: the eligibility bitmap's columns. */
  productList: Product[];
}

const itemKey = (productId: string, variantId: string | undefined): string =>
  variantId === undefined ? productId : `${productId}\u0000${variantId}`;

export function indexCatalog(catalog: Catalog): CatalogItems {
  const items: PricedItem[] = [];
  const byKey = new Map<string, number>();
  const products = new Map<string, Product>();
  catalog.products.forEach((product, productIndex) => {
    products.set(product.id, product);
    const vatRate = VAT_RATES[product.vatClass];
    const sellable = product.variants?.length
      ? product.variants.map((v) => ({
          variantId: v.id as string | undefined,
          price: v.price ?? product.price,
          stock: v.stock,
        }))
      : [{ variantId: undefined, price: product.price, stock: product.stock }];
    for (const s of sellable) {
      byKey.set(itemKey(product.id, s.variantId), items.length);
      items.push({ product, productIndex, vatRate, ...s });
    }
  });
  return { items, byKey, products, productList: catalog.products };
}

/** A price the engine will take: whole cents from 0 to MAX_CENTS with a known VAT rate. */
export const isSanePrice = (item: PricedItem): boolean =>
  Number.isSafeInteger(item.price) && item.price >= 0 && item.price <= MAX_CENTS && Number.isFinite(item.vatRate);

/** One line the engine prices: a distinct item and the cart lines (indices) it came from. */
export interface ValidLine {
  item: number;
  quantity: number;
  sources: number[];
}

type LineError = Quote['errors'][number];

/**
 * Checks every cart line before anything crosses into WebAssembly. Lines for the same item are
 * merged (so the order of lines never matters); each refused line becomes an entry in `errors`.
 */
export function validateLines(
  cart: Cart,
  catalog: CatalogItems,
  maxLines: number,
): { lines: ValidLine[]; errors: LineError[] } {
  const errors: LineError[] = [];
  const merged = new Map<number, ValidLine>();
  const fail = (line: number, code: string, message: string) =>
    errors.push({ line, code, message: `Position ${line + 1}: ${message}` });
  const rawLines: unknown = cart.lines;
  const lines = Array.isArray(rawLines) ? (rawLines as Cart['lines']) : [];
  lines.forEach((line, index) => {
    if (index >= maxLines)
      return fail(index, 'too-many-lines', `Ein Warenkorb fasst höchstens ${maxLines} Positionen.`);
    const productId: unknown = line?.productId;
    const product = typeof productId === 'string' ? catalog.products.get(productId) : undefined;
    if (!product) return fail(index, 'unknown-product', `Das Produkt „${String(productId)}“ gibt es nicht.`);
    const variantId: unknown = line.variantId;
    const hasVariants = Boolean(product.variants?.length);
    const item =
      typeof variantId === 'string' || variantId === undefined
        ? catalog.byKey.get(itemKey(product.id, hasVariants ? (variantId ?? '') : variantId))
        : undefined;
    if (item === undefined) {
      const message =
        hasVariants && variantId === undefined
          ? `Bitte eine Variante von „${product.title}“ wählen.`
          : `„${product.title}“ gibt es nicht in der Variante „${String(variantId)}“.`;
      return fail(index, 'unknown-variant', message);
    }
    const quantity: unknown = line.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity <= 0) {
      return fail(index, 'invalid-quantity', `Die Menge muss eine ganze Zahl ab 1 sein, nicht „${String(quantity)}“.`);
    }
    const priced = catalog.items[item]!;
    if (!isSanePrice(priced)) {
      return fail(
        index,
        'invalid-price',
        `„${product.title}“ hat keinen gültigen Preis und kann nicht bestellt werden.`,
      );
    }
    const existing = merged.get(item);
    if (existing) {
      existing.quantity += quantity;
      existing.sources.push(index);
    } else merged.set(item, { item, quantity, sources: [index] });
  });
  const valid: ValidLine[] = [];
  for (const line of merged.values()) {
    const priced = catalog.items[line.item]!;
    if (line.quantity > MAX_QUANTITY) {
      for (const s of line.sources)
        fail(s, 'above-maximum', `Höchstens ${MAX_QUANTITY} Stück je Artikel, nicht ${line.quantity}.`);
    } else if (line.quantity > priced.stock) {
      const message =
        priced.stock > 0
          ? `Nur noch ${priced.stock} Stück auf Lager (gewünscht: ${line.quantity}).`
          : 'Leider ausverkauft.';
      for (const s of line.sources) fail(s, 'above-stock', message);
    } else valid.push(line);
  }
  errors.sort((a, b) => a.line - b.line);
  return { lines: valid, errors };
}
