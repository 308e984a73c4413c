import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { packageRoot } from '../node/package-root.js';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { adminCatalogRoutes } from './catalog/admin-routes.js';
import { catalogRoutes, mediaRoutes } from './catalog/routes.js';
import type { AdminConfig } from './admin/context.js';
import { adminApi, adminNotFound, adminSettings } from './admin/setup.js';
import { DEFAULT_SQLITE_PATH, openDataLayer, type DataLayer } from './db/data-layer.js';
import { combineEffects, type OrderEffects } from './orders/effects.js';
import { openOrders, type OrdersConfig } from './orders/setup.js';
import { seedStock } from './db/stock-store.js';
import { stockEffects } from './stock/effects.js';
import { stockRoutes } from './stock/routes.js';
import { searchRoutes } from './search/routes.js';
import { ServedSearch } from './search/served-search.js';
import { LcpPreloads } from './lcp-preload.js';
import { compressAhead } from './compress-binary.js';
import { adminStockRoutes } from './stock/admin-routes.js';
import { MailStore } from './db/mail-store.js';
import { mailRoutes } from './admin/mail-routes.js';
import { mailEffects } from './mail/effects.js';
import { MailSender, type SenderOptions } from './mail/sender.js';
import { createMailTransport, mailSettingsFromEnv, type MailSettings } from './mail/transport.js';

export interface StartOptions {
  port?: number;
  host?: string;
  distDir?: string;
  /**
   * Orders: the database (PostgreSQL at `databaseUrl` or $LADEN_DATABASE_URL; otherwise the SQLite
   * file at `dbPath`, $LADEN_DB or data/laden.sqlite in the package) and the catalog they are priced
   * with, rules.json beside it (default: $LADEN_CATALOG or the dist's data/catalog.json).
   */
  orders?: Partial<OrdersConfig>;
  /**
   * Mail: the SMTP server and sender ($LADEN_SMTP_URL, $LADEN_MAIL_FROM; without a server, .eml files
   * in `fileDir`, default data/mail/ beside the SQLite file), the shop's public address for links
   * ($LADEN_PUBLIC_URL, else the server's own) and the sender's timings.
   */
  mail?: Partial<MailSettings> & SenderOptions & { publicUrl?: string };
  /** The back office: its clock, public address and proxy trust (src/server/admin/context.ts). */
  admin?: AdminConfig;
  /** Effects beyond the shop's own, run after them (tests watch order changes through this). */
  effects?: OrderEffects[];
  /** Photos published with a catalog (default: $LADEN_MEDIA_DIR or data/media in the package). */
  mediaDir?: string;
}

/** The shop's photo folder: published photos and their thumbnails, served under /data/. */
export function mediaDirFrom(option: string | undefined, root = packageRoot()): string {
  return option ?? process.env['LADEN_MEDIA_DIR'] ?? join(root, 'data', 'media');
}

/** The database the server uses: PostgreSQL when an address is configured, else the SQLite file. */
export function databaseUrlFrom(config: Partial<OrdersConfig>, root = packageRoot()): string {
  return (
    config.databaseUrl ??
    (config.dbPath ? undefined : process.env['LADEN_DATABASE_URL']) ??
    config.dbPath ??
    process.env['LADEN_DB'] ??
    DEFAULT_SQLITE_PATH(root)
  );
}

export interface RunningServer {
  url: string;
  server: ServerType;
  data: DataLayer;
  /** The outbox's sender: tests wake it instead of waiting for its next look. */
  mail: { sender: MailSender; store: MailStore; description: string };
  close(): Promise<void>;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = packageRoot();
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const distDir = options.distDir ?? join(root, 'dist');
  const config = options.orders ?? {};
  const catalogPath = config.catalogPath ?? process.env['LADEN_CATALOG'] ?? join(distDir, 'data', 'catalog.json');
  const data = await openDataLayer({
    url: databaseUrlFrom(config, root),
    ...(config.busyTimeoutMs !== undefined ? { busyTimeoutMs: config.busyTimeoutMs } : {}),
    groupCommit: config.groupCommit ?? process.env['LADEN_GROUP_COMMIT'] !== '0',
    ...poolSettings(),
  });
  const mailOptions = options.mail ?? {};
  const mailDir =
    mailOptions.fileDir ?? join(data.backend === 'sqlite' ? dirname(data.location) : join(root, 'data'), 'mail');
  const mailSettings = { ...mailSettingsFromEnv(mailDir), ...withoutUndefined(mailOptions) };
  const transport = createMailTransport(mailSettings);
  const mailStore = new MailStore(data);
  const sender = new MailSender(mailStore, transport, mailOptions);
  const publicUrl = mailOptions.publicUrl ?? (process.env['LADEN_PUBLIC_URL'] || undefined);
  let serverUrl = 'http://localhost:8080';

