import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError, type Command } from '../command.js';
import { SHIPPING_METHODS, type Cart } from '../../domain/cart.js';
import type { Catalog } from '../../domain/catalog.js';
import { parseRulesText, RulesFormatError } from '../../domain/promotion-rules.js';
import { createPricingEngine } from '../../wasm/pricing.js';
import { CatalogFormatError, parseCatalog } from '../../catalog/schema.js';

const DEFAULT_CATALOG = 'public/data/catalog.json';

// The cart file's shape only; whether products exist or quantities fit is the quote's `errors`.
const cartFile = z
  .object({
    lines: z.array(z.object({ productId: z.string(), variantId: z.string().optional(), quantity: z.number() })),
    coupons: z.array(z.string()).default([]),
    shipping: z.enum(SHIPPING_METHODS).default('standard'),
  })
  .strict();

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the ${what} ${path}: ${(error as Error).message}`);
  }
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

async function readCart(path: string): Promise<Cart> {
  const result = cartFile.safeParse(parseJson(await readText(path, 'cart'), path));
  if (!result.success) {
    const problem = result.error.issues[0]!;
    throw new UsageError(`${path} is not a cart file: ${problem.path.join('.') || '(top level)'}: ${problem.message}`);
  }
  return result.data;
}

async function readCatalog(path: string): Promise<Catalog> {
  const data = parseJson(await readText(path, 'catalog'), path);
  try {
    return parseCatalog(data);
  } catch (error) {
    if (!(error instanceof CatalogFormatError)) throw error;
    throw new UsageError(`${path} is not a Laden catalog: ${error.problems.slice(0, 3).join('; ')}`);
  }
}

function parseInstant(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const at = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at)) {
    throw new UsageError(
      `--at must be an ISO date or date-time, e.g. 2026-12-24 or 2026-12-24T18:00:00+01:00, got "${value}"`,
    );
  }
  return at;
}

export const quoteCommand: Command = {
  path: ['quote'],
  summary: "price a cart file with the shop's promotions (JSON)",
  usage: `Usage: laden quote CART.json [--catalog FILE] [--rules FILE] [--at ISO-DATE]

Prints the quote as JSON, computed by the same WebAssembly engine as the shop and the server.
CART.json: {"lines":[{"productId":"p00001","variantId":"…","quantity":2}],"coupons":["CODE"],"shipping":"standard"}
  --catalog FILE   the catalog (default: ${DEFAULT_CATALOG})
  --rules FILE     the promotions (default: rules.json next to the catalog)
  --at ISO-DATE    price as of this moment (default: now), for coupon and promotion windows
Exit 0 with a quote (also with refused coupons or lines: see "coupons" and "errors"), 2 for an
unreadable or malformed file.`,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { catalog: { type: 'string' }, rules: { type: 'string' }, at: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new UsageError('give one cart file, e.g. laden quote cart.json');
    const at = parseInstant(values.at);
    const catalogPath = values.catalog ?? DEFAULT_CATALOG;
    const rulesPath = values.rules ?? join(dirname(catalogPath), 'rules.json');
    const cart = await readCart(positionals[0]!);
    const catalog = await readCatalog(catalogPath);
    let rules;
    try {
      rules = parseRulesText(await readText(rulesPath, 'rules'), rulesPath);
    } catch (error) {
      if (error instanceof RulesFormatError) throw new UsageError(error.message);
      throw error;
    }
    const engine = await createPricingEngine(catalog, rules);
    console.log(JSON.stringify(engine.quote(cart, at), null, 2));
    return 0;
  },
};
