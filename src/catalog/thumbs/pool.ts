import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Thumbnailer } from '../../wasm/thumbnail.js';
import { makeThumbs, type ThumbJob, type ThumbResult } from './job.js';

/** Next to the bundled cli.js (vite.node.config.ts); a variable, so the bundler leaves the URL alone. */
const WORKER_FILE = './thumb-worker.js';

/** Jobs in flight per thread: while one is being resampled, the next one's original decodes. */
const IN_FLIGHT = 2;

/**
 * Runs `jobs` on `threads` worker threads, each with its own engine, and reports every result.
 * The worker is the bundled dist-node/thumb-worker.js; run from the TypeScript sources (the unit
 * tests) there is none, and the jobs run on this thread with the same code instead.
 * Returns the number of threads that resampled.
 */
export async function runThumbJobs(
  jobs: ThumbJob[],
  threads: number,
  done: (result: ThumbResult) => void,
): Promise<number> {
  const script = fileURLToPath(new URL(WORKER_FILE, import.meta.url));
  if (!existsSync(script) || threads <= 1 || jobs.length <= 1) {
    const engine = await Thumbnailer.load({ log: () => {} });
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) done(await makeThumbs(engine, job));
      }),
    );
    return 1;
  }
  const count = Math.min(threads, Math.ceil(jobs.length / IN_FLIGHT));
  let next = 0;
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script);
          let busy = 0;
          const feed = () => {
            while (busy < IN_FLIGHT && next < jobs.length) {
              worker.postMessage(jobs[next++]);
              busy++;
            }
            if (busy === 0) void worker.terminate().then(() => resolve());
          };
          worker.on('message', (message: ThumbResult | { ready: true }) => {
            if (!('ready' in message)) {
              busy--;
              done(message);
            }
            feed();
          });
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (busy > 0) reject(new Error(`a thumbnail worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return count;
}
