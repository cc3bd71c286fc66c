/*
 * OR-Library's multidimensional knapsack problems (shared/corpus/mknap, see its README) read as
 * one-period scenarios: each constraint a budget line for year 0, each item a candidate fixed at
 * month 0 whose score is its profit. Used by the corpus test and the bench.
 */
import type { Scenario } from '../scenario';
import { solvePortfolio } from './solve';

export interface Knapsack {
  name: string;
  profit: number[];
  /** weight[k][j]: item j's use of constraint k. */
  weight: number[][];
  capacity: number[];
  /** The optimum the file states (mknap1, mknap2) or the best known (mknapcb*), 0 if none. */
  best: number;
}

function take(tokens: number[], at: { i: number }, count: number): number[] {
  const out = tokens.slice(at.i, at.i + count);
  at.i += count;
  if (out.length !== count) throw new Error('Truncated knapsack file');
  return out;
}

/** mknap1 and mknapcb*: K, then per problem `n m opt`, profits, m rows of weights, capacities. */
export function parseOrLib(text: string, prefix: string): Knapsack[] {
  const tokens = text.trim().split(/\s+/).map(Number);
  const at = { i: 1 };
  return Array.from({ length: tokens[0]! }, (_, p) => {
    const [n, m, best] = take(tokens, at, 3) as [number, number, number];
    const profit = take(tokens, at, n);
    const weight = Array.from({ length: m }, () => take(tokens, at, n));
    return { name: `${prefix}-${p + 1}`, profit, weight, capacity: take(tokens, at, m), best };
  });
}

/** mknap2: `problem NAME.DAT` sections of `m n`, n profits, m capacities, m rows of weights, optimum. */
export function parseMknap2(text: string): Knapsack[] {
  const lines = text.split(/\r?\n/);
  const out: Knapsack[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^\s*problem\s+(\S+)\.DAT/.exec(lines[i]!);
    if (!head) continue;
    let j = i + 1;
    while (!lines[j]!.includes('+++')) j++;
    let k = j + 1;
    while (k < lines.length && !lines[k]!.includes('+++')) k++;
    const tokens = lines
      .slice(j + 1, k)
      .join(' ')
      .trim()
      .split(/\s+/)
      .map(Number);
    const at = { i: 0 };
    const [m, n] = take(tokens, at, 2) as [number, number];
    const profit = take(tokens, at, n);
    const capacity = take(tokens, at, m);
    const weight = Array.from({ length: m }, () => take(tokens, at, n));
    out.push({ name: head[1]!, profit, weight, capacity, best: take(tokens, at, 1)[0]! });
    i = k - 1;
  }
  return out;
}

/**
 * mkcbres.txt's best known values: mknapcb1 is the first 30 rows (they carry no name), mknapcb4
 * the rows named 10.100-00 … 10.100-29. (Further unnamed rows belong to other sets.)
 */
export function parseCbBest(text: string): { cb1: number[]; cb4: number[] } {
  const table = text.split(/Best Feasible Solution Value/)[1]!.split(/Problem Name\s+LP/)[0]!;
  const rows = table
    .split(/\r?\n/)
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => /^\d+$/.test(f.at(-1)!));
  return {
    cb1: rows.slice(0, 30).map((f) => Number(f[0])),
    cb4: rows.filter((f) => f[0]!.startsWith('10.100-')).map((f) => Number(f[1])),
  };
}

export function knapsackScenario(k: Knapsack): Scenario {
  return {
    horizon: { start: '2000-01', months: 1 },
    budget: k.capacity.map((limit, c) => ({ line: `c${c}`, year: 0, limit })),
    capacity: [],
    candidates: k.profit.map((score, j) => ({
      id: `i${j}`,
      name: `item ${j}`,
      kind: 'proposal',
      value: { score, npv: 0 },
      duration: 1,
      earliestStart: 0,
      latestStart: 0,
      shiftable: false,
      plannedStart: 0,
      cost: k.weight.map((row, c) => ({ line: `c${c}`, month: 0, amount: row[j]! })),
      demand: [],
    })),
    dependencies: [],
    exclusions: [],
    objective: 'score',
  };
}

/** Solves until the plan is worth `target` (or the time limit), as a user watching it would stop. */
export async function solveKnapsackTo(k: Knapsack, target: number, seconds: number) {
  let reached = false;
  return solvePortfolio(knapsackScenario(k), {
    timeLimit: seconds,
    relativeGap: 0,
    onProgress: (p) => {
      reached ||= (p.value ?? Number.NEGATIVE_INFINITY) >= target;
    },
    shouldStop: () => reached,
  });
}
