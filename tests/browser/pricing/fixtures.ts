import type { Catalog, Product } from '../../../src/domain/catalog.js';
import type { PromotionRulesInput } from '../../../src/domain/promotions.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';

const product = (id: string, price: number, vatClass: Product['vatClass'], category: string): Product => ({
  id,
  slug: id,
  title: `Produkt ${id}`,
  brand: 'Laden',
  category,
  description: '',
  tags: [],
  attributes: {},
  price,
  vatClass,
  stock: 20,
  rating: 4,
  ratingCount: 1,
  images: [],
});

/** A lamp at 19 % and a book at 7 %. */
export const catalog: Catalog = {
  version: 1,
  currency: 'EUR',
  locale: 'de-DE',
  source: 'browser test',
  categories: [],
  products: [product('lampe', 2400, 'standard', 'wohnen'), product('buch', 800, 'reduced', 'buecher')],
};

export const rulesInput = {
  version: 1,
  shipping: { standard: 495, express: 990 },
  promotions: [
    { id: 'lampen', label: '10 % auf Lampen', type: 'percentage', percent: 10, target: { categories: ['wohnen'] } },
    { id: 'frei', label: 'Versandkostenfrei ab 50 €', type: 'free-shipping', threshold: 5000 },
    { id: 'willkommen', label: '5 € Willkommensrabatt', type: 'order-amount', amount: 500 },
  ],
  coupons: [{ code: 'WILLKOMMEN5', promotion: 'willkommen', minimumOrder: 6000 }],
} satisfies PromotionRulesInput;

export const rules = parseRules(rulesInput);

/** The rules as the app fetches them, from a URL. */
export const rulesUrl = (): string =>
  URL.createObjectURL(new Blob([JSON.stringify(rulesInput)], { type: 'application/json' }));

export const text = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
