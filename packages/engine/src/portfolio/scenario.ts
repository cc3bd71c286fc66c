/*
 * A portfolio scenario as the optimizer reads it: candidates (proposals and running projects)
 * with their value, their cost and role demand month by month from their own start, and the
 * limits they must fit in together. Plain data, shared by the server (which builds it from
 * proposals, projects and the role catalog), the scenario file format and the web app (which
 * recomputes budget and capacity use as a project is dragged on the timeline).
 *
 * Time is in months counted from the scenario's first month (0 = `horizon.start`). Money is in
 * integer minor units of the organization's currency; effort in hours.
 */

/** What a scenario maximizes. */
export type ObjectiveKind = 'score' | 'npv' | 'objectives';

export interface CandidateValue {
  /** The candidate's score from its scoring framework (0–100, higher is better). */
  score: number;
  /** Net present value (minor units). */
  npv: number;
  /** Contribution to each strategic objective (objective id → 0–1 or any non-negative measure). */
  objectives?: Record<string, number>;
}

export interface Candidate {
  id: string;
  name: string;
  /** A proposal or a project already running. */
  kind: 'proposal' | 'project';
  value: CandidateValue;
  /** Months from its start to its finish (≥ 1). */
  duration: number;
  /** The first and last months it may start in (inclusive; within the horizon). */
  earliestStart: number;
  latestStart: number;
  /** Whether the solver may choose its start month; otherwise it starts at `plannedStart`. */
  shiftable: boolean;
  /** Its start month when not shiftable (and the proposal's wish when it is). */
  plannedStart: number;
  /** Must be selected (mandatory or regulatory work, or a project that cannot stop). */
  mustDo?: boolean;
  /** Fixed in or out by the portfolio manager (a re-solve around choices already made). */
  fixed?: 'in' | 'out';
  /** Cost by budget line, by month from its own start (0 = its first month). */
  cost: { line: string; month: number; amount: number }[];
  /** Role demand by month from its own start. */
  demand: { role: string; month: number; hours: number }[];
}

export interface Dependency {
  /** A (the predecessor). */
  from: string;
  /** B (the dependent). */
  to: string;
  /** `requires`: B only if A. `after`: B only if A, and B does not start before A ends. */
  kind: 'requires' | 'after';
}

export interface Scenario {
  horizon: {
    /** The first month, `YYYY-MM`. */
    start: string;
    months: number;
  };
  /** Budget years: year k covers months [12k, 12k + 12) of the horizon. */
  budget: { line: string; year: number; limit: number }[];
  /** Capacity by role and month (hours); a role with no entry for a month has none. */
  capacity: { role: string; month: number; hours: number }[];
  candidates: Candidate[];
  dependencies: Dependency[];
  /** Groups of which at most one candidate may be selected. */
  exclusions: string[][];
  objective: ObjectiveKind;
  /** For `objectives`: the weight of each strategic objective. */
  objectiveWeights?: Record<string, number>;
}
