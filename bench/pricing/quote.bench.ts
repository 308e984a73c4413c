import { describe, it } from 'vitest';
import type { Cart } from '../../src/domain/cart.js';
import type { Catalog, Product } from '../../src/domain/catalog.js';
import type { PromotionRules } from '../../src/domain/promotions.js';
import { parseRules } from '../../src/domain/promotion-rules.js';
import { createPricingEngine } from '../../src/wasm/pricing.js';
import { oracleQuote } from '../../tests/unit/pricing/oracle.js';
import { compareCpu } from '../cpu.js';
import { compare } from '../harness.js';
import { PlainPricingEngine } from './plain/engine.js';

// Quote latency, marshalling included: the WASM engine (release build) against the plain
// TypeScript peer (integer cents in numbers, compiled tables) and the BigInt oracle.
const CATEGORIES = ['kaffee-tee', 'mode', 'kueche-haushalt', 'buecher', 'garten'] as const;

function benchCatalog(count: number): Catalog {
  const products = Array.from({ length: count }, (_, i): Product => ({
    id: `p${String(i).padStart(5, '0')}`,
    slug: `p${i}`,
    title: `Produkt ${i}`,
    brand: i % 3 === 0 ? 'Nordlicht' : 'Rösterei',
    category: CATEGORIES[i % CATEGORIES.length]!,
    description: '',
    tags: i % 4 === 0 ? ['bio'] : [],
    attributes: {},
    price: 199 + ((i * 7919) % 12_000),
    vatClass: i % 5 === 0 ? 'reduced' : 'standard',
    stock: 1000,
    rating: 4,
    ratingCount: 1,
    images: [],
  }));
  return { version: 1, currency: 'EUR', locale: 'de-DE', source: 'bench', categories: [], products };
}

/** Ten promotions, every type, coupon-activated ones and an exclusive one among them. */
const rules: PromotionRules = parseRules({
  version: 1,
  shipping: { standard: 495, express: 990 },
  promotions: [
    { id: 'frei', label: 'Versandkostenfrei ab 50 €', type: 'free-shipping', threshold: 5000 },
    {
      id: '3fuer2',
      label: '3 für 2',
      type: 'buy-x-get-y',
      buy: 2,
      get: 1,
      priority: 10,
      target: { categories: ['kaffee-tee'] },
    },
    {
      id: 'mode',
      label: '20 % auf Mode',
      type: 'percentage',
      percent: 20,
      exclusive: true,
      target: { categories: ['mode'] },
    },
    { id: 'bio', label: '5 % auf Bio', type: 'percentage', percent: 5, target: { tags: ['bio'] } },
    {
      id: 'nordlicht',
      label: '10 % ab 3 Stück',
      type: 'percentage',
      percent: 10,
      minQuantity: 3,
      target: { brands: ['Nordlicht'] },
    },
    {
      id: 'staffel',
      label: 'Staffel',
      type: 'volume-tiers',
      priority: 20,
      target: { categories: ['garten'] },
      tiers: [
        { minQuantity: 2, unitPrice: 900 },
        { minQuantity: 4, unitPrice: 700 },
      ],
    },
    {
      id: 'ab150',
      label: '10 € ab 150 €',
      type: 'order-amount',
      amount: 1000,
      minimumOrder: 15_000,
      target: { categories: ['kaffee-tee', 'mode', 'kueche-haushalt', 'garten'] },
    },
    { id: 'willkommen', label: '10 % Willkommen', type: 'percentage', percent: 10, priority: -10 },
    { id: 'treue', label: '7 € Treue', type: 'order-amount', amount: 700, exclusive: true },
    { id: 'gratis', label: 'Gratisversand', type: 'free-shipping', threshold: 0 },
  ],
  coupons: [
    { code: 'WILLKOMMEN10', promotion: 'willkommen' },
    { code: 'TREUE', promotion: 'treue' },
  ],
});

function benchCart(catalog: Catalog, lines: number): Cart {
  return {
    lines: Array.from({ length: lines }, (_, i) => ({
      productId: catalog.products[(i * 37) % catalog.products.length]!.id,
      quantity: 1 + (i % 5),
    })),
    coupons: ['willkommen10', 'TREUE'],
    shipping: 'standard',
  };
}

describe('pricing: quote latency', () => {
  it('prices 10, 50 and 1,000-line carts with 10 promotions', async () => {
    const catalog = benchCatalog(1200);
    const engine = await createPricingEngine(catalog, rules, { maxLines: 1000 });
    const plain = new PlainPricingEngine(catalog, rules, 1000);
    const at = Date.parse('2026-11-25T12:00:00+01:00');
    for (const size of [10, 50, 1000]) {
      const cart = benchCart(catalog, size);
      const check = engine.quote(cart, at);
      if (check.lines.length !== size || check.errors.length) throw new Error('bench cart must be valid');
      if (JSON.stringify(plain.quote(cart, at)) !== JSON.stringify(check)) throw new Error('the peer must agree');
      await compare(
        `pricing: ${size}-line cart, 10 promotions`,
        [
          { name: 'WASM engine (facade + marshalling)', ours: true, run: () => engine.quote(cart, at) },
          { name: 'plain TypeScript peer (cents in numbers)', run: () => plain.quote(cart, at) },
          { name: 'TypeScript BigInt oracle', run: () => oracleQuote(catalog, rules, cart, at, 1000) },
        ],
        // Warm-up long enough for both JITs to reach their optimising tiers.
        { rounds: size === 1000 ? 300 : 3000, warmup: size === 1000 ? 100 : 1000, budgetMs: 15_000 },
      );
      compareCpu(
        `pricing: ${size}-line cart, 10 promotions`,
        [
          { name: 'WASM engine (facade + marshalling)', run: () => engine.quote(cart, at) },
          { name: 'plain TypeScript peer (cents in numbers)', run: () => plain.quote(cart, at) },
        ],
        { calls: size === 1000 ? 20 : 400 },
      );
    }
  });
});
