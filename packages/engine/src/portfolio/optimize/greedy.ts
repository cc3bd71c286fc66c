/*
 * Two quick answers. `greedy`: the good first answer (and the solver's starting point): rank the
 * candidates by value per unit of scarce resource, or by value, and add them in that order, each
 * with any predecessors it needs, at the earliest start month where everything fits. Must-dos go
 * first. `rankThenCut`: what a PMO does by hand (add in score order while it fits at its planned
 * start, never shifting) — the baseline the optimizer is compared with.
 */
import type { Scenario } from '../scenario';
import { type Prepared, prepare } from './prepare';

export type GreedyRank = 'weighted' | 'scarcest' | 'value';

export interface Plan {
  /** Start month of each candidate (scenario order), null when not selected. */
  starts: (number | null)[];
  value: number;
  /** False when a must-do (or a predecessor it needs) could not be fitted; it is in the plan anyway. */
  feasible: boolean;
}

export interface GreedyOptions {
  /**
   * `weighted`: value / Σ_r scarcity_r · use_r / limit_r over budget rows and roles;
   * `scarcest`: value per share of the scarcest resource; `value`: value alone;
   * `best` (default): all three, keeping the best plan.
   */
  rank?: GreedyRank | 'best';
}

const NONE = -0x80000000;

/** Budget and capacity left, and what is selected where; adds and removes candidates. */
class Fill {
  readonly budget: Float64Array;
  readonly capacity: Float64Array;
  readonly start: Int32Array;
  readonly inGroup: Int32Array;
  readonly stack: number[] = [];
  private readonly scratch: Float64Array;
  private readonly touched: number[] = [];
  feasible = true;

  constructor(
    readonly p: Prepared,
    /** Start month to try first for each candidate (else the earliest that fits). */
    readonly preferred?: readonly (number | null)[],
  ) {
    this.budget = Float64Array.from(p.budget, (b) => b.limit);
    this.capacity = p.capacity.slice();
    this.start = new Int32Array(p.value.length).fill(NONE);
    this.inGroup = new Int32Array(p.exclusions.length);
    this.scratch = new Float64Array(p.budget.length);
  }

  fits(i: number, s: number): boolean {
    const { months, years, lineYear } = this.p;
    const d = this.p.demand[i]!;
    for (let e = 0; e < d.hours.length; e++) {
      const m = s + d.month[e]!;
      if (m >= 0 && m < months && d.hours[e]! > this.capacity[d.role[e]! * months + m]! + 1e-9) return false;
    }
    const c = this.p.cost[i]!;
    const { scratch, touched } = this;
    for (let e = 0; e < c.amount.length; e++) {
      const m = s + c.month[e]!;
      if (m < 0 || m >= months) continue;
      const r = lineYear[c.line[e]! * years + Math.floor(m / 12)]!;
      if (r < 0) continue;
      if (scratch[r] === 0) touched.push(r);
      scratch[r]! += c.amount[e]!;
    }
    let ok = true;
    for (const r of touched) {
      if (scratch[r]! > this.budget[r]! + 1e-9 * Math.max(1, Math.abs(this.budget[r]!))) ok = false;
      scratch[r] = 0;
    }
    touched.length = 0;
    return ok;
  }

  private apply(i: number, s: number, sign: 1 | -1) {
    const { months, years, lineYear } = this.p;
    const d = this.p.demand[i]!;
    for (let e = 0; e < d.hours.length; e++) {
      const m = s + d.month[e]!;
      if (m >= 0 && m < months) this.capacity[d.role[e]! * months + m]! -= sign * d.hours[e]!;
    }
    const c = this.p.cost[i]!;
    for (let e = 0; e < c.amount.length; e++) {
      const m = s + c.month[e]!;
      if (m < 0 || m >= months) continue;
      const r = lineYear[c.line[e]! * years + Math.floor(m / 12)]!;
      if (r >= 0) this.budget[r]! -= sign * c.amount[e]!;
    }
    for (const g of this.p.groupsOf[i]!) this.inGroup[g]! += sign;
  }

