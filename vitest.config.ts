import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';

/** Debian's Chromium: the only browser on these machines (no browser downloads). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const chromiumArgs = ['--no-sandbox', '--disable-background-networking', '--disable-gpu'];

export default defineConfig({
  // Pre-bundled up front so the browser project does not reload mid-run when Vite discovers them.
  optimizeDeps: {
    include: [
      'zod',
      '@lit/context',
      'idb',
      'lit',
      'lit/decorators.js',
      'workbox-window',
      'lit/directives/class-map.js',
      'lit/directives/repeat.js',
    ],
  },
  test: {
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: 'build/test-report.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          sequence: { groupOrder: 0 },
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          env: { LADEN_WASM_FLAVOR: 'debug' },
          // A real PostgreSQL for the data-layer suites, which run on both backends.
          globalSetup: ['tests/support/postgres-global.ts'],
        },
      },
      {
        // The property and fuzz tests again, on the release builds the shop ships (noAssert, -O3).
        extends: true,
        test: {
          name: 'unit-release',
          sequence: { groupOrder: 0 },
          environment: 'node',
          include: [
            'tests/unit/pricing/properties.test.ts',
            'tests/unit/search/bad-input.test.ts',
            'tests/unit/search/known-items.test.ts',
            'tests/unit/thumbnail/engine.property.test.ts',
            'tests/unit/wasm/raw-exports.test.ts',
            'tests/unit/wasi/same-quotes.test.ts',
          ],
          env: { LADEN_WASM_FLAVOR: 'release' },
          // Thousands of property runs each, on a machine shared with the other projects.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          sequence: { groupOrder: 1 },
          include: ['tests/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: chromiumArgs } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          sequence: { groupOrder: 2 },
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          setupFiles: ['tests/e2e/support/page-errors.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each e2e file starts its own server and browser; two at a time suit a 2-core machine.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // `npm run bench`: not part of `npm test`; each file prints its side-by-side table.
          name: 'bench',
          environment: 'node',
          include: ['bench/**/*.bench.ts'],
          testTimeout: 600_000,
          fileParallelism: false,
          env: { LADEN_WASM_FLAVOR: 'release' },
        },
      },
    ],
  },
});
