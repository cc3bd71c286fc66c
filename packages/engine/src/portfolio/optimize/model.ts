/*
 * The portfolio as a mixed-integer linear program. One binary column y[i,s] per candidate i and
 * start month s it may take; x_i = Σ_s y[i,s] ≤ 1 says whether it is selected. Rows: budget per
 * line and budget year, capacity per role and month, one start per candidate (= 1 when it must be
 * done), `requires` (x_B ≤ x_A), `after` in the time-indexed form Σ_{s≤t} y[B,s] ≤ Σ_{s≤t−dur A}
 * y[A,s] (tight in the LP relaxation), exclusions (Σ x ≤ 1). Fixed-out candidates get no column.
 *
 * The model is plain arrays (rows in CSR) that the solver file hands to HiGHS as they are, with a
 * name and a meaning for every column and row, so a solution can say which limits bind; `toLp`
 * writes the same model as CPLEX LP text.
 */
import type { Scenario } from '../scenario';
import { monthLabel, type Prepared, prepare, yearLabel } from './prepare';

export type RowMeaning =
  | { kind: 'budget'; line: string; year: number; label: string }
  | { kind: 'capacity'; role: string; month: number; label: string }
  | { kind: 'choice'; candidate: string; must: boolean; label: string }
  | { kind: 'requires'; from: string; to: string; label: string }
  | { kind: 'after'; from: string; to: string; month: number; label: string }
  | { kind: 'exclusion'; candidates: string[]; label: string };

export interface PortfolioModel {
  numCols: number;
  numRows: number;
  /** Candidate (scenario index) and start month of each column. */
  colCandidate: Int32Array;
  colStart: Int32Array;
  /** Columns of candidate i are candCols[i] .. candCols[i + 1] − 1, start months ascending. */
  candCols: Int32Array;
  /** Objective coefficient of each column (maximized). */
  colCost: Float64Array;
  colNames: string[];
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** Rows in compressed sparse row form. */
  rowStarts: Int32Array;
  rowIndex: Int32Array;
  rowValue: Float64Array;
  rowNames: string[];
  rows: RowMeaning[];
  prepared: Prepared;
}

/** Growable (row, column, value) triplets. */
class Triplets {
  row = new Int32Array(1024);
  col = new Int32Array(1024);
  val = new Float64Array(1024);
  n = 0;
  push(r: number, c: number, v: number) {
    if (v === 0) return;
    if (this.n === this.row.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.row = grow(this.row);
      this.col = grow(this.col);
      this.val = grow(this.val);
    }
    this.row[this.n] = r;
    this.col[this.n] = c;
    this.val[this.n++] = v;
  }
}

/** CSR from triplets, duplicates summed and zeros dropped; columns ascending within a row. */
function toCsr(t: Triplets, numRows: number) {
  const count = new Int32Array(numRows + 1);
  for (let k = 0; k < t.n; k++) count[t.row[k]! + 1]!++;
  for (let r = 0; r < numRows; r++) count[r + 1]! += count[r]!;
  const order = new Int32Array(t.n);
  const fill = count.slice(0, numRows);
  for (let k = 0; k < t.n; k++) order[fill[t.row[k]!]!++] = k;
  const starts = new Int32Array(numRows + 1);
  const index = new Int32Array(t.n);
  const value = new Float64Array(t.n);
  let nz = 0;
  for (let r = 0; r < numRows; r++) {
    const seg = Array.from(order.subarray(count[r]!, count[r + 1]!)).sort((a, b) => t.col[a]! - t.col[b]!);
    for (const k of seg) {
      if (nz > starts[r]! && index[nz - 1] === t.col[k]) value[nz - 1]! += t.val[k]!;
      else {
        index[nz] = t.col[k]!;
        value[nz++] = t.val[k]!;
      }
    }
    // Drop entries that summed to zero.
    let w = starts[r]!;
    for (let k = starts[r]!; k < nz; k++)
      if (value[k] !== 0) {
        index[w] = index[k]!;
        value[w++] = value[k]!;
      }
    nz = w;
    starts[r + 1] = nz;
  }
  return { starts, index: index.slice(0, nz), value: value.slice(0, nz) };
}

const sign = (s: number) => (s < 0 ? `n${-s}` : String(s));

