import { loadWasmModule } from '#wasm-source';
import type { Cart } from '../domain/cart.js';
import type { Catalog } from '../domain/catalog.js';
import {
  applicationOrder,
  couponPromotionIds,
  normalizeCode,
  targets,
  windowEnd,
  windowStart,
  type Coupon,
  type Promotion,
  type PromotionRules,
} from '../domain/promotions.js';
import type { CouponStatus, Quote, QuoteAdjustment, QuoteLine } from '../domain/quote.js';
import { checkI64 } from './checks.js';
import { WasmInstance, type LadenExports, type LoadOptions } from './loader.js';
import { indexCatalog, validateLines, type CatalogItems, type ValidLine } from './pricing-input.js';
import {
  COUPON,
  COUPON_STATUS,
  LINE_OUT,
  PROMO,
  PROMO_TYPE,
  SHIPPING_CODE,
  SUMMARY,
  VAT_ROW,
} from './pricing-layout.js';
import { couponMessage } from './pricing-messages.js';

interface PricingExports extends LadenExports {
  setCatalog(items: number, products: number): number;
  setRules(promotions: number, tiers: number, coupons: number): number;
  prepareCart(lines: number, coupons: number): number;
  quote(at: bigint, method: number): void;
}

export interface PricingOptions extends LoadOptions {
  /** Cart lines beyond this are refused with a `too-many-lines` error. */
  maxLines?: number;
}

export const DEFAULT_MAX_LINES = 500;

/** A known coupon as the engine sees it: its effective window and its promotion. */
interface KnownCoupon {
  index: number;
  coupon: Coupon;
  promotion: Promotion;
  from: number;
  until: number;
}

/**
 * Prices carts with the WASM module: the catalog and rules are written into linear memory once
 * (and again after a trap, when the instance is new), each cart per call. Synchronous once built,
 * so a quantity change re-prices within the same frame. Works alike in the browser and in Node.
 */
export class PricingEngine {
  readonly #instance: WasmInstance<PricingExports>;
  readonly #maxLines: number;
  #items!: CatalogItems;
  #rules!: PromotionRules;
  #promotions: Promotion[] = [];
  #coupons = new Map<string, KnownCoupon>();
  #loadedGeneration = -1;

  constructor(module: WebAssembly.Module, catalog: Catalog, rules: PromotionRules, options: PricingOptions = {}) {
    this.#instance = new WasmInstance<PricingExports>('pricing', module, options);
    this.#maxLines = options.maxLines ?? DEFAULT_MAX_LINES;
    this.load(catalog, rules);
  }

  get rules(): PromotionRules {
    return this.#rules;
  }

  /** Replaces the catalog and rules (written into the module at once). */
  load(catalog: Catalog, rules: PromotionRules): void {
    this.#items = indexCatalog(catalog);
    this.#rules = rules;
    this.#promotions = applicationOrder(rules);
    const order = new Map(this.#promotions.map((p, i) => [p.id, i]));
    this.#coupons = new Map(
      rules.coupons.map((coupon) => {
        const index = order.get(coupon.promotion)!;
        const promotion = this.#promotions[index]!;
        const from = Math.max(windowStart(coupon.validFrom), windowStart(promotion.validFrom));
        const until = Math.min(windowEnd(coupon.validUntil), windowEnd(promotion.validUntil));
        return [normalizeCode(coupon.code), { index: rules.coupons.indexOf(coupon), coupon, promotion, from, until }];
      }),
    );
    this.#writeState();
  }

