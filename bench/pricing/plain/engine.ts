/**
 * The pricing rules in plain TypeScript with integer cents in ordinary numbers, the way a careful
 * engineer writes a money engine without WebAssembly: the catalog and rules compiled once into
 * typed arrays, per-quote scratch reused, no BigInt and nothing allocated in the inner loops
 * (only the Quote the caller receives). The benchmarks' honest peer of the WASM engine; the
 * property tests hold it to the BigInt oracle like the engine.
 */
import type { Cart } from '../../../src/domain/cart.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import { normalizeCode, type PromotionRules } from '../../../src/domain/promotions.js';
import type { CouponStatus, Quote } from '../../../src/domain/quote.js';
import { couponMessage } from '../../../src/wasm/pricing-messages.js';
import { CartLines } from './lines.js';
import { buildQuote } from './output.js';
import { Pricer } from './pricer.js';
import { compileState, type CouponEntry, type PlainState } from './state.js';

export class PlainPricingEngine {
  #state!: PlainState;
  readonly #lines = new CartLines();
  readonly #pricer = new Pricer();

  constructor(
    catalog: Catalog,
    rules: PromotionRules,
    readonly maxLines = 500,
  ) {
    this.load(catalog, rules);
  }

  load(catalog: Catalog, rules: PromotionRules): void {
    this.#state = compileState(catalog, rules);
  }

  quote(cart: Cart, at: Date | number = Date.now()): Quote {
    const atMs = typeof at === 'number' ? at : at.getTime();
    const state = this.#state;
    const lines = this.#lines;
    lines.read(cart, state, this.maxLines);
    const codes: string[] = [];
    const entered: unknown = cart.coupons;
    if (Array.isArray(entered)) {
      for (const raw of entered) {
        const code = normalizeCode(String(raw));
        if (!codes.includes(code)) codes.push(code);
      }
    }
    const known: (CouponEntry | undefined)[] = codes.map((code) => state.coupons.get(code));
    const express = cart.shipping === 'express';
    const pricer = this.#pricer;
    pricer.price(state, lines, known, atMs, express);
    const subtotal = pricer.subtotal;
    let next = 0;
    const coupons = codes.map((code, i) => {
      const k = known[i];
      const status: CouponStatus = k ? pricer.couponStatus(next++) : 'unknown';
      const window = { from: k?.from ?? 0, until: k?.until ?? 0 };
      return { code, status, message: couponMessage(code, status, k?.coupon, k?.promotion, window, subtotal) };
    });
    return buildQuote(state, lines, pricer, express, coupons);
  }
}
