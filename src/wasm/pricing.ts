import { loadWasmModule } from '#wasm-source';
import type { Cart } from '../domain/cart.js';
import type { Catalog } from '../domain/catalog.js';
import { normalizeCode, type PromotionRules } from '../domain/promotions.js';
import type { CouponStatus, Quote } from '../domain/quote.js';
import { WasmInputError } from './errors.js';
import { WasmInstance, ownInstance, type LoadOptions } from './loader.js';
import { CartReader } from './pricing-input.js';
import { COUPON_STATUS, SHIPPING_CODE, SUMMARY, type PricingExports } from './pricing-layout.js';
import { couponMessage } from './pricing-messages.js';
import { discountsByPromotion, readLines, readShipping, readVat, viewsOf, type MemoryViews } from './pricing-output.js';
import { pricingState, writeCatalog, writeRules, type PricingState } from './pricing-state.js';

export interface PricingOptions extends LoadOptions {
  /** Cart lines beyond this are refused with a `too-many-lines` error. */
  maxLines?: number;
}

export const DEFAULT_MAX_LINES = 500;

/**
 * Prices carts with the WASM module: the catalog and rules are written into linear memory once
 * (and again after a trap, when the instance is new), each cart per call. Synchronous once built,
 * so a quantity change re-prices within the same frame. Works alike in the browser and in Node.
 * The memory layout is described in ./pricing-layout.ts.
 */
export class PricingEngine {
  readonly #instance: WasmInstance<PricingExports>;
  readonly #maxLines: number;
  #state!: PricingState;
  #loadedGeneration = -1;
  readonly #reader = new CartReader();
  #memory: MemoryViews | undefined;
  /** Lines x 65536 + coupons of the last prepared cart region (-1: none), and its offsets table. */
  #cartShape = -1;
  #cartTable = 0;

  constructor(module: WebAssembly.Module, catalog: Catalog, rules: PromotionRules, options: PricingOptions = {}) {
    this.#instance = ownInstance(this, new WasmInstance<PricingExports>('pricing', module, options));
    this.#maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
    this.load(catalog, rules);
  }

  get rules(): PromotionRules {
    return this.#state.rules;
  }

  /** Bytes of linear memory the engine's instance holds (shown on the /wasm page). */
  get memoryBytes(): number {
    return this.#instance.memoryBytes;
  }

  /** Replaces the catalog and rules (written into the module at once). */
  load(catalog: Catalog, rules: PromotionRules): void {
    this.#state = pricingState(catalog, rules);
    this.#writeState();
  }

  /** Prices `cart` as of `at`. Bad lines and codes become `errors` and coupon statuses, never a throw. */
  quote(cart: Cart, at: Date | number = Date.now()): Quote {
    const atMs = typeof at === 'number' ? at : at.getTime();
    if (!Number.isSafeInteger(atMs)) throw new WasmInputError(`quote time must be a safe integer, got ${String(atMs)}`);
    // A trap replaced the instance since the last call: its catalog and rules are gone.
    if (this.#instance.generation !== this.#loadedGeneration) this.#writeState();
    const state = this.#state;
    const reader = this.#reader;
    reader.read(cart, state.items, this.#maxLines);
    const entered: string[] = [];
    const raw: unknown = cart.coupons;
    if (Array.isArray(raw)) {
      for (const code of raw) {
        const normal = normalizeCode(String(code));
        if (!entered.includes(normal)) entered.push(normal);
      }
    }
    const known = entered.map((code) => state.coupons.get(code));
    const method = cart.shipping === 'express' ? 'express' : 'standard';
    const count = reader.count;

    return this.#instance.call('quote', (wasm): Quote => {
      let passed = 0;
      for (const k of known) if (k) passed++;
      // The cart region's layout depends only on the two counts: the same shape as last time
      // (the common re-quote after a quantity change) skips the call that lays it out.
      const shape = count * 65_536 + passed;
      if (shape !== this.#cartShape) {
        this.#cartTable = wasm.prepareCart(count, passed) >>> 2;
        this.#cartShape = shape;
      }
      const table = this.#cartTable;
      // After prepareCart, which may have grown (and so replaced) the memory's buffer.
      const views = this.#views(wasm.memory.buffer);
      const { u32, f64 } = views;
      const { item, quantity } = reader;
      for (let i = 0, at = u32[table]! >>> 2; i < count; i++) u32[at + i] = item[i]!;
      for (let i = 0, at = u32[table + 1]! >>> 2; i < count; i++) u32[at + i] = quantity[i]!;
      for (let i = 0, c = u32[table + 2]! >>> 2; i < known.length; i++) if (known[i]) u32[c++] = known[i]!.index;
      wasm.quote(atMs, SHIPPING_CODE[method]);

      const linesAt = u32[table + 3]!,
        statusAt = u32[table + 4]!,
        summaryAt = u32[table + 5]!,
        vatAt = u32[table + 6]!,
        adjustmentsAt = u32[table + 7]!;
      const summary = summaryAt / 8;
      const subtotal = f64[summary + SUMMARY.subtotal]!;
      const adjustments = f64[summary + SUMMARY.adjustments]!;
      let next = statusAt >>> 2;
      const coupons = entered.map((code, i) => {
        const k = known[i];
        const status: CouponStatus = k ? COUPON_STATUS[u32[next++]!]! : 'unknown';
        const window = { from: k?.from ?? 0, until: k?.until ?? 0 };
        return { code, status, message: couponMessage(code, status, k?.coupon, k?.promotion, window, subtotal) };
      });
      return {
        currency: 'EUR',
        lines: readLines(views, state, reader, linesAt, adjustmentsAt, adjustments),
        subtotal,
        discountTotal: f64[summary + SUMMARY.discountTotal]!,
        shipping: readShipping(state, method, f64, summaryAt),
        discounts: discountsByPromotion(views, state, adjustmentsAt, adjustments),
        vat: readVat(f64, vatAt, f64[summary + SUMMARY.vatRows]!),
        total: f64[summary + SUMMARY.total]!,
        coupons,
        errors: reader.errors,
      };
    });
  }

  #views(buffer: ArrayBuffer): MemoryViews {
    if (this.#memory?.buffer !== buffer) this.#memory = viewsOf(buffer);
    return this.#memory;
  }

  #writeState(): void {
    this.#cartShape = -1;
    this.#instance.call('setCatalog', (wasm) => writeCatalog(this.#instance, wasm, this.#state));
    this.#instance.call('setRules', (wasm) => writeRules(this.#instance, wasm, this.#state));
    this.#loadedGeneration = this.#instance.generation;
  }
}

/** Compiles (once per process or page) and instantiates the pricing module for this catalog. */
export async function createPricingEngine(
  catalog: Catalog,
  rules: PromotionRules,
  options: PricingOptions = {},
): Promise<PricingEngine> {
  return new PricingEngine(await loadWasmModule('pricing'), catalog, rules, options);
}
