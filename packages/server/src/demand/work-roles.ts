import type { CapacityQuery } from '@pharos/api';
import { asc, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/connect';
import { type CapacityStepData, workRoles } from '../db/schema/index';
import { AppError, invalidRef } from '../errors';
import type { Ctx } from '../http/context';
import { entityService } from '../registry/service';
import type { EntitySpec, Row } from '../registry/spec';
import { columns } from '../registry/specs';
import { capacityHours } from './facts';

/**
 * The catalog of work roles (reference data, organization-wide) with each org unit's hours per
 * month as steps over time. The registry's generic service serves it; the steps are checked here.
 */
export const workRoleSpec: EntitySpec = {
  type: 'workRole',
  resource: 'workRole',
  label: 'work role',
  table: workRoles,
  col: columns(workRoles),
  refs: {},
  filters: [],
  anchors: () => ({}),
  anchorsFor: () => ({}),
  anchorColumns: {},
  children: [],
  derive: async (tx, values) => checkSteps(tx, values),
};

export const workRoleService = entityService(workRoleSpec);

/** Every step names an org unit that exists, and one unit has one step per month. */
async function checkSteps(tx: Tx, values: Row) {
  const steps = (values.capacity ?? []) as CapacityStepData[];
  if (steps.length === 0) return;
  const ids = [...new Set(steps.map((s) => s.orgUnitId))];
  // Existing is enough: a unit archived since keeps its past capacity (archived, never lost).
  const res = await tx.execute<{ id: string }>(
    sql`select id::text as id from org_units where id = any(${sql.param(ids)}::uuid[])`,
  );
  const found = new Set(res.rows.map((r) => r.id));
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    if (!found.has(s.orgUnitId))
      throw invalidRef(`capacity.${i}.orgUnitId`, `No organization unit with id ${s.orgUnitId}`);
    const key = `${s.orgUnitId} ${s.from}`;
    if (seen.has(key))
      throw new AppError(
        'validation_failed',
        `Two steps for the same organization unit start in ${s.from}`,
        `capacity.${i}.from`,
      );
    seen.add(key);
  });
}

/** The org unit and every unit below it. */
async function unitAndBelow(db: Tx, orgUnitId: string): Promise<Set<string>> {
  const res = await db.execute<{ id: string }>(sql`
    with recursive t(id) as (
      select id from org_units where id = ${orgUnitId}
      union
      select c.id from org_units c join t on c.parent_id = t.id
    )
    select id::text as id from t`);
  if (res.rows.length === 0) throw invalidRef('orgUnitId', `No organization unit with id ${orgUnitId}`);
  return new Set(res.rows.map((r) => r.id));
}

/**
 * Hours per active role per month from `from`, summed over org units (or over one unit and the
 * units below it). A step holds from its month until the next step of the same unit.
 */
export async function capacityTable(ctx: Ctx, q: z.output<typeof CapacityQuery>) {
  const units = q.orgUnitId ? await unitAndBelow(ctx.db, q.orgUnitId) : null;
  const roles = await ctx.db
    .select({ id: workRoles.id, code: workRoles.code, name: workRoles.name, capacity: workRoles.capacity })
    .from(workRoles)
    .where(isNull(workRoles.archivedAt))
    .orderBy(asc(workRoles.code));
  return {
    from: q.from,
    months: q.months,
    // The same step reading as portfolio planning's (one source for what a role's capacity is).
    roles: roles.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      hours: capacityHours(r.capacity, q.from, q.months, units ?? undefined),
    })),
  };
}
