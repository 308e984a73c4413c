import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Cart } from '../../../src/domain/cart.js';
import type { Catalog } from '../../../src/domain/catalog.js';
import { demoRules } from '../../../src/domain/demo-rules.js';
import { generateCatalog } from '../../../src/catalog/generate.js';
import type { PromotionRules, PromotionRulesInput } from '../../../src/domain/promotions.js';
import { parseRules } from '../../../src/domain/promotion-rules.js';
import type { Quote } from '../../../src/domain/quote.js';
import type { RunningServer } from '../../../src/server/main.js';
import { createPricingEngine } from '../../../src/wasm/pricing.js';
import { quoteTimes, ruleSets, shops } from '../pricing/arbitraries.js';
import { fixtureShop, orderRequest, post, startOrdersServer } from '../server/support.js';
import { folderWith, runCommand, type Runtime } from './run-command.js';
import { withoutStockLimits } from '../../../src/domain/stock.js';

async function commandQuote(
  catalog: Catalog,
  rules: PromotionRulesInput | PromotionRules,
  cart: Cart,
  at: number,
  runtime: Runtime = 'node:wasi',
): Promise<Quote> {
  const data = folderWith({ 'catalog.json': catalog, 'rules.json': rules });
  try {
    const run = await runCommand(
      {
        args: ['/data/catalog.json', '/data/rules.json', '--at', String(at)],
        preopens: { '/data': data.dir },
        stdin: JSON.stringify(cart),
      },
      runtime,
    );
    if (run.code !== 0) throw new Error(`laden-pricing exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout) as Quote;
  } finally {
    data.remove();
  }
}

describe('the same quote from the facade and from laden-pricing.wasm', () => {
  // Many runs in the in-process JavaScript host, fewer under node:wasi (one process per run).
  it.each([
    ['browser_wasi_shim', 200],
    ['node:wasi', 25],
  ] as const)(
    'for random catalogs, promotion rules, carts and moments, under %s',
    async (runtime, numRuns) => {
      await fc.assert(
        fc.asyncProperty(shops, ruleSets, quoteTimes, async ([catalog, cart], input, at) => {
          const engine = await createPricingEngine(catalog, parseRules(input));
          const expected = engine.quote(cart, at);
          // Through JSON, as the command's answer travels: undefined members are absent on both sides.
          expect(await commandQuote(catalog, input, cart, at, runtime)).toEqual(JSON.parse(JSON.stringify(expected)));
        }),
        { numRuns },
      );
    },
    60_000,
  );
});

describe('the same quote from the server (POST /api/orders) and from laden-pricing.wasm', () => {
  const at = Date.parse('2026-06-15T12:00:00+02:00');
  // The demo shop itself: a generated catalog with variants and its promotions and coupons.
  const { catalog } = generateCatalog(40, 7);
  const rules = demoRules(catalog);
  const shop = fixtureShop(catalog);
  let server: RunningServer;

  beforeAll(async () => {
    writeFileSync(join(shop.dist, 'data', 'rules.json'), JSON.stringify(rules));
    server = await startOrdersServer(shop, { now: () => new Date(at) });
  });
  afterAll(async () => {
    await server?.close();
    shop.remove();
  });

  const codes = [[], ['WILLKOMMEN10'], ['sommer'], ['NEUJAHR27', 'willkommen10'], ['GIBTSNICHT']];
  const carts: Cart[] = Array.from({ length: 10 }, (_, i) => ({
    lines: catalog.products.slice(i * 4, i * 4 + 1 + (i % 4)).map((product, j) => ({
      productId: product.id,
      ...(product.variants?.length ? { variantId: product.variants[j % product.variants.length]!.id } : {}),
      quantity: 1 + ((i + j) % 4),
    })),
    coupons: codes[i % codes.length]!,
    shipping: i % 3 === 2 ? 'express' : 'standard',
  }));

  it.each(carts.map((cart, i) => [i + 1, cart] as const))('cart %i of the demo shop', async (_, cart) => {
    // An impossible expected total: the server answers with its own quote instead of ordering.
    const answer = await post(server.url, orderRequest({ cart, expectedTotal: 999_999_999 }));
    expect([409, 422]).toContain(answer.status);
    // The server leaves stock to its database, so it prices the catalog without the stock limits.
    expect(await commandQuote(withoutStockLimits(catalog), rules, cart, at)).toEqual(answer.body['quote']);
  });
});
