import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { freshIndexedDb, openTab } from './support.js';
import { DB_NAME, DB_VERSION, openLadenDb } from '../../../src/storage/db.js';

const cartOfVersion1 = {
  lines: [{ productId: 'p00007', quantity: 2 }],
  coupons: ['WILLKOMMEN10'],
  shipping: 'standard',
};

/** Writes a database exactly as the first released version of the shop did. */
async function writeVersion1(cart: unknown): Promise<void> {
  const db = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('cart') });
  await db.put('cart', cart, 'current');
  db.close();
}

describe('the laden database', () => {
  beforeEach(freshIndexedDb);
  const tabs: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(tabs.splice(0).map((t) => t.close()));
  });

  it('is created at the current version with every store', async () => {
    const db = await openLadenDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['cart', 'outbox', 'recent', 'stock']);
    db.close();
  });

  it('keeps the cart of a version 1 database through the upgrade', async () => {
    await writeVersion1(cartOfVersion1);
    const tab = await openTab();
    tabs.push(tab);
    expect(await tab.loadCart()).toEqual(cartOfVersion1);
    const db = await tab.db.database();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('cart', 'current')).toMatchObject({ cart: cartOfVersion1, revision: 1 });
  });

  it('walks every step from each earlier version, one at a time or all at once', async () => {
    // The cart record as each version wrote it.
    const recordOf = (version: number) =>
      version === 1 ? cartOfVersion1 : { cart: cartOfVersion1, revision: 7, savedAt: 1 };
    for (let from = 1; from < DB_VERSION; from++) {
      for (const stepwise of [false, true]) {
        freshIndexedDb();
        const old = await openLadenDb({ version: from });
        await old.put('cart', recordOf(from) as never, 'current');
        old.close();
        if (stepwise) for (let to = from + 1; to < DB_VERSION; to++) (await openLadenDb({ version: to })).close();
        const tab = await openTab();
        tabs.push(tab);
        expect(await tab.loadCart(), `from ${from}${stepwise ? ' step by step' : ''}`).toEqual(cartOfVersion1);
        const db = await tab.db.database();
        expect([...db.objectStoreNames].sort()).toEqual(['cart', 'outbox', 'recent', 'stock']);
        await tab.close();
      }
    }
  });

  it('repairs a damaged version 1 record with a notice instead of failing', async () => {
    await writeVersion1({
      lines: [
        { productId: 'p00001', quantity: -4 },
        { productId: 'p00002', quantity: 1 },
      ],
    });
    const tab = await openTab();
    tabs.push(tab);
    expect((await tab.loadCart()).lines).toEqual([{ productId: 'p00002', quantity: 1 }]);
    expect(tab.notices.map((n) => [n.kind, n.message])).toEqual([
      ['repaired', 'Eine beschädigte Position im Warenkorb wurde entfernt.'],
    ]);
    // Saved repaired: the next page load has nothing left to complain about.
    const again = await openTab();
    tabs.push(again);
    await again.loadCart();
    expect(again.notices).toEqual([]);
  });

  it('lets an upgrade in one tab proceed: the older tab closes its connection and is told to reload', async () => {
    const olderTab = await openTab();
    tabs.push(olderTab);
    const older = await olderTab.db.openLadenDb({ version: 1, onVersionChange: () => undefined });
    const upgraded = await openLadenDb({ version: 2 });
    expect(upgraded.version).toBe(2);
    await expect(older.get('cart', 'current')).rejects.toThrow();
    upgraded.close();
  });

  it('tells the shopper to close an old tab that does not give way, and finishes once it is gone', async () => {
    const stubborn = await openDB(DB_NAME, 1, { upgrade: (d) => void d.createObjectStore('cart') });
    const tab = await openTab();
    tabs.push(tab);
    const loading = tab.loadCart();
    await new Promise((r) => setTimeout(r, 50));
    expect(tab.notices.map((n) => n.kind)).toEqual(['blocked']);
    expect(tab.notices[0]?.message).toMatch(/andere Laden-Fenster/);
    stubborn.close();
    expect(await loading).toEqual({ lines: [], coupons: [], shipping: 'standard' });
  });

  it('says that the page must reload when a newer version already upgraded the database', async () => {
    (await openDB(DB_NAME, DB_VERSION + 1)).close();
    const tab = await openTab();
    tabs.push(tab);
    await expect(tab.loadCart()).rejects.toThrow('Eine neuere Version von Laden ist in einem anderen Fenster geöffnet');
  });
});
