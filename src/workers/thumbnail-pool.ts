import type { Fit, ThumbnailFilter } from '../wasm/thumbnail.js';

/** What a worker is asked: the source by URL or as encoded bytes (transferred, not copied). */
export interface ThumbnailJob {
  id: number;
  url: string;
  bytes?: ArrayBuffer;
  width: number;
  height?: number;
  fit?: Fit;
  filter?: ThumbnailFilter;
  /** Encoding for convertToBlob, e.g. image/webp; the reply's blob.type is what it became. */
  type: string;
  quality: number;
}

export interface ThumbnailResult {
  blob: Blob;
  width: number;
  height: number;
  sourceWidth: number;
  sourceHeight: number;
  /** The engine version that made it: part of the cache key. */
  engine: number;
}

export interface ThumbnailReply extends ThumbnailResult {
  id: number;
  ok: true;
}

export interface ThumbnailFailure {
  id: number;
  ok: false;
  /** decode: the image is unusable (placeholder); worker: no engine or worker here (let the browser load it); engine: other. */
  kind: 'decode' | 'engine' | 'worker';
  message: string;
}

export class ThumbnailJobError extends Error {
  override name = 'ThumbnailJobError';
  constructor(
    readonly kind: ThumbnailFailure['kind'],
    message: string,
  ) {
    super(message);
  }
}

export type ThumbnailRequest = Omit<ThumbnailJob, 'id' | 'type' | 'quality'> & { type?: string; quality?: number };

interface Pending {
  job: ThumbnailJob;
  resolve: (result: ThumbnailResult) => void;
  reject: (error: Error) => void;
}

/** One worker per core the page can spare: the main thread keeps one for itself. */
export function defaultPoolSize(): number {
  const cores = typeof navigator === 'undefined' ? 2 : (navigator.hardwareConcurrency ?? 2);
  return Math.max(1, Math.min(4, cores - 1));
}

/**
 * A pool of thumbnail workers, started lazily, each running one job at a time; jobs wait in order.
 * A worker that dies fails its job and is replaced by a fresh one on the next job.
 */
export class ThumbnailPool {
  readonly #queue: Pending[] = [];
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  #workers = 0;
  #nextId = 1;

  constructor(
    readonly size = defaultPoolSize(),
    private readonly createWorker: () => Worker = () =>
      new Worker(new URL('./thumbnail.worker.ts', import.meta.url), { type: 'module', name: 'thumbnail' }),
  ) {}

  get workerCount(): number {
    return this.#workers;
  }

  /**
   * Makes a thumbnail; `request.bytes`, if given, is transferred to the worker and detached here.
   * Aborting `signal` drops a job that has not started (an image scrolled away or removed).
   */
  thumbnail(request: ThumbnailRequest, signal?: AbortSignal): Promise<ThumbnailResult> {
    const job: ThumbnailJob = { type: 'image/webp', quality: 0.82, ...request, id: this.#nextId++ };
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const pending: Pending = { job, resolve, reject };
      signal?.addEventListener(
        'abort',
        () => {
          const queued = this.#queue.indexOf(pending);
          if (queued < 0) return; // already running: let it finish, its result is cached anyway
          this.#queue.splice(queued, 1);
          reject(signal.reason);
        },
        { once: true },
      );
      this.#queue.push(pending);
      this.#pump();
    });
  }

  /** Stops every worker; queued and running jobs fail. */
  terminate(): void {
    for (const worker of [...this.#idle, ...this.#busy.keys()]) worker.terminate();
    const failed = [...this.#busy.values(), ...this.#queue.splice(0)];
    this.#idle.length = 0;
    this.#busy.clear();
    this.#workers = 0;
    for (const p of failed) p.reject(new ThumbnailJobError('worker', 'the thumbnail pool was stopped'));
  }

  #pump(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const pending = this.#queue.shift()!;
      this.#busy.set(worker, pending);
      const transfer = pending.job.bytes ? [pending.job.bytes] : [];
      worker.postMessage(pending.job, transfer);
    }
  }

  #spawn(): Worker {
    const worker = this.createWorker();
    this.#workers++;
    worker.addEventListener('message', (event: MessageEvent<ThumbnailReply | ThumbnailFailure>) => {
      const pending = this.#busy.get(worker);
      if (!pending || event.data.id !== pending.job.id) return;
      this.#busy.delete(worker);
      this.#idle.push(worker);
      const reply = event.data;
      if (reply.ok) {
        const { blob, width, height, sourceWidth, sourceHeight, engine } = reply;
        pending.resolve({ blob, width, height, sourceWidth, sourceHeight, engine });
      } else {
        pending.reject(new ThumbnailJobError(reply.kind, reply.message));
      }
      this.#pump();
    });
    worker.addEventListener('error', (event) => {
      // A crashed worker (failed to load, out of memory) is dropped, not reused.
      event.preventDefault();
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      worker.terminate();
      this.#workers--;
      pending?.reject(
        new ThumbnailJobError('worker', `thumbnail worker failed: ${event.message || 'could not start'}`),
      );
      this.#pump();
    });
    return worker;
  }
}

let shared: ThumbnailPool | undefined;

/** The page's pool, created on first use. */
export function thumbnailPool(): ThumbnailPool {
  shared ??= new ThumbnailPool();
  return shared;
}

/** Replaces the page's pool (a page with its own worker setup; tests with a broken one). */
export function useThumbnailPool(pool: ThumbnailPool): void {
  shared = pool;
}
