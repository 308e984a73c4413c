import { defineConfig } from 'vite';

// The server and the command-line tool, bundled for Node: bin/laden.js imports dist-node/cli.js;
// `laden thumb catalog` starts dist-node/thumb-worker.js on every core.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-node',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/cli/main.ts', server: 'src/server/main.ts', 'thumb-worker': 'src/catalog/thumbs/worker.ts' },
      // Shared chunks beside the entries: the thumbnail pool finds ./thumb-worker.js next to itself.
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
