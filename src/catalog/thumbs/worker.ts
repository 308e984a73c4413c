// One thread of the thumbnail build (`laden thumb catalog`, `laden catalog publish`): its own engine instance resamples the jobs the main thread
// hands it; sharp decodes and encodes on libuv's threads meanwhile.
import { parentPort } from 'node:worker_threads';
import { Thumbnailer } from '../../wasm/thumbnail.js';
import { makeThumbs, type ThumbJob } from './job.js';

const port = parentPort;
if (!port) throw new Error('laden: the thumbnail worker runs only as a worker thread');
const engine = await Thumbnailer.load({ log: () => {} });
port.on('message', (job: ThumbJob) => {
  void makeThumbs(engine, job).then((result) => port.postMessage(result));
});
port.postMessage({ ready: true });
