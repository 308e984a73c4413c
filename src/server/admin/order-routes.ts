import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { CARRIER_IDS, FULFILMENT_STATES, PAYMENT_STATES, TRACKING_NUMBER } from '../../domain/fulfilment.js';
import {
  changePayment,
  changeState,
  everyOrder,
  listOrders,
  orderDetail,
  type ChangeOutcome,
} from '../db/order-admin-store.js';
import { ORDER_ID } from '../orders/order-id.js';
import { readBody, readQuery } from './body.js';
import { answer, clientAddress, problem, type Admin, type AdminContext, type AdminEnv } from './context.js';
import { csvQuerySchema, encodeCursor, isoDate, listQuerySchema, berlinToday, toFilter } from './order-query.js';
import { CSV_HEADER, csvLine, csvRow } from './orders-csv.js';

const version = z.int().min(1).max(1_000_000_000);

const transitionSchema = z
  .strictObject({
    to: z.enum(FULFILMENT_STATES, 'Unbekannter Status.'),
    version,
    carrier: z.enum(CARRIER_IDS, 'Unbekannter Versanddienst.').optional(),
    trackingNumber: z
      .string()
      .trim()
      .regex(TRACKING_NUMBER, 'Die Sendungsnummer besteht aus 6 bis 40 Buchstaben und Ziffern.')
      .optional(),
    reason: z.string().trim().min(1, 'Bitte einen Grund angeben.').max(500, 'Höchstens 500 Zeichen.').optional(),
  })
  .superRefine((body, ctx) => {
    if (body.to === 'shipped') {
      if (!body.carrier)
        ctx.addIssue({ code: 'custom', path: ['carrier'], message: 'Bitte den Versanddienst angeben.' });
      if (!body.trackingNumber) {
        ctx.addIssue({ code: 'custom', path: ['trackingNumber'], message: 'Bitte die Sendungsnummer angeben.' });
      }
    }
    if (body.to === 'cancelled' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Bitte einen Grund für die Stornierung angeben.' });
    }
  });

const paymentSchema = z.strictObject({
  state: z.enum(PAYMENT_STATES, 'Der Zahlungsstatus ist paid oder open.'),
  paidAt: isoDate.optional(),
  version,
});

/** `/api/admin/orders`: list, CSV, detail, state transitions and payment. */
export function orderRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  const who = (c: AdminContext) => ({
    actor: c.get('staff').email,
    address: clientAddress(c, admin),
    at: new Date(admin.now()).toISOString(),
  });

  const detail = async (c: AdminContext, id: string) => {
    const found = ORDER_ID.test(id) ? await orderDetail(admin.data.db, id) : undefined;
    if (!found) return problem(c, 404, 'not-found', `Keine Bestellung ${id}.`);
    return answer(c, found);
  };

  const outcome = async (c: AdminContext, id: string, result: ChangeOutcome | { kind: 'not-invoice' }) => {
    switch (result.kind) {
      case 'changed':
        return detail(c, id);
      case 'not-found':
        return problem(c, 404, 'not-found', `Keine Bestellung ${id}.`);
      case 'version-conflict':
        return problem(
          c,
          409,
          'version-conflict',
          'Die Bestellung wurde inzwischen geändert. Bitte neu laden und erneut versuchen.',
          { version: result.version },
        );
      case 'illegal-transition':
        return problem(
          c,
          409,
          'illegal-transition',
          `Dieser Statuswechsel ist von „${result.from}“ aus nicht möglich.`,
          {
            from: result.from,
          },
        );
      case 'not-invoice':
        return problem(c, 409, 'illegal-transition', 'Nur Bestellungen auf Rechnung haben einen Zahlungsstatus.');
    }
  };

  api.get('/', async (c) => {
    const query = readQuery(c, listQuerySchema);
    if (!query.ok) return query.response;
    const { orders, next } = await listOrders(admin.data.db, toFilter(query.data), {
      limit: query.data.limit ?? 50,
      ...(query.data.after ? { after: query.data.after } : {}),
    });
    return answer(c, { orders, next: next ? encodeCursor(next) : null });
  });

  api.get('/:id', (c) => detail(c, c.req.param('id')));

  api.post('/:id/transitions', async (c) => {
    const id = c.req.param('id');
    if (!ORDER_ID.test(id)) return problem(c, 404, 'not-found', `Keine Bestellung ${id}.`);
    const body = await readBody(c, transitionSchema);
    if (!body.ok) return body.response;
    const { to, version: seen, carrier, trackingNumber, reason } = body.data;
    const details: Record<string, string> = {
      ...(to === 'shipped' && carrier && trackingNumber ? { carrier, trackingNumber } : {}),
      ...(to === 'cancelled' && reason ? { reason } : {}),
    };
    const result = await admin.data.write((trx) =>
      changeState(trx, admin.data.backend, admin.effects, { id, to, version: seen, details, ...who(c) }),
    );
    return outcome(c, id, result);
  });

  api.post('/:id/payment', async (c) => {
    const id = c.req.param('id');
    if (!ORDER_ID.test(id)) return problem(c, 404, 'not-found', `Keine Bestellung ${id}.`);
    const body = await readBody(c, paymentSchema);
    if (!body.ok) return body.response;
    const today = berlinToday(admin.now());
    const paidAt = body.data.state === 'paid' ? (body.data.paidAt ?? today) : null;
    if (paidAt && paidAt > today) {
      return problem(c, 400, 'invalid', 'Das Zahlungsdatum liegt in der Zukunft.', {
        issues: [{ path: 'paidAt', message: 'Das Zahlungsdatum liegt in der Zukunft.' }],
      });
    }
    const result = await admin.data.write((trx) =>
      changePayment(trx, admin.data.backend, {
        id,
        state: body.data.state,
        paidAt,
        version: body.data.version,
        ...who(c),
      }),
    );
    return outcome(c, id, result);
  });

  return api;
}

/** `/api/admin/orders.csv`: every matching order, `;`-separated with German headers, streamed. */
export function orderCsvRoute(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.get('/', (c) => {
    const query = readQuery(c, csvQuerySchema);
    if (!query.ok) return query.response;
    const filter = toFilter(query.data);
    const day = berlinToday(admin.now());
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', `attachment; filename="bestellungen-${day}.csv"`);
    c.header('cache-control', 'no-store');
    return stream(c, async (out) => {
      // The byte order mark tells Excel the file is UTF-8 (umlauts in names).
      await out.write(`\uFEFF${csvLine(CSV_HEADER)}`);
      for await (const page of everyOrder(admin.data.db, filter)) await out.write(page.map(csvRow).join(''));
    });
  });
  return api;
}
