import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import type { Ctx } from '../http/context';

/**
 * A project's planned start and finish follow its plan: when the plan's dates move, the
 * registry's move with them (a new version of the project, with an audit row). Dates are ISO days.
 */
export async function setPlannedDates(
  ctx: Ctx,
  tx: Tx,
  projectId: string,
  start: string | null,
  finish: string | null,
) {
  const res = await tx.execute(sql`
    with before as (select planned_start::text as s, planned_finish::text as f from projects where id = ${projectId})
    update projects set planned_start = ${start}::date, planned_finish = ${finish}::date,
      version = version + 1, updated_at = now()
    where id = ${projectId}
      and (planned_start is distinct from ${start}::date or planned_finish is distinct from ${finish}::date)
    returning (select s from before) as s, (select f from before) as f`);
  const row = res.rows[0] as { s: string | null; f: string | null } | undefined;
  if (!row) return;
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'project',
    entityId: projectId,
    before: { plannedStart: row.s, plannedFinish: row.f },
    after: { plannedStart: start, plannedFinish: finish, by: 'plan' },
  });
}
