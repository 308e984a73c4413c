import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One answer the server sent: its path, bytes on the wire (as sent, so gzip where it was) and when. */
export interface Sent {
  path: string;
  bytes: number;
  /** Date.now() when the last byte was handed to the socket. */
  at: number;
}

/**
 * Counts what the server sends, to whoever asks: the page, its workers and the service worker alike
 * (the page's own resource timings miss the last two). Bytes are the body as written (after the
 * server's compression) plus the status line and headers.
 */
export class ByteMeter {
  readonly sent: Sent[] = [];
  #open = 0;
  #lastActivity = Date.now();

  constructor(server: Server) {
    server.prependListener('request', (request: IncomingMessage, response: ServerResponse) =>
      this.#watch(request, response),
    );
  }

  /** Nothing in flight and nothing finished for `quietMs`. */
  quietFor(quietMs: number): boolean {
    return this.#open === 0 && Date.now() - this.#lastActivity >= quietMs;
  }

  /** Bytes of the answers finished in [from, to] whose path `include` accepts. */
  bytes(from: number, to: number, include: (path: string) => boolean = () => true): number {
    return this.sent.filter((s) => s.at >= from && s.at <= to && include(s.path)).reduce((sum, s) => sum + s.bytes, 0);
  }

  #watch(request: IncomingMessage, response: ServerResponse): void {
    this.#open++;
    this.#lastActivity = Date.now();
    let body = 0;
    const count = (chunk: unknown, encoding?: unknown) => {
      if (typeof chunk === 'string')
        body += Buffer.byteLength(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
      else if (chunk instanceof Uint8Array) body += chunk.byteLength;
    };
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((...args: unknown[]) => {
      count(args[0], args[1]);
      return write(...args);
    }) as typeof response.write;
    response.end = ((...args: unknown[]) => {
      if (typeof args[0] !== 'function') count(args[0], args[1]);
      return end(...args);
    }) as typeof response.end;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    response.once('close', () => {
      this.#open--;
      this.#lastActivity = Date.now();
      const head = Object.entries(response.getHeaders()).reduce(
        (sum, [name, value]) => sum + name.length + String(value).length + 4,
        20,
      );
      this.sent.push({ path, bytes: body + head, at: Date.now() });
    });
  }
}
