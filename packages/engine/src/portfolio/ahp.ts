/*
 * The analytic hierarchy process (Saaty): weights from pairwise comparisons, how consistent the
 * comparisons are, which judgement is most out of line, and the composition of a hierarchy's
 * local priorities into global ones.
 *
 * Elements (criteria, or alternatives under one criterion) are numbered 0..n−1. A comparison
 * `[row, column, value]` says row is `value` times as important as column on Saaty's 1–9 scale
 * (1/9..9); the reverse judgement is its reciprocal and every element equals itself. Each pair is
 * compared once, in either direction.
 */

/** A pairwise judgement: element `row` is `value` times as important as element `column`. */
export type Comparison = readonly [row: number, column: number, value: number];

/**
 * Published tables of the random index (the mean CI of random reciprocal matrices) by n:
 * `saaty` — Saaty, *Theory and Applications of the Analytic Network Process* (2005), p. 31, the
 * one AHPy's `random_index='saaty'` and the examples in our corpus use; `saaty-1980` — the
 * original table in Saaty, *The Analytic Hierarchy Process* (1980); `donegan-dodd` — Donegan &
 * Dodd, "A note on Saaty's random indexes", Math. Comput. Modelling 15(10), 1991.
 */
export type RandomIndexTable = 'saaty' | 'saaty-1980' | 'donegan-dodd';

const RANDOM_INDEX: Record<RandomIndexTable, readonly number[]> = {
  saaty: [0, 0, 0.52, 0.89, 1.11, 1.25, 1.35, 1.4, 1.45, 1.49, 1.52, 1.54, 1.56, 1.58, 1.59],
  'saaty-1980': [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59],
  'donegan-dodd': [
    0, 0, 0.4914, 0.8286, 1.0591, 1.1797, 1.2519, 1.3171, 1.3733, 1.4055, 1.4213, 1.4497, 1.4643, 1.4822,
    1.4969,
  ],
};

/** The largest number of elements compared at once (the random index tables stop at 15). */
export const MAX_AHP_ELEMENTS = 15;

/** The values of Saaty's scale, 1/9 to 9. */
export const SAATY_SCALE: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2]
  .map((v) => 1 / v)
  .concat([1, 2, 3, 4, 5, 6, 7, 8, 9]);

export interface AhpOptions {
  /** The random index table the consistency ratio divides by; `saaty` (2005) by default. */
  randomIndex?: RandomIndexTable;
  /** Names of the elements, used in error messages (`0`, `1`, … otherwise). */
  labels?: readonly string[];
  /** Power iteration stops when no weight moves by more than this; 1e-12 by default. */
  tolerance?: number;
}

/** The outcome of one set of pairwise comparisons. */
export interface AhpResult {
  /** The principal eigenvector, summing to 1: each element's priority. */
  weights: number[];
  /** The principal eigenvalue (n when the judgements are perfectly consistent). */
  lambdaMax: number;
  /** Consistency index, (λmax − n) / (n − 1); 0 for n ≤ 2. */
  ci: number;
  /** The random index used. */
  ri: number;
  /** Consistency ratio, CI / RI; 0 for n ≤ 2. */
  cr: number;
  /** CR ≤ 0.1, Saaty's threshold for acceptable judgements. */
  consistent: boolean;
}

/** How far one judgement is from what the weights imply. */
export interface JudgementError {
  /** Its position in the comparisons given. */
  index: number;
  row: number;
  column: number;
  value: number;
  /** w_row / w_column: the value that would agree with the weights. */
  implied: number;
  /** |ln(value / implied)|: 0 when it agrees, ln 9 ≈ 2.2 when it is off by a factor of 9. */
  deviation: number;
  /**
   * What the other judgements say instead: the geometric mean of a_ik · a_kj over every third
   * element k, rounded to the nearest value on Saaty's scale (the value itself when n = 2). It can
   * equal `value` when the judgement is already at an end of the scale (1/9 or 9).
   */
  suggested: number;
}

/** A node of an AHP hierarchy: its priorities over its children, or over the alternatives at a leaf. */
export interface PriorityNode {
  priorities: readonly number[];
  children?: readonly PriorityNode[];
}

/** The reciprocal matrix the comparisons describe, after checking they are complete and on the scale. */
export function pairwiseMatrix(
  n: number,
  comparisons: readonly Comparison[],
  labels?: readonly string[],
): number[][] {
  if (!Number.isInteger(n) || n < 1 || n > MAX_AHP_ELEMENTS) {
    throw new RangeError(`n must be an integer from 1 to ${MAX_AHP_ELEMENTS}, not ${n}`);
  }
  const name = (i: number) => labels?.[i] ?? String(i);
  const matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j): number => (i === j ? 1 : 0)),
  );
  comparisons.forEach(([row, column, value], k) => {
    const field = `comparisons[${k}]`;
    for (const index of [row, column]) {
      if (!Number.isInteger(index) || index < 0 || index >= n) {
        throw new RangeError(`${field}: element ${index} is not one of 0..${n - 1}`);
      }
    }
    const pair = `${name(row)} vs ${name(column)}`;
    if (row === column) throw new RangeError(`${field}: ${pair} compares an element with itself`);
    // Within 0.01 % of the ends, so that 0.111111 passes for 1/9.
    if (!Number.isFinite(value) || value < (1 / 9) * (1 - 1e-4) || value > 9 * (1 + 1e-4)) {
      throw new RangeError(`${field}: ${pair} is ${value}, outside Saaty's scale 1/9 to 9`);
    }
    if (matrix[row]![column] !== 0) throw new Error(`${field}: ${pair} is compared more than once`);
    matrix[row]![column] = value;
    matrix[column]![row] = 1 / value;
  });
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (matrix[i]![j] === 0) missing.push(`${name(i)} vs ${name(j)}`);
  }
  if (missing.length) throw new Error(`comparisons: missing ${missing.join(', ')}`);
  return matrix;
}

