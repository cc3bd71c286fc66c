/* The facts a RAG suggestion is made from, measured about one project as of one date. */
import type { IssueSeverity } from './types';

export interface MilestoneFact {
  id: string;
  name?: string;
  /** The baseline date, YYYY-MM-DD. */
  baseline: string;
  /** The current forecast date; the baseline when left out. */
  forecast?: string | null;
  done: boolean;
  /** A key milestone: its slip makes the schedule red when `criticalMilestoneRed` is on. */
  critical?: boolean;
}

export interface ScheduleFacts {
  milestones?: readonly MilestoneFact[];
  /** Only when the project has a schedule with earned value. */
  spi?: number | null;
  /** Forecast finish − baseline finish, calendar days (late is positive). */
  finishVarianceDays?: number | null;
}

export interface CostFacts {
  cpi?: number | null;
  /** Budget at completion, minor units. */
  budget?: number | null;
  /** Actual cost to date, minor units (same currency as the budget). */
  actualCost?: number | null;
  /** Physical % complete, 0–100. */
  percentComplete?: number | null;
  /** Estimate at completion, minor units. */
  eac?: number | null;
}

export interface ChangeFact {
  id: string;
  approvedOn: string;
  /** What it changes, as % of the baseline (budget, duration or scope, whichever it changes most). */
  sizePercent?: number;
}

export interface ScopeFacts {
  /** Approved change requests (those outside the window are left out by the rule). */
  approvedChanges?: readonly ChangeFact[];
}

export interface OpenRiskFact {
  id: string;
  /** Current score, probability × impact, 1–25. */
  score: number;
}

export interface OpenIssueFact {
  id: string;
  severity: IssueSeverity;
  due?: string | null;
  escalated?: boolean;
}

/** Open risks and open issues (pass only the open ones). */
export interface RiskFacts {
  risks?: readonly OpenRiskFact[];
  issues?: readonly OpenIssueFact[];
}

export interface QualityFacts {
  criticalDefects?: number | null;
  failedGateItems?: number | null;
  overdueFindings?: number | null;
}

export interface ResourceFacts {
  overAllocationPercent?: number | null;
  unfilledDemandPercent?: number | null;
}

/** What was measured about one project as of one date; leave out what is not known. */
export interface StatusFacts {
  asOf: string;
  schedule?: ScheduleFacts;
  cost?: CostFacts;
  scope?: ScopeFacts;
  risk?: RiskFacts;
  quality?: QualityFacts;
  resources?: ResourceFacts;
}
