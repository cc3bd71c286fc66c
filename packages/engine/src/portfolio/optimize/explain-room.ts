/*
 * Making room in a plan (explain.ts): which selected candidates, dropped with their dependents,
 * would let an excluded one in, and which excluded ones a selected one keeps out.
 */
import type { ExclusionReason } from './explain';
import {
  better,
  type Ctx,
  NONE,
  reach,
  type Short,
  STARTS_SEARCHED,
  shortAt,
  tol,
  useOf,
} from './explain-context';
import { exceeds } from './usage';

/** Options of selected candidates to drop so that excluded candidate i fits, from start `lo` on. */
export function displaceFor(ctx: Ctx, i: number, lo: number): ExclusionReason['displace'] {
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
export function displacedBy(ctx: Ctx, i: number, order: readonly number[]): number[] {
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
