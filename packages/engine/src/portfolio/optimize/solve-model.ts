/*
 * The portfolio model as HiGHS is given it (rows scaled), and what a plan does to the model: the
 * rows it runs up against, whether it keeps every row, the LP relaxation rounded to a plan, and
 * the price of each column at the relaxation's duals. The solve itself is solve.ts.
 */
import type { Highs } from 'highs';
import type { Scenario } from '../scenario';
import { greedyFrom, type Plan } from './greedy';
import { columnsFromStarts, type PortfolioModel, type RowMeaning, rowActivity } from './model';

/** A limit or rule the plan runs up against. */
export interface Binding {
  kind: RowMeaning['kind'];
  label: string;
  /** For budget and capacity: the limit, what the plan uses, what is left. */
  limit?: number;
  used?: number;
  slack?: number;
}

/**
 * Each row's scale for HiGHS: budget rows in minor units reach 10⁹ and more, so a row whose largest
 * entry is above 10⁴ is divided by a power of ten that brings it to 10³–10⁴ (the plan and its
 * check stay in minor units; only HiGHS sees the scaled rows). Integral data keep a violation of
 * one minor unit far above HiGHS's feasibility tolerance.
 */
function rowScales(m: PortfolioModel): Float64Array {
  const scale = new Float64Array(m.numRows).fill(1);
  for (let r = 0; r < m.numRows; r++) {
    let top = 0;
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) top = Math.max(top, Math.abs(m.rowValue[k]!));
    const e = Math.floor(Math.log10(top || 1)) - 3;
    if (e > 0) scale[r] = 10 ** -e;
  }
  return scale;
}

/** Plain-data HiGHS input for the model, rows scaled (`rowScales`). */
export function modelData(highs: Highs, m: PortfolioModel) {
  const scale = rowScales(m);
  const values = new Float64Array(m.rowValue.length);
  for (let r = 0; r < m.numRows; r++)
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) values[k] = m.rowValue[k]! * scale[r]!;
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: new Float64Array(m.numCols),
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: m.rowLower.map((v, r) => (v === Number.NEGATIVE_INFINITY ? -highs.infinity : v * scale[r]!)),
    rowUpper: m.rowUpper.map((v, r) => v * scale[r]!),
    matrix: {
      format: 'csr' as const,
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.rowStarts,
      indices: m.rowIndex,
      values,
    },
    integrality: new Int32Array(m.numCols).fill(highs.constants.variableType.integer),
    colNames: m.colNames,
    rowNames: m.rowNames,
  };
}

/** Rows the plan runs up against: full budgets and capacities, used exclusions and dependencies. */
export function bindingRows(
  model: PortfolioModel,
  starts: readonly (number | null)[],
  tolerance = 1e-6,
): Binding[] {
  const x = columnsFromStarts(model, starts);
  const act = rowActivity(model, x);
  const p = model.prepared;
  const index = p.index;
  const out: Binding[] = [];
  model.rows.forEach((row, r) => {
    const a = act[r]!;
    const hi = model.rowUpper[r]!;
    switch (row.kind) {
      case 'budget':
      case 'capacity':
        if (model.rowStarts[r + 1]! > model.rowStarts[r]! && hi - a <= tolerance * Math.max(1, Math.abs(hi)))
          out.push({ kind: row.kind, label: row.label, limit: hi, used: a, slack: hi - a });
        break;
      case 'exclusion':
        if (a >= 0.5) out.push({ kind: row.kind, label: row.label });
        break;
      case 'requires':
        if (starts[index.get(row.to)!] !== null) out.push({ kind: row.kind, label: row.label });
        break;
      case 'after': {
        // Binds when B starts in this row's month, right as A ends.
        const a0 = starts[index.get(row.from)!];
        const b0 = starts[index.get(row.to)!];
        if (b0 === row.month && a0 != null && b0 === a0 + p.duration[index.get(row.from)!]!)
          out.push({ kind: row.kind, label: row.label });
        break;
      }
      case 'choice':
        break;
    }
  });
  return out;
}

/** The LP relaxation's columns rounded: candidates by Σ_s y[i,s], each at its largest y[i,s]. */
export function lpRounding(
  scenario: Scenario,
  model: PortfolioModel,
  y: Float64Array,
  greedyPlan: Plan,
): Plan {
  const n = scenario.candidates.length;
  const x = new Float64Array(n);
  const preferred: (number | null)[] = Array(n).fill(null);
  for (let i = 0; i < n; i++) {
    let top = 0;
    for (let j = model.candCols[i]!; j < model.candCols[i + 1]!; j++) {
      x[i]! += y[j]!;
      if (y[j]! > top + 1e-9) {
        top = y[j]!;
        preferred[i] = model.colStart[j]!;
      }
    }
  }
  // Ties (most often x = 1 or 0) keep the greedy plan's choices first.
  const inGreedy = (i: number) => (greedyPlan.starts[i] !== null ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      x[b]! - x[a]! || inGreedy(b) - inGreedy(a) || model.prepared.value[b]! - model.prepared.value[a]!,
  );
  return greedyFrom(scenario, order, preferred, model.prepared);
}

/**
 * Σ |dual| · entry over the budget and capacity rows for each column: what its use of the limits
 * costs at the LP relaxation's prices (entries and duals of the same, scaled, rows).
 */
export function columnPrices(
  model: PortfolioModel,
  values: Float64Array,
  rowDual: ArrayLike<number>,
): Float64Array {
  const price = new Float64Array(model.numCols);
  for (let r = 0; r < model.numRows; r++) {
    const kind = model.rows[r]!.kind;
    const pi = Math.abs(rowDual[r] ?? 0);
    if ((kind !== 'budget' && kind !== 'capacity') || pi === 0) continue;
    for (let k = model.rowStarts[r]!; k < model.rowStarts[r + 1]!; k++)
      price[model.rowIndex[k]!]! += pi * values[k]!;
  }
  return price;
}

/** Whether a plan keeps every row of the model (exact 0/1 columns). */
export function keepsRows(model: PortfolioModel, starts: readonly (number | null)[]): boolean {
  const act = rowActivity(model, columnsFromStarts(model, starts));
  for (let r = 0; r < model.numRows; r++) {
    const tol = 1e-9 * Math.max(1, Math.abs(model.rowUpper[r]!));
    if (act[r]! > model.rowUpper[r]! + tol || act[r]! < model.rowLower[r]! - tol) return false;
  }
  return true;
}
