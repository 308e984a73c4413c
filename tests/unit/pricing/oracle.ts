/**
 * The pricing rules once more, written for obviousness instead of speed: plain TypeScript and
 * BigInt, no shared code with the engine or its facade beyond the domain types and rule parsing.
 * The property tests hold the WASM engine to this. Messages are left empty: figures, codes and
 * statuses are what is compared.
 */
import { MAX_QUANTITY, type Cart } from '../../../src/domain/cart.js';
import { VAT_RATES, type Catalog, type Product } from '../../../src/domain/catalog.js';
import {
  MAX_CENTS,
  normalizeCode,
  targets,
  windowEnd,
  windowStart,
  type Promotion,
  type PromotionRules,
} from '../../../src/domain/promotions.js';
import type { CouponStatus, Quote, QuoteLine } from '../../../src/domain/quote.js';

interface Line {
  product: Product;
  variantId: string | undefined;
  /** Position of the item in catalog order (products, then their variants): the tie-breaker. */
  rank: number;
  quantity: bigint;
  price: bigint;
  vatRate: bigint;
  value: bigint;
  discount: bigint;
  adjustments: { promotion: Promotion; amount: bigint }[];
}

const roundHalfUp = (n: bigint, d: bigint): bigint => ((n % d) * 2n >= d ? n / d + 1n : n / d);
const sum = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);
const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/** Splits `amount` over `weights` proportionally; leftover cents to the largest remainders. */
function largestRemainder(amount: bigint, weights: bigint[], tieRank: (i: number) => number): bigint[] {
  const total = sum(weights);
  const shares = weights.map((w) => (amount * w) / total);
  const remainders = weights.map((w) => (amount * w) % total);
  let left = amount - sum(shares);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : tieRank(a) - tieRank(b),
    );
  for (const i of order) {
    if (left === 0n) break;
    shares[i]!++;
    left--;
  }
  return shares;
}

function itemsOf(catalog: Catalog) {
  const items: { product: Product; variantId: string | undefined; price: number; stock: number }[] = [];
  for (const product of catalog.products) {
    if (product.variants?.length) {
      for (const v of product.variants)
        items.push({ product, variantId: v.id, price: v.price ?? product.price, stock: v.stock });
    } else items.push({ product, variantId: undefined, price: product.price, stock: product.stock });
  }
  return items;
}

function readLines(cart: Cart, catalog: Catalog, maxLines: number) {
  const items = itemsOf(catalog);
  const productIds = new Set(catalog.products.map((p) => p.id));
  const rankOf = new Map(items.map((item, rank) => [`${item.product.id}/${item.variantId ?? ''}`, rank]));
  const errors: Quote['errors'] = [];
  const merged = new Map<number, { quantity: number; sources: number[] }>();
  cart.lines.forEach((line, index) => {
    const error = (code: string) => errors.push({ line: index, code, message: '' });
    if (index >= maxLines) return error('too-many-lines');
    if (!productIds.has(line.productId)) return error('unknown-product');
    const rank = rankOf.get(`${line.productId}/${line.variantId ?? ''}`);
    if (rank === undefined || items[rank]!.variantId !== line.variantId) return error('unknown-variant');
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) return error('invalid-quantity');
    const price = items[rank]!.price;
    if (!Number.isSafeInteger(price) || price < 0 || price > MAX_CENTS) return error('invalid-price');
    const entry = merged.get(rank) ?? { quantity: 0, sources: [] };
    entry.quantity += line.quantity;
    entry.sources.push(index);
    merged.set(rank, entry);
  });
  const lines: Line[] = [];
  for (const [rank, { quantity, sources }] of merged) {
    const item = items[rank]!;
    const refuse = quantity > MAX_QUANTITY ? 'above-maximum' : quantity > item.stock ? 'above-stock' : undefined;
    if (refuse) {
      for (const s of sources) errors.push({ line: s, code: refuse, message: '' });
      continue;
    }
    const price = BigInt(item.price);
    lines.push({
      product: item.product,
      variantId: item.variantId,
      rank,
      quantity: BigInt(quantity),
      price,
      vatRate: BigInt(VAT_RATES[item.product.vatClass]),
      value: 0n,
      discount: 0n,
      adjustments: [],
    });
  }
  errors.sort((a, b) => a.line - b.line);
  return { lines, errors };
}