  add(i: number, s: number) {
    this.apply(i, s, 1);
    this.start[i] = s;
    this.stack.push(i);
  }

  /** Removes everything added after the stack had `depth` entries. */
  undo(depth: number) {
    while (this.stack.length > depth) {
      const i = this.stack.pop()!;
      this.apply(i, this.start[i]!, -1);
      this.start[i] = NONE;
    }
  }

  /**
   * Adds candidate i and, with `pull`, the predecessors it lacks; at the earliest start that fits
   * (`shift`) or at its planned start only. With `force` (must-dos) it goes in even when nothing
   * fits, and the plan is marked infeasible. Returns whether i is in.
   */
  tryAdd(
    i: number,
    plan: readonly number[],
    pull: boolean,
    shift: boolean,
    force: boolean,
    seen: Uint8Array,
  ): boolean {
    const p = this.p;
    if (this.start[i] !== NONE) return true;
    if (p.fixed[i] === 2 || p.lo[i]! > p.hi[i]! || seen[i]) return false;
    const excluded = () => p.groupsOf[i]!.some((g) => this.inGroup[g]! > 0);
    if (!force && excluded()) return false;
    const depth = this.stack.length;
    seen[i] = 1;
    let earliest = p.lo[i]!;
    let ok = true;
    for (const dep of p.depsTo[i]!) {
      if (this.start[dep.from] === NONE && !(pull && this.tryAdd(dep.from, plan, pull, shift, force, seen))) {
        ok = false;
        break;
      }
      if (dep.kind === 'after') earliest = Math.max(earliest, this.start[dep.from]! + p.duration[dep.from]!);
    }
    seen[i] = 0;
    let at = NONE;
    const wish = this.preferred?.[i];
    if (ok && shift && wish != null && wish >= earliest && wish <= p.hi[i]! && this.fits(i, wish)) at = wish;
    else if (ok && shift) {
      for (let s = earliest; s <= p.hi[i]!; s++)
        if (this.fits(i, s)) {
          at = s;
          break;
        }
    } else if (ok) {
      const s = Math.min(p.hi[i]!, Math.max(p.lo[i]!, plan[i]!));
      if (s >= earliest && this.fits(i, s)) at = s;
    }
    if (at === NONE && force && ok) {
      at = Math.min(p.hi[i]!, Math.max(earliest, p.lo[i]!));
      this.feasible = false;
    }
    // Checked again: a predecessor just pulled in may share a group with i.
    if (at !== NONE && excluded()) {
      if (force) this.feasible = false;
      else at = NONE;
    }
    if (at === NONE) {
      this.undo(depth);
      return false;
    }
    this.add(i, at);
    return true;
  }

  plan(): Plan {
    let value = 0;
    const starts = Array.from(this.start, (s, i) => {
      if (s === NONE) return null;
      value += this.p.value[i]!;
      return s;
    });
    return { starts, value, feasible: this.feasible };
  }
}

