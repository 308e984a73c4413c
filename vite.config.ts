import { defineConfig, type Plugin } from 'vite';
import { pwa } from './pwa.config.js';
import { assemblyScript } from './scripts/vite-plugin-assemblyscript.js';
import { subresourceIntegrity } from './scripts/vite-plugin-sri.js';
import { routePreloads } from './scripts/vite-plugin-route-preloads.js';

/** Where the back office's own chunks go: kept out of the storefront's precache and runtime caches. */
export const ADMIN_ASSETS = 'assets/admin';

/** Back-office code: src/admin/, every src/…/admin-* module, and the WebAuthn client. */
const isAdminModule = (id: string): boolean => /\/src\/(?:[\w-]+\/)*admin[-/.]|\/@simplewebauthn\/browser\//.test(id);

/** The back office's entry, and every chunk made of back-office code alone, go under assets/admin/. */
const adminChunk = (chunk: { name: string; isEntry: boolean; moduleIds: string[] }): boolean =>
  chunk.isEntry ? chunk.name === 'admin' : chunk.moduleIds.length > 0 && chunk.moduleIds.every(isAdminModule);

/** vite-plugin-pwa links the shop's web app manifest into every page; the back office is no part of the app. */
function adminWithoutManifest(): Plugin {
  return {
    name: 'laden-admin-without-manifest',
    // After vite-plugin-pwa's own post-order hook, which adds the link.
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, { path }) =>
        path.endsWith('/admin.html') ? html.replace(/\s*<link rel="manifest"[^>]*>/, '') : html,
    },
  };
}

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 0,
    sourcemap: true,
    rolldownOptions: {
      // Two entries: the storefront (index.html) and the back office (admin.html, served for /admin).
      input: { index: 'index.html', admin: 'admin.html' },
      output: {
        // A chunk with nothing but back-office code lives under assets/admin/; shared code (Lit, the
        // design tokens) stays in the storefront's chunks, which the back office may load too.
        entryFileNames: (chunk) => (adminChunk(chunk) ? `${ADMIN_ASSETS}/[name]-[hash].js` : 'assets/[name]-[hash].js'),
        chunkFileNames: (chunk) => (adminChunk(chunk) ? `${ADMIN_ASSETS}/[name]-[hash].js` : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { port: 5173 },
  plugins: [assemblyScript(), pwa(), adminWithoutManifest(), subresourceIntegrity(), routePreloads()],
});
