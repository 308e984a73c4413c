#!/usr/bin/env node
// Takes the manifest's screenshots (the richer install dialog shows them) from the built shop, served
// by the real server and rendered by Debian's Chromium: wide 1280×800 and narrow 780×1688 (a
// 390×844 phone at 2×). Written as WebP into public/screenshots/ and committed; rerun after a visible
// change of the home page: npm run build && node scripts/screenshots.mjs && npm run build:app
import { chromium } from 'playwright-core';
import sharp from 'sharp';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../dist-node/server.js';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'public', 'screenshots');
const catalog = JSON.parse(await readFile(join(root, 'dist', 'data', 'catalog.json'), 'utf8'));
// Wide: the home page; narrow: a category's product grid, which is what a phone shows most.
const shots = [
  { name: 'shop-wide.webp', path: '/', viewport: { width: 1280, height: 800 }, scale: 1 },
  {
    name: 'shop-narrow.webp',
    path: `/c/${catalog.categories[0].slug}`,
    viewport: { width: 390, height: 844 },
    scale: 2,
  },
];

await mkdir(outDir, { recursive: true });
const server = await startServer({ port: 0, host: '127.0.0.1', distDir: join(root, 'dist') });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking'],
});
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: shot.scale, locale: 'de-DE' });
    await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
    // Let lazy images that entered the viewport finish and fade in.
    await page.waitForTimeout(800);
    const png = await page.screenshot({ type: 'png' });
    await sharp(png).webp({ quality: 78 }).toFile(join(outDir, shot.name));
    const { width, height } = await sharp(join(outDir, shot.name)).metadata();
    console.log(`${shot.name}: ${width}×${height}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
