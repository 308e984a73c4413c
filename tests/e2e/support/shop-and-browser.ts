import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningServer } from '../../../src/server/main.js';
import { launchBrowser } from './browser.js';
import { startShop } from './server.js';

export interface ShopAndBrowser {
  readonly shop: RunningServer;
  readonly browser: Browser;
  /** Takes the server down (the browser stays); `startShopAgain` brings one back. */
  stopShop(): Promise<void>;
  startShopAgain(start: () => Promise<RunningServer>): Promise<void>;
}

/**
 * The built shop (`start`, by default on its own with no orders database) and a browser for the
 * test file or describe block it is called in: started before its tests, closed after them, then
 * `cleanUp` (e.g. deleting the database folder).
 */
export function useShopAndBrowser(
  start: () => Promise<RunningServer> = () => startShop(),
  cleanUp: () => void = () => undefined,
): ShopAndBrowser {
  let shop: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    shop = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await shop?.close();
    cleanUp();
  });
  return {
    get shop() {
      if (!shop) throw new Error('The shop is started in beforeAll');
      return shop;
    },
    get browser() {
      if (!browser) throw new Error('The browser is started in beforeAll');
      return browser;
    },
    async stopShop() {
      await shop?.close();
      shop = undefined;
    },
    async startShopAgain(next) {
      shop = await next();
    },
  };
}
