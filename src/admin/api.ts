/**
 * The back office's only way to the server: `/api/admin/*` with the session cookie. Errors arrive as
 * `{ error, message }` (docs/admin-api.md) and leave here as AdminApiError; a 401 on any route but
 * the sign-in itself tells the shell the session is over.
 */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait, from Retry-After (429). */
    readonly retryAfter?: number,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/** What the shopper-facing sentence is when the server gives none, or cannot be reached. */
export const GENERIC_FAILURE = 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.';
export const OFFLINE_FAILURE = 'Keine Verbindung zum Server. Bitte prüfen Sie die Verbindung.';

let sessionEnded: () => void = () => {};

/** The shell learns here that the server no longer knows the session (expired, signed out elsewhere). */
export function onSessionEnded(handler: () => void): void {
  sessionEnded = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** For sign-in: a 401 means wrong credentials there, not an ended session. */
  signIn?: boolean;
}

export async function adminApi<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signIn = false } = options;
  let response: Response;
  try {
    response = await fetch(`/api/admin/${path}`, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    console.warn('Laden: the back office API is unreachable', error);
    throw new AdminApiError(0, 'offline', OFFLINE_FAILURE);
  }
  if (response.status === 204) return undefined as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (response.ok) return data as T;
  const problem = (typeof data === 'object' && data !== null ? data : {}) as {
    error?: string;
    message?: string;
    issues?: { path: string; message: string }[];
  };
  const retry = Number(response.headers.get('retry-after'));
  if (response.status === 401 && !signIn) sessionEnded();
  throw new AdminApiError(
    response.status,
    problem.error ?? 'unknown',
    problem.message ?? GENERIC_FAILURE,
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    problem.issues ?? [],
  );
}

/** Query string from the set parameters only. */
export function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
