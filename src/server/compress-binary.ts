import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

/** Our binary data files (the search index); they shrink to about a quarter with gzip. */
const BINARY_DATA = /^\/data\/(v\/[\w-]+\/)?[^/]+\.bin$/;

const cache = new Map<string, { etag: string; body: Buffer }>();
// On libuv's thread pool: gzipping a large index takes seconds, which must not stall other requests.
const gzipAsync = promisify(gzip);

/** The gzipped bytes of `raw` served at `path`, made once per content. */
async function compressed(path: string, raw: Uint8Array): Promise<{ etag: string; body: Buffer }> {
  // Keyed by content, so a rebuilt file is never answered with the old one's bytes.
  const version = createHash('sha1').update(raw).digest('base64');
  let entry = cache.get(path);
  if (entry?.etag !== version) {
    entry = { etag: version, body: await gzipAsync(raw, { level: 9 }) };
    cache.set(path, entry);
  }
  return entry;
}

/**
 * Compresses a data file before anyone asks for it: at 100,000 products the search index takes
 * seconds to gzip, which the first shopper after a start would otherwise wait for.
 */
export async function compressAhead(path: string, file: string): Promise<void> {
  if (!BINARY_DATA.test(path)) throw new Error(`${path} is not a binary data file`);
  await compressed(path, new Uint8Array(await readFile(file)));
}

/**
 * Gzips the binary data files, which the general compression leaves alone because their type,
 * application/octet-stream, is not on its list. Each version of a file is compressed once.
 */
export const compressBinaryData: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const wantsGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  if (!wantsGzip || res.status !== 200 || res.headers.has('content-encoding') || !BINARY_DATA.test(c.req.path)) return;
  const entry = await compressed(c.req.path, new Uint8Array(await res.arrayBuffer()));
  const headers = new Headers(res.headers);
  headers.set('content-encoding', 'gzip');
  headers.set('content-length', String(entry.body.byteLength));
  headers.append('vary', 'Accept-Encoding');
  // Hono copies the old response's headers onto a new one (the old length would win): drop it first.
  c.res = undefined;
  c.res = new Response(new Uint8Array(entry.body), { status: 200, headers });
};
