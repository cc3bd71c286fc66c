import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/connect';
import {
  lifecycles,
  objectives,
  offices,
  operations,
  orgUnits,
  portfolios,
  programs,
  projects,
  projectTypes,
  proposals,
  scenarios,
  scoringFrameworks,
  users,
  workRoles,
} from '../db/schema/index';
import { invalidRef } from '../errors';
import type { EntitySpec, EntityType } from './spec';

export const tables: Record<EntityType, PgTable & { id: unknown; archivedAt: unknown }> = {
  orgUnit: orgUnits,
  office: offices,
  objective: objectives,
  portfolio: portfolios,
  program: programs,
  project: projects,
  operation: operations,
  projectType: projectTypes,
  user: users,
  scenario: scenarios,
  workRole: workRoles,
  proposal: proposals,
  scoringFramework: scoringFrameworks,
  lifecycle: lifecycles,
};

const labels: Record<EntityType, string> = {
  orgUnit: 'organization unit',
  office: 'office',
  objective: 'objective',
  portfolio: 'portfolio',
  program: 'program',
  project: 'project',
  operation: 'operation',
  projectType: 'project type',
  user: 'person',
  scenario: 'scenario',
  workRole: 'work role',
  proposal: 'proposal',
  scoringFramework: 'scoring framework',
  lifecycle: 'lifecycle',
};

/** Each referenced item must exist and be active; the error names the field. */
export async function checkRefs(tx: Tx, refs: Record<string, EntityType>, values: Record<string, unknown>) {
  for (const [field, type] of Object.entries(refs)) {
    const id = values[field];
    if (id === null || id === undefined) continue;
    const t = tables[type] as PgTable & { id: never; archivedAt: never };
    const [row] = await tx
      .select({ archivedAt: t.archivedAt })
      .from(t)
      .where(eq(t.id, id as string))
      .limit(1);
    if (!row) throw invalidRef(field, `No ${labels[type]} with id ${String(id)}`);
    if (row.archivedAt) throw invalidRef(field, `The ${labels[type]} is archived; restore it first`);
  }
}

/** Whether making `parentId` the parent of `id` would put `id` under itself. */
export async function wouldCycle(tx: Tx, spec: EntitySpec, id: string, parentId: string | null) {
  if (parentId === null) return false;
  if (parentId === id) return true;
  const res = await tx.execute<{ hit: boolean }>(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from ${spec.table} where id = ${parentId}
      union
      select t.id, t.parent_id from ${spec.table} t join up on t.id = up.parent_id
    )
    select exists (select 1 from up where id = ${id}) as hit`);
  return res.rows[0]?.hit === true;
}
