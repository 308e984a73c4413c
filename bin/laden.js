#!/usr/bin/env node
// The `laden` command. Plain JavaScript so that `node bin/laden.js` and `npx laden` run it directly;
// the commands themselves are TypeScript, bundled into dist-node/ by `npm run build:node`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist-node/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('laden: the command is not built yet; run `npm run build` (or `npm install`) first');
  process.exit(2);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