  quote(cart: Cart, at: Date | number = Date.now()): Quote {
    const atMs = checkI64('quote time', typeof at === 'number' ? at : at.getTime());
    if (this.#instance.generation !== this.#loadedGeneration) this.#writeState();
    const { lines, errors } = validateLines(cart, this.#items, this.#maxLines);
    const entered = [...new Set((Array.isArray(cart.coupons) ? cart.coupons : []).map(String).map(normalizeCode))];
    const known = entered.map((code) => this.#coupons.get(code));
    const passed = known.filter((k): k is KnownCoupon => k !== undefined);
    const method = cart.shipping === 'express' ? 'express' : 'standard';

    return this.#instance.call('quote', (wasm) => {
      const table = wasm.prepareCart(lines.length, passed.length);
      const [itemsAt, quantitiesAt, couponsAt, linesAt, statusAt, summaryAt, vatAt, adjustmentsAt] = this.#instance.u32(
        table,
        8,
      );
      this.#instance.u32(itemsAt!, lines.length).set(lines.map((l) => l.item));
      this.#instance.u32(quantitiesAt!, lines.length).set(lines.map((l) => l.quantity));
      this.#instance.u32(couponsAt!, passed.length).set(passed.map((k) => k.index));
      wasm.quote(atMs, SHIPPING_CODE[method]);

      const summary = this.#instance.i64(summaryAt!, SUMMARY.slots);
      const subtotal = Number(summary[SUMMARY.subtotal]);
      const statuses = this.#instance.u32(statusAt!, passed.length);
      let next = 0;
      const coupons = entered.map((code, i) => {
        const k = known[i];
        const status: CouponStatus = k ? COUPON_STATUS[statuses[next++]!]! : 'unknown';
        const window = { from: k?.from ?? 0, until: k?.until ?? 0 };
        return { code, status, message: couponMessage(code, status, k?.coupon, k?.promotion, window, subtotal) };
      });
      const quoteLines = this.#readLines(lines, linesAt!, adjustmentsAt!, Number(summary[SUMMARY.adjustments]));
      return {
        currency: 'EUR',
        lines: quoteLines,
        subtotal,
        discountTotal: Number(summary[SUMMARY.discountTotal]),
        shipping: this.#readShipping(method, summary),
        discounts: discountsByPromotion(quoteLines, this.#promotions),
        vat: this.#readVat(vatAt!, Number(summary[SUMMARY.vatRows])),
        total: Number(summary[SUMMARY.total]),
        coupons,
        errors,
      } satisfies Quote;
    }) as Quote;
  }

  #readLines(lines: ValidLine[], linesAt: number, adjustmentsAt: number, adjustmentCount: number): QuoteLine[] {
    const out = this.#instance.i64(linesAt, lines.length * LINE_OUT.slots);
    const quoteLines = lines.map((line, i): QuoteLine => {
      const item = this.#items.items[line.item]!;
      const at = i * LINE_OUT.slots;
      return {
        productId: item.product.id,
        ...(item.variantId === undefined ? {} : { variantId: item.variantId }),
        quantity: line.quantity,
        unitPrice: Number(out[at + LINE_OUT.unitPrice]),
        listTotal: Number(out[at + LINE_OUT.listTotal]),
        discount: Number(out[at + LINE_OUT.discount]),
        total: Number(out[at + LINE_OUT.total]),
        vatRate: item.vatRate,
        adjustments: [],
      };
    });
    const adjustments = this.#instance.i64(adjustmentsAt, adjustmentCount * 2);
    for (let a = 0; a < adjustmentCount; a++) {
      const key = adjustments[a * 2]!;
      const promotion = this.#promotions[Number(key & 0xffff_ffffn)]!;
      quoteLines[Number(key >> 32n)]!.adjustments.push({
        promotionId: promotion.id,
        label: promotion.label,
        amount: Number(adjustments[a * 2 + 1]),
      });
    }
    return quoteLines;
  }