export function buildModel(scenario: Scenario, prepared: Prepared = prepare(scenario)): PortfolioModel {
  const p = prepared;
  const { months, years } = p;
  const cands = scenario.candidates;
  const n = cands.length;
  const candCols = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const width = p.fixed[i] === 2 ? 0 : Math.max(0, p.hi[i]! - p.lo[i]! + 1);
    candCols[i + 1] = candCols[i]! + width;
  }
  const numCols = candCols[n]!;
  const colCandidate = new Int32Array(numCols);
  const colStart = new Int32Array(numCols);
  const colCost = new Float64Array(numCols);
  const colNames: string[] = new Array(numCols);
  for (let i = 0; i < n; i++)
    for (let j = candCols[i]!, s = p.lo[i]!; j < candCols[i + 1]!; j++, s++) {
      colCandidate[j] = i;
      colStart[j] = s;
      colCost[j] = p.value[i]!;
      colNames[j] = `y${i}_${sign(s)}`;
    }

  const t = new Triplets();
  const rows: RowMeaning[] = [];
  const rowNames: string[] = [];
  const upper: number[] = [];
  const lower: number[] = [];
  const addRow = (name: string, meaning: RowMeaning, lo: number, hi: number) => {
    rowNames.push(name);
    rows.push(meaning);
    lower.push(lo);
    upper.push(hi);
    return rows.length - 1;
  };

  // Budget rows first, in the order of their limits; capacity rows as demand first meets them.
  const budgetRow = p.budget.map((b, k) => {
    const line = p.lines[b.line]!;
    return addRow(
      `b${k}`,
      { kind: 'budget', line, year: b.year, label: `budget ${line} ${yearLabel(scenario, b.year)}` },
      Number.NEGATIVE_INFINITY,
      b.limit,
    );
  });
  const capRow = new Int32Array(p.roles.length * months).fill(-1);
  const acc = new Float64Array(p.budget.length);
  const touched: number[] = [];
  for (let j = 0; j < numCols; j++) {
    const i = colCandidate[j]!;
    const s = colStart[j]!;
    const c = p.cost[i]!;
    for (let e = 0; e < c.amount.length; e++) {
      const m = s + c.month[e]!;
      if (m < 0 || m >= months) continue; // spent before the horizon, or beyond it
      const r = p.lineYear[c.line[e]! * years + Math.floor(m / 12)]!;
      if (r < 0) continue;
      if (acc[r] === 0) touched.push(r);
      acc[r]! += c.amount[e]!;
    }
    for (const r of touched) {
      t.push(budgetRow[r]!, j, acc[r]!);
      acc[r] = 0;
    }
    touched.length = 0;
    const d = p.demand[i]!;
    for (let e = 0; e < d.hours.length; e++) {
      const m = s + d.month[e]!;
      if (m < 0 || m >= months) continue;
      const slot = d.role[e]! * months + m;
      if (capRow[slot]! < 0) {
        const role = p.roles[d.role[e]!]!;
        capRow[slot] = addRow(
          `c${d.role[e]}_${m}`,
          { kind: 'capacity', role, month: m, label: `capacity ${role} ${monthLabel(scenario, m)}` },
          Number.NEGATIVE_INFINITY,
          p.capacity[slot]!,
        );
      }
      t.push(capRow[slot]!, j, d.hours[e]!);
    }
  }

  const cols = (i: number) => ({ from: candCols[i]!, to: candCols[i + 1]! });
  for (let i = 0; i < n; i++) {
    const { from, to } = cols(i);
    const must = p.fixed[i] === 1;
    if (to - from > 1 || (must && to > from)) {
      const name = cands[i]!.name;
      const r = addRow(
        `one${i}`,
        {
          kind: 'choice',
          candidate: cands[i]!.id,
          must,
          label: must ? `must do ${name}` : `one start for ${name}`,
        },
        must ? 1 : Number.NEGATIVE_INFINITY,
        1,
      );
      for (let j = from; j < to; j++) t.push(r, j, 1);
    }
  }

  p.deps.forEach((dep, k) => {
    const b = cols(dep.to);
    if (b.to === b.from) return; // B cannot be selected anyway
    const a = cols(dep.from);
    const A = cands[dep.from]!;
    const B = cands[dep.to]!;
    if (dep.kind === 'requires') {
      const r = addRow(
        `req${k}`,
        { kind: 'requires', from: A.id, to: B.id, label: `${B.name} requires ${A.name}` },
        Number.NEGATIVE_INFINITY,
        0,
      );
      for (let j = b.from; j < b.to; j++) t.push(r, j, 1);
      for (let j = a.from; j < a.to; j++) t.push(r, j, -1);
      return;
    }
    // One row per start month t of B: B started by t only if A started by t − duration(A).
    const durA = p.duration[dep.from]!;
    for (let jb = b.from; jb < b.to; jb++) {
      const month = colStart[jb]!;
      const r = addRow(
        `aft${k}_${sign(month)}`,
        {
          kind: 'after',
          from: A.id,
          to: B.id,
          month,
          label: `${B.name} after ${A.name} (start by ${monthLabel(scenario, month)})`,
        },
        Number.NEGATIVE_INFINITY,
        0,
      );
      for (let j = b.from; j <= jb; j++) t.push(r, j, 1);
      for (let j = a.from; j < a.to && colStart[j]! <= month - durA; j++) t.push(r, j, -1);
    }
  });

  for (const group of p.exclusions) {
    const live = group.filter((i) => cols(i).to > cols(i).from);
    if (live.length < 2) continue;
    const r = addRow(
      `ex${rows.length}`,
      {
        kind: 'exclusion',
        candidates: live.map((i) => cands[i]!.id),
        label: `at most one of ${live.map((i) => cands[i]!.name).join(', ')}`,
      },
      Number.NEGATIVE_INFINITY,
      1,
    );
    for (const i of live) for (let j = cols(i).from; j < cols(i).to; j++) t.push(r, j, 1);
  }

  const numRows = rows.length;
  const csr = toCsr(t, numRows);
  return {
    numCols,
    numRows,
    colCandidate,
    colStart,
    candCols,
    colCost,
    colNames,
    rowLower: Float64Array.from(lower),
    rowUpper: Float64Array.from(upper),
    rowStarts: csr.starts,
    rowIndex: csr.index,
    rowValue: csr.value,
    rowNames,
    rows,
    prepared: p,
  };
}

