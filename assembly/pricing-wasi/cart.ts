// The cart from stdin, checked line by line before anything is priced; the same checks and
// messages as validateLines in src/wasm/pricing-input.ts, so a refused line reads the same.
import { ARRAY, Json, NUMBER, OBJECT, STRING } from './json';
import { jsString } from './json-out';
import { CatalogItems, isSanePrice, itemKey } from './catalog';
import { normalizeCode } from './rules';

export const MAX_QUANTITY: f64 = 999;
export const MAX_LINES: i32 = 500;

export class ValidLine {
  item: i32 = 0;
  quantity: f64 = 0;
  sources: i32[] = [];
}

export class LineError {
  constructor(
    public line: i32,
    public code: string,
    public message: string,
  ) {}
}

export class CartInput {
  lines: ValidLine[] = [];
  errors: LineError[] = [];
  /** Entered codes, normalized, each once, in the order entered. */
  coupons: string[] = [];
  express: bool = false;
}

function fail(cart: CartInput, line: i32, code: string, message: string): void {
  cart.errors.push(new LineError(line, code, `Position ${line + 1}: ${message}`));
}

function checkLine(cart: CartInput, catalog: CatalogItems, json: Json, index: i32, merged: Map<i32, ValidLine>): void {
  if (index >= MAX_LINES) {
    fail(cart, index, 'too-many-lines', `Ein Warenkorb fasst höchstens ${MAX_LINES} Positionen.`);
    return;
  }
  const productId = json.kind == OBJECT ? json.get('productId') : null;
  if (productId == null || productId.kind != STRING || !catalog.productById.has(productId.str)) {
    fail(cart, index, 'unknown-product', `Das Produkt „${jsString(productId)}“ gibt es nicht.`);
    return;
  }
  const product = catalog.products[catalog.productById.get(productId.str)];
  const variantId = json.get('variantId');
  const hasVariants = product.hasVariants;
  let item = -1;
  if (variantId == null || variantId.kind == STRING) {
    const wanted: string | null = variantId == null ? (hasVariants ? '' : null) : variantId.str;
    const key = itemKey(product.id, wanted);
    if (catalog.byKey.has(key)) item = catalog.byKey.get(key);
  }
  if (item < 0) {
    const message =
      hasVariants && variantId == null
        ? `Bitte eine Variante von „${product.title}“ wählen.`
        : `„${product.title}“ gibt es nicht in der Variante „${jsString(variantId)}“.`;
    fail(cart, index, 'unknown-variant', message);
    return;
  }
  const quantity = json.get('quantity');
  if (quantity == null || quantity.kind != NUMBER || quantity.num != Math.floor(quantity.num) || quantity.num <= 0) {
    fail(cart, index, 'invalid-quantity', `Die Menge muss eine ganze Zahl ab 1 sein, nicht „${jsString(quantity)}“.`);
    return;
  }
  if (!isSanePrice(catalog.items[item])) {
    fail(cart, index, 'invalid-price', `„${product.title}“ hat keinen gültigen Preis und kann nicht bestellt werden.`);
    return;
  }
  if (merged.has(item)) {
    const existing = merged.get(item);
    existing.quantity += quantity.num;
    existing.sources.push(index);
  } else {
    const line = new ValidLine();
    line.item = item;
    line.quantity = quantity.num;
    line.sources.push(index);
    merged.set(item, line);
    cart.lines.push(line);
  }
}

/** Lines for the same item are merged (their order never matters); each refused line is an error. */
export function readCart(root: Json, catalog: CatalogItems): CartInput {
  const cart = new CartInput();
  const merged = new Map<i32, ValidLine>();
  const lines = root.get('lines');
  if (lines != null && lines.kind == ARRAY) {
    for (let i = 0; i < lines.items.length; i++) checkLine(cart, catalog, lines.items[i], i, merged);
  }
  const candidates = cart.lines;
  cart.lines = [];
  for (let i = 0; i < candidates.length; i++) {
    const line = candidates[i];
    const stock = catalog.items[line.item].stock;
    if (line.quantity > MAX_QUANTITY) {
      for (let s = 0; s < line.sources.length; s++) {
        fail(
          cart,
          line.sources[s],
          'above-maximum',
          `Höchstens ${<i32>MAX_QUANTITY} Stück je Artikel, nicht ${jsQuantity(line.quantity)}.`,
        );
      }
    } else if (line.quantity > stock) {
      const message =
        stock > 0
          ? `Nur noch ${jsQuantity(stock)} Stück auf Lager (gewünscht: ${jsQuantity(line.quantity)}).`
          : 'Leider ausverkauft.';
      for (let s = 0; s < line.sources.length; s++) fail(cart, line.sources[s], 'above-stock', message);
    } else cart.lines.push(line);
  }
  sortByLine(cart.errors);
  const coupons = root.get('coupons');
  if (coupons != null && coupons.kind == ARRAY) {
    for (let i = 0; i < coupons.items.length; i++) {
      const code = normalizeCode(jsString(coupons.items[i]));
      if (!cart.coupons.includes(code)) cart.coupons.push(code);
    }
  }
  const shipping = root.get('shipping');
  cart.express = shipping != null && shipping.kind == STRING && shipping.str == 'express';
  return cart;
}

function jsQuantity(n: f64): string {
  const value = new Json();
  value.kind = NUMBER;
  value.num = n;
  return jsString(value);
}

/** Stable insertion sort: errors of equal lines keep the order they were found in. */
function sortByLine(errors: LineError[]): void {
  for (let i = 1; i < errors.length; i++) {
    const e = errors[i];
    let j = i - 1;
    while (j >= 0 && errors[j].line > e.line) {
      errors[j + 1] = errors[j];
      j--;
    }
    errors[j + 1] = e;
  }
}
