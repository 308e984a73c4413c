import { sql } from 'kysely';
import { inTransaction, type Db } from './transaction.js';

interface Pending {
  work: (trx: Db) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** More than this many writes wait for the next transaction; keeps one commit's latency bounded. */
export const MAX_BATCH = 128;

/**
 * Group commit for the embedded store. With synchronous=FULL every commit costs an fsync, so writes
 * that arrive while one commits are gathered and committed together: one transaction, one fsync.
 * Each write runs in its own savepoint, so one that throws is rolled back alone and only its caller
 * sees the error; the others still commit. Every caller's promise settles only after the COMMIT that
 * holds its write has returned (a 201 is never sent for a write that could still be lost); if the
 * COMMIT itself fails, every write in that batch fails and nothing of it is stored.
 */
export class GroupCommit {
  readonly #db: Db;
  readonly #queue: Pending[] = [];
  #busy = false;

  constructor(db: Db) {
    this.#db = db;
  }

  /** Batches written so far and the writes they held: for the benchmark and the tests. */
  readonly stats = { batches: 0, writes: 0, largest: 0 };

  submit<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#busy) return;
    this.#busy = true;
    // setImmediate runs after the event loop has read every request that is already waiting, so the
    // batch takes everything that arrived during the previous commit.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    const batch = this.#queue.splice(0, MAX_BATCH);
    const outcomes: Outcome[] = [];
    try {
      await inTransaction(this.#db, 'begin immediate', async (trx) => {
        for (const pending of batch) outcomes.push(await runInSavepoint(trx, pending.work));
      });
      this.stats.batches += 1;
      this.stats.writes += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      batch.forEach((pending, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    } finally {
      this.#busy = false;
      if (this.#queue.length > 0) this.#schedule();
    }
  }
}

async function runInSavepoint(trx: Db, work: (trx: Db) => Promise<unknown>): Promise<Outcome> {
  await sql`savepoint one_write`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release one_write`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to one_write`.execute(trx);
    await sql`release one_write`.execute(trx);
    return { ok: false, error };
  }
}
