/** What the page and the service worker agree on: message types, cache names, the shell's URL. */
export const SW_MESSAGES = { skipWaiting: 'SKIP_WAITING' } as const;

/** Run-time caches; the precache is Workbox's own `workbox-precache-v2-…`. */
export const CACHE_NAMES = {
  assets: 'laden-assets',
  images: 'laden-images',
  api: 'laden-api',
  catalog: 'laden-catalog',
  stock: 'laden-stock',
  searchIndex: 'laden-search-index',
} as const;

/** Every route of the single-page app renders from this one document. */
export const SHELL_URL = '/index.html';

/** Where the build puts the service worker; the server sends it with `Cache-Control: no-cache`. */
export const SW_URL = '/sw.js';

/** Set by the service worker on a stock answer it gave from its cache because the network failed. */
export const FROM_CACHE_HEADER = 'x-laden-from-cache';