/** Candidate order for a ranking: by value per weighted resource share, descending. */
export function rankOrder(scenario: Scenario, p: Prepared, rank: GreedyRank): number[] {
  const n = p.value.length;
  const ids = Array.from({ length: n }, (_, i) => i);
  if (rank === 'value') return ids.sort((a, b) => p.value[b]! - p.value[a]! || a - b);
  // Resource use of each candidate at its planned start: budget rows, then roles over the horizon.
  const nb = p.budget.length;
  const nr = nb + p.roles.length;
  const limit = new Float64Array(nr);
  p.budget.forEach((b, r) => {
    limit[r] = b.limit;
  });
  for (let k = 0; k < p.roles.length; k++)
    for (let m = 0; m < p.months; m++) limit[nb + k]! += p.capacity[k * p.months + m]!;
  const use = new Float64Array(n * nr);
  for (let i = 0; i < n; i++) {
    const s = Math.min(p.hi[i]!, Math.max(p.lo[i]!, scenario.candidates[i]!.plannedStart));
    const c = p.cost[i]!;
    for (let e = 0; e < c.amount.length; e++) {
      const m = s + c.month[e]!;
      if (m < 0 || m >= p.months) continue;
      const r = p.lineYear[c.line[e]! * p.years + Math.floor(m / 12)]!;
      if (r >= 0) use[i * nr + r]! += c.amount[e]!;
    }
    const d = p.demand[i]!;
    for (let e = 0; e < d.hours.length; e++) {
      const m = s + d.month[e]!;
      if (m >= 0 && m < p.months) use[i * nr + nb + d.role[e]!]! += d.hours[e]!;
    }
  }
  const scarcity = new Float64Array(nr);
  for (let r = 0; r < nr; r++) {
    if (!(limit[r]! > 0)) continue;
    let total = 0;
    for (let i = 0; i < n; i++) total += use[i * nr + r]!;
    scarcity[r] = total / limit[r]!;
  }
  let scarcest = 0;
  for (let r = 1; r < nr; r++) if (scarcity[r]! > scarcity[scarcest]!) scarcest = r;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let w = 0;
    if (rank === 'scarcest') w = nr ? use[i * nr + scarcest]! / (limit[scarcest]! || 1) : 0;
    else
      for (let r = 0; r < nr; r++) if (scarcity[r]! > 0) w += (scarcity[r]! * use[i * nr + r]!) / limit[r]!;
    key[i] = w > 0 ? p.value[i]! / w : p.value[i]! > 0 ? Number.POSITIVE_INFINITY : p.value[i]!;
  }
  return ids.sort((a, b) => key[b]! - key[a]! || p.value[b]! - p.value[a]! || a - b);
}

function fill(
  scenario: Scenario,
  p: Prepared,
  order: readonly number[],
  pull: boolean,
  shift: boolean,
  preferred?: readonly (number | null)[],
): Plan {
  const f = new Fill(p, preferred);
  const plan = scenario.candidates.map((c) => c.plannedStart);
  const seen = new Uint8Array(p.value.length);
  for (const i of order)
    if (p.fixed[i] === 1 && !f.tryAdd(i, plan, true, shift, true, seen)) f.feasible = false;
  for (const i of order) {
    if (f.start[i] !== NONE || !(p.value[i]! > 0)) continue;
    const depth = f.stack.length;
    if (!f.tryAdd(i, plan, pull, shift, false, seen)) continue;
    // Predecessors pulled in must be worth it together.
    let gain = 0;
    for (let k = depth; k < f.stack.length; k++) gain += p.value[f.stack[k]!]!;
    if (!(gain > 0)) f.undo(depth);
  }
  return f.plan();
}

export function greedy(
  scenario: Scenario,
  options: GreedyOptions = {},
  prepared: Prepared = prepare(scenario),
): Plan & { rank: GreedyRank } {
  const ranks: GreedyRank[] =
    options.rank && options.rank !== 'best' ? [options.rank] : ['weighted', 'scarcest', 'value'];
  let best: (Plan & { rank: GreedyRank }) | undefined;
  for (const rank of ranks) {
    const plan = { ...fill(scenario, prepared, rankOrder(scenario, prepared, rank), true, true), rank };
    if (
      !best ||
      (plan.feasible && !best.feasible) ||
      (plan.feasible === best.feasible && plan.value > best.value)
    )
      best = plan;
  }
  return best!;
}

/**
 * The greedy fill in a given order, each candidate at its preferred start when that fits: rounds
 * an LP relaxation (order by x_i, start where y[i,s] is largest) into a plan.
 */
export function greedyFrom(
  scenario: Scenario,
  order: readonly number[],
  preferred: readonly (number | null)[],
  prepared: Prepared = prepare(scenario),
): Plan {
  return fill(scenario, prepared, order, true, true, preferred);
}

/** Rank by score, then cut: add in score order while it fits at its planned start; no shifting. */
export function rankThenCut(scenario: Scenario, prepared: Prepared = prepare(scenario)): Plan {
  const order = scenario.candidates
    .map((c, i) => [c.value.score, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .map(([, i]) => i);
  return fill(scenario, prepared, order, false, false);
}
