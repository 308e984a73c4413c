import { randomUUID } from 'node:crypto';
import type { Catalog } from '../../../src/domain/catalog.js';
import { fixtureCatalog, post, type Answer } from './support.js';

/**
 * The orders fixture (50 of each) plus items to run out of: p00003 with 10 units, a shirt (p00004) with sizes S
 * (2 units) and M (sold out), and p00005 with 50.
 */
export function stockCatalog(): Catalog {
  const catalog = fixtureCatalog();
  // The orders fixture has plenty of p00001/p00002; here they start at 50 each.
  for (const product of catalog.products) product.stock = 50;
  const base = catalog.products[0]!;
  catalog.products.push(
    { ...base, id: 'p00003', slug: 'zehn', title: 'Zehn Stück', stock: 10 },
    {
      ...base,
      id: 'p00004',
      slug: 'hemd',
      title: 'Hemd',
      stock: 2,
      variants: [
        { id: 'p00004-s', title: 'S', options: { Größe: 'S' }, stock: 2 },
        { id: 'p00004-m', title: 'M', options: { Größe: 'M' }, stock: 0 },
      ],
    },
    { ...base, id: 'p00005', slug: 'fuenfzig', title: 'Fünfzig Stück', stock: 50 },
  );
  return catalog;
}

/**
 * Posts an order as the shop's outbox does: a 503 (the database busy under load) is sent again with
 * the same Idempotency-Key after Retry-After, until the server gives a final answer.
 */
export async function postUntilAnswered(url: string, body: unknown, attempts = 20): Promise<Answer> {
  const key = randomUUID();
  for (let i = 1; ; i++) {
    const answer = await post(url, body, key);
    if (answer.status !== 503 || i >= attempts) return answer;
    await new Promise((resolve) => setTimeout(resolve, Number(answer.headers.get('retry-after') ?? 1) * 1000));
  }
}
