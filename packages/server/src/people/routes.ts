import { routes } from '@pharos/api';
import { AppError } from '../errors';
import { bind } from '../http/bind';
import type { Ctx } from '../http/context';
import type { ListParams } from '../registry/service';
import { grantsOf } from './repo';
import { createUser, getUser, grant, revoke, userService } from './service';

/** A user's name, e-mail or standing changed: forget the cached identity once committed. */
async function changed<T>(ctx: Ctx, userId: string, work: Promise<T>): Promise<T> {
  const out = await work;
  await ctx.authChanged(userId);
  return out;
}

export const peopleBindings = [
  bind(routes.users.list, async (ctx, { query }) => {
    const page = await userService.list(ctx, query as ListParams);
    if (!(await ctx.access.can('grant', 'read'))) return page;
    const grants = await grantsOf(
      ctx.db,
      page.items.map((u: { id: string }) => u.id),
    );
    return {
      ...page,
      items: page.items.map((u: { id: string }) => ({ ...u, grants: grants.get(u.id) ?? [] })),
    };
  }),
  bind(routes.users.get, async (ctx, { params }) => getUser(ctx, params.id)),
  bind(routes.users.create, async (ctx, { body }) => createUser(ctx, body)),
  bind(routes.users.update, async (ctx, { params, body }) =>
    changed(ctx, params.id, userService.update(ctx, params.id, body)),
  ),
  bind(routes.users.archive, async (ctx, { params, body }) => {
    if (params.id === ctx.actor?.userId)
      throw new AppError('validation_failed', 'You cannot deactivate yourself', 'id');
    return changed(ctx, params.id, userService.archive(ctx, params.id, body.version));
  }),
  bind(routes.users.restore, async (ctx, { params, body }) =>
    changed(ctx, params.id, userService.restore(ctx, params.id, body.version)),
  ),
  bind(routes.users.grant, async (ctx, { params, body }) => grant(ctx, params.id, body)),
  bind(routes.users.revoke, async (ctx, { params }) => {
    await revoke(ctx, params.id, params.grantId);
    return { ok: true as const };
  }),
];
