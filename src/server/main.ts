import { serve, type ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../node/package-root.js';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { openOrders, type OrdersConfig } from './orders/setup.js';

export interface StartOptions {
  port?: number;
  host?: string;
  distDir?: string;
  /**
   * Orders: the SQLite file (default: $LADEN_DB or data/laden.sqlite in the package) and the catalog
   * they are priced with, rules.json beside it (default: $LADEN_CATALOG or the dist's data/catalog.json).
   */
  orders?: Partial<OrdersConfig>;
}

export interface RunningServer {
  url: string;
  server: ServerType;
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const distDir = options.distDir ?? join(root, 'dist');
  const orders = await openOrders({
    ...options.orders,
    dbPath: options.orders?.dbPath ?? process.env['LADEN_DB'] ?? join(root, 'data', 'laden.sqlite'),
    catalogPath: options.orders?.catalogPath ?? process.env['LADEN_CATALOG'] ?? join(distDir, 'data', 'catalog.json'),
  });
  const app = createApp({ distDir, version, orders: orders.routes });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))).finally(() =>
        orders.close(),
      ),
  };
}
