/*
 * Budget and capacity use of a plan: hours demanded per role and month against capacity, spend per
 * budget line and year against its limit, and the cells that overflow. What the timeline's
 * histograms show, recomputed while a project is dragged: `moveInUsage` moves one candidate in
 * time proportional to that candidate's size. Same semantics as `checkPlan` (costs and demand
 * outside the horizon are ignored; two limits for one line and year: the tighter holds).
 *
 * The scenario's entries are indexed once per scenario object (a WeakMap): a scenario is treated
 * as immutable, so an edited scenario must be a new object.
 */
import type { Scenario } from '../scenario';
import { candidateValue } from './prepare';

export interface PlanUsage {
  months: number;
  roles: string[];
  lines: string[];
  years: number;
  /** roles.length × months, row-major: hours demanded per role per month. */
  demand: Float64Array;
  /** Same shape as `demand` (shared between usages of one scenario: read only). */
  capacity: Float64Array;
  /** lines.length × years: spend per budget line and year. */
  spend: Float64Array;
  /** Same shape as `spend`, Infinity where there is no limit (shared: read only). */
  limit: Float64Array;
  /** Plan value under the scenario's objective. */
  value: number;
  overloads: { role: string; month: number; demand: number; capacity: number }[];
  overspends: { line: string; year: number; spend: number; limit: number }[];
}

/** A scenario's limits and entries by index; the candidates' entries in CSR form. */
export interface UsageIndex {
  months: number;
  years: number;
  /** Roles with capacity first, then roles only demanded (the order `prepare` uses). */
  roles: string[];
  /** Lines with a budget first, then lines only spent on. */
  lines: string[];
  capacity: Float64Array;
  limit: Float64Array;
  value: Float64Array;
  /** Candidate i's costs are entries costAt[i] .. costAt[i + 1] − 1. */
  costAt: Int32Array;
  costLine: Int32Array;
  costMonth: Int32Array;
  costAmount: Float64Array;
  demandAt: Int32Array;
  demandRole: Int32Array;
  demandMonth: Int32Array;
  demandHours: Float64Array;
}

const cache = new WeakMap<Scenario, UsageIndex>();

/** The scenario indexed for usage, built on first use and kept while the scenario object lives. */
export function usageIndex(scenario: Scenario): UsageIndex {
  const ix = cache.get(scenario) ?? buildIndex(scenario);
  cache.set(scenario, ix);
  return ix;
}

function buildIndex(scenario: Scenario): UsageIndex {
  const months = Math.max(0, Math.floor(scenario.horizon.months)) || 0;
  const years = Math.ceil(months / 12);
  const named = (names: string[], index: Map<string, number>) => (name: string) =>
    index.get(name) ?? index.set(name, names.push(name) - 1).get(name)!;
  const roles: string[] = [];
  const role = named(roles, new Map());
  const lines: string[] = [];
  const line = named(lines, new Map());
  for (const c of scenario.capacity) role(c.role);
  for (const b of scenario.budget) line(b.line);
  const cands = scenario.candidates;
  const costAt = new Int32Array(cands.length + 1);
  const demandAt = new Int32Array(cands.length + 1);
  cands.forEach((c, i) => {
    costAt[i + 1] = costAt[i]! + c.cost.length;
    demandAt[i + 1] = demandAt[i]! + c.demand.length;
  });
  const costLine = new Int32Array(costAt[cands.length]!);
  const costMonth = new Int32Array(costLine.length);
  const costAmount = new Float64Array(costLine.length);
  const demandRole = new Int32Array(demandAt[cands.length]!);
  const demandMonth = new Int32Array(demandRole.length);
  const demandHours = new Float64Array(demandRole.length);
  cands.forEach((c, i) => {
    c.cost.forEach((x, k) => {
      costLine[costAt[i]! + k] = line(x.line);
      costMonth[costAt[i]! + k] = x.month;
      costAmount[costAt[i]! + k] = x.amount;
    });
    c.demand.forEach((d, k) => {
      demandRole[demandAt[i]! + k] = role(d.role);
      demandMonth[demandAt[i]! + k] = d.month;
      demandHours[demandAt[i]! + k] = d.hours;
    });
  });
  const capacity = new Float64Array(roles.length * months);
  for (const c of scenario.capacity)
    if (c.month >= 0 && c.month < months) capacity[role(c.role) * months + c.month]! += c.hours;
  const limit = new Float64Array(lines.length * years).fill(Number.POSITIVE_INFINITY);
  for (const b of scenario.budget)
    if (b.year >= 0 && b.year < years) {
      const slot = line(b.line) * years + b.year;
      limit[slot] = Math.min(limit[slot]!, b.limit);
    }
  const value = Float64Array.from(cands, (c) => candidateValue(scenario, c));
  return {
    months,
    years,
    roles,
    lines,
    capacity,
    limit,
    value,
    costAt,
    costLine,
    costMonth,
    costAmount,
    demandAt,
    demandRole,
    demandMonth,
    demandHours,
  };
}