function applyPromotion(p: Promotion, lines: Line[], take: (line: Line, amount: bigint) => void): void {
  const covered = lines.filter((l) => ('target' in p ? targets(p.target, l.product) : true));
  switch (p.type) {
    case 'percentage': {
      const units = sum(covered.map((l) => l.quantity));
      if (units === 0n || units < BigInt(p.minQuantity ?? 1)) return;
      for (const l of covered) take(l, roundHalfUp(l.value * BigInt(p.percent), 100n));
      return;
    }
    case 'buy-x-get-y': {
      let free = (sum(covered.map((l) => l.quantity)) / BigInt(p.buy + p.get)) * BigInt(p.get);
      const cheapestFirst = [...covered].sort((a, b) => {
        const left = a.value * b.quantity,
          right = b.value * a.quantity;
        return left < right ? -1 : left > right ? 1 : a.rank - b.rank;
      });
      for (const l of cheapestFirst) {
        if (free === 0n) break;
        const taken = minBig(free, l.quantity);
        take(l, taken === l.quantity ? l.value : roundHalfUp(l.value * taken, l.quantity));
        free -= taken;
      }
      return;
    }
    case 'volume-tiers':
      for (const l of covered) {
        const tier = [...p.tiers].reverse().find((t) => BigInt(t.minQuantity) <= l.quantity);
        if (tier && BigInt(tier.unitPrice) * l.quantity < l.value)
          take(l, l.value - BigInt(tier.unitPrice) * l.quantity);
      }
      return;
    case 'order-amount': {
      const goods = sum(covered.map((l) => l.value));
      if (goods === 0n || goods < BigInt(p.minimumOrder)) return;
      const shares = largestRemainder(
        minBig(BigInt(p.amount), goods),
        covered.map((l) => l.value),
        (i) => covered[i]!.rank,
      );
      covered.forEach((l, i) => take(l, shares[i]!));
      return;
    }
    case 'free-shipping':
      return;
  }
}

