/*
 * The portfolio (or program) deck as the renderers take it (reporting/model.ts PortfolioDeck),
 * filled from the scope's roll-up window, the dashboard's sections and the reports themselves:
 * every project's row, the movers, red dimensions, escalations, decisions waiting, late reports,
 * and the full report of each project needing attention. The health table is the same model.
 */
import type { HealthScopeKind } from '@pharos/api';
import { isoDay } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../http/context';
import type { DeckProject, PortfolioDeck, ProjectStatusReport } from '../reporting/index';
import { attentionEntries, attentionOf, complianceOf, moversOf } from './dashboard-health';
import { scopeDecisions, scopeEscalations } from './dashboard-items';
import { ratiosOf, reportModels } from './exports-model';
import { type ScopeWindow, scopeWindow } from './rollup';
import { lineAt, lineBefore, ratingsOf } from './rollup-periods';
import { boardIndex } from './rollup-state';
import { ruleOf } from './rollup-structure';

export const SCORE = { red: 3, amber: 2, green: 1, unknown: 0 } as const;

/** Manager, program and phase of the deck's projects, and the metrics of their reports for the period. */
export async function deckFacts(ctx: Ctx, sw: ScopeWindow, ids: string[]) {
  const byId = new Map(sw.projects.map((p) => [p.id, p]));
  const starts = ids.map((id) => {
    const p = byId.get(id)!;
    const slots = sw.lens.slots(ruleOf(sw.structure, p.officeId));
    return isoDay(slots[slots.length - 1]!.start);
  });
  const rows = (
    await ctx.db.execute(sql`
      select p.id, p.phase, u.name as manager, g.name as program, r.id as report_id, r.metrics
      from unnest(${sql.param(ids)}::uuid[], ${sql.param(starts)}::date[]) as k(id, s)
      join projects p on p.id = k.id
      left join users u on u.id = p.manager_id
      left join programs g on g.id = p.program_id
      left join status_reports r on r.project_id = k.id and r.period_start = k.s
        and r.state = 'submitted' and r.archived_at is null`)
  ).rows as Record<string, unknown>[];
  return new Map(rows.map((r) => [r.id as string, r]));
}

