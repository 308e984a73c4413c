import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import type { PromotionRulesInput } from '../../../src/domain/promotions.js';
import { readPublishedRules, UnknownRulesFormatError } from '../../../src/domain/published-rules.js';

/** Every kind of promotion and coupon, once with every default left out and once with each given. */
const sparse: PromotionRulesInput = {
  version: 1,
  shipping: { standard: 495, express: 990 },
  promotions: [
    { id: 'prozent', label: '10 %', type: 'percentage', percent: 10, target: { categories: ['buecher'] } },
    { id: 'betrag', label: '5 € ab 50 €', type: 'order-amount', amount: 500 },
    { id: 'drei-zwei', label: '3 für 2', type: 'buy-x-get-y', buy: 2, get: 1 },
    { id: 'staffel', label: 'Staffel', type: 'volume-tiers', tiers: [{ minQuantity: 3, unitPrice: 900 }] },
    { id: 'versand', label: 'Versandfrei', type: 'free-shipping', threshold: 5000 },
  ],
  coupons: [{ code: 'HALLO', promotion: 'prozent' }],
};

const full: PromotionRulesInput = {
  ...sparse,
  promotions: [
    {
      id: 'prozent',
      label: '10 %',
      type: 'percentage',
      percent: 10,
      priority: 5,
      exclusive: true,
      validFrom: '2026-01-01T00:00:00+01:00',
    },
    { id: 'betrag', label: '5 €', type: 'order-amount', amount: 500, minimumOrder: 5000, priority: -3 },
    { id: 'versand', label: 'Versandfrei', type: 'free-shipping', threshold: 0, exclusive: false, priority: 1 },
  ],
  coupons: [{ code: 'hallo', promotion: 'betrag', minimumOrder: 2000, combinable: false }],
};

const shipped = readFileSync(join(process.cwd(), 'public', 'data', 'rules.json'), 'utf8');

describe('the promotions file as a page reads it', () => {
  it.each([
    ['with every default left out', JSON.stringify(sparse)],
    ['with every default given', JSON.stringify(full)],
    ['as shipped in public/data', shipped],
  ])('matches what the schema makes of a valid file %s', (_, text) => {
    expect(readPublishedRules(text)).toEqual(parseRules(JSON.parse(text)));
  });

  it.each([
    ['another version', '{"version": 2, "shipping": {}, "promotions": [], "coupons": []}'],
    ['no promotions', '{"version": 1, "shipping": {"standard": 0, "express": 0}, "coupons": []}'],
    ['not an object', 'null'],
  ])('refuses a file of %s', (_, text) => {
    expect(() => readPublishedRules(text)).toThrow(UnknownRulesFormatError);
  });
});
