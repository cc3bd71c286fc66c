// Small scenarios for the optimizer's tests: a candidate with plain defaults, a scenario around them.
import type { Candidate, Scenario } from '../scenario';

/** A proposal starting in month 0 for one month, no cost, no demand; `score` is its value. */
export function cand(id: string, score: number, rest: Partial<Candidate> = {}): Candidate {
  return {
    id,
    name: id,
    kind: 'proposal',
    value: { score, npv: 0 },
    duration: 1,
    earliestStart: 0,
    latestStart: 0,
    shiftable: false,
    plannedStart: 0,
    cost: [],
    demand: [],
    ...rest,
  };
}

/** A capex cost of `amount` in the candidate's first month. */
export const capex = (amount: number, month = 0) => ({ line: 'capex', month, amount });

export function scenario(candidates: Candidate[], rest: Partial<Scenario> = {}): Scenario {
  return {
    horizon: { start: '2026-01', months: 24 },
    budget: [],
    capacity: [],
    candidates,
    dependencies: [],
    exclusions: [],
    objective: 'score',
    ...rest,
  };
}

/** Capacity of `hours` for a role in every month of a 24-month horizon. */
export const everyMonth = (role: string, hours: number, months = 24) =>
  Array.from({ length: months }, (_, month) => ({ role, month, hours }));
