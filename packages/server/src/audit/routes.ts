import { routes } from '@pharos/api';
import { getFramework } from '../demand/frameworks';
import { proposalService } from '../demand/proposal-spec';
import { workRoleService } from '../demand/work-roles';
import { AppError } from '../errors';
import { bind } from '../http/bind';
import { userService } from '../people/service';
import { getItem as getRaidItem } from '../raid/items';
import { serviceIdsOf } from '../registry/office-services';
import { registry } from '../registry/routes';
import { getReport } from '../status/reports';
import { listAudit } from './audit';

/** Entity types whose history can be read, and how to check the caller may read the item. */
const readers: Record<string, (ctx: Parameters<typeof userService.get>[0], id: string) => Promise<unknown>> =
  {
    ...Object.fromEntries(
      Object.entries(registry).map(([type, svc]) => [type, (ctx, id) => svc.get(ctx, id)]),
    ),
    user: (ctx, id) => userService.get(ctx, id),
    proposal: (ctx, id) => proposalService.get(ctx, id),
    scoringFramework: (ctx, id) => getFramework(ctx, id),
    workRole: (ctx, id) => workRoleService.get(ctx, id),
    raidItem: (ctx, id) => getRaidItem(ctx, id),
    statusReport: (ctx, id) => getReport(ctx, id),
  };

export const auditBindings = [
  bind(routes.audit, async (ctx, { query }) => {
    await ctx.access.authorize('audit', 'read');
    return listAudit(ctx.db, query, ctx.reads);
  }),
  bind(routes.history, async (ctx, { params, query }) => {
    const read = params.entityType === 'officeService' ? null : readers[params.entityType];
    if (params.entityType === 'officeService') {
      if (
        !(await ctx.access.can('office', 'read', {})) &&
        !(await ctx.access.reach('office', 'read')).anywhere
      )
        throw new AppError('not_found', 'Not found');
    } else if (!read)
      throw new AppError('validation_failed', `Unknown entity type ${params.entityType}`, 'entityType');
    else await read(ctx, params.id); // not_found unless the caller may read it
    const alsoEntities =
      params.entityType === 'office'
        ? { type: 'officeService', ids: await serviceIdsOf(ctx.db, params.id) }
        : undefined;
    return listAudit(
      ctx.db,
      { entityType: params.entityType, entityId: params.id, alsoEntities, ...query },
      ctx.reads,
    );
  }),
];
