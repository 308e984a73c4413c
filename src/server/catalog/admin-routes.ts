import { Hono } from 'hono';
import { answer, clientAddress, problem, type Admin, type AdminEnv } from '../admin/context.js';
import { publishCatalog, type PublishPlaces } from './publish.js';
import type { ServedCatalog } from './served.js';

/**
 * `POST /api/admin/catalog` (owners; the guard says so): the body is a catalog.json, published like
 * `laden catalog publish` does with the served rules and the photos the shop already has. 201 with
 * the new version; 200 when it equals the served one; 400 with every broken field otherwise.
 */
export function adminCatalogRoutes(admin: Admin, served: ServedCatalog, places: PublishPlaces): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();
  api.post('/', async (c) => {
    let catalog: unknown;
    try {
      catalog = JSON.parse(await c.req.text());
    } catch (error) {
      return problem(c, 400, 'bad-json', `Ungültiges JSON: ${(error as Error).message}`);
    }
    const result = await publishCatalog(
      admin.data,
      {
        catalog,
        rulesText: await served.rulesText(),
        publishedBy: c.get('staff').email,
        address: clientAddress(c, admin),
      },
      places,
    );
    if (!result.ok) {
      const shown = result.issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`);
      const more = result.issues.length > shown.length ? ` … (${result.issues.length} insgesamt)` : '';
      return problem(c, 400, 'invalid', `Der Katalog wurde nicht veröffentlicht: ${shown.join('; ')}${more}`, {
        issues: result.issues,
      });
    }
    return answer(
      c,
      { version: result.version, ...(result.unchanged ? { unchanged: true } : {}) },
      result.unchanged ? 200 : 201,
    );
  });
  return api;
}
