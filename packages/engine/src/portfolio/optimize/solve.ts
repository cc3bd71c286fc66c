/*
 * The exact portfolio optimizer: the scenario's MILP solved by HiGHS (WebAssembly), started from
 * the better of the greedy plan and the rounded LP relaxation, improved by local search
 * (improve.ts, which also polishes the plans HiGHS finds), within a time limit and a relative
 * gap. The only engine file that loads the solver, reached through the `@pharos/engine/solver`
 * subpath so the engine's main entry stays light in the browser. HiGHS runs synchronously and
 * blocks its thread: the server calls this in a worker thread, and `shouldStop` can read a shared
 * flag (Atomics on a SharedArrayBuffer) that the parent sets to cancel.
 */
import loadHighs, { type Highs, type HighsCallbackMap } from 'highs';
import type { Scenario } from '../scenario';
import { type GreedyOptions, type GreedyRank, greedy, type Plan } from './greedy';
import { type ImproveOptions, improvePlan } from './improve';
import { buildModel, columnsFromStarts, startsFromColumns } from './model';
import { monthLabel, prepare, type ScenarioIssue } from './prepare';
import { type Binding, bindingRows, columnPrices, keepsRows, lpRounding, modelData } from './solve-model';

// The efficient frontier (frontier.ts) is reached through this subpath too. (frontier.ts calls
// `solvePortfolio`, a function declaration, only when run: the import cycle is harmless.)
export { atBudgetLevel, type FrontierOptions, type FrontierPoint, planCost, solveFrontier } from './frontier';
export type { ImproveOptions } from './improve';
export { type Binding, bindingRows } from './solve-model';

let runtime: Promise<Highs> | undefined;

