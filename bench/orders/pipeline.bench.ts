import { describe, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog } from '../../src/domain/catalog.js';
import type { PlacedOrder } from '../../src/domain/order.js';
import { orderRequestSchema } from '../../src/domain/order-schema.js';
import { parseRulesText } from '../../src/domain/promotion-rules.js';
import Sqlite from 'better-sqlite3';
import { openDataLayer } from '../../src/server/db/data-layer.js';
import { OrderStore } from '../../src/server/db/order-store.js';
import { newOrderId } from '../../src/server/orders/order-id.js';
import { createPricingEngine } from '../../src/wasm/pricing.js';
import { compare } from '../harness.js';
import { sampleOrder } from './sample-order.js';

// Where an order's time goes inside the server, without HTTP: one run is a batch of orders, each
// parsed with zod, priced by the WASM engine and stored. Ours stores with its Idempotency-Key through
// the data layer (key, order and answer in one transaction, one order after the other, so no group
// commit helps it); the peer stores the same order with one plain better-sqlite3 INSERT and
// no key, which is what exactly-once and the query builder cost on top. The last two rows are single
// stages.
const BATCH = 200;

describe('order pipeline stages', () => {
  it('parse, price and store: with idempotency vs a plain insert', async () => {
    const data = join(process.cwd(), 'dist', 'data');
    const catalog = JSON.parse(readFileSync(join(data, 'catalog.json'), 'utf8')) as Catalog;
    const rules = parseRulesText(readFileSync(join(data, 'rules.json'), 'utf8'));
    const engine = await createPricingEngine(catalog, rules);
    const draft = sampleOrder(catalog);
    const body = JSON.stringify({ ...draft, expectedTotal: engine.quote(draft.cart).total });

    const dir = mkdtempSync(join(tmpdir(), 'laden-bench-pipeline-'));
    const layer = await openDataLayer({ url: join(dir, 'orders.sqlite') });
    const store = new OrderStore(layer);
    const db = new Sqlite(join(dir, 'orders.sqlite'));
    db.pragma('synchronous = FULL');
    db.exec(
      'CREATE TABLE plain_orders (id TEXT PRIMARY KEY, request_json TEXT NOT NULL, quote_json TEXT NOT NULL) STRICT',
    );
    const plainInsert = db.prepare('INSERT INTO plain_orders VALUES (?, ?, ?)');

    const place = async (withKey: boolean) => {
      for (let i = 0; i < BATCH; i++) {
        const request = orderRequestSchema.parse(JSON.parse(body));
        const key = randomUUID();
        const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
        const decide = async () => {
          const order: PlacedOrder = {
            id: newOrderId(),
            state: 'confirmed',
            placedAt: new Date().toISOString(),
            request,
            quote: engine.quote(request.cart),
          };
          return { answer: { status: 201, body: JSON.stringify({ order }) }, order };
        };
        if (withKey) {
          if ((await store.place(key, hash, decide)).kind !== 'answered') throw new Error('key not placed');
          continue;
        }
        const { order } = await decide();
        db.transaction(() => plainInsert.run(order.id, JSON.stringify(request), JSON.stringify(order.quote)))();
      }
    };

    try {
      const rows = await compare(
        `${BATCH} orders per run, in process (no HTTP)`,
        [
          { name: 'parse + price + store with key (ours)', ours: true, run: () => place(true) },
          { name: 'parse + price + plain INSERT', run: () => place(false) },
          {
            name: 'zod parse only',
            run: () => {
              for (let i = 0; i < BATCH; i++) orderRequestSchema.parse(JSON.parse(body));
            },
          },
          {
            name: 'WASM quote only',
            run: () => {
              for (let i = 0; i < BATCH; i++) engine.quote(draft.cart);
            },
          },
        ],
        { rounds: 20, warmup: 2, budgetMs: 30_000 },
      );
      for (const row of rows)
        console.log(`${row.name}: ${((row.medianMs * 1000) / BATCH).toFixed(1)} µs per order (median)`);
    } finally {
      db.close();
      await layer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
