/*
 * A Scenario turned into indexed arrays, shared by the MILP model, the greedy heuristics and the
 * feasibility check: candidate values under the scenario's objective, start windows, costs and
 * demand keyed by budget row and role, dependencies and exclusions by candidate index.
 */
import type { Candidate, Scenario } from '../scenario';

/** A problem with the scenario itself (not with the choice): the optimizer cannot run on it. */
export interface ScenarioIssue {
  code:
    | 'duplicate-candidate'
    | 'unknown-candidate'
    | 'must-do-fixed-out'
    | 'must-do-cannot-start'
    | 'bad-horizon';
  message: string;
  field: string;
}

export interface Dep {
  from: number;
  to: number;
  kind: 'requires' | 'after';
}

export interface Prepared {
  months: number;
  /** Budget years covered by the horizon (⌈months / 12⌉). */
  years: number;
  /** Objective value of each candidate (independent of its start month). */
  value: Float64Array;
  /** First and last start month the solver may choose (lo > hi: it cannot be selected). */
  lo: Int32Array;
  hi: Int32Array;
  duration: Int32Array;
  /** 1 when the candidate must be selected (must-do or fixed in), 2 when fixed out, else 0. */
  fixed: Uint8Array;
  lines: string[];
  /** Budget rows in `scenario.budget` order after merging duplicates: line index, year, limit. */
  budget: { line: number; year: number; limit: number }[];
  /** Budget row of (line, year): `lineYear[line * years + year]`, −1 when that year is unlimited. */
  lineYear: Int32Array;
  roles: string[];
  /** Hours by role and month: `capacity[role * months + month]` (0 where none is given). */
  capacity: Float64Array;
  /** Per candidate, its cost merged by (line, month offset); lines without any budget dropped. */
  cost: { line: Int32Array; month: Int32Array; amount: Float64Array }[];
  /** Per candidate, its demand merged by (role, month offset). */
  demand: { role: Int32Array; month: Int32Array; hours: Float64Array }[];
  deps: Dep[];
  /** Dependencies by dependent candidate. */
  depsTo: Dep[][];
  exclusions: number[][];
  /** Exclusion groups each candidate belongs to. */
  groupsOf: number[][];
  index: Map<string, number>;
  issues: ScenarioIssue[];
}

/** A candidate's contribution to the scenario's objective. */
export function candidateValue(scenario: Scenario, c: Candidate): number {
  if (scenario.objective === 'score') return c.value.score;
  if (scenario.objective === 'npv') return c.value.npv;
  let v = 0;
  for (const [k, x] of Object.entries(c.value.objectives ?? {}))
    v += (scenario.objectiveWeights ? (scenario.objectiveWeights[k] ?? 0) : 1) * x;
  return v;
}