export function oracleQuote(catalog: Catalog, rules: PromotionRules, cart: Cart, at: number, maxLines = 500): Quote {
  const { lines, errors } = readLines(cart, catalog, maxLines);
  const promotions = rules.promotions
    .map((p, i) => ({ p, i }))
    .sort((a, b) => b.p.priority - a.p.priority || a.i - b.i)
    .map(({ p }) => p);
  const couponOnly = new Set(rules.coupons.map((c) => c.promotion));
  const subtotal = sum(lines.map((l) => l.price * l.quantity));

  const active = new Set(
    promotions.filter((p) => !couponOnly.has(p.id) && at >= windowStart(p.validFrom) && at <= windowEnd(p.validUntil)),
  );
  const codes = [...new Set(cart.coupons.map(normalizeCode))];
  let appliedCount = 0,
    nonCombinableApplied = false;
  const couponResults = codes.map((code) => {
    const coupon = rules.coupons.find((c) => normalizeCode(c.code) === code);
    if (!coupon) return { code, status: 'unknown' as CouponStatus, promotion: undefined };
    const promotion = promotions.find((p) => p.id === coupon.promotion)!;
    const from = Math.max(windowStart(coupon.validFrom), windowStart(promotion.validFrom));
    const until = Math.min(windowEnd(coupon.validUntil), windowEnd(promotion.validUntil));
    let status: CouponStatus = 'applied';
    if (at < from) status = 'not-yet-valid';
    else if (at > until) status = 'expired';
    else if (subtotal < BigInt(coupon.minimumOrder)) status = 'minimum-not-reached';
    else if (appliedCount > 0 && (!coupon.combinable || nonCombinableApplied)) status = 'not-combinable';
    if (status === 'applied') {
      appliedCount++;
      if (!coupon.combinable) nonCombinableApplied = true;
      active.add(promotion);
    }
    return { code, status, promotion };
  });

  const discounting = promotions.filter((p) => active.has(p) && p.type !== 'free-shipping');
  const options: Promotion[][] = [
    discounting.filter((p) => !p.exclusive),
    ...discounting.filter((p) => p.exclusive).map((p) => [p]),
  ];
  const shippingFor = (goods: bigint) => {
    if (lines.length === 0) return { price: 0n, freeBy: undefined, threshold: undefined, remaining: 0n };
    if (cart.shipping === 'express')
      return { price: BigInt(rules.shipping.express), freeBy: undefined, threshold: undefined, remaining: 0n };
    const free = promotions.filter((p) => active.has(p) && p.type === 'free-shipping') as Extract<
      Promotion,
      { type: 'free-shipping' }
    >[];
    const freeBy = free.find((p) => goods >= BigInt(p.threshold));
    if (freeBy) return { price: 0n, freeBy, threshold: BigInt(freeBy.threshold), remaining: 0n };
    const nearest = free.map((p) => BigInt(p.threshold)).sort((a, b) => (a < b ? -1 : 1))[0];
    return {
      price: BigInt(rules.shipping.standard),
      freeBy: undefined,
      threshold: nearest,
      remaining: nearest === undefined ? 0n : nearest - goods,
    };
  };
  const run = (option: Promotion[], record: boolean): bigint => {
    for (const l of lines) {
      l.value = l.price * l.quantity;
      if (record) {
        l.discount = 0n;
        l.adjustments = [];
      }
    }
    for (const p of option) {
      applyPromotion(p, lines, (l, amount) => {
        if (amount <= 0n) return;
        l.value -= amount;
        if (record) {
          l.discount += amount;
          l.adjustments.push({ promotion: p, amount });
        }
      });
    }
    return sum(lines.map((l) => l.value));
  };
  let best = options[0]!;
  let bestTotal: bigint | undefined;
  for (const option of options) {
    const goods = run(option, false);
    const total = goods + shippingFor(goods).price;
    if (bestTotal === undefined || total < bestTotal) {
      best = option;
      bestTotal = total;
    }
  }
  const goods = run(best, true);
  const shipping = shippingFor(goods);

  for (const result of couponResults) {
    const p = result.promotion;
    if (result.status === 'applied' && p && p.type !== 'free-shipping' && !best.includes(p))
      result.status = 'not-combinable';
  }

  const rates = [...new Set(lines.map((l) => l.vatRate))].sort((a, b) => (a > b ? -1 : 1));
  const gross = rates.map((r) => sum(lines.filter((l) => l.vatRate === r).map((l) => l.value)));
  if (shipping.price > 0n) {
    const goodsGross = sum(gross);
    const shares =
      goodsGross === 0n
        ? rates.map((_, i) => (i === 0 ? shipping.price : 0n))
        : largestRemainder(shipping.price, gross, (i) => i);
    shares.forEach((s, i) => (gross[i]! += s));
  }
  const vat = rates
    .map((rate, i) => ({ rate, gross: gross[i]! }))
    .filter((r) => r.gross > 0n)
    .map(({ rate, gross }) => {
      const tax = roundHalfUp(gross * rate, 100n + rate);
      return { rate: Number(rate), gross: Number(gross), net: Number(gross - tax), tax: Number(tax) };
    });

  const quoteLines = lines.map((l): QuoteLine => ({
    productId: l.product.id,
    ...(l.variantId === undefined ? {} : { variantId: l.variantId }),
    quantity: Number(l.quantity),
    unitPrice: Number(l.price),
    listTotal: Number(l.price * l.quantity),
    discount: Number(l.discount),
    total: Number(l.value),
    vatRate: Number(l.vatRate),
    adjustments: l.adjustments.map((a) => ({
      promotionId: a.promotion.id,
      label: a.promotion.label,
      amount: Number(a.amount),
    })),
  }));
  const discountTotal = sum(lines.map((l) => l.discount));
  const discounts = promotions
    .map((p) => ({
      promotionId: p.id,
      label: p.label,
      amount: sum(lines.flatMap((l) => l.adjustments.filter((a) => a.promotion === p).map((a) => a.amount))),
    }))
    .filter((d) => d.amount > 0n)
    .map((d) => ({ ...d, amount: Number(d.amount) }));
  return {
    currency: 'EUR',
    lines: quoteLines,
    subtotal: Number(subtotal),
    discountTotal: Number(discountTotal),
    shipping: {
      method: cart.shipping === 'express' ? 'express' : 'standard',
      price: Number(shipping.price),
      ...(cart.shipping !== 'express' && shipping.threshold !== undefined
        ? { freeFrom: Number(shipping.threshold), remainingForFree: Number(shipping.remaining) }
        : {}),
      ...(shipping.freeBy ? { promotionId: shipping.freeBy.id, label: shipping.freeBy.label } : {}),
    },
    discounts,
    vat,
    total: Number(subtotal - discountTotal + shipping.price),
    coupons: couponResults.map(({ code, status }) => ({ code, status, message: '' })),
    errors,
  };
}
