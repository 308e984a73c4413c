import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshIndexedDb } from './support.js';

describe('recently viewed products', () => {
  beforeEach(freshIndexedDb);
  afterEach(async () => (await import('../../../src/storage/db.js')).closeDatabase());

  const load = async () => {
    vi.resetModules();
    return import('../../../src/storage/recent-store.js');
  };

  it('lists the latest view first and each product once', async () => {
    const recent = await load();
    await recent.recordView('p1', 1000);
    await recent.recordView('p2', 2000);
    await recent.recordView('p1', 3000);
    expect(await recent.recentlyViewed()).toEqual(['p1', 'p2']);
  });

  it('keeps only the newest views once the limit is reached', async () => {
    const recent = await load();
    for (let i = 1; i <= recent.RECENT_LIMIT + 5; i++) await recent.recordView(`p${i}`, i);
    const ids = await recent.recentlyViewed(100);
    expect(ids).toHaveLength(recent.RECENT_LIMIT);
    expect(ids[0]).toBe(`p${recent.RECENT_LIMIT + 5}`);
    expect(ids).not.toContain('p5');
  });

  it('forgets products on request', async () => {
    const recent = await load();
    await recent.recordView('p1', 1);
    await recent.recordView('p2', 2);
    await recent.forgetRecent(['p2']);
    expect(await recent.recentlyViewed()).toEqual(['p1']);
  });
});
