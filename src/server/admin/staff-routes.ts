import { Hono } from 'hono';
import { z } from 'zod';
import { LastOwnerError, listStaff, StaffExistsError } from '../db/staff-store.js';
import { readBody } from './body.js';
import { answer, clientAddress, problem, type Admin, type AdminContext, type AdminEnv } from './context.js';
import { addStaff, dropStaff, emailSchema, PasswordRefusedError, roleSchema } from './staff.js';

const newStaffSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema,
  password: z.string().max(1024),
});

const actor = (c: AdminContext, admin: Admin) => ({
  actor: c.get('staff').email,
  address: clientAddress(c, admin),
  at: new Date(admin.now()).toISOString(),
});

/** `/api/admin/staff` (owners only, by the guard's rules). */
export function staffRoutes(admin: Admin): Hono<AdminEnv> {
  const api = new Hono<AdminEnv>();

  api.get('/', async (c) => answer(c, { staff: await listStaff(admin.data.db) }));

  api.post('/', async (c) => {
    const body = await readBody(c, newStaffSchema);
    if (!body.ok) return body.response;
    try {
      const staff = await addStaff(admin.data, body.data, actor(c, admin));
      return answer(c, { staff }, 201);
    } catch (error) {
      if (error instanceof PasswordRefusedError) {
        return problem(c, 400, 'invalid', error.message, { issues: [{ path: 'password', message: error.message }] });
      }
      if (error instanceof StaffExistsError) {
        return problem(c, 409, 'exists', 'Für diese E-Mail-Adresse gibt es schon ein Konto.');
      }
      throw error;
    }
  });

  api.delete('/:id', async (c) => {
    const id = c.req.param('id');
    if (!z.uuid().safeParse(id).success) return problem(c, 404, 'not-found', 'Kein solches Konto.');
    try {
      const removed = await dropStaff(admin.data, id, actor(c, admin));
      if (!removed) return problem(c, 404, 'not-found', 'Kein solches Konto.');
      return c.body(null, 204);
    } catch (error) {
      if (error instanceof LastOwnerError) {
        return problem(c, 409, 'last-owner', 'Der letzte Inhaber kann nicht entfernt werden.');
      }
      throw error;
    }
  });

  return api;
}
