/*
 * Reporting compliance of an office (C7): for each active project of the office and the offices
 * below it, each period from `from` to `to` of the project's own office's cadence is on time,
 * filed late, not due yet, overdue, missing or not required (the engine's reportingCompliance),
 * with counts. This is where late and missing reports are counted and seen. Only the projects
 * whose reports the caller may read are shown.
 */
import type { ComplianceQuery } from '@pharos/api';
import {
  type ComplianceState,
  type FiledReport,
  periodsBetween,
  type ReportingPeriod,
  reportingCompliance,
} from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../errors';
import type { Ctx } from '../http/context';
import { covers } from '../policy/reach';
import { registry } from '../registry/routes';
import { addDays, engineValue, todayIn } from './common';
import { type EffectiveStatusSettings, effectiveSettingsOf } from './settings';

type Counts = Record<ComplianceState, number>;
const noCounts = (): Counts => ({
  'on-time': 0,
  'filed-late': 0,
  'not-due': 0,
  overdue: 0,
  missing: 0,
  'not-required': 0,
});
const MAX_PERIODS = 160;

interface ProjectRef {
  id: string;
  code: string;
  name: string;
  office_id: string;
  portfolio_id: string | null;
  program_id: string | null;
  planned_start: string | null;
}

export async function officeCompliance(ctx: Ctx, officeId: string, q: z.output<typeof ComplianceQuery>) {
  await registry.office.load(ctx, ctx.db, officeId);
  const reach = await ctx.access.reach('statusReport', 'read');
  const today = todayIn(ctx.config.timeZone);
  const asOf = q.asOf ?? today;
  const to = q.to ?? asOf;
  const from = q.from ?? addDays(to, -7 * 11);
  if (from > to) throw new AppError('validation_failed', '`from` must not be after `to`', 'from');

  const all = (
    await ctx.db.execute(sql`
      with recursive tree(id) as (
        select id from offices where id = ${officeId}::uuid
        union select o.id from offices o join tree t on o.parent_id = t.id
      )
      select p.id::text as id, p.code, p.name, p.office_id::text as office_id, p.portfolio_id::text as portfolio_id,
        p.program_id::text as program_id, p.planned_start::text as planned_start
      from projects p join tree t on t.id = p.office_id
      where p.archived_at is null and p.status = 'active'
      order by p.code`)
  ).rows as unknown as ProjectRef[];
  const projects = all.filter((p) =>
    covers(reach, { project: p.id, program: p.program_id, portfolio: p.portfolio_id, office: p.office_id }),
  );
  const settings = await effectiveSettingsOf(
    ctx.db,
    projects.map((p) => p.office_id),
  );

  // Projects that report on the same cadence and deadline are judged together, period by period.
  const groups = new Map<
    string,
    { s: EffectiveStatusSettings; periods: ReportingPeriod[]; projects: ProjectRef[] }
  >();
  for (const p of projects) {
    const s = settings.get(p.office_id)!;
    const key = JSON.stringify([s.cadence, s.dueDaysAfterPeriod]);
    let g = groups.get(key);
    if (!g) {
      const periods = engineValue(periodsBetween(from, to, s.cadence), '', { from: 'from', to: 'to' });
      if (periods.length > MAX_PERIODS)
        throw new AppError('validation_failed', `Ask for at most ${MAX_PERIODS} periods at once`, 'from');
      g = { s, periods, projects: [] };
      groups.set(key, g);
    }
    g.projects.push(p);
  }
  const earliest = [...groups.values()].reduce(
    (m, g) => (g.periods[0] && g.periods[0].start < m ? g.periods[0].start : m),
    from,
  );
  const reports = projects.length
    ? ((
        await ctx.db.execute(sql`
          select id::text as id, project_id::text as project_id, period_start::text as period_start,
            (submitted_at at time zone ${ctx.config.timeZone})::date::text as submitted_on
          from status_reports
          where project_id = any(${sql.param(projects.map((p) => p.id))}::uuid[]) and archived_at is null
            and period_start between ${earliest}::date and ${to}::date`)
      ).rows as { id: string; project_id: string; period_start: string; submitted_on: string | null }[])
    : [];
  const reportOf = new Map(reports.map((r) => [`${r.project_id} ${r.period_start}`, r]));

  const counts = noCounts();
  const perProject = new Map<string, { counts: Counts; periods: unknown[] }>();
  for (const g of groups.values()) {
    const rule = { cadence: g.s.cadence, dueOffsetDays: g.s.dueDaysAfterPeriod };
    for (const period of g.periods) {
      const filed: FiledReport[] = [];
      for (const p of g.projects) {
        const r = reportOf.get(`${p.id} ${period.start}`);
        if (r?.submitted_on) filed.push({ projectId: p.id, submittedOn: r.submitted_on });
      }
      const summary = engineValue(
        reportingCompliance({
          period,
          rule,
          asOf,
          projects: g.projects.map((p) => ({ id: p.id, reportingFrom: p.planned_start })),
          reports: filed,
        }),
      );
      for (const c of summary.projects) {
        const entry = perProject.get(c.projectId) ?? { counts: noCounts(), periods: [] };
        perProject.set(c.projectId, entry);
        entry.counts[c.state]++;
        counts[c.state]++;
        entry.periods.push({
          key: period.key,
          start: period.start,
          end: period.end,
          dueOn: summary.deadline.due,
          state: c.state,
          submittedOn: c.submittedOn,
          daysLate: c.daysLate,
          reportId: reportOf.get(`${c.projectId} ${period.start}`)?.id ?? null,
        });
      }
    }
  }
  return {
    officeId,
    from,
    to,
    asOf,
    counts,
    late: counts['filed-late'] + counts.overdue,
    projects: projects.map((p) => ({
      projectId: p.id,
      code: p.code,
      name: p.name,
      officeId: p.office_id,
      counts: perProject.get(p.id)?.counts ?? noCounts(),
      periods: (perProject.get(p.id)?.periods ?? []) as never[],
    })),
  };
}