/** The random index for n elements from a published table. */
export function randomIndex(n: number, table: RandomIndexTable = 'saaty'): number {
  const ri = RANDOM_INDEX[table][n - 1];
  if (ri === undefined)
    throw new RangeError(`n must be from 1 to ${MAX_AHP_ELEMENTS} for a random index, not ${n}`);
  return ri;
}

function multiply(matrix: readonly number[][], w: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, a, j) => sum + a * w[j]!, 0));
}

/**
 * Priorities from pairwise comparisons: the principal eigenvector by power iteration (the matrix is
 * positive, so it converges from the uniform vector), with λmax, CI and CR.
 */
export function ahpPriorities(
  n: number,
  comparisons: readonly Comparison[],
  options: AhpOptions = {},
): AhpResult {
  const matrix = pairwiseMatrix(n, comparisons, options.labels);
  const tolerance = options.tolerance ?? 1e-12;
  let w = Array<number>(n).fill(1 / n);
  let lambdaMax = n;
  for (let iteration = 0; iteration < 100_000; iteration++) {
    const next = multiply(matrix, w);
    // With Σ w = 1, Σ (A w) is the Rayleigh-like estimate of λmax that converges with w.
    lambdaMax = next.reduce((a, b) => a + b, 0);
    const normalized = next.map((v) => v / lambdaMax);
    const moved = Math.max(...normalized.map((v, i) => Math.abs(v - w[i]!)));
    w = normalized;
    if (moved <= tolerance) break;
  }
  const ri = randomIndex(n, options.randomIndex);
  const ci = n <= 2 ? 0 : Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = n <= 2 ? 0 : ci / ri;
  return { weights: w, lambdaMax, ci, ri, cr, consistent: cr <= 0.1 };
}

/** The point of Saaty's scale nearest to a ratio, measured by ratio (on a log scale). */
export function nearestScaleValue(ratio: number): number {
  let best = 1;
  for (const v of SAATY_SCALE) if (Math.abs(Math.log(v / ratio)) < Math.abs(Math.log(best / ratio))) best = v;
  return best;
}

/**
 * Every judgement with how far it is from the ratio of the weights, worst first (ties in the order
 * given). Saaty's advice for an inconsistent matrix is to revisit the judgement with the largest
 * a_ij · w_j / w_i (or its reciprocal), which is the first one here.
 */
export function judgementErrors(
  comparisons: readonly Comparison[],
  weights: readonly number[],
): JudgementError[] {
  const n = weights.length;
  const matrix = pairwiseMatrix(n, comparisons);
  return comparisons
    .map(([row, column, value], index) => {
      const implied = weights[row]! / weights[column]!;
      const deviation = Math.abs(Math.log(value / implied));
      let logSum = 0;
      for (let k = 0; k < n; k++) {
        if (k !== row && k !== column) logSum += Math.log(matrix[row]![k]! * matrix[k]![column]!);
      }
      const suggested = n > 2 ? nearestScaleValue(Math.exp(logSum / (n - 2))) : value;
      return { index, row, column, value, implied, deviation, suggested };
    })
    .sort((a, b) => b.deviation - a.deviation || a.index - b.index);
}

function checkPriorities(field: string, priorities: readonly number[]): void {
  priorities.forEach((p, i) => {
    if (!Number.isFinite(p) || p < 0)
      throw new RangeError(`${field}[${i}] must be a non-negative number, not ${p}`);
  });
}

/**
 * Global priorities of the alternatives in a two-level hierarchy: Σ over criteria of the
 * criterion's weight × the alternative's local priority under it. `local[c][a]` is alternative a
 * under criterion c.
 */
export function composePriorities(
  criteriaWeights: readonly number[],
  local: readonly (readonly number[])[],
): number[] {
  return composeHierarchy({
    priorities: criteriaWeights,
    children: local.map((priorities) => ({ priorities })),
  });
}

/** Global priorities of the alternatives in a hierarchy of any depth (weights multiply down each path). */
export function composeHierarchy(node: PriorityNode, field = 'hierarchy'): number[] {
  checkPriorities(`${field}.priorities`, node.priorities);
  if (!node.children) return [...node.priorities];
  if (node.children.length !== node.priorities.length) {
    throw new RangeError(
      `${field}: ${node.priorities.length} priorities but ${node.children.length} children; they must match`,
    );
  }
  let global: number[] | undefined;
  node.children.forEach((child, i) => {
    const below = composeHierarchy(child, `${field}.children[${i}]`);
    if (global && below.length !== global.length) {
      throw new RangeError(
        `${field}.children[${i}] ranks ${below.length} alternatives, not ${global.length} like its siblings`,
      );
    }
    global ??= Array<number>(below.length).fill(0);
    below.forEach((p, a) => {
      global![a]! += node.priorities[i]! * p;
    });
  });
  return global ?? [];
}
