import type { Db } from './transaction.js';

/** Failed sign-ins counted under `key`, with the time of the last one. */
export async function failuresOf(
  db: Db,
  keys: readonly string[],
): Promise<Map<string, { failures: number; lastFailureAt: number }>> {
  const rows = await db
    .selectFrom('sign_in_throttle')
    .select(['key', 'failures', 'last_failure_at'])
    .where('key', 'in', keys)
    .execute();
  return new Map(rows.map((r) => [r.key, { failures: r.failures, lastFailureAt: r.last_failure_at }]));
}

/**
 * Counts one more failure under each key, in one statement per key so that servers sharing the
 * database count every failure once. A count older than `forgetAfterMs` starts again at one.
 */
export async function countFailure(trx: Db, keys: readonly string[], now: number, forgetAfterMs: number) {
  // Counts nobody remembers any more go, so an attack from many addresses leaves no lasting rows.
  await trx
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', now - forgetAfterMs)
    .execute();
  for (const key of keys) {
    await trx
      .insertInto('sign_in_throttle')
      .values({ key, failures: 1, last_failure_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('sign_in_throttle.last_failure_at', '<', now - forgetAfterMs)
            .then(1)
            .else(eb('sign_in_throttle.failures', '+', 1))
            .end(),
          last_failure_at: now,
        })),
      )
      .execute();
  }
}

export async function forgetFailures(trx: Db, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await trx.deleteFrom('sign_in_throttle').where('key', 'in', keys).execute();
}
