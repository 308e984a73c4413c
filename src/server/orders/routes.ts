import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { MAX_ORDER_BYTES, ORDER_ERRORS, type PlacedOrder } from '../../domain/order.js';
import { orderRequestSchema } from '../../domain/order-schema.js';
import type { OrderStore } from '../db/order-store.js';
import { isDatabaseError, problem, send, unavailable } from './answers.js';
import { decide } from './decide.js';
import { ORDER_ID } from './order-id.js';
import { publicOrder } from './public-order.js';
import type { OrderPricer } from './pricer.js';

export interface OrderRoutesOptions {
  store: OrderStore;
  pricer: OrderPricer;
  /** The moment orders are priced at; tests pin it. */
  now?: () => Date;
}

const idempotencyKey = z.uuid();

function readJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * `POST /api/orders` and `GET /api/orders/:id`. An order is re-priced here with the server's catalog
 * and rules; the client's figures are only its expectation. Each Idempotency-Key creates at most one
 * order: the key is claimed, the order priced and stored and the answer recorded in one transaction
 * (OrderStore.place), so repeats (concurrent, after a restart, from another process) see one outcome.
 */
export function orderRoutes(options: OrderRoutesOptions): Hono {
  const { store, pricer, now = () => new Date() } = options;
  const api = new Hono();

  const tooLarge = (c: Context) =>
    send(
      c,
      problem(413, {
        error: ORDER_ERRORS.tooLarge,
        message: `Die Bestellung ist größer als ${MAX_ORDER_BYTES / 1024} KB.`,
      }),
    );

  api.post('/', bodyLimit({ maxSize: MAX_ORDER_BYTES, onError: tooLarge }), async (c) => {
    const key = idempotencyKey.safeParse(c.req.header('idempotency-key'));
    if (!key.success) {
      return send(
        c,
        problem(400, {
          error: ORDER_ERRORS.missingKey,
          message: 'Der Header Idempotency-Key muss eine UUID enthalten.',
        }),
      );
    }
    const json = readJson(await c.req.text());
    if (!json.ok) {
      return send(c, problem(400, { error: ORDER_ERRORS.badJson, message: `Ungültiges JSON: ${json.message}` }));
    }
    const parsed = orderRequestSchema.safeParse(json.value);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      return send(
        c,
        problem(400, {
          error: ORDER_ERRORS.invalid,
          message: `Die Bestellung ist unvollständig: ${issues.map((i) => `${i.path || 'Inhalt'}: ${i.message}`).join('; ')}`,
          issues,
        }),
      );
    }
    const request = parsed.data;
    // The parsed request in schema order: the same order written with other spacing is the same request.
    const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');

    let placement;
    try {
      placement = await store.place(key.data, hash, async () => {
        const at = now();
        return decide(request, await pricer.quote(request.cart, at), at);
      });
    } catch (error) {
      // Nothing was stored for this key (one transaction): the client's retry is a first attempt.
      if (!isDatabaseError(error)) throw error;
      console.error(`orders: cannot store the order (${(error as Error).message})`);
      return send(c, unavailable(), { 'retry-after': '2' });
    }
    if (placement.kind === 'running') {
      return send(
        c,
        problem(409, {
          error: ORDER_ERRORS.inProgress,
          message: 'Diese Bestellung wird gerade schon bearbeitet. Bitte einen Moment warten.',
        }),
        { 'retry-after': '1' },
      );
    }
    if (placement.kind === 'replayed') {
      if (!placement.sameRequest) {
        return send(
          c,
          problem(422, {
            error: ORDER_ERRORS.keyReused,
            message: 'Dieser Idempotency-Key gehört zu einer anderen Bestellung.',
          }),
        );
      }
      return send(c, placement.answer, { 'idempotent-replayed': 'true' });
    }
    const { answer, order } = placement;
    return send(c, answer, order ? { location: `/api/orders/${order.id}` } : {});
  });

  api.get('/:id', async (c) => {
    const id = c.req.param('id');
    let order: PlacedOrder | undefined;
    try {
      order = ORDER_ID.test(id) ? await store.order(id) : undefined;
    } catch (error) {
      if (!isDatabaseError(error)) throw error;
      return send(c, unavailable(), { 'retry-after': '2' });
    }
    if (!order) return send(c, problem(404, { error: ORDER_ERRORS.notFound, message: `Keine Bestellung ${id}.` }));
    return send(c, { status: 200, body: JSON.stringify({ order: publicOrder(order) }) });
  });

  return api;
}
