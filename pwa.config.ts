import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin, PluginOption } from 'vite';
import { readFileSync } from 'node:fs';

/** Brand colours: --shop-primary and --shop-bg of src/styles/global.css, as in the icons. */
export const THEME_COLOR = '#0f5c4d';
export const BACKGROUND_COLOR = '#faf8f5';

/**
 * The web app manifest and the service worker build. `src/sw.ts` is bundled with the precache
 * manifest injected (strategy `injectManifest`); the page registers it itself through workbox-window
 * in <shop-update-toast>, so nothing is injected into index.html but the manifest link.
 */
export function pwa(): PluginOption {
  return [buildVersion(), serviceWorkerAndManifest()];
}

/**
 * `__LADEN_VERSION__` in the app: the package version, or LADEN_VERSION when set (the update test
 * builds a second version that way). The toast names it, and it changes the bundle and so the SW.
 */
function buildVersion(): Plugin {
  const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
  const version = process.env['LADEN_VERSION'] ?? pkg.version;
  return { name: 'laden-build-version', config: () => ({ define: { __LADEN_VERSION__: JSON.stringify(version) } }) };
}

function serviceWorkerAndManifest(): PluginOption {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    injectRegister: false,
    // The glob below already takes the icons; listing them twice would only duplicate entries.
    includeManifestIcons: false,
    manifestFilename: 'manifest.webmanifest',
    injectManifest: {
      // The app shell, the WASM modules, the pricing rules, the icons: everything a shopping trip needs
      // offline. The whole catalog (catalog.json, 100 MB for a range of 100,000) is not: only the /wasm
      // page reads it, online. Product photos are cached as they are seen; the search index (megabytes
      // for a large range) is cached when the search worker fetches it in the background, so it never
      // holds up the install. The back office (admin.html and its chunks under assets/admin/) is no
      // part of the shop on the device. Of the shipped listing only the manifest: its shards and
      // details go to IndexedDB as the app reads them (src/services/listing-store.ts), which also
      // keeps them for offline use.
      globPatterns: ['**/*.{js,css,html,wasm,svg,png,woff2}', 'data/rules.json', 'data/shop/manifest.json'],
      globIgnores: [
        'screenshots/**',
        'data/images/**',
        'data/thumbs/**',
        'data/search-index.bin',
        'sw.js',
        'admin.html',
        'assets/admin/**',
      ],
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
    manifest: {
      id: '/',
      name: 'Laden – Ihr Laden für jeden Tag',
      short_name: 'Laden',
      description:
        'Kaffee, Küche, Outdoor, Mode und mehr: stöbern, suchen und den Warenkorb füllen – auch ohne Verbindung.',
      lang: 'de-DE',
      dir: 'ltr',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      categories: ['shopping'],
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
      screenshots: [
        {
          src: '/screenshots/shop-wide.webp',
          sizes: '1280x800',
          type: 'image/webp',
          form_factor: 'wide',
          label: 'Die Startseite von Laden mit Kategorien und Produkten',
        },
        {
          src: '/screenshots/shop-narrow.webp',
          sizes: '780x1688',
          type: 'image/webp',
          form_factor: 'narrow',
          label: 'Laden auf dem Telefon: eine Kategorie mit ihren Produkten',
        },
      ],
      shortcuts: [
        {
          name: 'Warenkorb',
          short_name: 'Warenkorb',
          description: 'Ihren Warenkorb öffnen',
          url: '/cart',
          icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
        },
        {
          name: 'Suche',
          short_name: 'Suche',
          description: 'Im Sortiment suchen',
          url: '/search',
          icons: [{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
        },
      ],
    },
  });
}
