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
import { monthLabel, type Prepared, prepare, yearLabel } from './prepare';
import { exceeds, planUsage, type UsageIndex, usageIndex } from './usage';

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

const NONE = -0x80000000;
/** Starts per excluded candidate searched for room to free (the ones needing least). */
const STARTS_SEARCHED = 4;

/** The shortfalls of a candidate at one start: slots, short amounts, its needs there, and a score. */
interface Short {
  s: number;
  slots: number[];
  short: number[];
  need: number[];
  score: number;
}

interface Ctx {
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
const tol = (limit: number) => 1e-6 * Math.max(1, Math.abs(limit));

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

function context(scenario: Scenario, starts: readonly (number | null)[]): Ctx {
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
function useOf(ctx: Ctx, i: number, s: number): [number, number][] {
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
function shortAt(ctx: Ctx, i: number, s: number, freed?: Float64Array): Short {
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

const better = (a: Short, b: Short, planned: number) =>
  a.score - b.score || Math.abs(a.s - planned) - Math.abs(b.s - planned) || a.s - b.s;

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

/** Selected candidate k and every selected candidate depending on it (`after`) or it depends on (`before`). */
function reach(ctx: Ctx, way: 'after' | 'before', k: number): number[] {
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

/** Options of selected candidates to drop so that excluded candidate i fits, from start `lo` on. */
function displaceFor(ctx: Ctx, i: number, lo: number): ExclusionReason['displace'] {
  const { p, start, ix, users } = ctx;
  const n = start.length;
  const keep = new Uint8Array(n); // what may not be dropped: i's predecessors, must-dos
  for (const d of p.depsTo[i]!) keep[d.from] = 1;
  for (let k = 0; k < n; k++) if (p.fixed[k] === 1) keep[k] = 1;
  const closures = new Map<number, number[] | null>();
  const closure = (u: number) => {
    if (!closures.has(u)) {
      const c = reach(ctx, 'after', u);
      closures.set(u, c.some((k) => keep[k]) ? null : c);
    }
    return closures.get(u)!;
  };
  // Selected members of i's exclusion groups must go whatever else does.
  const gone = new Uint8Array(n);
  for (const g of p.groupsOf[i]!)
    for (const k of p.exclusions[g]!) {
      if (k === i || start[k] === NONE) continue;
      const c = closure(k);
      if (!c) return [];
      for (const j of c) gone[j] = 1;
    }
  const forced: number[] = [];
  const freed = new Float64Array(ctx.used.length);
  for (let k = 0; k < n; k++)
    if (gone[k]) {
      forced.push(k);
      for (const [r, x] of useOf(ctx, k, start[k]!)) freed[r]! += x;
    }
  const options = new Map<string, { ids: string[]; valueLost: number }>();
  const option = (extra: number[]) => {
    const set = [...new Set([...forced, ...extra])].sort((a, b) => a - b);
    const key = set.join(',');
    if (set.length && !options.has(key))
      options.set(key, {
        ids: set.map((k) => ctx.scenario.candidates[k]!.id),
        valueLost: set.reduce((a, k) => a + ix.value[k]!, 0),
      });
  };
  const drop = new Uint8Array(n);
  const tries: Short[] = [];
  for (let s = lo; s <= p.hi[i]!; s++) tries.push(shortAt(ctx, i, s, freed));
  if (tries.some((t) => !t.slots.length)) {
    option([]);
    return [...options.values()];
  }
  tries.sort((a, b) => better(a, b, ctx.scenario.candidates[i]!.plannedStart));
  for (const t of tries.slice(0, STARTS_SEARCHED)) {
    const m = t.slots.length;
    const tolQ = t.slots.map((r) => tol(ctx.limit[r]!));
    // Room each droppable unit (a candidate with its dependents) frees in the short slots.
    const units = new Map<number, { members: number[]; value: number; frees: Float64Array }>();
    t.slots.forEach((r, q) => {
      for (const { k, amount } of users[r]!) {
        if (gone[k]) continue;
        for (const u of reach(ctx, 'before', k)) {
          const members = gone[u] ? null : closure(u);
          if (!members) continue;
          let unit = units.get(u);
          if (!unit) {
            const value = members.reduce((a, j) => a + (gone[j] ? 0 : ix.value[j]!), 0);
            unit = { members, value, frees: new Float64Array(m) };
            units.set(u, unit);
          }
          unit.frees[q]! += amount;
        }
      }
    });
    const covers = (chosen: number[]) => {
      for (const u of chosen) for (const k of units.get(u)!.members) drop[k] = 1;
      const ok = t.slots.every((r, q) => {
        let f = 0;
        for (const { k, amount } of users[r]!) if (drop[k] && !gone[k]) f += amount;
        return t.short[q]! - f <= tolQ[q]!;
      });
      drop.fill(0);
      return ok;
    };
    for (const unit of units.values())
      if (unit.frees.every((f, q) => t.short[q]! - f <= tolQ[q]!)) option(unit.members);
    // Greedy cover: most room per value lost first, then drop whatever turned out unneeded. Lazily:
    // a unit's key only falls as the cover grows, so a stale key is an upper bound.
    const rem = t.short.slice();
    const keyOf = (unit: { value: number; frees: Float64Array }) => {
      let gain = 0;
      for (let q = 0; q < m; q++)
        if (rem[q]! > tolQ[q]!) gain += Math.min(rem[q]!, unit.frees[q]!) / t.short[q]!;
      if (!(gain > 1e-12)) return -1;
      return unit.value > 0 ? gain / unit.value : 1e300 * gain;
    };
    const heap = [...units].map(([u, unit]) => ({ u, unit, key: keyOf(unit) }));
    const byKey = (a: (typeof heap)[number], b: (typeof heap)[number]) => b.key - a.key || a.u - b.u;
    heap.sort(byKey);
    const chosen: number[] = [];
    while (rem.some((x, q) => x > tolQ[q]!) && heap.length && heap[0]!.key >= 0) {
      const top = heap.shift()!;
      top.key = keyOf(top.unit);
      if (heap.length && byKey(top, heap[0]!) > 0) {
        let k = 1;
        while (k < heap.length && byKey(top, heap[k]!) > 0) k++;
        heap.splice(k, 0, top);
        continue;
      }
      if (top.key < 0) break;
      chosen.push(top.u);
      for (let q = 0; q < m; q++) rem[q]! -= top.unit.frees[q]!;
    }
    if (!chosen.length || !covers(chosen)) continue;
    chosen.sort((a, b) => units.get(b)!.value - units.get(a)!.value);
    for (let k = 0; k < chosen.length; ) {
      const rest = chosen.filter((_, j) => j !== k);
      if (rest.length && covers(rest)) chosen.splice(k, 1);
      else k++;
    }
    option(chosen.flatMap((u) => units.get(u)!.members));
  }
  return [...options.values()]
    .sort((a, b) => a.valueLost - b.valueLost || a.ids.length - b.ids.length)
    .slice(0, 3);
}

/** Excluded candidates (in `order`) that fit, one after another, once i and its dependents are dropped. */
function displacedBy(ctx: Ctx, i: number, order: readonly number[]): number[] {
  const { p, used, limit } = ctx;
  const cur = ctx.start.slice();
  const room = new Float64Array(used.length);
  for (const k of reach(ctx, 'after', i)) {
    for (const [r, x] of useOf(ctx, k, cur[k]!)) room[r]! += x;
    cur[k] = NONE;
  }
  const added: number[] = [];
  for (const j of order) {
    let lo = p.lo[j]!;
    if (p.depsTo[j]!.some((d) => cur[d.from] === NONE)) continue;
    for (const d of p.depsTo[j]!)
      if (d.kind === 'after') lo = Math.max(lo, cur[d.from]! + p.duration[d.from]!);
    if (p.groupsOf[j]!.some((g) => p.exclusions[g]!.some((k) => cur[k] !== NONE))) continue;
    for (let s = lo; s <= p.hi[j]!; s++) {
      const t = ctx.shorts[j]![s - p.lo[j]!]!;
      if (t.slots.some((r, q) => room[r]! < t.short[q]! - tol(limit[r]!))) continue;
      const use = useOf(ctx, j, s);
      if (use.some(([r, x]) => exceeds(used[r]! - room[r]! + x, limit[r]!))) continue;
      for (const [r, x] of use) room[r]! -= x;
      cur[j] = s;
      added.push(j);
      break;
    }
  }
  return added;
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
