import { describe, expect, it } from 'vitest';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumPath } from '../../vitest.config.js';
import { ownerCookie, shopperOrders, useAdminShop } from './admin-helpers.js';

describe('the back office for everyone', () => {
  const fixture = useAdminShop('admin-a11y');

  it(
    'scores 100 in Lighthouse accessibility on every page, signed out and signed in',
    { timeout: 300_000 },
    async () => {
      const shopper = await shopperOrders(fixture.browser, fixture.url);
      await shopper.context.close();
      const cookie = await ownerCookie(fixture.url);
      const pages: [string, Record<string, string>][] = [
        ['/admin/login', {}],
        ['/admin/orders', { cookie }],
        [`/admin/orders/${shopper.number}`, { cookie }],
        ['/admin/passkeys', { cookie }],
        ['/admin/mail', { cookie }],
        ['/admin/staff', { cookie }],
        ['/admin/audit', { cookie }],
      ];
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-gpu'],
      });
      const scores: Record<string, number> = {};
      const failing: string[] = [];
      try {
        for (const [path, extraHeaders] of pages) {
          const run = await lighthouse(`${fixture.url}${path}`, {
            port: chrome.port,
            onlyCategories: ['accessibility'],
            logLevel: 'error',
            extraHeaders,
            // Signed-in pages must not bounce to the sign-in page: the page has to show what it is.
            disableStorageReset: true,
          });
          const lhr = run!.lhr;
          expect(lhr.finalDisplayedUrl, path).toBe(`${fixture.url}${path}`);
          scores[path] = Math.round((lhr.categories['accessibility']?.score ?? 0) * 100);
          for (const ref of lhr.categories['accessibility']?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${path}: ${ref.id}`);
          }
        }
      } finally {
        await chrome.kill();
      }
      expect(failing).toEqual([]);
      expect(Object.values(scores)).toEqual(pages.map(() => 100));
    },
  );
});
