import type { ScenarioBodyT } from '@pharos/api';
import { checkPlan, type PlanUsage } from '@pharos/engine';
import { engineScenario } from './plan-state';
import { budgetYear, monthName } from './scenario-format';

/**
 * What a plan edited by hand breaks, in words: the rules (must-do, fixed, windows, dependencies,
 * exclusions) from the engine's plan check with candidates named, then each budget line and year
 * over its limit, then each role over capacity (how many months, and the worst one).
 */
export function breaches(
  body: ScenarioBodyT,
  starts: readonly (number | null)[],
  usage: PlanUsage,
  money: (minor: number) => string,
): string[] {
  const names = new Map(body.candidates.map((c) => [c.id, c.name]));
  const rules = checkPlan(engineScenario(body), starts)
    .violations.filter((v) => !v.startsWith('budget ') && !v.startsWith('capacity '))
    .map((v) => v.replace(/[^\s,()]+/g, (w) => names.get(w) ?? w));
  const budget = usage.overspends.map(
    (o) => `${o.line} ${budgetYear(body.horizon, o.year)}: ${money(o.spend)} of ${money(o.limit)}`,
  );
  const roles = new Map<string, { months: number; worst: number; at: number }>();
  for (const o of usage.overloads) {
    const r = roles.get(o.role) ?? { months: 0, worst: 0, at: 0 };
    const share = o.capacity > 0 ? o.demand / o.capacity : Number.POSITIVE_INFINITY;
    r.months++;
    if (share > r.worst) Object.assign(r, { worst: share, at: o.month });
    roles.set(o.role, r);
  }
  const capacity = [...roles].map(
    ([role, r]) =>
      `${role} over capacity in ${r.months} month${r.months === 1 ? '' : 's'} (worst ${monthName(body.horizon, r.at)}${
        Number.isFinite(r.worst) ? `, ${Math.round(r.worst * 100)}%` : ''
      })`,
  );
  return [...rules, ...budget, ...capacity];
}
