import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';

/** One SQL statement the server sent through its pool; times in performance.now() ms. */
export interface QueryEvent {
  start: number;
  ms: number;
  text: string;
  params: unknown[];
}

/** One HTTP request, with when each phase ended (performance.now() ms). */
export interface RequestEvent {
  method: string;
  url: string;
  status: number;
  start: number;
  /** After the authenticate hook (token or session lookup). */
  authenticated: number;
  /** After body/query validation, before the route's permission check and handler. */
  validated: number;
  /** After the handler returned its result. */
  handled: number;
  /** After the response was serialized (the zod serializer). */
  serialized: number;
  end: number;
}

export interface Trace {
  queries: QueryEvent[];
  requests: RequestEvent[];
}

/**
 * Records, while switched on, every query the server sends through its pool and when each phase
 * of every request ended. Costs one boolean test per query and per hook while off.
 */
export function installTracer(pool: pg.Pool) {
  let on = false;
  let trace: Trace = { queries: [], requests: [] };
  const original = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    if (!on || typeof args.at(-1) === 'function') return original(...args);
    const start = performance.now();
    const first = args[0] as string | { text: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : first.text;
    const params = (args[1] ?? (typeof first === 'object' ? first.values : undefined) ?? []) as unknown[];
    const done = () => trace.queries.push({ start, ms: performance.now() - start, text, params });
    const p = original(...args);
    p.then(done, done);
    return p;
  };

  const marks = new WeakMap<FastifyRequest, Partial<RequestEvent>>();
  const mark =
    (name: 'authenticated' | 'validated' | 'handled' | 'serialized') =>
    (req: FastifyRequest, reply: FastifyReply, ...rest: unknown[]) => {
      if (on) {
        const now = performance.now();
        const m = marks.get(req) ?? { start: now - reply.elapsedTime };
        m[name] = now;
        marks.set(req, m);
      }
      const done = rest.at(-1) as (err?: Error | null, payload?: unknown) => void;
      if (name === 'handled' || name === 'serialized') done(null, rest[0]);
      else done();
    };

  return {
    hook(app: FastifyInstance) {
      app.addHook('onRequest', mark('authenticated'));
      app.addHook('preHandler', mark('validated'));
      app.addHook('preSerialization', mark('handled'));
      app.addHook('onSend', mark('serialized'));
      app.addHook('onResponse', (req, reply, done) => {
        const m = marks.get(req);
        if (on && m) {
          trace.requests.push({
            ...(m as RequestEvent),
            method: req.method,
            url: req.url,
            status: reply.statusCode,
            end: performance.now(),
          });
        }
        done();
      });
    },
    /** Switches recording on (clearing it) or off (returning what was recorded). */
    toggle(value: boolean): Trace | null {
      on = value;
      if (value) {
        trace = { queries: [], requests: [] };
        return null;
      }
      return trace;
    },
  };
}