/** Column values (0/1) for a plan given as a start month per candidate (null: not selected). */
export function columnsFromStarts(model: PortfolioModel, starts: readonly (number | null)[]): Float64Array {
  const x = new Float64Array(model.numCols);
  starts.forEach((s, i) => {
    if (s === null) return;
    const j = model.candCols[i]! + (s - model.prepared.lo[i]!);
    if (j >= model.candCols[i]! && j < model.candCols[i + 1]!) x[j] = 1;
  });
  return x;
}

/** The start month of each candidate in a column vector (null: not selected). */
export function startsFromColumns(model: PortfolioModel, x: ArrayLike<number>): (number | null)[] {
  const starts: (number | null)[] = Array(model.candCols.length - 1).fill(null);
  for (let j = 0; j < model.numCols; j++)
    if (x[j]! > 0.5) starts[model.colCandidate[j]!] = model.colStart[j]!;
  return starts;
}

/** Each row's activity Σ a·x. */
export function rowActivity(model: PortfolioModel, x: ArrayLike<number>): Float64Array {
  const act = new Float64Array(model.numRows);
  for (let r = 0; r < model.numRows; r++) {
    let s = 0;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++)
      s += model.rowValue[k]! * x[model.rowIndex[k]!]!;
    act[r] = s;
  }
  return act;
}

/** The model as CPLEX LP text (what `highs.solve` and every LP reader take). */
export function toLp(model: PortfolioModel): string {
  const out: string[] = ['Maximize'];
  const terms = (idx: ArrayLike<number>, val: ArrayLike<number>, from: number, to: number) => {
    const parts: string[] = [];
    for (let k = from; k < to; k++) {
      const v = val[k]!;
      parts.push(`${v < 0 ? '-' : '+'} ${Math.abs(v)} ${model.colNames[idx[k]!]}`);
    }
    // Short lines: some LP readers limit their length.
    const lines: string[] = [];
    for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
    return lines.join('\n   ');
  };
  const all = Int32Array.from({ length: model.numCols }, (_, j) => j);
  out.push(` obj: ${terms(all, model.colCost, 0, model.numCols)}`, 'Subject To');
  for (let r = 0; r < model.numRows; r++) {
    if (model.rowStarts[r] === model.rowStarts[r + 1]) continue; // no column: nothing to say
    const lhs = terms(model.rowIndex, model.rowValue, model.rowStarts[r]!, model.rowStarts[r + 1]!);
    const lo = model.rowLower[r]!;
    const hi = model.rowUpper[r]!;
    out.push(` ${model.rowNames[r]}: ${lhs} ${lo === hi ? '=' : '<='} ${hi}`);
    if (lo !== hi && Number.isFinite(lo)) out.push(` ${model.rowNames[r]}_lo: ${lhs} >= ${lo}`);
  }
  out.push('Binary');
  for (let j = 0; j < model.numCols; j += 10) out.push(` ${model.colNames.slice(j, j + 10).join(' ')}`);
  out.push('End', '');
  return out.join('\n');
}
