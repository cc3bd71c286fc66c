import type { RouteDef } from '@pharos/api';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors';
import type { Binding } from './bind';

const key = (d: Pick<RouteDef, 'method' | 'path'>) => `${d.method} ${d.path}`;

/**
 * Serves every route of the contract. Each route's declared protection is enforced here, before
 * its handler runs: public, any signed-in user, or a resource action some grant of the caller
 * could allow (the exact scope is checked by the use case, which knows the item).
 */
export function registerRoutes(
  app: FastifyInstance,
  bindings: Binding[],
  contract: RouteDef[],
  uploadLimit?: number,
) {
  const byKey = new Map(bindings.map((b) => [key(b.def), b]));
  const missing = contract.filter((d) => !byKey.has(key(d)));
  if (missing.length > 0) throw new Error(`Routes without an implementation: ${missing.map(key).join(', ')}`);
  for (const b of bindings) {
    const d = b.def;
    const status = d.status ?? 200;
    app.route({
      method: d.method,
      url: d.path,
      config: { ...(b.config ?? {}), auth: d.auth },
      ...(b.upload && uploadLimit ? { bodyLimit: uploadLimit } : {}),
      schema: {
        summary: d.summary,
        tags: [d.tag],
        ...(d.auth === 'public' ? { security: [] } : {}),
        ...(d.params ? { params: d.params } : {}),
        ...(d.query ? { querystring: d.query } : {}),
        ...(d.body ? { body: d.body } : {}),
        ...(d.response ? { response: { [status]: d.response } } : {}),
      },
      preHandler: async (req) => {
        if (d.auth === 'public') return;
        const { actor, access } = req.ctx;
        if (!actor) throw new AppError('unauthenticated', 'Sign in, or send an API token');
        if (d.auth === 'signedIn') return;
        const reach = await access.reach(d.auth.resource, d.auth.action);
        if (!reach.anywhere)
          throw new AppError('forbidden', `No role you hold may ${d.auth.action} ${d.auth.resource}s`);
      },
      handler: async (req, reply) => {
        const out = await b.handler(req.ctx, {
          params: req.params,
          query: req.query,
          body: req.body,
          req,
          reply,
        });
        reply.code(status);
        return status === 204 ? null : out;
      },
    });
  }
}
