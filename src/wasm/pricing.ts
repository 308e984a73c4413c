import { loadWasmModule } from '#wasm-source';
import type { Cart } from '../domain/cart.js';
import type { Catalog } from '../domain/catalog.js';
import { normalizeCode, type PromotionRules } from '../domain/promotions.js';
import type { CouponStatus, Quote } from '../domain/quote.js';
import { checkI64 } from './checks.js';
import { WasmInstance, ownInstance, type LoadOptions } from './loader.js';
import { validateLines } from './pricing-input.js';
import { COUPON_STATUS, SHIPPING_CODE, SUMMARY, type PricingExports } from './pricing-layout.js';
import { couponMessage } from './pricing-messages.js';
import { discountsByPromotion, readLines, readShipping, readVat } from './pricing-output.js';
import { pricingState, writeCatalog, writeRules, type KnownCoupon, type PricingState } from './pricing-state.js';

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
    const atMs = checkI64('quote time', typeof at === 'number' ? at : at.getTime());
    // A trap replaced the instance since the last call: its catalog and rules are gone.
    if (this.#instance.generation !== this.#loadedGeneration) this.#writeState();
    const state = this.#state;
    const { lines, errors } = validateLines(cart, state.items, this.#maxLines);
    const entered = [...new Set((Array.isArray(cart.coupons) ? cart.coupons : []).map(String).map(normalizeCode))];
    const known = entered.map((code) => state.coupons.get(code));
    const passed = known.filter((k): k is KnownCoupon => k !== undefined);
    const method = cart.shipping === 'express' ? 'express' : 'standard';
    const instance = this.#instance;

    return instance.call('quote', (wasm): Quote => {
      const table = wasm.prepareCart(lines.length, passed.length);
      const [itemsAt, quantitiesAt, couponsAt, linesAt, statusAt, summaryAt, vatAt, adjustmentsAt] = instance.u32(
        table,
        8,
      );
      instance.u32(itemsAt!, lines.length).set(lines.map((l) => l.item));
      instance.u32(quantitiesAt!, lines.length).set(lines.map((l) => l.quantity));
      instance.u32(couponsAt!, passed.length).set(passed.map((k) => k.index));
      wasm.quote(atMs, SHIPPING_CODE[method]);

      const summary = instance.i64(summaryAt!, SUMMARY.slots);
      const subtotal = Number(summary[SUMMARY.subtotal]);
      const statuses = instance.u32(statusAt!, passed.length);
      let next = 0;
      const coupons = entered.map((code, i) => {
        const k = known[i];
        const status: CouponStatus = k ? COUPON_STATUS[statuses[next++]!]! : 'unknown';
        const window = { from: k?.from ?? 0, until: k?.until ?? 0 };
        return { code, status, message: couponMessage(code, status, k?.coupon, k?.promotion, window, subtotal) };
      });
      const quoteLines = readLines(
        instance,
        state,
        lines,
        linesAt!,
        adjustmentsAt!,
        Number(summary[SUMMARY.adjustments]),
      );
      return {
        currency: 'EUR',
        lines: quoteLines,
        subtotal,
        discountTotal: Number(summary[SUMMARY.discountTotal]),
        shipping: readShipping(state, method, summary),
        discounts: discountsByPromotion(quoteLines, state.promotions),
        vat: readVat(instance, vatAt!, Number(summary[SUMMARY.vatRows])),
        total: Number(summary[SUMMARY.total]),
        coupons,
        errors,
      };
    });
  }

  #writeState(): void {
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
