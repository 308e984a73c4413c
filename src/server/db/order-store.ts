import type { Database, Statement } from 'better-sqlite3';
import type { OrderRequest, PlacedOrder } from '../../domain/order.js';
import type { Quote } from '../../domain/quote.js';

/** A stored first answer, replayed as it was to every repeat of the same request. */
export interface StoredAnswer {
  status: number;
  body: string;
}

export type Reservation =
  { kind: 'reserved' } | { kind: 'running' } | { kind: 'answered'; sameRequest: boolean; answer: StoredAnswer };

interface KeyRow {
  request_hash: string;
  locked_at: number;
  response_status: number | null;
  response_body: string | null;
}

interface OrderRow {
  id: string;
  state: 'confirmed';
  placed_at: string;
  request_json: string;
  quote_json: string;
}

/** An attempt that has held its key this long has died with its process; a repeat may take over. */
export const ABANDONED_AFTER_MS = 60_000;

/** The orders database: orders and the idempotency keys that guard their creation. */
export class OrderStore {
  readonly #db: Database;
  readonly #getKey: Statement<[string], KeyRow>;
  readonly #insertKey: Statement<[string, string, number, number]>;
  readonly #relock: Statement<[string, number, string]>;
  readonly #answer: Statement<[number, string, string]>;
  readonly #release: Statement<[string]>;
  readonly #insertOrder: Statement<[string, string, string, string, string, number, string, string]>;
  readonly #getOrder: Statement<[string], OrderRow>;
  readonly #count: Statement<[], { n: number }>;

  constructor(db: Database) {
    this.#db = db;
    this.#getKey = db.prepare(
      'SELECT request_hash, locked_at, response_status, response_body FROM idempotency_keys WHERE key = ?',
    );
    this.#insertKey = db.prepare(
      'INSERT INTO idempotency_keys (key, request_hash, locked_at, created_at) VALUES (?, ?, ?, ?)',
    );
    this.#relock = db.prepare('UPDATE idempotency_keys SET request_hash = ?, locked_at = ? WHERE key = ?');
    this.#answer = db.prepare(
      'UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE key = ? AND response_status IS NULL',
    );
    this.#release = db.prepare('DELETE FROM idempotency_keys WHERE key = ? AND response_status IS NULL');
    this.#insertOrder = db.prepare(
      `INSERT INTO orders (id, idempotency_key, state, placed_at, email, payment, total_cents, request_json, quote_json)
       VALUES (?, ?, 'confirmed', ?, ?, ?, ?, ?, ?)`,
    );
    this.#getOrder = db.prepare('SELECT id, state, placed_at, request_json, quote_json FROM orders WHERE id = ?');
    this.#count = db.prepare('SELECT count(*) AS n FROM orders');
  }

  /**
   * Claims `key` for one attempt, atomically: the first caller gets `reserved`; a caller while it runs
   * gets `running`; once answered, everyone gets the stored answer (and whether their body matched).
   */
  reserve(key: string, requestHash: string, now = Date.now()): Reservation {
    // An answer never changes once stored: a repeat is answered without taking the write lock.
    const answered = this.#answered(this.#getKey.get(key), requestHash);
    if (answered) return answered;
    return this.#db
      .transaction((): Reservation => {
        const row = this.#getKey.get(key);
        if (!row) {
          this.#insertKey.run(key, requestHash, now, now);
          return { kind: 'reserved' };
        }
        const answeredMeanwhile = this.#answered(row, requestHash);
        if (answeredMeanwhile) return answeredMeanwhile;
        if (now - row.locked_at < ABANDONED_AFTER_MS) return { kind: 'running' };
        this.#relock.run(requestHash, now, key);
        return { kind: 'reserved' };
      })
      .immediate();
  }

  #answered(row: KeyRow | undefined, requestHash: string): Reservation | undefined {
    if (!row || row.response_status === null || row.response_body === null) return undefined;
    return {
      kind: 'answered',
      sameRequest: row.request_hash === requestHash,
      answer: { status: row.response_status, body: row.response_body },
    };
  }

  /** Stores the order (if any) and the answer for its key in one transaction: both or neither. */
  finish(key: string, answer: StoredAnswer, order?: PlacedOrder): void {
    this.#db.transaction(() => {
      if (order) {
        this.#insertOrder.run(
          order.id,
          key,
          order.placedAt,
          order.request.contact.email,
          order.request.payment,
          order.quote.total,
          JSON.stringify(order.request),
          JSON.stringify(order.quote),
        );
      }
      this.#answer.run(answer.status, answer.body, key);
    })();
  }

  /** Gives the key back after a failure that should not be remembered (e.g. a 503). */
  release(key: string): void {
    this.#release.run(key);
  }

  order(id: string): PlacedOrder | undefined {
    const row = this.#getOrder.get(id);
    if (!row) return undefined;
    return {
      id: row.id,
      state: row.state,
      placedAt: row.placed_at,
      request: JSON.parse(row.request_json) as OrderRequest,
      quote: JSON.parse(row.quote_json) as Quote,
    };
  }

  count(): number {
    return this.#count.get()?.n ?? 0;
  }
}
