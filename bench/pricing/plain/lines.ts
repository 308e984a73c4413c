// Cart lines checked and merged per item, into reusable typed arrays: the refused lines become
// errors (same codes and words as the WASM facade), the rest one line per distinct item.
import { MAX_QUANTITY, type Cart } from '../../../src/domain/cart.js';
import type { Quote } from '../../../src/domain/quote.js';
import type { PlainState } from './state.js';

type LineError = Quote['errors'][number];

export class CartLines {
  count = 0;
  item = new Int32Array(16);
  quantity = new Float64Array(16);
  readonly errors: LineError[] = [];
  #first = new Int32Array(16);
  #next = new Int32Array(16);
  #slot = new Int32Array(0);
  #stamp = new Uint32Array(0);
  #epoch = 0;

  /** Reads `cart` against `state`; `count`, `item`, `quantity` and `errors` hold the result. */
  read(cart: Cart, state: PlainState, maxLines: number): void {
    const raw: unknown = cart.lines;
    const lines = Array.isArray(raw) ? (raw as Cart['lines']) : [];
    this.#reserve(lines.length, state.price.length);
    const errors = this.errors;
    errors.length = 0;
    const epoch = ++this.#epoch;
    const { item, quantity } = this;
    const slot = this.#slot,
      stamp = this.#stamp,
      first = this.#first,
      next = this.#next;
    let count = 0;
    for (let index = 0; index < lines.length; index++) {
      if (index >= maxLines) {
        fail(errors, index, 'too-many-lines', `Ein Warenkorb fasst höchstens ${maxLines} Positionen.`);
        continue;
      }
      const line = lines[index];
      const productId: unknown = line?.productId;
      const entry = typeof productId === 'string' ? state.byId.get(productId) : undefined;
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
      if (state.sane[found] === 0) {
        const message = `„${entry.product.title}“ hat keinen gültigen Preis und kann nicht bestellt werden.`;
        fail(errors, index, 'invalid-price', message);
        continue;
      }
      if (stamp[found] === epoch) {
        const at = slot[found]!;
        quantity[at]! += q;
        let last = first[at]!;
        while (next[last]! >= 0) last = next[last]!;
        next[last] = index;
      } else {
        stamp[found] = epoch;
        slot[found] = count;
        item[count] = found;
        quantity[count] = q;
        first[count] = index;
        count++;
      }
      next[index] = -1;
    }
    this.count = this.#keepOrderable(count, state);
    if (errors.length > 1) errors.sort((a, b) => a.line - b.line);
  }

  /** Drops merged lines above the maximum or the stock, reporting each of their cart lines. */
  #keepOrderable(count: number, state: PlainState): number {
    const { item, quantity, errors } = this;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      const q = quantity[i]!,
        stock = state.stock[item[i]!]!;
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
        for (let s = this.#first[i]!; s >= 0; s = this.#next[s]!) fail(errors, s, code, message);
        continue;
      }
      item[kept] = item[i]!;
      quantity[kept] = q;
      kept++;
    }
    return kept;
  }

  #reserve(lines: number, items: number): void {
    if (this.item.length < lines) {
      const size = Math.max(lines, this.item.length * 2);
      this.item = new Int32Array(size);
      this.quantity = new Float64Array(size);
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

function fail(errors: LineError[], line: number, code: string, message: string): void {
  errors.push({ line, code, message: `Position ${line + 1}: ${message}` });
}
