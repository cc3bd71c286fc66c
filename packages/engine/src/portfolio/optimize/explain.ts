/*
 * Why each candidate is in or out of a plan. An excluded one: the rules that keep it out whatever
 * its start, the start where it would need the least extra budget and capacity and how much, and
 * which selected candidates could make room for it. An included one: the limits it runs up
 * against and the excluded candidates it keeps out. Arithmetic on the plan's usage (usage.ts), no
 * solver, so the web app can ask on a click.
 *
 * Limits are "slots" in one index space: budget (line, year) first, then capacity (role, month).
 * Dropping a candidate drops its selected dependents with it (its closure); must-dos and
 * candidates fixed in are never dropped.
 */
import type { Scenario } from '../scenario';
import { better, type Ctx, context, NONE, type Short, shortAt, useOf } from './explain-context';
import { displacedBy, displaceFor } from './explain-room';
import { monthLabel, yearLabel } from './prepare';

export interface Shortfall {
  kind: 'budget' | 'capacity';
  /** The model's row label: `budget capex 2027`, `capacity Developer 2027-03`. */
  label: string;
  /** The budget line or the role. */
  resource: string;
  /** The budget year or the horizon month. */
  period: number;
  limit: number;
  /** Used by the rest of the plan. */
  used: number;
  /** What the candidate would add. */
  needed: number;
  /** How much more limit would let it in at this start: used + needed − limit. */
  short: number;
}

export interface ExclusionReason {
  candidate: string;
  /** Its value under the scenario's objective (to weigh against `displace[].valueLost`). */
  value: number;
  /** Rules that keep it out whatever its start. */
  rules: string[];
  /** The start (within its window) needing the least extra limit (sum of shorts as shares of their limits); null when it has none. */
  bestStart: number | null;
  shortfalls: Shortfall[];
  /** Total extra budget (minor units) and capacity (hours) that would let it in at bestStart. */
  extraBudget: number;
  extraHours: number;
  /** Selected candidates whose dropping makes room for it at some start: least value lost first, at most 3. */
  displace: { ids: string[]; valueLost: number }[];
}

export interface InclusionReason {
  candidate: string;
  start: number;
  value: number;
  mustDo: boolean;
  fixedIn: boolean;
  /** Excluded candidates that would fit were it (and its dependents) dropped, added greedily by value. */
  displaces: string[];
  displacedValue: number;
  /** Model row labels of the limits it draws on that the plan uses to within 1 %. */
  binding: string[];
}

export function explainPlan(
  scenario: Scenario,
  starts: readonly (number | null)[],
): { excluded: ExclusionReason[]; included: InclusionReason[] } {
  const ctx = context(scenario, starts);
  const { ix, start } = ctx;
  const cands = scenario.candidates;
  const out = cands.flatMap((_, i) => (start[i] === NONE ? [i] : []));
  const excluded = out.map((i) => exclusion(ctx, i));
  // Candidates that could come in when room is freed: worth something, not fixed out, not fitting already.
  const order = out
    .filter((j) => ix.value[j]! > 0 && ctx.p.fixed[j] !== 2 && !ctx.fitsNow[j])
    .sort((a, b) => ix.value[b]! - ix.value[a]! || a - b);
  const included: InclusionReason[] = [];
  for (let i = 0; i < cands.length; i++) {
    if (start[i] === NONE) continue;
    const c = cands[i]!;
    const displaced = displacedBy(ctx, i, order);
    included.push({
      candidate: c.id,
      start: start[i]!,
      value: ix.value[i]!,
      mustDo: !!c.mustDo,
      fixedIn: c.fixed === 'in',
      displaces: displaced.map((j) => cands[j]!.id),
      displacedValue: displaced.reduce((a, j) => a + ix.value[j]!, 0),
      binding: binding(ctx, i),
    });
  }
  return { excluded, included };
}

function exclusion(ctx: Ctx, i: number): ExclusionReason {
  const { scenario, p, start } = ctx;
  const cands = scenario.candidates;
  const c = cands[i]!;
  const rules: string[] = [];
  if (c.fixed === 'out') rules.push(`${c.name} is fixed out`);
  const window = p.lo[i]! <= p.hi[i]!;
  if (!window) rules.push(`${c.name} has no start month in its window within the horizon`);
  let lo = p.lo[i]!;
  for (const d of p.depsTo[i]!) {
    const a = cands[d.from]!.name;
    if (start[d.from] === NONE) rules.push(`${c.name} ${d.kind} ${a}, which is not selected`);
    else if (d.kind === 'after') {
      const end = start[d.from]! + p.duration[d.from]!;
      lo = Math.max(lo, end);
      if (window && end > p.hi[i]!)
        rules.push(
          `${c.name} after ${a}, which ends in ${monthLabel(scenario, end)}, after its latest start`,
        );
    }
  }
  const hard = rules.length > 0;
  for (const g of p.groupsOf[i]!) {
    const group = p.exclusions[g]!;
    const chosen = group.filter((k) => start[k] !== NONE);
    if (chosen.length)
      rules.push(
        `at most one of ${group.map((k) => cands[k]!.name).join(', ')} (${chosen.map((k) => cands[k]!.name).join(', ')} selected)`,
      );
  }
  const shorts: Short[] = [];
  for (let s = p.lo[i]!; s <= p.hi[i]!; s++) shorts.push(shortAt(ctx, i, s));
  ctx.shorts[i] = shorts;
  let best: Short | undefined;
  for (let s = lo; s <= p.hi[i]!; s++) {
    const t = shorts[s - p.lo[i]!]!;
    if (!best || better(t, best, c.plannedStart) < 0) best = t;
  }
  if (best && !rules.length && !best.slots.length) ctx.fitsNow[i] = 1;
  const shortfalls = best ? best.slots.map((r, q) => shortfall(ctx, r, best.short[q]!, best.need[q]!)) : [];
  const sum = (kind: Shortfall['kind']) =>
    shortfalls.reduce((a, f) => (f.kind === kind ? a + f.short : a), 0);
  return {
    candidate: c.id,
    value: ctx.ix.value[i]!,
    rules,
    bestStart: best ? best.s : null,
    shortfalls,
    extraBudget: sum('budget'),
    extraHours: sum('capacity'),
    displace: best && !hard ? displaceFor(ctx, i, lo) : [],
  };
}

function shortfall(ctx: Ctx, r: number, short: number, needed: number): Shortfall {
  const { scenario, ix, nb } = ctx;
  const limit = ctx.limit[r]!;
  const used = ctx.used[r]!;
  if (r < nb) {
    const resource = ix.lines[Math.floor(r / ix.years)]!;
    const period = r % ix.years;
    const label = `budget ${resource} ${yearLabel(scenario, period)}`;
    return { kind: 'budget', label, resource, period, limit, used, needed, short };
  }
  const resource = ix.roles[Math.floor((r - nb) / ix.months)]!;
  const period = (r - nb) % ix.months;
  const label = `capacity ${resource} ${monthLabel(scenario, period)}`;
  return { kind: 'capacity', label, resource, period, limit, used, needed, short };
}

function binding(ctx: Ctx, i: number): string[] {
  return useOf(ctx, i, ctx.start[i]!)
    .filter(([r, x]) => {
      const limit = ctx.limit[r]!;
      return x > 0 && Number.isFinite(limit) && ctx.used[r]! >= limit - 0.01 * Math.abs(limit);
    })
    .sort((a, b) => a[0] - b[0])
    .map(([r, x]) => shortfall(ctx, r, 0, x).label);
}
