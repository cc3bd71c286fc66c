/*
 * Local search on a plan: the solver's first incumbent made close to optimal in a fraction of a
 * second, and each incumbent HiGHS finds polished the same way. It works on the model's rows
 * (budget, capacity, one start, requires, after, exclusions are all rows Σ a·y within bounds),
 * so every rule is kept by construction. Moves, for each candidate not in the plan, best value
 * first, at each start month it may take:
 *
 * - add it where it fits;
 * - else make room: move one planned candidate that uses every overfull row to another start
 *   month, or drop one worth less, or add the predecessor a dependency asks for;
 *
 * until no move improves, then a seeded perturbation (drop a few, refill in a shuffled order,
 * search again; the better plan is kept) for as long as the effort allows. Effort is counted in
 * matrix entries visited, not in time, so the result does not depend on the machine.
 */
import type { PortfolioModel } from './model';

export interface ImproveOptions {
  /** Matrix entries the search may visit (default 4·10⁷, about half a second). */
  effort?: number;
  /** Seed of the perturbations (default 1). */
  seed?: number;
  /**
   * Price of each column's use of the limits (e.g. Σ dual · entry from the LP relaxation): the
   * search tries candidates by value per price and each candidate's cheapest start months first.
   */
  price?: ArrayLike<number>;
  /** Perturbations in a row that find no better plan before the search stops (default 100). */
  patience?: number;
}

export interface Improved {
  starts: (number | null)[];
  value: number;
  /** Matrix entries visited, and perturbations tried. */
  work: number;
  rounds: number;
}

/** The model's columns, column-wise, with the state of a plan and its row activities. */
class Search {
  readonly colStarts: Int32Array;
  readonly colRow: Int32Array;
  readonly colVal: Float64Array;
  /** Column in the plan of each candidate, −1 when not selected. */
  readonly cur: Int32Array;
  readonly act: Float64Array;
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  readonly value: Float64Array;
  readonly resource: Uint8Array;
  readonly mark: Int32Array;
  stamp = 0;
  total = 0;
  work = 0;

  constructor(readonly m: PortfolioModel) {
    const count = new Int32Array(m.numCols + 1);
    for (let k = 0; k < m.rowIndex.length; k++) count[m.rowIndex[k]! + 1]!++;
    for (let j = 0; j < m.numCols; j++) count[j + 1]! += count[j]!;
    this.colStarts = count;
    this.colRow = new Int32Array(m.rowIndex.length);
    this.colVal = new Float64Array(m.rowIndex.length);
    const fill = count.slice(0, m.numCols);
    for (let r = 0; r < m.numRows; r++)
      for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) {
        const at = fill[m.rowIndex[k]!]!++;
        this.colRow[at] = r;
        this.colVal[at] = m.rowValue[k]!;
      }
    const n = m.candCols.length - 1;
    this.cur = new Int32Array(n).fill(-1);
    this.act = new Float64Array(m.numRows);
    // Integral data: a tolerance far below one unit, relative to the limit.
    this.hi = m.rowUpper.map((u) => u + 1e-9 * Math.max(1, Math.abs(u)));
    this.lo = m.rowLower.map((l) => l - 1e-9 * Math.max(1, Math.abs(l)));
    this.value = Float64Array.from({ length: n }, (_, i) => m.prepared.value[i]!);
    this.resource = Uint8Array.from(m.rows, (r) => (r.kind === 'budget' || r.kind === 'capacity' ? 1 : 0));
    this.mark = new Int32Array(n);
  }

  private apply(j: number, sign: number) {
    const { colStarts, colRow, colVal, act } = this;
    for (let k = colStarts[j]!; k < colStarts[j + 1]!; k++) act[colRow[k]!]! += sign * colVal[k]!;
    this.work += colStarts[j + 1]! - colStarts[j]!;
  }

  /** Moves candidate i to column j (−1: out of the plan). */
  set(i: number, j: number) {
    const was = this.cur[i]!;
    if (was === j) return;
    if (was >= 0) this.apply(was, -1);
    else this.total += this.value[i]!;
    if (j >= 0) this.apply(j, 1);
    else this.total -= this.value[i]!;
    this.cur[i] = j;
  }

  /** Whether every row of column j is within its bounds. */
  okCol(j: number): boolean {
    const { colStarts, colRow, act } = this;
    this.work += colStarts[j + 1]! - colStarts[j]!;
    for (let k = colStarts[j]!; k < colStarts[j + 1]!; k++) {
      const r = colRow[k]!;
      if (act[r]! > this.hi[r]! || act[r]! < this.lo[r]!) return false;
    }
    return true;
  }

  /** Rows of column j out of bounds. */
  broken(j: number, out: number[]) {
    out.length = 0;
    const { colStarts, colRow, act } = this;
    for (let k = colStarts[j]!; k < colStarts[j + 1]!; k++) {
      const r = colRow[k]!;
      if (act[r]! > this.hi[r]! || act[r]! < this.lo[r]!) out.push(r);
    }
  }

  /** Whether candidate i's column j puts a positive amount on row r. */
  uses(j: number, r: number): boolean {
    const { colStarts, colRow, colVal } = this;
    for (let k = colStarts[j]!; k < colStarts[j + 1]!; k++) if (colRow[k] === r) return colVal[k]! > 0;
    return false;
  }

  /** Selected (or, with `negative`, any) candidates with an entry in row r, other than `except`. */
  inRow(r: number, except: number, out: number[]) {
    out.length = 0;
    const m = this.m;
    const tag = ++this.stamp;
    this.work += m.rowStarts[r + 1]! - m.rowStarts[r]!;
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) {
      const i = m.colCandidate[m.rowIndex[k]!]!;
      if (i === except || this.mark[i] === tag) continue;
      this.mark[i] = tag;
      out.push(i);
    }
  }
}

