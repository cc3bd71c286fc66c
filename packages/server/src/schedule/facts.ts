/*
 * What status reports measure from plans (C4 → C7): each project's milestones with their baseline
 * and forecast dates, the finish variance against the baseline, and the schedule performance index
 * when the plan has a baseline and records progress. Baseline 0 is the baseline (as the timeline
 * uses it). Many projects at once: one query each for milestones and for the plan totals.
 */
import type { MilestoneFact, ScheduleFacts } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

type Row = Record<string, unknown>;

/** Baseline 0 of a task, as a lateral row (`b`): null when the task has none. */
const BASELINE_0 = sql`(select b from jsonb_array_elements(t.baselines) b where (b->>'number')::int = 0 limit 1)`;

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/**
 * The schedule facts of each project with a plan, as of a date (YYYY-MM-DD). Projects without a
 * plan are left out (their schedule is not rated). SPI = EV ÷ PV over the plan's leaf tasks,
 * weighed by baseline duration: EV by their % complete, PV by the share of their baseline span
 * elapsed at the plan's status date (or the end of `asOf` when it has none or a later one). It is
 * given only when some progress was recorded and PV is above zero.
 */
export async function scheduleFacts(
  tx: Tx,
  projectIds: readonly string[],
  asOf: string,
): Promise<Map<string, ScheduleFacts>> {
  const out = new Map<string, ScheduleFacts>();
  if (projectIds.length === 0) return out;
  const ids = sql.param([...projectIds]);
  const milestones = (
    await tx.execute(sql`
      select t.project_id, t.uid, t.name, t.finish::text as forecast, t.percent_complete,
        t.actual_finish is not null as finished, ${BASELINE_0}->>'finish' as baseline
      from plan_tasks t
      where t.project_id = any(${ids}::uuid[]) and t.milestone and not t.summary
      order by t.project_id, t.row`)
  ).rows as Row[];
  const totals = (
    await tx.execute(sql`
      with m as (select ((${asOf}::date + 1)::timestamp) as end_of_day),
      leaf as (
        select t.project_id, t.percent_complete, t.finish,
          (x.b->>'start')::timestamp as bs, (x.b->>'finish')::timestamp as bf,
          coalesce((x.b->>'duration')::float8, 0) as bd
        from plan_tasks t left join lateral (select ${BASELINE_0} as b) x on true
        where t.project_id = any(${ids}::uuid[]) and not t.summary
      )
      select p.project_id, max(l.finish)::text as finish, max(l.bf)::text as baseline_finish,
        max(l.percent_complete) > 0 or bool_or(p.status_date is not null) as progress,
        sum(l.bd * l.percent_complete / 100) as ev,
        sum(l.bd * case
          when l.bs is null or l.bf is null then 0
          when l.bf <= d.at then 1
          when l.bs >= d.at then 0
          else extract(epoch from d.at - l.bs) / nullif(extract(epoch from l.bf - l.bs), 0) end) as pv
      from plans p
        cross join m
        cross join lateral (select least(coalesce(p.status_date, m.end_of_day), m.end_of_day) as at) d
        join leaf l on l.project_id = p.project_id
      where p.project_id = any(${ids}::uuid[])
      group by p.project_id`)
  ).rows as Row[];

  for (const t of totals) {
    const ev = Number(t.ev ?? 0);
    const pv = Number(t.pv ?? 0);
    const finish = day(t.finish);
    const baselineFinish = day(t.baseline_finish);
    out.set(t.project_id as string, {
      milestones: [],
      spi: t.progress && pv > 0 ? Math.round((ev / pv) * 1000) / 1000 : null,
      finishVarianceDays: finish && baselineFinish ? daysBetween(baselineFinish, finish) : null,
    });
  }
  for (const m of milestones) {
    const facts = out.get(m.project_id as string);
    const baseline = day(m.baseline);
    if (!facts || !baseline) continue; // a milestone without a baseline cannot slip
    const fact: MilestoneFact = {
      id: String(m.uid),
      name: m.name as string,
      baseline,
      forecast: day(m.forecast),
      done: Boolean(m.finished) || Number(m.percent_complete) >= 100,
    };
    (facts.milestones as MilestoneFact[]).push(fact);
  }
  return out;
}

/** Calendar days from one YYYY-MM-DD to another. */
function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
