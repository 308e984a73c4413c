// One run of a WASI command under node:wasi, alone in this process: the parent test passes the
// module, arguments, environment and preopens as JSON in argv[2] and the command's standard streams
// are this process's own. Node 20's node:wasi can crash the whole process (a V8 fatal error or a
// segfault, see README "Running the pricing module outside Laden"), so each run gets its own process:
// a crash is then a failed run that names its signal, never a lost test worker.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const spec = JSON.parse(process.argv[2]);
const wasi = new WASI({
  version: 'preview1',
  args: spec.args,
  env: spec.env,
  preopens: spec.preopens,
  stdin: 0,
  stdout: 1,
  stderr: 2,
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(spec.wasm));
process.exitCode = wasi.start(await WebAssembly.instantiate(module, wasi.getImportObject()));
