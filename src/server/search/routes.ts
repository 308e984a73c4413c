import { Hono } from 'hono';
import { parseSearchQuery } from './query.js';
import { SearchVersionGone, type ServedSearch } from './served-search.js';

/**
 * `GET /api/search?q=…`: the shop's search answered by the server, for devices whose own index has
 * not arrived yet (docs/search-api.md). Answers depend on the served version, which a publish
 * changes at any moment: shared caches keep them for seconds at most.
 */
export function searchRoutes(search: ServedSearch): Hono {
  const api = new Hono();
  api.get('/', async (c) => {
    const parsed = parseSearchQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) {
      return c.json({ error: 'bad-request', message: parsed.message }, 400, { 'cache-control': 'no-store' });
    }
    let answer;
    try {
      answer = await search.search(parsed.query, parsed.options);
    } catch (error) {
      if (!(error instanceof SearchVersionGone)) throw error;
      return c.json({ error: 'unavailable', message: 'Der Katalog wird gerade gewechselt.' }, 503, {
        'cache-control': 'no-store',
        'retry-after': '1',
      });
    }
    return c.json(answer, 200, { 'cache-control': 'public, max-age=0, s-maxage=10' });
  });
  return api;
}
