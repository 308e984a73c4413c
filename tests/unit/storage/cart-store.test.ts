import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addToCart, setQuantity, type Cart } from '../../../src/domain/cart.js';
import { failCommitsWithQuota, freshIndexedDb, openTab, waitFor } from './support.js';

type Tab = Awaited<ReturnType<typeof openTab>>;
const coffee = { productId: 'p00001', quantity: 1 };
const tea = { productId: 'p00002', quantity: 3 };

describe('the cart store', () => {
  const tabs: Tab[] = [];
  const tab = async () => {
    const t = await openTab();
    tabs.push(t);
    return t;
  };
  beforeEach(freshIndexedDb);
  afterEach(async () => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    await Promise.all(tabs.splice(0).map((t) => t.close()));
  });

  it('starts empty and keeps every change after the page is closed and opened again', async () => {
    const first = await tab();
    expect(await first.loadCart()).toEqual({ lines: [], coupons: [], shipping: 'standard' });
    await first.updateCart((c) => addToCart(c, coffee));
    await first.updateCart((c) => addToCart(c, tea));
    await first.updateCart((c) => setQuantity(c, 'p00001', 5));
    await first.close();
    const reopened = await tab();
    expect((await reopened.loadCart()).lines).toEqual([{ ...coffee, quantity: 5 }, tea]);
  });

  it('keeps both changes when two tabs change the cart at the same moment', async () => {
    const [a, b] = [await tab(), await tab()];
    await Promise.all([a.loadCart(), b.loadCart()]);
    await Promise.all([a.updateCart((c) => addToCart(c, coffee)), b.updateCart((c) => addToCart(c, tea))]);
    expect((await a.loadCart()).lines).toHaveLength(2);
  });

  it('shows a change made in one tab in the other within a second', async () => {
    const [a, b] = [await tab(), await tab()];
    await Promise.all([a.loadCart(), b.loadCart()]);
    let seenInB: Cart | undefined;
    b.watchCart((cart) => (seenInB = cart));
    await a.updateCart((c) => addToCart(c, tea));
    const cart = await waitFor(() => seenInB, 1000);
    expect(cart.lines).toEqual([tea]);
  });

  it('reports a full disk in words and keeps the cart that was saved before', async () => {
    const t = await tab();
    await t.updateCart((c) => addToCart(c, coffee));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const failed = t.updateCart((c) => addToCart(c, tea));
    await expect(failed).rejects.toMatchObject({ name: 'StorageFullError' });
    await expect(failed).rejects.toThrow(/Speicher dieses Geräts ist voll.*bisheriger Warenkorb ist erhalten/);
    expect(t.notices.map((n) => n.kind)).toEqual(['full']);
    vi.restoreAllMocks();
    expect((await t.loadCart()).lines).toEqual([coffee]);
  });

  it('reports a full disk that aborts the commit, as browsers do, and keeps the cart saved before', async () => {
    const t = await tab();
    await t.updateCart((c) => addToCart(c, coffee));
    const room = failCommitsWithQuota('cart');
    try {
      const failed = t.updateCart((c) => addToCart(c, tea));
      await expect(failed).rejects.toMatchObject({ name: 'StorageFullError' });
      expect(t.notices.map((n) => n.kind)).toEqual(['full']);
    } finally {
      room();
    }
    expect((await t.loadCart()).lines).toEqual([coffee]);
  });

  it('asks for persistent storage when the first item goes into the cart, not before', async () => {
    let persisted = false;
    vi.stubGlobal('navigator', {
      storage: { persisted: async () => persisted, persist: async () => (persisted = true) },
    });
    const t = await tab();
    await t.loadCart();
    await t.updateCart((c) => ({ ...c, shipping: 'express' }));
    expect(persisted).toBe(false);
    await t.updateCart((c) => addToCart(c, coffee));
    await waitFor(() => (persisted ? true : undefined));
    expect(persisted).toBe(true);
  });

  it('drops products the catalog no longer sells, with a notice', async () => {
    const t = await tab();
    await t.saveCart({ lines: [coffee, tea], coupons: [], shipping: 'standard' });
    const catalog = { product: (id: string) => (id === 'p00002' ? {} : undefined) };
    expect((await t.dropUnknownProducts(catalog)).lines).toEqual([tea]);
    expect(t.notices.map((n) => n.message)).toEqual([
      'Ein Artikel aus Ihrem Warenkorb ist nicht mehr im Sortiment und wurde entfernt.',
    ]);
    expect((await t.loadCart()).lines).toEqual([tea]);
  });
});
