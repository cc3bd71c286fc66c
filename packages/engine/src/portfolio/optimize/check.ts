/*
 * A plan checked against its scenario in plain code, straight from the Scenario (not from the
 * model's arrays): its value under the objective, and every limit, dependency, exclusion and
 * fixed choice it breaks. The oracle of the optimizer's tests, and the web app's live check while a
 * project is dragged on the timeline.
 */
import type { Scenario } from '../scenario';
import { candidateValue } from './prepare';

export interface PlanCheck {
  value: number;
  /** Human-readable breaches; empty when the plan is feasible. */
  violations: string[];
}

/** `starts[i]` is candidate i's start month, or null when it is not selected. */
export function checkPlan(
  scenario: Scenario,
  starts: readonly (number | null)[],
  tolerance = 1e-6,
): PlanCheck {
  const violations: string[] = [];
  const months = scenario.horizon.months;
  const byId = new Map(scenario.candidates.map((c, i) => [c.id, i]));
  const start = (id: string) => starts[byId.get(id) ?? -1] ?? null;
  let value = 0;
  const spent = new Map<string, number>();
  const used = new Map<string, number>();
  scenario.candidates.forEach((c, i) => {
    const s = starts[i] ?? null;
    if (s === null) {
      if (c.mustDo || c.fixed === 'in') violations.push(`${c.id} must be selected`);
      return;
    }
    if (c.fixed === 'out') violations.push(`${c.id} is fixed out`);
    if (
      c.shiftable
        ? s < Math.max(0, c.earliestStart) || s > Math.min(months - 1, c.latestStart)
        : s !== c.plannedStart
    )
      violations.push(`${c.id} starts in month ${s}, outside its window`);
    value += candidateValue(scenario, c);
    for (const x of c.cost) {
      const m = s + x.month;
      if (m < 0 || m >= months) continue;
      const k = `${x.line}|${Math.floor(m / 12)}`;
      spent.set(k, (spent.get(k) ?? 0) + x.amount);
    }
    for (const d of c.demand) {
      const m = s + d.month;
      if (m < 0 || m >= months) continue;
      const k = `${d.role}|${m}`;
      used.set(k, (used.get(k) ?? 0) + d.hours);
    }
  });
  const over = (use: number, limit: number) => use > limit + tolerance * Math.max(1, Math.abs(limit));
  const limits = new Map<string, number>();
  for (const b of scenario.budget) {
    const k = `${b.line}|${b.year}`;
    limits.set(k, Math.min(limits.get(k) ?? Number.POSITIVE_INFINITY, b.limit));
  }
  for (const [k, limit] of limits)
    if (over(spent.get(k) ?? 0, limit)) violations.push(`budget ${k}: ${spent.get(k)} > ${limit}`);
  const hours = new Map<string, number>();
  for (const c of scenario.capacity) {
    const k = `${c.role}|${c.month}`;
    hours.set(k, (hours.get(k) ?? 0) + c.hours);
  }
  for (const [k, use] of used)
    if (over(use, hours.get(k) ?? 0)) violations.push(`capacity ${k}: ${use} > ${hours.get(k) ?? 0}`);
  for (const d of scenario.dependencies) {
    const a = start(d.from);
    const b = start(d.to);
    if (b === null) continue;
    if (a === null) violations.push(`${d.to} needs ${d.from}`);
    else if (d.kind === 'after') {
      const dur = Math.max(1, Math.floor(scenario.candidates[byId.get(d.from)!]!.duration));
      if (b < a + dur) violations.push(`${d.to} starts in ${b}, before ${d.from} ends (${a + dur})`);
    }
  }
  for (const g of scenario.exclusions) {
    const chosen = [...new Set(g)].filter((id) => start(id) !== null);
    if (chosen.length > 1) violations.push(`only one of ${chosen.join(', ')}`);
  }
  return { value, violations };
}
