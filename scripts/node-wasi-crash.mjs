// Reproduces the node:wasi crash the WASI tests guard against (README, "Running the pricing module
// outside Laden"): laden-pricing.wasm run under node:wasi with its standard streams as files and a
// catalog that makes its memory grow. On Node 20.20.2 the process dies on the first run with a V8
// fatal error, exit status 133 (SIGTRAP); nothing in JavaScript can catch it.
//
//   node bin/laden.js catalog generate --count 6000 --seed 7 --out /tmp/big && cp public/data/rules.json /tmp/big/
//   node --no-warnings scripts/node-wasi-crash.mjs /tmp/big 4; echo "status $?"
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';

const [dataDir = 'public/data', runs = '4', wasmFile = 'build/wasm/laden-pricing.wasm'] = process.argv.slice(2);
const module = await WebAssembly.compile(await readFile(wasmFile));
const io = mkdtempSync(join(tmpdir(), 'laden-wasi-crash-'));
writeFileSync(join(io, 'stdin'), '{"lines":[{"productId":"p00001","quantity":2}],"coupons":[]}');
for (let run = 1; run <= Number(runs); run++) {
  const fds = [openSync(join(io, 'stdin'), 'r'), openSync(join(io, 'stdout'), 'w'), openSync(join(io, 'stderr'), 'w')];
  const wasi = new WASI({
    version: 'preview1',
    args: ['laden-pricing', '/data/catalog.json', '/data/rules.json'],
    env: { LADEN_AT: '2026-06-15T12:00:00+02:00' },
    preopens: { '/data': dataDir },
    stdin: fds[0],
    stdout: fds[1],
    stderr: fds[2],
    returnOnExit: true,
  });
  const code = wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
  fds.forEach((fd) => closeSync(fd));
  console.log(`run ${run}: exit code ${code}`);
}
