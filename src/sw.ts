/// <reference lib="webworker" />
/**
 * Laden's service worker. The build injects the precache manifest (app shell, WASM modules, catalog,
 * pricing rules, icons); everything else is cached at run time, one route per kind of
 * asset. A new version installs in the background and waits until the shopper accepts the update in
 * <shop-update-toast>, so a page never runs against caches it was not built for.
 */
import { clientsClaim, type WorkboxPlugin } from 'workbox-core';
import { cleanupOutdatedCaches, precacheAndRoute, PrecacheFallbackPlugin } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst, NetworkOnly, StaleWhileRevalidate } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { CACHE_NAMES, FROM_CACHE_HEADER, SHELL_URL, SW_MESSAGES } from './sw-contract.js';
import { SYNC_TAG, flushOutbox } from './services/order-sender.js';

declare const self: ServiceWorkerGlobalScope;

/** The back office's pages and chunks (vite.config.ts puts its chunks under /assets/admin/). */
const ADMIN_PAGES = /^\/admin(\/|$)/;
const isAdminAsset = (url: URL): boolean => url.pathname.startsWith('/assets/admin/');

const okOnly = new CacheableResponsePlugin({ statuses: [200] });

// Navigations first, so the precache route below does not answer "/" cache-first: online the shopper
// gets the newest page, offline (or after 3 s of a dead network) the precached shell, which routes
// any path. Pages are deliberately not cached one by one: a stored page of a newer deploy could
// name scripts this worker never precached, and would then break offline. The back office (/admin)
// is not the shop: the worker leaves its pages to the network, never the shop's shell.
registerRoute(
  new NavigationRoute(
    new NetworkOnly({ networkTimeoutSeconds: 3, plugins: [new PrecacheFallbackPlugin({ fallbackURL: SHELL_URL })] }),
    { denylist: [/^\/api\//, ADMIN_PAGES] },
  ),
);

// The back office's API and its own chunks always come from the network: nothing of it is precached
// and nothing is kept in a cache a shopper's device holds.
registerRoute(
  ({ url }) => url.origin === self.location.origin && (url.pathname.startsWith('/api/admin/') || isAdminAsset(url)),
  new NetworkOnly(),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Fingerprinted build output that is not precached (e.g. a chunk added after install): a hash in the
// name means the bytes never change, so the cache answers without asking the network.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/assets/') &&
    !isAdminAsset(url) &&
    request.method === 'GET',
  new CacheFirst({
    cacheName: CACHE_NAMES.assets,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 60 * 60 * 24 * 365 })],
  }),
);

// Product images and thumbnails: too many to precache, so a bounded cache of what the shopper saw.
// Matched by path, not by request.destination: the thumbnail workers fetch them with fetch().
// purgeOnQuotaError gives the space back before the cart's IndexedDB could run out of it.
registerRoute(
  ({ url }) => url.origin === self.location.origin && /^\/data\/(images|thumbs)\//.test(url.pathname),
  new CacheFirst({
    cacheName: CACHE_NAMES.images,
    plugins: [
      okOnly,
      new ExpirationPlugin({ maxEntries: 400, maxAgeSeconds: 60 * 60 * 24 * 30, purgeOnQuotaError: true }),
    ],
  }),
);

// Published catalog versions (/data/v/<version>-<checksum>/…): the app shell is not rebuilt for a
// new catalog, so they are not in the precache. A version's URL never changes its bytes, so the
// cache answers first and offline; the newest few versions are kept (the shown one is used at every
// start, so it stays). A version's listing files (/data/v/…/shop/<checksum16>/…) are left out: the app
// keeps the shards and details it fetched in IndexedDB, and hundreds of them would push the
// version's catalog out of these few entries.
const LISTING_FILE = /^\/data\/v\/[\w-]+\/shop\/[0-9a-f]{16}\//;
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/data/v/') &&
    !LISTING_FILE.test(url.pathname) &&
    request.method === 'GET',
  new CacheFirst({
    cacheName: CACHE_NAMES.catalog,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 15 })],
  }),
);

// The built catalog's search index: fetched by the search worker in the background, not precached
// (at 100,000 products it is megabytes, which would hold up the install). Online the newest one, so
// it fits the newest catalog; offline the copy the last fetch kept.
registerRoute(
  ({ url, request }) =>
    url.origin === self.location.origin && url.pathname === '/data/search-index.bin' && request.method === 'GET',
  new NetworkFirst({
    cacheName: CACHE_NAMES.searchIndex,
    networkTimeoutSeconds: 10,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 1 })],
  }),
);

// Stock must be the server's current word whenever there is a network; offline the last copy stands
// in, marked as such (its Date header says how old it is, and the page says so). Before the general
// API route.
const markedAsCached: WorkboxPlugin = {
  cachedResponseWillBeUsed: async ({ cachedResponse }) => {
    if (!cachedResponse) return cachedResponse;
    const headers = new Headers(cachedResponse.headers);
    headers.set(FROM_CACHE_HEADER, '1');
    return new Response(await cachedResponse.blob(), { status: cachedResponse.status, headers });
  },
};
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/api/stock'),
  new NetworkFirst({
    cacheName: CACHE_NAMES.stock,
    networkTimeoutSeconds: 4,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 50, maxAgeSeconds: 60 * 60 * 24 * 7 }), markedAsCached],
  }),
  'GET',
);

// API reads answer at once from the cache and refresh it behind the scenes; writes are never cached,
// and neither is an order's state nor the current catalog version, which must always be the
// server's current word. Search answers are not kept either: each query is its own URL, and offline
// the device's own index answers.
registerRoute(
  ({ url }) =>
    url.origin === self.location.origin &&
    url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/api/orders') &&
    !url.pathname.startsWith('/api/catalog/') &&
    !url.pathname.startsWith('/api/search') &&
    !url.pathname.startsWith('/api/admin/'),
  new StaleWhileRevalidate({
    cacheName: CACHE_NAMES.api,
    plugins: [okOnly, new ExpirationPlugin({ maxEntries: 100, maxAgeSeconds: 60 * 60 * 24 * 7 })],
  }),
  'GET',
);

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && 'type' in data && data.type === SW_MESSAGES.skipWaiting) {
    void self.skipWaiting();
  }
});

// Background Sync: the browser wakes the worker once it is online again, even with no tab open, and
// the worker sends the order outbox (under the same Web Lock as the pages). Orders still waiting make
// the sync fail, so the browser tries again later.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync' as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    flushOutbox({ force: true }).then((result) => {
      if (result.nextAttemptAt !== undefined) throw new Error('Laden: orders are still waiting to be sent');
    }),
  );
});

// The first install takes over the open page at once (there is nothing older to conflict with); later
// versions only activate through SKIP_WAITING, and then the page reloads on `controlling`.
clientsClaim();
