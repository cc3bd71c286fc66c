/*
 * GET /health/dashboard: what needs the caller's attention today, in one answer — headline counts,
 * the projects red overall or in a dimension and why, the worst movers, escalations, decisions
 * waiting and late reports, each entry leading to its project. Computed from the scope's window
 * (rollup.ts) and remembered per scope and caller until the next write.
 */
import type { HealthDashboardT } from '@pharos/api';
import { isoDay } from '@pharos/engine';
import { inArray } from 'drizzle-orm';
import { users } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { attentionEntries, attentionOf, complianceOf, moversOf } from './dashboard-health';
import { scopeDecisions, scopeEscalations } from './dashboard-items';
import { describeRule, healthRollup, type ScopeQuery, scopeWindow } from './rollup';
import { boardIndex, derived } from './rollup-state';

/** How many entries each list shows (its total says how many there are). */
export const DASHBOARD_LIMIT = 50;
const MOVERS_SHOWN = 10;

const listed = <T>(items: T[], limit = DASHBOARD_LIMIT) => ({
  items: items.slice(0, limit),
  total: items.length,
});

async function managerNames(ctx: Ctx, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function healthDashboard(ctx: Ctx, q: ScopeQuery): Promise<HealthDashboardT> {
  const sw = await scopeWindow(ctx, q);
  return ctx.reads.memo(`${sw.key}:dashboard:${ctx.actor?.userId ?? 'system'}`, async () => {
    const rollup = await healthRollup(ctx, { ...q, children: 0 });
    const items = { ctx, scope: sw.scope, structure: sw.structure, projects: boardIndex(sw.state) };
    // Pure functions of the window: kept with it across writes that do not touch health.
    const attention = await derived(sw.state, `${sw.key}:attention`, async () => attentionOf(sw));
    const movers = await derived(sw.state, `${sw.key}:movers`, async () => moversOf(sw));
    const compliance = await derived(sw.state, `${sw.key}:compliance`, async () => complianceOf(sw));
    const [escalations, decisions] = [await scopeEscalations(items), await scopeDecisions(items)];
    const shownLate = compliance.late.slice(0, DASHBOARD_LIMIT);
    const names = await managerNames(
      ctx,
      shownLate.map((l) => l.managerId),
    );
    const { current } = sw.window;
    const period = sw.lens.periods[sw.lens.periods.length - 1]!;
    return {
      scope: rollup.scope,
      period: rollup.period,
      asOf: isoDay(sw.asOf),
      rule: describeRule(sw),
      headline: {
        projects: current.projects,
        overall: rollup.overall,
        redProjects: current.overall.counts.red,
        redDimensions: attention.filter((a) => a.red.length > 0).length,
        worsening: movers.length,
        escalations: escalations.length,
        decisions: decisions.length,
        lateReports: compliance.counts.filedLate + compliance.counts.overdue,
        missingReports: current.overall.counts.missing,
      },
      trend: rollup.trend,
      attention: {
        items: await attentionEntries(ctx, sw, attention.slice(0, DASHBOARD_LIMIT)),
        total: attention.length,
      },
      worstMovers: listed(movers, MOVERS_SHOWN),
      escalations: listed(escalations),
      decisions: listed(decisions),
      compliance: {
        period: rollup.period ?? period,
        counts: compliance.counts,
        late: {
          items: shownLate.map(({ managerId, ...l }) => ({
            ...l,
            manager: managerId ? (names.get(managerId) ?? null) : null,
          })),
          total: compliance.late.length,
        },
      },
    };
  });
}
