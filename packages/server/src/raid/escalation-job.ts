/*
 * The escalation sweep (C8): every 15 minutes, every open risk and issue is checked against its
 * office's tolerance and resolution deadline as of today, so deadlines that pass with time escalate
 * without anyone writing. Each item that must rise does so in its own transaction, its row locked
 * and checked again there; a sweep that runs twice finds nothing left to do the second time.
 */
import { raidSeverities } from '@pharos/api';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { type Ctx, inTx } from '../http/context';
import type { JobContext, JobRunner } from '../jobs/runner';
import { climb, decide, type EscalationEnv, escalationEnv } from './escalation-core';
import type { ItemRow } from './present';
import { loadRow, selectRows } from './register';
import { openSql } from './register-sql';
import { todayIn } from './today';

export const RAID_ESCALATION_JOB = 'raid.escalate';

/** Registers the sweep and its schedule (a job per quarter hour, run once across processes). */
export function registerRaidJobs(runner: JobRunner) {
  runner.handle(RAID_ESCALATION_JOB, escalationJob);
  runner.every({ name: 'raid.escalate', kind: RAID_ESCALATION_JOB, everySeconds: 900 });
}

async function escalationJob(job: JobContext) {
  const result = await sweepEscalations(job.ctx);
  if (result.escalated) job.log.info(result, 'RAID items escalated');
  await job.commit(async () => result);
}

const SEVERITY_RANK = `case t.severity when 'low' then 0 when 'medium' then 1 when 'high' then 2 when 'critical' then 3 end`;

/**
 * The open items that could have to rise (the engine decides): an issue past its due date, an item
 * already escalated (its office's days may have run out), or one above the lowest tolerance any
 * office has. The others — most of a large register — are not read at all.
 */
function candidates(env: EscalationEnv): SQL {
  const all = [...Object.values(env.tolerances.byOfficeKind), ...env.tolerances.offices];
  const scores = all.map((t) => t.maxScore).filter((v): v is number => v !== null);
  const ranks = all
    .map((t) => (t.maxSeverity ? raidSeverities.indexOf(t.maxSeverity) : null))
    .filter((v): v is number => v !== null);
  const parts = [
    sql`(t.kind = 'issue' and t.due_on < ${env.asOf}::date)`,
    sql`t.escalation_level > 0`,
    ...(scores.length ? [sql`(t.kind = 'risk' and t.score > ${Math.min(...scores)})`] : []),
    ...(ranks.length ? [sql`(t.kind = 'issue' and ${sql.raw(SEVERITY_RANK)} > ${Math.min(...ranks)})`] : []),
  ];
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** Checks every open risk and issue as of `asOf` (today by default); returns what it did. */
export async function sweepEscalations(ctx: Ctx, asOf = todayIn(ctx.config.timeZone)) {
  const env = await escalationEnv(ctx.db, ctx.config.timeZone, asOf);
  const rows = await selectRows(
    ctx.db,
    [
      sql`t.kind in ('risk', 'issue')`,
      sql`t.archived_at is null`,
      // The registers of archived work are history: their items stay where they are.
      sql`coalesce(pj.archived_at, pg.archived_at, pf.archived_at) is null`,
      openSql,
      candidates(env),
    ],
    sql`'owner'`,
    sql`order by t.code`,
  );
  const due: ItemRow[] = [];
  for (const r of rows) if ((await decide(ctx.db, env, r)).escalate) due.push(r);
  let escalated = 0;
  for (const r of due) {
    escalated += await inTx(ctx, async (tx: Tx) => {
      // Locked, then decided again: a person may have changed or escalated it meanwhile.
      if (!(await loadRow(tx, r.id, true))) return 0;
      return climb(ctx, tx, r.id, env);
    });
  }
  return { checked: rows.length, items: due.length, escalated };
}