/** Loads the HiGHS WebAssembly runtime once per thread (about 40 ms). */
export function loadSolver(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

export interface SolveProgress {
  /** Seconds since `solvePortfolio` was called. */
  seconds: number;
  /** Best plan's value so far (null before the first). */
  value: number | null;
  /** Best proven upper bound on the value. */
  bound: number | null;
  /** Relative gap (bound − value) / |value|. */
  gap: number | null;
  nodes: number;
}

export interface SolveOptions {
  /** Seconds HiGHS may run (default 10). */
  timeLimit?: number;
  /** Stop once (bound − value) / |value| is at most this (default 1e-4, HiGHS's own). */
  relativeGap?: number;
  /** Further HiGHS options by their HiGHS names (e.g. `mip_heuristic_effort`), for tuning. */
  highsOptions?: Record<string, boolean | number | string>;
  /** Hand the greedy plan (or the rounded LP's, if better) to HiGHS as its first incumbent (default true). */
  mipStart?: boolean;
  /** A plan to start from (e.g. the previous point of a frontier), used when it is feasible and better. */
  initial?: readonly (number | null)[];
  /** Solve the LP relaxation first and round it with the greedy fill (default true). */
  lpRounding?: boolean;
  /**
   * Local search (`improve.ts`) on the first incumbent and on each plan HiGHS finds, handed back
   * to HiGHS when better (default true; `effort` defaults to 1.5·10⁷ per second of time limit,
   * at most 1.5·10⁸, about a second).
   */
  improve?: boolean | ImproveOptions;
  greedy?: GreedyOptions;
  /** Called as the incumbent or the bound improves (from HiGHS's MIP interrupt callback). */
  onProgress?: (p: SolveProgress) => void;
  /** Polled at every MIP checkpoint; true stops the solve (status `interrupted`, best plan kept). */
  shouldStop?: () => boolean;
  /** HiGHS's log lines (presolve, the branch-and-bound table), as it writes them. */
  onLog?: (line: string) => void;
  /** A row binds when its slack is at most this share of its limit (default 1e-6). */
  bindingTolerance?: number;
}

export type SolveStatus = 'optimal' | 'time-limit' | 'interrupted' | 'infeasible' | 'invalid' | 'error';

export interface SolveResult {
  /** `optimal`: proven within `relativeGap`. */
  status: SolveStatus;
  /** HiGHS's model status code (see highs.constants.modelStatus), −1 when it did not run. */
  solverStatus: number;
  selection: { id: string; name: string; start: number; month: string }[];
  /** Start month per candidate (scenario order), null when not selected. */
  starts: (number | null)[];
  value: number | null;
  bound: number | null;
  gap: number | null;
  /** Whole call, and HiGHS alone. */
  seconds: number;
  solverSeconds: number;
  binding: Binding[];
  greedy: Plan & { rank: GreedyRank; seconds: number };
  /** Whether HiGHS accepted the greedy plan as its starting incumbent. */
  startAccepted: boolean;
  /** Value, bound and gap each time one improved. */
  trace: SolveProgress[];
  issues: ScenarioIssue[];
  size: { columns: number; rows: number; nonzeros: number };
}

const gapOf = (value: number | null, bound: number | null) =>
  value === null || bound === null
    ? null
    : Math.max(0, bound - value) / Math.max(Math.abs(value), 1e-9 * Math.max(1, Math.abs(bound)));

export async function solvePortfolio(scenario: Scenario, options: SolveOptions = {}): Promise<SolveResult> {
  const t0 = performance.now();
  const prepared = prepare(scenario);
  const g0 = performance.now();
  const first = { ...greedy(scenario, options.greedy, prepared), seconds: 0 };
  first.seconds = (performance.now() - g0) / 1000;
  const model = buildModel(scenario, prepared);
  const base = {
    greedy: first,
    issues: prepared.issues,
    size: { columns: model.numCols, rows: model.numRows, nonzeros: model.rowIndex.length },
  };
  const planValue = (starts: readonly (number | null)[]) =>
    starts.reduce<number>((v, s, i) => (s === null ? v : v + prepared.value[i]!), 0);
  const result = (
    status: SolveStatus,
    solverStatus: number,
    starts: (number | null)[] | null,
    bound: number | null,
    solverSeconds: number,
    rest: { startAccepted: boolean; trace: SolveProgress[] },
  ): SolveResult => {
    const value = starts ? planValue(starts) : null;
    const chosen = starts ?? scenario.candidates.map(() => null);
    return {
      status,
      solverStatus,
      selection: chosen.flatMap((s, i) => {
        const c = scenario.candidates[i]!;
        return s === null ? [] : [{ id: c.id, name: c.name, start: s, month: monthLabel(scenario, s) }];
      }),
      starts: chosen,
      value,
      bound,
      gap: gapOf(value, bound),
      seconds: (performance.now() - t0) / 1000,
      solverSeconds,
      binding: starts ? bindingRows(model, starts, options.bindingTolerance) : [],
      ...rest,
      ...base,
    };
  };
  if (prepared.issues.length)
    return result('invalid', -1, null, null, 0, { startAccepted: false, trace: [] });

  const highs = await loadSolver();
  const S = highs.constants.modelStatus;
  const trace: SolveProgress[] = [];
  const data = modelData(highs, model);
  const timeLimit = options.timeLimit ?? 10;
  const hm = highs.createModel(data);
  try {
    hm.options.set({
      output_flag: Boolean(options.onLog),
      log_to_console: false,
      time_limit: timeLimit,
      mip_rel_gap: options.relativeGap ?? 1e-4,
      // More primal heuristics than HiGHS's 0.05: on mknapcb4 this took 10-second plans from 29 to
      // 30 of 30 within 0.5 % of the best known.
      mip_heuristic_effort: 0.3,
      ...options.highsOptions,
    });
    let start: Plan = first;
    /** Each column's use of the limits priced by the LP relaxation's duals (guides the local search). */
    let price: Float64Array | undefined;
    if ((options.lpRounding ?? true) && model.numCols > 0) {
      // The LP relaxation rounded by the greedy fill: often a far better first incumbent.
      const { integrality: _, ...lp } = data;
      const relaxed = highs.createModel(lp);
      try {
        relaxed.options.set({ output_flag: false, time_limit: timeLimit / 4 });
        if (relaxed.run().modelStatus === S.optimal) {
          const solution = relaxed.getSolution();
          const rounded = lpRounding(scenario, model, solution.colValue, first);
          if (rounded.feasible && (!start.feasible || rounded.value > start.value)) start = rounded;
          price = columnPrices(model, data.matrix.values, solution.rowDual);
        }
      } finally {
        relaxed.dispose();
      }
    }
    if (options.initial && keepsRows(model, options.initial)) {
      const value = planValue(options.initial);
      if (!start.feasible || value > start.value)
        start = { starts: [...options.initial], value, feasible: true };
    }
    const improve = options.improve ?? true;
    const effort =
      (improve !== false && improve !== true && improve.effort) || Math.min(1.5e8, timeLimit * 1.5e7);
    const search = (starts: readonly (number | null)[], work: number, seed: number, patience?: number) =>
      improvePlan(model, starts, {
        price,
        seed,
        ...(patience !== undefined && { patience }),
        ...(typeof improve === 'object' && improve),
        effort: work,
      });
    // Polishing HiGHS's plans is worth it where the search bettered the start (on a plain
    // knapsack it rarely does, and HiGHS is better left alone).
    let polish = false;
    if (improve && start.feasible && model.numCols > 0) {
      const better = search(start.starts, effort, 1);
      if (better.value > start.value) {
        start = { starts: better.starts, value: better.value, feasible: true };
        polish = true;
      }
    }
    hm.options.set('time_limit', Math.max(0.1, timeLimit - (performance.now() - t0) / 1000));
    let startAccepted = false;
    if ((options.mipStart ?? true) && start.feasible && model.numCols > 0)
      startAccepted = hm.setSolution({ colValue: columnsFromStarts(model, start.starts) }).status === 0;
    // The best plan known on this side: the start, then HiGHS's incumbents polished by local search.
    let own: Plan = start;
    let pending: Float64Array | undefined;
    let polished = 1;
    // Polishing HiGHS's plans shares one more `effort` (HiGHS may find dozens of plans).
    let polishLeft = effort;
    let last: SolveProgress | undefined;
    const offset = () => (s0 - t0) / 1000;
    const report = (seconds: number, primal: number | null, bound: number | null, nodes: number) => {
      const value = own.feasible && (primal === null || own.value > primal) ? own.value : primal;
      if (last && value === last.value && bound === last.bound) return;
      last = { seconds: offset() + seconds, value, bound, gap: gapOf(value, bound), nodes };
      trace.push(last);
      options.onProgress?.(last);
    };
    const finite = (x: number | undefined) =>
      x !== undefined && Number.isFinite(x) && Math.abs(x) < 1e300 ? x : null;
    const log = options.onLog;
    const callbacks: HighsCallbackMap = {
      ...(log && {
        [highs.constants.callbackType.logging](event: { message: string }) {
          for (const line of event.message.split('\n')) if (line.trim()) log(line);
        },
      }),
      [highs.constants.callbackType.mipInterrupt](event) {
        const d = event.data;
        report(
          d.running_time ?? 0,
          finite(d.mip_primal_bound),
          finite(d.mip_dual_bound),
          Number(d.mip_node_count ?? 0),
        );
        if (options.shouldStop?.()) event.interrupt();
      },
      ...(polish && {
        // Each new incumbent, polished: when the search betters it, HiGHS gets the plan back.
        [highs.constants.callbackType.mipImprovingSolution](event) {
          const x = event.data.mip_solution;
          if (!x || x.length !== model.numCols) return;
          const found = startsFromColumns(model, x);
          const value = planValue(found);
          if ((own.feasible && value <= own.value) || polishLeft < effort / 100 || !keepsRows(model, found))
            return;
          const better = search(found, Math.min(effort / 8, polishLeft), ++polished, 30);
          polishLeft -= better.work;
          own = { starts: better.starts, value: better.value, feasible: true };
          if (better.value > value) pending = columnsFromStarts(model, better.starts);
          const d = event.data;
          report(
            d.running_time ?? 0,
            finite(d.mip_primal_bound),
            finite(d.mip_dual_bound),
            Number(d.mip_node_count ?? 0),
          );
        },
        [highs.constants.callbackType.mipUserSolution](event) {
          if (!pending) return;
          event.setSolution(pending);
          pending = undefined;
        },
      }),
    };
    const s0 = performance.now();
    const run = hm.run(callbacks);
    const solverSeconds = (performance.now() - s0) / 1000;
    const code = run.modelStatus;
    const rest = { startAccepted, trace };
    if (code === S.infeasible) return result('infeasible', code, null, null, solverSeconds, rest);
    const status: SolveStatus =
      code === S.optimal || code === S.empty
        ? 'optimal'
        : code === S.timeLimit
          ? 'time-limit'
          : code === S.interrupted
            ? 'interrupted'
            : 'error';
    let starts: (number | null)[] | null = null;
    if (hm.info.get('primal_solution_status') === 2 || code === S.optimal)
      starts = startsFromColumns(model, hm.getSolution().colValue);
    if (code === S.empty) starts = scenario.candidates.map(() => null);
    let bound: number | null = code === S.empty ? 0 : Number(hm.info.get('mip_dual_bound'));
    if (!Number.isFinite(bound) || Math.abs(bound!) >= 1e300) bound = null;
    // Rounded to exact 0/1, the plan must still keep every row; else fall back on the greedy plan.
    if (starts && !keepsRows(model, starts)) starts = null;
    if (own.feasible && (!starts || own.value > planValue(starts))) starts = own.starts;
    return result(status, code, starts, bound, solverSeconds, rest);
  } finally {
    hm.dispose();
  }
}
