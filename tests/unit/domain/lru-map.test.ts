import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/services/lru-map.js';

describe('LruMap (the shards kept in memory)', () => {
  it('keeps the entries used last and drops the oldest beyond its limit', () => {
    const map = new LruMap<number, string>(3);
    for (const n of [1, 2, 3]) map.set(n, `shard ${n}`);
    expect(map.get(1)).toBe('shard 1'); // now the newest
    map.set(4, 'shard 4');
    expect([...map.entries()].map(([n]) => n)).toEqual([3, 1, 4]);
    expect(map.has(2)).toBe(false);
    map.set(3, 'shard 3 again');
    map.set(5, 'shard 5');
    expect([...map.entries()].map(([n]) => n)).toEqual([4, 3, 5]);
    expect(map.size).toBe(3);
  });
});
