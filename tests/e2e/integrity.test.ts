import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { integrityOf } from '../../scripts/vite-plugin-sri.js';
import { distDir } from './support/server.js';
import { useShopAndBrowser } from './support/shop-and-browser.js';

const html = () => readFileSync(join(distDir, 'index.html'), 'utf8');
/** Every script and style sheet index.html loads, with the integrity it declares. */
const loaded = () =>
  [...html().matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"[^>]*>/g)].map(
    ([tag, url]) => ({ url: url!, integrity: /\sintegrity="([^"]+)"/.exec(tag)?.[1] }),
  );

describe('Subresource Integrity on what index.html loads', () => {
  const fixture = useShopAndBrowser();

  it('declares the SHA-384 of every script and style sheet, as built', () => {
    const files = loaded();
    // The entry script, the chunks it shares with the pages loaded later (module preloads), the styles.
    expect(new Set(files.map((f) => f.url.split('.').pop()))).toEqual(new Set(['css', 'js']));
    for (const { url, integrity } of files) {
      expect(integrity, url).toBe(integrityOf(readFileSync(join(distDir, url))));
    }
  });

  /** Opens the shop with no service worker, `tamper` changing the bytes of one asset on the way. */
  async function open(tamper?: { url: string; with: (body: Buffer) => Buffer }) {
    const context = await fixture.browser.newContext({ serviceWorkers: 'block' });
    const refused: string[] = [];
    const page: Page = await context.newPage();
    page.on('console', (message) => {
      if (/integrity/i.test(message.text())) refused.push(message.text());
    });
    if (tamper) {
      await context.route(`**${tamper.url}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: tamper.with(await response.body()) });
      });
    }
    await page.goto(`${fixture.shop.url}/`);
    await page.waitForLoadState('load');
    const upgraded = await page.evaluate(() => customElements.get('shop-app') !== undefined);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await context.close();
    return { refused, upgraded, background };
  }

  it('runs the untouched app', async () => {
    const { refused, upgraded } = await open();
    expect(refused).toEqual([]);
    expect(upgraded).toBe(true);
  });

  it('refuses a script changed on its way: the app never starts', async () => {
    const script = loaded().find((f) => f.url.endsWith('.js'))!.url;
    const { refused, upgraded } = await open({
      url: script,
      with: (body) => Buffer.concat([body, Buffer.from('\n;document.title = "verändert";')]),
    });
    expect(upgraded).toBe(false);
    expect(refused.join('\n')).toMatch(new RegExp(`Failed to find a valid digest.*${script.replace(/[.]/g, '\\.')}`));
  });

  it('refuses a style sheet changed on its way', async () => {
    const sheet = loaded().find((f) => f.url.endsWith('.css'))!.url;
    const clean = await open();
    const tampered = await open({
      url: sheet,
      with: (body) => Buffer.concat([body, Buffer.from('\nbody{background:rgb(1, 2, 3)!important}')]),
    });
    expect(tampered.refused.join('\n')).toMatch(/Failed to find a valid digest/);
    // Intact, the sheet paints the page; changed, none of it applies, the injected rule included.
    expect(clean.background).toBe('rgb(250, 248, 245)');
    expect(tampered.background).toBe('rgba(0, 0, 0, 0)');
  });
});
