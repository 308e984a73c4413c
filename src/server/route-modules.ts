import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the build wrote (scripts/vite-plugin-route-preloads.ts): per lazily loaded page, its chunks. */
const ROUTE_MODULES_FILE = 'route-modules.json';

interface RouteModule {
  href: string;
  integrity: string;
}

const ASSET = /^\/assets\/[\w.-]+\.js$/;
const INTEGRITY = /^sha384-[A-Za-z0-9+/]+=*$/;

/**
 * The `<link rel=modulepreload>` tags of a page the storefront loads when it is entered (cart,
 * checkout, orders, an order): on a cold load of its URL, its chunks arrive beside the app's
 * instead of after the app has started. Empty for other pages and for a build without the file.
 */
export function routeModules(distDir: string): (path: string) => string {
  const file = join(distDir, ROUTE_MODULES_FILE);
  if (!existsSync(file)) return () => '';
  const routes = JSON.parse(readFileSync(file, 'utf8')) as Record<string, RouteModule[]>;
  const links = new Map<string, string>();
  for (const [route, modules] of Object.entries(routes)) {
    // Our own build's output, still checked: only asset paths and hashes go into a page.
    const valid = modules.filter((m) => ASSET.test(m.href) && INTEGRITY.test(m.integrity));
    links.set(
      route,
      valid.map((m) => `<link rel="modulepreload" crossorigin href="${m.href}" integrity="${m.integrity}">`).join(''),
    );
  }
  // `/orders/*` stands for one more path segment: /orders/<key>, not /orders/ nor /orders/a/b.
  return (path) => links.get(path) ?? links.get(path.replace(/^(\/[^/]+)\/[^/]+$/, '$1/*')) ?? '';
}
