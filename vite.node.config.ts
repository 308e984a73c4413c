import { defineConfig } from 'vite';

// The server and the command-line tool, bundled for Node: bin/laden.js imports dist-node/cli.js.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-node',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/cli/main.ts', server: 'src/server/main.ts' },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