/** The deck (and the health table) of a scope; `withReports` adds each attention project's full report. */
export async function deckModel(
  ctx: Ctx,
  q: { scope: HealthScopeKind; id?: string | undefined; period?: string | undefined },
  withReports: boolean,
): Promise<PortfolioDeck> {
  const sw = await scopeWindow(ctx, { ...q, periods: 13 });
  const last = sw.window.codes.length - 1;
  const projects = sw.projects.filter((_, i) => sw.window.now[i] !== undefined);
  const facts = await deckFacts(
    ctx,
    sw,
    projects.map((p) => p.id),
  );
  const movers = moversOf(sw);
  const compliance = complianceOf(sw);
  const late = new Map(compliance.late.map((l) => [l.projectId, l]));
  const attention = attentionOf(sw);
  const reasons = await attentionEntries(ctx, sw, attention);
  const needs = new Set([
    ...attention.map((a) => a.project.id),
    ...movers.filter((m) => m.to !== 'green').map((m) => m.projectId),
  ]);
  const currency = new Map<string, number>();
  const rows: DeckProject[] = projects.map((p) => {
    const slots = sw.lens.slots(ruleOf(sw.structure, p.officeId));
    const now = lineAt(p, slots[last]!);
    const before = lineBefore(p, now ?? { start: Infinity, end: Infinity });
    const f = facts.get(p.id) ?? {};
    const m = (f.metrics ?? {}) as Parameters<typeof ratiosOf>[0];
    const ratios = ratiosOf(m);
    if (m.currency) currency.set(m.currency, (currency.get(m.currency) ?? 0) + 1);
    const overall = now?.overall ?? 'unknown';
    const previous = now ? (before?.overall ?? 'unknown') : 'unknown';
    // How the overall colour moved (the deck's trend); worse dimensions alone are the movers' business.
    const trend =
      !now || !before || previous === 'unknown'
        ? 'new'
        : SCORE[overall] > SCORE[previous]
          ? 'worsening'
          : SCORE[overall] < SCORE[previous]
            ? 'improving'
            : 'steady';
    const dims = now ? ratingsOf(now).dimensions : {};
    return {
      code: p.code,
      name: p.name,
      manager: (f.manager as string | null) ?? '—',
      program: (f.program as string | null) ?? null,
      phase: (f.phase as string | undefined) ?? '',
      overall,
      previousOverall: previous,
      trend,
      dimensions: Object.fromEntries(
        (['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'] as const).map((d) => [
          d,
          dims[d] ?? 'unknown',
        ]),
      ) as DeckProject['dimensions'],
      spi: ratios.spi,
      cpi: ratios.cpi,
      percentComplete: ratios.pct,
      budget: ratios.budget,
      eac: ratios.eac,
      lastReportDate: (() => {
        const l = lineBefore(p, { start: Infinity, end: Infinity });
        return l ? isoDay(l.submitted ?? l.end) : null;
      })(),
      reportState: !now ? 'missing' : late.get(p.id)?.state === 'filed-late' ? 'late' : 'on-time',
      needsAttention: !!now && needs.has(p.id),
    };
  });
  const counts: PortfolioDeck['counts'] = { red: 0, amber: 0, green: 0, unknown: 0 };
  for (const r of rows) counts[r.overall]++;
  const items = { ctx, scope: sw.scope, structure: sw.structure, projects: boardIndex(sw.state) };
  const [escalations, decisions] = [await scopeEscalations(items), await scopeDecisions(items)];
  const period = sw.lens.periods[last]!;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const idByCode = new Map(projects.map((p) => [p.code, p.id]));
  const attentionIds = rows
    .filter((r) => r.needsAttention)
    .sort((a, b) => SCORE[b.overall] - SCORE[a.overall] || a.code.localeCompare(b.code))
    .map((r) => facts.get(idByCode.get(r.code)!)?.report_id as string)
    .filter(Boolean);
  const attentionReports: ProjectStatusReport[] = withReports ? await reportModels(ctx.db, attentionIds) : [];
  const rollup = sw.rule.rollup;
  const office = sw.scope.officeId ? sw.structure.offices.get(sw.scope.officeId)?.name : undefined;
  return {
    portfolio: {
      code: sw.scope.code ?? 'ORG',
      name: sw.scope.name,
      kind: sw.scope.kind === 'program' ? 'program' : 'portfolio',
      office: office ?? 'All offices',
    },
    period: { label: period.key, cadence: period.kind, start: period.start, end: period.end },
    reportDate: isoDay(sw.asOf),
    currency: [...currency.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'EUR',
    rollup:
      rollup.method === 'worst'
        ? 'worst'
        : rollup.by === 'budget'
          ? 'weighted by budget'
          : 'weighted by priority',
    projects: rows,
    counts,
    worstMovers: movers.slice(0, 8).map((m) => {
      const why = reasons.find((r) => r.projectId === m.projectId)?.reasons[0]?.text;
      const dims = m.worsened.map((w) => `${w.dimension} ${w.from} → ${w.to}`).join(', ');
      return {
        code: m.code,
        name: m.name,
        from: m.from,
        to: m.to,
        why: why ?? (dims || `overall ${m.from} → ${m.to}`),
      };
    }),
    redDimensions: reasons.flatMap((a) =>
      a.redDimensions.map((d) => ({
        code: a.code,
        name: a.name,
        dimension: d,
        why: a.reasons.find((r) => r.dimension === d)?.text ?? 'Rated red',
      })),
    ),
    escalations: escalations.map((e) => ({
      ref: e.code,
      title: e.title,
      code: e.projectCode ?? e.register,
      kind: e.kind === 'risk' ? 'risk' : 'issue',
      fromOffice: e.fromOffice ?? '—',
      toOffice: e.toOffice,
      since: e.since,
      owner: e.owner || '—',
    })),
    decisionsWaiting: decisions.map((d) => ({
      ref: d.code ?? { decision: 'Decision', gate: 'Gate', change: 'Change', stop: 'Stop' }[d.kind],
      title: d.title,
      decider:
        d.kind === 'change'
          ? d.detail
          : d.kind === 'gate'
            ? 'The gate approvers'
            : d.kind === 'stop'
              ? 'Sponsor and portfolio board'
              : 'The decision owner',
      neededBy: d.dueOn,
      code: d.projectCode ?? '',
      raised: d.since,
    })),
    lateReports: compliance.late.flatMap((l) => {
      const r = byCode.get(l.code);
      return [
        {
          code: l.code,
          name: l.name,
          manager: r?.manager ?? '—',
          due: l.due,
          state: l.state === 'missing' ? ('missing' as const) : ('late' as const),
          daysLate: l.daysLate ?? 0,
        },
      ];
    }),
    attention: attentionReports,
  };
}
