/*
 * Reading a scenario's plan: why each candidate is in or out, and scenarios side by side.
 */
import type { Explanation, ScenarioComparison } from '@pharos/api';
import { type Scenario as EngineScenario, explainPlan, monthLabel, planUsage } from '@pharos/engine';
import { AppError } from '../errors';
import type { Ctx } from '../http/context';
import { getScenario } from './scenarios';

/** The plan's starts, if the plan still fits the scenario's candidates. */
function startsOf(sc: Awaited<ReturnType<typeof getScenario>>) {
  const starts = sc.plan?.starts;
  if (!starts || starts.length !== sc.body.candidates.length) return null;
  return starts;
}

export async function explanation(ctx: Ctx, id: string): Promise<Explanation> {
  const sc = await getScenario(ctx, id);
  const starts = startsOf(sc);
  if (!starts)
    throw new AppError('invalid_state', 'The scenario has no current plan yet: solve it or set one', 'plan');
  return explainPlan(sc.body, starts);
}

export async function compareScenarios(ctx: Ctx, ids: string[]): Promise<ScenarioComparison> {
  const list = await Promise.all(ids.map((id) => getScenario(ctx, id)));
  const scenarios = list.map((sc) => {
    const body: EngineScenario = sc.body;
    const starts = startsOf(sc);
    const u = starts ? planUsage(body, starts) : null;
    const costByYear = u
      ? u.lines.flatMap((line, l) =>
          Array.from({ length: u.years }, (_, y) => {
            const limit = u.limit[l * u.years + y]!;
            return {
              line,
              year: y,
              spend: u.spend[l * u.years + y]!,
              limit: Number.isFinite(limit) ? limit : null,
            };
          }),
        )
      : [];
    const roles = u
      ? u.roles.map((role, r) => {
          let demand = 0;
          let capacity = 0;
          let peak = 0;
          let overloadedMonths = 0;
          for (let m = 0; m < u.months; m++) {
            const d = u.demand[r * u.months + m]!;
            const c = u.capacity[r * u.months + m]!;
            demand += d;
            capacity += c;
            peak = Math.max(peak, c > 0 ? d / c : d > 0 ? Number.POSITIVE_INFINITY : 0);
            if (d > c + 1e-6) overloadedMonths++;
          }
          return { role, demand, capacity, peak: Number.isFinite(peak) ? peak : 999, overloadedMonths };
        })
      : [];
    return {
      id: String(sc.id),
      code: String(sc.code),
      name: String(sc.name),
      objective: body.objective,
      hasPlan: starts !== null,
      value: sc.plan?.value ?? null,
      gap: sc.plan?.gap ?? null,
      selected: starts ? body.candidates.filter((_, i) => starts[i] !== null).map((c) => c.id) : [],
      costByYear,
      roles,
      body,
      starts,
    };
  });
  // Candidates that some scenario has and that are not placed the same way everywhere.
  const names = new Map<string, string>();
  for (const s of scenarios) for (const c of s.body.candidates) names.set(c.id, c.name);
  const differences = [...names]
    .map(([candidate, name]) => ({
      candidate,
      name,
      starts: scenarios.map((s) => {
        const i = s.body.candidates.findIndex((c) => c.id === candidate);
        const at = i < 0 || !s.starts ? null : s.starts[i];
        return at === null || at === undefined ? null : monthLabel(s.body, at);
      }),
    }))
    .filter((d) => new Set(d.starts).size > 1)
    .sort((a, b) => a.candidate.localeCompare(b.candidate));
  return { scenarios: scenarios.map(({ body: _b, starts: _s, ...rest }) => rest), differences };
}
