import { type OfficeServiceCreate, type OfficeServiceUpdate, routes } from '@pharos/api';
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { officeServices } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import { bind } from '../http/bind';
import { type Ctx, inTx } from '../http/context';
import { present } from './present';
import { entityService } from './service';
import { officeSpec } from './specs';

const offices = entityService(officeSpec);
type ServiceRow = typeof officeServices.$inferSelect;

/** An office's service catalog: changing it is changing the office. */
async function decorate(ctx: Ctx, officeId: string, rows: ServiceRow[]) {
  const can = await ctx.access.can('office', 'update', { office: officeId });
  return rows.map((r) => present({ ...r }, {}, { update: can, archive: can }));
}

/** The office must be visible and the caller allowed to change it. */
async function authorizeOffice(ctx: Ctx, tx: Tx, officeId: string) {
  const office = await offices.load(ctx, tx, officeId);
  await ctx.access.authorize('office', 'update', { office: office.id });
  return office;
}

type Archived = 'active' | 'archived' | 'all';

/** An office's catalog, by class and name. */
export async function listServices(ctx: Ctx, officeId: string, archived: Archived = 'active') {
  await offices.load(ctx, ctx.db, officeId);
  const conds: SQL[] = [eq(officeServices.officeId, officeId)];
  if (archived === 'active') conds.push(isNull(officeServices.archivedAt));
  if (archived === 'archived') conds.push(isNotNull(officeServices.archivedAt));
  const rows = await ctx.db
    .select()
    .from(officeServices)
    .where(and(...conds))
    .orderBy(asc(officeServices.serviceClass), asc(officeServices.name));
  return decorate(ctx, officeId, rows);
}

/** Adds a service to an active office's catalog. */
export function createService(ctx: Ctx, officeId: string, body: z.output<typeof OfficeServiceCreate>) {
  return inTx(ctx, async (tx) => {
    const office = await authorizeOffice(ctx, tx, officeId);
    if (office.archivedAt) throw new AppError('archived', 'The office is archived; restore it first');
    const [row] = await tx
      .insert(officeServices)
      .values({ ...body, officeId })
      .returning();
    const [out] = await decorate(ctx, officeId, [row!]);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'officeService',
      entityId: row!.id,
      after: row!,
    });
    return out;
  });
}

/** Changes a service that is offered (not withdrawn), against the version the caller read. */
export function updateService(
  ctx: Ctx,
  officeId: string,
  serviceId: string,
  body: z.output<typeof OfficeServiceUpdate>,
) {
  return inTx(ctx, async (tx) => {
    await authorizeOffice(ctx, tx, officeId);
    const { version, ...changes } = body;
    const [before] = await tx
      .select()
      .from(officeServices)
      .where(and(eq(officeServices.id, serviceId), eq(officeServices.officeId, officeId)))
      .for('update');
    if (!before) throw notFound('Service');
    if (before.archivedAt) throw new AppError('archived', 'This service is withdrawn');
    const [after] = await tx
      .update(officeServices)
      .set({ ...changes, version: sql`${officeServices.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(officeServices.id, serviceId), eq(officeServices.version, version)))
      .returning();
    if (!after) throw conflict('service');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'officeService',
      entityId: after.id,
      before,
      after,
    });
    return (await decorate(ctx, officeId, [after]))[0];
  });
}

export const officeServiceBindings = [
  bind(routes.officeServices.list, async (ctx, { params, query }) => ({
    items: await listServices(ctx, params.id, query.archived),
  })),
  bind(routes.officeServices.create, async (ctx, { params, body }) => createService(ctx, params.id, body)),
  bind(routes.officeServices.update, async (ctx, { params, body }) =>
    updateService(ctx, params.id, params.serviceId, body),
  ),
  bind(routes.officeServices.archive, async (ctx, { params, body }) =>
    setServiceWithdrawn(ctx, params, body.version, true),
  ),
  bind(routes.officeServices.restore, async (ctx, { params, body }) =>
    setServiceWithdrawn(ctx, params, body.version, false),
  ),
];

/** Withdraws a service from the catalog, or offers it again; it is never deleted. */
export function setServiceWithdrawn(
  ctx: Ctx,
  params: { id: string; serviceId: string },
  version: number,
  withdraw: boolean,
) {
  return inTx(ctx, async (tx) => {
    const office = await authorizeOffice(ctx, tx, params.id);
    if (!withdraw && office.archivedAt)
      throw new AppError('archived', 'The office is archived; restore it first');
    const [before] = await tx
      .select()
      .from(officeServices)
      .where(and(eq(officeServices.id, params.serviceId), eq(officeServices.officeId, params.id)))
      .for('update');
    if (!before) throw notFound('Service');
    if (withdraw && before.archivedAt) throw new AppError('archived', 'This service is already withdrawn');
    if (!withdraw && !before.archivedAt)
      throw new AppError('validation_failed', 'This service is offered already');
    const [after] = await tx
      .update(officeServices)
      .set({
        archivedAt: withdraw ? sql`now()` : null,
        version: sql`${officeServices.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(officeServices.id, params.serviceId), eq(officeServices.version, version)))
      .returning();
    if (!after) throw conflict('service');
    await recordAudit(tx, ctx, {
      action: withdraw ? 'archive' : 'restore',
      entityType: 'officeService',
      entityId: after.id,
      before: { archivedAt: before.archivedAt?.toISOString() ?? null, version: before.version },
      after: { archivedAt: after.archivedAt?.toISOString() ?? null, version: after.version },
    });
    return (await decorate(ctx, params.id, [after]))[0];
  });
}

/** The ids of an office's catalog services, archived ones included (for the office's history). */
export async function serviceIdsOf(db: Tx, officeId: string): Promise<string[]> {
  const rows = await db
    .select({ id: officeServices.id })
    .from(officeServices)
    .where(eq(officeServices.officeId, officeId));
  return rows.map((r) => r.id);
}
