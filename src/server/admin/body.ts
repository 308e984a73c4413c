import type { Context } from 'hono';
import type { z } from 'zod';
import { problem } from './context.js';

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

export function invalid(c: Context, issues: readonly z.core.$ZodIssue[]): Response {
  const list = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return problem(
    c,
    400,
    'invalid',
    `Ungültige Angaben: ${list.map((i) => `${i.path || 'Inhalt'}: ${i.message}`).join('; ')}`,
    { issues: list },
  );
}

/** The JSON body checked against `schema`: 400 `bad-json` or `invalid` naming each field otherwise. */
export async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<Parsed<z.infer<S>>> {
  let value: unknown;
  try {
    const text = await c.req.text();
    value = text === '' ? {} : JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, response: problem(c, 400, 'bad-json', `Ungültiges JSON: ${reason}`) };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return { ok: false, response: invalid(c, parsed.error.issues) };
  return { ok: true, data: parsed.data };
}

/** Query parameters checked the same way (each at most once). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<z.infer<S>> {
  const query: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) {
      return {
        ok: false,
        response: invalid(c, [{ code: 'custom', path: [key], message: 'Nur einmal angeben.', input: values }]),
      };
    }
    query[key] = values[0] ?? '';
  }
  const parsed = schema.safeParse(query);
  if (!parsed.success) return { ok: false, response: invalid(c, parsed.error.issues) };
  return { ok: true, data: parsed.data };
}
