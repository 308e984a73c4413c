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

/** A product id's sellable items: its own, or its variants' by variant id. */
export interface ProductEntry {
  product: Product;
  /** The item of a product without variants; -1 when it has variants. */
  item: number;
  variants: Map<string, number> | undefined;
}

export interface CatalogItems {
  items: PricedItem[];
  byId: Map<string, ProductEntry>;
  /** The catalog's products in file order: the eligibility bitmap's columns. */
  productList: Product[];
}

export function indexCatalog(catalog: Catalog): CatalogItems {
  const items: PricedItem[] = [];
  const byId = new Map<string, ProductEntry>();
  catalog.products.forEach((product, productIndex) => {
    const vatRate = VAT_RATES[product.vatClass];
    const entry: ProductEntry = { product, item: -1, variants: undefined };
    byId.set(product.id, entry);
    if (product.variants?.length) {
      entry.variants = new Map();
      for (const v of product.variants) {
        entry.variants.set(v.id, items.length);
        items.push({
          product,
          productIndex,
          vatRate,
          variantId: v.id,
          price: v.price ?? product.price,
          stock: v.stock,
        });
      }
    } else {
      entry.item = items.length;
      items.push({ product, productIndex, vatRate, variantId: undefined, price: product.price, stock: product.stock });
    }
  });
  return { items, byId, productList: catalog.products };
}

/** A price the engine will take: whole cents from 0 to MAX_CENTS with a known VAT rate. */
export const isSanePrice = (item: PricedItem): boolean =>
  Number.isSafeInteger(item.price) && item.price >= 0 && item.price <= MAX_CENTS && Number.isFinite(item.vatRate);

type LineError = Quote['errors'][number];

const fail = (errors: LineError[], line: number, code: string, message: string): void => {
  errors.push({ line, code, message: `Position ${line + 1}: ${message}` });
};

/**
 * Checks every cart line before anything crosses into WebAssembly. Lines for the same item are
 * merged (so the order of lines never matters); each refused line becomes an entry in `errors`.
 * One reader lives as long as its facade: the merged lines land in typed arrays it reuses, so a
 * quote allocates nothing here but its error entries.
 */
export class CartReader {
  /** Merged lines: `count` distinct items in order of first appearance, with their quantities. */
  count = 0;
  item = new Uint32Array(16);
  quantity = new Uint32Array(16);
  errors: LineError[] = [];
  #first = new Int32Array(16);
  #next = new Int32Array(16);
  #slot = new Int32Array(0);
  #stamp = new Uint32Array(0);
  #epoch = 0;

  read(cart: Cart, catalog: CatalogItems, maxLines: number): void {
    const raw: unknown = cart.lines;
    const lines = Array.isArray(raw) ? (raw as Cart['lines']) : [];
    this.#reserve(lines.length, catalog.items.length);
    const errors: LineError[] = [];
    this.errors = errors;
    const epoch = ++this.#epoch;
    const { item, quantity } = this;
    const slot = this.#slot,
      stamp = this.#stamp,
      first = this.#first,
      next = this.#next;
    // Merged quantities may pass u32 (the check below refuses them), so they add up as numbers.
    const sums = this.#sums;
    let count = 0;
    for (let index = 0; index < lines.length; index++) {
      next[index] = -1;
      if (index >= maxLines) {
        fail(errors, index, 'too-many-lines', `Ein Warenkorb fasst höchstens ${maxLines} Positionen.`);
        continue;
      }
      const line = lines[index];
      const productId: unknown = line?.productId;
      const entry = typeof productId === 'string' ? catalog.byId.get(productId) : undefined;
      if (!entry) {
        fail(errors, index, 'unknown-product', `Das Produkt „${String(productId)}“ gibt es nicht.`);
        continue;
      }
      const variantId: unknown = line!.variantId;
      const found = entry.variants
        ? typeof variantId === 'string'
          ? entry.variants.get(variantId)
          : undefined
        : variantId === undefined
          ? entry.item
          : undefined;
      if (found === undefined) {
        const title = entry.product.title;
        const message =
          entry.variants && variantId === undefined
            ? `Bitte eine Variante von „${title}“ wählen.`
            : `„${title}“ gibt es nicht in der Variante „${String(variantId)}“.`;
        fail(errors, index, 'unknown-variant', message);
        continue;
      }
      const q: unknown = line!.quantity;
      if (typeof q !== 'number' || !Number.isInteger(q) || q <= 0) {
        fail(errors, index, 'invalid-quantity', `Die Menge muss eine ganze Zahl ab 1 sein, nicht „${String(q)}“.`);
        continue;
      }
      const priced = catalog.items[found]!;
      if (!isSanePrice(priced)) {
        const message = `„${entry.product.title}“ hat keinen gültigen Preis und kann nicht bestellt werden.`;
        fail(errors, index, 'invalid-price', message);
        continue;
      }
      if (stamp[found] === epoch) {
        const at = slot[found]!;
        sums[at]! += q;
        let last = first[at]!;
        while (next[last]! >= 0) last = next[last]!;
        next[last] = index;
      } else {
        stamp[found] = epoch;
        slot[found] = count;
        item[count] = found;
        sums[count] = q;
        first[count] = index;
        count++;
      }
    }
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const q = sums[i]!,
        stock = catalog.items[item[i]!]!.stock;
      let code = '',
        message = '';
      if (q > MAX_QUANTITY) {
        code = 'above-maximum';
        message = `Höchstens ${MAX_QUANTITY} Stück je Artikel, nicht ${q}.`;
      } else if (q > stock) {
        code = 'above-stock';
        message = stock > 0 ? `Nur noch ${stock} Stück auf Lager (gewünscht: ${q}).` : 'Leider ausverkauft.';
      }
      if (code) {
        for (let s = first[i]!; s >= 0; s = next[s]!) fail(errors, s, code, message);
        continue;
      }
      item[kept] = item[i]!;
      quantity[kept] = q;
      kept++;
    }
    this.count = kept;
    if (errors.length > 1) errors.sort((a, b) => a.line - b.line);
  }

  #sums = new Float64Array(16);

  #reserve(lines: number, items: number): void {
    if (this.item.length < lines) {
      const size = Math.max(lines, this.item.length * 2);
      this.item = new Uint32Array(size);
      this.quantity = new Uint32Array(size);
      this.#sums = new Float64Array(size);
      this.#first = new Int32Array(size);
      this.#next = new Int32Array(size);
    }
    if (this.#slot.length < items) {
      this.#slot = new Int32Array(items);
      this.#stamp = new Uint32Array(items);
      this.#epoch = 0;
    }
  }
}
