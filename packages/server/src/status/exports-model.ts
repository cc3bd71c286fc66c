/*
 * Submitted status reports as the renderers take them (reporting/model.ts ProjectStatusReport),
 * built in bulk: the reports, their projects' header, the last twelve reports' colours and
 * SPI/CPI, the top open risks, issues and proposed decisions — a few statements for any number.
 */
import {
  isoDay,
  periodOf,
  RAG_DIMENSIONS,
  type RagRating,
  riskLevel,
  type StatusFacts,
} from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { topRaidOf } from '../raid/dashboard';
import type {
  KeyMetrics,
  Milestone,
  ProjectStatusReport,
  RagHistoryPoint,
  RatedDimension,
  ReportPeriod,
} from '../reporting/model';

type Row = Record<string, unknown>;

interface Stored {
  facts?: StatusFacts;
  currency?: string | null;
  entered?: { actualCost?: number | null; eac?: number | null; percentComplete?: number | null };
  measured?: {
    budget?: number | null;
    currency?: string | null;
    overdueIssues?: number;
    spi?: number | null;
  };
}

interface DimensionJson {
  suggested?: RagRating;
  rag?: RagRating;
  justification?: string;
  reasons?: { message?: string }[];
}

const rag = (v: unknown): RagRating => (v === 'green' || v === 'amber' || v === 'red' ? v : 'unknown');
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

export function periodOfRow(kind: string, start: string, end: string): ReportPeriod {
  const cadence = kind === 'biweekly' ? { kind, anchor: start } : { kind };
  const p = periodOf(start, cadence as never);
  return { label: p.ok ? p.value.key : start, cadence: kind as ReportPeriod['cadence'], start, end };
}

/** SPI and CPI of a report's metrics: measured, or CPI from % complete × budget ÷ actual cost. */
export function ratiosOf(m: Stored) {
  const spi = m.facts?.schedule?.spi ?? m.measured?.spi ?? null;
  const pct = m.entered?.percentComplete ?? m.facts?.cost?.percentComplete ?? null;
  const budget = m.measured?.budget ?? m.facts?.cost?.budget ?? null;
  const actual = m.entered?.actualCost ?? m.facts?.cost?.actualCost ?? null;
  const cpi =
    m.facts?.cost?.cpi ??
    (pct !== null && budget && actual ? Math.round(((pct / 100) * budget * 100) / actual) / 100 : null);
  return { spi, cpi, pct, budget, actual, eac: m.entered?.eac ?? m.facts?.cost?.eac ?? null };
}

function keyMetrics(m: Stored, asOf: string): KeyMetrics {
  const r = ratiosOf(m);
  const milestones: Milestone[] = (m.facts?.schedule?.milestones ?? [])
    .filter((x) => !x.done)
    .map((x) => {
      const expected = [x.forecast ?? x.baseline, asOf].sort().at(-1)!;
      return {
        name: x.name ?? x.id,
        due: x.baseline,
        forecast: x.forecast ?? null,
        slipDays: days(x.baseline, expected),
      };
    });
  const bands = { critical: 0, high: 0, medium: 0, low: 0 };
  for (const risk of m.facts?.risk?.risks ?? []) bands[riskLevel(risk.score)]++;
  return {
    spi: r.spi,
    cpi: r.cpi,
    percentComplete: r.pct,
    currency: m.currency ?? m.measured?.currency ?? 'EUR',
    budget: r.budget,
    actual: r.actual,
    eac: r.eac,
    nextMilestones: milestones
      .filter((x) => x.slipDays <= 0)
      .sort((a, b) => a.due.localeCompare(b.due))
      .slice(0, 4),
    slippedMilestones: milestones.filter((x) => x.slipDays > 0).sort((a, b) => b.slipDays - a.slipDays),
    openRisks: bands,
    overdueIssues: m.measured?.overdueIssues ?? 0,
  };
}

function rated(d: DimensionJson | undefined): RatedDimension {
  const reported = rag(d?.rag);
  const suggested = rag(d?.suggested);
  return {
    suggested,
    reported,
    reasons: (d?.reasons ?? []).flatMap((x) => (x.message ? [x.message] : [])),
    justification: d?.justification?.trim() ? d.justification : null,
  };
}

