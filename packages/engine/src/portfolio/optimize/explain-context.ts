/*
 * What explaining a plan works from (explain.ts): the plan's use of every limit ("slot": budget
 * line and year first, then role and month), who uses each slot, the selected candidates'
 * dependents and predecessors, and each excluded candidate's shortfalls at each start.
 */
import type { Scenario } from '../scenario';
import { type Prepared, prepare } from './prepare';
import { exceeds, planUsage, type UsageIndex, usageIndex } from './usage';

export const NONE = -0x80000000;
/** Starts per excluded candidate searched for room to free (the ones needing least). */
export const STARTS_SEARCHED = 4;

/** The shortfalls of a candidate at one start: slots, short amounts, its needs there, and a score. */
export interface Short {
  s: number;
  slots: number[];
  short: number[];
  need: number[];
  score: number;
}

export interface Ctx {
  scenario: Scenario;
  p: Prepared;
  ix: UsageIndex;
  nb: number;
  used: Float64Array;
  limit: Float64Array;
  start: Int32Array;
  /** Per slot, the selected candidates using it and how much. */
  users: { k: number; amount: number }[][];
  /** Selected dependents and selected predecessors of each selected candidate. */
  after: number[][];
  before: number[][];
  /** Cached: each selected candidate with all its selected dependents (`after`), or predecessors (`before`). */
  reach: { after: Map<number, number[]>; before: Map<number, number[]> };
  /** Per excluded candidate, its shortfalls at each start from p.lo to p.hi, plan as it is. */
  shorts: Short[][];
  fitsNow: Uint8Array;
  acc: Float64Array;
  mark: Uint8Array;
}

const prepared = new WeakMap<Scenario, Prepared>();
export const tol = (limit: number) => 1e-6 * Math.max(1, Math.abs(limit));

export function context(scenario: Scenario, starts: readonly (number | null)[]): Ctx {
  const p = prepared.get(scenario) ?? prepared.set(scenario, prepare(scenario)).get(scenario)!;
  const ix = usageIndex(scenario);
  const u = planUsage(scenario, starts);
  const nb = u.spend.length;
  const used = new Float64Array(nb + u.demand.length);
  used.set(u.spend);
  used.set(u.demand, nb);
  const limit = new Float64Array(used.length);
  limit.set(ix.limit);
  limit.set(ix.capacity, nb);
  const n = scenario.candidates.length;
  const start = Int32Array.from({ length: n }, (_, i) => starts[i] ?? NONE);
  const after: number[][] = Array.from({ length: n }, () => []);
  const before: number[][] = Array.from({ length: n }, () => []);
  for (const d of p.deps)
    if (start[d.from] !== NONE && start[d.to] !== NONE) {
      after[d.from]!.push(d.to);
      before[d.to]!.push(d.from);
    }
  const ctx: Ctx = {
    scenario,
    p,
    ix,
    nb,
    used,
    limit,
    start,
    users: Array.from({ length: used.length }, () => []),
    after,
    before,
    reach: { after: new Map(), before: new Map() },
    shorts: [],
    fitsNow: new Uint8Array(n),
    acc: new Float64Array(used.length),
    mark: new Uint8Array(used.length),
  };
  for (let k = 0; k < n; k++)
    if (start[k] !== NONE)
      for (const [r, amount] of useOf(ctx, k, start[k]!)) ctx.users[r]!.push({ k, amount });
  return ctx;
}

/** Candidate i's use at start s, by slot. */
export function useOf(ctx: Ctx, i: number, s: number): [number, number][] {
  const { ix, nb, acc, mark } = ctx;
  const { months, years } = ix;
  const touched: number[] = [];
  const put = (r: number, x: number) => {
    if (!mark[r]) touched.push(r);
    mark[r] = 1;
    acc[r]! += x;
  };
  for (let e = ix.costAt[i]!; e < ix.costAt[i + 1]!; e++) {
    const m = s + ix.costMonth[e]!;
    if (m >= 0 && m < months) put(ix.costLine[e]! * years + Math.floor(m / 12), ix.costAmount[e]!);
  }
  for (let e = ix.demandAt[i]!; e < ix.demandAt[i + 1]!; e++) {
    const m = s + ix.demandMonth[e]!;
    if (m >= 0 && m < months) put(nb + ix.demandRole[e]! * months + m, ix.demandHours[e]!);
  }
  return touched.map((r) => {
    const x = acc[r]!;
    acc[r] = mark[r] = 0;
    return [r, x];
  });
}

/** Candidate i's shortfalls at start s, with `freed` (by slot) taken off the plan's use. */
export function shortAt(ctx: Ctx, i: number, s: number, freed?: Float64Array): Short {
  const out: Short = { s, slots: [], short: [], need: [], score: 0 };
  for (const [r, need] of useOf(ctx, i, s)) {
    const use = ctx.used[r]! - (freed?.[r] ?? 0) + need;
    const limit = ctx.limit[r]!;
    if (!exceeds(use, limit)) continue;
    out.slots.push(r);
    out.short.push(use - limit);
    out.need.push(need);
    out.score += (use - limit) / Math.max(Math.abs(limit), need, 1);
  }
  return out;
}

export const better = (a: Short, b: Short, planned: number) =>
  a.score - b.score || Math.abs(a.s - planned) - Math.abs(b.s - planned) || a.s - b.s;

/** Selected candidate k and every selected candidate depending on it (`after`) or it depends on (`before`). */
export function reach(ctx: Ctx, way: 'after' | 'before', k: number): number[] {
  const cached = ctx.reach[way].get(k);
  if (cached) return cached;
  const next = ctx[way];
  const out = [k];
  const seen = new Set(out);
  for (let q = 0; q < out.length; q++)
    for (const j of next[out[q]!]!)
      if (!seen.has(j)) {
        out.push(j);
        seen.add(j);
      }
  ctx.reach[way].set(k, out);
  return out;
}
