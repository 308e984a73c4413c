import type { Catalog, Product } from './catalog.js';
import type { PromotionRules, PromotionRulesInput } from './promotions.js';
import { parseRules } from './promotion-rules.js';

type PromotionInput = PromotionRulesInput['promotions'][number];

/**
 * The demo shop's promotions, coupons and shipping prices, fitted to a generated catalog: every
 * promotion type at least once, coupons in each state (WILLKOMMEN10 valid, SOMMER expired,
 * NEUJAHR27 not yet valid). Books are never discounted (German fixed book prices).
 */
export function demoRules(catalog: Catalog): PromotionRules {
  const categories = new Set(catalog.categories.map((c) => c.id));
  const present = (...ids: string[]) => ids.filter((id) => categories.has(id));
  const allButBooks = [...categories].filter((id) => id !== 'buecher');
  const bulk = cheapestIn(catalog, present('drogerie', 'lebensmittel', 'kueche-haushalt'));

  const promotions: PromotionInput[] = [
    { id: 'versandkostenfrei', label: 'Versandkostenfrei ab 50 €', type: 'free-shipping', threshold: 5000 },
    {
      id: 'kaffee-3-fuer-2',
      label: '3 für 2 auf Kaffee & Tee',
      type: 'buy-x-get-y',
      buy: 2,
      get: 1,
      priority: 10,
      target: { categories: present('kaffee-tee') },
    },
    {
      id: 'mode-20',
      label: '20 % auf Mode & Schuhe',
      type: 'percentage',
      percent: 20,
      exclusive: true,
      target: { categories: present('mode', 'schuhe') },
    },
    {
      id: 'ab-150',
      label: '10 € Rabatt ab 150 €',
      type: 'order-amount',
      amount: 1000,
      minimumOrder: 15_000,
      target: { categories: allButBooks },
    },
    {
      id: 'willkommen',
      label: '10 % Willkommensrabatt',
      type: 'percentage',
      percent: 10,
      priority: -10,
      target: { categories: allButBooks },
    },
    {
      id: 'sommer',
      label: 'Sommerschluss: 15 % auf Outdoor, Sport & Garten',
      type: 'percentage',
      percent: 15,
      target: { categories: present('outdoor-wandern', 'sport', 'garten') },
    },
    {
      id: 'neujahr',
      label: 'Neujahr: 15 € ab 75 €',
      type: 'order-amount',
      amount: 1500,
      minimumOrder: 7500,
      priority: -20,
      target: { categories: allButBooks },
    },
    { id: 'gratis-versand', label: 'Gutschein: kostenloser Versand', type: 'free-shipping', threshold: 0 },
  ];
  if (bulk) {
    promotions.push({
      id: 'mengenrabatt',
      // Shown next to the product itself, so the title would only repeat it (and could pass the label limit).
      label: 'Mengenrabatt: ab 3 Stück 10 %, ab 6 Stück 20 %',
      type: 'volume-tiers',
      priority: 20,
      target: { products: [bulk.id] },
      tiers: [
        { minQuantity: 3, unitPrice: Math.round(bulk.price * 0.9) },
        { minQuantity: 6, unitPrice: Math.round(bulk.price * 0.8) },
      ],
    });
  }
  return parseRules(
    {
      version: 1,
      shipping: { standard: 495, express: 990 },
      promotions,
      coupons: [
        { code: 'WILLKOMMEN10', promotion: 'willkommen', minimumOrder: 2000 },
        {
          code: 'SOMMER',
          promotion: 'sommer',
          validFrom: '2026-06-01T00:00:00+02:00',
          validUntil: '2026-08-31T23:59:59+02:00',
        },
        {
          code: 'NEUJAHR27',
          promotion: 'neujahr',
          validFrom: '2027-01-01T00:00:00+01:00',
          validUntil: '2027-01-31T23:59:59+01:00',
          combinable: false,
        },
        { code: 'VERSANDFREI', promotion: 'gratis-versand', minimumOrder: 2500 },
      ],
    } satisfies PromotionRulesInput,
    'demo rules',
  );
}

/** The cheapest product without variants in the first of `categories` that has one. */
function cheapestIn(catalog: Catalog, categories: string[]): Product | undefined {
  for (const category of categories) {
    const candidates = catalog.products.filter((p) => p.category === category && !p.variants?.length && p.price >= 100);
    if (candidates.length) return candidates.reduce((a, b) => (b.price < a.price ? b : a));
  }
  return undefined;
}