  #readShipping(method: 'standard' | 'express', summary: BigInt64Array): Quote['shipping'] {
    const shipping: Quote['shipping'] = { method, price: Number(summary[SUMMARY.shipping]) };
    const threshold = Number(summary[SUMMARY.freeShippingThreshold]);
    const freeBy = Number(summary[SUMMARY.freeShippingPromotion]);
    if (method === 'standard' && threshold >= 0) {
      shipping.freeFrom = threshold;
      shipping.remainingForFree = Number(summary[SUMMARY.freeShippingRemaining]);
    }
    if (freeBy >= 0) {
      shipping.promotionId = this.#promotions[freeBy]!.id;
      shipping.label = this.#promotions[freeBy]!.label;
    }
    return shipping;
  }

  #readVat(vatAt: number, rows: number): Quote['vat'] {
    const vat = this.#instance.i64(vatAt, rows * VAT_ROW.slots);
    return Array.from({ length: rows }, (_, r) => ({
      rate: Number(vat[r * VAT_ROW.slots + VAT_ROW.rate]),
      gross: Number(vat[r * VAT_ROW.slots + VAT_ROW.gross]),
      net: Number(vat[r * VAT_ROW.slots + VAT_ROW.net]),
      tax: Number(vat[r * VAT_ROW.slots + VAT_ROW.tax]),
    }));
  }

  /** Writes the catalog tables and the rules into the (possibly fresh) instance. */
  #writeState(): void {
    const instance = this.#instance;
    const { items } = this.#items;
    const products = this.#items.productList.length;
    instance.call('setCatalog', (wasm) => {
      const [priceAt, productAt, rateAt] = instance.u32(wasm.setCatalog(items.length, products), 3);
      instance.i64(priceAt!, items.length).set(items.map((i) => BigInt(Number.isSafeInteger(i.price) ? i.price : 0)));
      instance.u32(productAt!, items.length).set(items.map((i) => i.productIndex));
      instance.u32(rateAt!, items.length).set(items.map((i) => i.vatRate));
    });
    instance.call('setRules', (wasm) => this.#writeRules(wasm));
    this.#loadedGeneration = instance.generation;
  }

  #writeRules(wasm: PricingExports): void {
    const instance = this.#instance;
    const promotions = this.#promotions;
    const tiers = promotions.flatMap((p) => (p.type === 'volume-tiers' ? p.tiers : []));
    const coupons = this.#rules.coupons;
    const [promosAt, tiersAt, couponsAt, shippingAt, bitmapAt, words] = instance.u32(
      wasm.setRules(promotions.length, tiers.length, coupons.length),
      6,
    );
    const couponOnly = couponPromotionIds(this.#rules);
    let tierStart = 0;
    promotions.forEach((p, index) => {
      const record = new BigInt64Array(PROMO.slots);
      record[PROMO.type] = BigInt(PROMO_TYPE[p.type]);
      record[PROMO.exclusive] = p.exclusive ? 1n : 0n;
      record[PROMO.automatic] = couponOnly.has(p.id) ? 0n : 1n;
      record[PROMO.validFrom] = BigInt(windowStart(p.validFrom));
      record[PROMO.validUntil] = BigInt(windowEnd(p.validUntil));
      const target = 'target' in p ? p.target : undefined;
      record[PROMO.targetAll] = target ? 0n : 1n;
      if (p.type === 'percentage') {
        record[PROMO.percent] = BigInt(p.percent);
        record[PROMO.minQuantity] = BigInt(p.minQuantity ?? 1);
      } else if (p.type === 'buy-x-get-y') {
        record[PROMO.buy] = BigInt(p.buy);
        record[PROMO.get] = BigInt(p.get);
      } else if (p.type === 'order-amount') {
        record[PROMO.amount] = BigInt(p.amount);
        record[PROMO.minimumOrder] = BigInt(p.minimumOrder);
      } else if (p.type === 'free-shipping') {
        record[PROMO.threshold] = BigInt(p.threshold);
      } else {
        record[PROMO.tierStart] = BigInt(tierStart);
        record[PROMO.tierCount] = BigInt(p.tiers.length);
        tierStart += p.tiers.length;
      }
      instance.i64(promosAt! + index * PROMO.slots * 8, PROMO.slots).set(record);
      if (target) {
        const row = instance.u32(bitmapAt! + index * words! * 4, words!);
        this.#items.productList.forEach((product, column) => {
          if (targets(target, product)) row[column >>> 5]! |= 1 << (column & 31);
        });
      }
    });
    instance.i64(tiersAt!, tiers.length * 2).set(tiers.flatMap((t) => [BigInt(t.minQuantity), BigInt(t.unitPrice)]));
    const order = new Map(promotions.map((p, i) => [p.id, i]));
    coupons.forEach((coupon, index) => {
      const known = this.#coupons.get(normalizeCode(coupon.code))!;
      const record = new BigInt64Array(COUPON.slots);
      record[COUPON.promotion] = BigInt(order.get(coupon.promotion)!);
      record[COUPON.combinable] = coupon.combinable ? 1n : 0n;
      record[COUPON.minimumOrder] = BigInt(coupon.minimumOrder);
      record[COUPON.validFrom] = BigInt(known.from);
      record[COUPON.validUntil] = BigInt(known.until);
      instance.i64(couponsAt! + index * COUPON.slots * 8, COUPON.slots).set(record);
    });
    instance.i64(shippingAt!, 2).set([BigInt(this.#rules.shipping.standard), BigInt(this.#rules.shipping.express)]);
  }
}

/** Sums each promotion's adjustments over the lines, in application order. */
export function discountsByPromotion(lines: QuoteLine[], order: Promotion[]): QuoteAdjustment[] {
  const sums = new Map<string, number>();
  for (const line of lines)
    for (const a of line.adjustments) sums.set(a.promotionId, (sums.get(a.promotionId) ?? 0) + a.amount);
  return order
    .filter((p) => sums.has(p.id))
    .map((p) => ({ promotionId: p.id, label: p.label, amount: sums.get(p.id)! }));
}

/** Compiles (once per process or page) and instantiates the pricing module for this catalog. */
export async function createPricingEngine(
  catalog: Catalog,
  rules: PromotionRules,
  options: PricingOptions = {},
): Promise<PricingEngine> {
  return new PricingEngine(await loadWasmModule('pricing'), catalog, rules, options);
}