/** The report models of some submitted reports (by id), in the order given. */
export async function reportModels(tx: Tx, reportIds: readonly string[]): Promise<ProjectStatusReport[]> {
  if (reportIds.length === 0) return [];
  const rows = (
    await tx.execute(sql`
      select r.id, r.project_id, r.period_kind, r.period_start::text as period_start,
        r.period_end::text as period_end, r.as_of::text as as_of, r.overall_rag, r.overall_suggested,
        r.overall_justification, r.dimensions, r.narrative, r.metrics, sb.name as submitted_by,
        p.code, p.name, p.phase, m.name as manager, sp.name as sponsor, o.name as office,
        g.name as program, f.name as portfolio
      from status_reports r
      join projects p on p.id = r.project_id
      join offices o on o.id = p.office_id
      left join programs g on g.id = p.program_id
      left join portfolios f on f.id = p.portfolio_id
      left join users m on m.id = p.manager_id
      left join users sp on sp.id = p.sponsor_id
      left join users sb on sb.id = coalesce(r.submitted_by, r.author_id)
      where r.id = any(${sql.param([...reportIds])}::uuid[])`)
  ).rows as Row[];
  const projectIds = rows.map((r) => r.project_id as string);
  const history = (
    await tx.execute(sql`
      select * from (
        select r.project_id, r.period_kind, r.period_start::text as period_start, r.period_end::text as period_end,
          r.overall_rag, r.schedule_rag, r.cost_rag, r.scope_rag, r.risk_rag, r.quality_rag, r.resources_rag,
          r.metrics, row_number() over (partition by r.project_id order by r.period_start desc) as n
        from status_reports r
        join unnest(${sql.param(rows.map((r) => r.project_id as string))}::uuid[],
          ${sql.param(rows.map((r) => r.period_start as string))}::date[]) as k(p, s)
          on r.project_id = k.p and r.period_start <= k.s
        where r.state = 'submitted' and r.archived_at is null
      ) x where n <= 12 order by project_id, period_start`)
  ).rows as Row[];
  const raid = await topRaidOf(tx, projectIds);
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return reportIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const project = r.project_id as string;
    const m = (r.metrics ?? {}) as Stored;
    const dims = (r.dimensions ?? {}) as Record<string, DimensionJson>;
    const narrative = (r.narrative ?? {}) as Record<string, string>;
    const mine = raid.filter((x) => x.projectId === project);
    const points: RagHistoryPoint[] = history
      .filter((h) => h.project_id === project)
      .map((h) => {
        const ratios = ratiosOf((h.metrics ?? {}) as Stored);
        return {
          period: periodOfRow(h.period_kind as string, h.period_start as string, h.period_end as string)
            .label,
          overall: rag(h.overall_rag),
          dimensions: Object.fromEntries(
            RAG_DIMENSIONS.map((d) => [d, rag(h[`${d}_rag`])]),
          ) as RagHistoryPoint['dimensions'],
          spi: ratios.spi,
          cpi: ratios.cpi,
        };
      });
    const asOf = day(r.as_of);
    const today = isoDay(Math.floor(Date.now() / 86_400_000));
    return [
      {
        project: {
          code: r.code as string,
          name: r.name as string,
          manager: (r.manager as string | null) ?? '—',
          sponsor: (r.sponsor as string | null) ?? '—',
          office: r.office as string,
          program: (r.program as string | null) ?? null,
          portfolio: (r.portfolio as string | null) ?? null,
          phase: r.phase as string,
        },
        period: periodOfRow(r.period_kind as string, r.period_start as string, r.period_end as string),
        reportDate: asOf,
        submittedBy: (r.submitted_by as string | null) ?? null,
        overall: {
          suggested: rag(r.overall_suggested),
          reported: rag(r.overall_rag),
          reasons: [],
          justification: String(r.overall_justification ?? '').trim()
            ? String(r.overall_justification)
            : null,
        },
        dimensions: Object.fromEntries(
          RAG_DIMENSIONS.map((d) => [d, rated(dims[d])]),
        ) as ProjectStatusReport['dimensions'],
        narrative: {
          done: narrative.done ?? '',
          next: narrative.next ?? '',
          issues: narrative.issues ?? '',
          helpNeeded: narrative.helpNeeded ?? '',
        },
        metrics: keyMetrics(m, asOf),
        topRisks: mine
          .filter((x) => x.kind === 'risk')
          .map((x) => ({
            ref: x.code,
            title: x.title,
            owner: x.owner || '—',
            probability: x.probability ?? 0,
            impact: x.impact ?? 0,
            score: x.score ?? 0,
            response: x.response,
          })),
        topIssues: mine
          .filter((x) => x.kind === 'issue')
          .map((x) => ({
            ref: x.code,
            title: x.title,
            owner: x.owner || '—',
            severity: (x.severity ?? 'medium') as 'low' | 'medium' | 'high' | 'critical',
            due: x.dueOn,
            overdue: x.dueOn !== null && x.dueOn < today,
            escalated: x.escalated,
          })),
        decisionsNeeded: mine
          .filter((x) => x.kind === 'decision')
          .map((x) => ({ ref: x.code, title: x.title, decider: x.owner || '—', neededBy: x.dueOn })),
        history: points,
      },
    ];
  });
}
