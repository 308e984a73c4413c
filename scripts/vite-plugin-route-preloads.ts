import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { integrityOf } from './vite-plugin-sri.js';

/**
 * The pages the storefront loads when they are entered (the `loadFirst` routes of
 * src/components/shop-app/shop-app.ts), by the URL pattern the server matches.
 */
const LAZY_PAGES: Record<string, string> = {
  '/cart': 'src/components/shop-cart-page/shop-cart-page.ts',
  '/checkout': 'src/components/shop-checkout-page/shop-checkout-page.ts',
  '/orders': 'src/components/shop-orders-page/shop-orders-page.ts',
  '/orders/*': 'src/components/shop-order-confirmation/shop-order-confirmation.ts',
};

/** Where the build writes them, read by the server (src/server/route-modules.ts). */
export const ROUTE_MODULES_FILE = 'route-modules.json';

export interface RouteModule {
  href: string;
  integrity: string;
}

function chunkOf(bundle: OutputBundle, moduleId: string): OutputChunk | undefined {
  return Object.values(bundle).find(
    (file): file is OutputChunk => file.type === 'chunk' && (file.facadeModuleId ?? '').endsWith(moduleId),
  );
}

/** A chunk's file and every chunk it imports statically, transitively. */
function withImports(bundle: OutputBundle, fileName: string, into = new Set<string>()): Set<string> {
  if (into.has(fileName)) return into;
  into.add(fileName);
  const chunk = bundle[fileName];
  if (chunk?.type === 'chunk') for (const imported of chunk.imports) withImports(bundle, imported, into);
  return into;
}

/**
 * For a page loaded when it is entered, the chunks it needs beyond what index.html already loads:
 * the server names them in the HTML of that page's URL (`<link rel=modulepreload>`, with their
 * SHA-384), so a cold load of /checkout fetches its page beside the app instead of after it.
 */
export function routePreloads(): Plugin {
  let outDir = 'dist';
  return {
    name: 'laden-route-preloads',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const entry = Object.values(bundle).find(
        (file): file is OutputChunk => file.type === 'chunk' && file.isEntry && file.name === 'index',
      );
      if (!entry) return;
      const firstLoad = withImports(bundle as OutputBundle, entry.fileName);
      const routes: Record<string, RouteModule[]> = {};
      for (const [route, moduleId] of Object.entries(LAZY_PAGES)) {
        const page = chunkOf(bundle as OutputBundle, moduleId);
        if (!page) throw new Error(`route ${route}: no chunk for ${moduleId}`);
        routes[route] = [...withImports(bundle as OutputBundle, page.fileName)]
          .filter((file) => !firstLoad.has(file))
          .map((file) => ({ href: `/${file}`, integrity: integrityOf(readFileSync(join(dir, file))) }));
      }
      writeFileSync(join(dir, ROUTE_MODULES_FILE), JSON.stringify(routes, null, 2));
    },
  };
}