/** Deterministic 32-bit generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A plan at least as good as `starts` (which must keep every row of the model), by local search.
 * Plans that do not keep every row come back unchanged.
 */
export function improvePlan(
  model: PortfolioModel,
  starts: readonly (number | null)[],
  options: ImproveOptions = {},
): Improved {
  const s = new Search(model);
  const n = model.candCols.length - 1;
  const { candCols, prepared } = model;
  for (let i = 0; i < n; i++) {
    const at = starts[i];
    if (at == null) continue;
    const j = candCols[i]! + (at - prepared.lo[i]!);
    if (j < candCols[i]! || j >= candCols[i + 1]!)
      return { starts: [...starts], value: planValue(model, starts), work: 0, rounds: 0 };
    s.set(i, j);
  }
  for (let r = 0; r < model.numRows; r++)
    if (s.act[r]! > s.hi[r]! || s.act[r]! < s.lo[r]!)
      return { starts: [...starts], value: planValue(model, starts), work: 0, rounds: 0 };

  const effort = options.effort ?? 4e7;
  const random = rng(options.seed ?? 1);
  const broken: number[] = [];
  const who: number[] = [];
  // Per candidate: its start months cheapest first, and its value per price (of the cheapest).
  const price = options.price;
  const cols = Int32Array.from({ length: model.numCols }, (_, j) => j);
  const ratio = Float64Array.from(s.value);
  if (price) {
    for (let i = 0; i < n; i++) {
      const seg = Array.from(cols.subarray(candCols[i]!, candCols[i + 1]!)).sort(
        (a, b) => price[a]! - price[b]! || a - b,
      );
      cols.set(seg, candCols[i]!);
      const cheapest = seg.length ? Math.max(0, price[seg[0]!]!) : 0;
      ratio[i] = s.value[i]! / (cheapest + 1e-6 * s.value[i]! + 1e-12);
    }
  }
  const byValue = Array.from({ length: n }, (_, i) => i).sort((a, b) => ratio[b]! - ratio[a]! || a - b);

  /** Tries to bring i into the plan, making room if needed; true when the plan got better. */
  const tryInsert = (i: number): boolean => {
    const vi = s.value[i]!;
    for (let q = candCols[i]!; q < candCols[i + 1]!; q++) {
      const j = cols[q]!;
      s.set(i, j);
      s.broken(j, broken);
      if (broken.length === 0) return true;
      const rows = broken.slice();
      const resourceOnly = rows.every((r) => s.resource[r] === 1);
      // Candidates to move or drop: those with an entry in the shortest overfull row.
      let shortest = rows[0]!;
      for (const r of rows)
        if (
          model.rowStarts[r + 1]! - model.rowStarts[r]! <
          model.rowStarts[shortest + 1]! - model.rowStarts[shortest]!
        )
          shortest = r;
      s.inRow(shortest, i, who);
      const others = who.slice();
      for (const k of others) {
        const ck = s.cur[k]!;
        if (ck >= 0) {
          if (resourceOnly && !rows.every((r) => s.uses(ck, r))) continue;
          // Move k to another start month.
          for (let q = candCols[k]!; q < candCols[k + 1]!; q++) {
            const jk = cols[q]!;
            if (jk === ck) continue;
            s.set(k, jk);
            if (s.okCol(jk) && s.okCol(j) && s.okCol(ck)) return true;
          }
          // Or drop it, when worth less.
          if (s.value[k]! < vi) {
            s.set(k, -1);
            if (s.okCol(j) && s.okCol(ck)) return true;
          }
          s.set(k, ck);
        } else if (!resourceOnly) {
          // A predecessor (negative entry) not in the plan: bring it in too.
          if (!(s.value[k]! + vi > 0)) continue;
          for (let q = candCols[k]!; q < candCols[k + 1]!; q++) {
            const jk = cols[q]!;
            s.set(k, jk);
            if (s.okCol(jk) && s.okCol(j)) return true;
          }
          s.set(k, -1);
        }
      }
    }
    s.set(i, -1);
    return false;
  };

  /** Passes over the candidates not in the plan until none gets in. */
  const descend = (order: readonly number[]) => {
    let improved = true;
    while (improved && s.work < effort) {
      improved = false;
      for (const i of order) {
        if (s.cur[i]! >= 0 || !(s.value[i]! > 0) || candCols[i + 1] === candCols[i]) continue;
        if (tryInsert(i)) improved = true;
        if (s.work >= effort) break;
      }
    }
  };

  const restore = (target: Int32Array) => {
    for (let i = 0; i < n; i++) if (s.cur[i] !== target[i] && s.cur[i]! >= 0) s.set(i, -1);
    for (let i = 0; i < n; i++) if (s.cur[i] !== target[i]) s.set(i, target[i]!);
  };

  descend(byValue);
  let best = s.cur.slice();
  let bestValue = s.total;
  // Perturb: drop a few candidates (and whatever then breaks), refill in a shuffled value order.
  const order = byValue.slice();
  const patience = options.patience ?? 100;
  let rounds = 0;
  let idle = 0;
  while (s.work < effort && idle < patience) {
    rounds++;
    idle++;
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) if (s.cur[i]! >= 0 && prepared.fixed[i] !== 1) chosen.push(i);
    if (chosen.length === 0) break;
    const drops = 2 + Math.floor(random() * 4);
    for (let d = 0; d < drops && chosen.length; d++) {
      const at = Math.floor(random() * chosen.length);
      const k = chosen[at]!;
      chosen[at] = chosen[chosen.length - 1]!;
      chosen.pop();
      const ck = s.cur[k]!;
      s.set(k, -1);
      if (!s.okCol(ck)) s.set(k, ck); // others depend on it
    }
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = ratio[i]! * (0.6 + 0.8 * random());
    order.sort((a, b) => key[b]! - key[a]! || a - b);
    descend(order);
    descend(byValue);
    if (s.total > bestValue + 1e-9) {
      idle = 0;
      best = s.cur.slice();
      bestValue = s.total;
    } else if (s.total < bestValue - 1e-9) restore(best);
    else best = s.cur.slice(); // equal: wander along the plateau
  }
  restore(best);
  const out: (number | null)[] = Array.from(s.cur, (j) => (j < 0 ? null : model.colStart[j]!));
  return { starts: out, value: planValue(model, out), work: s.work, rounds };
}

function planValue(model: PortfolioModel, starts: readonly (number | null)[]): number {
  let v = 0;
  starts.forEach((x, i) => {
    if (x !== null) v += model.prepared.value[i]!;
  });
  return v;
}
