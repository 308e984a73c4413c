import { afterAll, describe, expect, it } from 'vitest';
import type { Quote } from '../../../src/domain/quote.js';
import { catalogOf } from '../pricing/fixtures.js';
import { folderWith, parseCgi, runCommand, runtimes, type Runtime } from './run-command.js';

const data = folderWith({
  'catalog.json': catalogOf([{ id: 'p00001', price: 2500 }]),
  'rules.json': {
    version: 1,
    shipping: { standard: 495, express: 990 },
    promotions: [{ id: 'frei', label: 'Versandkostenfrei ab 50 €', type: 'free-shipping', threshold: 5000 }],
    coupons: [],
  },
});
afterAll(() => data.remove());

/**
 * What a WAGI host (or Spin's WAGI executor) does for `POST /quote?debug=1`: the request line and
 * headers become CGI variables, the query parameters become arguments, the body is stdin, and the
 * module's folder mapping (`volumes` in modules.toml) becomes a preopen.
 */
function request(runtime: Runtime, method: string, body: string, headers: Record<string, string> = {}) {
  return runCommand(
    {
      args: ['debug=1'],
      env: {
        GATEWAY_INTERFACE: 'CGI/1.1',
        SERVER_SOFTWARE: 'WAGI/1',
        SERVER_PROTOCOL: 'HTTP/1.1',
        REQUEST_METHOD: method,
        SCRIPT_NAME: '/quote',
        PATH_INFO: '',
        X_MATCHED_ROUTE: '/quote',
        QUERY_STRING: 'debug=1',
        CONTENT_LENGTH: String(Buffer.byteLength(body)),
        CONTENT_TYPE: 'application/json',
        HTTP_HOST: 'localhost:3000',
        LADEN_AT: '2026-06-15T12:00:00+02:00',
        ...headers,
      },
      preopens: { '/data': data.dir },
      stdin: body,
    },
    runtime,
  );
}

describe.each(runtimes)('laden-pricing.wasm as a CGI program (WAGI) under %s', (runtime) => {
  it('answers POST /quote with status and content type headers, an empty line and the quote', async () => {
    const run = await request(runtime, 'POST', JSON.stringify({ lines: [{ productId: 'p00001', quantity: 2 }] }));
    expect(run.code).toBe(0);
    const response = parseCgi(run.stdout);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const quote = JSON.parse(response.body) as Quote;
    expect(quote.subtotal).toBe(5000);
    expect(quote.shipping).toMatchObject({ price: 0, promotionId: 'frei' });
    expect(quote.total).toBe(5000);
  });

  it('answers a bad cart with 400 and a JSON problem, not a crash', async () => {
    const response = parseCgi((await request(runtime, 'POST', '{"lines":')).stdout);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'bad-request' });
    expect((JSON.parse(response.body) as { message: string }).message).toContain('not valid JSON');
  });

  it('answers other methods with 405 and an Allow header', async () => {
    const response = parseCgi((await request(runtime, 'GET', '')).stdout);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers a body that is not JSON by its content type with 415', async () => {
    const response = parseCgi((await request(runtime, 'POST', 'lines=1', { CONTENT_TYPE: 'text/plain' })).stdout);
    expect(response.status).toBe(415);
  });

  it('answers 500 naming the file when the catalog the host mapped is missing', async () => {
    const run = await request(runtime, 'POST', '{"lines":[]}', { LADEN_CATALOG: '/data/fehlt.json' });
    const response = parseCgi(run.stdout);
    expect(response.status).toBe(500);
    expect((JSON.parse(response.body) as { message: string }).message).toContain('cannot read /data/fehlt.json');
  });
});
