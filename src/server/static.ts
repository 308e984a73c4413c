import { join, relative } from 'node:path';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { compressBinaryData } from './compress-binary.js';
import type { LcpPreloads } from './lcp-preload.js';
import { routeModules } from './route-modules.js';

/** Fingerprinted by Vite: the name changes when the content does, so caches may keep them forever. */
const HASHED = /^\/assets\/.+-[\w-]{8,}\.\w+$/;
/** Must be revalidated on every load, or an update would never reach the shopper. */
const ALWAYS_REVALIDATE = /^\/(index\.html|admin\.html|sw\.js|manifest\.webmanifest|registerSW\.js)?$/;
/** A shipped listing's shard or details bucket: `/data/shop/<checksum16>/…`. */
const LISTING_FILE = /^\/data\/shop\/[0-9a-f]{16}\//;
/** The back office's pages: its own shell (admin.html), never the storefront's. */
export const isAdminPage = (path: string): boolean => path === '/admin' || path.startsWith('/admin/');

export function cacheControlFor(path: string): string {
  if (HASHED.test(path)) return 'public, max-age=31536000, immutable';
  if (ALWAYS_REVALIDATE.test(path)) return 'no-cache';
  // The listing's files sit in a folder named by the catalog's checksum; only its manifest moves.
  if (LISTING_FILE.test(path)) return 'public, max-age=31536000, immutable';
  if (path.startsWith('/data/images/') || path.startsWith('/data/thumbs/') || path.startsWith('/icons/')) {
    return 'public, max-age=604800';
  }
  return 'no-cache';
}

const cacheHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.ok && !c.res.headers.has('cache-control')) {
    c.res.headers.set('cache-control', cacheControlFor(c.req.path));
  }
};

/**
 * Serves the built app from `distDir`: its files, then index.html for any other page URL so that
 * deep links (/p/…, /c/…, /cart) load the shell, which routes on the client; admin.html for /admin
 * and /admin/… (the back office routes on the client the same way).
 */
export function mountStatic(app: Hono, distDir: string, preloads?: LcpPreloads): void {
  if (!existsSync(distDir)) throw new Error(`The built app is missing at ${distDir}; run npm run build`);
  // serveStatic takes a root relative to the working directory.
  const root = relative(process.cwd(), distDir) || '.';
  const modulesOf = routeModules(distDir);
  app.use('*', cacheHeaders);
  app.use('*', compressBinaryData);
  app.use('*', serveStatic({ root }));
  app.get('*', async (c, next) => {
    const path = c.req.path;
    const looksLikeFile = /\.[a-z0-9]+$/i.test(path);
    if (path.startsWith('/api/') || looksLikeFile) return next();
    c.header('cache-control', 'no-cache');
    if (isAdminPage(path)) return serveStatic({ root, path: 'admin.html' })(c, next);
    const links = (preloads ? await linksFor(preloads, c.req.url) : '') + modulesOf(path);
    if (!links) return serveStatic({ root, path: 'index.html' })(c, next);
    const shell = await readFile(join(distDir, 'index.html'), 'utf8');
    return c.html(shell.replace('</head>', `${links}</head>`));
  });
}

/** A page's preload hints; none when they cannot be worked out (the page loads as it would without). */
async function linksFor(preloads: LcpPreloads, url: string): Promise<string> {
  try {
    return await preloads.linksFor(new URL(url));
  } catch (error) {
    console.warn('Laden: no preload hints for', new URL(url).pathname, error);
    return '';
  }
}
