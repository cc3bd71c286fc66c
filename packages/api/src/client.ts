import type { z } from 'zod';
import type { ApiErrorBody, ErrorCode } from './errors';
import type { RouteDef } from './route';

type In<T> = T extends z.ZodType ? z.input<T> : never;
type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

/** What a call to route R takes: its path parameters, query and body, each only if R has one. */
export type CallInput<R extends RouteDef> = (R['params'] extends z.ZodType
  ? { params: In<R['params']> }
  : object) &
  (R['query'] extends z.ZodType ? { query?: In<R['query']> } : object) &
  (R['body'] extends z.ZodType ? { body: In<R['body']> } : object);
export type CallOutput<R extends RouteDef> = Out<R['response']>;

/** An error response from Pharos, with its stable code and the field it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ClientOptions {
  baseUrl?: string;
  /** Bearer token (CLI, scripts); the web app uses its cookie and a CSRF token instead. */
  token?: string;
  csrfToken?: () => string | null;
  fetch?: typeof fetch;
}

export function buildPath(path: string, params?: Record<string, unknown>, query?: Record<string, unknown>) {
  let out = path.replace(/:([A-Za-z]+)/g, (_, k: string) => encodeURIComponent(String(params?.[k] ?? '')));
  if (query) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    const s = qs.toString();
    if (s) out += `?${s}`;
  }
  return out;
}

/** A typed client over the route descriptors: `client.call(routes.projects.list, { query })`. */
export function createClient(opts: ClientOptions = {}) {
  const f = opts.fetch ?? fetch;
  return {
    async call<R extends RouteDef>(r: R, input?: CallInput<R>): Promise<CallOutput<R>> {
      const i = (input ?? {}) as {
        params?: Record<string, unknown>;
        query?: Record<string, unknown>;
        body?: unknown;
      };
      const headers: Record<string, string> = { accept: 'application/json' };
      if (i.body !== undefined) headers['content-type'] = 'application/json';
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      const csrf = opts.csrfToken?.();
      if (csrf && r.method !== 'GET') headers['x-csrf-token'] = csrf;
      const res = await f((opts.baseUrl ?? '') + buildPath(r.path, i.params, i.query), {
        method: r.method,
        headers,
        body: i.body === undefined ? undefined : JSON.stringify(i.body),
        credentials: 'same-origin',
      });
      if (res.status === 204) return undefined as CallOutput<R>;
      const json = (await res.json().catch(() => null)) as unknown;
      if (!res.ok) {
        const e = (json as ApiErrorBody | null)?.error;
        throw new ApiError(res.status, e?.code ?? 'internal_error', e?.message ?? res.statusText, e?.field);
      }
      return json as CallOutput<R>;
    },
  };
}
export type Client = ReturnType<typeof createClient>;
