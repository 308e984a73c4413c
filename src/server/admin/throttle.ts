import { createHash } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import { countFailure, failuresOf, forgetFailures } from '../db/throttle-store.js';

/**
 * Failed sign-ins slow the next attempt down, after Saleor's `account/throttling.py`: failures are
 * counted per client address and per address + account; past a number of free attempts each
 * further failure doubles the wait (1 s, 2 s, 4 s … at most an hour), and an attempt during the
 * wait is answered 429 with Retry-After without even looking at the password. A success forgets the
 * address + account count; counts are forgotten two hours after their last failure. The counts live
 * in the database, so every server instance sees the same ones.
 */
export const THROTTLE = {
  /** Failures for one account from one address before the waits begin. */
  accountFree: 5,
  /** Failures from one address, whatever the accounts (a shared office NAT gets room), before the waits begin. */
  addressFree: 20,
  maxDelayMs: 60 * 60_000,
  forgetAfterMs: 2 * 60 * 60_000,
} as const;

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

export interface ThrottleKeys {
  address: string;
  /** Absent for passkey sign-ins, which name no account before they succeed. */
  account?: string;
}

export function throttleKeys(address: string, email?: string): ThrottleKeys {
  return {
    address: hash('address', address),
    ...(email !== undefined ? { account: hash('account', address, email.trim().toLowerCase()) } : {}),
  };
}

const keyList = (keys: ThrottleKeys) => (keys.account ? [keys.address, keys.account] : [keys.address]);

function delayMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(THROTTLE.maxDelayMs, 1000 * 2 ** Math.min(failures - free, 22));
}

/** Seconds the client must still wait before it may try again; 0 when it may try now. */
export async function retryAfterSeconds(db: Db, keys: ThrottleKeys, now: number): Promise<number> {
  const counts = await failuresOf(db, keyList(keys));
  let until = 0;
  for (const [key, free] of [
    [keys.address, THROTTLE.addressFree],
    [keys.account, THROTTLE.accountFree],
  ] as const) {
    const count = key ? counts.get(key) : undefined;
    if (!count || now - count.lastFailureAt > THROTTLE.forgetAfterMs) continue;
    until = Math.max(until, count.lastFailureAt + delayMs(count.failures, free));
  }
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export const recordFailure = (trx: Db, keys: ThrottleKeys, now: number) =>
  countFailure(trx, keyList(keys), now, THROTTLE.forgetAfterMs);

export const recordSuccess = (trx: Db, keys: ThrottleKeys) => forgetFailures(trx, keys.account ? [keys.account] : []);
