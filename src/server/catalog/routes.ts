import { mkdirSync } from 'node:fs';
import { relative } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { compressBinaryData } from '../compress-binary.js';
import { cacheControlFor } from '../static.js';
import { versionTag, type ServedCatalog } from './served.js';

/** A version's data never changes under its URL (the URL names its checksum). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `GET /api/catalog/current` (which version the shop serves and where its data is) and the
 * versioned data URLs `/data/v/<version>-<checksum>/{catalog.json,rules.json,search-index.bin}` and the version's
 * listing below `/data/v/<version>-<checksum>/shop/`,
 * answered from the database. A pruned version's URLs answer 404; the app then asks again.
 */
export function catalogRoutes(served: ServedCatalog): Hono {
  const app = new Hono();
  app.get('/api/catalog/current', async (c) => {
    c.header('cache-control', 'no-store');
    return c.json(await served.current());
  });
  app.get('/data/v/:tag/shop/*', async (c) => {
    const match = /^(\d{1,9})-[0-9a-f]{16}$/.exec(c.req.param('tag'));
    const row = match ? await served.version(Number(match[1])) : undefined;
    if (!row || versionTag(row) !== c.req.param('tag')) return c.notFound();
    const listing = await served.listing(row.version);
    const path = c.req.path.slice(`/data/v/${c.req.param('tag')}/shop/`.length);
    const text = path === 'manifest.json' ? JSON.stringify(listing?.manifest) : listing?.files.get(path);
    if (text === undefined) return c.notFound();
    c.header('cache-control', IMMUTABLE);
    return c.body(text, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  app.get('/data/v/:tag/:file', compressBinaryData, async (c) => {
    const match = /^(\d{1,9})-[0-9a-f]{16}$/.exec(c.req.param('tag'));
    const row = match ? await served.version(Number(match[1])) : undefined;
    if (!row || versionTag(row) !== c.req.param('tag')) return c.notFound();
    c.header('cache-control', IMMUTABLE);
    switch (c.req.param('file')) {
      case 'catalog.json':
        return c.body(row.catalog_json, 200, { 'content-type': 'application/json; charset=utf-8' });
      case 'rules.json':
        return c.body(row.rules_json, 200, { 'content-type': 'application/json; charset=utf-8' });
      case 'search-index.bin':
        return c.body(new Uint8Array(row.search_index), 200, { 'content-type': 'application/octet-stream' });
      default:
        return c.notFound();
    }
  });
  return app;
}

/**
 * Photos published with a catalog (and their thumbnails) live in the shop's photo folder and are
 * served under /data/ like the built app's; a file there wins over the built app's of that name.
 */
export function mediaRoutes(mediaDir: string): Hono {
  const app = new Hono();
  // Empty until the first publish brings a photo; it exists from the start so serving never guesses.
  mkdirSync(mediaDir, { recursive: true });
  const root = relative(process.cwd(), mediaDir) || '.';
  app.get(
    '/data/*',
    serveStatic({
      root,
      rewriteRequestPath: (path) => path.replace(/^\/data\//, '/'),
      onFound: (_path, c) => c.header('cache-control', cacheControlFor(c.req.path)),
    }),
  );
  return app;
}