  // Each feature that acts when an order is placed or changes state adds its effects here.
  const effects: OrderEffects[] = [
    stockEffects(config.now),
    mailEffects({
      baseUrl: () => publicUrl ?? serverUrl,
      titleOf: (line) => orders.catalog.titleOf(line),
      queued: () => sender.wakeSoon(),
    }),
  ];
  const allEffects = combineEffects([...effects, ...(options.effects ?? [])]);
  let orders: Awaited<ReturnType<typeof openOrders>>;
  try {
    orders = await openOrders({ dbPath: data.location, ...config, catalogPath }, data, allEffects);
    // Items the database has not seen yet start with the served catalog's stock; known items keep
    // theirs. A publish seeds its own items in its transaction (src/server/catalog/publish.ts).
    const catalog = await orders.catalog.catalog();
    await data.transaction((trx) => seedStock(trx, catalog));
  } catch (error) {
    await data.close();
    throw error;
  }
  const admin = adminSettings(data, allEffects, options.admin);
  // Each back-office feature adds its routes here, before the API is mounted (Hono copies them then).
  const adminRoutes = adminApi(admin);
  adminRoutes.route('/stock', adminStockRoutes(admin));
  const mediaDir = mediaDirFrom(options.mediaDir, root);
  adminRoutes.route(
    '/catalog',
    adminCatalogRoutes(admin, orders.catalog, { mediaDir, builtDataDir: join(distDir, 'data') }),
  );
  adminRoutes.route('/mail', mailRoutes(admin, { store: mailStore, resent: () => sender.wakeSoon() }));
  adminNotFound(adminRoutes);
  const search = new ServedSearch(orders.catalog, join(dirname(catalogPath), 'search-index.bin'));
  // In the background: the server answers other requests meanwhile, and a search waits for it.
  void search.warm();
  // The built index gzipped before the first device asks for it (seconds at 100,000 products).
  const builtIndex = join(distDir, 'data', 'search-index.bin');
  if (existsSync(builtIndex)) {
    compressAhead('/data/search-index.bin', builtIndex).catch((error: unknown) =>
      console.warn('Laden: the search index could not be compressed ahead', error),
    );
  }
  const app = createApp({
    distDir,
    version,
    orders: orders.routes,
    stock: stockRoutes(data),
    search: searchRoutes(search),
    admin: adminRoutes,
    catalog: catalogRoutes(orders.catalog),
    media: mediaRoutes(mediaDir),
    preloads: new LcpPreloads(orders.catalog, search, join(distDir, 'data', 'shop', 'manifest.json')),
  });
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  serverUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  sender.start();
  return {
    url: serverUrl,
    server,
    data,
    mail: { sender, store: mailStore, description: transport.description },
    close: async () => {
      try {
        await sender.stop();
        await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
      } finally {
        await data.close();
      }
    },
  };
}

/** Options given as `undefined` leave the environment's setting in place. */
function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** PostgreSQL pool settings from the environment (documented in the README). */
function poolSettings(): { poolSize?: number; statementTimeoutMs?: number } {
  const number = (name: string) => {
    const value = process.env[name];
    if (value === undefined || value === '') return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got ${value}`);
    return n;
  };
  const poolSize = number('LADEN_DB_POOL_SIZE');
  const statementTimeoutMs = number('LADEN_DB_STATEMENT_TIMEOUT_MS');
  return { ...(poolSize ? { poolSize } : {}), ...(statementTimeoutMs ? { statementTimeoutMs } : {}) };
}