/** The horizon's first month as [year, month 1–12], or null when malformed. */
export function horizonStart(scenario: Scenario): [number, number] | null {
  const m = /^(\d{4})-(\d{2})$/.exec(scenario.horizon.start);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** `YYYY-MM` of a horizon month. */
export function monthLabel(scenario: Scenario, month: number): string {
  const [y, m] = horizonStart(scenario) ?? [0, 1];
  const k = y * 12 + (m - 1) + month;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** `2027` for a budget year that is a calendar year, else `2026-04..2027-03`. */
export function yearLabel(scenario: Scenario, year: number): string {
  const first = monthLabel(scenario, year * 12);
  return first.endsWith('-01') ? first.slice(0, 4) : `${first}..${monthLabel(scenario, year * 12 + 11)}`;
}

/** Entries summed by (key, month). */
function merged(rows: { key: number; month: number; amount: number }[]) {
  const acc = new Map<string, [number, number, number]>();
  for (const r of rows) {
    const k = `${r.key}:${r.month}`;
    const a = acc.get(k);
    if (a) a[2] += r.amount;
    else acc.set(k, [r.key, r.month, r.amount]);
  }
  const list = [...acc.values()];
  return {
    key: Int32Array.from(list, (a) => a[0]),
    month: Int32Array.from(list, (a) => a[1]),
    amount: Float64Array.from(list, (a) => a[2]),
  };
}

export function prepare(scenario: Scenario): Prepared {
  const issues: ScenarioIssue[] = [];
  const months = Math.max(0, Math.floor(scenario.horizon.months));
  if (!(months > 0) || !horizonStart(scenario))
    issues.push({
      code: 'bad-horizon',
      message: 'The horizon needs a YYYY-MM start and ≥ 1 month',
      field: 'horizon',
    });
  const years = Math.ceil(months / 12);
  const n = scenario.candidates.length;
  const index = new Map<string, number>();
  scenario.candidates.forEach((c, i) => {
    if (index.has(c.id))
      issues.push({
        code: 'duplicate-candidate',
        message: `Candidate ${c.id} appears twice`,
        field: `candidates.${i}.id`,
      });
    else index.set(c.id, i);
  });

  const lines: string[] = [];
  const lineIndex = new Map<string, number>();
  for (const b of scenario.budget) if (!lineIndex.has(b.line)) lineIndex.set(b.line, lines.push(b.line) - 1);
  const lineYear = new Int32Array(lines.length * years).fill(-1);
  const budget: Prepared['budget'] = [];
  for (const b of scenario.budget) {
    if (!(b.year >= 0 && b.year < years)) continue;
    const slot = lineIndex.get(b.line)! * years + b.year;
    const row = lineYear[slot]!;
    // Two limits for the same line and year: the tighter one holds.
    if (row >= 0) budget[row]!.limit = Math.min(budget[row]!.limit, b.limit);
    else lineYear[slot] = budget.push({ line: lineIndex.get(b.line)!, year: b.year, limit: b.limit }) - 1;
  }

  const roles: string[] = [];
  const roleIndex = new Map<string, number>();
  const role = (r: string) => roleIndex.get(r) ?? roleIndex.set(r, roles.push(r) - 1).get(r)!;
  for (const c of scenario.capacity) role(c.role);
  for (const c of scenario.candidates) for (const d of c.demand) role(d.role);
  const capacity = new Float64Array(roles.length * months);
  for (const c of scenario.capacity)
    if (c.month >= 0 && c.month < months) capacity[role(c.role) * months + c.month]! += c.hours;

  const value = new Float64Array(n);
  const lo = new Int32Array(n);
  const hi = new Int32Array(n);
  const duration = new Int32Array(n);
  const fixed = new Uint8Array(n);
  const cost: Prepared['cost'] = [];
  const demand: Prepared['demand'] = [];
  scenario.candidates.forEach((c, i) => {
    value[i] = candidateValue(scenario, c);
    duration[i] = Math.max(1, Math.floor(c.duration));
    if (c.shiftable) {
      lo[i] = Math.max(0, c.earliestStart);
      hi[i] = Math.min(months - 1, c.latestStart);
    } else lo[i] = hi[i] = c.plannedStart; // a running project may have started before the horizon
    const must = c.mustDo || c.fixed === 'in';
    fixed[i] = c.fixed === 'out' ? 2 : must ? 1 : 0;
    if (must && c.fixed === 'out')
      issues.push({
        code: 'must-do-fixed-out',
        message: `${c.name} is a must-do but fixed out`,
        field: `candidates.${i}.fixed`,
      });
    else if (must && lo[i]! > hi[i]!)
      issues.push({
        code: 'must-do-cannot-start',
        message: `${c.name} must be done but cannot start within the horizon`,
        field: `candidates.${i}.earliestStart`,
      });
    const cm = merged(
      c.cost.flatMap((x) =>
        lineIndex.has(x.line) ? [{ key: lineIndex.get(x.line)!, month: x.month, amount: x.amount }] : [],
      ),
    );
    cost.push({ line: cm.key, month: cm.month, amount: cm.amount });
    const dm = merged(c.demand.map((x) => ({ key: role(x.role), month: x.month, amount: x.hours })));
    demand.push({ role: dm.key, month: dm.month, hours: dm.amount });
  });

  const ref = (id: string, field: string) => {
    const i = index.get(id);
    if (i === undefined) issues.push({ code: 'unknown-candidate', message: `No candidate ${id}`, field });
    return i;
  };
  const deps: Dep[] = [];
  const depsTo: Dep[][] = Array.from({ length: n }, () => []);
  scenario.dependencies.forEach((d, k) => {
    const from = ref(d.from, `dependencies.${k}.from`);
    const to = ref(d.to, `dependencies.${k}.to`);
    if (from === undefined || to === undefined) return;
    const dep = { from, to, kind: d.kind };
    deps.push(dep);
    depsTo[to]!.push(dep);
  });
  const exclusions: number[][] = [];
  const groupsOf: number[][] = Array.from({ length: n }, () => []);
  scenario.exclusions.forEach((g, k) => {
    const members = [...new Set(g.flatMap((id, j) => ref(id, `exclusions.${k}.${j}`) ?? []))].sort(
      (a, b) => a - b,
    );
    if (members.length < 2) return;
    for (const i of members) groupsOf[i]!.push(exclusions.length);
    exclusions.push(members);
  });
  return {
    months,
    years,
    value,
    lo,
    hi,
    duration,
    fixed,
    lines,
    budget,
    lineYear,
    roles,
    capacity,
    cost,
    demand,
    deps,
    depsTo,
    exclusions,
    groupsOf,
    index,
    issues,
  };
}
