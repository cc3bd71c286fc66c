/*
 * The efficient frontier: the best portfolio value at a range of budget levels, each level a
 * share of the scenario's budget applied to every budget limit alike (capacity and the rules
 * stay). Levels go from low to high, so the plan of one level keeps every limit of the next and
 * starts it: the values never go down, and each solve begins from a good plan.
 */
import type { Scenario } from '../scenario';
import { type SolveStatus, solvePortfolio } from './solve';

export interface FrontierOptions {
  /** Budget levels (default 15), evenly spaced from `from` to `to`. */
  points?: number;
  /** Lowest level, as a share of the scenario's budget (default 0.3). */
  from?: number;
  /** Highest level (default 1.7). */
  to?: number;
  /** Seconds each level may take (default 4). */
  timeLimitPerPoint?: number;
  /** A level is done once its plan is proven within this gap (default 0.01). */
  relativeGap?: number;
  /** Called as each level is done. */
  onPoint?: (point: FrontierPoint, index: number, total: number) => void;
  /** Polled between levels and during each solve; true stops (the levels done so far are kept). */
  shouldStop?: () => boolean;
}

export interface FrontierPoint {
  /** Share of the scenario's budget. */
  level: number;
  /** Total of all budget limits at this level, minor units. */
  budget: number;
  value: number | null;
  bound: number | null;
  gap: number | null;
  status: SolveStatus;
  /** Start month per candidate (scenario order), null when not selected. */
  starts: (number | null)[];
  /** Candidates selected. */
  selected: number;
  /** Total cost of the plan within the horizon, every cost line, minor units. */
  cost: number;
}

/** The scenario with every budget limit scaled by `level` (rounded to a whole minor unit). */
export function atBudgetLevel(scenario: Scenario, level: number): Scenario {
  return { ...scenario, budget: scenario.budget.map((b) => ({ ...b, limit: Math.round(b.limit * level) })) };
}

/** What a plan spends within the horizon, over every cost line. */
export function planCost(scenario: Scenario, starts: readonly (number | null)[]): number {
  let total = 0;
  scenario.candidates.forEach((c, i) => {
    const s = starts[i];
    if (s == null) return;
    for (const x of c.cost) if (s + x.month >= 0 && s + x.month < scenario.horizon.months) total += x.amount;
  });
  return total;
}

/**
 * Solves the scenario at `points` budget levels, lowest first, each started from the previous
 * level's plan (rounding `limit × level` never lowers a limit as the level rises, so that plan
 * still fits). A stop request ends the run after the level in progress, which is kept with its
 * status `interrupted` and its best plan so far.
 */
export async function solveFrontier(
  scenario: Scenario,
  options: FrontierOptions = {},
): Promise<FrontierPoint[]> {
  const total = Math.max(1, Math.floor(options.points ?? 15));
  const from = options.from ?? 0.3;
  const to = options.to ?? 1.7;
  const levels = Array.from({ length: total }, (_, k) =>
    total === 1 ? from : from + ((to - from) * k) / (total - 1),
  );
  const out: FrontierPoint[] = [];
  let previous: (number | null)[] | undefined;
  for (const [k, level] of levels.entries()) {
    if (options.shouldStop?.()) break;
    const s = atBudgetLevel(scenario, level);
    const r = await solvePortfolio(s, {
      timeLimit: options.timeLimitPerPoint ?? 4,
      relativeGap: options.relativeGap ?? 0.01,
      initial: previous,
      shouldStop: options.shouldStop,
    });
    const planned = r.value !== null;
    const point: FrontierPoint = {
      level,
      budget: s.budget.reduce((sum, b) => sum + b.limit, 0),
      value: r.value,
      bound: r.bound,
      gap: r.gap,
      status: r.status,
      starts: r.starts,
      selected: planned ? r.starts.filter((x) => x !== null).length : 0,
      cost: planned ? planCost(s, r.starts) : 0,
    };
    out.push(point);
    options.onPoint?.(point, k, total);
    if (planned) previous = r.starts;
    if (r.status === 'interrupted' || r.status === 'invalid') break;
  }
  return out;
}