/** Adds `sign` × candidate i's use at start s to spend and demand. */
export function addUse(
  ix: UsageIndex,
  spend: Float64Array,
  demand: Float64Array,
  i: number,
  s: number,
  sign: number,
): void {
  const { months, years } = ix;
  for (let e = ix.costAt[i]!; e < ix.costAt[i + 1]!; e++) {
    const m = s + ix.costMonth[e]!;
    if (m >= 0 && m < months)
      spend[ix.costLine[e]! * years + Math.floor(m / 12)]! += sign * ix.costAmount[e]!;
  }
  for (let e = ix.demandAt[i]!; e < ix.demandAt[i + 1]!; e++) {
    const m = s + ix.demandMonth[e]!;
    if (m >= 0 && m < months) demand[ix.demandRole[e]! * months + m]! += sign * ix.demandHours[e]!;
  }
}

/** Use above a limit, with `checkPlan`'s tolerance. */
export const exceeds = (use: number, limit: number) => use > limit + 1e-6 * Math.max(1, Math.abs(limit));

function withLists(ix: UsageIndex, demand: Float64Array, spend: Float64Array, value: number): PlanUsage {
  const { months, years, roles, lines, capacity, limit } = ix;
  const overloads: PlanUsage['overloads'] = [];
  for (let k = 0; k < demand.length; k++)
    if (exceeds(demand[k]!, capacity[k]!))
      overloads.push({
        role: roles[Math.floor(k / months)]!,
        month: k % months,
        demand: demand[k]!,
        capacity: capacity[k]!,
      });
  const overspends: PlanUsage['overspends'] = [];
  for (let k = 0; k < spend.length; k++)
    if (exceeds(spend[k]!, limit[k]!))
      overspends.push({
        line: lines[Math.floor(k / years)]!,
        year: k % years,
        spend: spend[k]!,
        limit: limit[k]!,
      });
  return { months, roles, lines, years, demand, capacity, spend, limit, value, overloads, overspends };
}

/** `starts[i]` is candidate i's start month, or null when it is not selected. */
export function planUsage(scenario: Scenario, starts: readonly (number | null)[]): PlanUsage {
  const ix = usageIndex(scenario);
  const demand = new Float64Array(ix.roles.length * ix.months);
  const spend = new Float64Array(ix.lines.length * ix.years);
  let value = 0;
  for (let i = 0; i < ix.value.length; i++) {
    const s = starts[i] ?? null;
    if (s === null) continue;
    value += ix.value[i]!;
    addUse(ix, spend, demand, i, s, 1);
  }
  return withLists(ix, demand, spend, value);
}

/**
 * A new usage with candidate i moved from start `from` to `to` (null: not selected), in time
 * proportional to the candidate's entries plus roles × months for the overload lists.
 */
export function moveInUsage(
  scenario: Scenario,
  usage: PlanUsage,
  i: number,
  from: number | null,
  to: number | null,
): PlanUsage {
  const ix = usageIndex(scenario);
  const demand = usage.demand.slice();
  const spend = usage.spend.slice();
  let value = usage.value;
  if (from !== null) {
    addUse(ix, spend, demand, i, from, -1);
    value -= ix.value[i]!;
  }
  if (to !== null) {
    addUse(ix, spend, demand, i, to, 1);
    value += ix.value[i]!;
  }
  return withLists(ix, demand, spend, value);
}
