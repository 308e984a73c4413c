import { defineConfig } from 'vite';
import { pwa } from './pwa.config.js';
import { assemblyScript } from './scripts/vite-plugin-assemblyscript.js';
import { subresourceIntegrity } from './scripts/vite-plugin-sri.js';

export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: { port: 5173 },
  plugins: [assemblyScript(), pwa(), subresourceIntegrity()],
});
